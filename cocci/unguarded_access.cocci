// SPDX-License-Identifier: GPL-2.0
/// The field 'next' of 'struct user_event_mm' builds a one-shot list that
/// is only valid while 'event_mutex' is held.  Find accesses made after
/// the mutex was released (also through a local wrapper), where a lock
/// attempt failed or its result is not yet tested, after the block of a
/// scoped_guard() or guard() ended, or in a function callable from
/// outside the file that neither takes nor asserts the mutex.
///
// Confidence: Moderate
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule unguarded-access (lock rule).  Static functions
//  that rely on their callers are left to lock_required.cocci and, with
//  -D strict, missing_assertion.cocci.  Local lock wrappers are followed
//  one level deep.  No automatic fix: where to take the mutex is a design
//  decision.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

MSG = "access to 'next' of 'struct user_event_mm' without 'event_mutex' held in '%s'"
STATICS = set()
ESCAPED = set()
CALLS = set()
SEEN = set()
MUST_HOLD = set()
LOCKERS = set()
UNLOCKERS = set()

def must_hold(pos):
    """__must_hold(&event_mutex) between the function name and its '{'."""
    try:
        with open(pos.file, errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return False
    text = ""
    for line in lines[int(pos.line) - 1:int(pos.line) + 9]:
        text += line
        if "{" in line:
            break
    return re.search(r"__must_hold\s*\(\s*&\s*event_mutex\s*\)", text) is not None

def token_at(pos):
    """The text of the token at pos (columns are 0-based)."""
    try:
        with open(pos.file, errors="replace") as f:
            lines = f.readlines()
        return lines[int(pos.line) - 1][int(pos.column):int(pos.column_end)]
    except (OSError, IndexError, ValueError):
        return ""

def exposed(fname):
    """Callable from outside the file and not declaring its need."""
    return not (fname in STATICS and fname not in ESCAPED) and fname not in MUST_HOLD

def once(pos):
    key = (pos.file, pos.line, pos.column)
    if key in SEEN:
        return False
    SEEN.add(key)
    return True

// ---------------------------------------------------------------------
// Which functions can be called from outside the file.

def reset():
    """Facts are per file: spatch may process several in one run."""
    STATICS.clear()
    ESCAPED.clear()
    CALLS.clear()
    SEEN.clear()
    MUST_HOLD.clear()
    LOCKERS.clear()
    UNLOCKERS.clear()

@script:python@
@@
reset()

@statics@
identifier fname;
type T;
@@
static T fname(...) { ... }

@script:python@
fname << statics.fname;
@@
STATICS.add(fname)

@fncall@
identifier callee : script:python() { callee in STATICS };
position p;
@@
 callee@p(...)

@script:python@
p << fncall.p;
@@
CALLS.add((p[0].line, p[0].column))

@fnuse@
identifier used : script:python() { used in STATICS };
position p;
@@
 used@p

@script:python@
p << fnuse.p;
@@
if (p[0].line, p[0].column) not in CALLS:
    ESCAPED.add(token_at(p[0]))

// ---------------------------------------------------------------------
// Local wrappers (one level): a function that takes the mutex on every
// path and keeps it, or that releases it without having taken it, acts
// at each of its call sites.

@wrap_lock forall@
symbol event_mutex;
identifier fn;
expression L;
@@
 fn(...) {
 ...
 \(mutex_lock(&event_mutex);\|mutex_lock_nested(&event_mutex, L);\|mutex_lock_io(&event_mutex);\)
 ... when != mutex_unlock(&event_mutex);
 }

@script:python@
fn << wrap_lock.fn;
@@
LOCKERS.add(fn)

@wrap_unlock forall@
symbol mutex, event_mutex;
identifier fn;
expression L;
@@
 fn(...) {
 ... when != \(mutex_lock(&event_mutex)\|mutex_lock_nested(&event_mutex, L)\|mutex_lock_io(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\|guard(mutex)(&event_mutex)\)
 mutex_unlock(&event_mutex);
 ... when != \(mutex_lock(&event_mutex)\|mutex_lock_nested(&event_mutex, L)\|mutex_lock_io(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\|guard(mutex)(&event_mutex)\)
 }

@script:python@
fn << wrap_unlock.fn;
@@
UNLOCKERS.add(fn)

// ---------------------------------------------------------------------
// Where the mutex may not be held.

// A guard() ends with its block.  The position on '{' keeps isomorphism
// braces2 from dropping the braces.
@released exists@
iterator name scoped_guard;
symbol mutex, event_mutex;
identifier U : script:python() { U in UNLOCKERS };
iterator CG =~ "^scoped_cond_guard$";
identifier K : script:python() { K in LOCKERS };
struct user_event_mm *M;
position p, pb;
statement S;
expression L;
@@
(
 mutex_unlock(&event_mutex);
|
 lockdep_assert_not_held(&event_mutex);
|
 scoped_guard(mutex, &event_mutex) S
|
 {@pb
 ... when any
 guard(mutex)(&event_mutex);
 ... when any
 }
|
 CG(..., &event_mutex) S
|
 U(...);
)
 ... when != \(mutex_lock(&event_mutex)\|mutex_lock_nested(&event_mutex, L)\|mutex_lock_io(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\|lockdep_assert_held(&event_mutex)\|lockdep_assert_held_once(&event_mutex)\|guard(mutex)(&event_mutex)\)
     when != scoped_guard(mutex, &event_mutex) S
     when != K(...)
     when != CG(..., &event_mutex) S
     when any
 \(M@p->next\|(*M@p).next\)

// The result of a conditional lock, kept but not yet tested.
@ignored exists@
symbol event_mutex;
identifier ret;
type T;
struct user_event_mm *M;
position p;
expression L;
@@
(
 ret = \(mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\);
|
 T ret = \(mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\);
)
 ... when != ret
 \(M@p->next\|(*M@p).next\)

@failed exists@
symbol mutex, event_mutex;
struct user_event_mm *M;
position p;
statement S;
expression L;
@@
(
 if (\(!mutex_trylock(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|!refcount_dec_and_mutex_lock(L, &event_mutex)\|!atomic_dec_and_mutex_lock(L, &event_mutex)\))
 { <+... \(M@p->next\|(*M@p).next\) ...+> }
|
 if (\(mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\)) S else { <+... \(M@p->next\|(*M@p).next\) ...+> }
)

// Functions that say they need the mutex: their callers are checked.
@fndef@
identifier fn;
position pf;
@@
 fn@pf(...) { ... }

@script:python@
fn << fndef.fn;
pf << fndef.pf;
@@
if must_hold(pf[0]):
    MUST_HOLD.add(fn)

// Filtered by a constraint, not by cocci.include_match(False): dropping a
// match would drop the environments that carry the other rules' matches.
@entry exists@
symbol mutex, event_mutex;
identifier fname : script:python() { exposed(fname) };
identifier K : script:python() { K in LOCKERS };
iterator CG =~ "^scoped_cond_guard$";
struct user_event_mm *M;
position pf, p;
statement S;
expression L;
@@
 fname@pf(...) {
 ... when != \(mutex_lock(&event_mutex)\|mutex_lock_nested(&event_mutex, L)\|mutex_lock_io(&event_mutex)\|mutex_lock_interruptible(&event_mutex)\|mutex_lock_killable(&event_mutex)\|mutex_trylock(&event_mutex)\|refcount_dec_and_mutex_lock(L, &event_mutex)\|atomic_dec_and_mutex_lock(L, &event_mutex)\|lockdep_assert_held(&event_mutex)\|lockdep_assert_held_once(&event_mutex)\|guard(mutex)(&event_mutex)\)
     when != scoped_guard(mutex, &event_mutex) S
     when != K(...)
     when != CG(..., &event_mutex) S
     when any
 \(M@p->next\|(*M@p).next\)
 ... when any
 }

// ---------------------------------------------------------------------
// Output, one rule per mode.

@script:python depends on report && !org@
p << released.p;
@@
if once(p[0]):
    coccilib.report.print_report(p[0], MSG % p[0].current_element + " [uecheck:unguarded-access]")

@script:python depends on report && !org@
p << ignored.p;
@@
if once(p[0]):
    coccilib.report.print_report(p[0], MSG % p[0].current_element + " [uecheck:unguarded-access]")

@script:python depends on report && !org@
p << failed.p;
@@
if once(p[0]):
    coccilib.report.print_report(p[0], MSG % p[0].current_element + " [uecheck:unguarded-access]")

@script:python depends on report && !org@
p << entry.p;
@@
if once(p[0]):
    coccilib.report.print_report(p[0], MSG % p[0].current_element + " [uecheck:unguarded-access]")

@script:python depends on org && !report@
p << released.p;
@@
if once(p[0]):
    coccilib.org.print_todo(p[0], MSG % p[0].current_element)

@script:python depends on org && !report@
p << ignored.p;
@@
if once(p[0]):
    coccilib.org.print_todo(p[0], MSG % p[0].current_element)

@script:python depends on org && !report@
p << failed.p;
@@
if once(p[0]):
    coccilib.org.print_todo(p[0], MSG % p[0].current_element)

@script:python depends on org && !report@
p << entry.p;
@@
if once(p[0]):
    coccilib.org.print_todo(p[0], MSG % p[0].current_element)

@depends on context && !org && !report@
struct user_event_mm *M;
position released.p;
@@
(
* M@p->next
|
* (*M@p).next
)

@depends on context && !org && !report@
struct user_event_mm *M;
position ignored.p;
@@
(
* M@p->next
|
* (*M@p).next
)

@depends on context && !org && !report@
struct user_event_mm *M;
position failed.p;
@@
(
* M@p->next
|
* (*M@p).next
)

@depends on context && !org && !report@
struct user_event_mm *M;
position entry.p;
@@
(
* M@p->next
|
* (*M@p).next
)
