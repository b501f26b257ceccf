#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-robustness: the plugin under bad input and under fuzzing.
#
# Bad input (each: non-zero exit and one clear error line): unknown and
# malformed -fplugin-arg-uecheck-* options, a missing, unreadable or bogus
# plugin file, an unreadable or missing source file, and a plugin loaded by
# a GCC it was not built for (both ways, with any other gcc-N that has
# plugin headers; suite-toolchains.sh covers every pair); the same for the
# scripts/uecheck wrapper and the cocci/run.sh runner (bad options, missing
# files, no spatch).
#
# Outputs that are not uecheck's own (symlinks, devices, fifos, the file
# being checked, other files), bad baselines and SARIF logs, a full output
# and a CR LF patch: testcases/robustness/never-destroy.sh.
#
# One huge function, a 1 MB line, deep nesting, nested loops: each engine
# ends within its time budget and says what it gave up on, --werror fails
# on it (testcases/robustness/time-budget.sh, with each engine's time).
#
# Fuzzing, bounded by UECHECK_FUZZ_SECONDS (default 90), seeds from
# UECHECK_FUZZ_SEED (default 1, so CI runs are reproducible):
#   csmith programs     no crash, no hang, no finding, identical objects
#   gen-uemm -m random  no crash, no hang, identical objects (every third
#                       seed with -fplugin-arg-uecheck-strict)
#   gen-uemm -m clean   no finding (correct by construction)
#   gen-uemm -m bug     the injected finding, where it belongs
# A failing program is kept in build/fuzz-failures/ with the command that
# reproduces it.
#
# Environment: CC (default gcc), UECHECK_PLUGIN (default plugin/uecheck.so),
# UECHECK_FUZZ_SECONDS, UECHECK_FUZZ_SEED.
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-gcc}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
budget=${UECHECK_FUZZ_SECONDS:-90}
seed0=${UECHECK_FUZZ_SEED:-1}
keep=$top/build/fuzz-failures
limit=60			# seconds before a single compile counts as a hang
failed=0

case "$budget$seed0" in
*[!0-9]*)
	echo "suite-robustness: UECHECK_FUZZ_SECONDS and UECHECK_FUZZ_SEED must be numbers" >&2
	exit 2 ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-robust.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
chmod 755 "$tmp"

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
# zero COUNT NAME: ok when COUNT is 0.
zero() { if [ "$1" -eq 0 ]; then pass "$2"; else fail "$2"; fi; }
diag() { sed -e 's/^/# /' -e 20q "$@"; }
# judge STATUS NAME OUTPUT: ok when STATUS (of the checks just run on a
# command's exit status $rc and its OUTPUT) is 0; else not ok with $rc,
# and OUTPUT's first lines.
judge() {
	if [ "$1" -eq 0 ]; then
		pass "$2"
	else
		fail "$2 (exit $rc)"
		diag "$3"
	fi
}

if [ ! -f "$plugin" ]; then
	echo "not ok - robustness: plugin $plugin exists (run make plugin)"
	exit 1
fi

# ---- bad input -------------------------------------------------------------

# Run "$@" (a compile); it must fail with exactly one "error" line that
# contains $want.  Besides it, stderr may only hold GCC's closing
# "compilation terminated." line.
expect_one_error() {
	name=$1 want=$2
	shift 2
	timeout "$limit" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	errors=$(grep -c 'error' "$tmp/err")
	others=$(grep -v -c -e 'error' -e '^compilation terminated\.$' "$tmp/err")
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ "$errors" -eq 1 ] &&
	   [ "$others" -eq 0 ] && grep -q -F -e "$want" "$tmp/err"; then
		pass "$name"
	else
		fail "$name"
		echo "# exit $rc, $errors error line(s), $others other line(s); wanted one error with: $want"
		diag "$tmp/err"
	fi
}

# As an unprivileged user, so that mode 000 really means unreadable (root
# reads everything).
as_user=
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi

printf 'int ok_fn(int a)\n{\n\treturn a + 1;\n}\n' >"$tmp/ok.c"
chmod 644 "$tmp/ok.c"
cp "$plugin" "$tmp/uecheck.so"
cp "$(dirname "$plugin")/uecheck-core.so" "$tmp/uecheck-core.so"
chmod 755 "$tmp/uecheck.so" "$tmp/uecheck-core.so"
compile="$cc -c -o /dev/null"

