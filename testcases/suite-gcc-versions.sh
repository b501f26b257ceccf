#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-gcc-versions: build the plugin with every GCC that has plugin
# headers here (gcc-11 and gcc-12 on Debian 12, through the Makefile:
# make CC=gcc-N OUT=build/gcc-N) and run a few testcases with each:
#   - the first testcases of testcases/lock and testcases/ref, and the demo,
#     at -O0 and -O2: exactly the findings their "expect:" comments name;
#   - one gen-uemm program per injected bug kind: the bug is found;
#   - an object built with the plugin is byte-identical to one built without.
# gcc-11 and gcc-12 are required (not ok when missing); other versions are
# reported when present.
#
# Environment: UECHECK_GCC_VERSIONS (default "11 12"), UECHECK_CASES (number
# of testcases per directory, default 3).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
versions=${UECHECK_GCC_VERSIONS:-11 12}
cases=${UECHECK_CASES:-3}
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-gccver.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
zero() { if [ "$1" -eq 0 ]; then pass "$2"; else fail "$2"; fi; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }

# Other GCCs that happen to be installed, reported besides the required ones.
for cc in $(cd /usr/bin && printf '%s\n' gcc-* | sed -n 's/^gcc-\([0-9][0-9]*\)$/\1/p'); do
	case " $versions " in
	*" $cc "*) ;;
	*) [ -f "$(gcc-"$cc" -print-file-name=plugin)/include/gcc-plugin.h" ] &&
		versions="$versions $cc" ;;
	esac
done

# "LINE RULE" per finding of the gcc engine in compiler output $1.
findings() {
	sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: \(warning\|error\): .* \[uecheck:\([a-z-]*\)\]$/\1 \3/p' "$1" |
		sort -u
}

# "LINE RULE" per expectation for the gcc engine in testcase $1
# ("expect: A, B" and "expect[gcc]: A"; "expect[cocci]" is not ours).
expectations() {
	awk '{
		if (match($0, /expect(\[gcc\])?: [a-z, -]+/)) {
			s = substr($0, RSTART, RLENGTH)
			sub(/^[^:]*: */, "", s)
			sub(/[ ,]+$/, "", s)
			n = split(s, rule, /, */)
			for (i = 1; i <= n; i++)
				if (rule[i] != "")
					print FNR " " rule[i]
		}
	}' "$1" | sort -u
}

# check_case CC SO FILE: the findings of FILE at -O0 and -O2 are exactly
# its expectations.
check_case() {
	cc=$1 so=$2 file=$3
	opts=
	grep -q 'uecheck-options:.*strict' "$file" && opts=-fplugin-arg-uecheck-strict
	if grep -q 'uecheck-xfail\[gcc\]' "$file"; then
		skip "gcc-$v: ${file#"$top"/}" "xfail: $(sed -n 's/.*uecheck-xfail\[gcc\]: *//p' "$file" | head -n 1)"
		return
	fi
	expectations "$file" >"$tmp/want"
	ok=1
	for o in -O0 -O2; do
		"$cc" -nostdinc -I "$top/testcases/include" $o -c -o "$tmp/case.o" \
			-fplugin="$so" $opts "$file" 2>"$tmp/out"
		findings "$tmp/out" >"$tmp/got"
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			ok=0
			echo "# $o: wanted / got (LINE RULE):"
			diff "$tmp/want" "$tmp/got" | diag
		fi
	done
	if [ "$ok" -eq 1 ]; then
		pass "gcc-$v: ${file#"$top"/}"
	else
		fail "gcc-$v: ${file#"$top"/}"
	fi
}

gen=$tmp/gen-uemm
if ! gcc -O2 -o "$gen" "$top/scripts/gen-uemm.c" 2>"$tmp/err"; then
	fail "build scripts/gen-uemm.c"
	diag "$tmp/err"
	exit 1
fi

for v in $versions; do
	cc=gcc-$v
	if ! command -v "$cc" >/dev/null 2>&1; then
		fail "gcc-$v: installed (apt-get install gcc-$v gcc-$v-plugin-dev)"
		continue
	fi
	out=$top/build/gcc-$v
	so=$out/uecheck.so
	if make -s -C "$top" CC="$cc" OUT="$out" plugin >"$tmp/build" 2>&1 && [ -f "$so" ]; then
		pass "gcc-$v: plugin builds ($("$cc" -dumpfullversion))"
	else
		fail "gcc-$v: plugin builds"
		diag "$tmp/build"
		continue
	fi

	# A few testcases of each directory, and the demo.
	ran=0
	for dir in lock ref; do
		for file in $(find "$top/testcases/$dir" -maxdepth 1 -name '*.c' 2>/dev/null | sort | head -n "$cases"); do
			grep -q 'uecheck-engines:' "$file" &&
				! grep -q 'uecheck-engines:.*gcc' "$file" && continue
			check_case "$cc" "$so" "$file"
			ran=$((ran + 1))
		done
	done
	if [ -f "$top/testcases/include/uecheck-test.h" ]; then
		check_case "$cc" "$so" "$top/testcases/demo/user_events_demo.c"
		ran=$((ran + 1))
	fi
	[ "$ran" -eq 0 ] && skip "gcc-$v: testcases" "no testcases or stub headers yet"

	# One generated program per injected bug kind (seeds 1..12 cover them).
	missed=0
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
		"$gen" -m bug -s "$seed" -n 40 -f 2 >"$tmp/bug.c"
		"$cc" -O2 -c -o "$tmp/bug.o" -fplugin="$so" "$tmp/bug.c" 2>"$tmp/out"
		findings "$tmp/out" | awk '{ print $1, $2 }' >"$tmp/got"
		if ! awk -f "$top/testcases/fuzz-expect.awk" "$tmp/bug.c" "$tmp/got" >"$tmp/why"; then
			missed=$((missed + 1))
			echo "# gen-uemm -m bug -s $seed -n 40 -f 2: $(cat "$tmp/why")"
		fi
	done
	zero "$missed" "gcc-$v: injected bugs found (gen-uemm -m bug, seeds 1..12)"

	# Generated code does not change.
	"$gen" -m random -s 5 -n 200 -f 4 >"$tmp/r.c"
	"$cc" -O2 -c -o "$tmp/with.o" -fplugin="$so" "$tmp/r.c" 2>/dev/null
	"$cc" -O2 -c -o "$tmp/without.o" "$tmp/r.c" 2>/dev/null
	if [ -s "$tmp/with.o" ] && cmp -s "$tmp/with.o" "$tmp/without.o"; then
		pass "gcc-$v: object identical with and without the plugin"
	else
		fail "gcc-$v: object identical with and without the plugin"
	fi
done

exit "$failed"
