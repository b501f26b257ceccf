// SPDX-License-Identifier: GPL-2.0
/// A 'struct user_event_mm' is dereferenced after user_event_mm_put() on
/// some path, for instance reading 'mm->next' to continue a walk: the put
/// may have freed the node.  Read what is needed before the put.
///
// Confidence: High
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule use-after-put (reference rule), reported at the
//  dereference.  The pointer must be the same expression, not reassigned
//  in between; aliases are not followed.  A dropped get that returns its
//  argument gives it one more reference: a put that every path reaches
//  with that reference outstanding drops that one, and the pointer still
//  holds its own (a second such get is not counted).  No automatic fix.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# The rule set's names: user_events' (rulesets/user_events.ruleset)
# unless cocci/run.sh passes another rule set's as -D KEY=VALUE (lists
# comma-separated; cocci/ruleset.awk writes them, docs/cocci.md lists them).
NAMES = {
    "ref_get": "user_event_mm_get",
    "ref_put": "user_event_mm_put",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global ARG_GETTERS, REF_PUT, MSG
    ARG_GETTERS = names("ref_get")
    REF_PUT = NAMES["ref_put"]
    MSG = "'%%s' dereferenced after '%s' on some path in '%%s'" % REF_PUT

use_names()

# Functions with a dropped get that returns its argument (PINNING), and
# the puts in them reached on some path with no such reference
# outstanding (BARE): only those can drop the last reference.
PINNING = set()
BARE = set()

def key(pos):
    return (pos.file, pos.line, pos.column)

def last_ref(pos):
    """Whether the put at pos may drop the pointer's last reference."""
    return (pos.file, pos.current_element) not in PINNING or key(pos) in BARE

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
v << virtual.ref_get;
@@
NAMES["ref_get"] = v

@script:python@
v << virtual.ref_put;
@@
NAMES["ref_put"] = v

// Facts are per file: spatch may process several in one run.
@script:python@
@@
use_names()
PINNING.clear()
BARE.clear()

// ---------------------------------------------------------------------
// A get that returns its argument, result dropped, gives the argument
// one more reference (docs/rules.md): the put after it drops that one.

@pin@
identifier GET : script:python() { GET in ARG_GETTERS };
expression X;
position p;
@@
(
 GET@p(X);
|
 (void)GET@p(X);
)

@script:python@
p << pin.p;
@@
PINNING.add((p[0].file, p[0].current_element))

// A put is bare on a path that reaches it from the function's entry, or
// from another put or an assignment of the pointer, through no such get.
@bare_entry depends on pin exists@
identifier fn;
identifier GET : script:python() { GET in ARG_GETTERS };
identifier PUT : script:python() { PUT == REF_PUT };
expression X;
position p;
@@
 fn(...) {
 ... when != GET(X);
     when != (void)GET(X);
 PUT@p(X);
 ... when any
 }

@script:python@
p << bare_entry.p;
@@
BARE.add(key(p[0]))

@bare_after depends on pin exists@
identifier GET : script:python() { GET in ARG_GETTERS };
identifier PUT : script:python() { PUT == REF_PUT };
expression X, E;
position p;
@@
(
 PUT(X);
|
 X = E;
)
 ... when != GET(X);
     when != (void)GET(X);
 PUT@p(X);

@script:python@
p << bare_after.p;
@@
BARE.add(key(p[0]))

// ---------------------------------------------------------------------
// A dereference after the put that dropped the last reference.

@r exists@
identifier PUT : script:python() { PUT == REF_PUT };
expression X, E;
identifier fld;
position p1 : script:python() { last_ref(p1[0]) };
position p2;
@@
 PUT@p1(X);
 ... when != X = E
     when != &X
     when != PUT(X)
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
identifier PUT : script:python() { PUT == REF_PUT };
expression X;
identifier fld;
position r.p1, r.p2;
@@
(
* PUT@p1(X);
|
* X@p2->fld
|
* *X@p2
)
