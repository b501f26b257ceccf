# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Sourced by suite-robustness.sh: scripts/uecheck never replaces a file
# that is not its own, never exits 0 without having written its findings,
# and uecheck-patch reads a CR LF patch (issue "never destroy a user's
# file").  Uses the suite's tmp, top, wrapper, pass, fail, diag and
# expect_one_line.

nd=$tmp/nd
mkdir -p "$nd"
cp "$top/testcases/demo/user_events_demo.c" "$nd/v.c"
cp "$nd/v.c" "$nd/v.orig"
ndflags="-std=gnu11 -nostdinc -I $top/testcases/include"

# nd_run ARG...: the wrapper's gcc engine on v.c; exit status in nd_rc.
nd_run() {
	# shellcheck disable=SC2086 # ndflags is a word list
	(cd "$nd" && timeout "$limit" sh "$wrapper" --engines=gcc "$@" $ndflags v.c) \
		>"$tmp/nd.out" 2>"$tmp/nd.err"
	nd_rc=$?
}

# nd_refused NAME WANT ARG...: one line with WANT, exit 2, v.c intact.
nd_refused() {
	name=$1 want=$2
	shift 2
	# shellcheck disable=SC2086
	expect_one_line "$name" "$want" \
		sh -c 'cd "$1" && shift && exec sh "$@"' sh "$nd" "$wrapper" --engines=gcc "$@" $ndflags v.c
	cmp -s "$nd/v.c" "$nd/v.orig" || fail "$name: v.c intact"
}

# A symlink is written through: the link stays, its target gets the findings.
ln -s target.txt "$nd/link.txt"
nd_run --output=link.txt
if [ "$nd_rc" -eq 0 ] && [ -h "$nd/link.txt" ] && grep -q 'uecheck:' "$nd/target.txt"; then
	pass "never destroy: --output=SYMLINK writes its target, the link stays"
else
	fail "never destroy: --output=SYMLINK writes its target, the link stays (exit $nd_rc)"
	diag "$tmp/nd.err"
fi

nd_refused "never destroy: --format=json --output= the file being checked" \
	"a file being checked" --format=json --output=v.c
echo "my notes" >"$nd/notes.txt"
nd_refused "never destroy: --output= a file that is not uecheck's output" \
	"is not uecheck's output" --output=notes.txt
nd_refused "never destroy: --write-baseline= a file that is not a baseline" \
	"not a uecheck baseline" --write-baseline=notes.txt
[ "$(cat "$nd/notes.txt")" = "my notes" ] || fail "never destroy: notes.txt intact"
nd_refused "never destroy: --write-baseline= the file being checked" \
	"a file being checked" --write-baseline=v.c
printf 'garbage\n' >"$nd/bad.baseline"
nd_refused "never destroy: --baseline= a file that is not a baseline" \
	"not a uecheck baseline" --baseline=bad.baseline
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "uecheck"}}, "results": 7}]}\n' \
	>"$nd/odd.sarif"
cp "$nd/odd.sarif" "$nd/odd.orig"
nd_run --format=sarif --output=odd.sarif
if [ "$nd_rc" -ne 0 ] && [ "$(grep -c . "$tmp/nd.err")" -eq 1 ] &&
	grep -q 'not a SARIF log written by uecheck' "$tmp/nd.err" && cmp -s "$nd/odd.sarif" "$nd/odd.orig"; then
	pass "never destroy: a SARIF log whose results are not a list: one line, untouched"
else
	fail "never destroy: a SARIF log whose results are not a list: one line, untouched (exit $nd_rc)"
	diag "$tmp/nd.err"
fi

# Devices and fifos are written through, never replaced.
if [ "$(id -u)" -eq 0 ] && mknod "$nd/null" c 1 3 2>/dev/null; then
	nd_run --format=json --output=null
	if [ "$nd_rc" -eq 0 ] && [ -c "$nd/null" ]; then
		pass "never destroy: --output= a character device (a private /dev/null) is written through"
	else
		fail "never destroy: --output= a character device (a private /dev/null) is written through (exit $nd_rc)"
		diag "$tmp/nd.err"
	fi
