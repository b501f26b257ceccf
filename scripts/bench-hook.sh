#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-hook.sh: what the pre-commit hook of scripts/uecheck-install-hook
# adds to a commit (make bench, part 5).
#
# In a scratch git repository holding 6.12's kernel/trace/ sources, with
# the hook installed and a copy of the prepared build as uecheck.buildDir,
# it times `git commit` with the hook against `git commit --no-verify`,
# the two taking turns (bench-lib.sh: interleave), for
#   - a commit touching kernel/trace/trace_events_user.c (the hook runs
#     the engines on it: gcc, and cocci when cocci/run.sh exists);
#   - a commit touching kernel/trace/trace_clock.c, which mentions neither
#     'user_event_mm' nor 'event_mutex' (the hook's cheap path).
#
# Environment: UECHECK_KERNEL_TREE_SH (default scripts/kernel-tree.sh),
# BENCH_RUNS_HOOK (default 7), BENCH_RESULTS (bench-lib.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/bench-lib.sh"
runs=${BENCH_RUNS_HOOK:-7}

[ -f "$top/scripts/uecheck-install-hook" ] ||
	{ echo "bench-hook: scripts/uecheck-install-hook is missing" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-benchh.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
bench_tree bench-hook 6.12

# The build the hook takes its compiler flags from.
work=$tmp/obj
cp -a "$obj" "$work"
make -s -C "$src" O="$work" -j"$(nproc)" kernel/trace/trace_events_user.o >/dev/null

repo=$tmp/repo
mkdir -p "$repo/kernel/trace"
cp "$src"/kernel/trace/*.[ch] "$repo/kernel/trace/"
engines=gcc
[ -f "$top/cocci/run.sh" ] && command -v spatch >/dev/null 2>&1 && engines=gcc,cocci
(
	cd "$repo"
	git init -q .
	git config user.name bench
	git config user.email bench@localhost
	git config commit.gpgsign false
	git add -A
	git commit -q --no-verify -m "6.12 kernel/trace"
	sh "$top/scripts/uecheck-install-hook" >/dev/null 2>&1
	git config uecheck.engines "$engines"
	git config uecheck.buildDir "$work"
)

# A commit that appends one comment line to FILE; OPTS go to git commit.
commit_cmd() {
	echo "cd $repo && echo '/* bench */' >>$1 && git add $1 && git commit -q $2 -m bench"
}
user=kernel/trace/trace_events_user.c
other=kernel/trace/trace_clock.c
if grep -q -e user_event_mm -e event_mutex "$repo/$other"; then
	echo "bench-hook: $other mentions the rule's symbols; pick another file" >&2
	exit 1
fi

# The hook must let a correct change through, or the timings mean nothing.
if ! sh -c "$(commit_cmd "$user" "")" >"$tmp/first" 2>&1; then
	echo "bench-hook: the hook blocked a comment-only change to $user:" >&2
	sed -e 's/^/# /' -e 20q "$tmp/first" >&2
	exit 1
fi

echo "== 5b. pre-commit hook (engines $engines), $runs commits each, with vs --no-verify"
interleave "$tmp/h.csv" "$runs" \
	-n "user plain" "$(commit_cmd "$user" --no-verify)" \
	-n "user hook" "$(commit_cmd "$user" "")" \
	-n "other plain" "$(commit_cmd "$other" --no-verify)" \
	-n "other hook" "$(commit_cmd "$other" "")"
for f in user other; do
	a=$(median "$tmp/h.csv" "$f plain")
	b=$(median "$tmp/h.csv" "$f hook")
	r=$(pair_ratio "$tmp/h.csv" "$f plain" "$f hook")
	case $f in
	user) what="commit touching trace_events_user.c" ;;
	*) what="commit touching a file without the symbols" ;;
	esac
	echo "$what: median ${a}s without the hook, ${b}s with: x$r" \
		"(+$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }')s)"
	record "pre-commit hook ($engines): $what, with / without" \
		"$r (+$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }') s)" "-" "-"
done
