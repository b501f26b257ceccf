# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Sourced by suite-robustness.sh: input that uecheck cannot check never
# reads as "no findings" (issue "never destroy a user's file, never exit
# 0 having checked nothing").  Each trial gives the findings, or one line
# and a non-zero exit (or, for a part of a file, a "not checked" line that
# --werror fails on).  Uses the suite's tmp, top, wrapper, limit, pass,
# fail, skip, diag and expect_one_line.

uc=$tmp/uc
mkdir -p "$uc"
ucflags="-std=gnu11 -nostdinc -I $top/testcases/include"
demo=$top/testcases/demo/user_events_demo.c
# What the demo's findings are, by line and rule, from each engine on its
# own plain name: the odd names below must give the same.
uc_findings() {
	LC_ALL=C sed -n 's/^.*:\([0-9][0-9]*\):[0-9]*: warning: .*\[uecheck:\([a-z-]*\)\]$/\1 \2/p' "$1" | sort
}
have_spatch=
command -v "${SPATCH:-spatch}" >/dev/null 2>&1 && have_spatch=1

# File names with a blank, a tab or a byte of another encoding: every
# engine checks them, under their own names.
tab=$(printf '\t')
for n in "a b.c" "a${tab}b.c" "$(printf 'l\351.c')"; do
	shown=$(printf '%s' "$n" | od -An -c | tr -s ' ' | sed 's/^ //')
	cp "$demo" "$uc/$n"
	for e in gcc cocci; do
		if [ "$e" = cocci ] && [ -z "$have_spatch" ]; then
			skip "never unchecked: the cocci engine on a file named '$shown'" "spatch is not installed"
			continue
		fi
		# shellcheck disable=SC2086 # ucflags is a word list
		timeout "$limit" sh "$wrapper" --engines=$e $ucflags "$demo" >/dev/null 2>"$uc/plain.$e"
		# shellcheck disable=SC2086
		timeout "$limit" sh "$wrapper" --engines=$e $ucflags "$uc/$n" >/dev/null 2>"$uc/odd.$e"
		rc=$?
		if [ "$rc" -eq 0 ] && [ -s "$uc/plain.$e" ] &&
			[ "$(uc_findings "$uc/plain.$e")" = "$(uc_findings "$uc/odd.$e")" ] &&
			grep -a -q -F "$uc/$n:" "$uc/odd.$e"; then
			pass "never unchecked: the $e engine on a file named '$shown' finds what it finds under a plain name"
		else
			fail "never unchecked: the $e engine on a file named '$shown' finds what it finds under a plain name (exit $rc)"
			diag "$uc/odd.$e"
		fi
	done
done
# A newline cannot be in a FILE:LINE: line: refused, by name.
nl_name="$uc/n
l.c"
cp "$demo" "$nl_name"
# shellcheck disable=SC2086
expect_one_line "never unchecked: scripts/uecheck refuses a file name with a newline" \
	"a file name with a newline cannot be checked" sh "$wrapper" --engines=gcc $ucflags "$nl_name"
if [ -n "$have_spatch" ]; then
	expect_one_line "never unchecked: cocci/run.sh refuses a file name with a newline" \
		"a file name with a newline is not checked" sh "$top/cocci/run.sh" "$nl_name"
	# In a directory it is said, the others are checked.
	sh "$top/cocci/run.sh" "$uc" >"$uc/dir.out" 2>"$uc/dir.err"
	if grep -q "not checked: a file name with a newline" "$uc/dir.err" &&
		grep -a -q -F "$uc/a b.c:" "$uc/dir.out"; then
		pass "never unchecked: cocci/run.sh on a directory says which file it cannot name, checks the rest"
	else
		fail "never unchecked: cocci/run.sh on a directory says which file it cannot name, checks the rest"
		diag "$uc/dir.err"
	fi
fi
rm -f "$nl_name" "$uc/a b.c" "$uc/a${tab}b.c" "$uc/$(printf 'l\351.c')"

