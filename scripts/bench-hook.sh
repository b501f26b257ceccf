#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-hook.sh: what the pre-commit hook of scripts/uecheck-install-hook
# adds to a commit (make bench, part 5).
#
# In a scratch git repository holding 6.12's kernel/trace/ sources, with
# the hook installed, it times `git commit` with the hook against `git
# commit --no-verify`, the two taking turns (bench-lib.sh: interleave), for
#   - a commit touching kernel/trace/trace_events_user.c (the hook runs
#     the engines on it);
#   - a commit touching kernel/trace/trace_clock.c, which mentions neither
#     'user_event_mm' nor 'event_mutex' (the hook's cheap path);
# twice: with the default engines (cocci; no git config), and with
# uecheck.engines gcc,cocci and a copy of the prepared build as
# uecheck.buildDir.  Targets: at most +2 s and +4 s for the first kind of
# commit, under 0.1 s for the second.  Each commit adds a comment line,
# in trace_events_user.c inside the walk of user_event_enabler_update()
# (a change in a function the rules are about, so the engines check it
# and what it can affect; a comment outside functions would cost next to
# nothing): a clean change, so the hook checks the staged version only
# (the HEAD version only matters when the staged one has findings).
#
# The wall time of a commit depends on what else the machine runs; the
# processor time the hook's processes use (user + system, GNU time, the
# median of BENCH_RUNS_HOOK commits) does much less, and is reported too.
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
command -v spatch >/dev/null 2>&1 ||
	{ echo "bench-hook: spatch not found: the hook's default engine is cocci" >&2; exit 1; }
(
	cd "$repo"
	git init -q .
	git config user.name bench
	git config user.email bench@localhost
	git config commit.gpgsign false
	git add -A
	git commit -q --no-verify -m "6.12 kernel/trace"
	sh "$top/scripts/uecheck-install-hook" >/dev/null 2>&1
)

# A commit that adds one comment line to FILE; OPTS go to git commit.  In
# trace_events_user.c the line goes into the walk of
# user_event_enabler_update(), a function the rules are about (the hook
# checks it, its callers and what they call); elsewhere at the end.
commit_cmd() {
	case $1 in
	*trace_events_user.c)
		echo "cd $repo && sed -i '/^	mm = user_event_mm_get_all(user);\$/a\\	/* bench */' $1 && git add $1 && git commit -q $2 -m bench" ;;
	*)
		echo "cd $repo && echo '/* bench */' >>$1 && git add $1 && git commit -q $2 -m bench" ;;
	esac
}
user=kernel/trace/trace_events_user.c
other=kernel/trace/trace_clock.c
if grep -q -e user_event_mm -e event_mutex "$repo/$other"; then
	echo "bench-hook: $other mentions the rule's symbols; pick another file" >&2
	exit 1
fi

for engines in cocci gcc,cocci; do
	if [ "$engines" = cocci ]; then
		git -C "$repo" config --unset uecheck.engines || true
		git -C "$repo" config --unset uecheck.buildDir || true
	else
		git -C "$repo" config uecheck.engines "$engines"
		git -C "$repo" config uecheck.buildDir "$work"
	fi
	# The hook must let a correct change through, or the timings mean nothing.
	if ! sh -c "$(commit_cmd "$user" "")" >"$tmp/first" 2>&1; then
		echo "bench-hook: the hook ($engines) blocked a comment-only change to $user:" >&2
		sed -e 's/^/# /' -e 20q "$tmp/first" >&2
		exit 1
	fi
	echo "== 5b. pre-commit hook (engines $engines), $runs commits each, with vs --no-verify"
	interleave "$tmp/h.csv" "$runs" \
		-n "user plain" "$(commit_cmd "$user" --no-verify)" \
		-n "user hook" "$(commit_cmd "$user" "")" \
		-n "other plain" "$(commit_cmd "$other" --no-verify)" \
		-n "other hook" "$(commit_cmd "$other" "")"
	# Processor seconds of a commit touching trace_events_user.c.
	for kind in plain hook; do
		opt=
		[ "$kind" = plain ] && opt=--no-verify
		i=0
		while [ "$i" -lt "$runs" ]; do
			/usr/bin/time -f '%U %S' -o "$tmp/cpu" sh -c "$(commit_cmd "$user" "$opt")" >/dev/null 2>&1
			awk '{ print $1 + $2 }' "$tmp/cpu"
			i=$((i + 1))
		done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }' >"$tmp/cpu.$kind"
	done
	cpu=$(awk -v a="$(cat "$tmp/cpu.plain")" -v b="$(cat "$tmp/cpu.hook")" 'BEGIN { printf "%.2f", b - a }')
	echo "commit touching trace_events_user.c: the hook's processor time +${cpu}s (user + system, median)"
	record "pre-commit hook ($engines): commit touching trace_events_user.c, processor time added" \
		"+$cpu s" "-" "-"
	for f in user other; do
		a=$(median "$tmp/h.csv" "$f plain")
		b=$(median "$tmp/h.csv" "$f hook")
		r=$(pair_ratio "$tmp/h.csv" "$f plain" "$f hook")
		d=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }')
		case $f in
		user) what="commit touching trace_events_user.c"
			limit=2
			[ "$engines" = cocci ] || limit=4 ;;
		*) what="commit touching a file without the symbols"
			limit=0.1 ;;
		esac
		met=$(awk -v d="$d" -v l="$limit" 'BEGIN { print (d <= l) ? "met" : "MISSED" }')
		echo "$what: median ${a}s without the hook, ${b}s with: x$r (+${d}s; target +${limit}s: $met)"
		record "pre-commit hook ($engines): $what, with / without" \
			"$r (+$d s)" "<= +$limit s" "$met"
	done
done
