#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-toolchains: the plugin with every GCC kernel developers build with,
# and the Coccinelle scripts with the Coccinelle current distributions ship.
#
# Compilers: every gcc-N of this machine that has plugin headers (Debian 12:
# 11 and 12), and every gcc-N of a Debian sid chroot made and cached by
# scripts/toolchain-chroot.sh (14, 15, 16), run there by
# scripts/chroot-run.sh.  For each compiler, result names "gcc-N: ...":
#   - the plugin builds (make CC=gcc-N OUT=build/gcc-N);
#   - another GCC refuses it with uecheck's one error line, non-zero exit;
#   - the whole unit corpus under the gcc engine, in suite-unit.sh's six
#     configurations (-O0 and -O2, three stub-header variants); not for
#     the machine's own gcc, whose corpus suite-unit.sh runs;
#   - the complete text of every finding and note on the corpus is the same
#     as the first compiler's, word for word (testcases/lib/corpus-text.sh);
#   - one gen-uemm program per injected bug kind: each bug is found;
#   - an object is byte-identical with and without the plugin;
#   - the real trace_events_user.c of 6.12 and of 7.3, each in a tree
#     configured and prepared by that compiler: silent unmodified, every
#     seed exactly as expected, objects identical (suite-kernel.sh, default
#     flavor).  The system gcc is left out here: suite-kernel.sh runs it in
#     both flavors.
# Then "spatch-V: ..." the unit corpus under the Coccinelle engine with the
# chroot's spatch (this machine's own runs in suite-unit.sh).
# After each compiler a "# gcc-N totals: ..." line counts its results.
#
# A chroot that cannot be made on this machine (not root, no debootstrap)
# turns its compilers into SKIP lines with the reason; one that fails to
# build is a failure.
#
# Environment: UECHECK_CHROOT_SUITE (default sid), UECHECK_CHROOT=0 to
# leave the chroot out (SKIP), UECHECK_TOOLCHAIN_KERNEL=0 to leave out the
# kernel part (SKIP), UECHECK_TOOLCHAIN_KERNELS (default "6.12 7.3"),
# UECHECK_CACHE (see scripts/kernel-tree.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=testcases/lib/ktap.sh
. "$top/testcases/lib/ktap.sh"
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-toolchains.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Result lines also go to $tmp/count, for the per-compiler totals.
pass() { ue_ok "$1" | tee -a "$tmp/count"; }
fail() { ue_not_ok "$1" | tee -a "$tmp/count"; failed=1; }
skip() { ue_skip "$1" "$2" | tee -a "$tmp/count"; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }

# run ENV CMD...: CMD on this machine (ENV "host") or in the chroot.
run() {
	where=$1
	shift
	if [ "$where" = host ]; then
		"$@"
	else
		sh "$top/scripts/chroot-run.sh" "$root" "$@"
	fi
}

# forward FILE: a sub-suite's output, its result lines counted too; any
# failure in it is ours.
forward() {
	tee -a "$tmp/count" <"$1"
	if grep -q '^not ok' "$1"; then
		failed=1
	fi
}

# totals TAG: the "# TAG totals" line from the results counted so far.
totals() {
	ok=$(grep -c '^ok - ' "$tmp/count" | tr -d ' ')
	sk=$(grep -c '^ok - .* # SKIP ' "$tmp/count" | tr -d ' ')
	bad=$(grep -c '^not ok - ' "$tmp/count" | tr -d ' ')
	echo "# $1 totals: $((ok - sk)) ok, $bad not ok, $sk skipped"
	: >"$tmp/count"
}

# result NAME: ok or not ok by the exit status of the last command.
result() {
	if [ "$rc" -eq 0 ]; then
		pass "$1"
	else
		fail "$1"
	fi
}

kernel_versions=${UECHECK_TOOLCHAIN_KERNELS:-6.12 7.3}
gen=$tmp/gen-uemm
if ! gcc -O2 -o "$gen" "$top/scripts/gen-uemm.c" 2>"$tmp/err"; then
	fail "toolchains: build scripts/gen-uemm.c"
	diag "$tmp/err"
	exit 1
