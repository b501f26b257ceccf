#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-cocci: the Coccinelle engine on Debian's real
# kernel/trace/trace_events_user.c, in the trees prepared by
# scripts/kernel-tree.sh (6.12, 7.3 and 6.1, default flavor).  The cached
# trees are only read: every check that writes works in a private
# directory, and the last check makes sure that no file of the trees
# changed.
#   (a) scripts/uecheck --engines=cocci, plain and --strict, on the
#       unmodified 6.12, 7.3 and 6.1 files: no finding, exit 0 (and, so
#       that silence means something, the same call on a seeded copy of
#       the 6.12 and of the 7.3 file finds the seeded double put);
#       cocci/run.sh, plain and -D strict, on the whole 6.12 and the whole
#       7.3 tree (every .c and .h file): no finding, exit 0;
#   (b) every seed testcases/kernel/*.seed (a sed script that edits a copy
#       of the file and writes the expectation comments, exactly as
#       suite-kernel.sh applies it), on the 6.12 and on the 7.3 file,
#       checked by cocci/run.sh (-D strict for the strict seeds): the
#       findings, as (line, rule) pairs, equal the `expect:` and
#       `expect[cocci]:` comments of the seeded copy (`expect[gcc]:` does
#       not apply).  As in suite-kernel.sh, every seed must apply to both
#       files, with the same expectations.  Each copy is
#       trace_events_user.c in a directory of its own: the scripts run
#       with --no-includes, so includes and the directory do not matter.
#       All seeds go through run.sh in a few batches per version (run.sh
#       resets its facts per file).  Each seeded copy is also checked the
#       way uecheck-patch and the hook check a change, `scripts/uecheck
#       --engines=cocci --changed-since=<the unmodified file>`, where the
#       scripts read only the functions the edit can affect
#       (scripts/lib/uecheck_focus.py): the same expectations hold (the
#       unmodified file has no finding, so every finding is new);
#   (c) `make coccicheck` in the 6.12 tree (kbuild runs the tree's
#       scripts/coccicheck; O= a private copy of the prepared build
#       directory, so nothing is written into the cache), with COCCI= one
#       of our scripts:
#       - M=<SRC>/kernel/trace, the unmodified directory: MODE=report,
#         patch, context and org each run without error and print nothing
#         (ref_leak.cocci, which implements every mode; missing_assertion
#         in patch mode with SPFLAGS="-D strict"; the scripts that have a
#         grep query, which spatch uses to skip files, in report mode);
#       - M=<a directory holding one seeded copy of trace_events_user.c>:
#         report mode prints the finding as FILE:LINE:COL-COL: MESSAGE,
#         patch mode a diff with the fix (ref_leak: the loop putting the
#         rest of the list; missing_assertion: lockdep_assert_held()),
#         which applies and silences the script; context mode a diff whose
#         '-' lines (spatch's rendering of the script's '*' lines) are the
#         offending lines; org mode TODO items with org-mode links to
#         them.  Only the seeded file is in that directory: the rest of
#         kernel/trace is covered by the runs on the unmodified tree,
#         where the scripts without a grep query parse every file.
#
# Seed files: besides what suite-kernel.sh reads (`# expects:`,
# `# uecheck-options: strict`), a line
#   # uecheck-engines: gcc -- REASON
# marks a seed whose violation is beyond Coccinelle (deep
# interprocedural): reported here as SKIP with REASON.
#
# Environment: SPATCH (default spatch), UECHECK_KERNEL_TREE_SH (default
# scripts/kernel-tree.sh), UECHECK_KERNEL_SEEDS (a directory, default
# testcases/kernel), UECHECK_KERNEL_61=0 to leave out 6.1,
# UECHECK_KERNEL_73=0 to leave out 7.3 (reported as a SKIP),
# UECHECK_COCCI_JOBS (checks run at once, default nproc),
# UECHECK_COCCI_TIMEOUT (seconds per check, default 600), UECHECK_CACHE
# (see scripts/kernel-tree.sh).
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure.
# shellcheck disable=SC2317 # the check functions run through xargs (--task)
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
self=$top/testcases/suite-cocci.sh
# shellcheck source=testcases/lib/expect.sh
. "$top/testcases/lib/expect.sh"
# shellcheck source=testcases/lib/findings.sh
. "$top/testcases/lib/findings.sh"

