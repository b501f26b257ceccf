#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-kernel.sh [VERSION [--file|--check]]: the plugin in a real kernel
# build (make bench, parts 1-3), VERSION 6.12 by default; --file: parts 1
# and 2 only (bench.sh runs 6.12 whole and 7.3 with --file); --check:
# part 2 only.
#
#   1. trace_events_user.o compiled with vs without -fplugin, using the
#      exact command kbuild recorded in kernel/trace/.trace_events_user.o.cmd
#      (target: under 2% slower);
#   2. CHECK cost on the same file: scripts/uecheck --engines=gcc (with what
#      kbuild passes to CHECK: $(CHECKFLAGS) $(c_flags) file) vs
#      gcc -fsyntax-only with the same compile flags (target: at most 10%
#      above) and vs sparse with the same arguments;
#   3. the whole kernel/trace/ directory with vs without the plugin.
#
# Works in a copy of the prepared tree from scripts/kernel-tree.sh VERSION.
# Every figure's name starts with VERSION.
# The commands of each comparison take turns (bench-lib.sh: interleave);
# a ratio is the median of the per-round ratios.
# Environment: CC, UECHECK_PLUGIN, UECHECK_KERNEL_TREE_SH (default
# scripts/kernel-tree.sh), BENCH_RUNS (single file, default 21),
# BENCH_RUNS_DIR (directory: timed builds per block, default 2),
# BENCH_RESULTS (bench-lib.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
runs=${BENCH_RUNS:-21}
runs_dir=${BENCH_RUNS_DIR:-2}
jobs=$(nproc 2>/dev/null || echo 2)
kv=${1:-6.12}
mode=${2:-}
whole=yes
[ -n "$mode" ] && whole=no

[ -f "$plugin" ] || { echo "bench-kernel: no plugin at $plugin (make plugin)" >&2; exit 1; }
bench_tree bench-kernel "$kv"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-benchk.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
work=$tmp/obj
cp -a "$obj" "$work"
kmake() { make -s -C "$src" O="$work" CC="$cc" -j"$jobs" "$@"; }

# The exact compile command kbuild records, run from the build directory.
kmake kernel/trace/trace_events_user.o >/dev/null
cmdfile=$work/kernel/trace/.trace_events_user.o.cmd
cmd=$(sed -n 's/^\(saved\)\{0,1\}cmd_kernel\/trace\/trace_events_user\.o := //p' "$cmdfile" |
	sed -e 's/ ; .*//' -e 's/-Wp,-MMD,[^ ]* //')