fi
# The generated programs, made once on this machine, compiled by each GCC.
for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
	"$gen" -m bug -s "$seed" -n 40 -f 2 >"$tmp/bug$seed.c"
done
"$gen" -m random -s 5 -n 200 -f 4 >"$tmp/random.c"
printf 'int uecheck_probe;\n' >"$tmp/probe.c"

# kernel_part ENV V: the seeds of 6.12 and 7.3 with gcc-V, each in a tree
# that gcc-V configured and prepared.
kernel_part() {
	where=$1 v=$2
	if [ "${UECHECK_TOOLCHAIN_KERNEL:-1}" = 0 ]; then
		skip "gcc-$v: kernel seeds" "UECHECK_TOOLCHAIN_KERNEL=0"
		return
	fi
	if [ "$where" = host ] && [ "$(gcc -dumpfullversion 2>/dev/null)" = "$("gcc-$v" -dumpfullversion)" ]; then
		echo "# gcc-$v is this machine's gcc: its kernel seeds run in suite-kernel"
		return
	fi
	set --
	[ "$where" = host ] || set -- UECHECK_KERNEL_CHROOT="$root"
	# suite-kernel.sh asks for its trees by version and flavor: hand it these.
	echo '#!/bin/sh' >"$tmp/tree-$v.sh"
	kvers=
	for kv in $kernel_versions; do
		if ! env "$@" UECHECK_KERNEL_CC="gcc-$v" sh "$top/scripts/kernel-tree.sh" "$kv" default \
			>"$tmp/tree" 2>"$tmp/tree.err"; then
			fail "gcc-$v: kernel $kv tree configured and prepared by gcc-$v"
			diag "$tmp/tree.err"
			continue
		fi
		sed -n 's/^kernel-tree: /# /p' "$tmp/tree.err"
		{
			echo "[ \"\$1\" = $kv ] && {"
			sed -n -e 's/^\(SRC\|OBJ\)=\(.*\)$/echo "\1=\2"/p' "$tmp/tree"
			echo 'exit 0; }'
		} >>"$tmp/tree-$v.sh"
		kvers="$kvers $kv"
	done
	echo 'exit 1' >>"$tmp/tree-$v.sh"
	[ -n "$kvers" ] || return
	run "$where" env CC="gcc-$v" UECHECK_PLUGIN="$top/build/gcc-$v/uecheck.so" \
		UECHECK_KERNEL_VERSIONS="${kvers# }" UECHECK_KERNEL_FLAVORS=default \
		UECHECK_KERNEL_61=0 UECHECK_KERNEL_TREE_SH="$tmp/tree-$v.sh" \
		sh "$top/testcases/suite-kernel.sh" >"$tmp/kernel" 2>&1
	grep -v '6.1 default # SKIP' "$tmp/kernel" |
		sed -e "s/^ok - /ok - gcc-$v: /" -e "s/^not ok - /not ok - gcc-$v: /" >"$tmp/kernel.tagged"
	forward "$tmp/kernel.tagged"
	grep -q '^ok - ' "$tmp/kernel" || fail "gcc-$v: kernel seeds ran"
}

# structured ENV V SO: under analyze-only, GCC's own structured formats
# (-fdiagnostics-format=json up to GCC 15, sarif-stderr from GCC 13) carry
# each finding of a two-finding testcase with its notes attached.
structured() {
	printf '%s\n' "21 lock-required 2" "29 lock-required 2" >"$tmp/structured.want"
	for fmt in json sarif-stderr; do
		case $fmt:$2 in
		json:1[6-9]|sarif-stderr:1[12]) continue ;;	# not in this GCC
		esac
		run "$1" "gcc-$2" -std=gnu11 -nostdinc -I "$top/testcases/include" -O2 \
			-c -o /dev/null -fplugin="$3" -fplugin-arg-uecheck-analyze-only \
			-fdiagnostics-format="$fmt" "$top/testcases/lock/once-mixed-two-causes.c" \
			>"$tmp/structured.out" 2>&1
		python3 "$top/testcases/lib/structured-diag.py" "${fmt%-stderr}" \
			<"$tmp/structured.out" >"$tmp/structured.got" 2>&1
		cmp -s "$tmp/structured.want" "$tmp/structured.got"
		rc=$?
		result "gcc-$2: -fdiagnostics-format=$fmt under analyze-only: each finding with its notes attached"
		[ "$rc" -eq 0 ] || { diff "$tmp/structured.want" "$tmp/structured.got" | diag; }
	done
}

