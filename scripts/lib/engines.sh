# SPDX-License-Identifier: GPL-2.0
#
# uecheck: run one engine on one file.
#
# The engines' diagnostics are passed on as they are printed; reading them
# is the job of lib/uecheck_findings.py alone (its parse()).  The gcc
# engine runs with -fdiagnostics-column-unit=byte, and cocci/run.sh reports
# byte columns too, so both engines count columns the same way.
#
# Interface (sourced; POSIX sh; expects UE_TMP, a private directory):
#   ue_run_gcc FILE GCC-ARG...     the plugin's diagnostics on stdout; 0, or
#                                  3 (tool failure, compiler output on
#                                  stderr); its "not checked" notes are
#                                  appended to UE_TMP/notchecked.gcc
#   ue_run_cocci FILE [LOCAL CALLS]
#                                  the same for cocci/run.sh (spatch
#                                  reading the copies LOCAL and CALLS of
#                                  FILE, run.sh --copies); its "not
#                                  checked" lines are appended to
#                                  UE_TMP/notchecked.cocci
#   ue_run_sparse ARG...           the real sparse, output passed through;
#                                  returns sparse's exit status
# Settings read: UE_PLUGIN, UE_COCCI, UE_STRICT, UE_RULES, UE_RULESET, UE_LOCKS,
# UE_CONTRACT,
# UE_COVERAGE (1: each engine leaves UE_TMP/unnamed.ENGINE for a file that
# names none of the rule set's structs; the cocci engine's holds "headers"
# when the file's headers name none either), UE_GCC_ARGS, UECHECK_CC,
# UECHECK_SPARSE.

ue_run_gcc() {
	uf=$1
	shift
	# The plugin first: a -fplugin-arg-uecheck-* among the caller's flags
	# (budget=N) must come after it.
	set -- "-fplugin=$UE_PLUGIN" "$@" -fplugin-arg-uecheck-analyze-only
	[ "$UE_STRICT" = 1 ] && set -- "$@" -fplugin-arg-uecheck-strict
	[ -n "$UE_RULES" ] && set -- "$@" "-fplugin-arg-uecheck-rules=$UE_RULES"
	[ -n "${UE_RULESET:-}" ] && set -- "$@" "-fplugin-arg-uecheck-ruleset=$UE_RULESET"
	[ -n "${UE_LOCKS:-}" ] && set -- "$@" "-fplugin-arg-uecheck-locks=$UE_LOCKS"
	[ -n "${UE_CONTRACT:-}" ] && set -- "$@" "-fplugin-arg-uecheck-contract=$UE_CONTRACT"
	[ "${UE_COVERAGE:-}" = 1 ] && set -- "$@" -fplugin-arg-uecheck-ruleset-coverage
	"${UECHECK_CC:-gcc}" "$@" -fno-diagnostics-show-caret \
		-fdiagnostics-color=never -fdiagnostics-column-unit=byte \
		-S -o /dev/null "$uf" \
		>"$UE_TMP/gcc.out" 2>"$UE_TMP/gcc.err"
	urc=$?
	if [ "$urc" -ne 0 ]; then
		# Everything but our own findings: the compiler's reason.
		# (-a: a file name or a message in another encoding is text.)
		grep -a -v -E '\[uecheck:[a-z-]+\]$' "$UE_TMP/gcc.err" |
			grep -a -v -E ': In function ' >&2
		return 3
	fi
	# A function the plugin gave up on (over its time budget) is no
	# finding: said on stderr by the caller, and --werror fails on it.
	# A rule set line the unit contradicts (plugin/rulecheck.c): the
	# same, in UE_TMP/ruleset.gcc (this run's only).
	# A unit naming none of the rule set's structs (UE_COVERAGE): the
	# file UE_TMP/unnamed.gcc.
	: >"$UE_TMP/ruleset.gcc"
	[ "${UE_COVERAGE:-}" != 1 ] || rm -f "$UE_TMP/unnamed.gcc"
	[ -s "$UE_TMP/gcc.err" ] || return 0	# the usual case: nothing said
	F=$uf NC=$UE_TMP/notchecked.gcc RS_MSGS=$UE_TMP/ruleset.gcc UN=$UE_TMP/unnamed.gcc awk '
	/: note: uecheck: rule set .* names no struct of this unit$/ {
		printf "" >ENVIRON["UN"]
		next
	}
	/: note: uecheck: rule set / {
		where = $0
		sub(/: note: uecheck: rule set .*$/, "", where)
		sub(/:[0-9]+$/, "", where)
		sub(/^.*: note: uecheck: /, "")
		print "uecheck: " where ": " $0 >>ENVIRON["RS_MSGS"]
		next
	}
	/: note: uecheck: .* not checked: / {
		where = $0
		sub(/: note: uecheck: .*$/, "", where)
		sub(/:[0-9]+$/, "", where)		# FILE:LINE, without the column
		if (where !~ /:[0-9]+$/)
			where = ENVIRON["F"]		# cc1: the whole file
		sub(/^.*: note: uecheck: /, "")
		sub(/ not checked: /, " not checked by the gcc engine: ")
		print "uecheck: " where ": " $0 >>ENVIRON["NC"]
		next
	}
	{ print }' "$UE_TMP/gcc.err"
}

