# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): scripts/uecheck as a program.
# Uses the fixtures next to this file and fake-cocci.sh as the cocci engine,
# so dedup and engine plumbing are tested whatever cocci/ holds today.

cd "$fix" || exit 2
fake_cocci=$fix/fake-cocci.sh

# ---- flag sorting (lib/flags.sh), expected lists written by hand ----------

# What kbuild passes for x86_64 6.12: CHECKFLAGS, then part of c_flags.
set -- -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise \
	-Wno-return-void -Wno-unknown-attribute -D__x86_64__ --arch=x86 \
	-mlittle-endian -m64 -Wp,-MMD,kernel/trace/.x.o.d -nostdinc \
	-I./arch/x86/include -include ./include/linux/kconfig.h -D__KERNEL__ \
	-Werror -Wall -fno-strict-aliasing -std=gnu11 -O2 -isystem /usr/inc \
	'-DKBUILD_MODNAME="x y"' -D __CHECKER__ -D KEEP -fmax-warnings=5 \
	-fmemcpy-max-count=9 -w -o x.o -MD -MF dep.d -c kernel/trace/x.c
cat >"$tmp/flags.want" <<'EOF'
-D__linux__
-Dlinux
-Dunix
-D__unix__
-Wno-return-void
-Wno-unknown-attribute
-D__x86_64__
-m64
-nostdinc
-I./arch/x86/include
-include
./include/linux/kconfig.h
-D__KERNEL__
-fno-strict-aliasing
-std=gnu11
-O2
-isystem
/usr/inc
-DKBUILD_MODNAME="x y"
-D
KEEP
--
kernel/trace/x.c
EOF
(
	. "$top/scripts/lib/flags.sh"
	ue_sort_args "$@" || exit 1
	eval "set -- $UE_GCC_ARGS"
	printf '%s\n' "$@"
	echo --
	eval "set -- $UE_FILES"
	printf '%s\n' "$@"
) >"$tmp/flags.got" 2>&1
if cmp -s "$tmp/flags.want" "$tmp/flags.got"; then
	pass "uecheck: kbuild CHECK arguments sorted into GCC's (x86_64)"
else
	fail "uecheck: kbuild CHECK arguments sorted into GCC's (x86_64)"
	diff "$tmp/flags.want" "$tmp/flags.got" | diag
fi

# A single quote inside an argument survives the quoting.
(
	. "$top/scripts/lib/flags.sh"
	ue_sort_args "-DQ=it's" f.c && eval "set -- $UE_GCC_ARGS" && printf '%s\n' "$@"
) >"$tmp/q.got" 2>&1
check "uecheck: quotes inside arguments survive" \
	[ "$(cat "$tmp/q.got")" = "-DQ=it's" ]

# Endianness flags are kept exactly when this gcc takes them.
(
	. "$top/scripts/lib/flags.sh"
	ue_sort_args -mlittle-endian f.c && echo "${UE_GCC_ARGS:-none}"
) >"$tmp/e.got" 2>&1
if gcc -mlittle-endian -E -x c -o /dev/null /dev/null 2>/dev/null; then
	want="'-mlittle-endian' "
else
	want=none
fi
check "uecheck: -mlittle-endian kept only if gcc accepts it" \
	[ "$(cat "$tmp/e.got")" = "$want" ]
# Where sparse's --arch says x86 it is dropped without asking the compiler
# (a compiler that would take it, here a stand-in, is never started).
printf '#!/bin/sh\necho asked >>"%s"\nexit 0\n' "$tmp/asked" >"$tmp/yescc"
chmod +x "$tmp/yescc"
(
	. "$top/scripts/lib/flags.sh"
	UECHECK_CC=$tmp/yescc
	ue_sort_args --arch=x86 -mlittle-endian f.c && echo "${UE_GCC_ARGS:-none}"
	ue_sort_args --arch=arm64 -mlittle-endian f.c && echo "${UE_GCC_ARGS:-none}"
) >"$tmp/e2.got" 2>&1
check "uecheck: -mlittle-endian dropped unasked under --arch=x86, kept where the compiler takes it" \
	[ "$(cat "$tmp/e2.got")" = "none
'-mlittle-endian' " ] && [ "$(cat "$tmp/asked")" = asked ]

# ---- the gcc engine ----------------------------------------------------------

sh "$uecheck" --engines=gcc seeded.c >"$tmp/seeded.stdout" 2>"$tmp/seeded.out"
rc=$?
same_findings "uecheck: gcc engine finds every seeded violation (on stderr)" "$tmp/seeded.out" seeded.expect
check "uecheck: text findings leave stdout empty (make -s sends it to /dev/null)" [ ! -s "$tmp/seeded.stdout" ]
check "uecheck: findings without --werror exit 0" [ "$rc" -eq 0 ]
check "uecheck: each finding keeps its notes" \
	grep -q "^seeded.c:37:9: note: 'event_mutex' released here$" "$tmp/seeded.out"
check "uecheck: no GCC context or caret lines" \
	[ "$(grep -c -v -E '^seeded\.c:[0-9]+:[0-9]+: (warning|note): ' "$tmp/seeded.out")" -eq 0 ]
# A note that says what the function does with the lock: one that takes it
# after the call that needs it is not one that "neither takes nor asserts"
# it (testcases/lock/exposed-call-before-own-lock.c; the words by hand).
# On the path to the finding the lock is as the caller left it: the
# function's own lock call is on other paths.
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc -nostdinc -I ../include \
	exposed-call-before-own-lock.c) >"$tmp/own.out" 2>&1
