#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-real-headers: the unit corpus against a real kernel's headers, not
# the stubs.  For each of 6.12 and 7.3 (trees of scripts/kernel-tree.sh,
# default flavor, never modified: the build runs in a copy), every
# testcases/{lock,ref,ruleset}/*.c is one object of a single external module
# (make M=DIR), compiled by kbuild with the kernel's own flags (-O2, its
# -std, -ftrivial-auto-var-init, ...) and KCFLAGS=-fplugin=..., through
# testcases/include-kernel/uecheck-test.h, which includes the kernel's own
# mutex.h, cleanup.h, lockdep.h, slab.h and user_events.h.  A testcase's
# "uecheck-options:" become its object's CFLAGS.  Its uecheck findings, as
# (line, rule), must equal its "expect:"/"expect[gcc]:" lines; a compile
# that fails for another reason than a werror testcase's findings fails.
# "uecheck-engines:" without gcc and "uecheck-xfail[gcc]:" are honoured as
# in suite-unit.sh; "uecheck-xfail[kernel]: REASON" marks a testcase whose
# meaning depends on the stubs.
#
# At -O2 (kbuild's default), -Os (CONFIG_CC_OPTIMIZE_FOR_SIZE) and -O0,
# given after the kernel's own -O2 in KCFLAGS.  Kernel headers do not
# build to an object at -O0 (compile-time assertions and asm constraints
# rely on constant folding, which GCC checks when it expands to RTL), but
# the analysis runs before that: -O0 adds -fplugin-arg-uecheck-analyze-only,
# and a compile there counts as good when it printed no error of its own
# (kbuild then stops at the missing dependency file, which is expected).
#
# Environment: CC (default gcc), UECHECK_PLUGIN, UECHECK_KERNEL_VERSIONS
# (default "6.12 7.3"), UECHECK_REALH_LEVELS (default "-O2 -Os -O0"),
# UECHECK_KERNEL_TREE_SH, UECHECK_CACHE, UECHECK_FINDINGS_DIR (each
# testcase's lines of the build log are kept there, as
# real-headers/VERSION-LEVEL/OBJECT: testcases/lib/findings-log.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=testcases/lib/expect.sh
. "$top/testcases/lib/expect.sh"
# shellcheck source=testcases/lib/findings.sh
. "$top/testcases/lib/findings.sh"
# shellcheck source=testcases/lib/ktap.sh
. "$top/testcases/lib/ktap.sh"
# shellcheck source=testcases/lib/findings-log.sh
. "$top/testcases/lib/findings-log.sh"

cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
jobs=$(nproc 2>/dev/null || echo 2)
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-realh.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

fail() { ue_not_ok "$1"; failed=1; }

[ -f "$plugin" ] || { fail "real-headers: plugin $plugin exists (make plugin)"; exit 1; }