[ -n "$cmd" ] || { echo "bench-kernel: no compile command in $cmdfile" >&2; exit 1; }
case $cmd in
*"-c -o kernel/trace/trace_events_user.o "*) ;;
*) echo "bench-kernel: unexpected command in $cmdfile" >&2; exit 1 ;;
esac
pre=${cmd%%" -c -o kernel/trace/trace_events_user.o "*}
post=${cmd#*" -c -o kernel/trace/trace_events_user.o "}
cd "$work"

if [ "$mode" != --check ]; then
echo "== 1. plugin overhead: $kv trace_events_user.o, kbuild's own command, $runs runs each"
plain="$pre -c -o $tmp/plain.o $post"
with="$pre -fplugin=$plugin -c -o $tmp/plugin.o $post"
interleave "$tmp/1.csv" "$runs" -n plain "$plain" -n plugin "$with"
a=$(median "$tmp/1.csv" plain)
b=$(median "$tmp/1.csv" plugin)
r1=$(pair_ratio "$tmp/1.csv" plain plugin)
over=$(pct "$r1" 1)
same=no
cmp -s "$tmp/plain.o" "$tmp/plugin.o" && same=yes
echo "median ${a}s without, ${b}s with; per-round ratio $r1: ${over}% (target < 2%); objects identical: $same"
status=$(awk -v p="$over" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')
record "$kv trace_events_user.o: with / without -fplugin" "$r1 (${over}%)" "< 1.02" "$status"
record "$kv trace_events_user.o: object identical with the plugin" "$same" "yes" \
	"$([ "$same" = yes ] && echo met || echo MISSED)"

# Wall time on a shared VM moves by a few percent from run to run, more
# than the 2% being judged; instructions executed by cc1 do not move.
if command -v valgrind >/dev/null 2>&1; then
	ia=$(cc1_instructions "$plain")
	ib=$(cc1_instructions "$with")
	if [ -n "$ia" ] && [ -n "$ib" ]; then
		ri=$(ratio "$ib" "$ia")
		oi=$(pct "$ib" "$ia")
		echo "instructions executed by cc1 (callgrind): $ia without, $ib with: ${oi}% (target < 2%)"
		status=$(awk -v p="$oi" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')
		record "$kv trace_events_user.o: with / without -fplugin, instructions of cc1 (callgrind)" \
			"$ri (${oi}%)" "< 1.02" "$status"
	else
		echo "bench-kernel: callgrind gave no instruction count for cc1" >&2
		record "$kv trace_events_user.o: instructions of cc1 (callgrind)" "not measured: callgrind failed" "< 1.02" "MISSED"
	fi
else
	echo "bench-kernel: valgrind not installed (make deps): instructions not counted" >&2
	record "$kv trace_events_user.o: instructions of cc1 (callgrind)" "not measured: valgrind missing" "< 1.02" "MISSED"
fi
fi

echo
echo "== 2. CHECK cost on $kv trace_events_user.c, $runs runs each"
# What kbuild hands to CHECK, recorded by a stand-in checker.
cat >"$tmp/logcheck" <<'EOF'
#!/bin/sh
# Records its arguments for trace_events_user.c, shell-quoted, for
# bench-kernel.sh (C=2 also checks files built while preparing).
eval "last=\${$#}"
case $last in *kernel/trace/trace_events_user.c) ;; *) exit 0 ;; esac
for a in "$@"; do
	printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
done >"${0%/*}/check.args"
EOF
chmod +x "$tmp/logcheck"
kmake C=2 CHECK="$tmp/logcheck" kernel/trace/trace_events_user.o >/dev/null
args=$(cat "$tmp/check.args")
syntax="$pre -fsyntax-only $post"
# A sparse the tree's own probe rejects (Debian 12's 0.6.4 on 7.x) is no
# measure: it stops at the first parse errors, or crashes.
sparse=yes
if [ -f "$src/scripts/checker-valid.sh" ] &&
	[ "$(sh "$src/scripts/checker-valid.sh" sparse 2>/dev/null)" != 1 ]; then
	sparse=no
	echo "(sparse $(sparse --version 2>/dev/null) fails $kv's scripts/checker-valid.sh: left out)"
fi
set -- -n "gcc -fsyntax-only" "$syntax"
[ "$sparse" = yes ] && set -- "$@" -n sparse "sparse $args"
if [ -f "$top/scripts/uecheck" ]; then
	checker="uecheck --engines=gcc"
	set -- "$@" -n "$checker" "sh $top/scripts/uecheck --engines=gcc $args"
else
	# What the wrapper runs for the gcc engine, until it exists.
	checker="plugin analyze-only"
	echo "(scripts/uecheck missing: measuring the plugin's analyze-only run it would make)"
	set -- "$@" -n "$checker" \
		"$pre -fplugin=$plugin -fplugin-arg-uecheck-analyze-only -S -o /dev/null $post"
fi
interleave "$tmp/2.csv" "$runs" "$@"
s=$(median "$tmp/2.csv" "gcc -fsyntax-only")
u=$(median "$tmp/2.csv" "$checker")
echo "median: gcc -fsyntax-only ${s}s, $checker ${u}s"
rs=$(pair_ratio "$tmp/2.csv" "gcc -fsyntax-only" "$checker")
echo "$checker / gcc -fsyntax-only: $rs (target <= 1.10)"
status=$(awk -v r="$rs" 'BEGIN { print (r <= 1.10) ? "met" : "MISSED" }')
record "$kv CHECK: $checker / gcc -fsyntax-only" "$rs" "<= 1.10" "$status"
if [ "$sparse" = yes ]; then
	p=$(median "$tmp/2.csv" sparse)
	rp=$(pair_ratio "$tmp/2.csv" sparse "$checker")
	rg=$(pair_ratio "$tmp/2.csv" sparse "gcc -fsyntax-only")
	echo "median sparse ${p}s; $checker / sparse: $rp;  gcc -fsyntax-only / sparse: $rg"
	record "$kv CHECK: $checker / sparse" "$rp" "-" "-"
	record "$kv CHECK: gcc -fsyntax-only / sparse" "$rg" "-" "-"
else
	record "$kv CHECK: $checker / sparse" "not measured: sparse too old for $kv" "-" "-"
fi

[ "$whole" = yes ] || exit 0

echo
echo "== 3. whole kernel/trace/ (make -j$jobs), with vs without the plugin"
# Switching KCFLAGS makes kbuild rebuild a few prepare-stage files, so the
# sides run in blocks (plain, plugin, plugin, plain), each block starting
# with one untimed build.  Objects are deleted before every build.  The
# figure is CPU time (user + system of make and its children): on two
# cores the wall time of make -j2 varies by 10% from run to run.
: >"$tmp/3.raw"
for side in plain plugin plugin plain; do
	kc=
	[ "$side" = plugin ] && kc=-fplugin=$plugin
	i=0
	while [ "$i" -le "$runs_dir" ]; do
		find "$work/kernel/trace" \( -name '*.o' -o -name '*.a' \) -delete
		/usr/bin/time -f '%e %U %S' -o "$tmp/t" \
			make -s -C "$src" O="$work" CC="$cc" -j"$jobs" KCFLAGS="$kc" kernel/trace/ \
			>/dev/null 2>&1 || { echo "bench-kernel: kernel/trace/ build failed ($side)" >&2; exit 1; }
		[ "$i" -gt 0 ] && awk -v s="$side" '{ print s, $1, $2 + $3 }' "$tmp/t" >>"$tmp/3.raw"
		i=$((i + 1))
	done
done
n=$(find "$work/kernel/trace" -name '*.o' | wc -l)
# side wall cpu -> medians
med3() {
	awk -v s="$1" -v c="$2" '$1 == s { v[++n] = $c }
		END {
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
			printf "%.2f\n", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		}' "$tmp/3.raw"
}
aw=$(med3 plain 2) bw=$(med3 plugin 2) ac=$(med3 plain 3) bc=$(med3 plugin 3)
r3=$(ratio "$bc" "$ac")
echo "$n objects, $((runs_dir * 2)) builds per side: CPU ${ac}s without, ${bc}s with: $(pct "$bc" "$ac")%" \
	"(wall ${aw}s / ${bw}s: $(pct "$bw" "$aw")%)"
status=$(awk -v p="$(pct "$bc" "$ac")" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')
record "$kv kernel/trace/ ($n objects, make -j$jobs): with / without, CPU time" \
	"$r3 ($(pct "$bc" "$ac")%)" "< 1.02" "$status"
record "$kv kernel/trace/ ($n objects, make -j$jobs): with / without, wall time" \
	"$(ratio "$bw" "$aw") ($(pct "$bw" "$aw")%)" "-" "-"
