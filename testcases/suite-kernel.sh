#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-kernel: the plugin on Debian's real kernel/trace/trace_events_user.c,
# in trees prepared by scripts/kernel-tree.sh (6.12 and 7.3, default and
# lockdep flavors; 6.1 default).  The cached trees are never modified: each
# flavor is built in a private copy of its build directory.
#   (a) the unmodified file builds through kbuild with
#       KCFLAGS=-fplugin=... and gets no finding (6.12, 7.3: also in strict
#       mode);
#   (b) every seed testcases/kernel/*.seed (a sed script of our own that
#       edits a copy of the real file and writes the expectation comments,
#       `/* expect: RULE */`, onto the offending lines) is reported at
#       exactly the expected lines with exactly the expected rules, and
#       nothing else, in every flavor of 6.12 and of 7.3;
#   (c) the object kbuild builds with the plugin is byte-identical (cmp)
#       to the one it builds without it (the kernel's own -O2 flags);
#   (d) every seed through scripts/uecheck --engines=gcc, as make C=1
#       CHECK=... calls it (kbuild's flags, then the file): the same
#       findings as (b).
# Seeds are compiled with the exact command line kbuild recorded for
# trace_events_user.o (kernel/trace/.trace_events_user.o.cmd), with the
# source file replaced by the seeded copy.
#
# Seed files: a sed script; its `#` comment lines carry the directives
#   # expects: RULE ...        rule ids the edit must insert as expectation
#                              comments (`none` for a must-stay-silent seed)
#   # uecheck-options: strict  run the plugin with -fplugin-arg-uecheck-strict
# Expectations: `expect:` and `expect[gcc]:` apply, `expect[cocci]:` not.
#
# Environment: CC (default gcc), UECHECK_PLUGIN, UECHECK_KERNEL_TIMEOUT
# (seconds per build, default 600), UECHECK_KERNEL_TREE_SH (default
# scripts/kernel-tree.sh), UECHECK_KERNEL_SEEDS (a directory, default
# testcases/kernel), UECHECK_KERNEL_61=0 to leave out 6.1,
# UECHECK_KERNEL_VERSIONS (default "6.12 7.3"), UECHECK_KERNEL_FLAVORS
# (their flavors, default "default lockdep"),
# UECHECK_KERNEL_JOBS (seeds compiled at once, default nproc),
# UECHECK_CACHE (see scripts/kernel-tree.sh), UECHECK_FINDINGS_DIR (every
# compile's output is kept there: testcases/lib/findings-log.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=testcases/lib/findings-log.sh
. "$top/testcases/lib/findings-log.sh"
# Outputs kept go under kernel/, or kernel-gcc-14/ when suite-toolchains
# runs the seeds with CC=gcc-14.
log_pre=kernel${CC:+-${CC##*/}}
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
limit=${UECHECK_KERNEL_TIMEOUT:-600}
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
seeds=${UECHECK_KERNEL_SEEDS:-$top/testcases/kernel}
flavors=${UECHECK_KERNEL_FLAVORS:-default lockdep}
rel=kernel/trace/trace_events_user
failed=0

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
diag() { sed -e 's/^/# /' -e 25q "$@"; }
ms() { date +%s%3N; }

findings() {
	grep -E '^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$' "$@"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-kernel.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ ! -f "$plugin" ]; then
	fail "kernel: plugin $plugin exists (make plugin)"
	exit 1
fi

# tree VERSION FLAVOR: sets src and obj from kernel-tree.sh, or fails.
tree() {
	src='' obj=''
	t0=$(ms)
	if ! sh "$tree_sh" "$1" "$2" >"$tmp/tree" 2>"$tmp/tree.err"; then
		diag "$tmp/tree.err"
		return 1
	fi
	src=$(sed -n 's/^SRC=//p' "$tmp/tree")
	obj=$(sed -n 's/^OBJ=//p' "$tmp/tree")
	if [ ! -d "$src" ] || [ ! -d "$obj" ]; then
		echo "# kernel-tree.sh $1 $2 printed no usable SRC=/OBJ= lines"
		return 1
	fi
	echo "# kernel-tree.sh $1 $2: $(($(ms) - t0)) ms"
}

# kmake LOG ARGS...: kbuild in the private copy $work, bounded in time.
# A parent make's MAKEFLAGS (jobserver, overrides) must not leak in.
kmake() {
	klog=$1
	shift
	timeout "$limit" env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s -C "$src" O="$work" CC="$cc" HOSTCC="$cc" "$@" "$rel.o" >"$klog" 2>&1
}

# kcompile OUT LOG FILE [ARGS...]: the recorded kbuild command line for
# trace_events_user.o, compiling FILE into OUT, with ARGS added.
kcompile() {
	kout=$1 klog=$2 kfile=$3
	shift 3
	(cd "$work" && timeout "$limit" sh -c "$prefix"' "$@"' sh "$@" \
		-c -o "$kout" "$kfile") >"$klog" 2>&1
}

# baseline VERSION FLAVOR: checks (a) and (c) for the unmodified file;
# leaves $work (private build directory) and $prefix (recorded command
# line without output, input and dependency file) for the seeds.
baseline() {
	ver=$1 fl=$2
	name="kernel: $ver $fl:"
	prefix=''
	if ! tree "$ver" "$fl"; then
		fail "$name prepared tree from scripts/kernel-tree.sh"
		return 1
	fi
	work=$tmp/obj-$ver-$fl
	rm -rf "$work"
	cp -a "$obj" "$work"
	rm -f "$work/$rel.o"

	t0=$(ms)
	if ! kmake "$tmp/plain.log" || [ ! -f "$work/$rel.o" ]; then
		fail "$name $rel.o builds without the plugin"
		diag "$tmp/plain.log"
		return 1
	fi
	t1=$(ms)
	mv "$work/$rel.o" "$tmp/plain.o"
	cp "$work/kernel/trace/.trace_events_user.o.cmd" "$tmp/plain.cmd"
	if kmake "$tmp/plugin.log" KCFLAGS="-fplugin=$plugin" &&
	   [ -f "$work/$rel.o" ] && ! grep -q 'internal compiler error' "$tmp/plugin.log"; then
		pass "$name unmodified $rel.o builds with the plugin"
	else
		fail "$name unmodified $rel.o builds with the plugin"
		diag "$tmp/plugin.log"
		return 1
	fi
	t2=$(ms)
	ue_findings_log "$log_pre/$ver/$fl/unmodified" "$tmp/plugin.log"
	echo "# kbuild $rel.o: $((t1 - t0)) ms without the plugin, $((t2 - t1)) ms with it"
	# Silence means something only if kbuild really passed the plugin.
	if grep -q -e "-fplugin=$plugin" "$work/kernel/trace/.trace_events_user.o.cmd"; then
		pass "$name kbuild compiled $rel.o with -fplugin"
	else
		fail "$name kbuild compiled $rel.o with -fplugin"
	fi
	if findings "$tmp/plugin.log" >"$tmp/found"; then
		fail "$name unmodified file: no finding ($(wc -l <"$tmp/found") found)"
		diag "$tmp/found"
	else
		pass "$name unmodified file: no finding"
	fi
	if cmp "$tmp/plain.o" "$work/$rel.o" >"$tmp/cmp" 2>&1; then
		pass "$name $rel.o byte-identical with and without the plugin"
	else
		fail "$name $rel.o byte-identical with and without the plugin"
		diag "$tmp/cmp"
	fi

	# The recorded command line, without its dependency file, output and
	# input: the seeds append their own.
	# (Older kernels append '; objtool ...' to the same command.)
	cmdline=$(sed -n "s|^\(saved\)\?cmd_$rel\\.o := ||p" "$tmp/plain.cmd" |
		sed -e 's/ *; .*$//' -e 's/ *$//')
	suffix=" -c -o $rel.o $src/$rel.c"
	case "$cmdline" in
	*"$suffix")
		prefix=$(echo "${cmdline%"$suffix"}" |
			sed "s| -Wp,-MMD,kernel/trace/\\.trace_events_user\\.o\\.d | |")
		;;
	*)
		fail "$name recorded command line of $rel.o ends in '$suffix'"
		echo "# $cmdline" | cut -c 1-300
		return 1
		;;
	esac
	case "$prefix" in
	*-fplugin* | *-MMD*)
		fail "$name recorded command line of $rel.o is plugin-free, without -MMD"
		return 1
		;;
	esac
	return 0
}