spatch=${SPATCH:-spatch}
cocci=$top/cocci
limit=${UECHECK_COCCI_TIMEOUT:-600}
rel=kernel/trace/trace_events_user.c

ms() { date +%s%3N; }
diag() { sed -e 's/^/# /' -e "${2:-20}q" "$1"; }

# ---------------------------------------------------------------------
# Checks, each one a task writing its protocol lines to stdout.  The
# main part runs them through xargs -P, calling this file with --task,
# and prints their results in order.  Shared state comes from the
# environment: UE_TMP, UE_SRC (6.12), UE_SRC73, UE_SRC61, UE_WORK.

# srcof VERSION: the source tree of VERSION.
srcof() {
	case $1 in
	6.1) echo "$UE_SRC61" ;;
	7.3) echo "$UE_SRC73" ;;
	*) echo "$UE_SRC" ;;
	esac
}

# silent NAME LOG CMD...: CMD exits 0 and prints nothing (stdout and
# stderr in LOG).
silent() {
	s_name=$1 s_log=$2
	shift 2
	timeout "$limit" "$@" >"$s_log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$s_log" ]; then
		echo "ok - $s_name"
	else
		echo "not ok - $s_name (exit $rc)"
		diag "$s_log"
	fi
}

# engine_silent VERSION [OPTION]: (a) on the unmodified file.
engine_silent() {
	f=$(srcof "$1")/$rel
	# shellcheck disable=SC2086 # $2 is one option or nothing
	silent "cocci: $1: uecheck --engines=cocci${2:+ $2}: unmodified $rel: no finding" \
		"$UE_TMP/a-$1-${2:-plain}.log" \
		sh "$top/scripts/uecheck" --engines=cocci ${2:-} "$f"
}

# engine_finds VERSION: (a), the positive control for the silent runs.
engine_finds() {
	name="cocci: $1: uecheck --engines=cocci reports the seeded double put (ref-double-put.seed)"
	d=$UE_TMP/a-control-$1
	mkdir -p "$d"
	c=$d/trace_events_user.c
	sed -f "$top/testcases/kernel/ref-double-put.seed" "$(srcof "$1")/$rel" >"$c"
	timeout "$limit" sh "$top/scripts/uecheck" --engines=cocci "$c" >"$d/log" 2>&1
	rc=$?
	ue_expectations cocci "$c" >"$d/want"
	ue_gcc_findings "$c" <"$d/log" >"$d/got"
	if [ "$rc" -eq 0 ] && [ -s "$d/want" ] && ue_compare "$d/want" "$d/got" >"$d/cmp"; then
		echo "ok - $name"
	else
		echo "not ok - $name (exit $rc)"
		diag "$d/cmp"
		diag "$d/log"
	fi
}

# tree_silent VERSION [-D strict]: (a) cocci/run.sh on every .c and .h
# file of the unmodified tree (6.12: the whole-tree scan of make bench):
# silent.  Its only output may be the functions spatch cannot parse, by
# name (with Coccinelle 1.1.1: action_data_destroy() of 6.12's
# trace_events_hist.c, where spatch takes 'kfree' for a typedef).
tree_silent() {
	t_src=$(srcof "$1")
	t_ver=$1
	shift
	t_name="cocci: $t_ver: cocci/run.sh${1:+ $*} on the whole tree: no finding"
	t_log=$UE_TMP/a-tree-$t_ver${1:+-strict}.log
	# shellcheck disable=SC2068 # no option, or "-D strict"
	timeout "$limit" sh "$cocci/run.sh" $@ "$t_src" >"$t_log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && ! grep -v -x "uecheck-cocci: $t_src/.*: function '[A-Za-z0-9_]*' not checked: spatch cannot parse it" "$t_log" >/dev/null; then
		echo "ok - $t_name"
		sed 's/^/# /' "$t_log"
	else
		echo "not ok - $t_name (exit $rc)"
		diag "$t_log"
	fi
}

