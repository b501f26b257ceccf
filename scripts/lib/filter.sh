# SPDX-License-Identifier: GPL-2.0
#
# uecheck: one finding per problem, only the rules asked for, none that the
# source suppresses.
#
# Records (see engines.sh) from every engine go in, in engine order; out
# come the findings sorted by file, line and column, each once:
#   - two findings with the same FILE, LINE and RULE are one problem; the
#     first engine's message and notes are kept and the ENGINE field lists
#     every engine that saw it ("gcc,cocci");
#   - with a rule list (RULES="a,b"), findings of other rules are dropped;
#   - a finding is suppressed by a comment naming its rule, either on the
#     finding's line or alone on the line just above it:
#         mm->next = NULL;	/* uecheck: ignore unguarded-access */
#         /* uecheck: ignore ref-leak, double-put -- put by the caller */
#     The rule list is required ("ignore" alone silences nothing), so a
#     suppression never hides a finding of a rule nobody looked at.
#
# Interface (sourced): ue_filter RULES   records on stdin -> stdout

ue_filter() {
	awk -v rules="$1" '
	BEGIN {
		FS = OFS = "\t"
		nr = split(rules, rl, ",")
		for (i = 1; i <= nr; i++)
			want[rl[i]] = 1
	}
	function srcline(f, l,    s, i) {
		if (!(f in loaded)) {
			loaded[f] = 1
			i = 0
			while ((getline s < f) > 0)
				src[f, ++i] = s
			close(f)
		}
		return ((f, l) in src) ? src[f, l] : ""
	}
	# Does text t hold "uecheck: ignore" with rule r in its list?
	# The list is read id by id: mawk, the default awk of Debian, fails to match
	# "id([ \t]*,[ \t]*id)*" when the repeated group matches nothing.
	function names(t, r,    rest) {
		if (!match(t, /uecheck:[ \t]*ignore[ \t]+/))
			return 0
		rest = substr(t, RSTART + RLENGTH)
		while (match(rest, /^[a-z-]+/)) {
			if (substr(rest, 1, RLENGTH) == r)
				return 1
			rest = substr(rest, RLENGTH + 1)
			if (!match(rest, /^[ \t]*,[ \t]*/))
				break
			rest = substr(rest, RLENGTH + 1)
		}
		return 0
	}
	function suppressed(f, l, r,    above) {
		if (names(srcline(f, l), r))
			return 1
		above = srcline(f, l - 1)
		if (above ~ /^[ \t]*(\/\*|\/\/|\*)/ && names(above, r))
			return 1
		return 0
	}
	$1 == "W" {
		keep = 0
		if (nr && !($5 in want))
			next
		key = $2 SUBSEP $3 SUBSEP $5
		if (key in seen) {
			i = seen[key]
			if (index("," eng[i] ",", "," $6 ",") == 0)
				eng[i] = eng[i] "," $6
			next
		}
		if (suppressed($2, $3, $5))
			next
		n++
		seen[key] = n
		file[n] = $2; line[n] = $3 + 0; col[n] = $4 + 0
		rule[n] = $5; eng[n] = $6; msg[n] = $7
		notes[n] = ""
		keep = 1
		next
	}
	$1 == "N" && keep { notes[n] = notes[n] $0 "\n" }
	function before(a, b) {
		if (file[a] != file[b]) return file[a] < file[b]
		if (line[a] != line[b]) return line[a] < line[b]
		if (col[a] != col[b]) return col[a] < col[b]
		return a < b
	}
	END {
		for (i = 1; i <= n; i++)
			ord[i] = i
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && before(ord[j], ord[j - 1]); j--) {
				t = ord[j]; ord[j] = ord[j - 1]; ord[j - 1] = t
			}
		for (k = 1; k <= n; k++) {
			i = ord[k]
			print "W", file[i], line[i], col[i], rule[i], eng[i], msg[i]
			printf "%s", notes[i]
		}
	}'
}