# expectations FILE: "LINE RULE" for each gcc expectation in FILE.
expectations() {
	awk '{
		s = $0
		while (match(s, /\/\* *expect(\[[a-z]+\])?: *[a-z, -]+\*\//)) {
			m = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			if (m ~ /expect\[/ && m !~ /expect\[gcc\]/)
				continue
			sub(/^\/\* *expect(\[[a-z]+\])?: */, "", m)
			sub(/ *\*\/$/, "", m)
			n = split(m, r, / *, */)
			for (i = 1; i <= n; i++)
				print NR, r[i]
		}
	}' "$1"
}

# inserted_rules FILE: the rule ids of every expectation comment in FILE,
# any engine, sorted and unique.
inserted_rules() {
	grep -o '/\* *expect\(\[[a-z]*\]\)\?: *[a-z, -]*\*/' "$1" |
		sed -e 's|^/\* *expect\(\[[a-z]*\]\)\?: *||' -e 's| *\*/$||' |
		tr ',' '\n' | tr -d ' ' | sed '/^$/d' | sort -u
}

# found_at FILE LOG: "LINE RULE" for each finding in LOG; a finding in
# another file prints as "FILE:LINE RULE", which no expectation matches.
found_at() {
	findings "$2" | awk -F: -v f="$1" '{
		rule = $0
		sub(/^.*\[uecheck:/, "", rule)
		sub(/\]$/, "", rule)
		if ($1 == f)
			print $2, rule
		else
			print $1 ":" $2, rule
	}'
}

