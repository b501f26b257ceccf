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

# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "lock": "event_mutex",
    "lock_guards": "mutex",
    "lock_acquire": "mutex_lock,mutex_lock_nested,mutex_lock_io,mutex_lock_io_nested,_mutex_lock_nest_lock",
    "lock_release": "mutex_unlock",
    "lock_try": "mutex_trylock,_mutex_trylock_nest_lock",
    "lock_try_zero": "mutex_lock_interruptible,mutex_lock_interruptible_nested,mutex_lock_killable,mutex_lock_killable_nested,_mutex_lock_killable",
    "lock_try1": "refcount_dec_and_mutex_lock,atomic_dec_and_mutex_lock",
    "guard_struct": "user_event_mm",
    "guard_field": "next",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global LOCK, GUARDS, ACQUIRE, RELEASE, TRYLOCK, TRYLOCK_ZERO, TRYLOCK1
    global GUARD_STRUCT, GUARD_FIELD, MSG, MUST_HOLD_RE
    LOCK = NAMES["lock"]
    GUARDS = names("lock_guards")
    ACQUIRE = names("lock_acquire")
    RELEASE = names("lock_release")
    TRYLOCK = names("lock_try")
    TRYLOCK_ZERO = names("lock_try_zero")
    TRYLOCK1 = names("lock_try1")
    GUARD_STRUCT = NAMES["guard_struct"]
    GUARD_FIELD = NAMES["guard_field"]
    MSG = "access to '%s' of 'struct %s' without '%s' held in '%%s'" % (
        GUARD_FIELD, GUARD_STRUCT, LOCK)
    MUST_HOLD_RE = re.compile(r"__must_hold\s*\(\s*&\s*%s\s*\)" % re.escape(LOCK))

use_names()
STATICS = set()
ESCAPED = set()
CALLS = set()
SEEN = set()
MUST_HOLD = set()
LOCKERS = set()
UNLOCKERS = set()

def must_hold(pos):
    """__must_hold(&LOCK) between the function name and its '{'."""
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
    return MUST_HOLD_RE.search(text) is not None

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

// -D names_file=PATH: every name from a file of KEY=VALUE lines (what
// cocci/run.sh passes for a rule set too large for spatch's command line).
@script:python@
v << virtual.names_file;
@@
for line in open(v):
    k, sep, val = line.rstrip("\n").partition("=")
    if sep and k in NAMES:
        NAMES[k] = val

// -D KEY=VALUE: one rule per name (a rule inheriting an undefined
// virtual does not run).
@script:python@
v << virtual.lock;
@@
NAMES["lock"] = v

@script:python@
v << virtual.lock_guards;
@@
NAMES["lock_guards"] = v

@script:python@
v << virtual.lock_acquire;
@@
NAMES["lock_acquire"] = v

@script:python@
v << virtual.lock_release;
@@
NAMES["lock_release"] = v

@script:python@
v << virtual.lock_try;
@@
NAMES["lock_try"] = v

@script:python@
v << virtual.lock_try_zero;
@@
NAMES["lock_try_zero"] = v

@script:python@
v << virtual.lock_try1;
@@
NAMES["lock_try1"] = v

@script:python@
v << virtual.guard_struct;
@@
NAMES["guard_struct"] = v

@script:python@
v << virtual.guard_field;
@@
NAMES["guard_field"] = v

@script:python@
@@
use_names()
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
identifier fn;
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier REL : script:python() { REL in RELEASE };
@@
 fn(...) {
 ...
 ACQ(&LK, ...);
 ... when != REL(&LK, ...);
 }

@script:python@
fn << wrap_lock.fn;
@@
LOCKERS.add(fn)

@wrap_unlock forall@
identifier fn;
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier REL : script:python() { REL in RELEASE };
expression L;
@@
 fn(...) {
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|guard(GC)(&LK)\)
 REL(&LK, ...);
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|guard(GC)(&LK)\)
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
identifier U : script:python() { U in UNLOCKERS };
iterator CG =~ "^scoped_cond_guard$";
identifier K : script:python() { K in LOCKERS };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier REL : script:python() { REL in RELEASE };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position p, pb;
statement S;
expression L;
@@
(
 REL(&LK, ...);
|
 lockdep_assert_not_held(&LK);
|
 scoped_guard(GC, &LK) S
|
 {@pb
 ... when any
 guard(GC)(&LK);
 ... when any
 }
|
 CG(..., &LK) S
|
 U(...);
)
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
     when != K(...)
     when != CG(..., &LK) S
     when any
 \(M@p->FLD\|(*M@p).FLD\)

// The result of a conditional lock, kept but not yet tested.
@ignored exists@
identifier ret;
type T;
identifier LK : script:python() { LK == LOCK };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position p;
expression L;
@@
(
 ret = \(TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\);
|
 T ret = \(TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\);
)
 ... when != ret
 \(M@p->FLD\|(*M@p).FLD\)

@failed exists@
identifier LK : script:python() { LK == LOCK };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position p;
statement S;
expression L;
@@
(
 if (\(!TRY(&LK, ...)\|TRYZ(&LK, ...)\|!TRY1(L, &LK, ...)\|unlikely(!TRY(&LK, ...))\|unlikely(TRYZ(&LK, ...))\|unlikely(!TRY1(L, &LK, ...))\))
 { <+... \(M@p->FLD\|(*M@p).FLD\) ...+> }
|
 if (\(TRY(&LK, ...)\|TRY1(L, &LK, ...)\|likely(TRY(&LK, ...))\|likely(TRY1(L, &LK, ...))\)) S else { <+... \(M@p->FLD\|(*M@p).FLD\) ...+> }
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
identifier fname : script:python() { exposed(fname) };
identifier K : script:python() { K in LOCKERS };
iterator CG =~ "^scoped_cond_guard$";
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position pf, p;
statement S;
expression L;
@@
 fname@pf(...) {
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
     when != K(...)
     when != CG(..., &LK) S
     when any
 \(M@p->FLD\|(*M@p).FLD\)
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
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position released.p;
@@
(
* M@p->FLD
|
* (*M@p).FLD
)

@depends on context && !org && !report@
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position ignored.p;
@@
(
* M@p->FLD
|
* (*M@p).FLD
)

@depends on context && !org && !report@
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position failed.p;
@@
(
* M@p->FLD
|
* (*M@p).FLD
)

@depends on context && !org && !report@
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position entry.p;
@@
(
* M@p->FLD
|
* (*M@p).FLD
)
