// SPDX-License-Identifier: GPL-2.0
/// A static function reads or writes 'user_event_mm->next', which is only
/// valid under 'event_mutex', but neither takes the mutex nor says that
/// its callers must hold it.  Add lockdep_assert_held(&event_mutex) at
/// the start of its body, as the kernel commit "tracing/user_events:
/// Document user_event_mm one-shot list usage" did for
/// user_event_mm_get_all().
///
// Confidence: Moderate
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule missing-assertion (lock rule), strict mode only:
//  every rule needs -D strict (make coccicheck: SPFLAGS="-D strict").
//  Functions whose address is taken are left to unguarded_access.cocci.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report
virtual strict

@initialize:python@
@@
import re

MSG = "'%s' relies on its callers to hold 'event_mutex'; add 'lockdep_assert_held(&event_mutex)'"
STATICS = set()
ESCAPED = set()
CALLS = set()

def lines_of(path):
    try:
        with open(path, errors="replace") as f:
            return f.readlines()
    except OSError:
        return []

def must_hold(pos):
    """__must_hold(&event_mutex) between the function name and its '{'."""
    text = ""
    for line in lines_of(pos.file)[int(pos.line) - 1:int(pos.line) + 9]:
        text += line
        if "{" in line:
            break
    return re.search(r"__must_hold\s*\(\s*&\s*event_mutex\s*\)", text) is not None

def token_at(pos):
    """The text of the token at pos (columns are 0-based)."""
    try:
        line = lines_of(pos.file)[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (IndexError, ValueError):
        return ""

def reset():
    """Facts are per file: spatch may process several in one run."""
    STATICS.clear()
    ESCAPED.clear()
    CALLS.clear()

@script:python@
@@
reset()

@statics depends on strict@
identifier fname;
type T;
@@
static T fname(...) { ... }

@script:python@
fname << statics.fname;
@@
STATICS.add(fname)

@fncall depends on strict@
identifier callee : script:python() { callee in STATICS };
position p;
@@
 callee@p(...)

@script:python@
p << fncall.p;
@@
CALLS.add((p[0].line, p[0].column))

@fnuse depends on strict@
identifier used : script:python() { used in STATICS };
position p;
@@
 used@p

@script:python@
p << fnuse.p;
@@
if (p[0].line, p[0].column) not in CALLS:
    ESCAPED.add(token_at(p[0]))

// A static function with an access reachable from its entry unprotected.
@missing exists@
iterator name scoped_guard;
symbol mutex, event_mutex;
identifier fname : script:python() { fname in STATICS and fname not in ESCAPED };
struct user_event_mm *M;
position pf;
statement S;
expression L;
@@
 fname@pf(...) {
 ... when != \(mutex_lock(&event_mutex)\|mutex_lock_nested(&event_mutex, L)\|mutex_lock_io(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\|lockdep_assert_held(&event_mutex)\|lockdep_assert_held_once(&event_mutex)\|guard(mutex)(&event_mutex)\)
     when != scoped_guard(mutex, &event_mutex) S
 M->next
 ... when any
 }

@script:python annotated@
pf << missing.pf;
@@
if must_hold(pf[0]):
    cocci.include_match(False)

@script:python depends on report && !org@
pf << missing.pf;
@@
coccilib.report.print_report(pf[0], MSG % token_at(pf[0]) + " [uecheck:missing-assertion]")

@script:python depends on org && !report@
pf << missing.pf;
@@
coccilib.org.print_todo(pf[0], MSG % token_at(pf[0]))

@depends on context && !patch && !org && !report@
identifier fname;
position missing.pf;
@@
* fname@pf(...) { ... }

// The fix: assert after the declarations, before the first statement.
@depends on patch && !context && !org && !report@
symbol event_mutex;
identifier fname;
position missing.pf;
statement S, S1;
@@
 fname@pf(...) {
 ... when != S
+lockdep_assert_held(&event_mutex);
 S1
 ...
 }
