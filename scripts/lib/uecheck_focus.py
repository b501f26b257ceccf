# SPDX-License-Identifier: GPL-2.0
"""uecheck: the part of a changed C file a change can give new findings in.

Usage: python3 uecheck_focus.py --symbols=A,B,... BEFORE AFTER LOCAL CALLS

uecheck-patch and the pre-commit hook want the findings a change adds, not
all of a file's findings.  For the Coccinelle engine, whose cost grows with
what spatch matches, this writes two copies of AFTER in which the bodies of
the functions the change cannot affect are empty lines (line numbers, the
braces and every declaration kept), so that spatch matches only where a
new finding can be (cocci/run.sh --copies LOCAL CALLS):

  LOCAL  for the scripts that look at one function and the lock wrappers it
         calls directly: the changed functions, their direct callers (the
         change may be to a wrapper) and what those call directly;
  CALLS  for lock_required.cocci and lock_held.cocci, which follow
         requirements up the call chain: every function up the chain
         from a changed one, and everything they call.

A function is changed when its text (header and body) is not in BEFORE
under its names (every identifier its header writes before a '(': its own
and those of attribute macros), or when BEFORE defines it and AFTER does
not.  Calls are names used in bodies, also through the file's macros.  A
function whose body mentions none of the rules' symbols (--symbols: text
such as 'user_event_mm', 'event_mutex', '->next'), itself or through what
it calls, has no finding and gives its callers none: it is emptied in
both.  An emptied function therefore has the same findings before and
after, on the same lines.

Text outside function bodies must be the same in both files once comments
(but not uecheck's suppressions) and spacing are left aside; otherwise (a
declaration, a macro, a struct changed) nothing is emptied.  The bodies are
found the way kernel style writes them - "{" and "}" in column 0 - on the
text with comments and literals masked; braces this reading does not
account for mean: nothing is emptied.  A body that holds half of a
conditional or defines a macro is never emptied.

Exit status: 0 LOCAL and CALLS written; 1 nothing can be left out (check
AFTER as it is; nothing written); 10 no function and no declaration
changed (the change is in comments or spacing outside functions: nothing
new to find; nothing written); 2 bad usage or unreadable input.
"""

import re
import sys

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
DIRECTIVE = re.compile(r"[ \t]*#")
IF_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*(if|ifdef|ifndef)\b")
ELSE_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*(else|elif|elifdef|elifndef)\b")
ENDIF_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*endif\b")
DEFINE = re.compile(r"[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)")


class Unsure(Exception):
    """The text is not laid out the way this reading expects."""


# A comment, or a string or character literal (a backslash escapes the
# next character; a literal ends at the end of its line at the latest).
TOKEN = re.compile(r"""/\*.*?(?:\*/|\Z)|//[^\n]*|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?""",
                   re.S)


def mask(text, keep_literals):
    """TEXT with comments (and, unless KEEP_LITERALS, string and character
    literals) replaced by spaces; newlines stay, so lines keep their
    numbers and columns."""
    def blank(m):
        t = m.group(0)
        if t[0] == "/":
            return re.sub(r"[^\n]", " ", t)
        if keep_literals:
            return t
        return t[0] + " " * max(len(t) - 2, 0) + (t[-1] if len(t) > 1 else "")
    return TOKEN.sub(blank, text)


def declarators(header):
    """The identifiers of HEADER directly before a '(' outside parentheses:
    the function's name, and the attribute macros written around it
    ('__printf(1, 2)', '__must_hold(&m)')."""
    names, depth, prev = [], 0, None
    for m in re.finditer(r"[A-Za-z_][A-Za-z0-9_]*|[()]", header):
        t = m.group(0)
        if t == "(":
            if depth == 0 and prev is not None and not header[prev.end():m.start()].strip():
                names.append(prev.group(0))
            depth += 1
        elif t == ")":
            depth -= 1
        prev = m if t not in "()" else None
    return names


