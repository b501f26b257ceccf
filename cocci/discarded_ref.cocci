// SPDX-License-Identifier: GPL-2.0
/// user_event_mm_get_all() and current_user_event_mm() take references
/// ('user_event_mm_get_all' one on every node of the list it returns).
/// Calling them without keeping the result leaks those references: nothing
/// can put them any more.  user_event_mm_get(mm) returns its argument:
/// called for its effect alone, it gives mm one more reference, which
/// leaks when some path from the call to the end of the function does not
/// put mm or hand it on (store it, return it) for that reference as well
/// as for one mm owned already.
///
// Confidence: High
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule ref-leak (reference rule), the discarded-result
//  case; reported at the call.  A dropped get needs one put or hand-on
//  of its argument after it on every path, two when the argument owns a
//  reference of its own there (a getter's result); a path that overwrites
//  the argument first is ref_leak.cocci's.  A second dropped get of the
//  same pointer is not counted.  No automatic fix: whether the call is
//  needed at all is for the author to decide.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
MSG = "result of '%s' discarded in '%s': the reference it took is never put"

# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "ref_get_all": "user_event_mm_get_all",
    "ref_get": "user_event_mm_get",
    "ref_current": "current_user_event_mm",
    "ref_put": "user_event_mm_put",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global REF_GET, GETTERS, ARG_GETTERS, PUTS
    REF_GET = NAMES["ref_get"]
    GETTERS = names("ref_get_all") | names("ref_get") | names("ref_current")
    ARG_GETTERS = names("ref_get")
    PUTS = names("ref_put")

use_names()

# Dropped gets that return their argument (EXTRA), those whose argument
# owns a reference of its own there (OWNED), and those some path leaves
# with the reference they gave neither put nor handed on (LEAKED).
EXTRA = set()
OWNED = set()
LEAKED = set()

def key(pos):
    return (pos.file, pos.line, pos.column)

def reported(pos):
    """A discarded result leaks, but a dropped get only where it is LEAKED."""
    return key(pos) not in EXTRA or key(pos) in LEAKED

def callee_at(pos):
    try:
        with open(pos.file, errors="replace") as f:
            line = f.readlines()[int(pos.line) - 1]
        return line[int(pos.column):int(pos.column_end)]
    except (OSError, IndexError, ValueError):
        return REF_GET

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
v << virtual.ref_get_all;
@@
NAMES["ref_get_all"] = v

@script:python@
v << virtual.ref_get;
@@
NAMES["ref_get"] = v

@script:python@
v << virtual.ref_current;
@@
NAMES["ref_current"] = v

@script:python@
v << virtual.ref_put;
@@
NAMES["ref_put"] = v

// Facts are per file: spatch may process several in one run.
@script:python@
@@
use_names()
EXTRA.clear()
OWNED.clear()
LEAKED.clear()

// ---------------------------------------------------------------------
// A get that returns its argument, result dropped: the argument holds
// the reference (docs/rules.md).  Its puts, stores and returns count.

@extra depends on context || org || report@
identifier GET : script:python() { GET in ARG_GETTERS };
expression E;
position p;
@@
(
 GET@p(E);
|
 (void)GET@p(E);
)

@script:python@
p << extra.p;
@@
EXTRA.add(key(p[0]))

// The argument already owns a reference: a getter's result, not put nor
// handed on before the dropped get.
@owned depends on extra exists@
identifier getter : script:python() { getter in GETTERS };
identifier GET : script:python() { GET in ARG_GETTERS };
identifier PUT : script:python() { PUT in PUTS };
identifier X;
type T;
expression E, E1;
position p : script:python() { key(p[0]) in EXTRA };
@@
(
 X = getter(...);
|
 T X = getter(...);
)
 ... when != X = E
     when != PUT(X)
     when != E1 = X
     when != &X
(
 GET@p(X);
|
 (void)GET@p(X);
)

@script:python@
p << owned.p;
@@
OWNED.add(key(p[0]))

// A path from the dropped get to the end of the function that neither
// puts nor hands on its argument: the reference leaks.  (One that
// overwrites the argument first is reported there, by ref_leak.cocci.)
@leaked depends on extra exists@
identifier fn;
identifier GET : script:python() { GET in ARG_GETTERS };
identifier PUT : script:python() { PUT in PUTS };
expression E, E1, E2;
position p : script:python() { key(p[0]) in EXTRA };
@@
 fn(...) {
 ... when any
(
 GET@p(E);
|
 (void)GET@p(E);
)
 ... when != PUT(E)
     when != E1 = E
     when != E = E2
     when != &E
     when != return E;
 }

@script:python@
p << leaked.p;
@@
LEAKED.add(key(p[0]))

// With a reference of its own, the argument holds two: a path that puts
// or hands it on only once leaks one.
@leaked_owned depends on extra exists@
identifier fn;
identifier GET : script:python() { GET in ARG_GETTERS };
identifier PUT : script:python() { PUT in PUTS };
expression E, E1, E2;
position p : script:python() { key(p[0]) in OWNED };
@@
 fn(...) {
 ... when any
(
 GET@p(E);
|
 (void)GET@p(E);
)
 ... when != PUT(E)
     when != E1 = E
     when != E = E2
     when != &E
     when != return E;
(
 PUT(E);
|
 E1 = E;
|
 return E;
)
 ... when != PUT(E)
     when != E1 = E
     when != E = E2
     when != &E
     when != return E;
 }

@script:python@
p << leaked_owned.p;
@@
LEAKED.add(key(p[0]))

// ---------------------------------------------------------------------
// Output, one rule per mode.

@r depends on context || org || report@
identifier getter : script:python() { getter in GETTERS };
position p : script:python() { reported(p[0]) };
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