# check_seed FILE NAME SEEDFILE: (d), FILE through the CHECK wrapper with
# the recorded flags (the compiler word of the command line dropped, as
# kbuild hands CHECK only the flags), compared with $dir/want.
check_seed() {
	set -- "$1" "$2" "$3" --engines=gcc
	grep -q '^# uecheck-options:.*\<strict\>' "$3" && set -- "$@" --strict
	(cd "$work" && UECHECK_CC="$cc" UECHECK_PLUGIN="$plugin" timeout "$limit" \
		sh -c 'f=$1 && shift 3 && exec sh "$0" "$@" '"${prefix#* }"' "$f"' \
		"$top/scripts/uecheck" "$@") >"$dir/check.log" 2>&1
	crc=$?
	found_at "$1" "$dir/check.log" | sort >"$dir/check.got"
	if [ "$crc" -le 1 ] && cmp -s "$dir/want" "$dir/check.got"; then
		pass "$2 (through CHECK=scripts/uecheck --engines=gcc)"
	else
		fail "$2 (through CHECK=scripts/uecheck --engines=gcc)"
		echo "# uecheck exit $crc; wanted / got (LINE RULE):"
		diff "$dir/want" "$dir/check.got" | sed 's/^/#   /' | head -n 8
		grep -v ': note: ' "$dir/check.log" | sed 's/^/#   /' | head -n 4
	fi
}

