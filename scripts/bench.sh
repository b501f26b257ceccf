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
# Each part runs only on an otherwise idle machine: before and after it,
# bench.sh measures for 2 s what the rest of the machine uses (bench-lib.sh:
# others_busy); above BENCH_IDLE_MAX percent (default 10) the table says
# the part ran on a busy machine, with the figure, and its figures are not
# judged met (a ratio measured beside other work says little).
#
# Environment: BENCH_DOC (default docs/benchmarks.md; "none" to leave it),
# BENCH_IDLE_MAX, and what the parts read (CC, UECHECK_PLUGIN, BENCH_RUNS,
# ...).
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
. "$top/scripts/bench-lib.sh"
idle_max=${BENCH_IDLE_MAX:-10}
busy_parts=
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

# part NAME SCRIPT [ARG...]: run one part if its script exists, on an
# idle machine or saying it was not.
part() {
	p_name=$1 p_script=$2
	shift 2
	if [ ! -f "$top/scripts/$p_script" ]; then
		echo "== $p_name: not measured (scripts/$p_script does not exist)"
		printf '%s\t%s\t%s\t%s\n' "$p_name" "not measured (no scripts/$p_script)" "-" "-" >>"$BENCH_RESULTS"
		echo
		return
	fi
	p_before=$(others_busy)
	p_rows=$(wc -l <"$BENCH_RESULTS")
	if ! sh "$top/scripts/$p_script" "$@"; then
		echo "bench: scripts/$p_script failed" >&2
		printf '%s\t%s\t%s\t%s\n' "$p_name" "failed to run" "-" "FAILED" >>"$BENCH_RESULTS"
		status=1
	fi
	p_after=$(others_busy)
	# Busy before or after: every figure of the part says so.
	if [ "$p_before" = "?" ] || [ "$p_after" = "?" ] ||
		[ "$p_before" -gt "$idle_max" ] || [ "$p_after" -gt "$idle_max" ]; then
		echo "bench: the machine was not idle around \"$p_name\": other processes used ${p_before}% of it before, ${p_after}% after" >&2
		awk -F '\t' -v from="$p_rows" 'BEGIN { OFS = "\t" }
			NR > from && $4 != "-" { $4 = $4 " (machine busy)" } { print }' \
			"$BENCH_RESULTS" >"$tmp/rows" && cat "$tmp/rows" >"$BENCH_RESULTS"
		printf '%s\t%s\t%s\t%s\n' "$p_name: machine busy" \
			"other processes used ${p_before}% before, ${p_after}% after" \
			"<= ${idle_max}%" "BUSY" >>"$BENCH_RESULTS"
		busy_parts="$busy_parts${busy_parts:+, }$p_name"
	fi
	echo
}

if [ -f "${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}" ]; then
	part "plugin in a 6.12 kernel build" bench-kernel.sh 6.12
	part "plugin and CHECK on 7.3's trace_events_user.c" bench-kernel.sh 7.3 --file
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
missed=$(awk -F '\t' '$4 ~ /^MISSED/' "$BENCH_RESULTS" | wc -l)
[ "$missed" -gt 0 ] && echo "$missed figure(s) missed their target: see docs/benchmarks.md"

[ "$doc" = none ] && exit "$status"
{
	echo "<!-- bench:begin (written by scripts/bench.sh; edit outside the markers) -->"
	echo "Measured $date on: $machine."
	if [ -n "$busy_parts" ]; then
		echo "The machine was NOT idle during: $busy_parts (see the rows marked \"machine busy\")."
	else
		echo "The machine was idle around every part (other processes under ${idle_max}% of it before and after each)."
	fi
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