for bad in 'bogus' 'strict=1' 'werror=yes' 'analyze-only=1' 'rules' 'rules=' \
	   'rules=no-such-rule' 'rules=ref-leak,,double-put' 'rules=ref-leak,' \
	   'rules=,ref-leak' 'rules=REF-LEAK' 'locks' 'locks=' 'locks=all'; do
	expect_one_error "bad input: -fplugin-arg-uecheck-$bad" "uecheck" \
		$compile -fplugin="$tmp/uecheck.so" "-fplugin-arg-uecheck-$bad" "$tmp/ok.c"
done
# Odd annotations (empty, unknown forms, 6.x's one-argument
# __cond_acquires(), a comment running past the line): no crash, no word.
cat >"$tmp/odd.c" <<'EOF'
#define __cond_acquires(...)
#define __guarded_by(...)
#define __must_not_hold(...)
#define __must_hold(...)
#define lockdep_assert_held(...)
#define context_unsafe(...) ({ __VA_ARGS__; })
struct mutex { int x; };
extern struct mutex event_mutex;
struct user_event_mm { struct user_event_mm *next; int a __guarded_by(); };
int try_unknown(void) __cond_acquires(maybe, &event_mutex);
int try_old(void) __cond_acquires(&event_mutex);
int try_empty(void) __cond_acquires(, );
void no_hold(void) __must_not_hold();
int held(struct user_event_mm *p) __must_hold(&event_mutex /* a comment
	running on */);
int held(struct user_event_mm *p) { lockdep_assert_held(&event_mutex); return p->a; }
int f(struct user_event_mm *p)
{
	context_unsafe();
	no_hold();
	return p->a + try_unknown() + try_old() + try_empty();
}
EOF
$compile -fplugin="$tmp/uecheck.so" "$tmp/odd.c" >"$tmp/odd.out" 2>&1
rc=$?
odd=1
[ "$rc" -eq 0 ] && [ ! -s "$tmp/odd.out" ] && odd=0
zero "$odd" "odd annotations: compiled as without the plugin, nothing said (exit $rc)"
[ "$odd" -eq 0 ] || diag "$tmp/odd.out"

# locks=kbuild reads the Makefile beside the file as scripts/Makefile.lib
# would: the object's CONTEXT_ANALYSIS_x.o first, n turns it off, else the
# directory's CONTEXT_ANALYSIS.  annotated-locks.c has 9 findings, all of
# annotated locks.
# kbuild_case NAME WANT MAKEFILE-TEXT: findings of d/x.c under locks=kbuild.
mkdir -p "$tmp/kb/d"
cp "$top/testcases/lock/annotated-locks.c" "$tmp/kb/d/x.c"
kbuild_case() {
	rm -f "$tmp/kb/d/Makefile"
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	[ -n "$3" ] && printf "$3" >"$tmp/kb/d/Makefile"
	n=$(cd "$tmp/kb" && $compile -std=gnu11 -nostdinc -I "$top/testcases/include" \
		-fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-locks=kbuild d/x.c 2>&1 |
		grep -c '\[uecheck:')
	if [ "$n" -eq "$2" ]; then
		pass "locks=kbuild: $1 ($2 findings)"
	else
		fail "locks=kbuild: $1 ($n findings, wanted $2)"
	fi
}
kbuild_case "no Makefile: the rule set's lock only" 0 ""
kbuild_case "CONTEXT_ANALYSIS := y for the directory" 9 'obj-y += x.o\nCONTEXT_ANALYSIS := y\n'
kbuild_case "CONTEXT_ANALYSIS_x.o := y for the object" 9 'CONTEXT_ANALYSIS_x.o:=y\n'
kbuild_case "another object's line" 0 'CONTEXT_ANALYSIS_xy.o := y\nCONTEXT_ANALYSIS_y.o := y\n'
kbuild_case "the object's n over the directory's y" 0 'CONTEXT_ANALYSIS := y\nCONTEXT_ANALYSIS_x.o := n\n'
kbuild_case "the directory's n" 0 'CONTEXT_ANALYSIS = n\n'
# A lock of a kind without API is not checked, and UECHECK_DEBUG says so.
UECHECK_DEBUG=1 $compile -std=gnu11 -nostdinc -I "$top/testcases/include" \
	-fplugin="$tmp/uecheck.so" "$tmp/kb/d/x.c" >"$tmp/dbg.out" 2>&1