class Function:
    def __init__(self, names, first, brace, last):
        self.aliases = set(names)       # what a call may name it by
        self.name = " ".join(names)     # its key: all of them, in order
        self.first = first      # first header line (0-based)
        self.brace = brace      # the line of the opening "{"
        self.last = last        # the line of the closing "}"
        self.text = ""          # header and body, as written
        self.idents = set()     # identifiers the body uses
        self.code = ""          # the body without comments and literals
        self.blankable = True   # its body holds no half of a conditional
                                # and defines no macro


def functions(text):
    """The function definitions of TEXT, in order, and the lines outside
    them (comments dropped but for uecheck's suppressions, spacing
    normalised), as one string."""
    lines = text.split("\n")
    code = mask(text, keep_literals=False).split("\n")
    nocomment = mask(text, keep_literals=True).split("\n")
    found = []
    depth = 0
    start = 0           # first line after the last top-level item
    open_fn = None
    continued = False   # inside a directive's continuation lines
    for no, line in enumerate(code):
        directive = continued or DIRECTIVE.match(line)
        continued = bool(directive) and line.endswith("\\")
        if directive:
            if depth == 0 and open_fn is None:
                start = no + 1
            continue
        if depth == 0 and line.startswith("{"):
            header = " ".join(code[start:no])
            names = declarators(header)
            if names and header.rstrip().endswith(")"):
                open_fn = Function(names, start, no, None)
        for c in line:
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth < 0:
                    raise Unsure("unbalanced braces")
        if depth == 0:
            if open_fn is not None:
                if not line.startswith("}"):
                    raise Unsure("a body that does not end in column 0")
                open_fn.last = no
                found.append(open_fn)
                open_fn = None
                start = no + 1
            elif line.rstrip().endswith((";", "}")) or not line.strip():
                start = no + 1
    if depth != 0 or open_fn is not None:
        raise Unsure("unbalanced braces at the end")

    inside = set()
    for f in found:
        f.text = "\n".join(lines[f.first:f.last + 1])
        body = code[f.brace:f.last + 1]
        f.code = squeeze(" ".join(body))
        f.idents = set(IDENT.findall(f.code))
        level = 0
        for line in lines[f.brace + 1:f.last]:
            if DEFINE.match(line):
                # A macro defined in a body may serve the code after it.
                f.blankable = False
                break
            if IF_DIRECTIVE.match(line):
                level += 1
            elif ENDIF_DIRECTIVE.match(line):
                level -= 1
            elif ELSE_DIRECTIVE.match(line) and level == 0:
                level = -1
            if level < 0:
                f.blankable = False
                break
        if level != 0:
            f.blankable = False
        inside.update(range(f.first, f.last + 1))
    outside = [i for i in range(len(lines)) if i not in inside]
    rest = " ".join(" ".join(nocomment[i] for i in outside).split())
    # Comments do not matter there, except a suppression: one alone on
    # the line above a header silences a finding on it (missing-assertion).
    marks = [t for t in TOKEN.findall("\n".join(lines[i] for i in outside))
             if t[0] == "/" and "uecheck:" in t]
    return found, rest + "\0" + "\0".join(marks)


def squeeze(code):
    """CODE with its spacing normalised and none around '->' and '.', so
    that 'mm -> next' reads '->next'."""
    return re.sub(r"\s*(->|\.)\s*", r"\1", " ".join(code.split()))


def macros(text):
    """name -> the replacement text, for each #define of TEXT."""
    found = {}
    lines = mask(text, keep_literals=False).split("\n")
    i = 0
    while i < len(lines):
        m = DEFINE.match(lines[i])
        j = i
        while lines[j].endswith("\\") and j + 1 < len(lines):
            j += 1
        if m:
            body = squeeze(" ".join(lines[i:j + 1])[m.end():].replace("\\", " "))
            found[m.group(1)] = found.get(m.group(1), "") + " " + body
        i = j + 1
    return found


def by_name(fns):
    texts = {}
    for f in fns:
        texts.setdefault(f.name, []).append(f.text)
    return {name: sorted(t) for name, t in texts.items()}


