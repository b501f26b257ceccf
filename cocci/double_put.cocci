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
MSG = "'user_event_mm_put' of 'struct user_event_mm' that was already put on some path in '%s'"

@r exists@
expression X, E;
position p1, p2;
@@
 user_event_mm_put@p1(X);
 ... when != X = E
     when != &X
 user_event_mm_put@p2(X);

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
expression X;
position r.p1, r.p2;
@@
(
* user_event_mm_put@p1(X);
|
* user_event_mm_put@p2(X);
)
