// SPDX-License-Identifier: GPL-2.0
/// A 'struct user_event_mm' is dereferenced after user_event_mm_put() on
/// some path, for instance reading 'mm->next' to continue a walk: the put
/// may have freed the node.  Read what is needed before the put.
///
// Confidence: High
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule use-after-put (reference rule), reported at the
//  dereference.  The pointer must be the same expression, not reassigned
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
    "ref_put": "user_event_mm_put",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global REF_PUT, MSG
    REF_PUT = NAMES["ref_put"]
    MSG = "'%%s' dereferenced after '%s' on some path in '%%s'" % REF_PUT

use_names()

// -D KEY=VALUE: one rule per name (a rule inheriting an undefined
// virtual does not run).
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
identifier fld;
position p1, p2;
@@
 PUT@p1(X);
 ... when != X = E
     when != &X
     when != PUT(X)
(
 X@p2->fld
|
 *X@p2
)

@script:python depends on report && !org@
X << r.X;
p2 << r.p2;
@@
coccilib.report.print_report(p2[0], MSG % (X, p2[0].current_element) + " [uecheck:use-after-put]")

@script:python depends on org && !report@
X << r.X;
p1 << r.p1;
p2 << r.p2;
@@
coccilib.org.print_todo(p2[0], MSG % (X, p2[0].current_element))
coccilib.org.print_link(p1[0], "put here")

@depends on context && !org && !report@
identifier PUT : script:python() { PUT == REF_PUT };
expression X;
identifier fld;
position r.p1, r.p2;
@@
(
* PUT@p1(X);
|
* X@p2->fld
|
* *X@p2
)
