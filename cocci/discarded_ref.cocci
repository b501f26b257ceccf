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

def callee_at(pos):
    try:
        with open(pos.file, errors="replace") as f:
            line = f.readlines()[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (OSError, IndexError, ValueError):
        return "user_event_mm_get"

@r depends on context || org || report@
identifier getter = {user_event_mm_get_all, user_event_mm_get, current_user_event_mm};
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
