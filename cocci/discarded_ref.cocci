// SPDX-License-Identifier: GPL-2.0
/// user_event_mm_get_all(), user_event_mm_get() and current_user_event_mm()
/// take references ('user_event_mm_get_all' one on every node of the list
/// it returns).  Calling them without keeping the result leaks those
/// references: nothing can put them any more.
///
// Confidence: High
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule ref-leak (reference rule), the discarded-result
//  case; reported at the call.  No automatic fix: whether the call is
//  needed at all is for the author to decide.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
MSG = "result of '%s' discarded in '%s': the reference it took is never put"

# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "ref_get_all": "user_event_mm_get_all",
    "ref_get": "user_event_mm_get",
    "ref_current": "current_user_event_mm",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global REF_GET, GETTERS
    REF_GET = NAMES["ref_get"]
    GETTERS = names("ref_get_all") | names("ref_get") | names("ref_current")

use_names()

def callee_at(pos):
    try:
        with open(pos.file, errors="replace") as f:
            line = f.readlines()[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (OSError, IndexError, ValueError):
        return REF_GET

// -D KEY=VALUE: one rule per name (a rule inheriting an undefined
// virtual does not run).
@script:python@
v << virtual.ref_get_all;
@@
NAMES["ref_get_all"] = v

@script:python@
v << virtual.ref_get;
@@
NAMES["ref_get"] = v

@script:python@
v << virtual.ref_current;
@@
NAMES["ref_current"] = v

@script:python@
@@
use_names()

@r depends on context || org || report@
identifier getter : script:python() { getter in GETTERS };
position p;
@@
(
 getter@p(...);
|
 (void)getter@p(...);
)

@script:python depends on report && !org@
p << r.p;
@@
coccilib.report.print_report(p[0], MSG % (callee_at(p[0]), p[0].current_element) + " [uecheck:ref-leak]")

@script:python depends on org && !report@
p << r.p;
@@
coccilib.org.print_todo(p[0], MSG % (callee_at(p[0]), p[0].current_element))

@depends on context && !org && !report@
identifier getter;
position r.p;
@@
* getter@p(...)
