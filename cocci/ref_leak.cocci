// SPDX-License-Identifier: GPL-2.0
/// user_event_mm_get_all() returns a list with a reference on every node;
/// user_event_mm_get() and current_user_event_mm() return one referenced
/// node.  Find paths that leave with references still held: a 'break',
/// 'return' or 'goto' out of the walk over the list with no later loop
/// putting the rest, a 'return' reached without user_event_mm_put()
/// (a forgotten put, an error path), and an assignment that overwrites
/// the pointer before its put (a second get, a walk that moves on to
/// 'next' without putting the node, a 'continue' that skips the put).
///
// Confidence: Moderate
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule ref-leak (reference rule).  An early exit of a
//  walk is reported at the 'break'/'goto'/'return' itself, an overwrite
//  at the assignment (at the 'for' of a walk whose step overwrites).  A
//  NULL test guarding the put ('if (mm) user_event_mm_put(mm);') ends
//  the tracking.  Ownership handed on (returned, stored, copied) ends the
//  tracking; calls to other functions borrow.  A pointer a dropped
//  'user_event_mm_get(mm);' gave a reference is followed for overwrites
//  only (its other leaks are discarded_ref.cocci's, at the get).  Patch mode: for a 'break' taken before the
//  current node is put, put the rest of the list after the walk.
// Requires: 1.1.1
// Options: --no-includes --include-headers

virtual patch
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
    "ref_struct": "user_event_mm",
    "ref_get_all": "user_event_mm_get_all",
    "ref_get": "user_event_mm_get",
    "ref_current": "current_user_event_mm",
    "ref_put": "user_event_mm_put",
    "ref_link": "next",
}

def names(key):
    return frozenset(n for n in NAMES[key].split(",") if n)

def use_names():
    global REF_STRUCT, REF_GET_ALL, GETTERS, ARG_GETTERS, REF_PUT, REF_LINK
    global MSG, MSG_LOST, MSG_STEP
    REF_STRUCT = NAMES["ref_struct"]
    REF_GET_ALL = NAMES["ref_get_all"]
    GETTERS = names("ref_get_all") | names("ref_get") | names("ref_current")
    ARG_GETTERS = names("ref_get")
    REF_PUT = NAMES["ref_put"]
    REF_LINK = NAMES["ref_link"]
    MSG = "reference to 'struct %s' still held when leaving in '%%s': it is never put with '%s'" % (
        REF_STRUCT, REF_PUT)
    MSG_LOST = "reference to 'struct %s' lost by this assignment in '%%s': it is never put with '%s'" % (
        REF_STRUCT, REF_PUT)
    MSG_STEP = "reference to 'struct %s' lost by the step of this loop in '%%s': the node is never put with '%s'" % (
        REF_STRUCT, REF_PUT)

use_names()
TEXT = {}
QUOTES = (chr(34), chr(39))
C_OPEN, C_CLOSE, C_LINE = chr(47) + chr(42), chr(42) + chr(47), chr(47) * 2
NULLRET = set()
NULLSIDE = set()
NULLPUT = set()
OWN = set()
KIND = {}
WALKS = []
LOOPS = []
EXITS = []
FUNCS = []
FLAGGED = {}
FIXABLE = set()
ENDS = set()            # closing braces reported (leakend)

def puts(text):
    """Whether text names the put (an empty name is in no text)."""
    return REF_PUT != "" and REF_PUT in text

def text_of(path):
    if path not in TEXT:
        try:
            with open(path, errors="replace") as f:
                TEXT[path] = f.read()
        except OSError:
            TEXT[path] = ""
    return TEXT[path]

def offset(pos):
    """Character offset of a position (line 1-based, column 0-based)."""
    text = text_of(pos.file)
    off = 0
    for _ in range(int(pos.line) - 1):
        off = text.find("\n", off) + 1
    return off + int(pos.column)

def skip_to(text, i, want):
    """Index of the next 'want' at nesting depth 0, from i (comments, strings skipped)."""
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith(C_OPEN, i):
            i = text.find(C_CLOSE, i + 2)
            i = n if i < 0 else i + 2
            continue
        if text.startswith(C_LINE, i):
            i = text.find("\n", i)
            i = n if i < 0 else i + 1
            continue
        if c in QUOTES:
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == chr(92) else 1
            i = j + 1
            continue
        if depth == 0 and c in want:
            return i
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        i += 1
    return n