zero "$([ "$(grep -c "lock 'custom_lock' not checked" "$tmp/dbg.out")" = 1 ] &&
	grep -q "the walk tracks lock 'stats_lock'" "$tmp/dbg.out" && echo 0 || echo 1)" \
	"UECHECK_DEBUG names the annotated locks checked, and the one not checked once"
# The CHECK wrapper passes --locks on, and refuses a bad one (exit 2).
wrapper_locks() {
	UECHECK_PLUGIN="$tmp/uecheck.so" UECHECK_CC="$cc" sh "$top/scripts/uecheck" --engines=gcc \
		"$@" -std=gnu11 -nostdinc -I "$top/testcases/include" "$tmp/kb/d/x.c" 2>&1
}
rm -f "$tmp/kb/d/Makefile"
n=$(wrapper_locks | grep -c '\[uecheck:')
m=$(wrapper_locks --locks=ruleset | grep -c '\[uecheck:')
zero "$([ "$n" -eq 9 ] && [ "$m" -eq 0 ] && echo 0 || echo 1)" \
	"scripts/uecheck: annotated locks by default ($n findings), none with --locks=ruleset ($m)"
wrapper_locks --locks=all >"$tmp/wl.out"
rc=$?
zero "$([ "$rc" -eq 2 ] && grep -q "unknown --locks 'all'" "$tmp/wl.out" && echo 0 || echo 1)" \
	"scripts/uecheck --locks=all: refused, exit 2 (exit $rc)"

# Clang's contract for a per-object lock (contract=): by default where
# locks=kbuild finds the file opted in.  exposed-object-lock-infer.c has
# one finding under the inference and 4 under Clang's contract (its three
# exposed functions: an access and a declared callee in port_opened, the
# callback's write).
# contract_case NAME WANT MAKEFILE-TEXT FLAG...: findings of d/y.c.
cp "$top/testcases/lock/exposed-object-lock-infer.c" "$tmp/kb/d/y.c"
contract_case() {
	cc_name=$1 cc_want=$2
	rm -f "$tmp/kb/d/Makefile"
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	[ -n "$3" ] && printf "$3" >"$tmp/kb/d/Makefile"
	shift 3
	n=$(cd "$tmp/kb" && $compile -std=gnu11 -nostdinc -I "$top/testcases/include" \
		-fplugin="$tmp/uecheck.so" "$@" d/y.c 2>&1 | grep -c '\[uecheck:')
	if [ "$n" -eq "$cc_want" ]; then
		pass "contract: $cc_name ($cc_want findings)"
	else
		fail "contract: $cc_name ($n findings, wanted $cc_want)"
	fi
}
contract_case "default, no Makefile: the inference" 1 ""
contract_case "default, locks=kbuild, the object opted in: Clang's" 4 \
	'CONTEXT_ANALYSIS_y.o := y\n' -fplugin-arg-uecheck-locks=kbuild
contract_case "default, locks=kbuild, not opted in: the inference (no annotated lock)" 0 \
	'CONTEXT_ANALYSIS_x.o := y\n' -fplugin-arg-uecheck-locks=kbuild
contract_case "default, locks=annotated, a Makefile opting in: not read, the inference" 1 \
	'CONTEXT_ANALYSIS := y\n'
contract_case "contract=clang, no Makefile" 4 "" -fplugin-arg-uecheck-contract=clang
contract_case "contract=infer, locks=kbuild, opted in" 1 \
	'CONTEXT_ANALYSIS := y\n' -fplugin-arg-uecheck-locks=kbuild -fplugin-arg-uecheck-contract=infer
rm -f "$tmp/kb/d/Makefile"
n=$(UECHECK_PLUGIN="$tmp/uecheck.so" UECHECK_CC="$cc" sh "$top/scripts/uecheck" --engines=gcc \
	--contract=clang -std=gnu11 -nostdinc -I "$top/testcases/include" "$tmp/kb/d/y.c" 2>&1 |
	grep -c '\[uecheck:')
zero "$([ "$n" -eq 4 ] && echo 0 || echo 1)" "scripts/uecheck --contract=clang: passed on ($n findings, wanted 4)"
UECHECK_PLUGIN="$tmp/uecheck.so" UECHECK_CC="$cc" sh "$top/scripts/uecheck" --engines=gcc \
	--contract=strict "$tmp/kb/d/y.c" >"$tmp/wc.out" 2>&1