# uecheck-patch: a patch with a tab in a file name is refused by name;
# one with a byte of another encoding is read (git quotes both).
if command -v git >/dev/null 2>&1; then
	(
		cd "$uc" && git init -q prepo && cd prepo && mkdir -p kernel/trace &&
		printf 'void f(void)\n{\n}\n' >"kernel/trace/a${tab}b.c" &&
		printf 'void f(void)\n{\n}\n' >"kernel/trace/$(printf 'l\351.c')" &&
		git add . && git -c user.email=t@t -c user.name=t commit -q -m base &&
		cp "$demo" "kernel/trace/a${tab}b.c" && git diff >"$uc/tab.patch" &&
		git checkout -q . && cp "$demo" "kernel/trace/$(printf 'l\351.c')" &&
		git diff >"$uc/latin1.patch" && git checkout -q .
	) >/dev/null 2>&1
	expect_one_line "never unchecked: uecheck-patch refuses a patch naming a file with a tab" \
		"a file name with a tab or a newline cannot be checked" \
		sh -c 'cd "$1" && shift && exec sh "$@"' sh "$uc/prepo" "$top/scripts/uecheck-patch" --terse "$uc/tab.patch"
	if [ -n "$have_spatch" ]; then
		(cd "$uc/prepo" && timeout "$limit" sh "$top/scripts/uecheck-patch" --terse "$uc/latin1.patch") \
			>"$uc/latin1.out" 2>&1
		rc=$?
		if [ "$rc" -eq 1 ] && [ "$(grep -c 'ERROR:' "$uc/latin1.out")" -eq 6 ]; then
			pass "never unchecked: uecheck-patch reads a patch naming a file in another encoding (6 findings)"
		else
			fail "never unchecked: uecheck-patch reads a patch naming a file in another encoding (exit $rc)"
			diag "$uc/latin1.out"
		fi
	else
		skip "never unchecked: uecheck-patch on a Latin-1 file name" "spatch is not installed"
	fi
	# The pre-commit hook (the cocci engine by default) blocks a new leak
	# in a file named in another encoding.
	if [ -n "$have_spatch" ]; then
		(
			cd "$uc/prepo" && cp "$demo" "kernel/trace/$(printf 'l\351.c')" && git add -A &&
			timeout "$limit" sh "$top/scripts/uecheck-pre-commit"
		) >"$uc/hook.out" 2>&1
		rc=$?
		[ "$rc" -eq 1 ] && grep -a -q 'ref-leak' "$uc/hook.out"
		judge $? "never unchecked: the pre-commit hook blocks a leak in a file named in another encoding" "$uc/hook.out"
	fi
else
	skip "never unchecked: uecheck-patch and odd file names" "git is not installed"
fi

# A small or full TMPDIR: one line, exit 3, never "no findings".  A tmpfs
# of our own (64 KB: the Coccinelle engine's files do not fit), filled
# for the full case.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$uc/small" && mount -t tmpfs -o size=64k tmpfs "$uc/small" 2>/dev/null; then
	for e in gcc cocci; do
		[ "$e" = cocci ] && [ -z "$have_spatch" ] && continue
		dd if=/dev/zero of="$uc/small/fill" bs=1k count=64 2>/dev/null
		# shellcheck disable=SC2086
		expect_one_line "never unchecked: a full TMPDIR, the $e engine: one line, exit 3" \
			"cannot write to the temporary directory $uc/small (full?): nothing checked" \
			env TMPDIR="$uc/small" sh "$wrapper" --engines=$e $ucflags "$demo"
		rm -f "$uc/small/fill"
	done
	if [ -n "$have_spatch" ]; then
		expect_one_line "never unchecked: cocci/run.sh in a 64 KB TMPDIR: one line, exit 3" \
			"cannot write to the temporary directory $uc/small (full?): nothing checked" \
			env TMPDIR="$uc/small" sh "$top/cocci/run.sh" "$demo"
		# shellcheck disable=SC2086
		env TMPDIR="$uc/small" timeout "$limit" sh "$wrapper" --engines=cocci $ucflags "$demo" \
			>"$uc/small.out" 2>&1
		rc=$?
		[ "$rc" -eq 3 ] && grep -q 'engine cocci failed' "$uc/small.out"
		judge $? "never unchecked: scripts/uecheck in a 64 KB TMPDIR, the cocci engine: exit 3" "$uc/small.out"
	fi
	umount "$uc/small"
