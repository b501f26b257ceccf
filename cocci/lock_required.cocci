// SPDX-License-Identifier: GPL-2.0
/// A function of the file that needs 'event_mutex' (it asserts it with
/// lockdep_assert_held() or __must_hold(), or it reads or writes
/// 'user_event_mm->next' relying on its callers, directly or through its
/// own callees) is called where the mutex may not be held: after
/// mutex_unlock(), after a scoped_guard() block, in the failed branch of
/// a trylock, or from a function callable from outside the file that
/// neither takes nor asserts the mutex (unasserted needs only: an
/// assertion is a contract that lockdep checks at run time).  The lock,
/// its API and the guarded struct and field are the rule set's
/// (cocci/run.sh passes them as -D KEY=VALUE); the names here are
/// user_events', the default.
///
// Confidence: Moderate
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule lock-required (lock rule).  Requirements are
//  followed through the file's own functions; calls through function
//  pointers and to other files are not.  No automatic fix.
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
    MSG = "call to '%%s' requires '%s' held, but it may not be held here in '%%s'" % LOCK
    MUST_HOLD_RE = re.compile(r"__must_hold\s*\(\s*&\s*%s\s*\)" % re.escape(LOCK))

use_names()
DEFINED = set()
STATICS = set()
ESCAPED = set()
CALLS = set()
CONTRACT = set()
DIRECT = set()
ENTRY_CALLS = []
EDGES = []
CANDIDATES = set()
FREE_CALLS = []
FLAGGED = {}
LOCKERS = set()
UNLOCKERS = set()

def lines_of(path):
    try:
        with open(path, errors="replace") as f:
            return f.readlines()
    except OSError:
        return []

def must_hold(pos):
    """__must_hold(&LOCK) between the function name and its '{'."""
    text = ""
    for line in lines_of(pos.file)[int(pos.line) - 1:int(pos.line) + 9]:
        text += line
        if "{" in line:
            break
    return MUST_HOLD_RE.search(text) is not None

def token_at(pos):
    """The text of the token at pos (columns are 0-based)."""
    try:
        line = lines_of(pos.file)[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (IndexError, ValueError):
        return ""

def key(pos):
    return (pos.file, pos.line, pos.column)

def flag(pos, callee, caller):
    FLAGGED.setdefault(key(pos), (pos, MSG % (callee, caller)))

def exposed(f):
    return f not in STATICS or f in ESCAPED

def solve():
    """Propagate requirements up the file's call graph; flag bad calls.
    One cause, one finding: a need that is reported where it arises (an
    access in a function callable from outside, by unguarded_access.cocci;
    a call flagged here) is not passed up to the callers as well."""
    req = {}
    for f in DEFINED:
        if f in CONTRACT:
            req[f] = "asserted"
        elif f in DIRECT and not exposed(f):
            req[f] = "unasserted"
    free_at = set(key(pos) for caller, callee, pos in FREE_CALLS)
    changed = True
    while changed:
        changed = False
        for caller, callee, pos in ENTRY_CALLS:
            if callee not in req or caller in CONTRACT or key(pos) in free_at:
                continue
            new = req[callee]
            if new == "unasserted" and exposed(caller):
                continue
            if req.get(caller) not in (None, new) and "unasserted" in (new, req[caller]):
                new = "unasserted"
            if req.get(caller) != new:
                req[caller] = new
                changed = True
    for caller, callee, pos in FREE_CALLS:
        if callee in req:
            flag(pos, callee, caller)
    for caller, callee, pos in ENTRY_CALLS:
        if (exposed(caller) and caller not in CONTRACT and
                req.get(callee) == "unasserted"):
            flag(pos, callee, caller)

def candidates():
    """The functions that may need the mutex: those that need it and their
    callers, transitively, in the file's call graph.  Only calls to them
    are followed along paths, which is the expensive matching."""
    CANDIDATES.update(CONTRACT, DIRECT)
    changed = True
    while changed:
        changed = False
        for caller, callee in EDGES:
            if callee in CANDIDATES and caller not in CANDIDATES:
                CANDIDATES.add(caller)
                changed = True

def flagged(pos):
    return key(pos) in FLAGGED

// ---------------------------------------------------------------------
// The file's functions: defined, static, escaping, asserting.

def reset():
    """Facts are per file: spatch may process several in one run."""
    DEFINED.clear()
    STATICS.clear()
    ESCAPED.clear()
    CALLS.clear()
    CONTRACT.clear()
    DIRECT.clear()
    ENTRY_CALLS.clear()
    EDGES.clear()
    CANDIDATES.clear()
    FREE_CALLS.clear()
    FLAGGED.clear()
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

@defs@
identifier fname;
position pf;
@@
 fname@pf(...) { ... }

@script:python@
fname << defs.fname;
pf << defs.pf;
@@
DEFINED.add(fname)
if must_hold(pf[0]):
    CONTRACT.add(fname)

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
identifier callee : script:python() { callee in DEFINED };
position p;
@@
 callee@p(...)

@script:python@
p << fncall.p;
@@
CALLS.add((p[0].line, p[0].column))
EDGES.append((p[0].current_element, token_at(p[0])))

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

@asserts_all@
identifier fname;
identifier LK : script:python() { LK == LOCK };
@@
 fname(...) {
 ...
 \(lockdep_assert_held(&LK);\|lockdep_assert_held_once(&LK);\|lockdep_assert_held_read(&LK);\|lockdep_assert_held_write(&LK);\)
 ... when any
 }

@script:python@
fname << asserts_all.fname;
@@
CONTRACT.add(fname)

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
// Needs: accesses and calls reachable from the entry without the mutex.

@entry exists@
iterator name scoped_guard;
identifier fname;
identifier K : script:python() { K in LOCKERS };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
statement S;
expression L;
@@
 fname(...) {
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
     when != K(...)
     when any
 \(M->FLD\|(*M).FLD\)
 ... when any
 }

@script:python@
fname << entry.fname;
@@
DIRECT.add(fname)

// Nothing in the file needs the mutex: skip the expensive part.
@script:python needs@
needed;
@@
if CONTRACT or DIRECT:
    coccinelle.needed = "yes"
    candidates()
else:
    cocci.include_match(False)

@entry_call depends on needs exists@
identifier fname;
identifier target : script:python() { target in CANDIDATES };
identifier K : script:python() { K in LOCKERS };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
position p;
statement S;
expression L;
@@
 fname(...) {
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
     when != K(...)
     when any
 target@p(...)
 ... when any
 }

@script:python@
fname << entry_call.fname;
p << entry_call.p;
@@
ENTRY_CALLS.append((fname, token_at(p[0]), p[0]))

// After a release, after the block of a scoped_guard() or of a guard()
// (the position on '{' keeps isomorphism braces2 from dropping the
// braces), in a failed lock attempt.
@released depends on needs exists@
identifier target : script:python() { target in CANDIDATES };
identifier U : script:python() { U in UNLOCKERS };
identifier K : script:python() { K in LOCKERS };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier REL : script:python() { REL in RELEASE };
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
 U(...);
)
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
     when != K(...)
     when any
 target@p(...)