rc=$?
zero "$([ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/wc.out")" -eq 1 ] &&
	grep -q "unknown --contract 'strict'" "$tmp/wc.out" && echo 0 || echo 1)" \
	"scripts/uecheck --contract=strict: refused in one line, exit 2 (exit $rc)"
$compile -std=gnu11 -nostdinc -I "$top/testcases/include" -fplugin="$tmp/uecheck.so" \
	-fplugin-arg-uecheck-contract=strict "$tmp/kb/d/y.c" >"$tmp/pc.out" 2>&1
rc=$?
zero "$([ "$rc" -ne 0 ] && grep -q "contract needs 'kbuild', 'clang' or 'infer' (not 'strict')" "$tmp/pc.out" &&
	echo 0 || echo 1)" "-fplugin-arg-uecheck-contract=strict: an error naming the values (exit $rc)"

# Bad rule sets: one line naming the file, the line and what is wrong,
# from each engine alike (the Coccinelle engine's reader, cocci/ruleset.awk,
# refuses what the plugin's does: exit 2, or 4 for what its scripts do not
# check).
# bad_ruleset NAME WANT TEXT: a rule set of TEXT (printf format) is refused.
bad_ruleset() {
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	printf "$3" >"$tmp/bad.ruleset"
	expect_one_error "bad input: rule set with $1" "$2" \
		$compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-ruleset="$tmp/bad.ruleset" "$tmp/ok.c"
	if ! command -v "${SPATCH:-spatch}" >/dev/null 2>&1; then
		skip "bad input: rule set with $1, the cocci engine" "spatch is not installed"
		return
	fi
	timeout "$limit" sh "$top/cocci/run.sh" --ruleset "$tmp/bad.ruleset" "$tmp/ok.c" \
		>"$tmp/br.out" 2>"$tmp/br.err"
	rc=$?
	if { [ "$rc" -eq 2 ] || [ "$rc" -eq 4 ]; } && [ "$(grep -c . "$tmp/br.err")" -eq 1 ] &&
		[ ! -s "$tmp/br.out" ] && grep -q 'bad.ruleset' "$tmp/br.err"; then
		pass "bad input: rule set with $1, refused by the cocci engine too"
	else
		fail "bad input: rule set with $1, refused by the cocci engine too (exit $rc)"
		diag "$tmp/br.err"
	fi
}
ks='include kernel-locks.ruleset\n'
bad_ruleset "an unknown keyword" "bad.ruleset:2: unknown keyword 'locks'" "$ks""locks l mutex\n"
bad_ruleset "a guard before its lock" "bad.ruleset:2: 'guard': 'l' is not the rule set's lock" \
	"$ks""guard s.f l\nlock l mutex\n"
bad_ruleset "a guard of no STRUCT.FIELD" "bad.ruleset:3: 'sf' is not STRUCT.FIELD" \
	"$ks""lock l mutex\nguard sf l\n"
bad_ruleset "a lock kind without API" "bad.ruleset:1: lock 'l': no 'lock-api rwsem' lines" \
	"lock l rwsem\nguard s.f l\n"
bad_ruleset "a per-object lock guarding another struct" \
	"bad.ruleset:3: 'guard': the lock 'c.l' is a field of another struct than 'd'" \
	"$ks""lock c.l spinlock\nguard d.f c.l\n"
bad_ruleset "a lock of no STRUCT.FIELD" "bad.ruleset:2: 'c.' is not STRUCT.FIELD" \
	"$ks""lock c. spinlock\n"
bad_ruleset "nothing to check" "checks nothing" "$ks""lock l mutex\n"
bad_ruleset "a guard line twice" "bad.ruleset:4: 'guard s.f' a second time" \
	"$ks""lock l mutex\nguard s.f l\nguard s.f l\n"
bad_ruleset "an unknown lock operation" "bad.ruleset:1: unknown lock operation 'grab'" \
	"lock-api mutex grab mutex_lock\n"
bad_ruleset "a lock argument out of range" "'try@9': the lock's argument is @0 to @7" \
	"lock-api mutex try@9 f\n"
bad_ruleset "refs without put" "bad.ruleset:1: 'refs' needs put=NAME" "refs s get=g\n"
bad_ruleset "two refs lines" "bad.ruleset:2: a second 'refs' line" "refs s put=p\nrefs t put=q\n"
bad_ruleset "two lock lines" "bad.ruleset:3: a second 'lock' line" \
	"$ks""lock l mutex\nlock m mutex\nguard s.f l\n"