check "uecheck: an exported function that takes the lock on another path is said to, where it does" \
	grep -q "^exposed-call-before-own-lock.c:25:9: note: 'stats_record_early' can be called from outside this file (external linkage) and takes 'stats_lock' here, but not on this path$" "$tmp/own.out"
check "uecheck: one that takes it with a guard() is said to, at the guard" \
	grep -q "^exposed-call-before-own-lock.c:46:9: note: 'stats_record_scoped' can be called from outside this file (external linkage) and takes 'stats_lock' here, but not on this path$" "$tmp/own.out"
check "uecheck: one that never takes it still neither takes nor asserts it" \
	grep -q "^exposed-call-before-own-lock.c:37:6: note: 'stats_never_locks' can be called from outside this file (external linkage) and neither takes nor asserts 'stats_lock'$" "$tmp/own.out"
# A helper no caller holds the lock for is reported at its access, with a
# note at its first call (testcases/lock/helper-no-caller-holds.c).
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc -nostdinc -I ../include \
	helper-no-caller-holds.c) >"$tmp/nocaller.out" 2>&1
check "uecheck: a helper no caller holds the lock for: the note is at its first call" \
	grep -q "^helper-no-caller-holds.c:28:9: note: 'stats_lock' is not held at this call, nor at any other call of the function in this file$" "$tmp/nocaller.out"
check "uecheck: after a call of such a helper the lock is as the caller had it, not released by the call" \
	sh -c 'grep -q "^helper-no-caller-holds.c:95:5: note: .stats_add_and_read. can be called from outside this file (external linkage) and neither takes nor asserts .stats_lock.\$" "$1" &&
		! grep -q "released by this call" "$1"' sh "$tmp/nocaller.out"
# Clang's contract for a per-object lock (testcases/lock/exposed-object-lock.c):
# the note names the object's lock, and where the function takes it on
# another path.
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc --contract=clang -nostdinc -I ../include \
	exposed-object-lock.c) >"$tmp/objexp.out" 2>&1
check "uecheck: an exported function without the object's lock neither takes nor asserts it" \
	grep -q "^exposed-object-lock.c:36:6: note: 'dev_unlocked' can be called from outside this file (external linkage) and neither takes nor asserts 'dev->mtx'$" "$tmp/objexp.out"
check "uecheck: one that takes the object's lock on another path is said to, where it does" \
	grep -q "^exposed-object-lock.c:54:17: note: 'dev_maybe' can be called from outside this file (external linkage) and takes 'dev->mtx' here, but not on this path$" "$tmp/objexp.out"
check "uecheck: a callback (its address taken) is said to be one" \
	grep -q "^exposed-object-lock.c:.*: note: 'dev_callback' can be called from outside this file (its address is taken) and neither takes nor asserts 'dev->mtx'$" "$tmp/objexp.out"
# A __used function (testcases/lock/assumes-and-used.c) is said to be one,
# and a function that needs the lock it is given is said to
# (testcases/lock/lock-passed-must-hold.c).
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc --contract=clang -nostdinc -I ../include \
	assumes-and-used.c lock-passed-must-hold.c) >"$tmp/used.out" 2>&1
check "uecheck: a __used function is said to be one" \
	grep -q "^assumes-and-used.c:57:35: note: 'table_reset_unlocked' can be called from outside this file (it is __used) and neither takes nor asserts 'table->sem'$" "$tmp/used.out"
check "uecheck: a callee that needs the lock it is given is said to, with the lock passed" \
	grep -q "^lock-passed-must-hold.c:33:74: note: '__rd_read_lock_must_hold' is annotated to need the lock it is given held, here 'rd_data->rd'$" "$tmp/used.out"
# One that needs a global lock as itself besides the one it is given: the
# note is its access (testcases/lock/passed-lock-and-global-need.c).
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc --contract=clang -nostdinc -I ../include \
	passed-lock-and-global-need.c) >"$tmp/itself.out" 2>&1