# batch NAME STRICT: (b) cocci/run.sh on the seeded copies listed in
# $UE_TMP/seeds/NAME.list; the output is evaluated per seed afterwards.
batch() {
	b=$UE_TMP/seeds/$1
	strict=$2
	set -- --jobs 1
	[ "$strict" = 1 ] && set -- "$@" -D strict
	# shellcheck disable=SC2046 # one argument per listed file, no blanks
	timeout "$limit" sh "$cocci/run.sh" "$@" $(cat "$b.list") >"$b.out" 2>"$b.err"
	echo $? >"$b.rc"
}

# focused VERSION PART: (b) scripts/uecheck --engines=cocci --changed-since
# on the seeded copies of VERSION, every other one from PART (0 or 1);
# each copy's text output, exit status in its directory.
focused() {
	fsrc=$UE_SRC
	[ "$1" = 7.3 ] && fsrc=$UE_SRC73
	k=0
	grep "^$1/" "$UE_TMP/seeds/all" | while read -r vsd; do
		k=$((k + 1))
		[ $((k % 2)) -eq "$2" ] || continue
		d=$UE_TMP/seeds/$vsd
		case $(cat "$d/state") in
		*-strict) opt=--strict ;;
		*-plain*) opt= ;;
		*) continue ;;
		esac
		# shellcheck disable=SC2086 # $opt is one flag or nothing
		UECHECK_COCCI_JOBS=1 timeout "$limit" sh "$top/scripts/uecheck" --engines=cocci $opt \
			--changed-since="$fsrc/$rel" "$d/trace_events_user.c" >/dev/null 2>"$d/focused.err"
		echo $? >"$d/focused.rc"
	done
}

# coccicheck LOG MODE SCRIPT DIR [SPFLAGS]: make coccicheck on DIR (M=).
# A parent make's MAKEFLAGS and the variables coccicheck reads from the
# environment must not leak in.
coccicheck() {
	ck_log=$1 ck_mode=$2 ck_script=$3 ck_dir=$4 ck_sp=${5:-}
	timeout "$limit" env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u C -u V -u M \
		-u O -u J -u MODE -u COCCI -u DEBUG_FILE -u SPFLAGS \
		make -s -C "$UE_SRC" O="$UE_WORK" M="$ck_dir" coccicheck \
		MODE="$ck_mode" COCCI="$ck_script" J=1 SPFLAGS="$ck_sp" \
		>"$ck_log" 2>&1
}

# ran_ok LOG MODE SCRIPT DIR RC: coccicheck ran spatch on DIR, in MODE,
# with SCRIPT, and neither it nor spatch nor a script failed.
ran_ok() {
	grep -q -F -e "--cocci-file $3 " "$1" && grep -q -F -e "--dir $4 " "$1" &&
		grep -q -e "spatch -D $2 " "$1" && [ "$5" -eq 0 ] &&
		! grep -q -E -e 'coccicheck failed|Traceback|^EXN|Fatal error|parse error|^Error|^Skipping coccinelle' "$1"
}

# output_lines LOG: what coccicheck printed besides its banner and the
# spatch command line it echoes.
output_lines() {
	grep -v -e '^$' -e '^Please check for false positives' \
		-e '^When using "patch" mode' -e '/spatch -D ' "$1"
}

# unmodified MODE SCRIPT [SPFLAG...]: (c) on the unmodified kernel/trace.
unmodified() {
	m=$1 sc=$2
	shift 2
	sp=$*
	s=$(basename "$sc")
	d=$UE_SRC/kernel/trace
	log=$UE_TMP/cc-unmod-$m-$s${sp:+-strict}.log
	name="cocci: 6.12: make coccicheck MODE=$m COCCI=cocci/$s${sp:+ SPFLAGS=\"$sp\"} M=kernel/trace: runs, prints nothing"
	t0=$(ms)
	coccicheck "$log" "$m" "$sc" "$d" "$sp"
	rc=$?
	if ran_ok "$log" "$m" "$sc" "$d" "$rc" && ! output_lines "$log" >"$log.out"; then
		echo "ok - $name"
	else
		echo "not ok - $name (exit $rc)"
		if [ -s "$log.out" ]; then diag "$log.out"; else diag "$log"; fi
	fi
	echo "# $name: $(($(ms) - t0)) ms"
}