bad_ruleset "a refs pair that is not KEY=NAME" "'get' is not KEY=NAME" "refs s get put=p\n"
bad_ruleset "a lock-guard of no identifier" "'a-b' is not a C identifier" \
	"$ks""lock-guard mutex a-b\nlock l mutex\nguard s.f l\n"
bad_ruleset "get-all without link" "needs link=FIELD" "refs s get-all=ga put=p\n"
bad_ruleset "an unknown refs key" "unknown key 'drop'" "refs s drop=d put=p\n"
bad_ruleset "a missing include" "'include nope.ruleset': no such rule set" "include nope.ruleset\n"
bad_ruleset "an include of itself" "includes nested deeper than" "include bad.ruleset\n"
bad_ruleset "a name that is not an identifier" "'x-y' is not a function name" \
	"lock-api mutex acquire x-y\n"
expect_one_error "bad input: missing rule set file" "cannot read the rule set '$tmp/none.ruleset'" \
	$compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-ruleset="$tmp/none.ruleset" "$tmp/ok.c"
expect_one_error "bad input: empty -fplugin-arg-uecheck-ruleset" "needs a value" \
	$compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-ruleset= "$tmp/ok.c"
expect_one_error "bad input: -fplugin-arg-uecheck-budget=0" "from 1 to 1000000" \
	$compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-budget=0 "$tmp/ok.c"
expect_one_error "bad input: -fplugin-arg-uecheck-budget=lots" "not 'lots'" \
	$compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheck-budget=lots "$tmp/ok.c"
expect_one_error "bad input: option of another plugin name (-fplugin-arg-uecheckx-strict)" \
	"uecheckx" $compile -fplugin="$tmp/uecheck.so" -fplugin-arg-uecheckx-strict "$tmp/ok.c"

expect_one_error "bad input: missing plugin file" "$tmp/none.so" \
	$compile -fplugin="$tmp/none.so" "$tmp/ok.c"
printf 'not a shared object\n' >"$tmp/bogus.so"
expect_one_error "bad input: plugin file that is not a shared object" "bogus.so" \
	$compile -fplugin="$tmp/bogus.so" "$tmp/ok.c"
cp "$plugin" "$tmp/locked.so"
chmod 000 "$tmp/locked.so"
expect_one_error "bad input: unreadable plugin file" "locked.so" \
	$as_user $compile -fplugin="$tmp/locked.so" "$tmp/ok.c"
mkdir "$tmp/lonely"
cp "$plugin" "$tmp/lonely/uecheck.so"
expect_one_error "bad input: plugin without its analysis (no uecheck-core.so beside it)" \
	"uecheck: cannot load the analysis" $compile -fplugin="$tmp/lonely/uecheck.so" "$tmp/ok.c"
cp "$tmp/ok.c" "$tmp/secret.c"
chmod 000 "$tmp/secret.c"
expect_one_error "bad input: unreadable source file" "secret.c" \
	$as_user $compile -fplugin="$tmp/uecheck.so" "$tmp/secret.c"
expect_one_error "bad input: missing source file" "none.c" \
	$compile -fplugin="$tmp/uecheck.so" "$tmp/none.c"
mkdir "$tmp/dir.c"
expect_one_error "bad input: directory as source file" "dir.c" \
	$compile -fplugin="$tmp/uecheck.so" "$tmp/dir.c"

# A plugin built for one GCC, loaded by the other.
version_of() { "$1" -dumpfullversion 2>/dev/null; }
other_gcc() {
	mine=$(version_of "$cc")
	for o in $(cd /usr/bin && printf '%s\n' gcc-[0-9]* | grep -x 'gcc-[0-9]*' | sort -t- -k2 -rn); do
		[ "$(version_of "$o")" != "$mine" ] &&
			[ -f "$("$o" -print-file-name=plugin)/include/gcc-plugin.h" ] &&
			{ echo "$o"; return; }
	done
	echo "gcc-N"
}
other=$(other_gcc)
if command -v "$other" >/dev/null 2>&1 &&
   [ -f "$("$other" -print-file-name=plugin)/include/gcc-plugin.h" ]; then
	expect_one_error "bad input: $other loading the plugin built for $cc" \
		"cannot run in GCC $(version_of "$other")" \
		"$other" -c -o /dev/null -fplugin="$tmp/uecheck.so" "$tmp/ok.c"
	if make -s -C "$top" CC="$other" OUT="$tmp/other" plugin >"$tmp/build.log" 2>&1; then
		expect_one_error "bad input: $cc loading the plugin built for $other" \
			"cannot run in GCC $(version_of "$cc")" \
			$compile -fplugin="$tmp/other/uecheck.so" "$tmp/ok.c"
	else
		fail "bad input: build the plugin with $other"
		diag "$tmp/build.log"
	fi