else
	skip "never unchecked: a small or full TMPDIR" "mounting a tmpfs needs root"
fi

# Bytes no C token starts with around a violating function: the gcc
# engine fails on them (exit 3); spatch would skip what follows them
# without a word: the file is said not to be checked, exit 3 as well.
if [ -n "$have_spatch" ]; then
	{
		sed -n '1,/^#include/p' "$demo"
		printf '\n\001\002\177 \200\377\n'
		sed -n '/^void walk_unlocked/,/^}/p' "$demo"
		printf '\n\001\002\177\n'
	} >"$uc/bytes.c"
	# shellcheck disable=SC2086
	timeout "$limit" sh "$wrapper" --engines=cocci $ucflags "$uc/bytes.c" >"$uc/bytes.out" 2>&1
	rc=$?
	[ "$rc" -eq 3 ] && grep -q "bytes.c: not checked by the cocci engine: spatch cannot read it as C" "$uc/bytes.out"
	judge $? "never unchecked: the cocci engine says a file with stray bytes is not checked, exit 3" "$uc/bytes.out"
fi
# shellcheck disable=SC2086
timeout "$limit" sh "$wrapper" --engines=gcc $ucflags "$uc/bytes.c" >"$uc/bytes.out" 2>&1
rc=$?
if [ "$rc" -eq 3 ] && grep -q 'engine gcc failed' "$uc/bytes.out"; then
	pass "never unchecked: the gcc engine fails on a file with stray bytes (exit 3)"
else
	fail "never unchecked: the gcc engine fails on a file with stray bytes (exit $rc)"
	diag "$uc/bytes.out"
fi
# A compiler error in another encoding is shown, never "binary file matches".
le=$uc/$(printf 'l\351-error.c')
printf 'int x = ;\n' >"$le"
timeout "$limit" sh "$wrapper" --engines=gcc "$le" >"$uc/le.out" 2>&1
if grep -a -q 'error:' "$uc/le.out" && ! grep -a -q 'binary file matches' "$uc/le.out"; then
	pass "never unchecked: a compiler error with a Latin-1 byte is shown as text"
else
	fail "never unchecked: a compiler error with a Latin-1 byte is shown as text"
	diag "$uc/le.out"
fi

# Option values: the two engines refuse the same lists.
for e in gcc cocci; do
	[ "$e" = cocci ] && [ -z "$have_spatch" ] && continue
	# shellcheck disable=SC2086
	expect_one_line "never unchecked: --rules=ref-leak, (an empty rule id), the $e engine" \
		"empty rule in the list 'ref-leak,'" sh "$wrapper" --engines=$e --rules=ref-leak, $ucflags "$demo"
done

# A rule set too large for spatch's command line (its names pass through
# a file then): both engines read it, and both see the demo's lock taken
# by a name only it lists.
{
	echo "include kernel-locks.ruleset"
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "lock-api mutex acquire my_lock_%06d other_lock_%06d\n", i, i }'
	echo "lock event_mutex mutex"
	echo "guard user_event_mm.next event_mutex"
} >"$uc/huge.ruleset"
{
	sed -n '1,/^#include/p' "$demo"
	echo "void other_lock_019999(struct mutex *lock);"
	sed '1,/^#include/d; s/mutex_lock(&event_mutex)/other_lock_019999(\&event_mutex)/' "$demo"
} >"$uc/huge.c"
hsize=$(wc -c <"$uc/huge.ruleset")
for e in gcc cocci; do
	[ "$e" = cocci ] && [ -z "$have_spatch" ] && continue
	# shellcheck disable=SC2086
	timeout "$limit" sh "$wrapper" --engines=$e --ruleset="$uc/huge.ruleset" $ucflags "$uc/huge.c" \
		>/dev/null 2>"$uc/huge.$e"
	rc=$?
	# The demo's three lock findings, each one line later (the prototype).
	[ "$rc" -eq 0 ] && [ "$(uc_findings "$uc/huge.$e" | tr '\n' ' ')" = "42 unguarded-access 55 lock-required 71 lock-held " ]
	judge $? "never unchecked: the $e engine reads a $hsize-byte rule set" "$uc/huge.$e"
