# SPDX-License-Identifier: GPL-2.0
#
# uecheck: read a unified diff (git format-patch, git diff or diff -u).
#
# Interface (sourced): ue_patch_parse STRIP PATCH OUT
#   STRIP  leading path components to remove (git's -p; 1 for a/ b/)
#   writes OUT/files   one "OLD<TAB>NEW" line per file the patch touches;
#                      OLD is "-" for a new file, NEW "-" for a deletion;
#                      renames and copies without hunks are included
#          OUT/map     "NEW<TAB>LINE<TAB>PATCHLINE<TAB>TEXT" for every
#                      added or context line: where line LINE of the new
#                      file stands in the patch, and that patch line
#          OUT/lines   the number of hunk lines (checkpatch's "lines
#                      checked")
#          OUT/badname the first path with a tab or a newline, those
#                      shown as \t and \n (the lists above are tab- and
#                      line-separated: such a file cannot be listed)
# Paths in git's C quoting ("a/x \"y\".c", octal escapes) are unquoted;
# a trailing tab and timestamp (diff -u) are dropped.

ue_patch_parse() {
	LC_ALL=C awk -v strip="$1" -v out="$3" '
	BEGIN {
		OFS = "\t"
		for (i = 1; i < 256; i++)
			chr[sprintf("%03o", i)] = sprintf("%c", i)
		lines = 0; old = ""; new = ""; inhunk = 0
	}
	function unquote(s,    r, c, i) {
		if (substr(s, 1, 1) != "\"")
			return s
		s = substr(s, 2, length(s) - 2)
		r = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c != "\\") { r = r c; continue }
			c = substr(s, ++i, 1)
			if (c ~ /[0-7]/) { r = r chr[substr(s, i, 3)]; i += 2 }
			else if (c == "t") r = r "\t"
			else if (c == "n") r = r "\n"
			else r = r c
		}
		return r
	}
	function path(s,    k) {
		sub(/\t.*/, "", s)
		s = unquote(s)
		if (s == "/dev/null")
			return "-"
		for (k = 0; k < strip; k++)
			if (!sub(/^[^\/]*\//, "", s))
				break
		return s
	}
	function shown(s) {
		gsub(/\t/, "\\\\t", s); gsub(/\n/, "\\\\n", s)
		return s
	}
	function flush() {
		if ((old ~ /[\t\n]/ || new ~ /[\t\n]/) && !bad++)
			print shown(old ~ /[\t\n]/ ? old : new) > (out "/badname")
		if (old != "" || new != "")
			print (old == "" ? new : old), (new == "" ? old : new) > (out "/files")
		old = ""; new = ""
	}
	/^diff --git / { flush(); inhunk = 0; next }
	!inhunk && /^(rename|copy) from / { s = $0; sub(/^[a-z]+ from /, "", s); old = unquote(s); next }
	!inhunk && /^(rename|copy) to / { s = $0; sub(/^[a-z]+ to /, "", s); new = unquote(s); next }
	/^--- / && (!inhunk || (oleft <= 0 && nleft <= 0)) {
		if (inhunk) flush()
		inhunk = 0
		s = substr($0, 5); old = path(s); next
	}
	/^\+\+\+ / && !inhunk { s = substr($0, 5); new = path(s); next }
	/^@@ / {
		inhunk = 1
		h = $0
		sub(/^@@ -/, "", h)
		split(h, part, " ")
		split(part[1], o, ","); split(substr(part[2], 2), n, ",")
		oleft = (2 in o) ? o[2] : 1
		nleft = (2 in n) ? n[2] : 1
		nline = n[1]
		next
	}
	inhunk && (oleft > 0 || nleft > 0) {
		c = substr($0, 1, 1)
		if (c == "+" || c == " " || $0 == "") {
			print new, nline, NR, $0 > (out "/map")
			nline++; nleft--
			if (c != "+") oleft--
			lines++
		} else if (c == "-") {
			oleft--; lines++
		}
		next
	}
	END { flush(); print lines > (out "/lines") }' "$2"
	[ -f "$3/files" ] || : >"$3/files"
	[ -f "$3/map" ] || : >"$3/map"
}
