#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-context.sh: the plugin where Linux 7.3's context analysis is on
# (make bench, part 6).  For each object below (opted in by its Makefile,
# each with annotated locks the plugin runs a pass for, and trace_clock.o,
# which has none), the instructions cc1 executes (callgrind) with and
# without -fplugin, on the exact command kbuild records for it, and the
# sum over them as the directory figure (target: under 2% each).
#
# Works in a copy of the prepared tree from scripts/kernel-tree.sh 7.3.
# Environment: CC, UECHECK_PLUGIN, UECHECK_KERNEL_TREE_SH, BENCH_RESULTS
# (bench-lib.sh), BENCH_CONTEXT_OBJECTS (the list).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
objects=${BENCH_CONTEXT_OBJECTS:-"kernel/locking/mutex.o lib/stackdepot.o crypto/scompress.o kernel/futex/core.o kernel/trace/trace_clock.o"}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-bctx.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

command -v valgrind >/dev/null 2>&1 ||
	{ echo "bench-context: valgrind not installed (make deps)" >&2; exit 1; }
bench_tree bench-context 7.3
work=$tmp/obj
cp -a "$obj" "$work" || exit 1
# shellcheck disable=SC2086 # one word per object
make -s -C "$src" O="$work" CC="$cc" -j"$(nproc 2>/dev/null || echo 2)" $objects >/dev/null 2>&1 ||
	{ echo "bench-context: building $objects failed" >&2; exit 1; }
cd "$work" || exit 1

echo "== 6. plugin overhead where 7.3's context analysis is on (callgrind, cc1 instructions)"
ta=0 tb=0
for o in $objects; do
	cmdfile=$(dirname "$o")/.$(basename "$o").cmd
	cmd=$(sed -n "s|^\(saved\)\{0,1\}cmd_$o := ||p" "$cmdfile" |
		sed -e 's/ ; .*//' -e 's/-Wp,-MMD,[^ ]* //')
	case $cmd in
	*" -c -o $o "*) ;;
	*) echo "bench-context: unexpected command in $cmdfile" >&2; exit 1 ;;
	esac
	pre=${cmd%%" -c -o $o "*}
	post=${cmd#*" -c -o $o "}
	ia=$(cc1_instructions "$pre -c -o $tmp/a.o $post")
	ib=$(cc1_instructions "$pre -fplugin=$plugin -c -o $tmp/b.o $post")
	if [ -z "$ia" ] || [ -z "$ib" ]; then
		echo "bench-context: callgrind gave no count for $o" >&2
		record "7.3 $o: instructions of cc1 (callgrind)" "not measured: callgrind failed" "< 1.02" "MISSED"
		continue
	fi
	ta=$((ta + ia)) tb=$((tb + ib))
	oi=$(pct "$ib" "$ia")
	echo "$o: $ia without, $ib with: ${oi}% (target < 2%)"
	record "7.3 $o: with / without -fplugin, cc1 instructions" "$(ratio "$ib" "$ia") (${oi}%)" "< 1.02" \
		"$(awk -v p="$oi" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')"
done
[ "$ta" -gt 0 ] || exit 1
oi=$(pct "$tb" "$ta")
echo "all of them: ${oi}% (target < 2%)"
record "7.3 context analysis objects, all: cc1 instructions" "$(ratio "$tb" "$ta") (${oi}%)" "< 1.02" \
	"$(awk -v p="$oi" 'BEGIN { print (p < 2) ? "met" : "MISSED" }')"