# module DIR: the corpus as objects of one external module in DIR.  An
# object's name is its testcase's path with '/' and '-' made '_'.
module() {
	mkdir -p "$1/inc"
	cp "$top/testcases/include-kernel/uecheck-test.h" "$top/testcases/include/uecheck-api.h" \
		"$top"/testcases/ruleset/*.h "$1/inc/"
	: >"$1/list"
	objs=
	for f in "$top"/testcases/lock/*.c "$top"/testcases/ref/*.c "$top"/testcases/ruleset/*.c; do
		o=$(basename "$(dirname "$f")")__$(basename "$f" .c | tr '-' '_')
		cp "$f" "$1/$o.c"
		echo "$o $f" >>"$1/list"
		objs="$objs $o.o"
		opts=
		for x in $(ue_directive options "$f"); do
			# A rule set beside the testcase.
			case $x in ruleset=*) x=ruleset=$(dirname "$f")/${x#ruleset=} ;; esac
			opts="$opts -fplugin-arg-uecheck-$x"
		done
		[ -n "$opts" ] && echo "CFLAGS_$o.o :=$opts" >>"$1/Kbuild.opts"
	done
	{
		echo "obj-m :=$objs"
		echo 'ccflags-y := -I$(src)/inc'
		cat "$1/Kbuild.opts" 2>/dev/null
	} >"$1/Kbuild"
}

# build_and_compare V LEVEL SRC OBJ: the corpus module at one optimisation
# level, each testcase's findings compared with its expectations.
build_and_compare() {
	v=$1 level=$2 src=$3 obj=$4
	work=$tmp/obj-$v$level
	mdir=$tmp/mod-$v$level
	rm -rf "$work" "$mdir"
	cp -a "$obj" "$work"
	module "$mdir"
	flags="-fplugin=$plugin $level"
	[ "$level" = -O0 ] && flags="$flags -fplugin-arg-uecheck-analyze-only"
	t0=$(date +%s)
	# -k: modpost's complaints about a module without MODULE_LICENSE() and
	# a werror testcase's failed compile must not stop the other objects.
	# --output-sync: every object's diagnostics in one log, each compile's
	# whole (with -j2 two compiles' lines could interleave).
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -k --output-sync=target \
		-C "$src" O="$work" M="$mdir" \
		CC="$cc" HOSTCC="$cc" KCFLAGS="$flags" -j"$jobs" modules \
		>"$mdir/log" 2>&1
	echo "# $v $level: corpus built as one external module in $(($(date +%s) - t0)) s"
	if grep -q 'internal compiler error' "$mdir/log"; then
		fail "real-headers: $v $level: no compiler crash"
		grep -B2 'internal compiler error' "$mdir/log" | head -n 8 | ue_diag
	fi
	# An error of the compiler's own (the plugin not loaded, an option
	# refused) names no source line: no testcase may pass on it.
	grep -E '^cc1(plus)?: (fatal )?error:' "$mdir/log" | sort -u >"$tmp/cc1err"
	if [ -s "$tmp/cc1err" ]; then
		fail "real-headers: $v $level: the compiler ran the plugin (no error of cc1's own)"
		head -n 5 "$tmp/cc1err" | ue_diag
	fi
	while read -r o f; do
		name="real-headers: $v $level: ${f#"$top"/testcases/}"
		engines=$(ue_directive engines "$f")
		if [ -n "$engines" ] && ! echo " $engines " | tr ',' ' ' | grep -q " gcc "; then
			ue_skip "$name" "not run under gcc (uecheck-engines: $engines)"
			continue
		fi
		xfail=$(ue_directive "xfail[kernel]" "$f")
		[ -n "$xfail" ] || xfail=$(ue_directive "xfail[gcc]" "$f")
		ue_expectations gcc "$f" >"$tmp/want"
		# 6.x names the file by its full path, 7.x (which builds in M) by its own.
		sed -n -e "s|^$mdir/||" -e "/^$o\.c:/p" "$mdir/log" >"$tmp/lines"
		ue_findings_log "real-headers/$v$level/$o" "$tmp/lines"
		ue_gcc_findings "$o.c" <"$tmp/lines" >"$tmp/got"
		why=
		: >"$tmp/diff"
		if [ -s "$tmp/cc1err" ]; then
			why="did not compile"
		elif [ "$level" = -O0 ]; then
			if grep -E "(^|/)$o\.c:[0-9]+:[0-9]+: (fatal )?error:" "$mdir/log" |
			   grep -qv '\[uecheck:'; then
				why="did not compile"
			fi
		elif [ ! -f "$mdir/$o.o" ] && ! grep -q 'uecheck-options:.*werror' "$f"; then
			why="did not compile"
		fi
		if [ -z "$why" ] && ue_compare "$tmp/want" "$tmp/got" >"$tmp/diff"; then
			if [ -n "$xfail" ]; then
				ue_skip "$name" "xfail: $xfail"
				echo "xfail passes now: remove the uecheck-xfail line" | ue_diag
			else
				ue_ok "$name"
			fi
		elif [ -n "$xfail" ]; then
			ue_skip "$name" "xfail: $xfail"
		else
			fail "$name"
			[ -n "$why" ] && { echo "$why:"; { cat "$tmp/cc1err"; grep -F "$o.c:" "$mdir/log"; } |
				grep 'error' | head -n 5; } | ue_diag
			ue_diag <"$tmp/diff"
		fi
	done <"$mdir/list"
	rm -rf "$work"
}

for v in ${UECHECK_KERNEL_VERSIONS:-6.12 7.3}; do
	if ! sh "$tree_sh" "$v" default >"$tmp/tree" 2>"$tmp/tree.err"; then
		fail "real-headers: $v: prepared tree from scripts/kernel-tree.sh"
		ue_diag <"$tmp/tree.err"
		continue
	fi
	for level in ${UECHECK_REALH_LEVELS:--O2 -Os -O0}; do
		build_and_compare "$v" "$level" "$(sed -n 's/^SRC=//p' "$tmp/tree")" \
			"$(sed -n 's/^OBJ=//p' "$tmp/tree")"
	done
done
exit "$failed"