else
	skip "bad input: plugin loaded by another GCC" "no other gcc-N with plugin headers installed"
fi

# The CHECK wrapper: same promise, one line on stderr and a non-zero exit.
expect_one_line() {
	name=$1 want=$2
	shift 2
	timeout "$limit" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	lines=$(grep -c . "$tmp/err")
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ "$lines" -eq 1 ] &&
	   grep -q -F -e "$want" "$tmp/err"; then
		pass "$name"
	else
		fail "$name"
		echo "# exit $rc, $lines line(s) on stderr; wanted one line with: $want"
		diag "$tmp/err"
	fi
}
wrapper=$top/scripts/uecheck
if [ -f "$wrapper" ]; then
	expect_one_line "bad input: scripts/uecheck --bogus-option" "bogus-option" \
		sh "$wrapper" --bogus-option "$tmp/ok.c"
	expect_one_line "bad input: scripts/uecheck --engines=nonsense" "nonsense" \
		sh "$wrapper" --engines=nonsense "$tmp/ok.c"
	expect_one_line "bad input: scripts/uecheck on a missing file" "none.c" \
		sh "$wrapper" --engines=gcc "$tmp/none.c"
	expect_one_line "bad input: scripts/uecheck on an unreadable file" "secret.c" \
		$as_user sh "$wrapper" --engines=gcc "$tmp/secret.c"
	expect_one_line "bad input: scripts/uecheck --time-budget=0" "time-budget" \
		sh "$wrapper" --time-budget=0 "$tmp/ok.c"
	# Outputs, baselines and patches: testcases/robustness/never-destroy.sh.
	# shellcheck source=testcases/robustness/never-destroy.sh
	. "$top/testcases/robustness/never-destroy.sh"
	# Names, temporary space, stray bytes, option lists, huge rule sets:
	# testcases/robustness/unchecked.sh.
	# shellcheck source=testcases/robustness/unchecked.sh
	. "$top/testcases/robustness/unchecked.sh"
else
	skip "bad input: scripts/uecheck" "scripts/uecheck does not exist yet"
fi

# The Coccinelle runner, the same promise.
runner=$top/cocci/run.sh
expect_one_line "bad input: cocci/run.sh --bogus-option" "usage" \
	sh "$runner" --bogus-option "$tmp/ok.c"
expect_one_line "bad input: cocci/run.sh on a missing file" "none.c" \
	sh "$runner" "$tmp/none.c"
expect_one_line "bad input: cocci/run.sh --jobs 0" "jobs" \
	sh "$runner" --jobs 0 "$tmp/ok.c"
expect_one_line "bad input: cocci/run.sh -D bogus" "bogus" \
	sh "$runner" -D bogus "$tmp/ok.c"
expect_one_line "bad input: cocci/run.sh --timeout 1s" "time budget" \
	sh "$runner" --timeout 1s "$tmp/ok.c"
expect_one_line "bad input: cocci/run.sh with SPATCH missing" "spatch" \
	env SPATCH=/nonexistent/spatch sh "$runner" "$tmp/ok.c"

# Pathological inputs, each engine's time budget: testcases/robustness/time-budget.sh.
if [ -f "$wrapper" ]; then
	# shellcheck source=testcases/robustness/time-budget.sh
	. "$top/testcases/robustness/time-budget.sh"
fi

# ---- units the rules cannot apply to ----------------------------------------

# The plugin analyses a unit only if it defines struct user_event_mm, names
# its get/put functions or asserts event_mutex in a function it compiles
# (summary.c): elsewhere nothing can be found.  A pointer to the incomplete
# type, as every task_struct holds, is not enough, nor an assertion in an
# unused inline function.  UECHECK_DEBUG=1 prints one line per analysed
# function.
analysed() {
	UECHECK_DEBUG=1 timeout "$limit" $cc -c -o /dev/null -I"$top/testcases/include" \
		-fplugin="$plugin" "$1" 2>&1 | grep -c '^uecheck-debug: '
}
printf 'struct user_event_mm;\nstruct task { struct user_event_mm *mm; };\nint task_fn(struct task *t)\n{\n\treturn !t->mm;\n}\n' \
	>"$tmp/task-mm.c"
