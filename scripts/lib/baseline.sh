# SPDX-License-Identifier: GPL-2.0
#
# uecheck: baseline of accepted findings.
#
# A baseline lets a team adopt uecheck on a tree that already has findings:
# what it lists is not reported again, anything new is.  One line per
# finding, tab-separated, '#' starts a comment:
#
#   FILE  RULE  FUNCTION  SOURCE-LINE  N
#
# FUNCTION is the name the message quotes after " in " ('-' if none);
# SOURCE-LINE is the text of the finding's line with runs of blanks squeezed
# to one space and the ends trimmed; N counts findings of that rule on
# identical lines of that function (1 for the first in file order).  No line
# numbers: a finding stays accepted when unrelated lines are added or removed
# above it, and becomes new when its own line changes.  FILE matches when
# the two paths are equal or one ends with "/" and the other, so a baseline
# written in-tree also serves an O= build or an absolute path.
#
# Interface (sourced):
#   ue_baseline_keys                records on stdin -> baseline lines
#   ue_baseline_drop BASELINE       records on stdin -> records not listed

# The awk shared by both: squeezed source text and the running count N.
# shellcheck disable=SC2016 # awk program, not shell
UE_BASELINE_AWK='
	function srctext(f, l,    s, i) {
		if (!(f in loaded)) {
			loaded[f] = 1
			i = 0
			while ((getline s < f) > 0)
				src[f, ++i] = s
			close(f)
		}
		s = ((f, l) in src) ? src[f, l] : ""
		gsub(/[ \t\r]+/, " ", s)
		sub(/^ /, "", s)
		sub(/ $/, "", s)
		return s
	}
	function normpath(f) {
		while (substr(f, 1, 2) == "./")
			f = substr(f, 3)
		return f
	}
	function base(f) {
		sub(/.*\//, "", f)
		return f
	}
	# Sets kfile, krule, kfunc, ktext, kn for the finding in $0.
	function key(    k) {
		kfile = normpath($2)
		krule = $5
		kfunc = "-"
		if (match($7, / in \047[A-Za-z_][A-Za-z_0-9]*\047/))
			kfunc = substr($7, RSTART + 5, RLENGTH - 6)
		ktext = srctext($2, $3)
		k = kfile SUBSEP krule SUBSEP kfunc SUBSEP ktext
		kn = ++count[k]
	}
'

ue_baseline_keys() {
	awk "$UE_BASELINE_AWK"'
	BEGIN { FS = OFS = "\t" }
	$1 == "W" { key(); print kfile, krule, kfunc, ktext, kn }'
}

ue_baseline_drop() {
	awk -v blfile="$1" "$UE_BASELINE_AWK"'
	BEGIN { FS = OFS = "\t" }
	FILENAME == blfile {
		if ($0 ~ /^#/ || NF < 5)
			next
		p = normpath($1)
		k = base(p) SUBSEP $2 SUBSEP $3 SUBSEP $4 SUBSEP ($5 + 0)
		paths[k] = paths[k] "\n" p
		next
	}
	function listed(    k, m, i, p, f) {
		k = base(kfile) SUBSEP krule SUBSEP kfunc SUBSEP ktext SUBSEP kn
		if (!(k in paths))
			return 0
		m = split(substr(paths[k], 2), p, "\n")
		f = kfile
		for (i = 1; i <= m; i++)
			if (p[i] == f ||
			    substr(f, length(f) - length(p[i])) == "/" p[i] ||
			    substr(p[i], length(p[i]) - length(f)) == "/" f)
				return 1
		return 0
	}
	$1 == "W" { key(); drop = listed(); if (!drop) print; next }
	$1 == "N" && !drop { print }' "$1" -
}
