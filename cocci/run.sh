#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run every uecheck Coccinelle script (cocci/*.cocci) in report mode on
# files and directories, and print the findings in the format of
# docs/interfaces.md:
#
#   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE-ID]
#
# Usage: cocci/run.sh [--jobs N] [--timeout S] [-D strict] [--ruleset FILE] [--coverage] FILE|DIR...
#        cocci/run.sh [--jobs N] [--timeout S] [-D strict] [--ruleset FILE] --copies LOCAL CALLS FILE
#
#   --jobs N     run up to N spatch processes at once (default 1)
#   --timeout S  the time budget: each script gets S seconds of each file
#                (spatch --timeout), and so does the parse that names
#                unparsable functions (default 60, or UECHECK_TIME_BUDGET);
#                a file over it is said to be not checked (below)
#   -D strict    also run the strict-only rules (missing-assertion)
#   --ruleset FILE
#                check the rule set FILE (docs/rulesets.md) instead of
#                the built-in user_events.ruleset: its names reach every
#                script as spatch -D KEY=VALUE (cocci/ruleset.awk)
#   --coverage   say each FILE that names none of the rule set's structs:
#                  uecheck-cocci: FILE: rule set 'R' names no struct of it
#                (scripts/uecheck says a run none of whose files named one)
#   --copies LOCAL CALLS
#                spatch reads copies of FILE with the same lines, made by
#                scripts/lib/uecheck_focus.py for a change's new findings:
#                lock_required.cocci, which follows calls through the file,
#                reads CALLS, the other scripts (one function and the lock
#                wrappers it calls) read LOCAL; findings and "not checked"
#                lines name FILE
#
# Files are prefiltered by the rule set's names before spatch sees them
# (user_events' names here): the lock scripts only get files naming
# 'user_event_mm', the reference scripts files calling user_event_mm_get*(),
# user_event_mm_put() or current_user_event_mm(); lock_required.cocci also
# gets files asserting 'event_mutex' (lockdep_assert_held(&event_mutex),
# __must_hold(&event_mutex)), the only other way a function can need the
# mutex.  Directories are searched for *.c and *.h files.  Environment:
# SPATCH (default spatch); UECHECK_PYTHON, the Python spatch runs the
# scripts' Python code with (found once, as scripts/lib/python.sh says,
# and given to every spatch process: each would otherwise look python3 up
# in PATH again, through a pyenv shim at 0.3 s a time).
#
# A function spatch cannot parse is skipped by every script; run.sh parses
# each checked file once more (spatch --parse-c) and says so on stderr,
# one line per function whose skipped code mentions the guarded or the
# counted struct or the lock (the line is where spatch failed):
#   uecheck-cocci: FILE:LINE: function 'NAME' not checked: spatch cannot parse it
# (scripts/uecheck passes it on; with --werror it fails the check).
# A file a script gave up on, over the time budget or on an error of
# spatch's own, is said the same way, whatever the script found in it
# before (those findings are printed):
#   uecheck-cocci: FILE: not checked: over the time budget (S s for SCRIPT)
#   uecheck-cocci: FILE: not checked: spatch failed on it (SCRIPT: EXCEPTION)
# and a file every script given it gave up on, once more:
#   uecheck-cocci: FILE: not checked: no script could check it
#
# Exit status: 0 whatever was found (findings are not errors, nor are
# "not checked" lines); 2 on a usage error or a broken rule set; 3 when
# spatch is missing or fails, or TMPDIR has no room; 4 when the rule set
# needs what the scripts do not check (a per-object lock): one line on
# stderr, nothing checked.
set -u
nl='
'

here=$(cd "$(dirname "$0")" && pwd)
spatch=${SPATCH:-spatch}
jobs=1
budget=${UECHECK_TIME_BUDGET:-60}
strict=
coverage=
local_copy=
calls_copy=
ruleset=$here/../rulesets/user_events.ruleset

