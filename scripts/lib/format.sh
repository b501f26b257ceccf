# SPDX-License-Identifier: GPL-2.0
#
# uecheck: print findings as text, JSON or SARIF 2.1.0.
#
# Records (see engines.sh) on stdin, one document on stdout.
#
#   text   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE] and its
#          FILE:LINE:COL: note: MESSAGE lines, as GCC prints them
#          ("error:" with --werror)
#   json   {"tool": "uecheck", "version": V, "findings": [{"file", "line",
#          "column", "severity", "rule", "message", "engines": [...],
#          "notes": [{"file", "line", "column", "message"}]}]}
#   sarif  one run of SARIF 2.1.0: every rule in tool.driver.rules, one
#          result per finding with ruleId/ruleIndex, level, message, one
#          physical location (uri relative as given, or file:// when
#          absolute, percent-encoded) and the notes as relatedLocations
#
# Interface (sourced): ue_format FORMAT SEVERITY VERSION

UE_FORMAT_AWK='
	function jstr(s) {
		gsub(/\\/, "\\\\", s)
		gsub(/"/, "\\\"", s)
		gsub(/\t/, "\\t", s)
		gsub(/\r/, "\\r", s)
		gsub(/[\001-\037]/, " ", s)
		return "\"" s "\""
	}
	function uri(f,    out, i, c) {
		if (!hexready) {
			for (i = 1; i < 256; i++)
				ord[sprintf("%c", i)] = i
			hexready = 1
		}
		out = ""
		for (i = 1; i <= length(f); i++) {
			c = substr(f, i, 1)
			if (c ~ /[A-Za-z0-9._~\/-]/)
				out = out c
			else
				out = out sprintf("%%%02X", ord[c])
		}
		return (substr(f, 1, 1) == "/") ? "file://" out : out
	}
'

ue_format() {
	case $1 in
	text)
		awk -v sev="$2" 'BEGIN { FS = "\t" }
		$1 == "W" { printf "%s:%s:%s: %s: %s [uecheck:%s]\n", $2, $3, $4, sev, $7, $5 }
		$1 == "N" { printf "%s:%s:%s: note: %s\n", $2, $3, $4, $7 }' ;;
	json)
		LC_ALL=C awk -v sev="$2" -v ver="$3" "$UE_FORMAT_AWK"'
		BEGIN { FS = "\t"; n = 0
			printf "{\n  \"tool\": \"uecheck\",\n  \"version\": %s,\n  \"findings\": [", jstr(ver) }
		function close_finding() {
			if (n)
				printf "]}"
		}
		$1 == "W" {
			close_finding()
			printf "%s\n    {\"file\": %s, \"line\": %d, \"column\": %d, \"severity\": %s, \"rule\": %s, \"message\": %s, \"engines\": [",
				(n ? "," : ""), jstr($2), $3, $4, jstr(sev), jstr($5), jstr($7)
			k = split($6, e, ",")
			for (i = 1; i <= k; i++)
				printf "%s%s", (i > 1 ? ", " : ""), jstr(e[i])
			printf "], \"notes\": ["
			n++; nn = 0
		}
		$1 == "N" {
			printf "%s{\"file\": %s, \"line\": %d, \"column\": %d, \"message\": %s}",
				(nn++ ? ", " : ""), jstr($2), $3, $4, jstr($7)
		}
		END { close_finding(); printf "%s]\n}\n", (n ? "\n  " : "") }' ;;
	sarif)
		LC_ALL=C awk -v sev="$2" -v ver="$3" "$UE_FORMAT_AWK"'
		BEGIN {
			FS = "\t"
			nr = split("unguarded-access lock-required missing-assertion ref-leak double-put use-after-put", id, " ")
			d["unguarded-access"] = "user_event_mm->next accessed where event_mutex may not be held"
			d["lock-required"] = "call to a function that needs event_mutex, made where it may not be held"
			d["missing-assertion"] = "function relies on callers for event_mutex but does not assert it"
			d["ref-leak"] = "a user_event_mm reference is not put on some path"
			d["double-put"] = "user_event_mm_put() of a node already put on some path"
			d["use-after-put"] = "dereference of a user_event_mm node after its put"
			printf "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
			printf "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
			printf "    \"tool\": {\"driver\": {\"name\": \"uecheck\", \"version\": %s, \"rules\": [", jstr(ver)
			for (i = 1; i <= nr; i++) {
				idx[id[i]] = i - 1
				printf "%s\n      {\"id\": %s, \"shortDescription\": {\"text\": %s}, \"defaultConfiguration\": {\"level\": %s}}",
					(i > 1 ? "," : ""), jstr(id[i]), jstr(d[id[i]]), jstr(sev)
			}
			printf "\n    ]}},\n    \"results\": ["
			n = 0
		}
		function loc(f, l, c) {
			return sprintf("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": %s}, \"region\": {\"startLine\": %d, \"startColumn\": %d}}", jstr(uri(f)), l, c)
		}
		function close_result() {
			if (n)
				printf "]}"
		}
		$1 == "W" {
			close_result()
			printf "%s\n      {\"ruleId\": %s, %s\"level\": %s, \"message\": {\"text\": %s}, \"locations\": [%s}], \"relatedLocations\": [",
				(n ? "," : ""), jstr($5), (($5 in idx) ? "\"ruleIndex\": " idx[$5] ", " : ""),
				jstr(sev), jstr($7), loc($2, $3, $4)
			n++; nn = 0
		}
		$1 == "N" {
			printf "%s%s, \"id\": %d, \"message\": {\"text\": %s}}",
				(nn ? ", " : ""), loc($2, $3, $4), nn, jstr($7)
			nn++
		}
		END { close_result(); printf "%s]\n  }]\n}\n", (n ? "\n    " : "") }' ;;
	esac
}
