#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run every uecheck Coccinelle script (cocci/*.cocci) in report mode on
# files and directories, and print the findings in the format of
# docs/interfaces.md:
#
#   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE-ID]
#
# Usage: cocci/run.sh [--jobs N] [-D strict] FILE|DIR...
#
#   --jobs N     run up to N spatch processes at once (default 1)
#   -D strict    also run the strict-only rules (missing-assertion)
#
# Files are prefiltered by the rules' tokens before spatch sees them: the
# user_event_mm scripts only get files naming 'user_event_mm';
# lock_required.cocci also gets files asserting 'event_mutex'
# (lockdep_assert_held(&event_mutex), __must_hold(&event_mutex)), the
# only other way a function can need the mutex.  Directories are
# searched for *.c and *.h files.  Environment: SPATCH (default spatch).
#
# Exit status: 0 whatever was found (findings are not errors); 2 on a
# usage error; 3 when spatch is missing or fails (one line on stderr).
set -u

here=$(cd "$(dirname "$0")" && pwd)
spatch=${SPATCH:-spatch}
jobs=1
strict=

usage() {
	echo "usage: cocci/run.sh [--jobs N] [-D strict] FILE|DIR..." >&2
	exit 2
}

die() {
	echo "uecheck-cocci: $1" >&2
	exit 3
}

while [ $# -gt 0 ]; do
	case $1 in
	--jobs|-j)
		[ $# -ge 2 ] || usage
		jobs=$2
		shift 2
		;;
	--jobs=*)
		jobs=${1#--jobs=}
		shift
		;;
	-D)
		[ $# -ge 2 ] || usage
		[ "$2" = strict ] || { echo "uecheck-cocci: unknown -D $2 (only strict)" >&2; exit 2; }
		strict=1
		shift 2
		;;
	-D*)
		[ "${1#-D}" = strict ] || { echo "uecheck-cocci: unknown $1 (only -D strict)" >&2; exit 2; }
		strict=1
		shift
		;;
	--)
		shift
		break
		;;
	-*)
		usage
		;;
	*)
		break
		;;
	esac
done
[ $# -gt 0 ] || usage
case $jobs in
''|*[!0-9]*|0) echo "uecheck-cocci: --jobs wants a positive number, not '$jobs'" >&2; exit 2 ;;
esac

command -v "$spatch" >/dev/null 2>&1 ||
	die "spatch not found (install coccinelle 1.1.1 or later, or set SPATCH)"
version=$("$spatch" --version 2>/dev/null | sed -n 's/^spatch version \([0-9.]*\).*/\1/p')
[ -n "$version" ] || die "'$spatch --version' printed no version: not Coccinelle?"
# Script constraints on metavariables and 'symbol' declarations need
# 1.1; older versions cannot parse the scripts at all.
case $version in
0.*|1.0.*) die "spatch $version is too old: the scripts need Coccinelle 1.1.1 or later" ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-cocci.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Candidate files: user_event_mm for every script, event_mutex for the
# lock scripts.  grep -l stops reading a file at its first match.
: >"$tmp/mm"
: >"$tmp/mutex"
for arg in "$@"; do
	if [ -d "$arg" ]; then
		grep -rlZ --include='*.c' --include='*.h' -e user_event_mm -e event_mutex -- "$arg"
	elif [ -f "$arg" ]; then
		grep -lZ -e user_event_mm -e event_mutex -- "$arg"
	else
		die "$arg: no such file or directory"
	fi
done | tr '\0' '\n' >"$tmp/cand"
if [ -s "$tmp/cand" ]; then
	tr '\n' '\0' <"$tmp/cand" | xargs -0 grep -l -e user_event_mm -- >"$tmp/mm"
	# lock-required needs a function of the same file that asserts the
	# mutex or touches user_event_mm.
	tr '\n' '\0' <"$tmp/cand" | xargs -0 grep -lE \
		-e 'lockdep_assert_held(_once)? *\( *& *event_mutex *\)' \
		-e '__must_hold *\( *& *event_mutex *\)' -e user_event_mm -- >"$tmp/mutex"
fi

# groups LIST: one spatch file group per file (blank-line separated).
groups() {
	sed 's/$/\n/' "$1"
}

# One spatch job per (script, file list) pair, at most $jobs at once.
n=0
for cocci in "$here"/*.cocci; do
	name=$(basename "$cocci" .cocci)
	case $name in
	lock_required) list=$tmp/mutex ;;
	*) list=$tmp/mm ;;
	esac
	[ -s "$list" ] || continue
	set --
	if grep -q '^virtual strict' "$cocci"; then
		[ -n "$strict" ] || continue
		set -- -D strict
	fi
	groups "$list" >"$tmp/$name.groups"
	n=$((n + 1))
	printf '%s\n' "$cocci" >>"$tmp/scripts"
	(
		"$spatch" --very-quiet --no-show-diff -D report "$@" \
			--no-includes --include-headers \
			--sp-file "$cocci" --file-groups "$tmp/$name.groups" \
			>"$tmp/$name.out" 2>"$tmp/$name.err"
		echo $? >"$tmp/$name.rc"
	) &
	if [ $((n % jobs)) -eq 0 ]; then
		wait
	fi
done
wait

status=0
for cocci in $(cat "$tmp/scripts" 2>/dev/null); do
	name=$(basename "$cocci" .cocci)
	rc=$(cat "$tmp/$name.rc" 2>/dev/null || echo 1)
	if [ "$rc" -ne 0 ] || grep -q -e 'parse error' -e '^Fatal error' -e 'Traceback' "$tmp/$name.err"; then
		line=$(grep -v '^ *$' "$tmp/$name.err" | head -n 1)
		echo "uecheck-cocci: $name.cocci failed (spatch exit $rc): ${line:-no message}" >&2
		status=3
		continue
	fi
	# FILE:LINE:COL-COL: MESSAGE [uecheck:RULE] -> FILE:LINE:COL+1: warning: ...
	sed -n 's/^\(.*\):\([0-9][0-9]*\):\([0-9][0-9]*\)-[0-9]*: \(.* \[uecheck:[a-z-]*\]\)$/\1\t\2\t\3\t\4/p' \
		"$tmp/$name.out"
done | awk -F '\t' '!seen[$0]++ { printf "%s:%d:%d: warning: %s\n", $1, $2, $3 + 1, $4 }' |
	sort -t: -k1,1 -k2,2n -k3,3n
exit "$status"
