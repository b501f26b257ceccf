// SPDX-License-Identifier: GPL-2.0
/// user_event_mm_get_all() returns a list with a reference on every node;
/// user_event_mm_get() and current_user_event_mm() return one referenced
/// node.  Find paths that leave with references still held: a 'break',
/// 'return' or 'goto' out of the walk over the list with no later loop
/// putting the rest, and a 'return' reached without user_event_mm_put()
/// (a forgotten put, an error path).
///
// Confidence: Moderate
// Copyright: (C) 2025 The uecheck authors
// Comments: uecheck rule ref-leak (reference rule).  An early exit of a
//  walk is reported at the 'break'/'goto'/'return' itself.  Ownership
//  handed on (returned, stored, assigned) ends the tracking; calls to
//  other functions borrow.  Patch mode: for a 'break' taken before the
//  current node is put, put the rest of the list after the walk.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

MSG = "reference to 'struct user_event_mm' still held when leaving in '%s': it is never put with 'user_event_mm_put'"
TEXT = {}
QUOTES = (chr(34), chr(39))
C_OPEN, C_CLOSE, C_LINE = chr(47) + chr(42), chr(42) + chr(47), chr(47) * 2
NULLRET = set()
WALKS = []
LOOPS = []
EXITS = []
FUNCS = []
FLAGGED = {}
FIXABLE = set()

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
                  "user_event_mm_put" in body[l[1][0]:l[1][1]]]
        for efile, kind, epos in EXITS:
            e = offset(epos)
            if efile != wfile or not (w[0] < e < w[1]):
                continue
            if kind == "break":
                inner = [l for l in LOOPS if l[0] == efile and l[1][0] < e < l[1][1]]
                inner.sort(key=lambda l: l[1][0])
                if not inner or inner[-1][1][0] != w[0] or drains:
                    continue
                if "user_event_mm_put" not in body[w[0]:e]:
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
                        "user_event_mm_put" in body[l[1][0]:l[1][1]]]:
                    continue
            else:
                stmt = body[e:skip_to(body, e, ";")]
                if re.search(r"\b%s\b" % re.escape(wvar), stmt):
                    continue
            FLAGGED.setdefault((epos.file, epos.line, epos.column), epos)

def fixable(pos):
    return (pos.file, pos.line, pos.column) in FIXABLE

def flagged(pos):
    return (pos.file, pos.line, pos.column) in FLAGGED

// ---------------------------------------------------------------------
// Early exits out of a walk over a user_event_mm_get_all() list.

def reset():
    """Facts are per file: spatch may process several in one run."""
    TEXT.clear()
    NULLRET.clear()
    WALKS.clear()
    LOOPS.clear()
    EXITS.clear()
    FUNCS.clear()
    FLAGGED.clear()
    FIXABLE.clear()

@script:python@
@@
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
local idexpression struct user_event_mm *X;
position pw;
statement S;
@@
(
 X = user_event_mm_get_all(...);
 ...
(
 while@pw (X) S
|
 for@pw (...; X; ...) S
)
|
 for@pw (X = user_event_mm_get_all(...); X; ...) S
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
// A return reached with a reference that was never put.

@nullret@
local idexpression struct user_event_mm *X;
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

@leak exists@
local idexpression struct user_event_mm *X;
identifier getter = {user_event_mm_get_all, user_event_mm_get, current_user_event_mm};
expression E, E1, E2;
position p1;
position p2 : script:python() { (p2[0].file, p2[0].line, p2[0].column) not in NULLRET };
statement S;
@@
 X = getter@p1(...);
 ... when != user_event_mm_put(X)
     when != E = X
     when != X = E
     when != &X
     when != while (X) S
     when != for (E1; X; E2) S
     when any
(
 return X;
|
 return@p2 ...;
)

@script:python@
p2 << leak.p2;
@@
FLAGGED.setdefault((p2[0].file, p2[0].line, p2[0].column), p2[0])

// ---------------------------------------------------------------------
// Output, one rule per mode.

@bad@
identifier l;
position p : script:python() { flagged(p[0]) };
@@
(
 break@p;
|
 return@p ...;
|
 goto@p l;
)

@script:python depends on report && !org@
p << bad.p;
@@
coccilib.report.print_report(p[0], MSG % p[0].current_element + " [uecheck:ref-leak]")

@script:python depends on org && !report@
p << bad.p;
@@
coccilib.org.print_todo(p[0], MSG % p[0].current_element)

@depends on context && !patch && !org && !report@
identifier l;
position bad.p;
@@
(
* break@p;
|
* return@p ...;
|
* goto@p l;
)

// The fix for a 'break' taken before the current node is put: put the
// current node and the rest of the list after the walk.
@fixable depends on patch && !context && !org && !report@
position p : script:python() { fixable(p[0]) };
@@
 break@p;

@depends on patch && !context && !org && !report@
local idexpression struct user_event_mm *X;
position fixable.p;
@@
 while (X) { <+... break@p; ...+> }
+while (X) {
+	struct user_event_mm *rest = X->next;
+
+	user_event_mm_put(X);
+	X = rest;
+}