# check_compiler ENV V [OTHER]: every check for gcc-V; OTHER is another
# GCC of the same environment for the refusal check.
check_compiler() {
	where=$1 v=$2 other=${3:-}
	cc=gcc-$v
	so=$top/build/gcc-$v/uecheck.so
	: >"$tmp/count"
	rm -f "$so"
	run "$where" make -s -C "$top" CC="$cc" OUT="$top/build/gcc-$v" plugin >"$tmp/build" 2>&1
	if [ -f "$so" ]; then
		pass "gcc-$v: plugin builds ($(run "$where" "$cc" -dumpfullversion))"
	else
		fail "gcc-$v: plugin builds"
		diag "$tmp/build"
		totals "gcc-$v"
		return
	fi

	if [ -n "$other" ]; then
		run "$where" "gcc-$other" -fplugin="$so" -c -o /dev/null "$tmp/probe.c" \
			>"$tmp/refuse" 2>&1
		rc=$?
		if [ "$rc" -ne 0 ] && [ "$(wc -l <"$tmp/refuse")" -eq 1 ] &&
		   grep -q "error: uecheck: this plugin was built for GCC $(run "$where" "$cc" -dumpfullversion) and cannot run in GCC" "$tmp/refuse"; then
			rc=0
		else
			rc=1
		fi
		result "gcc-$v: gcc-$other refuses the plugin with one uecheck error line"
		[ "$rc" -eq 0 ] || diag "$tmp/refuse"
	fi

	# The machine's own gcc runs the corpus in suite-unit.sh, with the
	# plugin of `make plugin`: the same compiler and sources.
	if [ "$where" = host ] && [ "$(gcc -dumpfullversion 2>/dev/null)" = "$("$cc" -dumpfullversion)" ]; then
		echo "# gcc-$v is this machine's gcc: its unit corpus runs in suite-unit"
	else
		run "$where" env CC="$cc" UECHECK_PLUGIN="$so" UECHECK_UNIT_ENGINES=gcc \
			UECHECK_UNIT_TAG="gcc-$v: " sh "$top/testcases/suite-unit.sh" >"$tmp/unit" 2>&1
		forward "$tmp/unit"
		grep -q '^ok - ' "$tmp/unit" || fail "gcc-$v: unit corpus ran"
	fi

	run "$where" sh "$top/testcases/lib/corpus-text.sh" "$cc" "$so" >"$tmp/text-$v" 2>&1
	if [ ! -s "$tmp/text-ref" ]; then
		cp "$tmp/text-$v" "$tmp/text-ref"
		echo "gcc-$v" >"$tmp/text-ref.cc"
		echo "# gcc-$v: $(grep -vc '^== ' "$tmp/text-$v") lines of findings and notes, the reference for the other compilers"
	else
		diff "$tmp/text-ref" "$tmp/text-$v" >"$tmp/text.diff"
		rc=$?
		result "gcc-$v: every finding and note on the corpus reads as with $(cat "$tmp/text-ref.cc")"
		[ "$rc" -eq 0 ] || diag "$tmp/text.diff"
	fi

	structured "$where" "$v" "$so"

	missed=0
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
		run "$where" "$cc" -O2 -c -o /dev/null -fplugin="$so" "$tmp/bug$seed.c" >"$tmp/out" 2>&1
		sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: \(warning\|error\): .* \[uecheck:\([a-z-]*\)\]$/\1 \3/p' \
			"$tmp/out" | sort -u >"$tmp/got"
		if ! awk -f "$top/testcases/fuzz-expect.awk" "$tmp/bug$seed.c" "$tmp/got" >"$tmp/why"; then
			missed=$((missed + 1))
			echo "# gen-uemm -m bug -s $seed -n 40 -f 2: $(cat "$tmp/why")"
		fi
	done
	rc=$missed
	result "gcc-$v: injected bugs found (gen-uemm -m bug, seeds 1..12)"

	rm -f "$tmp/with.o" "$tmp/without.o"
	run "$where" "$cc" -O2 -c -o "$tmp/with.o" -fplugin="$so" "$tmp/random.c" 2>/dev/null
	run "$where" "$cc" -O2 -c -o "$tmp/without.o" "$tmp/random.c" 2>/dev/null
	[ -s "$tmp/with.o" ] && cmp -s "$tmp/with.o" "$tmp/without.o"
	rc=$?
	result "gcc-$v: object identical with and without the plugin"

	kernel_part "$where" "$v"
	totals "gcc-$v"
}