done

# A shared SARIF log: a file that stops compiling loses its results and
# the log says it was not checked (executionSuccessful false, one error
# notification naming it); checked again, the notification goes.
mkdir -p "$uc/sl"
cp "$demo" "$uc/sl/a.c"
cp "$demo" "$uc/sl/b.c"
sl_run() {
	# shellcheck disable=SC2086
	(cd "$uc/sl" && timeout "$limit" sh "$wrapper" --engines=gcc --format=sarif --output=log.sarif \
		$ucflags "$1") >/dev/null 2>&1
}
# sl_state: RESULTS SUCCESSFUL NOTIFIED-FILES of the log.
sl_state() {
	python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
inv = run.get("invocations", [{}])[0]
notes = inv.get("toolExecutionNotifications", [])
print(len(run["results"]), inv.get("executionSuccessful"),
      ",".join(n["properties"]["checkedFile"] for n in notes if n["level"] == "error") or "-")
' "$uc/sl/log.sarif" 2>&1
}
sl_run a.c
sl_run b.c
before=$(sl_state)
printf 'int x = ;\n' >>"$uc/sl/a.c"
sl_run a.c
rc=$?
broken=$(sl_state)
cp "$demo" "$uc/sl/a.c"
sl_run a.c
fixed=$(sl_state)
if [ "$before" = "12 True -" ] && [ "$rc" -eq 3 ] && [ "$broken" = "6 False a.c" ] && [ "$fixed" = "12 True -" ]; then
	pass "never unchecked: a shared SARIF log says which file stopped compiling, and forgets it once it builds"
else
	fail "never unchecked: a shared SARIF log says which file stopped compiling (exit $rc; '$before' / '$broken' / '$fixed')"
fi

# A rule set line the unit contradicts checks nothing: each engine says
# so, with the same line (said once when both do), and the wrapper exits
# 2 (bad input; --werror or not: the runs below alternate); the right
# rule set is silent.
mkdir -p "$uc/rc"
cat >"$uc/rc/own.c" <<'EOC'
#include <linux/mutex.h>

/* A struct of its own: next is guarded by the_mutex. */
struct node {
	int value;
	struct node *next;	/* a comment naming nxt */
};

static DEFINE_MUTEX(the_mutex);

static int walk(struct node *n)
{
	int sum = 0;

	mutex_lock(&the_mutex);
	for (; n; n = n->next)
		sum += n->value;
	mutex_unlock(&the_mutex);
	return sum;
}

int walk_all(struct node *n)
{
	return walk(n);
}
EOC
printf 'include kernel-locks.ruleset\nlock the_mutex mutex\nguard node.next the_mutex\n' >"$uc/rc/ok.ruleset"
printf 'include kernel-locks.ruleset\nlock the_mutex mutex\nguard node.nxt the_mutex\n' >"$uc/rc/field.ruleset"
printf 'include kernel-locks.ruleset\nlock teh_mutex mutex\nguard node.next teh_mutex\n' >"$uc/rc/lock.ruleset"
for e in gcc cocci gcc,cocci; do
	case $e in *cocci*) [ -n "$have_spatch" ] || continue ;; esac
	for r in ok field lock; do
		w=--werror
		[ "$r" = lock ] && w=--format=text
		# shellcheck disable=SC2086
		timeout "$limit" sh "$wrapper" --engines=$e $w --ruleset="$uc/rc/$r.ruleset" $ucflags \
			"$uc/rc/own.c" >/dev/null 2>"$uc/rc.err"
		rc=$?
		n=$(grep -c " rule set '$uc/rc/$r.ruleset': " "$uc/rc.err")
		case $r in
		ok) want="exit 0, silent"; ok=$([ "$rc" -eq 0 ] && [ ! -s "$uc/rc.err" ] && echo y) ;;
		field) want="one line at own.c:4, exit 2"
			ok=$([ "$rc" -eq 2 ] && [ "$n" -eq 1 ] &&
				grep -q "^uecheck: $uc/rc/own.c:4: rule set .*'guard node.nxt': 'struct node' has no such field" "$uc/rc.err" && echo y) ;;
		lock) want="one line at own.c:4, exit 2"
			ok=$([ "$rc" -eq 2 ] && [ "$n" -eq 1 ] &&
				grep -q "^uecheck: $uc/rc/own.c:4: rule set .*'lock teh_mutex': nothing in this unit" "$uc/rc.err" && echo y) ;;
		esac
		[ "$ok" = y ]
		judge $? "rule set meaning: $r.ruleset, --engines=$e: $want" "$uc/rc.err"
	done
