// SPDX-License-Identifier: GPL-2.0
/// A static function reads or writes 'user_event_mm->next', which is only
/// valid under 'event_mutex', but neither takes the mutex nor says that
/// its callers must hold it.  Add lockdep_assert_held(&event_mutex) at
/// the start of its body, as the kernel commit "tracing/user_events:
/// Document user_event_mm one-shot list usage" did for
/// user_event_mm_get_all().  The lock, its API and the guarded struct
/// and field are the rule set's (cocci/run.sh passes them as -D
/// KEY=VALUE); the names here are user_events', the default.
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

# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "lock": "event_mutex",
    "lock_guards": "mutex",
    "lock_acquire": "mutex_lock,mutex_lock_nested,mutex_lock_io,mutex_lock_io_nested,_mutex_lock_nest_lock",
    "lock_try": "mutex_trylock,_mutex_trylock_nest_lock",
    "lock_try_zero": "mutex_lock_interruptible,mutex_lock_interruptible_nested,mutex_lock_killable,mutex_lock_killable_nested,_mutex_lock_killable",
    "lock_try1": "refcount_dec_and_mutex_lock,atomic_dec_and_mutex_lock",
    "guard_struct": "user_event_mm",
    "guard_field": "next",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global LOCK, GUARDS, ACQUIRE, TRYLOCK, TRYLOCK_ZERO, TRYLOCK1
    global GUARD_STRUCT, GUARD_FIELD, MSG, MUST_HOLD_RE
    LOCK = NAMES["lock"]
    GUARDS = names("lock_guards")
    ACQUIRE = names("lock_acquire")
    TRYLOCK = names("lock_try")
    TRYLOCK_ZERO = names("lock_try_zero")
    TRYLOCK1 = names("lock_try1")
    GUARD_STRUCT = NAMES["guard_struct"]
    GUARD_FIELD = NAMES["guard_field"]
    MSG = "'%%s' relies on its callers to hold '%s'; add 'lockdep_assert_held(&%s)'" % (
        LOCK, LOCK)
    MUST_HOLD_RE = re.compile(r"__must_hold\s*\(\s*&\s*%s\s*\)" % re.escape(LOCK))

use_names()
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

def reset():
    """Facts are per file: spatch may process several in one run."""
    STATICS.clear()
    ESCAPED.clear()
    CALLS.clear()

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
identifier fname : script:python() { fname in STATICS and fname not in ESCAPED };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier TRY : script:python() { TRY in TRYLOCK };
identifier TRYZ : script:python() { TRYZ in TRYLOCK_ZERO };
identifier TRY1 : script:python() { TRY1 in TRYLOCK1 };
identifier GC : script:python() { GC in GUARDS };
identifier GS : script:python() { GS == GUARD_STRUCT };
identifier FLD : script:python() { FLD == GUARD_FIELD };
struct GS *M;
position pf;
statement S;
expression L;
@@
 fname@pf(...) {
 ... when != \(ACQ(&LK, ...)\|TRY(&LK, ...)\|TRYZ(&LK, ...)\|TRY1(L, &LK, ...)\|lockdep_assert_held(&LK)\|lockdep_assert_held_once(&LK)\|lockdep_assert_held_read(&LK)\|lockdep_assert_held_write(&LK)\|guard(GC)(&LK)\)
     when != scoped_guard(GC, &LK) S
 M->FLD
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
identifier fname;
fresh identifier LK = script:python() { LOCK };
position missing.pf;
statement S, S1;
@@
 fname@pf(...) {
 ... when != S
+lockdep_assert_held(&LK);
 S1
 ...
 }
