#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0
#
# fuzz-expect.awk: compare a gen-uemm program's expectations with findings.
#
# usage: awk -f fuzz-expect.awk PROGRAM.c FOUND
#   PROGRAM.c  lines marked "/* expect: RULE */" (that rule on that line) or
#              "/* expect-in-file: RULE */" (that rule somewhere)
#   FOUND      one "LINE RULE" per finding
# Exit 0 when every expectation is met; else exit 1 and print the first
# reason on one line.  Other findings are not judged here: the clean
# programs (no injected bug) are what measures false positives.

FNR == NR {
	if (match($0, /\/\* expect: [a-z-]+ \*\//)) {
		rule = substr($0, RSTART + 11, RLENGTH - 14)
		want[FNR " " rule] = 1
	} else if (match($0, /\/\* expect-in-file: [a-z-]+ \*\//)) {
		rule = substr($0, RSTART + 19, RLENGTH - 22)
		anywhere[rule] = 1
	}
	next
}

{
	key = $1 " " $2
	if (key in want)
		got[key] = 1
	if ($2 in anywhere)
		got_anywhere[$2] = 1
}

END {
	for (key in want)
		if (!(key in got) && why == "") {
			split(key, part, " ")
			why = "missing " part[2] " at line " part[1]
		}
	for (rule in anywhere)
		if (!(rule in got_anywhere) && why == "")
			why = "missing " rule " anywhere in the file"
	if (why != "") {
		print why
		exit 1
	}
}