printf 'struct user_event_mm { struct user_event_mm *next; };\nint mm_fn(struct user_event_mm *mm)\n{\n\treturn !mm;\n}\n' \
	>"$tmp/defines-mm.c"
printf 'struct mm;\nvoid user_event_mm_put(struct mm *mm);\nvoid put_fn(struct mm *mm)\n{\n\tuser_event_mm_put(mm);\n}\n' \
	>"$tmp/names-put.c"
printf '#include <linux/mutex.h>\nextern struct mutex event_mutex;\nstatic inline void held(void)\n{\n\tlockdep_assert_held(&event_mutex);\n}\nint ok_fn(int a)\n{\n\treturn a + 1;\n}\n' \
	>"$tmp/unused-assert.c"
n_plain=$(( $(analysed "$tmp/ok.c") + $(analysed "$tmp/task-mm.c") + $(analysed "$tmp/unused-assert.c") ))
n_mm=$(analysed "$tmp/defines-mm.c")
n_put=$(analysed "$tmp/names-put.c")
n_assert=$(analysed "$top/testcases/lock/assert-only-unit.c")
zero "$n_plain" "skip: units without the rules' symbols, with only a pointer to user_event_mm or an unused asserting inline, are not analysed"
zero "$([ "$n_mm" -gt 0 ] && [ "$n_put" -gt 0 ] && [ "$n_assert" -gt 0 ]; echo $?)" \
	"skip: units defining user_event_mm, calling its put or asserting event_mutex are analysed ($n_mm, $n_put, $n_assert functions)"

# ---- fuzzing ---------------------------------------------------------------

gen=$tmp/gen-uemm
if ! $cc -O2 -o "$gen" "$top/scripts/gen-uemm.c" 2>"$tmp/err"; then
	fail "fuzz: build scripts/gen-uemm.c"
	diag "$tmp/err"
	exit 1
fi

now() { date +%s; }

# Keep a failing program and say how to reproduce it.
keep_failure() {
	mkdir -p "$keep"
	cp "$1" "$keep/$(basename "$1")"
	echo "# kept $keep/$(basename "$1"); reproduce: $2"
}

# pflags: extra plugin options for the run with the plugin.
pflags=

# compile SRC OBJ FLAGS...: run with the plugin, then without; sets
# verdict to ok, crash, hang, differs or skip (both time out), and leaves
# the plugin's stderr in $tmp/err.
compile_both() {
	src=$1 obj=$2
	shift 2
	timeout "$limit" $cc "$@" -fplugin="$plugin" $pflags -c -o "$obj.plugin" "$src" 2>"$tmp/err"
	rc_p=$?
	timeout "$limit" $cc "$@" -c -o "$obj.plain" "$src" 2>/dev/null
	rc_n=$?
	if [ "$rc_p" -eq 124 ]; then
		if [ "$rc_n" -eq 124 ]; then verdict=skip; else verdict=hang; fi
	elif [ "$rc_p" -ne "$rc_n" ] || grep -q 'internal compiler error' "$tmp/err"; then
		verdict=crash
	elif [ "$rc_p" -eq 0 ] && ! cmp -s "$obj.plugin" "$obj.plain"; then
		verdict=differs
	else
		verdict=ok
	fi
}

findings() {
	grep -E '^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$' "$1"
}

# Each kind gets its share of the budget and at least $min programs.
min=3
csmith_share=$((budget * 35 / 100))
random_share=$((budget * 25 / 100))
clean_share=$((budget * 20 / 100))
bug_share=$((budget - csmith_share - random_share - clean_share))

