#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-all.sh - run every test suite and count the results (`make test`).
#
#   testcases/run-all.sh [PATTERN]
#
# Runs each executable testcases/suite-*.sh in sorted order (only those whose
# name contains the shell pattern PATTERN, if given), numbers their
# "ok - NAME" / "not ok - NAME" lines KTAP-style ("ok 7 NAME"), passes "#"
# lines through, turns any other output (stderr included) into "#" lines,
# and ends with "1..N" and "N passed, N failed, N skipped".
#
# A suite that cannot run never vanishes: a suite file that is not
# executable, one that exits non-zero without a "not ok" line, and one that
# reports nothing at all each count as one failure.
#
# The suites named by UECHECK_SIDE_SUITES (default suite-toolchains) run in
# the background from the start, beside the others, and are printed last.
#
# Exit status: 0 all passed, 1 something failed, 2 bad usage or no suite.
# Environment: UECHECK_SUITE_DIR (default: this directory), for the
# runner's own tests; UECHECK_SIDE_SUITES (see above; empty: one lane).
set -u

here=$(cd "$(dirname "$0")" && pwd)
dir=${UECHECK_SUITE_DIR:-$here}
pattern=${1:-}

if [ "$#" -gt 1 ]; then
	echo "run-all.sh: too many arguments (usage: run-all.sh [PATTERN])" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-run-all.XXXXXX") || {
	echo "run-all.sh: cannot create a temporary directory" >&2
	exit 2
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Counters survive from one suite to the next in this file: "N PASS FAIL SKIP".
echo "0 0 0 0" >"$tmp/count"

# number_lines SUITE: protocol lines on stdin, numbered lines on stdout.
number_lines() {
	read -r n pass fail skip <"$tmp/count"
	awk -v suite="$1" -v n="$n" -v pass="$pass" -v fail="$fail" \
	    -v skip="$skip" -v count="$tmp/count" -v seen="$tmp/seen" '
	/^ok( - | )/ {
		sub(/^ok( - | )/, "")
		n++
		if ($0 ~ /# [Ss][Kk][Ii][Pp]([ \t]|$)/)
			skip++
		else
			pass++
		results++
		print "ok " n " " $0
		next
	}
	/^not ok( - | )/ {
		sub(/^not ok( - | )/, "")
		n++
		fail++
		results++
		failures++
		print "not ok " n " " $0
		next
	}
	/^#/ { print; next }
	/^[ \t]*$/ { next }
	{ print "# " suite ": " $0 }
	END {
		print n, pass, fail, skip > count
		print results + 0, failures + 0 > seen
	}'
}

# count_failure NAME REASON: one failure of the runner's own making.
count_failure() {
	read -r n pass fail skip <"$tmp/count"
	n=$((n + 1))
	fail=$((fail + 1))
	printf 'not ok %d %s # %s\n' "$n" "$1" "$2"
	echo "$n $pass $fail $skip" >"$tmp/count"
}

# selected NAME: the suite NAME is run (PATTERN, if given, is in its name).
selected() {
	[ -z "$pattern" ] && return 0
	# shellcheck disable=SC2254 # PATTERN is a shell pattern on purpose
	case $1 in
	*$pattern*) return 0 ;;
	esac
	return 1
}

# on_side NAME: the suite runs in the side lane.
on_side() {
	case " $side " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# report NAME RC SECONDS [HOW]: the suite's closing lines, once its output
# went through number_lines.
report() {
	read -r results failures <"$tmp/seen"
	if [ "$2" -ne 0 ] && [ "$failures" -eq 0 ]; then
		count_failure "$1" "exited with status $2 without reporting a failure"
	elif [ "$results" -eq 0 ]; then
		count_failure "$1" "reported no result at all"
	fi
	echo "# $1: $3 s${4:+ ($4)}"
}

# The side lane: suites that run in the background from the start, beside
# the others, one after another; their results are printed after the
# others'.  Their long serial stretches (one compiler, one chroot at a
# time) leave a core idle that the other suites use.  UECHECK_SIDE_SUITES
# names them (default suite-toolchains; empty: everything in one lane).
side=${UECHECK_SIDE_SUITES-suite-toolchains}
mkdir "$tmp/side"
side_pid=
side_run=
for suite in "$dir"/suite-*.sh; do
	name=$(basename "$suite" .sh)
	if [ -x "$suite" ] && on_side "$name" && selected "$name"; then
		side_run="$side_run $name"
	fi
done
if [ -n "$side_run" ]; then
	(
		for name in $side_run; do
			start=$(date +%s)
			"$dir/$name.sh" >"$tmp/side/$name.out" 2>&1
			echo "$?" >"$tmp/side/$name.rc"
			echo "$(($(date +%s) - start))" >"$tmp/side/$name.s"
		done
	) &
	side_pid=$!
	# The lane's suites end with the runner.
	trap 'pkill -TERM -P "$side_pid" 2>/dev/null; kill "$side_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fi

found=0
for suite in "$dir"/suite-*.sh; do
	[ -e "$suite" ] || continue
	name=$(basename "$suite" .sh)
	selected "$name" || continue
	found=$((found + 1))
	case " $side_run " in
	*" $name "*) continue ;;
	esac
	echo "# $name"
	if [ ! -x "$suite" ]; then
		count_failure "$name" "suite file is not executable (chmod +x $suite)"
		continue
	fi
	start=$(date +%s)
	{
		"$suite" 2>&1
		echo "$?" >"$tmp/rc"
	} | number_lines "$name"
	report "$name" "$(cat "$tmp/rc")" "$(($(date +%s) - start))"
done

if [ -n "$side_pid" ]; then
	start=$(date +%s)
	wait "$side_pid"
	waited=$(($(date +%s) - start))
	for name in $side_run; do
		echo "# $name"
		number_lines "$name" <"$tmp/side/$name.out"
		report "$name" "$(cat "$tmp/side/$name.rc" 2>/dev/null || echo 1)" \
			"$(cat "$tmp/side/$name.s" 2>/dev/null || echo '?')" "beside the others"
	done
	echo "# side lane:$side_run: waited $waited s for it after the others"
fi

if [ "$found" -eq 0 ]; then
	if [ -n "$pattern" ]; then
		echo "run-all.sh: no suite matches '$pattern' in $dir" >&2
	else
		echo "run-all.sh: no suite-*.sh in $dir" >&2
	fi
	exit 2
fi

read -r n pass fail skip <"$tmp/count"
echo "1..$n"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
