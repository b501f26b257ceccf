#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-unit - the shared testcase corpus under every engine.
#
#   testcases/suite-unit.sh [PATTERN]
#
# For every testcases/{lock,ref,ruleset,demo}/*.c (whose path contains PATTERN, if
# given) and every engine, one result line:
#   gcc/lock/NAME    compiled with the plugin in six configurations (-O0 and
#                    -O2, each with the default, -DCONFIG_LOCKDEP and
#                    -DUECHECK_STUB_CTX stub headers) plus -Wall; in each,
#                    the uecheck findings as a multiset of (line, rule) must
#                    equal the file's "expect:"/"expect[gcc]:" lines.  A
#                    missing, misplaced or unexpected finding, another
#                    warning, a crash or a failed compile all fail.
#   cocci/lock/NAME  scripts/uecheck --engines=cocci when cocci/run.sh
#                    exists, otherwise spatch -D report with every
#                    cocci/*.cocci; compared with "expect:" and
#                    "expect[cocci]:" lines
# Directives (docs/interfaces.md): "uecheck-options: strict werror
# rules=A,B ruleset=FILE" (space-separated; FILE beside the testcase),
# "uecheck-engines: gcc -- why" and
# "uecheck-xfail[ENGINE]: reason" (run, reported as SKIP, an unexpected
# pass noted).
#
# Then the runner's own tests (selftest/...): the parsers against
# hand-written answers, every testcases/selftest/*.c (each has a wrong
# expectation that the comparison must reject) and run-all.sh against
# fake suites.  Without them a green run would prove nothing.
#
# Environment: CC (default gcc), UECHECK_PLUGIN (default plugin/uecheck.so),
# UECHECK_JOBS (parallel jobs, default: online CPUs), UECHECK_UNIT_ENGINES
# (default "gcc cocci"; the runner's self-tests run only with both),
# UECHECK_UNIT_TAG (a prefix for every result name, e.g. "gcc-14: ", for
# suite-toolchains.sh, which runs this corpus once per compiler),
# UECHECK_FINDINGS_DIR (every compile's output is kept there:
# testcases/lib/findings-log.sh).
# Output: the test-runner protocol; exit 1 when anything failed.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=testcases/lib/expect.sh
. "$top/testcases/lib/expect.sh"
# shellcheck source=testcases/lib/findings.sh
. "$top/testcases/lib/findings.sh"
# shellcheck source=testcases/lib/findings-log.sh
. "$top/testcases/lib/findings-log.sh"
# shellcheck source=testcases/lib/ktap.sh
. "$top/testcases/lib/ktap.sh"

cc=${CC:-gcc}
engines=${UECHECK_UNIT_ENGINES:-gcc cocci}
# Outputs kept (UECHECK_FINDINGS_DIR) go under unit/, or unit-gcc-14/ when
# suite-toolchains runs the corpus with another compiler.
log_pre=unit${UECHECK_UNIT_TAG:+-${UECHECK_UNIT_TAG%%:*}}
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
configs="-O0 -O0,-DCONFIG_LOCKDEP -O0,-DUECHECK_STUB_CTX -O2 -O2,-DCONFIG_LOCKDEP -O2,-DUECHECK_STUB_CTX"

# ---- one job: one testcase under one engine --------------------------------

# run_gcc FILE WANT OUT: compare every configuration; diagnostics on stdout.
# A failed compile is the werror option at work, not a compiler failure,
# when it printed uecheck errors and no other error.
run_gcc() {
	opts=$(ue_directive options "$1")
	pargs=
	werror=0
	for o in $opts; do
		case $o in
		werror) werror=1 ;;
		# A rule set beside the testcase (testcases/ruleset/).
		ruleset=*) o=ruleset=$(dirname "$1")/${o#ruleset=} ;;
		esac
		pargs="$pargs -fplugin-arg-uecheck-$o"
	done
	# g_*: run_job's own variables (out, file) must not change.
	g_src=$1 g_want=$2 g_out=$3
	n=0 rcs='' names='' logs=''
	for c in $configs; do
		n=$((n + 1))
		# The flags of one configuration, split at the commas.
		old_ifs=$IFS
		IFS=,
		# shellcheck disable=SC2086 # split on purpose
		set -- $c
		IFS=$old_ifs
		cflags=$*
		# shellcheck disable=SC2086 # word lists built above
		"$cc" -std=gnu11 -nostdinc -I "$top/testcases/include" -Wall -c -o /dev/null \
			$cflags -fplugin="$plugin" $pargs "$g_src" >"$g_out.log.$n" 2>&1
		rcs="$rcs $?"
		ue_findings_log "$log_pre/${g_src#"$top"/testcases/}/$c" "$g_out.log.$n"
		names="$names${names:+|}$cflags"
		logs="$logs $g_out.log.$n"
	done
	# One process judges every configuration (testcases/lib/gcc-verdict.awk).
	# shellcheck disable=SC2086 # the log names have no blanks
	LC_ALL=C awk -v file="$g_src" -v werror="$werror" -v rcs="$rcs" -v names="$names" \
		-f "$top/testcases/lib/gcc-verdict.awk" "$g_want" $logs
	bad=$?
	# shellcheck disable=SC2086
	rm -f $logs
	return "$bad"
}