# csmith: programs without any of the rule's symbols.
if command -v csmith >/dev/null 2>&1 && [ -d /usr/include/csmith ]; then
	n=0 bad_crash=0 bad_find=0 bad_obj=0 skipped=0 seed=$seed0
	end=$(($(now) + csmith_share))
	while [ "$n" -lt "$min" ] || [ "$(now)" -lt "$end" ]; do
		src=$tmp/csmith-$seed.c
		timeout "$limit" csmith --seed "$seed" --max-funcs 6 >"$src" 2>/dev/null || {
			seed=$((seed + 1)); continue; }
		opt=-O$((seed % 3))
		compile_both "$src" "$tmp/cs" -I/usr/include/csmith "$opt"
		how="csmith --seed $seed --max-funcs 6 >p.c; $cc -I/usr/include/csmith $opt -fplugin=$plugin -c p.c"
		case $verdict in
		crash|hang) bad_crash=$((bad_crash + 1)); echo "# csmith seed $seed: $verdict"
			    diag "$tmp/err"; keep_failure "$src" "$how" ;;
		differs) bad_obj=$((bad_obj + 1)); echo "# csmith seed $seed: object differs"
			 keep_failure "$src" "$how" ;;
		skip) skipped=$((skipped + 1)) ;;
		esac
		if findings "$tmp/err" >/dev/null; then
			bad_find=$((bad_find + 1)); echo "# csmith seed $seed: finding on a program without the rule's symbols"
			findings "$tmp/err" | diag; keep_failure "$src" "$how"
		fi
		rm -f "$src"
		n=$((n + 1)) seed=$((seed + 1))
	done
	what="csmith seeds $seed0..$((seed - 1)), $skipped too slow even without the plugin"
	zero "$bad_crash" "fuzz: no crash, no hang ($what)"
	zero "$bad_find" "fuzz: no finding on csmith programs"
	zero "$bad_obj" "fuzz: csmith objects identical with and without the plugin"
else
	skip "fuzz: csmith programs" "csmith or its header (libcsmith-dev) not installed: make deps"
fi

# gen-uemm programs of one mode; prints the verdict lines.
fuzz_gen() {
	mode=$1 share=$2
	n=0 bad_crash=0 bad_obj=0 bad_find=0 seed=$seed0
	end=$(($(now) + share))
	while [ "$n" -lt "$min" ] || [ "$(now)" -lt "$end" ]; do
		stmts=$((20 + seed * 37 % 140)) funcs=$((1 + seed % 4))
		src=$tmp/$mode-$seed.c
		args="-m $mode -s $seed -n $stmts -f $funcs"
		# shellcheck disable=SC2086
		"$gen" $args >"$src"
		opt=-O$((seed % 2 * 2))
		pflags=
		[ "$mode" = random ] && [ $((seed % 3)) -eq 0 ] && pflags=-fplugin-arg-uecheck-strict
		compile_both "$src" "$tmp/g" "$opt"
		how="gen-uemm $args >p.c; $cc $opt -fplugin=$plugin $pflags -c p.c"
		case $verdict in
		crash|hang) bad_crash=$((bad_crash + 1)); echo "# $mode seed $seed: $verdict"
			    diag "$tmp/err"; keep_failure "$src" "$how" ;;
		differs) bad_obj=$((bad_obj + 1)); echo "# $mode seed $seed: object differs"
			 keep_failure "$src" "$how" ;;
		esac
		findings "$tmp/err" | sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: [a-z]*: .*\[uecheck:\([a-z-]*\)\]$/\1 \2/p' \
			>"$tmp/found"
		case $mode in
		clean)
			if [ -s "$tmp/found" ]; then
				bad_find=$((bad_find + 1))
				echo "# clean seed $seed: $(wc -l <"$tmp/found") false positive(s), first: $(head -n 1 "$tmp/found")"
				[ "$bad_find" -le 3 ] && keep_failure "$src" "$how"
			fi ;;
		bug)
			if ! awk -f "$top/testcases/fuzz-expect.awk" "$src" "$tmp/found" >"$tmp/why"; then
				bad_find=$((bad_find + 1))
				echo "# bug seed $seed: $(head -n 1 "$tmp/why")"
				[ "$bad_find" -le 3 ] && keep_failure "$src" "$how"
			fi ;;
		esac
		rm -f "$src"
		n=$((n + 1)) seed=$((seed + 1))
	done
	what="gen-uemm -m $mode, seeds $seed0..$((seed - 1))"
	zero "$bad_crash" "fuzz: no crash, no hang ($what)"
	zero "$bad_obj" "fuzz: objects identical with and without the plugin ($what)"
	case $mode in
	clean) zero "$bad_find" "fuzz: no finding on correct programs ($bad_find of $n wrong)" ;;
	bug) zero "$bad_find" "fuzz: the injected bug is found ($bad_find of $n wrong)" ;;
	esac
}

fuzz_gen random "$random_share"
fuzz_gen clean "$clean_share"
fuzz_gen bug "$bug_share"

exit "$failed"