done
# ... and again from the cache: a rule set line is never cached away.
if [ -n "$have_spatch" ]; then
	for i in 1 2; do
		# shellcheck disable=SC2086
		UECHECK_CACHE_DIR=$uc/rc-cache timeout "$limit" sh "$wrapper" --engines=gcc,cocci \
			--ruleset="$uc/rc/field.ruleset" $ucflags "$uc/rc/own.c" >/dev/null 2>"$uc/rc.$i"
	done
	if grep -q "'guard node.nxt'" "$uc/rc.1" && grep -q "'guard node.nxt'" "$uc/rc.2"; then
		pass "rule set meaning: said again on a second run with UECHECK_CACHE_DIR"
	else
		fail "rule set meaning: said again on a second run with UECHECK_CACHE_DIR"
		diag "$uc/rc.2"
	fi
fi
# Must stay silent: a struct a header defines reaches units that have
# nothing to do with the lock (6.12's user_events.h in kernel/fork.c).
mkdir -p "$uc/rc/inc"
printf 'struct node {\n\tint value;\n\tstruct node *next;\n};\n' >"$uc/rc/inc/node.h"
printf '#include "inc/node.h"\n\nint first(struct node *n)\n{\n\treturn n ? 1 : 0;\n}\n' >"$uc/rc/user.c"
for e in gcc cocci; do
	[ "$e" = cocci ] && [ -z "$have_spatch" ] && continue
	# shellcheck disable=SC2086
	timeout "$limit" sh "$wrapper" --engines=$e --werror --ruleset="$uc/rc/ok.ruleset" $ucflags \
		"$uc/rc/user.c" >/dev/null 2>"$uc/rc.err"
	# (The cocci engine reads the header as a file of its own, too.)
	[ "$e" = gcc ] || sh "$top/cocci/run.sh" --ruleset "$uc/rc/ok.ruleset" "$uc/rc/inc/node.h" \
		>/dev/null 2>>"$uc/rc.err"
	rc=$?
	[ "$rc" -eq 0 ] && ! grep -q "rule set" "$uc/rc.err"
	judge $? "rule set meaning: a header's struct in a unit without the lock: silent, --engines=$e" "$uc/rc.err"
done

