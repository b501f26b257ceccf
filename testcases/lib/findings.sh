# SPDX-License-Identifier: GPL-2.0
#
# findings.sh - turn an engine's output into comparable findings and
# compare them with a testcase's expectations.
#
#   ue_gcc_findings FILE <OUTPUT     "LINE RULE" per uecheck diagnostic of
#                                    GCC (warning: or error:, the regular
#                                    expression of docs/interfaces.md;
#                                    testcases/lib/gcc-verdict.awk reads
#                                    the corpus's compiles the same way)
#   ue_cocci_findings FILE <OUTPUT   the same for Coccinelle report lines
#                                    "F:L:C-C: msg [uecheck:RULE]" and for
#                                    scripts/uecheck's GCC-style lines
#   ue_compare WANT GOT              prints "missing: LINE RULE" and
#                                    "unexpected: LINE RULE" lines, treating
#                                    both as multisets; status 1 on any
#
# A finding in another file than FILE keeps its file name ("F:LINE RULE"),
# so it can never match an expectation and always counts as unexpected.

ue_gcc_findings() {
	awk -v file="$1" '
	/^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$/ {
		split($0, f, ":")
		rule = $0
		sub(/^.*\[uecheck:/, "", rule)
		sub(/\]$/, "", rule)
		print (f[1] == file ? "" : f[1] ":") f[2], rule
	}' | sort -k1,1n -k2
}

ue_cocci_findings() {
	awk -v file="$1" '
	/^[^:]+:[0-9]+:[0-9]+(-[0-9]+)?: .*\[uecheck:[a-z-]+\][ \t]*$/ {
		split($0, f, ":")
		rule = $0
		sub(/^.*\[uecheck:/, "", rule)
		sub(/\][ \t]*$/, "", rule)
		print (f[1] == file ? "" : f[1] ":") f[2], rule
	}' | sort -u | sort -k1,1n -k2
}

ue_compare() {
	# comm wants plain lexical order; it pairs duplicates one by one.
	LC_ALL=C sort "$1" >"$1.lex"
	LC_ALL=C sort "$2" >"$2.lex"
	LC_ALL=C comm -23 "$1.lex" "$2.lex" | sed 's/^/missing: /'
	LC_ALL=C comm -13 "$1.lex" "$2.lex" | sed 's/^/unexpected: /'
	LC_ALL=C cmp -s "$1.lex" "$2.lex"
	ue_rc=$?
	rm -f "$1.lex" "$2.lex"
	return "$ue_rc"
}