check "uecheck: a callee given another lock that needs a global besides: the note is its access" \
	grep -q "^passed-lock-and-global-need.c:21:17: note: 'stats_note' accesses 'nr_stats' here$" "$tmp/itself.out"
# A static function that takes the lock further on, on every path: what
# it does before is reported there, the note at the take
# (testcases/lock/take-after-use.c); the guard() take too.
(cd "$top/testcases/lock" && sh "$uecheck" --engines=gcc -nostdinc -I ../include \
	take-after-use.c) >"$tmp/ahead.out" 2>&1
check "uecheck: an access before the function's own lock: the note is at the take" \
	grep -q "^take-after-use.c:47:9: note: 'q_lock' taken here, later on every path: the function is not called with it held (it would deadlock here)$" "$tmp/ahead.out"
check "uecheck: an access before a guard(): the note is at the guard" \
	grep -q "^take-after-use.c:107:9: note: 'q_lock' taken here, later on every path" "$tmp/ahead.out"

sh "$uecheck" --engines=gcc clean.c >"$tmp/clean.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/clean.out" ]
verdict $? "uecheck: silent on the clean fixture"
# A file without findings starts no Python (the findings step is skipped:
# an interpreter that cannot run is never asked); one with findings does.
env UECHECK_PYTHON=/bin/false sh "$uecheck" --engines=gcc clean.c >"$tmp/np.out" 2>&1
rc=$?
env UECHECK_PYTHON=/bin/false sh "$uecheck" --engines=gcc seeded.c >"$tmp/np2.out" 2>&1
rc2=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/np.out" ] && [ "$rc2" -eq 3 ]
verdict $? "uecheck: no Python for a file without findings, the findings step for one with them"

# The whole kbuild-style list, depfile option included.
sh "$uecheck" --engines=gcc -D__linux__ -Dlinux -D__STDC__ -Wbitwise \
	-Wno-return-void --arch=x86 -mlittle-endian -m64 \
	"-Wp,-MMD,$tmp/.seeded.o.d" -nostdinc -I. -Wall -Werror -O2 \
	seeded.c >"$tmp/kb.stdout" 2>"$tmp/kb.out"
rc=$?
same_findings "uecheck: CHECK-style argument list (sparse + GCC flags)" "$tmp/kb.out" seeded.expect
[ "$rc" -eq 0 ] && [ ! -e "$tmp/.seeded.o.d" ] && [ ! -s "$tmp/kb.stdout" ] &&
	[ "$(grep -c -v -E "^seeded.c:[0-9]+:[0-9]+: (warning|note): " "$tmp/kb.out")" -eq 0 ]
verdict $? "uecheck: CHECK-style list exits 0 and leaves no depfile"

sh "$uecheck" --engines=gcc strict.c >"$tmp/ns.out" 2>&1
sh "$uecheck" --engines=gcc --strict strict.c >"$tmp/st.out" 2>&1
check "uecheck: missing-assertion only with --strict" [ ! -s "$tmp/ns.out" ]
same_findings "uecheck: --strict reports missing-assertion" "$tmp/st.out" strict.expect

sh "$uecheck" --engines=gcc --rules=ref-leak,double-put seeded.c >"$tmp/rules.out" 2>&1
grep -E 'ref-leak|double-put' seeded.expect >"$tmp/rules.want"
same_findings "uecheck: --rules keeps only those rules" "$tmp/rules.out" "$tmp/rules.want"

# ---- exit codes and bad input -------------------------------------------------

exit_is "uecheck: --werror with findings exits 1" 1 sh "$uecheck" --engines=gcc --werror seeded.c
check "uecheck: --werror prints findings as errors" \
	[ "$(grep -c ': error: .*\[uecheck:' "$tmp/err")" -eq 5 ]
exit_is "uecheck: UECHECK_WERROR=1 with findings exits 1" 1 \
	env UECHECK_WERROR=1 sh "$uecheck" --engines=gcc seeded.c
exit_is "uecheck: --werror without findings exits 0" 0 sh "$uecheck" --engines=gcc --werror clean.c

printf 'int broken( {\n' >"$tmp/broken.c"
exit_is "uecheck: a compiler error is a tool failure (exit 3)" 3 \
	sh "$uecheck" --engines=gcc --werror "$tmp/broken.c"
grep -q 'broken.c:1:.*error:' "$tmp/err" &&
	! grep -q "\\[uecheck:" "$tmp/out" "$tmp/err" &&
	[ "$(grep -c '^uecheck: ' "$tmp/err")" -eq 1 ]
verdict $? "uecheck: the compiler error is shown, not reported as a finding"