else
	skip "never destroy: --output= a character device" "mknod needs root"
fi
# A full device of our own (1, 7 is /dev/full's): the machine's /dev/full
# is not this test's to rely on, nor to leave a file in if it is missing.
if [ "$(id -u)" -eq 0 ] && mknod "$nd/full" c 1 7 2>/dev/null; then
	expect_one_line "never destroy: --output= a full device: exit 3, one line" "No space left on device" \
		sh "$wrapper" --engines=gcc --output="$nd/full" $ndflags "$nd/v.c"
	expect_one_line "never exit 0 unchecked: --format=json to a full standard output" \
		"cannot write the findings to standard output" \
		sh -c 'f=$1 && shift && sh "$@" >"$f"' sh "$nd/full" "$wrapper" --engines=gcc --format=json $ndflags "$nd/v.c"
	[ -c "$nd/full" ] || fail "never destroy: the full device is still a device"
else
	skip "never destroy: --output= a full device" "mknod needs root"
fi
# A findings step that fails (exit 1, as python3 does on a crash before
# our code runs) is no "findings": exit 3, one line.
expect_one_line "never exit 0 unchecked: a findings step that exits 1 (UECHECK_PYTHON=/bin/false)" \
	"the findings step (/bin/false) failed (exit 1)" \
	env UECHECK_PYTHON=/bin/false sh "$wrapper" --engines=gcc $ndflags "$nd/v.c"
mkfifo "$nd/fifo"
timeout "$limit" cat "$nd/fifo" >"$tmp/nd.fifo" &
nd_run --format=json --output=fifo
wait
if [ "$nd_rc" -eq 0 ] && [ -p "$nd/fifo" ] && grep -q '"tool": "uecheck"' "$tmp/nd.fifo"; then
	pass "never destroy: --output= a fifo is written through"
else
	fail "never destroy: --output= a fifo is written through (exit $nd_rc)"
	diag "$tmp/nd.err"
fi
nd_refused "never destroy: --write-baseline= a fifo" "not a regular file" --write-baseline=fifo

# uecheck-patch: a CR LF patch finds what its LF form finds.
if command -v git >/dev/null 2>&1; then
	(
		cd "$nd" && git init -q repo && cd repo &&
		mkdir -p kernel/trace && printf 'void f(void)\n{\n}\n' >kernel/trace/x.c &&
		git add . && git -c user.email=t@t -c user.name=t commit -q -m base &&
		cp "$nd/v.orig" kernel/trace/x.c && git diff >"$nd/lf.patch" &&
		git checkout -q kernel/trace/x.c
	) >/dev/null 2>&1
	sed 's/$/\r/' "$nd/lf.patch" >"$nd/crlf.patch"
	(cd "$nd/repo" && timeout "$limit" sh "$top/scripts/uecheck-patch" --terse "$nd/lf.patch") \
		>"$tmp/nd.lf" 2>&1
	(cd "$nd/repo" && timeout "$limit" sh "$top/scripts/uecheck-patch" --terse "$nd/crlf.patch") \
		>"$tmp/nd.crlf" 2>&1
	nd_rc=$?
	if [ "$nd_rc" -eq 1 ] && [ -s "$tmp/nd.lf" ] &&
		[ "$(sed 's/^[^:]*://' "$tmp/nd.lf")" = "$(sed 's/^[^:]*://' "$tmp/nd.crlf")" ]; then
		pass "never exit 0 unchecked: uecheck-patch reads a CR LF patch as its LF form"
	else
		fail "never exit 0 unchecked: uecheck-patch reads a CR LF patch as its LF form (exit $nd_rc)"
		diag "$tmp/nd.crlf"
	fi
else
	skip "uecheck-patch and a CR LF patch" "git is not installed"
fi