@script:python@
p << released.p;
@@
FREE_CALLS.append((p[0].current_element, token_at(p[0]), p[0]))

// The result of a conditional lock, kept but not yet tested.
@ignored depends on needs exists@
identifier target : script:python() { target in CANDIDATES };
identifier ret;
type T;
identifier LK : script:python() { LK == LOCK };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
position p;
expression L;
@@
(
 ret = \(TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\);
|
 T ret = \(TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\);
)
 ... when != ret
 target@p(...)

@script:python@
p << ignored.p;
@@
FREE_CALLS.append((p[0].current_element, token_at(p[0]), p[0]))

@failed depends on needs exists@
identifier target : script:python() { target in CANDIDATES };
identifier LK : script:python() { LK == LOCK };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
position p;
statement S;
expression L;
@@
(
 if (\(!TRY(&LK, ...)\|TRYZ(&LK, ...)\|!TRY1(L, &LK, ...)\|unlikely(!TRY(&LK, ...))\|unlikely(TRYZ(&LK, ...))\|unlikely(!TRY1(L, &LK, ...))\))
 { <+... target@p(...) ...+> }
|
 if (\(TRY(&LK, ...)\|TRY1(L, &LK, ...)\|likely(TRY(&LK, ...))\|likely(TRY1(L, &LK, ...))\)) S else { <+... target@p(...) ...+> }
)

@script:python@
p << failed.p;
@@
FREE_CALLS.append((p[0].current_element, token_at(p[0]), p[0]))

@script:python@
@@
solve()

// ---------------------------------------------------------------------
// Output, one rule per mode.

@bad@
identifier callee;
position p : script:python() { flagged(p[0]) };
@@
 callee@p(...)

@script:python depends on report && !org@
p << bad.p;
@@
coccilib.report.print_report(p[0], FLAGGED[key(p[0])][1] + " [uecheck:lock-required]")

@script:python depends on org && !report@
p << bad.p;
@@
coccilib.org.print_todo(p[0], FLAGGED[key(p[0])][1])

@depends on context && !org && !report@
identifier callee;
position bad.p;
@@
* callee@p(...)
