#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# rule-table.sh - the documents' tables of rules, made from the one rule
# table (plugin/rules.def), so that no document keeps a copy of its own.
#
#   scripts/rule-table.sh md|man          print the table (Markdown, roff)
#   scripts/rule-table.sh --update FILE...  rewrite the table in each FILE
#   scripts/rule-table.sh --check FILE...   exit 1 if a FILE's table is not
#                                           what the rule table makes
#
# A document holds its table between two marker lines: in Markdown
# "<!-- rule table (scripts/rule-table.sh) -->" and "<!-- end of rule table -->",
# in roff '.\" rule table (scripts/rule-table.sh)' and '.\" end of rule table'.
# The format follows the file's name (*.md, otherwise roff).
#
# Exit status: 0 done (or current); 1 --check found a stale table, one
# line per FILE on stderr; 2 bad usage, a FILE without markers or an
# unreadable rule table.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
table=$top/plugin/rules.def

die() {
	echo "rule-table: $*" >&2
	exit 2
}

# render md|man: the table, from rules.def.
render() {
	awk -v fmt="$1" '
	# code(s): `x` marked as code, in the output format.
	function code(s,    out, i, n, parts) {
		n = split(s, parts, "`")
		out = ""
		for (i = 1; i <= n; i++) {
			p = parts[i]
			if (fmt == "man") {
				gsub(/\\/, "\\e", p)
				gsub(/-/, "\\-", p)
				if (i % 2 == 0)
					p = "\\fB" p "\\fR"
			} else if (i % 2 == 0) {
				p = "`" p "`"
			}
			out = out p
		}
		return out
	}
	/^UE_RULE\(/ {
		line = $0
		sub(/^UE_RULE\([A-Z_]+, */, "", line)
		id = line; sub(/",.*/, "", id); sub(/^"/, "", id)
		sub(/^"[a-z-]+", */, "", line)
		family = line; sub(/,.*/, "", family)
		sub(/^[a-z]+, */, "", line)
		mode = line; sub(/,.*/, "", mode)
		sub(/^[a-z]+, *"/, "", line)
		sub(/"\)$/, "", line)
		text = (mode == "strict" ? "(strict mode only) " : "") line
		n++
		if (fmt == "man") {
			gsub(/-/, "\\-", id)
			printf ".TP\n.B %s\n(%s rule) %s.\n", id, family == "ref" ? "reference" : "lock", code(text)
		} else {
			if (n == 1)
				print "| rule id | rule | finding |\n|---|---|---|"
			printf "| `%s` | %s | %s |\n", id, family, code(text)
		}
	}
	END { if (!n) exit 1 }
	' "$table" || die "no rules in $table"
}

# markers FILE: the begin and end marker lines of FILE's format.
markers() {
	case $1 in
	*.md) begin='<!-- rule table (scripts/rule-table.sh) -->' end='<!-- end of rule table -->' ;;
	*) begin='.\" rule table (scripts/rule-table.sh)' end='.\" end of rule table' ;;
	esac
}

# rewritten FILE: FILE with its table made anew, on stdout.
rewritten() {
	markers "$1"
	case $1 in *.md) fmt=md ;; *) fmt=man ;; esac
	grep -qxF "$begin" "$1" && grep -qxF "$end" "$1" ||
		die "$1: no rule table markers ('$begin' ... '$end')"
	render "$fmt" >"$tmp/table"
	# Through the environment: awk -v would take the backslash of '.\"'.
	UE_BEGIN=$begin UE_END=$end UE_TABLE=$tmp/table awk '
	$0 == ENVIRON["UE_BEGIN"] {
		print
		while ((getline l < ENVIRON["UE_TABLE"]) > 0)
			print l
		skip = 1
		next
	}
	$0 == ENVIRON["UE_END"] { skip = 0 }
	!skip { print }
	' "$1"
}

[ $# -ge 1 ] || die "usage: rule-table.sh md|man | --update FILE... | --check FILE..."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rule-table.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT

case $1 in
md | man) render "$1" ;;
--update | --check)
	mode=$1
	shift
	[ $# -ge 1 ] || die "$mode needs at least one FILE"
	stale=0
	for f in "$@"; do
		[ -r "$f" ] || die "$f: cannot read"
		rewritten "$f" >"$tmp/new"
		if cmp -s "$tmp/new" "$f"; then
			continue
		elif [ "$mode" = --update ]; then
			cat "$tmp/new" >"$f"
		else
			echo "rule-table: $f: its rule table is not the one plugin/rules.def makes (run scripts/rule-table.sh --update $f)" >&2
			stale=1
		fi
	done
	exit "$stale"
	;;
*) die "unknown mode '$1' (md, man, --update or --check)" ;;
esac