# one_error NAME WANT-EXIT WANT-TEXT CMD...: one "uecheck: " line on stderr.
one_error() {
	name=$1 want=$2 text=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ] && [ "$(grep -c . "$tmp/err")" -eq 1 ] &&
	   grep -q "^uecheck: .*$text" "$tmp/err" && [ ! -s "$tmp/out" ]; then
		pass "$name"
	else
		fail "$name"
		echo "# exit $rc (wanted $want); stderr:"
		diag "$tmp/err"
	fi
}
one_error "uecheck: unknown option (exit 2)" 2 "bogus" sh "$uecheck" --bogus seeded.c
one_error "uecheck: unknown engine (exit 2)" 2 "nonsense" sh "$uecheck" --engines=gcc,nonsense seeded.c
one_error "uecheck: unknown format (exit 2)" 2 "xml" sh "$uecheck" --format=xml seeded.c
one_error "uecheck: unknown rule (exit 2)" 2 "no-such-rule" sh "$uecheck" --rules=no-such-rule seeded.c
one_error "uecheck: missing source file (exit 2)" 2 "none.c" sh "$uecheck" --engines=gcc none.c
one_error "uecheck: no source file (exit 2)" 2 "no source file" sh "$uecheck" --engines=gcc -O2
one_error "uecheck: missing baseline (exit 2)" 2 "nobase" sh "$uecheck" --engines=gcc --baseline=nobase seeded.c
one_error "uecheck: missing plugin is a tool failure (exit 3)" 3 "plugin" \
	env UECHECK_PLUGIN="$tmp/none.so" sh "$uecheck" --engines=gcc seeded.c
one_error "uecheck: missing sparse is a tool failure (exit 3)" 3 "sparse" \
	env UECHECK_SPARSE=no-such-sparse sh "$uecheck" --engines=sparse seeded.c
one_error "uecheck: missing cocci scripts are a tool failure (exit 3)" 3 "cocci" \
	env UECHECK_COCCI="$tmp/none.sh" sh "$uecheck" --engines=cocci seeded.c
exit_is "uecheck: --help exits 0" 0 sh "$uecheck" --help
check "uecheck: --help documents the exit status" grep -q 'tool failure' "$tmp/out"
# The whole top comment: its last line, by hand, and the environment
# sentence the old --help cut in the middle.
[ "$(tail -n 1 "$tmp/out")" = "(../lib/uecheck, ../share/uecheck)." ] &&
	grep -q -x 'UECHECK_COCCI_JOBS (spatch processes per file, default 1: under make -j' "$tmp/out"
verdict $? "uecheck: --help prints the whole manual, to its last line"

# ---- long options: --opt=VALUE and --opt VALUE -------------------------------

sh "$uecheck" --engines gcc --rules ref-leak,double-put seeded.c >"$tmp/sp1.out" 2>&1
grep -E ' (ref-leak|double-put)$' seeded.expect >"$tmp/sp1.want"
same_findings "uecheck: --engines gcc --rules LIST (value as the next argument)" "$tmp/sp1.out" "$tmp/sp1.want"
rm -f "$tmp/sp2.json"
sh "$uecheck" --engines gcc --format json --output "$tmp/sp2.json" seeded.c >"$tmp/sp2.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/sp2.out" ] &&
	[ "$(jq '.findings | length' "$tmp/sp2.json" 2>/dev/null)" = "$(grep -c . seeded.expect)" ]
verdict $? "uecheck: --format json --output FILE (values as the next argument)"
# --srcroot, --sarif-category and --changed-since take the next argument too.
sh "$uecheck" --engines gcc --format sarif --srcroot "$fix" --sarif-category kt seeded.c >"$tmp/sp3.sarif" 2>"$tmp/sp3.err"
rc=$?
[ "$rc" -eq 0 ] && jq -e '.runs[0].automationDetails.id | startswith("kt/")' "$tmp/sp3.sarif" >/dev/null &&
	[ "$(jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' "$tmp/sp3.sarif")" = seeded.c ]
verdict $? "uecheck: --srcroot DIR --sarif-category NAME (values as the next argument)"
sh "$uecheck" --engines gcc --changed-since clean.c seeded.c >"$tmp/sp4.out" 2>&1
same_findings "uecheck: --changed-since FILE (value as the next argument)" "$tmp/sp4.out" seeded.expect
one_error "uecheck: an option without its value (exit 2)" 2 "option '--output' needs a value" \
	sh "$uecheck" --engines=gcc seeded.c --output
# Only our own options take the next argument: a compiler flag does not
# eat the file, and --werror takes no value.
exit_is "uecheck: --werror FILE: the file is the file" 1 sh "$uecheck" --engines gcc --werror -O2 seeded.c

# ---- sparse engine: output unchanged ----------------------------------------

sparse -Wbitwise -I. seeded.c >"$tmp/sp.direct" 2>&1
sh "$uecheck" --engines=sparse -Wbitwise -I. seeded.c >"$tmp/sp.ours" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/sp.direct" ] && cmp -s "$tmp/sp.direct" "$tmp/sp.ours"; then
	pass "uecheck: sparse engine output is sparse's own, unchanged"