def closure(start, edges, through=None):
    """Every node reachable from START through EDGES (node -> nodes); with
    THROUGH, only START and the nodes of THROUGH lead further (one call
    away, seen through macros)."""
    seen = set(start)
    todo = list(start)
    while todo:
        n = todo.pop()
        if through is not None and n not in start and n not in through:
            continue
        for m in edges.get(n, ()):
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen


def blank(after, fns, keep):
    """AFTER with the bodies of the functions of FNS not named in KEEP
    emptied, and how many lines that emptied."""
    lines = after.split("\n")
    blanked = 0
    for f in fns:
        if f.name in keep or not f.blankable:
            continue
        for i in range(f.brace + 1, f.last):
            if lines[i]:
                lines[i] = ""
                blanked += 1
    return "\n".join(lines), blanked


def focus(before, after, symbols):
    """(status, local, calls): see the module's exit statuses."""
    old_fns, old_rest = functions(before)
    new_fns, new_rest = functions(after)
    if old_rest != new_rest:
        return 1, None, None
    old, new = by_name(old_fns), by_name(new_fns)
    changed = {n for n in new if old.get(n) != new[n]}
    changed |= {n for n in old if n not in new}
    if not changed:
        return 10, None, None

    # The file's call graph: a function or a macro uses every function
    # (by any of its names) and macro its body mentions.
    alias_to = {}
    for f in old_fns + new_fns:
        for a in f.aliases:
            alias_to.setdefault(a, set()).add(f.name)

    def targets(idents):
        found = set()
        for i in idents:
            found |= alias_to.get(i, {i})
        return found

    uses = {}
    code = {}
    for f in new_fns:
        uses.setdefault(f.name, set()).update(targets(f.idents))
        code[f.name] = code.get(f.name, "") + " " + f.code
    defines = macros(after)
    for name, body in defines.items():
        uses.setdefault(name, set()).update(targets(IDENT.findall(body)))
        code[name] = code.get(name, "") + " " + body
    used_by = {}
    for name, idents in uses.items():
        for m in idents:
            used_by.setdefault(m, set()).add(name)
    # A function whose body, with everything it calls, mentions none of
    # the rules' symbols has no finding and gives its callers none.
    relevant = {n for n, text in code.items() if any(s in text for s in symbols)}
    relevant = closure(relevant, used_by)

    # lock-required: every caller up the chain, and all they call.
    calls = changed | (closure(closure(changed, used_by), uses) & relevant)
    # The others look at one function and the lock wrappers it calls
    # directly: a changed function, its direct callers (the change may
    # be to a wrapper), and what these call directly.
    near = closure(changed, used_by, through=defines)
    local = changed | (near & relevant) | (closure(near, uses, through=defines) & relevant)

    calls_text, n = blank(after, new_fns, calls)
    local_text, m = blank(after, new_fns, local)
    if not n and not m:
        return 1, None, None
    return 0, local_text, calls_text


def main(argv):
    if len(argv) != 6 or not argv[1].startswith("--symbols="):
        print("usage: uecheck_focus.py --symbols=A,B,... BEFORE AFTER LOCAL CALLS",
              file=sys.stderr)
        return 2
    symbols = [s for s in argv[1][len("--symbols="):].split(",") if s]
    argv = argv[1:]
    try:
        with open(argv[1], encoding="utf-8", errors="surrogateescape") as f:
            before = f.read()
        with open(argv[2], encoding="utf-8", errors="surrogateescape") as f:
            after = f.read()
    except OSError as e:
        print("uecheck: %s: %s" % (e.filename, e.strerror), file=sys.stderr)
        return 2
    try:
        status, local, calls = focus(before, after, symbols)
    except Unsure:
        return 1
    if status == 0:
        try:
            for name, text in ((argv[3], local), (argv[4], calls)):
                with open(name, "w", encoding="utf-8",
                          errors="surrogateescape") as f:
                    f.write(text)
        except OSError as e:
            print("uecheck: %s: %s" % (e.filename, e.strerror),
                  file=sys.stderr)
            return 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
