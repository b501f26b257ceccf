#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh: make bench.  Runs every benchmark part, prints its figures as
# ratios measured side by side, and writes the table, the machine and the
# date between the "bench:begin"/"bench:end" markers of docs/benchmarks.md
# (the rest of that page is written by hand and kept).
#
#   scripts/bench-kernel.sh     1-3: plugin overhead on trace_events_user.o,
#                               CHECK cost vs gcc -fsyntax-only and sparse,
#                               whole kernel/trace/ with vs without
#   scripts/bench-synthetic.sh  4: analysis time and memory vs function size
#   scripts/bench-cocci.sh      5a: Coccinelle whole-tree scan
#   scripts/bench-hook.sh       5b: pre-commit hook
#   scripts/bench-context.sh    6: plugin overhead on 7.3's context
#                               analysis objects (annotated locks)
#
# Environment: BENCH_DOC (default docs/benchmarks.md; "none" to leave it),
# and what the parts read (CC, UECHECK_PLUGIN, BENCH_RUNS, ...).
# Exit status: 0 when every part ran (a missed target is a figure, not a
# failure; it is marked MISSED); 1 when a part failed to run.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
doc=${BENCH_DOC:-$top/docs/benchmarks.md}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
BENCH_RESULTS=$tmp/results
export BENCH_RESULTS
: >"$BENCH_RESULTS"
status=0

for tool in hyperfine awk /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
machine="$cpu, $(nproc) cores, $mem RAM, $os, $(${CC:-gcc} --version | head -n 1)"
date=$(date -u '+%Y-%m-%d %H:%M UTC')
echo "uecheck benchmarks, $date"
echo "machine: $machine"
echo

# part NAME SCRIPT: run one part if its script exists.
part() {
	if [ ! -f "$top/scripts/$2" ]; then
		echo "== $1: not measured (scripts/$2 does not exist)"
		printf '%s\t%s\t%s\t%s\n' "$1" "not measured (no scripts/$2)" "-" "-" >>"$BENCH_RESULTS"
		echo
		return
	fi
	if ! sh "$top/scripts/$2"; then
		echo "bench: scripts/$2 failed" >&2
		printf '%s\t%s\t%s\t%s\n' "$1" "failed to run" "-" "FAILED" >>"$BENCH_RESULTS"
		status=1
	fi
	echo
}

if [ -f "${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}" ]; then
	part "plugin in a 6.12 kernel build" bench-kernel.sh
else
	echo "== 1-3: not measured (scripts/kernel-tree.sh does not exist)"
	printf '%s\t%s\t%s\t%s\n' "1-3: kernel build figures" "not measured (no scripts/kernel-tree.sh)" \
		"-" "-" >>"$BENCH_RESULTS"
	echo
fi
part "synthetic function" bench-synthetic.sh
part "Coccinelle whole-tree scan" bench-cocci.sh
if [ -f "$top/scripts/uecheck-install-hook" ]; then
	part "pre-commit hook" bench-hook.sh
else
	echo "== pre-commit hook: not measured (scripts/uecheck-install-hook does not exist)"
	printf '%s\t%s\t%s\t%s\n' "pre-commit hook" "not measured (no scripts/uecheck-install-hook)" \
		"-" "-" >>"$BENCH_RESULTS"
	echo
fi

part "plugin where 7.3's context analysis is on" bench-context.sh

echo "== summary"
awk -F '\t' '{ printf "%-62s %-28s %-12s %s\n", $1, $2, $3, $4 }' "$BENCH_RESULTS"
missed=$(awk -F '\t' '$4 == "MISSED"' "$BENCH_RESULTS" | wc -l)
[ "$missed" -gt 0 ] && echo "$missed figure(s) missed their target: see docs/benchmarks.md"

[ "$doc" = none ] && exit "$status"
{
	echo "<!-- bench:begin (written by scripts/bench.sh; edit outside the markers) -->"
	echo "Measured $date on: $machine."
	echo
	echo "| figure | value | target | status |"
	echo "|---|---|---|---|"
	awk -F '\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$BENCH_RESULTS"
	if [ -s "$BENCH_RESULTS.series" ]; then
		echo
		echo "Growth series (part 4; times are medians in seconds, memory is peak RSS):"
		echo
		echo "\`\`\`"
		cat "$BENCH_RESULTS.series"
		echo "\`\`\`"
	fi
	echo "<!-- bench:end -->"
} >"$tmp/table"
if [ -f "$doc" ] && grep -q '^<!-- bench:begin' "$doc"; then
	awk -v table="$tmp/table" '
		/^<!-- bench:begin/ { while ((getline l < table) > 0) print l; skip = 1; next }
		/^<!-- bench:end/ { skip = 0; next }
		!skip' "$doc" >"$tmp/doc" && cat "$tmp/doc" >"$doc"
else
	{ echo "# uecheck benchmarks"; echo; cat "$tmp/table"; } >"$doc"
fi
echo "figures written to ${doc#"$top"/}"
exit "$status"
