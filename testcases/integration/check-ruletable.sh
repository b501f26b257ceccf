# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): one table of rules, plugin/rules.def,
# and everything that names the rules reads it - the plugin, the wrapper,
# the findings pipeline and its SARIF rules, the Coccinelle scripts'
# headers and the documents' tables (scripts/rule-table.sh).  The ids
# below are written by hand: a table that lost or renamed a rule fails here.

. "$top/scripts/lib/rules.sh"
want="unguarded-access lock-required lock-held missing-assertion ref-leak double-put use-after-put"
ids=$(ue_rule_ids "$top/plugin/rules.def")
check "ruletable: plugin/rules.def holds the seven rules, in order" [ "$ids" = "$want" ]

# The plugin: every id of the table accepted, the message of an unknown one
# lists exactly the table.
printf 'int x;\n' >"$tmp/rt.c"
bad=
for r in $ids; do
	gcc -c -o /dev/null -fplugin="$plugin" "-fplugin-arg-uecheck-rules=$r" "$tmp/rt.c" \
		2>"$tmp/rt.err" || bad="$bad $r"
done
check "ruletable: the plugin accepts every id of the table${bad:+ (not:$bad)}" [ -z "$bad" ]
gcc -c -o /dev/null -fplugin="$plugin" -fplugin-arg-uecheck-rules=no-such-rule "$tmp/rt.c" \
	2>"$tmp/rt.err"
check "ruletable: the plugin's unknown-rule error lists the table" \
	grep -qF "(known: $(ue_rule_ids "$top/plugin/rules.def" , | sed 's/,/, /g'))" "$tmp/rt.err"

# The wrapper: same.
sh "$uecheck" --engines=gcc --rules=no-such-rule "$tmp/rt.c" >"$tmp/rt.out" 2>&1
rc=$?
check "ruletable: uecheck --rules rejects an id not in the table, naming the table's (exit $rc)" \
	grep -qF "one of: $(ue_rule_ids "$top/plugin/rules.def" ,)" "$tmp/rt.out"

# The findings pipeline: its ids and its SARIF rules are the table's.
if PYTHONPATH=$top/scripts/lib "${UECHECK_PYTHON:-python3}" - "$top/plugin/rules.def" \
	>"$tmp/rt.py" 2>&1 <<'PY'
import re
import sys
import uecheck_findings as u

rows = re.findall(r'^UE_RULE\([A-Z_]+, "([a-z-]+)", ([a-z]+), [a-z]+, "(.*)"\)$',
                  open(sys.argv[1]).read(), re.M)
assert u.RULE_IDS == tuple(r[0] for r in rows), u.RULE_IDS
assert u.LOCK_RULES == tuple(r[0] for r in rows if r[1] == "lock"), u.LOCK_RULES
sarif = u.rule_table()
assert [e["id"] for e in sarif] == [r[0] for r in rows]
for e, r in zip(sarif, rows):
    assert e["shortDescription"]["text"] == r[2].replace("`", ""), e
    # the full description comes from docs/rules.md, not the fallback
    assert e["fullDescription"]["text"] != e["shortDescription"]["text"], e["id"]
PY
then
	pass "ruletable: the findings pipeline's ids and SARIF rules are the table's"
else
	fail "ruletable: the findings pipeline's ids and SARIF rules are the table's"
	diag "$tmp/rt.py"
fi

# The Coccinelle scripts: each reports a rule of the table, every rule has
# a script.
missing=
for r in $ids; do
	grep -lq "^// Comments: uecheck rule $r " "$top"/cocci/*.cocci || missing="$missing $r"
done
unknown=$(sed -n 's|^// Comments: uecheck rule \([a-z-]*\).*|\1|p' "$top"/cocci/*.cocci |
	while read -r r; do case " $ids " in *" $r "*) ;; *) echo "$r" ;; esac; done)
check "ruletable: every rule has a Coccinelle script, every script a rule of the table${missing:+ (no script:$missing)}${unknown:+ (unknown: $unknown)}" \
	[ -z "$missing$unknown" ]

# The documents' tables are made from it, and a stale one is noticed.
docs="$top/README.md $top/docs/interfaces.md $top/docs/uecheck.1"
# shellcheck disable=SC2086 # three paths without blanks
sh "$top/scripts/rule-table.sh" --check $docs >"$tmp/rt.out" 2>&1
rc=$?
check "ruletable: README.md, docs/interfaces.md and docs/uecheck.1 hold the table's rules (exit $rc)" \
	[ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || diag "$tmp/rt.out"
for d in README.md docs/uecheck.1; do
	b=$(basename "$d")
	# One rule's line edited by hand, as a copy would drift.
	sed 's/double-put/double-putt/; s/double\\-put/double\\-putt/' "$top/$d" >"$tmp/$b"
	sh "$top/scripts/rule-table.sh" --check "$tmp/$b" >"$tmp/rt.out" 2>&1
	rc=$?
	grep -q 'rule-table: .*not the one' "$tmp/rt.out"
	verdict $((rc != 1 || $?)) "ruletable: rule-table.sh --check notices an edited table in $d (exit $rc)"
done
grep -v 'rule table' "$top/docs/interfaces.md" >"$tmp/nomark.md"
sh "$top/scripts/rule-table.sh" --check "$tmp/nomark.md" >"$tmp/rt.out" 2>&1
rc=$?
n=$(wc -l <"$tmp/rt.out")
verdict $((rc != 2 || n != 1)) "ruletable: a document without markers is an error, not a pass (exit $rc, $n lines)"

# Every rule of the table is described in docs/rules.md (SARIF's source).
missing=
for r in $ids; do
	grep -q "^- \`$r\`" "$top/docs/rules.md" || missing="$missing $r"
done
check "ruletable: docs/rules.md describes every rule of the table${missing:+ (not:$missing)}" \
	[ -z "$missing" ]