# seed FILE VERSION FLAVOR: check (b) for one seed.
seed() {
	sfile=$1
	sname=$(basename "$sfile" .seed)
	name="kernel: $2 $3: seed $sname"
	scase=$log_pre/$2/$3/$sname
	dir=$tmp/seed/$sname
	rm -rf "$dir"
	mkdir -p "$dir"
	c=$dir/trace_events_user.c
	if ! sed -f "$sfile" "$src/$rel.c" >"$c" 2>"$dir/sed.err" ||
	   cmp -s "$src/$rel.c" "$c"; then
		fail "$name (the edit does not apply)"
		diag "$dir/sed.err"
		return
	fi
	want=$(sed -n 's/^# expects: *//p' "$sfile" | tr ' ' '\n' | sed -e '/^$/d' -e '/^none$/d' | sort -u)
	got=$(inserted_rules "$c")
	if [ "$want" != "$got" ]; then
		fail "$name (the edit inserts the expectations its header names)"
		echo "# header: $(echo "$want" | tr '\n' ' ')"
		echo "# inserted: $(echo "$got" | tr '\n' ' ')"
		return
	fi
	set -- "-fplugin=$plugin"
	if grep -q '^# uecheck-options:.*\<strict\>' "$sfile"; then
		set -- "$@" -fplugin-arg-uecheck-strict
	fi
	t0=$(ms)
	kcompile "$dir/out.o" "$dir/log" "$c" "$@"
	rc=$?
	ue_findings_log "$scase/plugin" "$dir/log"
	t1=$(ms)
	echo "$((t1 - t0))" >"$dir/ms"
	if [ "$rc" -ne 0 ] || grep -q 'internal compiler error' "$dir/log"; then
		fail "$name (compile failed, exit $rc)"
		if kcompile "$dir/plain.o" "$dir/plain.log" "$c"; then
			echo "# the seeded file compiles without the plugin:"
			diag "$dir/log"
		else
			echo "# the seeded file does not compile even without the plugin (bad seed):"
			diag "$dir/plain.log"
		fi
		return
	fi
	expectations "$c" | sort >"$dir/want"
	found_at "$c" "$dir/log" | sort >"$dir/got"
	check_seed "$c" "$name" "$sfile"
	ue_findings_log "$scase/check" "$dir/check.log"
	if cmp -s "$dir/want" "$dir/got"; then
		pass "$name"
		return
	fi
	fail "$name"
	comm -23 "$dir/want" "$dir/got" | while read -r l r; do
		echo "# missing $r at line $l: $(sed -n "${l}p" "$c" | sed 's/^[[:space:]]*//')"
	done
	comm -13 "$dir/want" "$dir/got" | while read -r l r; do
		echo "# unexpected $r at $l:"
		findings "$dir/log" | grep -F ":${l}:" | grep -F "[uecheck:$r]" |
			sed -e "s|^$dir/||" -e 's/^/#   /' | head -n 3
	done
}

# seeds_parallel VERSION FLAVOR: every seed, $jobs at a time, results in order.
seeds_parallel() {
	res=$tmp/res
	rm -rf "$res"
	mkdir -p "$res"
	i=0
	t0=$(ms)
	for s in "$seeds"/*.seed; do
		[ -f "$s" ] || continue
		i=$((i + 1))
		seed "$s" "$1" "$2" >"$res/$(printf '%03d' "$i")" &
		[ $((i % jobs)) -ne 0 ] || wait
	done
	wait
	t1=$(ms)
	if [ "$i" -eq 0 ]; then
		fail "kernel: $1 $2: seeds exist in $seeds"
		return
	fi
	cat "$res"/[0-9]*
	grep -q '^not ok' "$res"/[0-9]* && failed=1
	total=$(cat "$tmp"/seed/*/ms 2>/dev/null | awk '{ s += $1; n++ } END { if (n) print n, int(s / n) }')
	echo "# $i seeds in $((t1 - t0)) ms (-j$jobs); ${total% *} compiles with the plugin, ${total#* } ms each on average"
}

jobs=${UECHECK_KERNEL_JOBS:-$(nproc 2>/dev/null || echo 2)}
versions=${UECHECK_KERNEL_VERSIONS:-6.12 7.3}
for ver in $versions; do
	for fl in $flavors; do
		baseline "$ver" "$fl" || continue
		# Strict mode on the unmodified file: nothing relies on callers
		# without the kernel's own assertions, so nothing to suggest.
		t0=$(ms)
		kcompile "$tmp/strict.o" "$tmp/strict.log" "$src/$rel.c" \
			"-fplugin=$plugin" -fplugin-arg-uecheck-strict
		rc=$?
		ue_findings_log "$log_pre/$ver/$fl/unmodified-strict" "$tmp/strict.log"
		echo "# recorded command line, unmodified file, strict: $(($(ms) - t0)) ms"
		if [ "$rc" -eq 0 ] && ! findings "$tmp/strict.log" >"$tmp/found"; then
			pass "kernel: $ver $fl: unmodified file: no finding in strict mode"
		else
			fail "kernel: $ver $fl: unmodified file: no finding in strict mode"
			diag "$tmp/strict.log"
		fi
		seeds_parallel "$ver" "$fl"
		rm -rf "$work" "$tmp/seed"
	done
done

# 6.1 has no struct user_event_mm: the file must build silently.
if [ "${UECHECK_KERNEL_61:-1}" = 0 ]; then
	echo "ok - kernel: 6.1 default # SKIP UECHECK_KERNEL_61=0"
elif baseline 6.1 default; then
	rm -rf "$work"
fi

exit "$failed"