usage() {
	echo "usage: cocci/run.sh [--jobs N] [--timeout S] [-D strict] [--ruleset FILE] [--coverage] FILE|DIR..." >&2
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
	--timeout)
		[ $# -ge 2 ] || usage
		budget=$2
		shift 2
		;;
	--timeout=*)
		budget=${1#--timeout=}
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
	--ruleset)
		[ $# -ge 2 ] || usage
		ruleset=$2
		shift 2
		;;
	--ruleset=*)
		ruleset=${1#--ruleset=}
		shift
		;;
	--coverage)
		coverage=1
		shift
		;;
	--copies)
		[ $# -ge 3 ] || usage
		local_copy=$2
		calls_copy=$3
		shift 3
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
if [ -n "$local_copy" ]; then
	[ $# -eq 1 ] && [ -f "$1" ] || { echo "uecheck-cocci: --copies goes with one FILE" >&2; exit 2; }
	[ -f "$local_copy" ] && [ -f "$calls_copy" ] ||
		{ echo "uecheck-cocci: --copies: $local_copy or $calls_copy: no such file" >&2; exit 2; }
fi
case $jobs in
''|*[!0-9]*|0) echo "uecheck-cocci: --jobs wants a positive number, not '$jobs'" >&2; exit 2 ;;
esac
case $budget in
''|*[!0-9]*|0) echo "uecheck-cocci: the time budget (--timeout, UECHECK_TIME_BUDGET) wants a positive number of seconds, not '$budget'" >&2; exit 2 ;;
esac

spatch_path=$(command -v "$spatch" 2>/dev/null) ||
	die "spatch not found (install coccinelle 1.1.1 or later, or set SPATCH)"
# (Read without a sed: a check of one file starts few processes, issue 25.)
version=$("$spatch" --version 2>/dev/null)
case $version in
"spatch version "[0-9]*) version=${version#spatch version }; version=${version%%[!0-9.]*} ;;
*) version= ;;
esac
[ -n "$version" ] || die "'$spatch --version' printed no version: not Coccinelle?"
# Script constraints on metavariables and 'symbol' declarations need
# 1.1; older versions cannot parse the scripts at all.
case $version in
0.*|1.0.*) die "spatch $version is too old: the scripts need Coccinelle 1.1.1 or later" ;;
esac