# seeded SEED MODE SCRIPT [SPFLAG...]: (c) on a directory holding only the
# seeded copy: the output of MODE must show the seed's expected findings
# of SCRIPT's rule.
seeded() {
	seed=$1 m=$2 sc=$3
	shift 3
	sp=$*
	sd=$(basename "$seed" .seed)
	s=$(basename "$sc")
	# The rule a script reports, as its header says (docs/cocci.md).
	rule=$(sed -n 's|^// Comments: uecheck rule \([a-z-]*\).*|\1|p' "$sc")
	d=$UE_TMP/cc/$sd-$m-${s%.cocci}/trace
	mkdir -p "$d"
	c=$d/trace_events_user.c
	sed -f "$seed" "$UE_SRC/$rel" >"$c"
	log=$d.log
	name="cocci: 6.12: make coccicheck MODE=$m COCCI=cocci/$s${sp:+ SPFLAGS=\"$sp\"} on $sd"
	coccicheck "$log" "$m" "$sc" "$d" "$sp"
	rc=$?
	if ! ran_ok "$log" "$m" "$sc" "$d" "$rc"; then
		echo "not ok - $name (coccicheck failed, exit $rc)"
		diag "$log"
		return
	fi
	ue_expectations cocci "$c" | awk -v r="$rule" '$2 == r' >"$d.want"
	if [ ! -s "$d.want" ]; then
		echo "not ok - $name (the seed expects no $rule from Coccinelle: bad choice of seed)"
		return
	fi
	why=
	case $m in
	report)
		# FILE:LINE:COL-COL: MESSAGE [uecheck:RULE], FILE as spatch got it
		grep -E "^$c:[0-9]+:[0-9]+-[0-9]+: .* \\[uecheck:$rule\\]\$" "$log" |
			ue_cocci_findings "$c" >"$d.got"
		ue_compare "$d.want" "$d.got" >"$d.cmp" ||
			why="report lines differ from the expectations"
		;;
	patch)
		patch_ok "$c" "$s" "$log" "$d" || why=$pwhy
		;;
	context)
		# The lines of interest are the diff's '-' lines.
		sed -n '/^--- /d; s/^-//p' "$log" >"$d.marked"
		while read -r l _; do
			want=$(sed -n "${l}p" "$c")
			grep -q -x -F -e "$want" "$d.marked" ||
				why="line $l is not marked: $want"
		done <"$d.want"
		grep -q "^diff -u -p " "$log" || why="no diff printed"
		;;
	org)
		while read -r l _; do
			grep -q -E "^\\* TODO \\[\\[view:$c::face=ovl-face1::linb=$l::colb=[0-9]+::cole=[0-9]+\\]\\[.+\\]\\]\$" "$log" ||
				why="no TODO item linking to line $l"
		done <"$d.want"
		;;
	esac
	if [ -z "$why" ]; then
		echo "ok - $name"
	else
		echo "not ok - $name ($why)"
		[ -s "$d.cmp" ] && diag "$d.cmp"
		output_lines "$log" >"$d.out"
		diag "$d.out" 30
	fi
}