else
	fail "uecheck: sparse engine output is sparse's own, unchanged"
	diff "$tmp/sp.direct" "$tmp/sp.ours" | diag
fi
sh "$uecheck" --engines=gcc,sparse -I. seeded.c >"$tmp/gs.stdout" 2>"$tmp/gs.err"
found "$tmp/gs.err" >"$tmp/gs.lr"
check "uecheck: gcc+sparse: uecheck findings and sparse output together on stderr" cmp -s "$tmp/gs.lr" seeded.expect
check "uecheck: gcc+sparse: sparse's warnings on stderr" \
	grep -q "seeded.c:.*symbol 'walk_unlocked' was not declared" "$tmp/gs.err"
exit_is "uecheck: sparse's own failing status (-Wsparse-error) is kept" 1 \
	sh "$uecheck" --engines=sparse -Wsparse-error seeded.c

# ---- two engines, one report -------------------------------------------------

: >"$tmp/cocci.log"
FAKE_COCCI_LOG=$tmp/cocci.log UECHECK_COCCI=$fake_cocci \
	sh "$uecheck" --engines=gcc,cocci seeded.c >"$tmp/two.out" 2>&1
{ cat seeded.expect; echo "50 ref-leak"; } >"$tmp/two.want"
same_findings "uecheck: gcc+cocci: a problem both find is reported once" "$tmp/two.out" "$tmp/two.want"
FAKE_COCCI_LOG=$tmp/cocci.log UECHECK_COCCI=$fake_cocci \
	sh "$uecheck" --engines=gcc,cocci --format=json seeded.c >"$tmp/two.json" 2>&1
check "uecheck: json lists both engines of a shared finding" \
	[ "$(jq -c '[.findings[] | select(.line == 39) | .engines]' "$tmp/two.json")" = '[["gcc","cocci"]]' ]
FAKE_COCCI_LOG=$tmp/cocci.log UECHECK_COCCI=$fake_cocci \
	sh "$uecheck" --engines=cocci --strict clean.c >/dev/null 2>&1
check "uecheck: --strict reaches the cocci engine as -D strict" \
	grep -q -e '^--jobs 1 -D strict .*clean.c$' "$tmp/cocci.log"
printf 'int unrelated(void) { return 0; }\n' >"$tmp/unrelated.c"
: >"$tmp/cocci.log"
FAKE_COCCI_LOG=$tmp/cocci.log UECHECK_COCCI=$fake_cocci \
	sh "$uecheck" --engines=cocci "$tmp/unrelated.c" >/dev/null 2>&1
check "uecheck: cocci not run on a file without the rules' symbols" [ ! -s "$tmp/cocci.log" ]
exit_is "uecheck: a failing cocci engine is a tool failure (exit 3)" 3 \
	env FAKE_COCCI_EXIT=2 UECHECK_COCCI="$fake_cocci" sh "$uecheck" --engines=cocci seeded.c

# ---- a function Coccinelle cannot parse is not a clean result ----------------

if command -v spatch >/dev/null 2>&1; then
	# By hand: spatch fails at line 16 of update_walk() (unparsable.h's
	# macro takes a statement); the leak in it is at line 21.
	sh "$top/cocci/run.sh" unparsable.c >"$tmp/unp.out" 2>"$tmp/unp.err"
	rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/unp.out" ] && [ "$(cat "$tmp/unp.err")" = \
		"uecheck-cocci: unparsable.c:16: function 'update_walk' not checked: spatch cannot parse it" ]
	verdict $? "uecheck: cocci/run.sh names the function spatch cannot parse"
	[ "$rc" -eq 0 ] || diag "$tmp/unp.err"
	sh "$uecheck" --engines=cocci unparsable.c >"$tmp/unp.out" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && grep -q -x "uecheck: unparsable.c:16: function 'update_walk' not checked by the cocci engine: spatch cannot parse it" "$tmp/unp.out"
	verdict $? "uecheck: the cocci engine alone says which function it did not check"
	# With the gcc engine the whole file is checked: no notice.
	sh "$uecheck" --engines=gcc,cocci unparsable.c >"$tmp/unp.out" 2>&1
	rc=$?
	echo "21 ref-leak" >"$tmp/unp.want"
	[ "$rc" -eq 0 ] && ! grep -q 'not checked' "$tmp/unp.out"
	verdict $? "uecheck: with the gcc engine too, the function counts as checked (no notice)"
	same_findings "uecheck: the gcc engine still finds the leak in it" "$tmp/unp.out" "$tmp/unp.want"
	exit_is "uecheck: --werror fails on code the cocci engine did not check (exit 1)" 1 \
		sh "$uecheck" --engines=cocci --werror unparsable.c
	sh "$uecheck" --engines=cocci --werror clean.c >"$tmp/unp.out" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && ! grep -q 'not checked' "$tmp/unp.out"
	verdict $? "uecheck: a file spatch parses whole has no 'not checked' line"