# Isomorphisms no rule of the scripts can use (cocci/isos-unused), which
# spatch would still try on every rule it compiles: disabled where the iso
# file spatch reads defines them ($COCCINELLE_HOME, else lib/coccinelle
# beside spatch's bin/), since a name it does not define stops spatch.
# Without that file, spatch runs with its isomorphisms as they are.
isos=
iso_file=${COCCINELLE_HOME:+$COCCINELLE_HOME/standard.iso}
[ -n "$iso_file" ] || iso_file=${spatch_path%/*}/../lib/coccinelle/standard.iso
if [ -f "$iso_file" ] && [ -f "$here/isos-unused" ]; then
	isos=$(awk '
	FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF) unused[$1] = 1; next }
	match($0, /^@ *[A-Za-z_0-9]+ *@/) {
		n = substr($0, RSTART + 1, RLENGTH - 2); gsub(/ /, "", n)
		if (n in unused && !done[n]++) printf "--disable-iso %s ", n
	}' "$here/isos-unused" "$iso_file" 2>/dev/null)
fi

# The interpreter, found the way scripts/uecheck finds it (lib/python.sh,
# in the source tree or where make install put it; it has usually done so
# already); without that file, the one PATH names.
for pysh in "$here/../scripts/lib/python.sh" "$here/../../../lib/uecheck/lib/python.sh"; do
	[ -f "$pysh" ] || continue
	# shellcheck disable=SC1090 # found at run time
	. "$pysh"
	ue_python_exe ${UECHECK_PYTHON:+"$UECHECK_PYTHON"} ||
		die "'${UECHECK_PYTHON:-python3}' does not run: the scripts need Python 3 (set UECHECK_PYTHON)"
	break
done
python=${UECHECK_PYTHON:-python3}
command -v "$python" >/dev/null 2>&1 ||
	die "'$python' not found: the scripts need Python 3 (set UECHECK_PYTHON)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-cocci.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# Every list and every spatch output goes through $tmp: a write that fails
# there (a full or small TMPDIR) would read as "no findings".  Each write
# is checked; the first that fails ends the run with this one line.
tmp_failed() {
	die "cannot write to the temporary directory ${TMPDIR:-/tmp} (full?): nothing checked"
}
printf '%16384s\n' '' 2>/dev/null >"$tmp/room" && rm "$tmp/room" || tmp_failed

# The rule set's names, KEY=VALUE (cocci/ruleset.awk; it says what is
# wrong on stderr), become the scripts' -D options and the prefilter's
# tokens.  The rule sets of the source tree and of make install both lie
# beside cocci/.
[ -f "$ruleset" ] || { echo "uecheck-cocci: --ruleset $ruleset: no such file" >&2; exit 2; }
awk -v builtin="$here/../rulesets" -f "$here/ruleset.awk" "$ruleset" >"$tmp/names"
rc=$?
[ "$rc" -eq 0 ] || { [ -s "$tmp/names" ] || printf '%4096s\n' '' 2>/dev/null >"$tmp/room.names" || tmp_failed; exit "$rc"; }
# One read of the names, in the shell: the -D words, and the names the
# prefilter and the checks below use.
defines=
lock='' guard_struct='' guard_field='' ref_struct=''
ref_get_all='' ref_get='' ref_current='' ref_put=''
while IFS= read -r kv; do
	defines="$defines-D $kv "
	v=${kv#*=}
	case $kv in
	lock=*) lock=$v ;;
	guard_struct=*) guard_struct=$v ;;
	guard_field=*) guard_field=$v ;;
	ref_struct=*) ref_struct=$v ;;
	ref_get_all=*) ref_get_all=$v ;;
	ref_get=*) ref_get=$v ;;
	ref_current=*) ref_current=$v ;;
	ref_put=*) ref_put=$v ;;
	esac
done <"$tmp/names"
# The names reach the scripts on spatch's command line, through xargs (a
# line of at most 128 KB); a rule set naming more than fits there is read
# from the names file (-D names_file, each script's first rule).
if [ "${#defines}" -gt 100000 ]; then
	defines="-D names_file=$tmp/names"
fi
ref_calls=
for v in "$ref_get_all" "$ref_get" "$ref_current" "$ref_put"; do
	[ -n "$v" ] && ref_calls="$ref_calls$v$nl"
done

# Candidate files: every name of the rule set, in one fast pass (grep -l
# stops reading a file at its first match); then each script's own tokens
# pick its files:
#   mm     files naming the guarded struct (the lock scripts: the member
#          access needs the type);
#   ref    files calling a function that takes or drops a reference (the
#          reference scripts: no ownership without one of them);
#   mutex  files asserting the lock, or naming the guarded struct
#          (lock_required: the two ways a function can need the lock);
#   excl   files asserting it not held or annotated __must_not_hold()
#          (lock_held).
# An empty name (a rule set without a guard or without refs) leaves its
# scripts without files.
tokens=
for v in "$lock" "$guard_struct" "$ref_struct" $ref_calls; do
	[ -n "$v" ] && tokens="$tokens-e $v "
done
for arg in "$@"; do
	[ -e "$arg" ] || { printf 'uecheck-cocci: %s: no such file or directory\n' "$arg" >&2; exit 2; }
	case $arg in
	*"$nl"*) printf 'uecheck-cocci: a file name with a newline is not checked: %s\n' "$(printf '%s' "$arg" | tr '\n' '?')" >&2; exit 2 ;;
	esac
done
# A file naming none of the rule set's structs (as a word: the scripts
# match their members by the struct's name) gives its rules nothing.
if [ -n "$coverage" ]; then
	for arg in "$@"; do
		[ -f "$arg" ] || continue
		# shellcheck disable=SC2086 # -e NAME words, without blanks
		grep -q -w -F ${guard_struct:+-e "$guard_struct"} ${ref_struct:+-e "$ref_struct"} -- "$arg" ||
			printf "uecheck-cocci: %s: rule set '%s' names no struct of it\n" "$arg" "$ruleset" >&2
	done
fi
: >"$tmp/scripts"
# The candidates, one name a line.  spatch reads its file lists a line at
# a time and names files in its messages as they come, so a name with
# bytes other than these (a blank, a tab, a byte of another encoding) is
# read through an alias, a symbolic link in $tmp/alias (the scripts read
# no includes: the file's directory does not matter); $tmp/alias/map
# turns aliases back into names.  A file in a directory whose name holds
# a newline cannot be listed: said, not checked.
mkdir "$tmp/alias" && : >"$tmp/alias/map" || tmp_failed
for arg in "$@"; do
	if [ -d "$arg" ]; then
		# shellcheck disable=SC2086 # -e NAME words, without blanks
		grep -rlFZ --include='*.c' --include='*.h' $tokens -- "$arg"
	elif [ -f "$arg" ]; then
		# shellcheck disable=SC2086
		grep -lFZ $tokens -- "$arg"
	fi
done | A=$tmp/alias LC_ALL=C xargs -0 -r sh -c '
	for f; do
		case $f in
		*[!A-Za-z0-9_./+,@%=~:-]*) ;;
		*) printf "%s\n" "$f" || exit 255; continue ;;
		esac
		case $f in
		*"
"*)
			printf "uecheck-cocci: %s: not checked: a file name with a newline\n" \
				"$(printf "%s" "$f" | tr "\n" "?")" >>"$A/newline" || exit 255
			continue ;;
		esac
		n=$(printf "%s" "$f" | cksum | tr " " _)
		[ -e "$A/$n" ] && continue
		case $f in *.h) a=$A/$n/f.h ;; *) a=$A/$n/f.c ;; esac
		mkdir "$A/$n" && ln -s "$(cd "$(dirname "$f")" && pwd -P)/$(basename "$f")" "$a" &&
			printf "%s\t%s\n" "$a" "$f" >>"$A/map" && printf "%s\n" "$a" || exit 255
	done
	exit 0' alias >"$tmp/cand.all" 2>/dev/null || tmp_failed
awk '!seen[$0]++' "$tmp/cand.all" >"$tmp/cand" 2>/dev/null || tmp_failed
[ -s "$tmp/alias/newline" ] && cat "$tmp/alias/newline" >&2
# orig NAME: the name NAME stands for (itself unless an alias).
orig() {
	case $1 in
	"$tmp/alias/"*) a=$1 awk -F '\t' '$1 == ENVIRON["a"] { print substr($0, length($1) + 2); exit }' "$tmp/alias/map" ;;
	*) printf '%s\n' "$1" ;;
	esac
}
# The four lists, in one pass over the candidates: each is what its
# patterns (PAT.LIST, one a line) select, with grep -F or -E; a list
# without patterns (a rule set without that name) stays empty.  (One grep
# per list and batch, not a tr, an xargs and a shell each: issue 25.)
: >"$tmp/mm" && : >"$tmp/ref" && : >"$tmp/mutex" && : >"$tmp/excl" || tmp_failed
lists=
# pat LIST OPTION PATTERN...: PAT.LIST, and LIST:OPTION in $lists.
pat() {
	pat_list=$1 pat_opt=$2
	shift 2
	[ $# -gt 0 ] || return 0
	printf '%s\n' "$@" 2>/dev/null >"$tmp/pat.$pat_list" || tmp_failed
	lists="$lists $pat_list:$pat_opt"
}
pat mm F ${guard_struct:+"$guard_struct"}
# shellcheck disable=SC2086 # names, without blanks
pat ref F $ref_calls
pat mutex E ${lock:+"lockdep_assert_held(_once|_read|_write)? *\\( *& *$lock *\\)"} \
	${lock:+"__must_hold *\\( *& *$lock *\\)"} ${guard_struct:+"$guard_struct"}
pat excl E ${lock:+"(lockdep_assert_not_held|__must_not_hold) *\\( *& *$lock *\\)"}
# grep: 0 or 1 (no file matched); 2 (a write failed) fails xargs.
[ -z "$lists" ] || tr '\n' '\0' <"$tmp/cand" | P=$tmp L=$lists xargs -0 -r sh -c '
	for l in $L; do
		grep -l -"${l#*:}" -f "$P/pat.${l%:*}" -- "$@" >>"$P/${l%:*}"
		[ $? -le 1 ] || exit 255
	done' pick 2>/dev/null || tmp_failed
# With --copies, the scripts read the copies of the one FILE.
if [ -n "$local_copy" ]; then
	for l in mm ref; do
		[ -s "$tmp/$l" ] && printf '%s\n' "$local_copy" >"$tmp/$l"
	done
	for l in mutex excl; do
		[ -s "$tmp/$l" ] && printf '%s\n' "$calls_copy" >"$tmp/$l"
	done
fi

# The work is split into tasks, each one spatch process running one script
# on a group of files, and the tasks run longest first, $jobs at once.  A
# script's files are dealt into up to $jobs groups of about the same size
# (largest file first, each to the lightest group), so that one script on
# a large file does not keep a core busy while the other waits.  A task's
# time is taken as its files' size (parsing and matching) times its
# script's size (spatch compiles and matches every rule): ref_leak.cocci
# on a file goes first, double_put.cocci on it last.
#
# Each size is asked once, and the groups of every script are dealt by one
# awk: a process or four per script was most of what a check of one file
# (the pre-commit hook's) spent before spatch started (issue 25).
nl='
'
strict_scripts=$nl$(grep -l '^virtual strict' "$here"/*.cocci 2>/dev/null)$nl
: >"$tmp/plan"
for cocci in "$here"/*.cocci; do
	name=${cocci##*/}
	name=${name%.cocci}
	case $name in
	lock_required) list=$tmp/mutex ;;
	lock_held) list=$tmp/excl ;;
	unguarded_access | missing_assertion) list=$tmp/mm ;;
	*) list=$tmp/ref ;;
	esac
	[ -s "$list" ] || continue
	opt=$defines
	case $strict_scripts in
	*"$nl$cocci$nl"*)
		[ -n "$strict" ] || continue
		opt="$opt -D strict" ;;
	esac
	printf '%s\t%s\t%s\t%s\n' "$cocci" "$list" "$tmp/$name" "$opt" 2>/dev/null >>"$tmp/plan" ||
		tmp_failed
	printf '%s\n' "$cocci" 2>/dev/null >>"$tmp/scripts" || tmp_failed
