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
MSG = "'%s' dereferenced after 'user_event_mm_put' on some path in '%s'"

@r exists@
expression X, E;
identifier fld;
position p1, p2;
@@
 user_event_mm_put@p1(X);
 ... when != X = E
     when != &X
     when != user_event_mm_put(X)
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
expression X;
identifier fld;
position r.p1, r.p2;
@@
(
* user_event_mm_put@p1(X);
|
* X@p2->fld
|
* *X@p2
)
