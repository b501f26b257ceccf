# SPDX-License-Identifier: GPL-2.0
#
# uecheck: findings a change introduces (present after, not before).
#
# Used by uecheck-patch (a patch against a tree) and the pre-commit hook
# (the index against HEAD).  The caller lays the change out in a work
# directory:
#   W/before/PATH   the file as it was (absent for a new file; for a rename,
#                   the old content under the NEW path)
#   W/after/PATH    the file as the change leaves it
#   LIST            a file naming the PATHs to check, one per line
# Both sides are checked by scripts/uecheck, the "after" side first (with
# --changed-since: the cocci engine reads only the functions the change
# can affect), the "before" side only when the "after" side has findings;
# the "before" findings become a baseline for the "after" ones
# (uecheck_findings.py new), so a finding counts as new only if no finding
# of its rule sits on an identical line of the same function before: line
# shifts do not matter.
#
# A PATH whose "after" text mentions neither 'user_event_mm' nor
# 'event_mutex' is skipped: no rule can fire in it, and a commit that never
# touches those symbols must cost next to nothing.
#
# Interface (sourced, after flags.sh):
#   ue_new_findings UECHECK W LIST ARGS
#   UECHECK  path of scripts/uecheck; W  the work directory; LIST  see
#   above; ARGS  extra uecheck arguments as a quoted list (see ue_push).
#   Prints the new findings as JSON lines (one finding of uecheck's JSON
#   format a line), paths relative to W/after; returns 0 (none), 1 (some)
#   or 3 (tool failure).  A part of the "after" side no engine checked
#   (uecheck's "not checked by the ENGINE engine" lines: a function spatch
#   cannot parse, a file over the time budget) is said on stderr, path
#   relative to W/after, and counted in W/unchecked: the change is then not
#   checked whole, whatever was found elsewhere.  Expects UE_PYTHON and
#   UE_FINDINGS (the path of lib/uecheck_findings.py).

# ue_strip_prefix PREFIX: drop PREFIX where a line starts with it (the
# engines' own error messages, shown as they are).
ue_strip_prefix() {
	awk -v p="$1" 'index($0, p) == 1 { $0 = substr($0, length(p) + 1) } { print }'
}

ue_new_findings() {
	# shellcheck disable=SC2034 # nf_uecheck is used inside eval
	nf_uecheck=$1 nf_w=$2 nf_list=$3 nf_args=$4
	: >"$nf_w/base.raw"
	: >"$nf_w/new"
	[ -f "$nf_w/unchecked" ] || echo 0 >"$nf_w/unchecked"
	nf_rc=0
	while IFS= read -r nf_p; do
		[ -f "$nf_w/after/$nf_p" ] || continue
		grep -q -e user_event_mm -e event_mutex "$nf_w/after/$nf_p" || continue
		: >"$nf_w/base.raw"
		: >"$nf_w/after.out"
		# The "after" side first, with the engines reading only what the
		# change can affect; the "before" side only if that found
		# something to compare (a clean change costs one check).
		nf_since=
		[ -f "$nf_w/before/$nf_p" ] && nf_since=--changed-since=$nf_w/before/$nf_p
		eval "sh \"\$nf_uecheck\" $nf_args \${nf_since:+\"\$nf_since\"} --format=json \
			--output=\"\$nf_w/after.out\" \"\$nf_w/after/\$nf_p\"" \
			>/dev/null 2>"$nf_w/after.err"
		nf_arc=$?
		# What no engine checked is said and counted, not dropped: the
		# change is not checked whole.
		nf_un=$(grep -a -c ' not checked by the [a-z]* engine: ' "$nf_w/after.err")
		if [ "$nf_un" -gt 0 ]; then
			grep -a ' not checked by the [a-z]* engine: ' "$nf_w/after.err" |
				P="$nf_w/after/" awk '{ i = index($0, ENVIRON["P"]); if (i) $0 = substr($0, 1, i - 1) substr($0, i + length(ENVIRON["P"])); print }' >&2
			echo $(($(cat "$nf_w/unchecked") + nf_un)) >"$nf_w/unchecked"
		fi
		if [ -n "$nf_since" ] && [ -s "$nf_w/after.out" ] && grep -q '"rule"' "$nf_w/after.out"; then
			eval "sh \"\$nf_uecheck\" $nf_args --write-baseline=\"\$nf_w/base.raw\" \"\$nf_w/before/\$nf_p\"" \
				>/dev/null 2>"$nf_w/before.err"
			case $? in
			0|1) ;;
			*)	# A tree that does not build before the change: its
				# findings are unknown, so every finding after is new.
				echo "uecheck: $nf_p: could not check the file before the change; all its findings count as new" >&2 ;;
			esac
		fi
		case $nf_arc in
		0|1) ;;
		*)	ue_strip_prefix "$nf_w/after/" <"$nf_w/after.err" >&2
			nf_rc=3 ;;
		esac
		grep -q '"rule"' "$nf_w/after.out" 2>/dev/null || continue
		"$UE_PYTHON" "$UE_FINDINGS" new --baseline="$nf_w/base.raw" \
			--before="$nf_w/before/" --after="$nf_w/after/" "$nf_w/after.out" >>"$nf_w/new"
		# 10: new findings; 2 and 3 said their line.
		nf_prc=$?
		case $nf_prc in
		0|10) ;;
		2|3) nf_rc=3 ;;
		*) echo "uecheck: the findings step ($UE_PYTHON) failed (exit $nf_prc) on $nf_p" >&2
			nf_rc=3 ;;
		esac
	done <"$nf_list"
	cat "$nf_w/new"
	[ "$nf_rc" -ne 0 ] && return "$nf_rc"
	[ -s "$nf_w/new" ] && return 1
	return 0
}