# run_cocci FILE WANT OUT
run_cocci() {
	cf=$1
	cwant=$2
	co=$3
	strict=0
	rules=
	crs=
	for o in $(ue_directive options "$cf"); do
		case $o in
		strict) strict=1 ;;
		rules=*) rules=${o#rules=} ;;
		ruleset=*) crs=$(dirname "$cf")/${o#ruleset=} ;;
		esac
	done
	if [ -x "$top/scripts/uecheck" ] && [ -f "$top/cocci/run.sh" ]; then
		set -- --engines=cocci
		[ "$strict" = 1 ] && set -- "$@" --strict
		[ -n "$rules" ] && set -- "$@" --rules="$rules"
		[ -n "$crs" ] && set -- "$@" --ruleset="$crs"
		"$top/scripts/uecheck" "$@" "$cf" >"$co.log" 2>&1
		rc=$?
	else
		set -- -D report
		[ "$strict" = 1 ] && set -- "$@" -D strict
		[ -n "$crs" ] && set -- "$@" $(awk -v builtin="$top/rulesets" \
			-f "$top/cocci/ruleset.awk" "$crs" | sed 's/^/-D /')
		: >"$co.log"
		rc=0
		for sp in "$top"/cocci/*.cocci; do
			spatch --very-quiet "$@" --sp-file "$sp" "$cf" >>"$co.log" 2>&1 || rc=$?
		done
	fi
	ue_cocci_findings "$cf" <"$co.log" >"$co.got"
	if [ -n "$rules" ]; then
		grep -E " ($(echo "$rules" | tr ',' '|'))\$" "$co.got" >"$co.keep"
		mv "$co.keep" "$co.got"
	fi
	bad=0
	if [ "$rc" -ne 0 ]; then
		bad=1
		echo "engine exited with status $rc"
		head -n 8 "$co.log"
	elif ! ue_compare "$cwant" "$co.got"; then
		bad=1
	fi
	rm -f "$co.log" "$co.got"
	return "$bad"
}

# run_job OUTDIR INDEX ENGINE FILE [NAME]: the result block into OUTDIR/INDEX.
run_job() {
	out=$1/$2
	engine=$3
	file=$4
	name=${5:-${UECHECK_UNIT_TAG:-}$engine/$(basename "$(dirname "$file")")/$(basename "$file" .c)}
	ue_expectations "$engine" "$file" >"$out.want"
	{
		if grep -q ' bad:' "$out.want"; then
			ue_not_ok "$name"
			echo "bad expectation (line, what):" | ue_diag
			grep ' bad:' "$out.want" | ue_diag
			rm -f "$out.want"
			exit 0
		fi
		engines=$(ue_directive engines "$file")
		if [ -n "$engines" ] && ! echo " $engines " | tr ',' ' ' | grep -q " $engine "; then
			ue_skip "$name" "not run under $engine (uecheck-engines: $engines)"
			rm -f "$out.want"
			exit 0
		fi
		xfail=$(ue_directive "xfail[$engine]" "$file")
		if "run_$engine" "$file" "$out.want" "$out.run" >"$out.why"; then
			if [ -n "$xfail" ]; then
				ue_skip "$name" "xfail: $xfail"
				echo "xfail passes now: remove uecheck-xfail[$engine]" | ue_diag
			else
				ue_ok "$name"
			fi
		elif [ -n "$xfail" ]; then
			ue_skip "$name" "xfail: $xfail"
		else
			ue_not_ok "$name"
			ue_diag <"$out.why"
		fi
		rm -f "$out.want" "$out.why"
	} >"$out"
}

if [ "${1:-}" = --job ]; then
	shift
	run_job "$@"
	exit 0
fi

# ---- the corpus ----------------------------------------------------------

pattern=${1:-}
jobs=${UECHECK_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-unit.XXXXXX") || {
	echo "suite-unit: cannot create a temporary directory" >&2
	exit 2
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
failed=0

# An engine that cannot run fails loudly, once, instead of per testcase;
# one that was not asked for is simply not run.
gcc_ready=1
cocci_ready=1
case " $engines " in *" gcc "*) ;; *) gcc_ready=off ;; esac
case " $engines " in *" cocci "*) ;; *) cocci_ready=off ;; esac
if [ "$gcc_ready" = off ]; then
	:
elif ! command -v "$cc" >/dev/null 2>&1; then
	ue_not_ok "gcc engine: compiler '$cc' not found"
	gcc_ready=0
	failed=1
elif [ ! -f "$plugin" ]; then
	ue_not_ok "gcc engine: plugin $plugin not found (run 'make plugin')"
	gcc_ready=0
	failed=1
fi
if [ "$cocci_ready" = off ]; then
	:
elif ! ls "$top"/cocci/*.cocci >/dev/null 2>&1; then
	cocci_ready=0
elif ! command -v spatch >/dev/null 2>&1; then
	ue_not_ok "cocci engine: spatch not found (install coccinelle)"
	cocci_ready=0
	failed=1
fi

i=0
: >"$tmp/jobs"
for file in "$top"/testcases/lock/*.c "$top"/testcases/ref/*.c "$top"/testcases/ruleset/*.c \
	"$top"/testcases/demo/*.c; do
	[ -f "$file" ] || continue
	case $file in
	*"$pattern"*) ;;
	*) continue ;;
	esac
	rel=${file#"$top"/testcases/}
	rel=${rel%.c}
	for engine in gcc cocci; do
		i=$((i + 1))
		idx=$(printf '%05d' "$i")
		if [ "$engine" = gcc ] && [ "$gcc_ready" != 1 ]; then
			continue
		elif [ "$engine" = cocci ] && [ "$cocci_ready" = off ]; then
			continue
		elif [ "$engine" = cocci ] && [ "$cocci_ready" = 0 ]; then
			if ! ls "$top"/cocci/*.cocci >/dev/null 2>&1; then
				ue_skip "cocci/$rel" "no cocci scripts yet" >"$tmp/$idx"
			fi
			continue
		fi
		echo "$idx $engine $file" >>"$tmp/jobs"
	done
done
if [ "$i" -eq 0 ]; then
	ue_not_ok "corpus: no testcase matches '$pattern'"
	failed=1
fi

# xargs passes each job line as "INDEX ENGINE FILE"; paths have no blanks.
xargs -P "$jobs" -L 1 sh "$0" --job "$tmp" <"$tmp/jobs"

# ---- the runner's own tests --------------------------------------------------

selftest_parsers() {
	fx=$top/testcases/selftest/parse-fixture.txt
	ue_expectations gcc "$fx" >"$tmp/st.gcc"
	printf '%s\n' "4 unguarded-access" "5 lock-required" "5 unguarded-access" \
		"6 ref-leak" "8 double-put" "8 use-after-put" >"$tmp/st.want"
	if cmp -s "$tmp/st.want" "$tmp/st.gcc"; then
		ue_ok "selftest/expect-parse-gcc"
	else
		ue_not_ok "selftest/expect-parse-gcc"
		diff "$tmp/st.want" "$tmp/st.gcc" | ue_diag
	fi
	ue_expectations cocci "$fx" >"$tmp/st.cocci"
	printf '%s\n' "4 unguarded-access" "5 lock-required" "5 unguarded-access" \
		"7 ref-leak" "8 double-put" "8 use-after-put" >"$tmp/st.want"
	if cmp -s "$tmp/st.want" "$tmp/st.cocci"; then
		ue_ok "selftest/expect-parse-cocci"
	else
		ue_not_ok "selftest/expect-parse-cocci"
		diff "$tmp/st.want" "$tmp/st.cocci" | ue_diag
	fi
	printf '%s\n' "x.c:3:9: warning: bad [uecheck:unguarded-access]" \
		"x.c:3:9: warning: bad [uecheck:unguarded-access]" \
		"   3 |  mm->next = NULL;" \
		"x.c:2:1: note: lock released here" \
		"x.c:10:5: error: bad [uecheck:ref-leak]" \
		"x.c:11:5: warning: unused variable 'y' [-Wunused-variable]" \
		"inc/h.h:4:1: warning: in header [uecheck:lock-required]" \
		"x.c: In function 'f':" | ue_gcc_findings x.c >"$tmp/st.got"
	printf '%s\n' "inc/h.h:4 lock-required" "3 unguarded-access" \
		"3 unguarded-access" "10 ref-leak" >"$tmp/st.want"
	if cmp -s "$tmp/st.want" "$tmp/st.got"; then
		ue_ok "selftest/findings-parse"
	else
		ue_not_ok "selftest/findings-parse"
		diff "$tmp/st.want" "$tmp/st.got" | ue_diag
	fi
	printf '%s\n' "3 unguarded-access" "3 unguarded-access" >"$tmp/st.a"
	printf '%s\n' "3 unguarded-access" >"$tmp/st.b"
	if ! ue_compare "$tmp/st.a" "$tmp/st.b" >"$tmp/st.d" &&
	   [ "$(cat "$tmp/st.d")" = "missing: 3 unguarded-access" ]; then
		ue_ok "selftest/compare-multiset"
	else
		ue_not_ok "selftest/compare-multiset"
		ue_diag <"$tmp/st.d"
	fi
}

# Every testcases/selftest/*.c must FAIL under the gcc engine.
selftest_mismatches() {
	[ "$gcc_ready" = 1 ] || return 0
	n=0
	: >"$tmp/st.jobs"
	for file in "$top"/testcases/selftest/*.c; do
		[ -f "$file" ] || continue
		n=$((n + 1))
		echo "st$n gcc $file" >>"$tmp/st.jobs"
	done
	if [ "$n" -eq 0 ]; then
		ue_not_ok "selftest/mismatch: no testcases/selftest/*.c"
		return
	fi
	mkdir "$tmp/st"
	xargs -P "$jobs" -L 1 sh "$0" --job "$tmp/st" <"$tmp/st.jobs"
	n=0
	for file in "$top"/testcases/selftest/*.c; do
		[ -f "$file" ] || continue
		n=$((n + 1))
		name=selftest/$(basename "$file" .c)
		if grep -q '^not ok - ' "$tmp/st/st$n"; then
			ue_ok "$name"
		else
			ue_not_ok "$name"
			echo "the runner accepted a testcase with a wrong expectation:" | ue_diag
			ue_diag <"$tmp/st/st$n"
		fi
	done
}

# run-all.sh against fake suites, compared with its output written by hand.
selftest_run_all() {
	d=$tmp/suites
	mkdir "$d"
	printf '#!/bin/sh\necho "ok - a1"\necho "not ok - a2"\necho "# note"\necho "ok - a3 # SKIP why"\necho stray >&2\n' >"$d/suite-a.sh"
	printf '#!/bin/sh\nexit 3\n' >"$d/suite-b.sh"
	printf '#!/bin/sh\necho "ok - c1"\n' >"$d/suite-c.sh"
	printf '#!/bin/sh\nexit 0\n' >"$d/suite-d.sh"
	chmod +x "$d/suite-a.sh" "$d/suite-b.sh" "$d/suite-d.sh"
	UECHECK_SUITE_DIR=$d sh "$top/testcases/run-all.sh" >"$tmp/ra.out" 2>&1
	rc=$?
	grep -v '^# suite-[a-d]: [0-9]* s$' "$tmp/ra.out" >"$tmp/ra.got"
	cat >"$tmp/ra.want" <<WANT
# suite-a
ok 1 a1
not ok 2 a2
# note
ok 3 a3 # SKIP why
# suite-a: stray
# suite-b
not ok 4 suite-b # exited with status 3 without reporting a failure
# suite-c
not ok 5 suite-c # suite file is not executable (chmod +x $d/suite-c.sh)
# suite-d
not ok 6 suite-d # reported no result at all
1..6
1 passed, 4 failed, 1 skipped
WANT
	if [ "$rc" -eq 1 ] && cmp -s "$tmp/ra.want" "$tmp/ra.got"; then
		ue_ok "selftest/run-all-counts"
	else
		ue_not_ok "selftest/run-all-counts"
		echo "exit status $rc (want 1)" | ue_diag
		diff "$tmp/ra.want" "$tmp/ra.got" | ue_diag
	fi
	UECHECK_SUITE_DIR=$d sh "$top/testcases/run-all.sh" suite-c-nothing \
		>"$tmp/ra.out" 2>"$tmp/ra.err"
	rc=$?
	if [ "$rc" -eq 2 ] && [ ! -s "$tmp/ra.out" ] && [ "$(wc -l <"$tmp/ra.err")" -eq 1 ]; then
		ue_ok "selftest/run-all-no-match"
	else
		ue_not_ok "selftest/run-all-no-match"
		echo "exit status $rc (want 2, one error line on stderr)" | ue_diag
		ue_diag <"$tmp/ra.err"
	fi
}

if [ "$gcc_ready" = off ] || [ "$cocci_ready" = off ]; then
	:
elif [ -z "$pattern" ] || case selftest in *"$pattern"*) true ;; *) false ;; esac; then
	selftest_parsers
	selftest_mismatches
	selftest_run_all
fi >"$tmp/zz-selftest"

# Results in a stable order: corpus by index, then the self-tests.
for r in "$tmp"/[0-9]* "$tmp/zz-selftest"; do
	[ -f "$r" ] || continue
	cat "$r"
	grep -q '^not ok' "$r" && failed=1
done
exit "$failed"