# patch_ok FILE SCRIPT LOG DIR: the diff in LOG changes FILE, inserts the
# fix SCRIPT is known for, applies, and leaves SCRIPT silent on the result.
patch_ok() {
	pwhy=
	case $2 in
	ref_leak.cocci) fix='^\+[[:space:]]*user_event_mm_put\(' ;;
	missing_assertion.cocci) fix='^\+[[:space:]]*lockdep_assert_held\(&event_mutex\);' ;;
	*) pwhy="no patch mode expected of $2"; return 1 ;;
	esac
	sed -n '/^diff -u -p /,$p' "$3" >"$4.diff"
	if ! grep -q "^+++ b$1\$" "$4.diff"; then
		pwhy="no diff of $1 printed"
		return 1
	fi
	if ! grep -q -E "$fix" "$4.diff"; then
		pwhy="the diff does not insert the fix ($fix)"
		return 1
	fi
	mkdir -p "$4.fixed"
	if ! patch -s -o "$4.fixed/trace_events_user.c" "$1" <"$4.diff" >"$4.patch.log" 2>&1; then
		pwhy="the diff does not apply: $(head -n 1 "$4.patch.log")"
		return 1
	fi
	pscript=$2 pdir=$4
	set --
	[ "$pscript" = missing_assertion.cocci ] && set -- -D strict
	"$spatch" --very-quiet --no-show-diff -D report "$@" --no-includes --include-headers \
		--sp-file "$cocci/$pscript" "$pdir.fixed/trace_events_user.c" >"$pdir.after" 2>&1
	if grep -q '\[uecheck:' "$pdir.after"; then
		pwhy="the patched file still gets: $(grep '\[uecheck:' "$pdir.after" | head -n 1)"
		return 1
	fi
}

# The coccicheck checks: the long ones (scripts without a grep query
# parse every file of kernel/trace), then the short ones (the other
# scripts, and every script on a seeded copy, parse one file).
coccicheck_long() {
	for m in report patch context org; do
		echo "unmodified $m $cocci/ref_leak.cocci"
	done
	echo "unmodified patch $cocci/missing_assertion.cocci -D strict"
}

coccicheck_short() {
	for s in double_put use_after_put; do
		echo "unmodified report $cocci/$s.cocci"
	done
	for m in report patch context org; do
		echo "seeded $seeds/ref-break-walk.seed $m $cocci/ref_leak.cocci"
	done
	for m in report patch context org; do
		echo "seeded $seeds/lock-no-assert-get-all-strict.seed $m $cocci/missing_assertion.cocci -D strict"
	done
	for m in report context org; do
		echo "seeded $seeds/lock-unlock-before-walk.seed $m $cocci/unguarded_access.cocci"
	done
	echo "seeded $seeds/lock-unlock-before-walk.seed report $cocci/lock_required.cocci"
	echo "seeded $seeds/lock-call-update-unlocked.seed report $cocci/lock_required.cocci"
}

seeds=${UECHECK_KERNEL_SEEDS:-$top/testcases/kernel}

if [ "${1:-}" = --task ]; then
	shift
	task_out=$UE_TMP/res/$1
	shift
	case $1 in
	engine_silent | engine_finds | tree_silent | batch | focused | unmodified | seeded) ;;
	*) echo "suite-cocci: unknown task $1" >&2; exit 2 ;;
	esac
	"$@" >"$task_out.tmp" 2>&1
	mv "$task_out.tmp" "$task_out"
	exit 0
fi

# ---------------------------------------------------------------------
# Main part.

failed=0
pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-cocci-suite.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/res" "$tmp/seeds"

if ! command -v "$spatch" >/dev/null 2>&1; then
	fail "cocci: spatch found (install coccinelle 1.1.1, or set SPATCH)"
	exit 1
fi
echo "# $("$spatch" --version 2>/dev/null | head -n 1)"
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}

# tree VERSION: prints the SRC= and OBJ= of the default flavor, or fails.
tree() {
	t0=$(ms)
	if ! sh "$tree_sh" "$1" default >"$tmp/tree" 2>"$tmp/tree.err"; then
		diag "$tmp/tree.err" >&2
		return 1
	fi
	tsrc=$(sed -n 's/^SRC=//p' "$tmp/tree")
	tobj=$(sed -n 's/^OBJ=//p' "$tmp/tree")
	if [ ! -f "$tsrc/$rel" ] || [ ! -d "$tobj" ]; then
		echo "# kernel-tree.sh $1 default printed no usable SRC=/OBJ= lines" >&2
		return 1
	fi
	echo "# kernel-tree.sh $1 default: $(($(ms) - t0)) ms" >&2
}

if ! tree 6.12 2>&1; then
	fail "cocci: 6.12: prepared tree from scripts/kernel-tree.sh"
	exit 1
fi
src=$tsrc obj=$tobj
src73='' obj73=''
versions=6.12
if [ "${UECHECK_KERNEL_73:-1}" = 0 ]; then
	echo "ok - cocci: 7.3 # SKIP UECHECK_KERNEL_73=0"
