// SPDX-License-Identifier: GPL-2.0
/// user_event_mm_put() of a 'struct user_event_mm' that was already put on
/// some path: the first put may have freed it, and the second drops a
/// reference somebody else owns.
///
// Confidence: High
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule double-put (reference rule), reported at the
//  second put.  The pointer must be the same expression, not reassigned
//  in between; aliases are not followed.  No automatic fix.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "ref_struct": "user_event_mm",
    "ref_put": "user_event_mm_put",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global REF_STRUCT, REF_PUT, MSG
    REF_STRUCT = NAMES["ref_struct"]
    REF_PUT = NAMES["ref_put"]
    MSG = "'%s' of 'struct %s' that was already put on some path in '%%s'" % (
        REF_PUT, REF_STRUCT)

use_names()

// -D KEY=VALUE: one rule per name (a rule inheriting an undefined
// virtual does not run).
@script:python@
v << virtual.ref_struct;
@@
NAMES["ref_struct"] = v

@script:python@
v << virtual.ref_put;
@@
NAMES["ref_put"] = v

@script:python@
@@
use_names()

@r exists@
identifier PUT : script:python() { PUT == REF_PUT };
expression X, E;
position p1, p2;
@@
 PUT@p1(X);
 ... when != X = E
     when != &X
 PUT@p2(X);

@script:python depends on report && !org@
p1 << r.p1;
p2 << r.p2;
@@
coccilib.report.print_report(p2[0], MSG % p2[0].current_element + " [uecheck:double-put]")

@script:python depends on org && !report@
p1 << r.p1;
p2 << r.p2;
@@
coccilib.org.print_todo(p2[0], MSG % p2[0].current_element)
coccilib.org.print_link(p1[0], "first put here")

@depends on context && !org && !report@
identifier PUT : script:python() { PUT == REF_PUT };
expression X;
position r.p1, r.p2;
@@
(
* PUT@p1(X);
|
* PUT@p2(X);
)