def extent(pos, body_first=False):
    """(start, end) offsets of the statement whose keyword is at pos."""
    return extent_at(text_of(pos.file), offset(pos), body_first)

def extent_at(text, start, body_first=False):
    i = start
    if not body_first:
        i = skip_to(text, i, "(")
        i = skip_to(text, i + 1, ")") + 1
    while i < len(text) and text[i].isspace():
        i += 1
    if text.startswith("{", i):
        return (start, skip_to(text, i + 1, "}"))
    return (start, skip_to(text, i, ";"))

def function_extent(pos):
    text = text_of(pos.file)
    start = offset(pos)
    i = skip_to(text, start, "(")
    i = skip_to(text, i + 1, ")")
    i = skip_to(text, i + 1, "{")
    return (start, skip_to(text, i + 1, "}"))

def solve():
    for path in set(w[0] for w in WALKS):
        text = text_of(path)
        for m in re.finditer(r"\b(while|for|switch|\w*for_each\w*)\s*\(", text):
            LOOPS.append((path, extent_at(text, m.start())))
        for m in re.finditer(r"\bdo\b\s*\{", text):
            LOOPS.append((path, extent_at(text, m.start() + 2, True)))
    for wfile, wvar, wpos in WALKS:
        w = extent(wpos)
        body = text_of(wfile)
        func = [f for f in FUNCS if f[0] == wfile and f[1][0] <= w[0] <= f[1][1]]
        fend = func[0][1][1] if func else len(body)
        drains = [l for l in LOOPS if l[0] == wfile and w[1] < l[1][0] < fend and
                  puts(body[l[1][0]:l[1][1]])]
        for efile, kind, epos in EXITS:
            e = offset(epos)
            if efile != wfile or not (w[0] < e < w[1]):
                continue
            if kind == "break":
                inner = [l for l in LOOPS if l[0] == efile and l[1][0] < e < l[1][1]]
                inner.sort(key=lambda l: l[1][0])
                if not inner or inner[-1][1][0] != w[0] or drains:
                    continue
                if not puts(body[w[0]:e]):
                    FIXABLE.add((epos.file, epos.line, epos.column))
            elif kind == "goto":
                label = re.match(r"goto\s+(\w+)", body[e:])
                if not label:
                    continue
                target = None
                for m in re.finditer(r"^\s*" + label.group(1) + r"\s*:(?!:)", body, re.M):
                    if (func and func[0][1][0] < m.start() < fend) or not func:
                        target = m.end()
                if target is None or w[0] < target < w[1]:
                    continue
                if [l for l in LOOPS if l[0] == wfile and target < l[1][0] < fend and
                        puts(body[l[1][0]:l[1][1]])]:
                    continue
            else:
                stmt = body[e:skip_to(body, e, ";")]
                if re.search(r"\b%s\b" % re.escape(wvar), stmt):
                    continue
            flag(epos, "exit")

def key(pos):
    return (pos.file, pos.line, pos.column)

def flag(pos, kind):
    if key(pos) not in FLAGGED:
        FLAGGED[key(pos)] = pos
        KIND[key(pos)] = kind

def message(pos):
    return {"lost": MSG_LOST, "step": MSG_STEP}.get(KIND.get(key(pos)), MSG) % pos.current_element

def loop_of(pos):
    """Start offset of the innermost loop around pos (or -1)."""
    text = text_of(pos.file)
    at = offset(pos)
    best = -1
    for m in re.finditer(r"\b(while|for|\w*for_each\w*)\s*\(", text[:at]):
        ext = extent_at(text, m.start())
        if ext[0] < at < ext[1]:
            best = max(best, ext[0])
    for m in re.finditer(r"\bdo\b\s*\{", text[:at]):
        ext = extent_at(text, m.start() + 2, True)
        if ext[0] < at < ext[1]:
            best = max(best, m.start())
    return best