# A rule set that names no struct of any file a run checks (a typo in the
# struct's name, or the wrong files) checked nothing against them: one
# line from scripts/uecheck, whichever engines ran; bad input (exit 2):
# neither the files nor their headers name it (the compiler reads them
# for the gcc engine, the preprocessor for the Coccinelle engine, whose
# scripts read no header).
# Silent when one file of the run names one; in a kernel build's call
# (-D__KERNEL__: each call one file, most not the rule set's) and for a
# change (the hook's and uecheck-patch's --changed-since); from a cached
# answer the line comes again.
printf 'include kernel-locks.ruleset\nlock the_mutex mutex\nguard nodee.next the_mutex\n' >"$uc/rc/typo.ruleset"
printf 'int other(int x)\n{\n\treturn x + 1;\n}\n' >"$uc/rc/other.c"
printf '#include "inc/node.h"\n\nint twice(int x)\n{\n\treturn x * 2;\n}\n' >"$uc/rc/header.c"
printf '#include "inc/absent.h"\n\nint thrice(int x)\n{\n\treturn x * 3;\n}\n' >"$uc/rc/nohdr.c"
# cov_run NAME ENGINES RULESET [FLAG...] FILE...: exit status in rc,
# stderr in $uc/cov.NAME.
cov_run() {
	cov_name=$1 cov_e=$2 cov_r=$3
	shift 3
	# shellcheck disable=SC2086
	timeout "$limit" sh "$wrapper" --engines=$cov_e --ruleset="$uc/rc/$cov_r.ruleset" \
		$ucflags "$@" >/dev/null 2>"$uc/cov.$cov_name"
	rc=$?
}
# cov_said NAME RULESET: the one line, said once, and nothing else.
cov_said() {
	[ "$(wc -l <"$uc/cov.$1")" -eq 1 ] &&
		grep -q -x "uecheck: rule set '$uc/rc/$2.ruleset' names no struct of the files checked (its rules checked nothing)" \
			"$uc/cov.$1"
}
for e in gcc cocci gcc,cocci; do
	case $e in *cocci*) [ -n "$have_spatch" ] || continue ;; esac
	cov_run typo.$e "$e" typo --werror "$uc/rc/own.c"
	[ "$rc" -eq 2 ] && cov_said typo.$e typo
	judge $? "rule set meaning: a guard on a struct no file names, --engines=$e: one line, exit 2" "$uc/cov.typo.$e"
	cov_run plain.$e "$e" typo "$uc/rc/own.c"
	[ "$rc" -eq 2 ] && cov_said plain.$e typo
	judge $? "rule set meaning: the same without --werror, --engines=$e: the line, exit 2" "$uc/cov.plain.$e"
	cov_run header.$e "$e" ok --werror "$uc/rc/header.c"
	[ "$rc" -eq 0 ] && [ ! -s "$uc/cov.header.$e" ]
	judge $? "rule set meaning: only a header of the file names the struct, --engines=$e: silent" "$uc/cov.header.$e"
	cov_run other.$e "$e" ok --werror "$uc/rc/other.c" "$uc/rc/user.c"
	[ "$rc" -eq 0 ] && [ ! -s "$uc/cov.other.$e" ]
	judge $? "rule set meaning: one file of the run names the struct, --engines=$e: silent" "$uc/cov.other.$e"
	cov_run kernel.$e "$e" typo --werror -D__KERNEL__ "$uc/rc/own.c"
	[ "$rc" -eq 0 ] && [ ! -s "$uc/cov.kernel.$e" ]
	judge $? "rule set meaning: a struct no file names, in a kernel build's call, --engines=$e: silent" "$uc/cov.kernel.$e"
	cov_run since.$e "$e" typo --werror --changed-since="$uc/rc/own.c" "$uc/rc/own.c"
	[ "$rc" -eq 0 ] && [ ! -s "$uc/cov.since.$e" ]
	judge $? "rule set meaning: a struct no file names, for a change (--changed-since), --engines=$e: silent" "$uc/cov.since.$e"
done
# The Coccinelle engine alone, on a file whose headers cannot be read:
# whether they name the struct is not known, so not bad input; --werror
# fails on it.
if [ -n "$have_spatch" ]; then
	cov_run nohdr.werror cocci typo --werror "$uc/rc/nohdr.c"
	[ "$rc" -eq 1 ] && cov_said nohdr.werror typo
	judge $? "rule set meaning: a struct no file names, headers unreadable, --engines=cocci: one line, --werror exits 1" "$uc/cov.nohdr.werror"
	cov_run nohdr.plain cocci typo "$uc/rc/nohdr.c"
	[ "$rc" -eq 0 ] && cov_said nohdr.plain typo
	judge $? "rule set meaning: the same without --werror: the line, exit 0" "$uc/cov.nohdr.plain"
fi
for i in 1 2; do
	UECHECK_CACHE_DIR=$uc/cov-cache cov_run cache.$i gcc typo --werror "$uc/rc/own.c"
	eval "rc$i=\$rc"
done
# shellcheck disable=SC2154 # rc1, rc2: set by the eval above
[ "$rc1" -eq 2 ] && [ "$rc2" -eq 2 ] && cov_said cache.1 typo && cov_said cache.2 typo
judge $? "rule set meaning: a struct no file names is said again with UECHECK_CACHE_DIR" "$uc/cov.cache.2"