elif tree 7.3 2>&1; then
	src73=$tsrc obj73=$tobj
	versions="6.12 7.3"
else
	fail "cocci: 7.3: prepared tree from scripts/kernel-tree.sh"
fi
src61='' obj61=''
if [ "${UECHECK_KERNEL_61:-1}" != 0 ]; then
	if tree 6.1 2>&1; then
		src61=$tsrc obj61=$tobj
	else
		fail "cocci: 6.1: prepared tree from scripts/kernel-tree.sh"
	fi
fi

# Nothing under the trees may change from here on.
sleep 1
touch "$tmp/marker"
work=$tmp/obj
cp -a "$obj" "$work"

# (b) Seeded copies, per version, in batches: non-strict seeds split in
# two, strict ones.  VER/NAME names a copy, VER-BATCH a batch.
: >"$tmp/seeds/all"
for v in $versions; do
	if [ "$v" = 7.3 ]; then vsrc=$src73; else vsrc=$src; fi
	n=0
	for s in "$seeds"/*.seed; do
		[ -f "$s" ] || continue
		n=$((n + 1))
		sd=$(basename "$s" .seed)
		engines=$(grep '^#' "$s" | ue_directive engines /dev/stdin)
		echo "$v/$sd" >>"$tmp/seeds/all"
		d=$tmp/seeds/$v/$sd
		mkdir -p "$d"
		if ! sed -f "$s" "$vsrc/$rel" >"$d/trace_events_user.c" 2>"$d/sed.err" ||
		   cmp -s "$vsrc/$rel" "$d/trace_events_user.c"; then
			echo apply >"$d/state"
			continue
		fi
		case ",$(echo "$engines" | tr -d ' ')," in
		,,|*,cocci,*) ;;
		*)
			echo skip >"$d/state"
			grep '^# *uecheck-engines:' "$s" | sed -n '1s/^.* -- *//p' >"$d/reason"
			continue
			;;
		esac
		if grep -q '^# uecheck-options:.*\<strict\>' "$s"; then
			echo "$v-strict" >"$d/state"
			echo "$d/trace_events_user.c" >>"$tmp/seeds/$v-strict.list"
		else
			echo "$v-plain$((n % 2))" >"$d/state"
			echo "$d/trace_events_user.c" >>"$tmp/seeds/$v-plain$((n % 2)).list"
		fi
	done
done

# Every task: one line "ID TASK ARGS...", run in the order given, the
# longest first; results are printed in the order of the ids.
{
	coccicheck_long | awk '{ printf "c1-%02d %s\n", NR, $0 }'
	for v in $versions; do
		for b in plain0 plain1 strict; do
			[ -s "$tmp/seeds/$v-$b.list" ] &&
				echo "b-$v-$b batch $v-$b $([ $b = strict ] && echo 1 || echo 0)"
		done
		echo "f-$v-0 focused $v 0"
		echo "f-$v-1 focused $v 1"
	done
	i=0
	for v in $versions; do
		i=$((i + 1))
		echo "a$i-1 engine_silent $v"
		echo "a$i-2 engine_silent $v --strict"
		echo "a$i-3 engine_finds $v"
		echo "a$i-4 tree_silent $v"
		echo "a$i-5 tree_silent $v -D strict"
	done
	if [ -n "$src61" ]; then
		echo "a9-1 engine_silent 6.1"
		echo "a9-2 engine_silent 6.1 --strict"
	fi
	coccicheck_short | awk '{ printf "c2-%02d %s\n", NR, $0 }'
} >"$tmp/tasks"

jobs=${UECHECK_COCCI_JOBS:-$(nproc 2>/dev/null || echo 2)}
t0=$(ms)
UE_TMP=$tmp UE_SRC=$src UE_SRC73=$src73 UE_SRC61=$src61 UE_WORK=$work \
	SPATCH=$spatch UECHECK_KERNEL_SEEDS=$seeds \
	xargs -P "$jobs" -L 1 sh "$self" --task <"$tmp/tasks"
