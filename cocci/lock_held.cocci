// SPDX-License-Identifier: GPL-2.0
/// A function of the file that must be called without 'event_mutex' (it
/// asserts lockdep_assert_not_held(&event_mutex) on every path, or its
/// definition is annotated __must_not_hold(&event_mutex)) is called where
/// the mutex may be held: after it was taken and before its release.  The
/// lock and its API are the rule set's (cocci/run.sh passes them as -D
/// KEY=VALUE); the names here are user_events', the default.
///
// Confidence: Moderate
// Copyright: (C) 2026 The uecheck authors
// Comments: uecheck rule lock-held (lock rule).  Direct calls of the
//  file's own functions only: a function calling such a one on every path,
//  a prototype's annotation and holds by guard()/scoped_guard() or a
//  trylock are left to the plugin.  No automatic fix.
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
    "lock_acquire": "mutex_lock,mutex_lock_nested,mutex_lock_io,mutex_lock_io_nested,_mutex_lock_nest_lock",
    "lock_release": "mutex_unlock",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global LOCK, ACQUIRE, RELEASE, MSG, MUST_NOT_HOLD_RE
    LOCK = NAMES["lock"]
    ACQUIRE = names("lock_acquire")
    RELEASE = names("lock_release")
    MSG = "call to '%%s' requires '%s' not held, but it may be held here in '%%s'" % LOCK
    MUST_NOT_HOLD_RE = re.compile(r"__must_not_hold\s*\(\s*&\s*%s\s*\)" % re.escape(LOCK))

use_names()
EXCLUDERS = set()

def lines_of(path):
    try:
        with open(path, errors="replace") as f:
            return f.readlines()
    except OSError:
        return []

def token_at(pos):
    """The text of the token at pos (columns are 0-based)."""
    try:
        line = lines_of(pos.file)[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (IndexError, ValueError):
        return ""

def must_not_hold(pos):
    """__must_not_hold(&LOCK) between the function name and its '{'."""
    text = ""
    for line in lines_of(pos.file)[int(pos.line) - 1:int(pos.line) + 9]:
        text += line
        if "{" in line:
            break
    return MUST_NOT_HOLD_RE.search(text) is not None

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
v << virtual.lock_acquire;
@@
NAMES["lock_acquire"] = v

@script:python@
v << virtual.lock_release;
@@
NAMES["lock_release"] = v

@script:python@
@@
use_names()
EXCLUDERS.clear()

// On every path from its entry: the lock is not held when it is called.
@asserts@
identifier fname;
identifier LK : script:python() { LK == LOCK };
@@
 fname(...) {
 ... when any
 lockdep_assert_not_held(&LK);
 ... when any
 }

@script:python@
fname << asserts.fname;
@@
EXCLUDERS.add(fname)

@defined@
identifier fname;
position pf;
@@
 fname@pf(...) { ... }

@script:python@
fname << defined.fname;
pf << defined.pf;
@@
if must_not_hold(pf[0]):
    EXCLUDERS.add(fname)

// Taken, not yet released, and the call.
@held exists@
identifier fname;
identifier callee : script:python() { callee in EXCLUDERS };
identifier LK : script:python() { LK == LOCK };
identifier ACQ : script:python() { ACQ in ACQUIRE };
identifier REL : script:python() { REL in RELEASE };
position p;
@@
 fname(...) {
 ... when any
 ACQ(&LK, ...);
 ... when != REL(&LK, ...)
 callee@p(...)
 ... when any
 }

@script:python depends on report && !org@
p << held.p;
@@
coccilib.report.print_report(p[0], MSG % (token_at(p[0]), p[0].current_element) +
                             " [uecheck:lock-held]")

@script:python depends on org && !report@
p << held.p;
@@
coccilib.org.print_todo(p[0], MSG % (token_at(p[0]), p[0].current_element))

@depends on context && !org && !report@
identifier callee;
position held.p;
@@
* callee@p(...)