done
# Every file any script reads, largest first, and every script's size.
# (mawk aborts on a write that fails: its shell's word for it is
# silenced with the rest, tmp_failed says what happened.)
{ sort -u "$tmp/mm" "$tmp/ref" "$tmp/mutex" "$tmp/excl" | tr '\n' '\0' |
	xargs -0 -r stat -L -c '%s %n' | sort -rn >"$tmp/sizes"; } 2>/dev/null || tmp_failed
# Per script (a plan line: COCCI LIST PREFIX OPT): its files, largest
# first, each to the lightest of up to $jobs groups (PREFIX.gN, a file
# per line, each its own --file-groups group), the groups in
# PREFIX.loads ("LOAD GROUP"), and a task per group in tasks.
{ wc -c "$here"/*.cocci >"$tmp/weights" && awk -v k="$jobs" -v tasks="$tmp/tasks" '
	BEGIN { FS = "\t" }
	FILENAME == ARGV[1] { w[substr($0, index($0, "/"))] = $1 + 0; next }
	FILENAME == ARGV[2] {
		size[++nf] = $0 + 0
		file[nf] = substr($0, index($0, " ") + 1)
		next
	}
	{
		cocci = $1; pre = $3 ".g"
		delete want
		while ((getline l < $2) > 0) want[l] = 1
		close($2)
		for (i = 1; i <= k; i++) load[i] = 0
		for (j = 1; j <= nf; j++) {
			if (!(file[j] in want)) continue
			best = 1
			for (i = 2; i <= k; i++)
				if (load[i] < load[best]) best = i
			load[best] += size[j] + 1
			print file[j] "\n" > (pre best)
		}
		for (i = 1; i <= k; i++) {
			if (!load[i]) continue
			close(pre i)
			print load[i], pre i > ($3 ".loads")
			printf "%.0f\t%s\t%s\t%s\n", int(load[i] / 1024) * w[cocci], cocci, pre i, $4 > tasks
		}
		close($3 ".loads")
	}' "$tmp/weights" "$tmp/sizes" "$tmp/plan"; } 2>/dev/null || tmp_failed
n=0
[ -s "$tmp/tasks" ] && n=1

# What the rule set names that a file contradicts, as the plugin says it
# of a unit (plugin/rulecheck.c), from the file's text: a 'guard S.F'
# whose struct S, defined here, has no field F; a lock a .c file never
# names although it defines a guarded struct.  Each would check nothing.
# (Not on --copies: those are parts of a file, for one change.)
if [ -s "$tmp/mm" ] && [ -n "$guard_struct" ] && [ -z "$local_copy" ]; then
	while IFS= read -r f; do
		S=$guard_struct F=$guard_field L=$lock R=$ruleset N=$(orig "$f") awk '
		{ text = text $0 "\n" }
		END {
			S = ENVIRON["S"]; F = ENVIRON["F"]; L = ENVIRON["L"]
			# Comments and strings out, newlines kept for the line.
			t = text
			while (match(t, /\/\*([^*]|\*+[^*\/])*\*+\//)) {
				c = substr(t, RSTART, RLENGTH); gsub(/[^\n]/, " ", c)
				t = substr(t, 1, RSTART - 1) c substr(t, RSTART + RLENGTH)
			}
			gsub(/\/\/[^\n]*/, "", t)
			pre = "uecheck-cocci: " ENVIRON["N"] ":"
			rs = " rule set \047" ENVIRON["R"] "\047: "
			rest = t; off = 0; defined = 0
			while (match(rest, "struct[ \t\n]+" S "[ \t\n]*\\{")) {
				start = off + RSTART + RLENGTH - 1
				head = substr(t, 1, off + RSTART)
				line = 1 + gsub(/\n/, "\n", head)
				# The body, to the brace that closes it.
				depth = 0
				for (i = start; i <= length(t); i++) {
					ch = substr(t, i, 1)
					if (ch == "{") depth++
					else if (ch == "}" && !--depth) break
				}
				body = substr(t, start, i - start + 1)
				defined = line
				if (body !~ "(^|[^A-Za-z0-9_])" F "([^A-Za-z0-9_]|$)")
					print pre line ":" rs "\047guard " S "." F "\047: \047struct " S "\047 has no such field (the rule checks nothing)"
				off = i; rest = substr(t, i + 1)
			}
			# (A header is no unit: its struct reaches files that have
			# nothing to do with the lock.)
			if (defined && L != "" && ENVIRON["N"] ~ /\.c$/ &&
			    t !~ "(^|[^A-Za-z0-9_])" L "([^A-Za-z0-9_]|$)")
				print pre defined ":" rs "\047lock " L "\047: nothing in this unit, which defines \047struct " S "\047, declares it (every access would be unguarded)"
		}' "$f" >&2
	done <"$tmp/mm"