else
	skip "uecheck: a function Coccinelle cannot parse" "spatch not installed"
fi

# ---- suppressions ----------------------------------------------------------------

sh "$uecheck" --engines=gcc suppress.c >"$tmp/sup.out" 2>&1
same_findings "uecheck: suppression comments silence only the rules they name" \
	"$tmp/sup.out" suppress.expect
FAKE_COCCI_LOG=/dev/null UECHECK_COCCI=$fake_cocci \
	sh "$uecheck" --engines=cocci suppress.c >"$tmp/sup2.out" 2>&1
check "uecheck: suppressions apply to every engine (cocci: nothing for suppress.c)" \
	[ ! -s "$tmp/sup2.out" ]

# ---- baseline ------------------------------------------------------------------

mkdir -p "$tmp/bl/sub"
cp seeded.c ue.h "$tmp/bl/sub/"
(cd "$tmp/bl" && sh "$uecheck" --engines=gcc --write-baseline=base.txt sub/seeded.c) >/dev/null 2>&1
check "uecheck: --write-baseline records every finding" \
	[ "$(grep -c -v '^#' "$tmp/bl/base.txt")" -eq 5 ]
# Unrelated lines added above every finding: nothing is new.
{ sed -n '1,8p' seeded.c; printf '/* one */\n\n/* two */\n'; sed -n '9,$p' seeded.c; } >"$tmp/bl/sub/seeded.c"
(cd "$tmp/bl" && sh "$uecheck" --engines=gcc --werror --baseline=base.txt sub/seeded.c) >"$tmp/bl.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/bl.out" ]
verdict $? "uecheck: baseline survives unrelated line shifts"
# The same file by another path (O= builds, absolute paths).
sh "$uecheck" --engines=gcc --baseline="$tmp/bl/base.txt" "$tmp/bl/sub/seeded.c" >"$tmp/bl.out" 2>&1
check "uecheck: baseline matches the file by an absolute path" [ ! -s "$tmp/bl.out" ]
# A new violation: only it is reported.
awk '{ print } /^\t\tuser_event_mm_put\(mm\);$/ && !done { print; done = 1 }' \
	"$tmp/bl/sub/seeded.c" >"$tmp/bl/sub/new.c"
mv "$tmp/bl/sub/new.c" "$tmp/bl/sub/seeded.c"
(cd "$tmp/bl" && sh "$uecheck" --engines=gcc --baseline=base.txt sub/seeded.c) >"$tmp/bl.out" 2>&1
# Written by hand: the inserted second put in update_all (its line 23 now).
echo "23 double-put" >"$tmp/bl.want"
same_findings "uecheck: baseline: only the new violation is reported" "$tmp/bl.out" "$tmp/bl.want"
# Rewriting the baseline for one file keeps the other files' entries.
printf 'other.c\tref-leak\tf\t}\t1\n' >>"$tmp/bl/base.txt"
(cd "$tmp/bl" && sh "$uecheck" --engines=gcc --write-baseline=base.txt sub/seeded.c) >/dev/null 2>&1
[ "$(grep -c '^sub/seeded.c	' "$tmp/bl/base.txt")" -eq 6 ] &&
	grep -q '^other.c	' "$tmp/bl/base.txt"
verdict $? "uecheck: --write-baseline replaces only this file's entries"
# Parallel writers (make -j): every file's entries arrive.
mkdir -p "$tmp/par"
cp ue.h "$tmp/par/"
for i in 1 2 3 4; do cp seeded.c "$tmp/par/s$i.c"; done
for i in 1 2 3 4; do
	(cd "$tmp/par" && sh "$uecheck" --engines=gcc --write-baseline=base.txt "s$i.c" >/dev/null 2>&1) &
done
wait
for i in 1 2 3 4; do
	[ "$(grep -c "^s$i.c	" "$tmp/par/base.txt")" -eq 5 ] || break
done
verdict $? "uecheck: --write-baseline from four parallel calls keeps every entry"

# ---- JSON and SARIF ----------------------------------------------------------------