def fixable(pos):
    """A fix needs the link and the put (a rule set may name neither)."""
    return REF_LINK != "" and REF_PUT != "" and (pos.file, pos.line, pos.column) in FIXABLE

def put_between(p1, p2, x):
    """Whether the text from p1 to p2 puts x.  A path to the closing brace
    that skips a put written after the get may be one no run takes (the
    put under the same test as the get): that is the plugin's to judge,
    and this rule stays silent."""
    return REF_PUT != "" and re.search(r"\b%s\s*\(\s*%s\s*\)" % (re.escape(REF_PUT), re.escape(x)),
                                       text_of(p1.file)[offset(p1):offset(p2)]) is not None

def flagged(pos):
    return (pos.file, pos.line, pos.column) in FLAGGED

// ---------------------------------------------------------------------
// Early exits out of a walk over a user_event_mm_get_all() list.

def reset():
    """Facts are per file: spatch may process several in one run."""
    TEXT.clear()
    NULLRET.clear()
    NULLSIDE.clear()
    NULLPUT.clear()
    OWN.clear()
    KIND.clear()
    WALKS.clear()
    LOOPS.clear()
    EXITS.clear()
    FUNCS.clear()
    FLAGGED.clear()
    FIXABLE.clear()
    ENDS.clear()

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
v << virtual.ref_struct;
@@
NAMES["ref_struct"] = v

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

@script:python@
v << virtual.ref_link;
@@
NAMES["ref_link"] = v

@script:python@
@@
use_names()
reset()

@funcs@
identifier fname;
position pf;
@@
 fname@pf(...) { ... }

@script:python@
pf << funcs.pf;
@@
FUNCS.append((pf[0].file, function_extent(pf[0])))

@walk exists@
identifier RS : script:python() { RS == REF_STRUCT };
identifier GA : script:python() { GA == REF_GET_ALL };
local idexpression struct RS *X;
position pw;
statement S;
@@
(
 X = GA(...);
 ...
(
 while@pw (X) S
|
 for@pw (...; X; ...) S
)
|
 for@pw (X = GA(...); X; ...) S
)

@script:python@
X << walk.X;
pw << walk.pw;
@@
WALKS.append((pw[0].file, X, pw[0]))

@exits depends on walk@
identifier l;
position p;
@@
(
 break@p;
|
 return@p ...;
|
 goto@p l;
)

@script:python@
p << exits.p;
@@
k = text_of(p[0].file)[offset(p[0]):offset(p[0]) + 6]
EXITS.append((p[0].file, "break" if k.startswith("break") else "goto" if k.startswith("goto") else "return", p[0]))

@script:python@
@@
solve()

// ---------------------------------------------------------------------
// Where a local pointer receives a reference, and the NULL tests that
// end its ownership: on the NULL side of 'if (!X)' nothing is owned, and
// past 'if (X) user_event_mm_put(X);' neither side owns anything.

@own@
identifier RS : script:python() { RS == REF_STRUCT };
local idexpression struct RS *X;
identifier getter : script:python() { getter in GETTERS };
position p;
statement S;
@@
(
 X = getter@p(...);
|
 for (X = getter@p(...); ...; ...) S
)

@script:python@
p << own.p;
@@
OWN.add(key(p[0]))