ue_run_cocci() {
	ue_cocci_file=$1
	if [ "$#" -eq 3 ]; then
		set -- --copies "$2" "$3" "$1"
	else
		set -- "$1"
	fi
	[ "$UE_STRICT" = 1 ] && set -- -D strict "$@"
	[ -n "${UE_RULESET:-}" ] && set -- --ruleset "$UE_RULESET" "$@"
	[ "${UE_COVERAGE:-}" = 1 ] && set -- --coverage "$@"
	[ "${UE_COVERAGE:-}" != 1 ] || rm -f "$UE_TMP/unnamed.cocci"
	sh "$UE_COCCI" --jobs "${UECHECK_COCCI_JOBS:-1}" "$@" >"$UE_TMP/cocci.out" 2>"$UE_TMP/cocci.err"
	urc=$?
	# run.sh: 0 whatever it found, 2 usage or a broken rule set, 3 spatch
	# missing or failed, 4 a rule set the scripts cannot check (nothing
	# was: said below unless another engine checked the file).
	if [ "$urc" -eq 4 ]; then
		F=$ue_cocci_file awk 'sub(/^.*: not checked by the cocci engine: /, "") {
			print "uecheck: " ENVIRON["F"] ": not checked by the cocci engine: " $0 }' \
			"$UE_TMP/cocci.err" >>"$UE_TMP/notchecked.cocci"
		: >"$UE_TMP/cocci.none"		# no part of the file was checked
		return 0
	fi
	if [ "$urc" -ne 0 ]; then
		# Its word, or why there is none (run.sh says why it fails).
		[ -s "$UE_TMP/cocci.err" ] ||
			echo "uecheck: cocci/run.sh failed (exit $urc) and its message could not be kept: is ${TMPDIR:-/tmp} full?" >&2
		cat "$UE_TMP/cocci.err" >&2
		return 3
	fi
	# What spatch could not parse, for the caller to say unless another
	# engine checked the file.  A file it cannot read as C (stray bytes)
	# is one the compiler fails on too: as unchecked as a failure; so is
	# one every script gave up on.
	grep -a -q -e '^uecheck-cocci: .*: not checked: spatch cannot read it as C' \
		-e '^uecheck-cocci: .*: not checked: no script could check it$' "$UE_TMP/cocci.err" &&
		: >"$UE_TMP/cocci.none"
	grep -a -q "^uecheck-cocci: .*: rule set '.*' names no struct of it\$" "$UE_TMP/cocci.err" &&
		ue_cocci_unnamed "$ue_cocci_file"
	# Rule set lines the file contradicts, beside the plugin's.
	grep -a "^uecheck-cocci: [^ ]*: rule set '" "$UE_TMP/cocci.err" |
		grep -a -v "' names no struct of it\$" |
		sed 's/^uecheck-cocci: /uecheck: /' >"$UE_TMP/ruleset.cocci"
	grep -a '^uecheck-cocci: .* not checked: ' "$UE_TMP/cocci.err" |
		sed 's/^uecheck-cocci: /uecheck: /; s/ not checked: / not checked by the cocci engine: /' \
		>>"$UE_TMP/notchecked.cocci"
	cat "$UE_TMP/cocci.out"
	grep -a -v -e '^uecheck-cocci: .* not checked: ' -e "^uecheck-cocci: [^ ]*: rule set '" \
		-e "^uecheck-cocci: .*: rule set '.*' names no struct of it\$" \
		"$UE_TMP/cocci.err"
	return 0
}

# ue_cocci_unnamed FILE: the scripts read no header, so FILE's headers
# may name the struct FILE does not.  The preprocessor, with the run's
# flags, says: named there, no UE_TMP/unnamed.cocci; named nowhere, the
# file holds "headers" (the run may call the rule set wrong); the
# preprocessor failed (headers missing), it is empty (nobody knows).
ue_cocci_unnamed() {
	: >"$UE_TMP/unnamed.cocci"
	awk -v builtin="${UE_COCCI%/*}/../rulesets" -f "${UE_COCCI%/*}/ruleset.awk" "$UE_RULESET" \
		2>/dev/null | sed -n -e 's/^guard_struct=\(..*\)/\1/p' -e 's/^ref_struct=\(..*\)/\1/p' >"$UE_TMP/structs" || return 0
	[ -s "$UE_TMP/structs" ] || return 0
	eval "\"\${UECHECK_CC:-gcc}\" $UE_GCC_ARGS -E -P \"\$1\"" >"$UE_TMP/cpp.i" 2>/dev/null ||
		return 0
	if grep -a -q -w -F -f "$UE_TMP/structs" "$UE_TMP/cpp.i"; then
		rm -f "$UE_TMP/unnamed.cocci"
	else
		echo headers >"$UE_TMP/unnamed.cocci"
	fi
	rm -f "$UE_TMP/cpp.i"
}

ue_run_sparse() {
	"${UECHECK_SPARSE:-sparse}" "$@"
}
