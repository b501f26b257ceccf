#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-cocci.sh: the Coccinelle engine on a whole kernel tree (make bench,
# part 5a).
#
# Scans every .c and .h file of Debian's linux-source-6.12 with
# cocci/run.sh (all scripts, report mode, --jobs = the machine's cores;
# plain and -D strict) and compares its time with `grep -rl user_event_mm`
# over the same files, the floor any scan of the tree pays.  run.sh
# prefilters by the rules' tokens, so spatch parses only the few files
# that name them; the ratio says what that parsing costs on top of the
# grep.  A scan that reports anything on the unmodified tree is a failure
# of this part: the figure would not be the one of a silent scan.
#
# Environment: UECHECK_KERNEL_TREE_SH (default scripts/kernel-tree.sh),
# BENCH_RUNS_COCCI (default 5), SPATCH, BENCH_RESULTS (bench-lib.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
runs=${BENCH_RUNS_COCCI:-5}
jobs=$(nproc 2>/dev/null || echo 2)

command -v "${SPATCH:-spatch}" >/dev/null 2>&1 ||
	{ echo "bench-cocci: spatch not found (make deps)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-benchc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
bench_tree bench-cocci 6.12

files=$(find "$src" -type f \( -name '*.c' -o -name '*.h' \) | wc -l)
cand=$(grep -rl --include='*.c' --include='*.h' -e user_event_mm -e event_mutex "$src" | wc -l)

# The scans must be silent and succeed before they are timed.
for opt in "" "-D strict"; do
	# shellcheck disable=SC2086 # $opt is one option pair or nothing
	if ! sh "$top/cocci/run.sh" --jobs "$jobs" $opt "$src" >"$tmp/scan" 2>"$tmp/scan.err"; then
		echo "bench-cocci: cocci/run.sh ${opt:+$opt }on the 6.12 tree failed:" >&2
		sed -e 's/^/# /' -e 20q "$tmp/scan.err" >&2
		exit 1
	fi
	if [ -s "$tmp/scan" ]; then
		echo "bench-cocci: the scan ${opt:+($opt) }of the unmodified 6.12 tree reports findings:" >&2
		sed -e 's/^/# /' -e 20q "$tmp/scan" >&2
		exit 1
	fi
done

echo "== 5a. Coccinelle whole-tree scan of 6.12 ($files .c/.h files, $cand naming the rules' symbols), $runs runs"
grep_cmd="grep -rl --include='*.c' --include='*.h' user_event_mm '$src'"
hf "$tmp/c.csv" "$runs" \
	-n grep "$grep_cmd" \
	-n cocci "sh '$top/cocci/run.sh' --jobs $jobs '$src'" \
	-n "cocci strict" "sh '$top/cocci/run.sh' --jobs $jobs -D strict '$src'"

secs() { awk -v t="$1" 'BEGIN { printf "%.2f\n", t }'; }
g=$(secs "$(median "$tmp/c.csv" grep)")
c=$(secs "$(median "$tmp/c.csv" cocci)")
s=$(secs "$(median "$tmp/c.csv" "cocci strict")")
echo "grep -rl user_event_mm: ${g}s; cocci/run.sh --jobs $jobs: ${c}s (x$(ratio "$c" "$g")); with -D strict: ${s}s (x$(ratio "$s" "$g")); findings: 0"
record "Coccinelle: whole 6.12 tree, cocci/run.sh --jobs $jobs / grep -rl user_event_mm" \
	"$(ratio "$c" "$g") (${c} s vs ${g} s, 0 findings)" "-" "-"
record "Coccinelle: whole 6.12 tree, with -D strict / grep -rl user_event_mm" \
	"$(ratio "$s" "$g") (${s} s, 0 findings)" "-" "-"