@owndecl@
identifier RS : script:python() { RS == REF_STRUCT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
position p;
@@
 struct RS *X = getter@p(...);

@script:python@
p << owndecl.p;
@@
OWN.add(key(p[0]))

// A get that returns its argument, result dropped, gives the argument the
// reference (docs/rules.md): overwriting the argument before a put loses
// it.  (Its other leaks are discarded_ref.cocci's, at the get.)
@ownextra@
identifier RS : script:python() { RS == REF_STRUCT };
local idexpression struct RS *X;
identifier GET : script:python() { GET in ARG_GETTERS };
position p;
@@
(
 GET@p(X);
|
 (void)GET@p(X);
)

@script:python@
p << ownextra.p;
@@
OWN.add(key(p[0]))

@nullret@
identifier RS : script:python() { RS == REF_STRUCT };
local idexpression struct RS *X;
position p;
statement S;
@@
(
 if (\(!X\|X == NULL\|unlikely(!X)\)) { <+... return@p ...; ...+> } else S
|
 if (\(!X\|X == NULL\|unlikely(!X)\)) { <+... return@p ...; ...+> }
)

@script:python@
p << nullret.p;
@@
NULLRET.add((p[0].file, p[0].line, p[0].column))

@nullside@
identifier RS : script:python() { RS == REF_STRUCT };
local idexpression struct RS *X;
expression E;
position p;
statement S;
@@
(
 if (\(!X\|X == NULL\|unlikely(!X)\)) { <+... X@p = E ...+> } else S
|
 if (\(!X\|X == NULL\|unlikely(!X)\)) { <+... X@p = E ...+> }
)

@script:python@
p << nullside.p;
@@
NULLSIDE.add(key(p[0]))

@nullput forall@
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
local idexpression struct RS *X;
position p;
statement S;
@@
(
 if@p (\(X\|likely(X)\)) { ... PUT(X); ... } else S
|
 if@p (\(X\|likely(X)\)) { ... PUT(X); ... }
)

@script:python@
p << nullput.p;
@@
NULLPUT.add(key(p[0]))

// ---------------------------------------------------------------------
// A return reached with a reference that was never put.

@leak exists@
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
expression E, E1, E2;
position p1 : script:python() { key(p1[0]) in OWN };
position p2 : script:python() { key(p2[0]) not in NULLRET };
position pn : script:python() { key(pn[0]) in NULLPUT };
statement S, S1;
@@
(
 X = getter@p1(...);
|
 struct RS *X = getter@p1(...);
)
 ... when != PUT(X)
     when != E = X
     when != X = E
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when != if@pn (...) S
     when != if@pn (...) S else S1
     when any
(
 return X;
|
 return@p2 ...;
)

@script:python@
p2 << leak.p2;
@@
flag(p2[0], "exit")

// The same, at a function's closing brace: a path that falls off its end
// without a put (reported there, as the plugin does), in a function that
// does not put the pointer after the get at all (put_between).  Paths
// through a 'return' are the rule above's.
@leakend exists@
identifier fn;
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
expression E, E1, E2;
position p1 : script:python() { key(p1[0]) in OWN };
position pn : script:python() { key(pn[0]) in NULLPUT };
position pe;
statement S, S1;
@@
 fn(...) {
 ... when any
(
 X = getter@p1(...);
|
 struct RS *X = getter@p1(...);
)
 ... when != PUT(X)
     when != E = X
     when != X = E
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when != if@pn (...) S
     when != if@pn (...) S else S1
     when != return ...;
 }@pe

@script:python depends on report && !org@
pe << leakend.pe;
p1 << leakend.p1;
fn << leakend.fn;
x << leakend.X;
@@
if key(pe[0]) not in ENDS and not put_between(p1[0], pe[0], x):
    ENDS.add(key(pe[0]))
    coccilib.report.print_report(pe[0], MSG % fn + " [uecheck:ref-leak]")

@script:python depends on org && !report@
pe << leakend.pe;
p1 << leakend.p1;
fn << leakend.fn;
x << leakend.X;
@@
if key(pe[0]) not in ENDS and not put_between(p1[0], pe[0], x):
    ENDS.add(key(pe[0]))
    coccilib.org.print_todo(pe[0], MSG % fn)

// ---------------------------------------------------------------------
// The last pointer to a referenced node overwritten before its put.

@lost exists@
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
identifier GET : script:python() { GET in ARG_GETTERS };
expression E, E1, E2;
position p1 : script:python() { key(p1[0]) in OWN };
position p3 : script:python() { key(p3[0]) not in NULLSIDE };
position pn : script:python() { key(pn[0]) in NULLPUT };
statement S, S1;
@@
(
 X = getter@p1(...);
|
 struct RS *X = getter@p1(...);
|
 GET@p1(X);
|
 (void)GET@p1(X);
)
 ... when != PUT(X)
     when != E1 = X
     when != X = E1
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when != if@pn (...) S
     when != if@pn (...) S else S1
 X@p3 = E;

@script:python@
p3 << lost.p3;
@@
flag(p3[0], "lost")

// A walk that moves on without putting the node: 'X = next' in the body
// of 'while (X)'.

@lostwalk exists@
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
expression E, E1, E2;
position p1 : script:python() { key(p1[0]) in OWN };
position p3;
position pn : script:python() { key(pn[0]) in NULLPUT };
statement S, S1;
@@
(
 X = getter@p1(...);
|
 struct RS *X = getter@p1(...);
)
 ... when != PUT(X)
     when != E1 = X
     when != X = E1
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when != if@pn (...) S
     when != if@pn (...) S else S1
 while (X) {
   ... when != PUT(X)
       when != E1 = X
       when != X = E1
       when != &X
       when != if@pn (...) S
       when != if@pn (...) S else S1
   X@p3 = E;
   ...
 }

@script:python@
p3 << lostwalk.p3;
@@
flag(p3[0], "lost")

// The same in 'for (...; X; X = next)': the step is reached without a
// put from the last statement of the body or from a 'continue' (the
// statement Sl before the end of the body on that path).  An Sl that
// puts, or leaves the loop, is not such a path.

@loststep exists@
identifier RS : script:python() { RS == REF_STRUCT };
identifier PUT : script:python() { PUT == REF_PUT };
identifier X;
identifier getter : script:python() { getter in GETTERS };
expression E, E1, E2;
position p1 : script:python() { key(p1[0]) in OWN };
position p3, pl;
position pn : script:python() { key(pn[0]) in NULLPUT };
statement S, S1, Sl;
@@
(
(
 X = getter@p1(...);
|
 struct RS *X = getter@p1(...);
)
 ... when != PUT(X)
     when != E1 = X
     when != X = E1
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when != if@pn (...) S
     when != if@pn (...) S else S1
 for@p3 (...; X; X = E) {
   ... when != PUT(X)
       when != E1 = X
       when != X = E1
       when != &X
       when != if@pn (...) S
       when != if@pn (...) S else S1
   Sl@pl
 }
|
 for@p3 (X = getter@p1(...); X; X = E) {
   ... when != PUT(X)
       when != E1 = X
       when != X = E1
       when != &X
       when != if@pn (...) S
       when != if@pn (...) S else S1
   Sl@pl
 }
)

@script:python@
p3 << loststep.p3;
pl << loststep.pl;
Sl << loststep.Sl;
@@
last = Sl.strip()
if not puts(last) and not re.match(r"(break|return|goto)\b", last):
    if not last.startswith("continue") or loop_of(pl[0]) == offset(p3[0]):
        flag(p3[0], "step")

// ---------------------------------------------------------------------
// Output, one rule per mode.

@bad@
identifier l;
expression E1, E2;
statement S;
position p : script:python() { flagged(p[0]) };
@@
(
 break@p;
|
 return@p ...;
|
 goto@p l;
|
 E1@p = E2;
|
 for@p (...; ...; ...) S
)

@script:python depends on report && !org@
p << bad.p;
@@
coccilib.report.print_report(p[0], message(p[0]) + " [uecheck:ref-leak]")

@script:python depends on org && !report@
p << bad.p;
@@
coccilib.org.print_todo(p[0], message(p[0]))

@depends on context && !patch && !org && !report@
identifier l;
expression E1, E2;
statement S;
position bad.p;
@@
(
* break@p;
|
* return@p ...;
|
* goto@p l;
|
* E1@p = E2;
|
* for@p (...; ...; ...)
  S
)

// The fix for a 'break' taken before the current node is put: put the
// current node and the rest of the list after the walk.
@fixable depends on patch && !context && !org && !report@
position p : script:python() { fixable(p[0]) };
@@
 break@p;

@depends on patch && !context && !org && !report@
identifier RS : script:python() { RS == REF_STRUCT };
fresh identifier LNK = script:python() { REF_LINK };
fresh identifier PUT = script:python() { REF_PUT };
local idexpression struct RS *X;
position fixable.p;
@@
 while (X) { <+... break@p; ...+> }
+while (X) {
+	struct RS *rest = X->LNK;
+
+	PUT(X);
+	X = rest;
+}
