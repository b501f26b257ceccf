#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-kernel.sh: the plugin in a real 6.12 build (make bench, parts 1-3).
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
# Works in a copy of the prepared tree from scripts/kernel-tree.sh 6.12.
# Environment: CC, UECHECK_PLUGIN, UECHECK_KERNEL_TREE_SH (default
# scripts/kernel-tree.sh), BENCH_RUNS (single file, default 15),
# BENCH_RUNS_DIR (directory, default 3), BENCH_RESULTS (bench-lib.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
runs=${BENCH_RUNS:-15}
runs_dir=${BENCH_RUNS_DIR:-3}
jobs=$(nproc 2>/dev/null || echo 2)

[ -f "$plugin" ] || { echo "bench-kernel: no plugin at $plugin (make plugin)" >&2; exit 1; }
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
[ -f "$tree_sh" ] ||
	{ echo "bench-kernel: $tree_sh is missing" >&2; exit 1; }
sh "$tree_sh" 6.12 >"${TMPDIR:-/tmp}/uecheck-tree.$$" ||
	{ echo "bench-kernel: scripts/kernel-tree.sh 6.12 failed" >&2; exit 1; }
src=$(sed -n 's/^SRC=//p' "${TMPDIR:-/tmp}/uecheck-tree.$$")
obj=$(sed -n 's/^OBJ=//p' "${TMPDIR:-/tmp}/uecheck-tree.$$")
rm -f "${TMPDIR:-/tmp}/uecheck-tree.$$"
if [ ! -d "$src" ] || [ ! -d "$obj" ]; then
	echo "bench-kernel: kernel-tree.sh printed no usable SRC=/OBJ=" >&2
	exit 1
fi

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

echo "== 1. plugin overhead: trace_events_user.o, kbuild's own command, $runs runs each"
plain="$pre -c -o $tmp/plain.o $post"
with="$pre -fplugin=$plugin -c -o $tmp/plugin.o $post"
hf "$tmp/1.csv" "$runs" -n plain "$plain" -n plugin "$with"
a=$(median "$tmp/1.csv" plain)
b=$(median "$tmp/1.csv" plugin)
over=$(pct "$b" "$a")
same=no
cmp -s "$tmp/plain.o" "$tmp/plugin.o" && same=yes
echo "median ${a}s without, ${b}s with: ${over}% (target < 2%); objects identical: $same"
status=$(awk -v p="$over" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')
record "trace_events_user.o: with / without -fplugin" "$(ratio "$b" "$a") (${over}%)" "< 1.02" "$status"
record "trace_events_user.o: object identical with the plugin" "$same" "yes" \
	"$([ "$same" = yes ] && echo met || echo MISSED)"

echo
echo "== 2. CHECK cost on trace_events_user.c, $runs runs each"
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
set -- -n "gcc -fsyntax-only" "$syntax" -n sparse "sparse $args"
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
hf "$tmp/2.csv" "$runs" -i "$@"
s=$(median "$tmp/2.csv" "gcc -fsyntax-only")
p=$(median "$tmp/2.csv" sparse)
u=$(median "$tmp/2.csv" "$checker")
echo "median: gcc -fsyntax-only ${s}s, sparse ${p}s, $checker ${u}s"
echo "$checker / gcc -fsyntax-only: $(ratio "$u" "$s") (target <= 1.10)"
echo "$checker / sparse: $(ratio "$u" "$p");  gcc -fsyntax-only / sparse: $(ratio "$s" "$p")"
status=$(awk -v r="$(ratio "$u" "$s")" 'BEGIN { print (r <= 1.10) ? "met" : "MISSED" }')
record "CHECK: $checker / gcc -fsyntax-only" "$(ratio "$u" "$s")" "<= 1.10" "$status"
record "CHECK: $checker / sparse" "$(ratio "$u" "$p")" "-" "-"
record "CHECK: gcc -fsyntax-only / sparse" "$(ratio "$s" "$p")" "-" "-"

echo
echo "== 3. whole kernel/trace/ (make -j$jobs), with vs without the plugin, $runs_dir runs each"
clean="find $work/kernel/trace \\( -name '*.o' -o -name '*.a' \\) -delete"
HF_WARMUP=0 hf "$tmp/3.csv" "$runs_dir" --prepare "$clean" \
	-n plain "make -s -C $src O=$work CC=$cc -j$jobs kernel/trace/" \
	-n plugin "make -s -C $src O=$work CC=$cc -j$jobs KCFLAGS=-fplugin=$plugin kernel/trace/"
a=$(median "$tmp/3.csv" plain)
b=$(median "$tmp/3.csv" plugin)
n=$(find "$work/kernel/trace" -name '*.o' | wc -l)
echo "$n objects: median ${a}s without, ${b}s with: $(pct "$b" "$a")%"
status=$(awk -v p="$(pct "$b" "$a")" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')
record "kernel/trace/ ($n objects, make -j$jobs): with / without" \
	"$(ratio "$b" "$a") ($(pct "$b" "$a")%)" "< 1.02" "$status"
