# SPDX-License-Identifier: GPL-2.0
#
# uecheck: run one engine on one file and turn its diagnostics into records.
#
# A record is one line of tab-separated fields:
#   W  FILE  LINE  COL  RULE  ENGINE  MESSAGE     a finding
#   N  FILE  LINE  COL  -     ENGINE  MESSAGE     a note of the finding above
# Files whose names hold a tab, a newline or a ':' are not supported (the
# diagnostic format itself cannot carry them).
#
# Interface (sourced; POSIX sh; expects UE_TMP, a private directory):
#   ue_run_gcc FILE GCC-ARG...     records on stdout; 0, or 3 (tool failure,
#                                  compiler output on stderr)
#   ue_run_cocci FILE              same for cocci/run.sh; its "not checked"
#                                  lines go to stderr and UE_TMP/notchecked
#   ue_run_sparse ARG...           the real sparse, output passed through;
#                                  returns sparse's exit status
#   ue_parse ENGINE                diagnostics on stdin -> records on stdout
# Settings read: UE_PLUGIN, UE_COCCI, UE_STRICT, UE_RULES, UECHECK_CC,
# UECHECK_SPARSE.

ue_parse() {
	awk -v engine="$1" '
	BEGIN { OFS = "\t"; cur = 0 }
	{
		if (!match($0, /^[^:]+:[0-9]+:[0-9]+: /)) {
			# GCC context lines ("f.c: In function ...") keep the
			# current finding; anything else ends it.
			if ($0 !~ /: In (function|member function|constructor|destructor) /)
				cur = 0
			next
		}
		head = substr($0, 1, RLENGTH - 2)
		rest = substr($0, RLENGTH + 1)
		n = split(head, p, ":")
		file = p[1]
		for (i = 2; i <= n - 2; i++)
			file = file ":" p[i]
		line = p[n - 1]; col = p[n]
		if (rest ~ /^(warning|error): .* \[uecheck:[a-z-]+\]$/) {
			sub(/^(warning|error): /, "", rest)
			rule = rest
			sub(/^.* \[uecheck:/, "", rule)
			sub(/\]$/, "", rule)
			sub(/ \[uecheck:[a-z-]+\]$/, "", rest)
			print "W", file, line, col, rule, engine, rest
			cur = 1
		} else if (cur && rest ~ /^note: /) {
			sub(/^note: /, "", rest)
			print "N", file, line, col, "-", engine, rest
		} else {
			cur = 0
		}
	}'
}

ue_run_gcc() {
	uf=$1
	shift
	set -- "$@" "-fplugin=$UE_PLUGIN" -fplugin-arg-uecheck-analyze-only
	[ "$UE_STRICT" = 1 ] && set -- "$@" -fplugin-arg-uecheck-strict
	[ -n "$UE_RULES" ] && set -- "$@" "-fplugin-arg-uecheck-rules=$UE_RULES"
	"${UECHECK_CC:-gcc}" "$@" -fno-diagnostics-show-caret \
		-fdiagnostics-color=never -S -o /dev/null "$uf" \
		>"$UE_TMP/gcc.out" 2>"$UE_TMP/gcc.err"
	urc=$?
	if [ "$urc" -ne 0 ]; then
		# Everything but our own findings: the compiler's reason.
		grep -v -E '\[uecheck:[a-z-]+\]$' "$UE_TMP/gcc.err" |
			grep -v -E ': In function ' >&2
		return 3
	fi
	ue_parse gcc <"$UE_TMP/gcc.err"
}

ue_run_cocci() {
	set -- "$1"
	[ "$UE_STRICT" = 1 ] && set -- -D strict "$@"
	sh "$UE_COCCI" --jobs "${UECHECK_COCCI_JOBS:-1}" "$@" >"$UE_TMP/cocci.out" 2>"$UE_TMP/cocci.err"
	urc=$?
	# run.sh: 0 whatever it found, 2 usage, 3 spatch missing or failed.
	if [ "$urc" -ne 0 ]; then
		cat "$UE_TMP/cocci.err" >&2
		return 3
	fi
	# What spatch could not parse is said, and kept for --werror.
	grep '^uecheck-cocci: .* not checked: ' "$UE_TMP/cocci.err" |
		sed 's/^uecheck-cocci: /uecheck: /; s/ not checked: / not checked by the cocci engine: /' |
		tee -a "$UE_TMP/notchecked" >&2
	cat "$UE_TMP/cocci.out" "$UE_TMP/cocci.err" | ue_parse cocci
}

ue_run_sparse() {
	"${UECHECK_SPARSE:-sparse}" "$@"
}