fi

# spatch skips a function it cannot parse without a word (--very-quiet):
# parse each checked file once more, alone, and name what was skipped.
# A skipped region that mentions none of the rule set's structs and lock
# is left unsaid (no script matches there except lock-required through a
# call of an asserting function), and so is one outside any function
# (a declaration: no rule looks at it).
# It runs beside the scripts (it needs no result of theirs); its lines
# are printed after them.
words=
for v in "$guard_struct" "$ref_struct" "$lock"; do
	[ -n "$v" ] && words="$words${words:+|}(^|[^A-Za-z0-9_])$v([^A-Za-z0-9_]|\$)"
done
(
sort -u "$tmp/mm" "$tmp/ref" "$tmp/mutex" | while IFS= read -r f; do
	[ -n "$f" ] || continue
	# With --copies: CALLS holds every function LOCAL does; FILE is named.
	name=$(orig "$f")
	if [ -n "$local_copy" ]; then
		[ "$f" = "$local_copy" ] && [ -s "$tmp/mutex" ] && continue
		name=$1
	fi
	timeout "$budget" "$spatch" --parse-c "$f" --verbose-parsing --no-includes \
		--include-headers --macro-file "$here/uecheck-macros.h" >"$tmp/parse.out" 2>&1
	if [ $? -eq 124 ]; then
		printf 'uecheck-cocci: %s: not checked: over the time budget (%s s for parsing it)\n' "$name" "$budget" >&2
		continue
	fi
	# Bytes that start no C token (binary data, a stray control byte):
	# spatch drops what follows them up to where it can parse again,
	# perhaps whole functions, and names none of it.
	if grep -a -q 'LEXER:unrecognised symbol' "$tmp/parse.out"; then
		printf 'uecheck-cocci: %s: not checked: spatch cannot read it as C (bytes that start no C token)\n' "$name" >&2
		continue
	fi
	WORDS=$words awk '
	/^parse error/ { want = 1; next }
	want && /^ = File ".*", line [0-9]+/ {
		l = $0; sub(/.*", line /, "", l); sub(/[^0-9].*/, "", l)
		line = l; want = 0; text = ""; next
	}
	line && /^(bad:|BAD:!!!!!|  around = |  whole content = |badcount: )/ { text = text "\n" $0; next }
	line {
		if (text ~ ENVIRON["WORDS"]) print line
		line = 0
	}
	END { if (line && text ~ ENVIRON["WORDS"]) print line }' "$tmp/parse.out" |
	sort -un >"$tmp/parse.lines"
	[ -s "$tmp/parse.lines" ] || continue
	# Name the function each line lies in: a header at column 0, its
	# body from a "{" to a "}" at column 0.
	awk -v f="$name" '
	FILENAME == ARGV[1] { want[$1] = 1; next }
	/^[A-Za-z_][A-Za-z0-9_ \t*]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/ && !/;[ \t]*$/ && !/^typedef/ {
		name = $0; sub(/[ \t]*\(.*/, "", name); sub(/.*[ \t*]/, "", name)
		cand = name; open = 0
	}
	/^\{/ { if (cand != "") open = 1 }
	FNR in want && open {
		printf "uecheck-cocci: %s:%d: function \047%s\047 not checked: spatch cannot parse it\n", f, FNR, cand
	}
	/^\}/ { cand = ""; open = 0 }' "$tmp/parse.lines" "$f" >&2
done
) 2>"$tmp/unparsed" &
parse_pid=$!

# task COCCI GROUP OPT: one spatch run; output, errors and exit status go
# to files named after the group.
if [ "$n" -gt 0 ]; then
	sort -t "$(printf '\t')" -k1,1nr "$tmp/tasks" | cut -f 2- | tr '\t\n' '\0\0' |
		SPATCH=$spatch MACROS=$here/uecheck-macros.h PY=$python BUDGET=$budget ISOS=$isos \
		xargs -0 -n 3 -P "$jobs" sh -c '
			# shellcheck disable=SC2086 # $3, $ISOS: option words, no blanks
			"$SPATCH" --python "$PY" --very-quiet --no-show-diff --timeout "$BUDGET" $ISOS -D report $3 \
				--no-includes --include-headers --macro-file "$MACROS" \
				--sp-file "$1" --file-groups "$2" >"$2.out" 2>"$2.err"
			echo $? >"$2.rc"' task 2>/dev/null
fi

wait "$parse_pid"
# Every output is still in $tmp: if it has no room now, some of them may
# have been cut short (the checks above catch the lists, not what spatch
# and the parse pass wrote).
printf '%4096s\n' '' 2>/dev/null >"$tmp/room.end" || tmp_failed
cat "$tmp/unparsed" >&2

status=0
while read -r cocci; do
	name=${cocci##*/}
	name=${name%.cocci}
	while read -r _ group; do
		# (No process where spatch said nothing, as it does on clean code.)
		rc=
		read -r rc 2>/dev/null <"$group.rc"
		case $rc in ''|*[!0-9]*) rc=unknown ;; esac
		# spatch's --timeout can also fire outside its per-file guard:
		# it then dies ("Fatal error: exception ...Common.Timeout").
		# That is the group's files over the budget, not a failure.
		if [ "$rc" != 0 ] && [ -s "$group.err" ] &&
			grep -q '^Fatal error: exception .*Common\.Timeout' "$group.err"; then
			while IFS= read -r f; do
				[ -n "$f" ] || continue
				if [ -n "$local_copy" ]; then f=$1; else f=$(orig "$f"); fi
				printf 'uecheck-cocci: %s: not checked: over the time budget (%s s for %s)\n' \
					"$f" "$budget" "$name.cocci"
			done <"$group" >>"$tmp/gaveup"
			continue
		fi
		if [ "$rc" != 0 ] || { [ -s "$group.err" ] &&
			grep -q -e 'parse error' -e '^Fatal error' -e 'Traceback' "$group.err"; }; then
			line=$(grep -v '^ *$' "$group.err" | head -n 1)
			echo "uecheck-cocci: $name.cocci failed (spatch exit $rc): ${line:-no message}" >&2
			echo 3 >"$tmp/status"
			continue
		fi
		# spatch goes on with the next file after one it gave up on
		# ("EXN: EXCEPTION in FILE", exit 0): that file is not checked.
		[ ! -s "$group.err" ] || L=$local_copy F=${1-} S=$name.cocci B=$budget M=$tmp/alias/map awk '
		BEGIN { FS = "\t"; while ((getline l < ENVIRON["M"]) > 0) alias[substr(l, 1, index(l, "\t") - 1)] = substr(l, index(l, "\t") + 1); FS = " " }
		sub(/^EXN: /, "") {
			f = $0; sub(/^.* in /, "", f)
			x = $0; sub(/ in [^ ]*$/, "", x)
			if (f in alias) f = alias[f]
			if (ENVIRON["L"] != "") f = ENVIRON["F"]
			if (x ~ /Timeout/)
				print "uecheck-cocci: " f ": not checked: over the time budget (" ENVIRON["B"] " s for " ENVIRON["S"] ")"
			else
				print "uecheck-cocci: " f ": not checked: spatch failed on it (" ENVIRON["S"] ": " x ")"
		}' "$group.err" >>"$tmp/gaveup"
		# FILE:LINE:COL-COL: MESSAGE [uecheck:RULE] -> FILE:LINE:COL+1: warning: ...
		[ ! -s "$group.out" ] || sed -n 's/^\(.*\):\([0-9][0-9]*\):\([0-9][0-9]*\)-[0-9]*: \(.* \[uecheck:[a-z-]*\]\)$/\1\t\2\t\3\t\4/p' \
			"$group.out"
	done <"$tmp/$name.loads"
done <"$tmp/scripts" | L=$local_copy C=$calls_copy F=${1-} M=$tmp/alias/map awk -F '\t' '
	BEGIN { while ((getline l < ENVIRON["M"]) > 0) alias[substr(l, 1, index(l, "\t") - 1)] = substr(l, index(l, "\t") + 1) }
	ENVIRON["L"] != "" && ($1 == ENVIRON["L"] || $1 == ENVIRON["C"]) { $1 = ENVIRON["F"] }
	$1 in alias { $1 = alias[$1] }
	!seen[$1 FS $2 FS $3 FS $4]++ { printf "%s:%d:%d: warning: %s\n", $1, $2, $3 + 1, $4 }' |
	sort -t: -k1,1 -k2,2n -k3,3n
# Once each (with --copies, both copies may say it).
[ -s "$tmp/gaveup" ] && sort -u "$tmp/gaveup" >&2
# A file every script given it gave up on was not checked at all: said
# once more in those words (scripts/uecheck: no exit 0 for it).  The
# plan's lines name each script and its list of files.
[ ! -s "$tmp/gaveup" ] || L=$local_copy C=$calls_copy F=${1-} M=$tmp/alias/map awk '
	BEGIN {
		while ((getline l < ENVIRON["M"]) > 0)
			alias[substr(l, 1, index(l, "\t") - 1)] = substr(l, index(l, "\t") + 1)
		pre = "uecheck-cocci: "; nc = ": not checked: "
	}
	FILENAME == ARGV[1] {
		split($0, p, "\t")
		s = p[1]; sub(/^.*\//, "", s)
		while ((getline f < p[2]) > 0) {
			if (ENVIRON["L"] != "" && (f == ENVIRON["L"] || f == ENVIRON["C"]))
				f = ENVIRON["F"]
			else if (f in alias)
				f = alias[f]
			if (!((f, s) in given)) { given[f, s] = 1; n[f]++ }
		}
		close(p[2])
		next
	}
	index($0, pre) == 1 && index($0, nc) {
		f = substr($0, length(pre) + 1, index($0, nc) - length(pre) - 1)
		why = substr($0, index($0, nc) + length(nc))
		if (match(why, / s for [^ )]+\.cocci\)$/))
			s = substr(why, RSTART + 7, RLENGTH - 8)
		else if (match(why, /\([^ :]+\.cocci: /))
			s = substr(why, RSTART + 1, RLENGTH - 3)
		else
			next
		if (!((f, s) in failed)) { failed[f, s] = 1; m[f]++ }
	}
	END {
		for (f in m)
			if (m[f] >= n[f])
				print pre f nc "no script could check it"
	}' "$tmp/plan" "$tmp/gaveup" >&2
[ -f "$tmp/status" ] && status=3
exit "$status"
