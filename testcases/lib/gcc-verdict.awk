# SPDX-License-Identifier: GPL-2.0
#
# gcc-verdict.awk: one unit-corpus file's compiles under the gcc engine,
# judged in one process (suite-unit.sh's run_gcc; a process start costs
# more here than the compile of a small test file).
#
# awk -v file=SRC -v werror=0|1 -v rcs="RC..." -v names="FLAGS|..." \
#     -f gcc-verdict.awk WANT LOG...
#
# WANT holds the expected "LINE RULE" pairs (ue_expectations); LOG N is
# the output of the compile with the flags NAMES[N], which exited with
# RCS[N].  For each compile whose findings (as ue_gcc_findings reads them)
# are not WANT as a multiset, or that crashed, failed or warned on its
# own, prints
#     FLAGS: WHY
#     missing: LINE RULE          (lexical order, as comm prints them)
#     unexpected: LINE RULE
#     up to 8 lines of the other warnings, or of the log when WHY is set
# and exits 1; exits 0 when every compile is as expected.  A failed
# compile is as expected only under werror, with findings and no error
# that is not uecheck's.

function sorted(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}

function verdict(    why, k, n, miss, extra, i, c, left) {
	split("", miss)
	split("", extra)
	split("", left)
	why = ""
	if (crashed)
		why = "compiler crashed"
	else if (rc[log_no] != 0 && !(werror == 1 && ngot > 0 && !foreign_error))
		why = "compiler exited with status " rc[log_no]
	else if (nother > 0)
		why = "warnings that are not uecheck's"
	n = 0
	for (k in want_count)
		left[k] = want_count[k]
	for (i = 1; i <= ngot; i++) {
		if (got[i] in left && left[got[i]] > 0)
			left[got[i]]--
		else
			extra[++n] = got[i]
	}
	c = 0
	for (k in left)
		for (i = 0; i < left[k]; i++)
			miss[++c] = k
	if (why == "" && c == 0 && n == 0)
		return
	bad = 1
	print flag[log_no] ": " (why == "" ? "findings differ from the expectations" : why)
	sorted(miss, c)
	for (i = 1; i <= c; i++)
		print "missing: " miss[i]
	sorted(extra, n)
	for (i = 1; i <= n; i++)
		print "unexpected: " extra[i]
	if (why ~ /^warnings/)
		for (i = 1; i <= nother; i++)
			print other[i]
	else if (why != "")
		for (i = 1; i <= nlog && i <= 8; i++)
			print logl[i]
}

# One line of a compile's output.  Findings are read as findings.sh's
# ue_gcc_findings reads them (keep the two expressions the same; the
# selftest/*.c cases, which must fail, go through here).
function take(line,    f, rule) {
	if (line !~ /^ / && nlog < 8)
		logl[++nlog] = line
	if (line ~ /internal compiler error|Segmentation fault/)
		crashed = 1
	if (line ~ /: error: / && line !~ /\[uecheck:/)
		foreign_error = 1
	if (line ~ /^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[uecheck:[a-z-]+\]$/) {
		split(line, f, ":")
		rule = line
		sub(/^.*\[uecheck:/, "", rule)
		sub(/\]$/, "", rule)
		got[++ngot] = (f[1] == file ? "" : f[1] ":") f[2] " " rule
	} else if (line ~ /^[^:]+:[0-9]+:[0-9]+: warning: / &&
		   line !~ /\[uecheck:[a-z-]*\]$/ && nother < 8) {
		other[++nother] = line
	}
}

# Every file is read here, with getline: awk's main loop skips an empty
# file, and a compile that printed nothing is the common case.
BEGIN {
	split(rcs, rc, " ")
	split(names, flag, "|")
	while ((getline line < ARGV[1]) > 0) {
		split(line, w, " ")
		if (w[2] != "")
			want_count[w[1] " " w[2]]++
	}
	close(ARGV[1])
	for (log_no = 1; log_no < ARGC - 1; log_no++) {
		ngot = nother = nlog = crashed = foreign_error = 0
		name = ARGV[log_no + 1]
		while ((getline line < name) > 0)
			take(line)
		close(name)
		verdict()
	}
	exit bad
}
