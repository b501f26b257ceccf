#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# structured-diag.py - read GCC's structured diagnostics (the output of
# -fdiagnostics-format=json or =sarif-stderr) and print, per uecheck
# finding, "LINE RULE NOTES": its line, its rule id and how many notes GCC
# attached to it (diagnostic group children in JSON, relatedLocations in
# SARIF).  A uecheck note that is not attached to a finding prints as
# "unattached LINE"; input that does not parse prints "bad: REASON" and
# exits 1.  For the toolchain matrix: the gcc engine read as data.
#
#   structured-diag.py json|sarif <gcc-stderr

import json
import re
import sys

RULE = re.compile(r"\[uecheck:([a-z-]+)\]$")


def from_json(doc):
    for d in doc:
        m = RULE.search(d.get("message", ""))
        line = d["locations"][0]["caret"]["line"] if d.get("locations") else 0
        if d.get("kind") in ("warning", "error") and m:
            notes = [c for c in d.get("children", []) if c.get("kind") == "note"]
            yield "%d %s %d" % (line, m.group(1), len(notes))
        elif d.get("kind") == "note":
            yield "unattached %d" % line


def from_sarif(doc):
    for run in doc.get("runs", []):
        for r in run.get("results", []):
            m = RULE.search(r.get("message", {}).get("text", ""))
            if not m:
                continue
            region = r["locations"][0]["physicalLocation"]["region"]
            yield "%d %s %d" % (region["startLine"], m.group(1),
                                len(r.get("relatedLocations", [])))


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("json", "sarif"):
        print("usage: structured-diag.py json|sarif <gcc-stderr", file=sys.stderr)
        return 2
    try:
        doc = json.load(sys.stdin)
        lines = list((from_json if sys.argv[1] == "json" else from_sarif)(doc))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        print("bad: %s" % (e or "no JSON document"))
        return 1
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