# with_plugin_headers V...: the versions whose gcc-V here has plugin headers.
with_plugin_headers() {
	for v in "$@"; do
		d=$("gcc-$v" -print-file-name=plugin 2>/dev/null) &&
			[ -f "$d/include/gcc-plugin.h" ] && printf '%s ' "$v"
	done
}

# check_compilers ENV WHAT V...: every check for each gcc-V of ENV; WHAT
# names where they should have come from when there is none.
check_compilers() {
	where=$1 what=$2
	shift 2
	[ $# -gt 0 ] || fail "toolchains: a gcc-N with plugin headers $what"
	for v in "$@"; do
		check_compiler "$where" "$v" "$(other_of "$v" "$*")"
	done
}

# other_of V LIST: a version of LIST that is not V, for the refusal check.
other_of() {
	for o in $2; do
		[ "$o" = "$1" ] || { echo "$o"; return; }
	done
}

# ---- this machine's compilers ---------------------------------------------
root=
host=$(cd /usr/bin && printf '%s\n' gcc-[0-9]* 2>/dev/null |
	sed -n 's/^gcc-\([0-9][0-9]*\)$/\1/p' | sort -n | tr '\n' ' ')
# shellcheck disable=SC2086 # lists of version numbers
check_compilers host "on this machine (make deps)" $(with_plugin_headers $host)

# ---- the chroot's --------------------------------------------------------
suite=${UECHECK_CHROOT_SUITE:-sid}
if [ "${UECHECK_CHROOT:-1}" = 0 ]; then
	skip "toolchains: $suite chroot (GCC 14-16, Coccinelle 1.3)" "UECHECK_CHROOT=0"
	exit "$failed"
fi
t0=$(date +%s)
sh "$top/scripts/toolchain-chroot.sh" "$suite" >"$tmp/chroot" 2>"$tmp/chroot.err"
rc=$?
if [ "$rc" -eq 3 ]; then
	skip "toolchains: $suite chroot (GCC 14-16, Coccinelle 1.3)" "$(head -n 1 "$tmp/chroot.err")"
	exit "$failed"
elif [ "$rc" -ne 0 ]; then
	fail "toolchains: $suite chroot made by scripts/toolchain-chroot.sh"
	diag "$tmp/chroot.err"
	exit 1
fi
sed -n 's/^toolchain-chroot: /# /p' "$tmp/chroot.err"
echo "# $suite chroot: $(($(date +%s) - t0)) s"
root=$(sed -n 's/^ROOT=//p' "$tmp/chroot")
spatch=$(sed -n 's/^SPATCH=//p' "$tmp/chroot")
# toolchain-chroot.sh lists only the gcc-N that have plugin headers there.
# shellcheck disable=SC2086 # a list of version numbers
check_compilers chroot "in the $suite chroot" $(sed -n 's/^GCC=//p' "$tmp/chroot")

if [ "$spatch" = none ] || [ -z "$spatch" ]; then
	fail "spatch: Coccinelle runs in the $suite chroot"
else
	: >"$tmp/count"
	run chroot env UECHECK_UNIT_ENGINES=cocci UECHECK_UNIT_TAG="spatch-$spatch: " \
		sh "$top/testcases/suite-unit.sh" >"$tmp/unit" 2>&1
	forward "$tmp/unit"
	grep -q '^ok - ' "$tmp/unit" || fail "spatch-$spatch: unit corpus ran"
	totals "spatch-$spatch"
fi
exit "$failed"