t1=$(ms)

# Results: (a), (b), (c).
report() {
	cut -d ' ' -f 1 "$tmp/tasks" | grep "^$1" | sort >"$tmp/ids"
	while read -r id; do
		if [ -f "$tmp/res/$id" ]; then
			cat "$tmp/res/$id"
		else
			fail "cocci: task $(grep "^$id " "$tmp/tasks") finished"
		fi
	done <"$tmp/ids"
}
report a

for v in $versions; do
	for b in plain0 plain1 strict; do
		[ -s "$tmp/seeds/$v-$b.list" ] || continue
		rc=$(cat "$tmp/seeds/$v-$b.rc" 2>/dev/null || echo 1)
		if [ "$rc" -ne 0 ]; then
			fail "cocci: $v: cocci/run.sh on the seeded copies ($b batch) ran (exit $rc)"
			diag "$tmp/seeds/$v-$b.err"
		fi
	done
done
# explain CMP FILE: ue_compare's lines, with the source line they name.
explain() {
	while read -r what l r; do
		case $l in
		'' | *[!0-9]*) echo "# $what $r at $l" ;;
		*) echo "# $what $r at line $l: $(sed -n "${l}p" "$2" | sed 's/^[[:space:]]*//')" ;;
		esac
	done <"$1"
}
while read -r vsd; do
	d=$tmp/seeds/$vsd
	c=$d/trace_events_user.c
	name="cocci: ${vsd%%/*}: seed ${vsd#*/}"
	b=$(cat "$d/state")
	case $b in
	apply)
		fail "$name (the edit does not apply)"
		diag "$d/sed.err"
		continue
		;;
	skip)
		echo "ok - $name # SKIP not run under cocci: $(cat "$d/reason")"
		continue
		;;
	esac
	[ "$(cat "$tmp/seeds/$b.rc" 2>/dev/null)" = 0 ] || { fail "$name (run.sh failed)"; continue; }
	ue_expectations cocci "$c" >"$d/want"
	# The batch's findings in this copy (run.sh prints FILE as given).
	grep -F -e "$c:" "$tmp/seeds/$b.out" | ue_cocci_findings "$c" >"$d/got"
	if grep -q ' bad:' "$d/want"; then
		fail "$name (bad expectation comments)"
		grep ' bad:' "$d/want" | sed 's/^/# /'
	elif ue_compare "$d/want" "$d/got" >"$d/cmp"; then
		pass "$name"
	else
		fail "$name"
		explain "$d/cmp" "$c"
	fi
	# The same copy checked as a change to the unmodified file.
	name="$name, as a change (uecheck --changed-since)"
	rc=$(cat "$d/focused.rc" 2>/dev/null || echo none)
	if [ "$rc" != 0 ]; then
		fail "$name (exit $rc)"
		[ -f "$d/focused.err" ] && diag "$d/focused.err"
		continue
	fi
	ue_cocci_findings "$c" <"$d/focused.err" >"$d/got.focused"
	if ue_compare "$d/want" "$d/got.focused" >"$d/cmp"; then
		pass "$name"
	else
		fail "$name"
		explain "$d/cmp" "$c"
	fi
done <"$tmp/seeds/all"
[ "$n" -gt 0 ] || fail "cocci: seeds exist in $seeds"

report c

# The cached trees: no file or directory under them changed.
set -- "$src" "$obj"
[ -n "$src73" ] && set -- "$@" "$src73" "$obj73"
[ -n "$src61" ] && set -- "$@" "$src61" "$obj61"
find "$@" \( -newer "$tmp/marker" -o -cnewer "$tmp/marker" \) \
	-print 2>/dev/null | head -n 5 >"$tmp/changed"
if [ -s "$tmp/changed" ]; then
	fail "cocci: the cached kernel trees are unchanged"
	diag "$tmp/changed"
else
	pass "cocci: the cached kernel trees are unchanged"
fi
echo "# $(wc -l <"$tmp/tasks") tasks in $((t1 - t0)) ms (-P$jobs)"

grep -q '^not ok' "$tmp"/res/* 2>/dev/null && failed=1
exit "$failed"