# A file name that needs escaping in JSON and encoding in a URI.
odd='we ird "name" #1.c'
cp seeded.c "$tmp/$odd"
cp ue.h "$tmp/"
(cd "$tmp" && sh "$uecheck" --engines=gcc --format=json "$odd") >"$tmp/f.json" 2>"$tmp/f.err"
if jq -e --arg f "$odd" '
	(keys == ["findings", "tool", "version"]) and .tool == "uecheck" and
	(.version | type) == "string" and (.findings | type) == "array" and
	(.findings | length) == 5 and
	all(.findings[];
	    (keys == ["byte_column", "char_column", "column", "engines", "file",
		      "function", "line", "message", "notes", "rule", "severity"]) and
	    .file == $f and (.line | type) == "number" and .line >= 1 and
	    (.column | type) == "number" and .column >= 1 and
	    .severity == "warning" and (.message | type) == "string" and
	    (.rule | IN("unguarded-access", "lock-required", "missing-assertion",
			"ref-leak", "double-put", "use-after-put")) and
	    .engines == ["gcc"] and (.notes | length) >= 1 and
	    (.function | type) == "string" and
	    all(.notes[]; keys == ["byte_column", "char_column", "column", "file", "line", "message"] and
		(.line | type) == "number"))' "$tmp/f.json" >/dev/null; then
	pass "uecheck: --format=json has the documented structure"
else
	fail "uecheck: --format=json has the documented structure"
	diag "$tmp/f.json" "$tmp/f.err"
fi
jq -r '.findings[] | "\(.line) \(.rule)"' "$tmp/f.json" >"$tmp/fj.got"
(cd "$tmp" && sh "$uecheck" --engines=gcc "$odd") 2>"$tmp/ft.out"
found "$tmp/ft.out" >"$tmp/ft.lr"
check "uecheck: json and text list the same findings" cmp -s "$tmp/fj.got" "$tmp/ft.lr"

(cd "$tmp" && sh "$uecheck" --engines=gcc --werror --format=sarif "$odd") >"$tmp/f.sarif" 2>"$tmp/f.err"
if jq -e '
	.version == "2.1.0" and (."$schema" | test("sarif-2\\.1\\.0")) and
	(.runs | length) == 1 and
	.runs[0].tool.driver.name == "uecheck" and
	([.runs[0].tool.driver.rules[].id] | length == 7 and (unique | length) == 7) and
	.runs[0].tool.driver.rules as $rules |
	(.runs[0].results | length) == 5 and
	all(.runs[0].results[];
	    $rules[.ruleIndex].id == .ruleId and
	    .level == "error" and (.message.text | type) == "string" and
	    (.locations | length) == 1 and
	    .locations[0].physicalLocation.artifactLocation.uri ==
		"we%20ird%20%22name%22%20%231.c" and
	    (.locations[0].physicalLocation.region.startLine | type) == "number" and
	    (.locations[0].physicalLocation.region.startColumn | type) == "number" and
	    all(.relatedLocations[]; (.id | type) == "number" and
		(.message.text | type) == "string" and
		(.physicalLocation.region.startLine | type) == "number"))' \
	"$tmp/f.sarif" >/dev/null; then
	pass "uecheck: --format=sarif is SARIF 2.1.0 with rules, results, locations"
else
	fail "uecheck: --format=sarif is SARIF 2.1.0 with rules, results, locations"
	diag "$tmp/f.sarif" "$tmp/f.err"
fi
sh "$uecheck" --engines=gcc --format=sarif clean.c >"$tmp/c.sarif" 2>&1
check "uecheck: sarif of a clean file has an empty results list" \
	jq -e '.runs[0].results == []' "$tmp/c.sarif" >/dev/null

sh "$uecheck" --engines=gcc --format=json --output="$tmp/o.json" seeded.c >"$tmp/o.out" 2>&1
[ ! -s "$tmp/o.out" ] && jq -e '.findings | length == 5' "$tmp/o.json" >/dev/null
verdict $? "uecheck: --output=FILE gets the document, stdout nothing"
sh "$uecheck" --engines=gcc --format=sarif --output="$tmp/odir/" seeded.c >/dev/null 2>&1
sh "$uecheck" --engines=gcc --format=sarif --output="$tmp/odir/" clean.c >/dev/null 2>&1
jq -e '.runs[0].results | length == 5' "$tmp/odir/seeded.c.sarif" >/dev/null &&
	jq -e '.runs[0].results | length == 0' "$tmp/odir/clean.c.sarif" >/dev/null
verdict $? "uecheck: --output=DIR/ gets one document per source file"

cd "$top" || exit 2

# ---- the real cocci engine (cocci/run.sh), once it is there ------------------

