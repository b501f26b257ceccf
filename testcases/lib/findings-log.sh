# SPDX-License-Identifier: GPL-2.0
#
# findings-log.sh - keep what the plugin printed, case by case, for
# comparing two versions of uecheck byte for byte (issue 22: a redesign
# of the engine must change no finding, no note and no word of either).
#
#   ue_findings_log CASE OUTPUT...   when UECHECK_FINDINGS_DIR is set,
#                                    writes the OUTPUT files (a compiler's
#                                    stdout and stderr) to
#                                    $UECHECK_FINDINGS_DIR/CASE, temporary
#                                    directories written as TMP and the
#                                    project's directory ($top) as TOP;
#                                    else nothing
#
# CASE names what was compiled and how ("unit/lock/foo.c/O2", "kernel/
# 6.12/default/seed-x"): a suite run with UECHECK_FINDINGS_DIR=A, then the
# same with the other version and B, and `diff -r A B` lists every output
# that changed.  The compiler's own lines (a warning of -Wall) are kept
# too: the plugin must not change them either.

ue_findings_log() {
	[ -n "${UECHECK_FINDINGS_DIR:-}" ] || return 0
	ufl_case=$(printf '%s' "$1" | tr -c 'A-Za-z0-9._+,=@/-' '_')
	shift
	# An output not kept would read as "the same" in a comparison where
	# both sides lost it: said on stderr, the suite's "#" lines.
	case $ufl_case in
	*/*) mkdir -p "$UECHECK_FINDINGS_DIR/${ufl_case%/*}" 2>/dev/null ;;
	esac
	{ sed -e "s|${TMPDIR:-/tmp}/uecheck[-a-z0-9]*\.[A-Za-z0-9]*|TMP|g" \
		${top:+-e "s|$top/|TOP/|g"} "$@" >"$UECHECK_FINDINGS_DIR/$ufl_case"; } 2>/dev/null || {
		echo "findings-log: $UECHECK_FINDINGS_DIR/$ufl_case: not written: the comparison misses this output" >&2
		return 1
	}
}
