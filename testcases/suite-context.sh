#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-context: uecheck's context analysis against Clang 23's on Linux 7.3,
# through scripts/context-compare.sh (the table of docs/context-analysis.md):
#   - every seed of testcases/context/ (our edits of real files where
#     Clang's analysis is on, three subsystems) is found by the plugin at
#     exactly its expectation lines, nothing else;
#   - Clang does with each seeded line what the seed's "# clang:" claims:
#     "finds" (it warns there: uecheck finds what Clang finds) or "misses"
#     (a helper takes or drops the lock: Clang, one function at a time,
#     does not warn there);
#   - the unmodified files (7.3's lib/test_context-analysis.c, the seeds'
#     files, trace_events_user.c) give the plugin no finding; Clang's
#     warnings on them are printed as "#" lines.
# A machine where the chroot or Clang cannot be had reports SKIP with the
# reason (never a pass).
#
# Environment: UECHECK_PLUGIN, UECHECK_CONTEXT_SEEDS (default
# testcases/context), UECHECK_CACHE.
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
seeds=${UECHECK_CONTEXT_SEEDS:-$top/testcases/context}
failed=0

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-sctx.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

rc=0
sh "$top/scripts/context-compare.sh" "$tmp/raw" >"$tmp/table.md" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 3 ]; then
	skip "context: uecheck beside Clang 23 on 7.3" "$(tail -n 1 "$tmp/err")"
	exit 0
fi
if [ "$rc" -eq 0 ]; then
	pass "context: scripts/context-compare.sh compared both tools on every seed and file"
else
	fail "context: scripts/context-compare.sh compared both tools on every seed and file"
	sed -e 's/^/# /' -e 20q "$tmp/err"
fi

for s in "$seeds"/*.seed; do
	[ -f "$s" ] || continue
	n=$(basename "$s" .seed)
	r=$tmp/raw/$n
	if [ ! -f "$r.want" ] || [ ! -f "$r.uecheck" ] || [ ! -f "$r.clang" ]; then
		fail "context: seed $n (not compared)"
		continue
	fi
	if [ ! -s "$r.want" ]; then
		fail "context: seed $n inserts expectation comments"
		continue
	fi
	if cmp -s "$r.want" "$r.uecheck"; then
		pass "context: seed $n: uecheck finds exactly its expectations"
	else
		fail "context: seed $n: uecheck finds exactly its expectations"
		diff "$r.want" "$r.uecheck" | sed 's/^/#   /' | head -n 8
	fi
	claim=$(cat "$r.claim")
	# Lines, not warnings: Clang may say one twice (drivers/scsi/hosts.c).
	at=$(awk 'NR == FNR { want[$1]; next } $1 in want { print $1 }' "$r.want" "$r.clang" |
		sort -u | wc -l)
	as_claimed=0
	case $claim in
	finds) [ "$at" -eq "$(wc -l <"$r.want")" ] && as_claimed=1 ;;
	misses) [ "$at" -eq 0 ] && as_claimed=1 ;;
	esac
	if [ "$as_claimed" = 1 ]; then
		pass "context: seed $n: Clang 23 $claim the seeded line, as claimed"
	else
		fail "context: seed $n: Clang 23 $claim the seeded line, as claimed (claim '$claim', warnings there: $at)"
		sed 's/^/#   clang: /' "$r.clang" | head -n 6
	fi
done

for b in "$tmp"/raw/*.base.uecheck; do
	[ -f "$b" ] || continue
	n=$(basename "$b" .base.uecheck)
	if [ -s "$b" ]; then
		fail "context: unmodified $n.c: zero uecheck findings ($(wc -l <"$b") found)"
		sed 's/^/#   /' "$b" | head -n 6
	else
		pass "context: unmodified $n.c: zero uecheck findings"
	fi
	[ -s "$tmp/raw/$n.base.clang" ] &&
		sed "s/^/# Clang 23 on unmodified $n.c: line /" "$tmp/raw/$n.base.clang"
done
[ -f "$tmp/raw/test_context-analysis.base.uecheck" ] ||
	fail "context: lib/test_context-analysis.c compared"
exit "$failed"