cd "$fix" || exit 2
if [ -f "$top/cocci/run.sh" ] && command -v "${SPATCH:-spatch}" >/dev/null 2>&1; then
	sh "$uecheck" --engines=cocci clean.c >"$tmp/cc1.out" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/cc1.out" ]
	verdict $? "uecheck: cocci engine silent on the clean fixture"
	sh "$uecheck" --engines=cocci suppress.c >"$tmp/cc2.out" 2>&1
	same_findings "uecheck: cocci engine, suppressions" "$tmp/cc2.out" suppress.expect
	sh "$uecheck" --engines=cocci --strict strict.c >"$tmp/cc3.out" 2>&1
	same_findings "uecheck: cocci engine, --strict" "$tmp/cc3.out" strict.expect
	sh "$uecheck" --engines=gcc,cocci seeded.c >"$tmp/cc4.out" 2>&1
	found "$tmp/cc4.out" | sort >"$tmp/cc4.lr"
	# Every gcc finding, none twice (a problem both engines see is one).
	[ -z "$(cut -d' ' -f1,2 "$tmp/cc4.lr" | uniq -d)" ] &&
		[ -z "$(sort seeded.expect | comm -23 - "$tmp/cc4.lr" 2>/dev/null)" ]
	verdict $? "uecheck: gcc+cocci on the seeded fixture, each problem once"
	[ -n "$(cut -d' ' -f1,2 "$tmp/cc4.lr" | uniq -d)" ] && diag "$tmp/cc4.lr"
else
	skip "uecheck: cocci engine" "cocci/run.sh or spatch not there"
fi

# ---- a rule set other than the built-in one (--ruleset) ----------------------

# The second rule set of testcases/ruleset/, as CHECK=scripts/uecheck
# --ruleset=... would run it: the findings are that rule set's in both
# engines, a rule set the Coccinelle scripts cannot check (a per-object
# lock) is said to be not checked when no other engine did, and a rule
# set that is not there is bad usage.
rs=$top/testcases/ruleset
rsflags="-nostdinc -I $top/testcases/include"
# shellcheck disable=SC2086 # flags are words
sh "$uecheck" --engines=gcc --ruleset="$rs/sessions.ruleset" $rsflags "$rs/release-twice.c" \
	>"$tmp/rs.out" 2>&1
printf '%s\n' "19 double-put" "20 use-after-put" >"$tmp/rs.want"
same_findings "uecheck: --ruleset=FILE reports that rule set's findings" "$tmp/rs.out" "$tmp/rs.want"
grep -q "'session_release' of 'struct session' that was already put" "$tmp/rs.out"
verdict $? "uecheck: --ruleset findings are worded with the rule set's names"
# shellcheck disable=SC2086
sh "$uecheck" --engines=gcc $rsflags "$rs/release-twice.c" >"$tmp/rs.out" 2>&1
check "uecheck: without --ruleset the same file is silent (the built-in rule set)" [ ! -s "$tmp/rs.out" ]
# shellcheck disable=SC2086
(cd "$rs" && FAKE_COCCI_LOG=$tmp/rs.log UECHECK_COCCI=$fake_cocci sh "$uecheck" \
	--engines=gcc,cocci --ruleset sessions.ruleset $rsflags peer-after-unlock.c) \
	>"$tmp/rs.out" 2>&1
printf '%s\n' "18 unguarded-access" >"$tmp/rs.want"
same_findings "uecheck: --ruleset FILE (relative, as the next argument) with gcc,cocci" \
	"$tmp/rs.out" "$tmp/rs.want"
grep -q -- "--ruleset $rs/sessions.ruleset " "$tmp/rs.log"
verdict $? "uecheck: ... cocci/run.sh gets the rule set as an absolute path"
# The real scripts, alone: the rule set's finding, and the per-object one refused.
sh "$uecheck" --engines=cocci --ruleset="$rs/sessions.ruleset" "$rs/release-twice.c" \
	>"$tmp/rs.out" 2>&1
printf '%s\n' "19 double-put" "20 use-after-put" >"$tmp/rs.want"
same_findings "uecheck: --ruleset with the cocci engine alone: the rule set's findings" \
	"$tmp/rs.out" "$tmp/rs.want"
sh "$uecheck" --engines=cocci --werror --ruleset="$rs/conns.ruleset" "$rs/conn-after-unlock.c" \
	>"$tmp/rs.out" 2>&1
rc=$?
grep -q "^uecheck: .*conn-after-unlock.c: not checked by the cocci engine: the per-object lock 'conn.lock'" \
	"$tmp/rs.out"
verdict $((rc != 3 || $?)) "uecheck: a rule set the cocci engine cannot check, the only engine: 'not checked', exit 3 (exit $rc)"
exit_is "uecheck: --ruleset naming no file is bad usage" 2 \
	sh "$uecheck" --engines=gcc --ruleset="$tmp/none.ruleset" clean.c
printf 'lock l mutex\nguard s.f l\n' >"$tmp/broken.ruleset"
exit_is "uecheck: a rule set the plugin refuses fails the gcc engine (exit 3)" 3 \
	sh "$uecheck" --engines=gcc --ruleset="$tmp/broken.ruleset" clean.c
grep -q "broken.ruleset:1: lock 'l': no 'lock-api mutex' lines" "$tmp/err"
verdict $? "uecheck: ... with the plugin's one line on the rule set"
cd "$top" || exit 2
