# SPDX-License-Identifier: GPL-2.0
#
# expect.sh - read what a testcase says about itself (docs/interfaces.md,
# "Testcase format"), for the suites that run the shared corpus.
#
#   ue_expectations ENGINE FILE   one "LINE RULE" per expected finding of
#                                 ENGINE ("expect: A, B" and
#                                 "expect[ENGINE]: A"), sorted; an unknown
#                                 rule id or engine prints "bad: ..." lines
#   ue_directive NAME FILE        the value of the first "uecheck-NAME:"
#                                 directive (up to " --" or "*/"), or nothing
#
# The sourcing script sets top (the source tree).
#
# Expectations are only read right after a comment opener ("/* expect: A"
# or "// expect: A"), so prose that mentions the word is not one.

# The known ids: the rule table's (the sourcing suite has set top).
# shellcheck source=scripts/lib/rules.sh
. "$top/scripts/lib/rules.sh"
UE_RULE_IDS=$(ue_rule_ids "$top/plugin/rules.def") || exit 1
UE_ENGINES="gcc cocci"

ue_expectations() {
	awk -v engine="$1" -v rules="$UE_RULE_IDS" -v engines="$UE_ENGINES" '
	BEGIN {
		n = split(rules, r, " ")
		for (i = 1; i <= n; i++)
			known[r[i]] = 1
		n = split(engines, e, " ")
		for (i = 1; i <= n; i++)
			known_engine[e[i]] = 1
	}
	{
		rest = $0
		# The list is read id by id: mawk, the default awk of Debian, fails to match
		# "id([ \t]*,[ \t]*id)*" when the repeated group matches nothing.
		re = "(/\\*|//)[ \t]*expect(\\[[a-z]+\\])?:[ \t]*"
		while (match(rest, re)) {
			m = substr(rest, RSTART, RLENGTH)
			rest = substr(rest, RSTART + RLENGTH)
			sub(/^(\/\*|\/\/)[ \t]*expect/, "", m)
			scope = ""
			if (m ~ /^\[/) {
				scope = m
				sub(/^\[/, "", scope)
				sub(/\].*$/, "", scope)
				if (!(scope in known_engine))
					print NR, "bad:unknown-engine:" scope
			}
			while (match(rest, /^[a-z-]+/)) {
				id = substr(rest, 1, RLENGTH)
				rest = substr(rest, RLENGTH + 1)
				if (!(id in known))
					print NR, "bad:unknown-rule:" id
				else if (scope == "" || scope == engine)
					print NR, id
				if (!match(rest, /^[ \t]*,[ \t]*/))
					break
				rest = substr(rest, RLENGTH + 1)
			}
		}
	}' "$2" | sort -k1,1n -k2
}

ue_directive() {
	awk -v name="uecheck-$1:" '
	{
		i = index($0, name)
		if (!i)
			next
		v = substr($0, i + length(name))
		sub(/[ \t]+--.*$/, "", v)
		sub(/\*\/.*$/, "", v)
		gsub(/^[ \t]+|[ \t]+$/, "", v)
		print v
		exit
	}' "$2"
}
