# SPDX-License-Identifier: GPL-2.0
"""uecheck's findings pipeline: one record, one parser, one set of writers.

Every engine's output goes through this module, and only this module reads
diagnostics.  scripts/uecheck runs the engines (a thin kbuild shim) and
hands their raw output here; uecheck-patch and the hook use the `new` and
`checkpatch` commands on the JSON this module writes.

The record (class Finding, and Note for its notes):
    file          as the engine printed it (the path given on the command line)
    line          1-based
    byte_column   1-based, counted in bytes of the source line (0: unknown)
    char_column   1-based, counted in characters (Unicode code points)
    column        GCC's display column (a tab advances to the next multiple
                  of 8, a wide character counts 2): what the text shows
    rule, message, function (None if unknown), engines, notes
The gcc engine runs with -fdiagnostics-column-unit=byte and the Coccinelle
engine reports byte offsets, so both give byte columns; the other two are
computed from the source line, the same way for every engine.

Commands (python3 uecheck_findings.py COMMAND ...):
    check        parse engine output, deduplicate, suppress, baseline, write
                 text/JSON/SARIF (what scripts/uecheck calls)
    new          the findings of an "after" JSON document that a baseline
                 of the "before" side does not list, as JSON lines
    checkpatch   JSON lines of findings -> checkpatch's report shape
Exit status: 0 nothing reported, 10 findings reported (FOUND), 2 bad usage,
3 tool failure (one "uecheck: " line on stderr).  Findings have a status no
failure has: an interpreter that fails (exit 1) must never read as
"findings, not an error".
"""

import fcntl
import json
import os
import re
import stat
import sys
import unicodedata
import urllib.parse
# hashlib and tempfile are imported where they are needed: a plain text
# run (every file of a kbuild build) need not pay for them.

TABSTOP = 8
BASELINE_HEADER = ("# uecheck baseline: FILE<TAB>RULE<TAB>FUNCTION<TAB>"
                   "SOURCE-LINE<TAB>N (see uecheck(1))")
FINGERPRINT = "uecheck/v1"
FOUND = 10                              # the exit status of "findings reported"


class Failure(Exception):
    """A problem worth one line and an exit status."""

    def __init__(self, message, status=3):
        super().__init__(message)
        self.status = status


# ---- source text -------------------------------------------------------------

_sources = {}


def source_lines(path):
    """The lines of PATH as str (bytes kept through surrogateescape)."""
    if path not in _sources:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            data = b""
        _sources[path] = data.decode("utf-8", "surrogateescape").split("\n")
    return _sources[path]


def source_line(path, line):
    lines = source_lines(path)
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return ""


def char_width(ch):
    """GCC's display width of one character (tabs are handled apart)."""
    if "\udc80" <= ch <= "\udcff":
        return 1                        # an undecodable byte
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def columns(path, line, byte_column):
    """(char_column, display_column) of a 1-based byte column."""
    if byte_column <= 0:
        return 0, 0
    raw = source_line(path, line).encode("utf-8", "surrogateescape")
    before = raw[:byte_column - 1].decode("utf-8", "surrogateescape")
    # A column past the end of the line (or of a file we cannot read):
    # count the missing bytes as one character each.
    extra = max(0, byte_column - 1 - len(raw))
    display = 0
    for ch in before:
        if ch == "\t":
            display = (display // TABSTOP + 1) * TABSTOP
        else:
            display += char_width(ch)
    # An undecodable byte counts as one character.
    return len(before) + extra + 1, display + extra + 1


def squeezed(path, line):
    """The finding's source line, blanks squeezed, ends trimmed."""
    return re.sub(r"[ \t\r]+", " ", source_line(path, line)).strip(" ")


# ---- the record --------------------------------------------------------------

class Note:
    def __init__(self, file, line, byte_column, message):
        self.file, self.line, self.byte_column = file, line, byte_column
        self.message = message
        self.char_column, self.column = columns(file, line, byte_column)

    def to_json(self):
        return {"file": self.file, "line": self.line, "column": self.column,
                "byte_column": self.byte_column,
                "char_column": self.char_column, "message": self.message}


class Finding(Note):
    def __init__(self, file, line, byte_column, rule, message, function, engine):
        super().__init__(file, line, byte_column, message)
        self.rule, self.function = rule, function
        self.engines = [engine]
        self.notes = []

    def to_json(self, severity):
        d = super().to_json()
        d.update({"severity": severity, "rule": self.rule,
                  "function": self.function, "engines": self.engines,
                  "notes": [n.to_json() for n in self.notes]})
        return d

    @classmethod
    def from_json(cls, d):
        f = cls(d["file"], d["line"], d["byte_column"], d["rule"],
                d["message"], d.get("function"), "")
        f.engines = list(d.get("engines", []))
        f.notes = [Note(n["file"], n["line"], n["byte_column"], n["message"])
                   for n in d.get("notes", [])]
        return f


# ---- engine output -----------------------------------------------------------

DIAG = re.compile(r"^(.+?):(\d+):(?:(\d+):)? (warning|error|note): (.*)$")
RULE_TAG = re.compile(r"^(.*) \[uecheck:([a-z-]+)\]$")
CONTEXT = re.compile(r"^(.+?): In (?:function|member function|constructor|destructor)"
                     r" [\u2018'`]([^\u2019']*)[\u2019']:$")
IN_FUNCTION = re.compile(r" in '([A-Za-z_][A-Za-z_0-9]*)'")
LEADING_NAME = re.compile(r"^'([A-Za-z_][A-Za-z_0-9]*)' ")


def function_of(rule, message, context):
    """The function a finding is in, taken from its message once, here.

    Every message but missing-assertion's ends in "in 'FUNCTION'";
    missing-assertion's starts with the function's name.  GCC's own
    "In function" line is the fallback.
    """
    m = LEADING_NAME.match(message) if rule == "missing-assertion" else None
    if not m:
        m = IN_FUNCTION.search(message)
    if m:
        return m.group(1)
    return context


def parse(text, engine):
    """GCC-format diagnostics (the plugin, cocci/run.sh) -> findings.

    A `note:` belongs to the finding just above it; GCC's context lines
    ("f.c: In function 'g':") keep it; any other line ends it.
    Columns are byte columns (both engines are run that way).
    """
    findings = []
    current = None
    context = None
    for raw in text.split("\n"):
        m = CONTEXT.match(raw)
        if m:
            context = m.group(2)
            continue
        m = DIAG.match(raw)
        if not m:
            if raw.strip():
                current = None
            continue
        file, line, col, kind, rest = m.groups()
        line, col = int(line), int(col or 0)
        if kind in ("warning", "error"):
            t = RULE_TAG.match(rest)
            if not t:
                current = None
                continue
            message, rule = t.groups()
            current = Finding(file, line, col, rule, message,
                              function_of(rule, message, context), engine)
            findings.append(current)
        elif current is not None:
            current.notes.append(Note(file, line, col, rest))
    return findings


# ---- one finding per problem, suppressions, rules -----------------------------

IGNORE = re.compile(r"uecheck:[ \t]*ignore[ \t]+([a-z-]+(?:[ \t]*,[ \t]*[a-z-]+)*)")
COMMENT_LINE = re.compile(r"^[ \t]*(/\*|//|\*)")


def names(text, rule):
    m = IGNORE.search(text)
    return bool(m) and rule in re.split(r"[ \t]*,[ \t]*", m.group(1))


def suppressed(f):
    """/* uecheck: ignore RULE[,RULE] */ on the line or alone just above."""
    if names(source_line(f.file, f.line), f.rule):
        return True
    above = source_line(f.file, f.line - 1)
    return bool(COMMENT_LINE.match(above)) and names(above, f.rule)


def merge(findings, rules):
    """Engine order in; one finding per FILE, LINE, RULE out, sorted."""
    seen = {}
    kept = []
    for f in findings:
        if rules and f.rule not in rules:
            continue
        key = (f.file, f.line, f.rule)
        if key in seen:
            first = seen[key]
            for e in f.engines:
                if e not in first.engines:
                    first.engines.append(e)
            continue
        seen[key] = f
        if suppressed(f):
            continue
        kept.append(f)
    order = {id(f): i for i, f in enumerate(kept)}
    kept.sort(key=lambda f: (f.file, f.line, f.byte_column, order[id(f)]))
    return kept


# ---- baselines ---------------------------------------------------------------

def normpath(p):
    while p.startswith("./"):
        p = p[2:]
    return p


def escape_field(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape_field(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), s)


def baseline_keys(findings):
    """(file, rule, function, text, n) per finding, in order.

    n counts findings of that rule on identical lines of that function.
    """
    count = {}
    keys = []
    for f in findings:
        k = (normpath(f.file), f.rule, f.function or "-", squeezed(f.file, f.line))
        count[k] = count.get(k, 0) + 1
        keys.append(k + (count[k],))
    return keys


def read_baseline(path):
    entries = {}
    try:
        with open(path, "rb") as fh:
            data = fh.read().decode("utf-8", "surrogateescape")
    except OSError as e:
        raise Failure("baseline %s: %s" % (path, e.strerror), 2)
    if data and not is_baseline(data):
        raise Failure("baseline %s: not a uecheck baseline (--write-baseline writes one)"
                      % path, 2)
    for number, line in enumerate(data.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            if len(fields) < 5:
                raise ValueError
            n = int(fields[4])
        except ValueError:
            raise Failure("baseline %s:%d: not a baseline entry (FILE, RULE, FUNCTION, "
                          "SOURCE-LINE, N, tab-separated)" % (path, number), 2)
        p = normpath(unescape_field(fields[0]))
        k = (os.path.basename(p), fields[1], fields[2], fields[3], n)
        entries.setdefault(k, []).append(p)
    return entries


def is_baseline(data):
    return data.startswith(BASELINE_HEADER.split(":")[0] + ":")


def same_file(a, b):
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def drop_listed(findings, entries, strip_self="", strip_listed=""):
    """The findings a baseline does not list.

    A path matches when equal or one ends with "/" and the other.
    Baselines written before the function travelled as data say "-" for
    missing-assertion: "-" then matches any function.
    """
    keep = []
    count = {}
    for f, k in zip(findings, baseline_keys(findings)):
        path, rule, func, text, n = k
        if strip_self and path.startswith(strip_self):
            path = path[len(strip_self):]
        wild = (path, rule, "-", text)
        count[wild] = count.get(wild, 0) + 1
        listed = False
        for key in ((os.path.basename(path), rule, func, text, n),
                    (os.path.basename(path), rule, "-", text, count[wild])):
            for p in entries.get(key, []):
                if strip_listed and p.startswith(strip_listed):
                    p = p[len(strip_listed):]
                if same_file(p, path):
                    listed = True
        if not listed:
            keep.append(f)
    return keep


class Locked:
    """An exclusive flock on the directory of PATH while the block runs:
    writers of the same log or baseline under make -j take turns, and no
    lock file is left behind.  (A directory that cannot be opened: a
    PATH.lock file instead.)"""

    def __init__(self, path):
        self.path = os.path.dirname(os.path.abspath(path))
        self.fallback = path + ".lock"

    def __enter__(self):
        try:
            try:
                self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                self.path = self.fallback
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError as e:
            raise Failure("cannot lock %s: %s" % (self.path, e.strerror))
        return self

    def __exit__(self, *exc):
        os.close(self.fd)


def output_target(path, flag, sources):
    """Where --output or --write-baseline PATH may be written, and how.

    A symlink is followed: its target is what the user names.  A file
    being checked is refused, and so is anything but a regular file, a
    directory (the caller's business), a character device or a fifo
    (/dev/stdout, /dev/null: written through, never replaced).  Returns
    (the path to write, kind): kind is "new", "file", "dir" or "stream".
    """
    target = os.path.realpath(path)
    for src in sources:
        try:
            if os.path.samefile(src, target):
                raise Failure("%s %s is %s, a file being checked: refusing to write there"
                              % (flag, path, src), 2)
        except OSError:
            pass
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target, "new"
    except OSError as e:
        raise Failure("%s %s: %s" % (flag, path, e.strerror), 2)
    if stat.S_ISREG(mode):
        return target, "file"
    if stat.S_ISDIR(mode):
        return target, "dir"
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return target, "stream"
    raise Failure("%s %s: not a regular file, a directory, a character device or a fifo"
                  % (flag, path), 2)


def write_stream(path, data):
    """Write DATA through PATH (a device, a fifo, standard output)."""
    try:
        if path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            with open(path, "wb") as fh:
                fh.write(data)
    except OSError as e:
        raise Failure("cannot write the findings to %s: %s"
                      % (path or "standard output", e.strerror or e))


TEXT_LINE = re.compile(r"^.*:[0-9]+:[0-9]+: (warning|error|note): ")


def is_own_output(data, fmt):
    """Does DATA (a file's content) look like uecheck's FMT (text, json) output?"""
    if not data.strip():
        return True
    try:
        text = data.decode("utf-8", "surrogateescape")
    except ValueError:
        return False
    if fmt == "json":
        try:
            doc = json.loads(text)
        except ValueError:
            return False
        return isinstance(doc, dict) and doc.get("tool") == "uecheck"
    return all(TEXT_LINE.match(line) for line in text.split("\n") if line)


def replace_file(path, data):
    """Write PATH whole or not at all (a temporary file renamed over it)."""
    import tempfile
    d = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".uecheck.")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except OSError as e:
        raise Failure("cannot write %s: %s" % (path, e.strerror))


def umask():
    m = os.umask(0)
    os.umask(m)
    return m


def write_baseline(path, findings, sources):
    """Replace the entries of SOURCES in PATH by FINDINGS (safe under -j)."""
    mine = set(normpath(s) for s in sources)
    given = path
    path, kind = output_target(path, "--write-baseline", sources)
    if kind not in ("new", "file"):
        raise Failure("--write-baseline %s: not a regular file" % given, 2)
    with Locked(path):
        old = []
        if os.path.exists(path):
            with open(path, "rb") as fh:
                data = fh.read().decode("utf-8", "surrogateescape")
            if data and not is_baseline(data):
                raise Failure("--write-baseline %s: exists and is not a uecheck baseline "
                              "(remove it first, or name another file)" % given, 2)
            for line in data.split("\n"):
                if not line or line.startswith("#"):
                    continue
                if unescape_field(line.split("\t")[0]) not in mine:
                    old.append(line)
        new = ["\t".join((escape_field(k[0]), k[1], k[2], k[3], str(k[4])))
               for k in baseline_keys(findings)]
        text = "\n".join([BASELINE_HEADER] + old + new) + "\n"
        replace_file(path, text.encode("utf-8", "surrogateescape"))


# ---- writers -----------------------------------------------------------------

def clean(s):
    """A str fit for JSON: undecodable bytes become U+FFFD."""
    if s is None:
        return None
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def cleaned(obj):
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, list):
        return [cleaned(x) for x in obj]
    if isinstance(obj, dict):
        return {k: cleaned(v) for k, v in obj.items()}
    return obj


def dumps(obj):
    return (json.dumps(cleaned(obj), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def position(file, line, column):
    if column:
        return "%s:%d:%d" % (file, line, column)
    return "%s:%d" % (file, line)


def write_text(findings, severity):
    out = []
    for f in findings:
        out.append("%s: %s: %s [uecheck:%s]\n"
                   % (position(f.file, f.line, f.column), severity, f.message, f.rule))
        for n in f.notes:
            out.append("%s: note: %s\n" % (position(n.file, n.line, n.column), n.message))
    return "".join(out).encode("utf-8", "surrogateescape")


def write_json(findings, severity, version):
    return dumps({"tool": "uecheck", "version": version,
                  "findings": [f.to_json(severity) for f in findings]})


# SARIF --------------------------------------------------------------------------

def here():
    return os.path.dirname(os.path.realpath(__file__))


def _rule_table():
    """The rules of the one table, plugin/rules.def (beside this file once
    installed): (id, family, mode, one-line description) in its order."""
    for p in (os.path.join(here(), "rules.def"),
              os.path.join(here(), "..", "..", "plugin", "rules.def")):
        try:
            with open(p, encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            continue
        rows = re.findall(r'^UE_RULE\([A-Z_]+, *"([a-z-]+)", *([a-z]+), *([a-z]+), *"(.*)"\)$',
                          text, re.M)
        if rows:
            return tuple(rows)
    # At import, before any caller could catch it: one line and exit 3.
    sys.stderr.write("uecheck: the rule table (rules.def) was not found next to %s\n"
                     % os.path.realpath(__file__))
    sys.exit(3)


RULES = _rule_table()
RULE_IDS = tuple(r[0] for r in RULES)
LOCK_RULES = tuple(r[0] for r in RULES if r[1] == "lock")


def rules_doc():
    """docs/rules.md, in the source tree or where make install put it."""
    for p in (os.path.join(here(), "..", "..", "docs", "rules.md"),
              os.path.join(here(), "..", "..", "..", "share", "uecheck", "rules.md")):
        if os.path.isfile(p):
            return os.path.realpath(p)
    return None


def rule_table():
    """Each rule's SARIF descriptions: the short one from the rule table
    (RULES), the full one and the fix from docs/rules.md, where a rule's
    entry is a bullet "- `ID` ... — DESCRIPTION", an example, and a "Fix:"
    paragraph.
    """
    path = rules_doc()
    text = ""
    if path:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    base = os.environ.get("UECHECK_HELP_URI") or (
        "file://" + urllib.parse.quote(path) if path else "")
    table = []
    for rid, family, _mode, line in RULES:
        full = fix = ""
        m = re.search(r"^- `%s`[^\n]*? \u2014 (.*?)\n\n" % re.escape(rid), text, re.S | re.M)
        if m:
            full = " ".join(m.group(1).split())
            rest = text[m.end():]
            nxt = re.search(r"^- `[a-z-]+`|^#", rest, re.M)
            block = rest[:nxt.start()] if nxt else rest
            fm = re.search(r"^  Fix: (.*?)(?:\n\n|\Z)", block, re.S | re.M)
            if fm:
                fix = " ".join(fm.group(1).split())
        if not full:
            full = line
        plain = full.replace("`", "")
        help_md = full + ("\n\nFix: " + fix if fix else "")
        help_text = plain + ("\n\nFix: " + fix.replace("`", "") if fix else "")
        anchor = "#the-lock-rule" if family == "lock" else "#the-reference-rule"
        entry = {"id": rid, "name": rid,
                 "shortDescription": {"text": line.replace("`", "")},
                 "fullDescription": {"text": plain},
                 "help": {"text": help_text, "markdown": help_md},
                 "defaultConfiguration": {"level": "warning"}}
        if base:
            entry["helpUri"] = base + anchor
        table.append(entry)
    return table


def real(path):
    """PATH absolute, ".." taken lexically: the tree a file is in is the one
    its path names, even where that tree is made of symlinks to another's
    files or directories (the working directory is already physical)."""
    return os.path.abspath(path)


def kernel_top(d):
    try:
        with open(os.path.join(d, "Makefile"), encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return (re.search(r"^VERSION = ", head, re.M) is not None
            and os.path.exists(os.path.join(d, "Kbuild")))


def find_srcroot(source):
    """The tree a source file lives in: the kernel's top directory (its
    Makefile starts with "VERSION =" and a Kbuild file lies beside it), or
    else the top of its git work tree, or else its own directory.  O=
    builds pass ../kernel/... paths: the file decides, not the build dir.
    """
    start = os.path.dirname(real(source))
    for test in (kernel_top, lambda d: os.path.exists(os.path.join(d, ".git"))):
        d = start
        while True:
            if test(d):
                return d
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    return start


def artifact(file, root):
    """artifactLocation of FILE: relative to %SRCROOT% when inside ROOT."""
    p = real(file)
    rel = os.path.relpath(p, root)
    if rel != ".." and not rel.startswith("../"):
        return {"uri": urllib.parse.quote(rel), "uriBaseId": "%SRCROOT%"}, rel
    return {"uri": "file://" + urllib.parse.quote(p)}, p


def sarif_location(file, line, char_column, root, message=None):
    art, _ = artifact(clean(file), root)
    region = {"startLine": line}
    if char_column:
        region["startColumn"] = char_column
    loc = {"physicalLocation": {"artifactLocation": art, "region": region}}
    if message is not None:
        loc["message"] = {"text": message}
    return loc


def sarif_results(findings, severity, root, checked):
    import hashlib
    results = []
    keys = baseline_keys(findings)
    for f, k in zip(findings, keys):
        _, rel = artifact(clean(f.file), root)
        digest = hashlib.sha256("\0".join(
            (f.rule, rel, k[2], k[3], str(k[4]))).encode("utf-8", "surrogateescape")).hexdigest()
        r = {"ruleId": f.rule, "ruleIndex": RULE_IDS.index(f.rule),
             "level": severity, "message": {"text": f.message},
             "locations": [sarif_location(f.file, f.line, f.char_column, root)],
             "partialFingerprints": {FINGERPRINT: digest[:32]},
             "properties": {"engines": f.engines, "function": f.function,
                            "checkedFile": checked}}
        related = []
        for i, n in enumerate(f.notes):
            loc = sarif_location(n.file, n.line, n.char_column, root, n.message)
            loc["id"] = i
            related.append(loc)
        if related:
            r["relatedLocations"] = related
        results.append(r)
    return results


def sarif_unchecked(unchecked, root):
    """toolExecutionNotifications for ENGINE:FILE specs: files not checked.

    A file that stops compiling loses its results in a shared log; the
    log says why instead of reading as a file without findings.
    """
    notes = []
    for spec in unchecked:
        engine, _, file = spec.partition(":")
        art, _ = artifact(clean(file), root)
        notes.append({"level": "error",
                      "message": {"text": "%s: not checked: the %s engine failed on it"
                                  % (file, engine)},
                      "locations": [{"physicalLocation": {"artifactLocation": art}}],
                      "properties": {"checkedFile": art["uri"]}})
    return notes


def sarif_log(results, root, version, category, notes=()):
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "uecheck", "version": version,
                "semanticVersion": version if re.match(r"^\d+\.\d+\.\d+$", version)
                else version + ".0" if re.match(r"^\d+\.\d+$", version) else None,
                "rules": rule_table()}},
            "automationDetails": {"id": category + "/"},
            "originalUriBaseIds": {"%SRCROOT%": {
                "uri": "file://" + urllib.parse.quote(root.rstrip("/") + "/")}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notes,
                             "toolExecutionNotifications": list(notes) or None}],
            "results": results,
        }],
    }


def strip_none(obj):
    if isinstance(obj, dict):
        return {k: strip_none(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [strip_none(x) for x in obj]
    return obj


def log_root(log):
    uri = log["runs"][0].get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri", "")
    if uri.startswith("file://"):
        return urllib.parse.unquote(uri[len("file://"):]).rstrip("/") or "/"
    return None


def result_order(r):
    loc = r["locations"][0]["physicalLocation"]
    return (loc["artifactLocation"]["uri"], loc["region"]["startLine"],
            loc["region"].get("startColumn", 0), r["ruleId"])


def write_sarif_file(path, findings, severity, version, category, sources, srcroot,
                     unchecked=()):
    """Merge this call's results into the one log at PATH (safe under -j).

    The first call fixes %SRCROOT%; a later call replaces the results of
    the files it checked (a rebuild) and adds its own.
    """
    with Locked(path):
        log = None
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if size:
            try:
                with open(path, "rb") as fh:
                    log = json.loads(fh.read().decode("utf-8"))
                ok = (log.get("version") == "2.1.0" and len(log.get("runs", [])) == 1
                      and log["runs"][0]["tool"]["driver"]["name"] == "uecheck"
                      and isinstance(log["runs"][0].get("results", []), list)
                      and all(isinstance(r, dict) and isinstance(r.get("properties", {}), dict)
                              for r in log["runs"][0].get("results", [])))
            except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
                ok = False
            if not ok:
                raise Failure("%s: not a SARIF log written by uecheck (remove it first)" % path)
        root = (log_root(log) if log else None) or srcroot
        checked = [artifact(clean(s), root)[0]["uri"] for s in sources]
        results = []
        notes = []
        if log:
            results = [r for r in log["runs"][0].get("results", [])
                       if r.get("properties", {}).get("checkedFile") not in checked]
            for inv in log["runs"][0].get("invocations", [])[:1]:
                notes = [n for n in inv.get("toolExecutionNotifications", [])
                         if isinstance(n, dict)
                         and n.get("properties", {}).get("checkedFile") not in checked]
        notes += sarif_unchecked(unchecked, root)
        fresh = sarif_results(findings, severity, root, checked[0] if checked else None)
        have = set((json.dumps(r["locations"]), r["ruleId"]) for r in results)
        for r in fresh:
            k = (json.dumps(cleaned(r["locations"])), r["ruleId"])
            if k not in have:
                results.append(r)
                have.add(k)
        results.sort(key=result_order)
        replace_file(path, dumps(strip_none(sarif_log(results, root, version, category,
                                                      notes))))


# ---- commands -------------------------------------------------------------------

def options(argv, single, multi, flags):
    """--name=VALUE options; returns a dict (lists for MULTI)."""
    opts = {k: [] for k in multi}
    for k in flags:
        opts[k] = False
    rest = []
    for a in argv:
        name, eq, value = a.partition("=")
        key = name[2:] if name.startswith("--") else None
        if key in flags and not eq:
            opts[key] = True
        elif key in single and eq:
            opts[key] = value
        elif key in multi and eq:
            opts[key].append(value)
        elif a.startswith("--"):
            raise Failure("unknown or malformed option '%s'" % a, 2)
        else:
            rest.append(a)
    return opts, rest


def emit(data, path, sources):
    """DATA to PATH (None: standard output), never over what is not ours."""
    if path is None:
        write_stream(None, data)
        return
    target, kind = output_target(path, "--output", sources)
    if kind == "stream":
        write_stream(target, data)
        return
    if kind == "file":
        try:
            with open(target, "rb") as fh:
                old = fh.read()
        except OSError as e:
            raise Failure("--output %s: %s" % (path, e.strerror), 2)
        if not (is_own_output(old, "text") or is_own_output(old, "json")):
            raise Failure("--output %s: exists and is not uecheck's output "
                          "(remove it first, or name another file)" % path, 2)
    replace_file(target, data)


def cmd_check(argv):
    opts, rest = options(argv, ("format", "severity", "version", "rules", "output",
                                "baseline", "write-baseline", "srcroot",
                                "sarif-category"),
                         ("engine-output", "source", "unchecked"), ())
    if rest:
        raise Failure("unexpected argument '%s'" % rest[0], 2)
    fmt = opts.get("format", "text")
    severity = opts.get("severity", "warning")
    version = opts.get("version", "-")
    rules = set(r for r in opts.get("rules", "").split(",") if r)
    sources = opts["source"]
    findings = []
    for spec in opts["engine-output"]:
        engine, _, path = spec.partition(":")
        try:
            with open(path, "rb") as fh:
                text = fh.read().decode("utf-8", "surrogateescape")
        except OSError as e:
            raise Failure("engine %s: cannot read its output %s: %s" % (engine, path, e.strerror))
        findings.extend(parse(text, engine))
    findings = merge(findings, rules)
    if opts.get("write-baseline"):
        write_baseline(opts["write-baseline"], findings, sources)
    if opts.get("baseline"):
        findings = drop_listed(findings, read_baseline(opts["baseline"]))

    output = opts.get("output")
    srcroot = opts.get("srcroot") or os.environ.get("UECHECK_SRCROOT") or (
        find_srcroot(sources[0]) if sources else os.getcwd())
    srcroot = real(srcroot)
    category = opts.get("sarif-category") or "uecheck"
    if output is not None and (output.endswith("/") or os.path.isdir(output)):
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as e:
            raise Failure("cannot create directory %s: %s" % (output, e.strerror))
        name = normpath(sources[0] if sources else "stdin").lstrip("/").replace("/", "__")
        output = os.path.join(output, name + "." + ("txt" if fmt == "text" else fmt))
    if fmt == "text":
        data = write_text(findings, severity)
        if output is None:
            # Where GCC and sparse put theirs: kbuild sends CHECK's stdout
            # to /dev/null under make -s.
            try:
                sys.stderr.buffer.write(data)
                sys.stderr.buffer.flush()
            except OSError as e:
                raise Failure("cannot write the findings to standard error: %s" % e.strerror)
        else:
            emit(data, output, sources)
    elif fmt == "json":
        emit(write_json(findings, severity, version), output, sources)
    elif fmt == "sarif":
        if output is None:
            checked = [artifact(clean(s), srcroot)[0]["uri"] for s in sources]
            emit(dumps(strip_none(sarif_log(
                sarif_results(findings, severity, srcroot, checked[0] if checked else None),
                srcroot, version, category, sarif_unchecked(opts["unchecked"], srcroot)))),
                None, sources)
        else:
            target, kind = output_target(output, "--output", sources)
            if kind == "stream":
                checked = [artifact(clean(s), srcroot)[0]["uri"] for s in sources]
                write_stream(target, dumps(strip_none(sarif_log(
                    sarif_results(findings, severity, srcroot, checked[0] if checked else None),
                    srcroot, version, category, sarif_unchecked(opts["unchecked"], srcroot)))))
            else:
                write_sarif_file(target, findings, severity, version, category, sources,
                                 srcroot, opts["unchecked"])
    else:
        raise Failure("unknown format '%s'" % fmt, 2)
    return FOUND if findings else 0


def read_findings(path):
    try:
        with open(path, "rb") as fh:
            doc = json.loads(fh.read().decode("utf-8"))
        return [Finding.from_json(d) for d in doc["findings"]]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise Failure("%s: not a uecheck JSON document (%s)" % (path, e))


def cmd_new(argv):
    """new --baseline=B --before=DIR/ --after=DIR/ AFTER.json: JSON lines of
    the findings of AFTER.json not listed in B, paths relative to DIR."""
    opts, rest = options(argv, ("baseline", "before", "after"), (), ())
    if len(rest) != 1:
        raise Failure("new: one JSON document wanted", 2)
    findings = read_findings(rest[0])
    entries = read_baseline(opts["baseline"]) if opts.get("baseline") else {}
    before, after = opts.get("before", ""), opts.get("after", "")
    keep = drop_listed(findings, entries, normpath(after), normpath(before))
    out = []
    for f in keep:
        d = f.to_json("warning")
        for x in [d] + d["notes"]:
            if x["file"].startswith(after):
                x["file"] = x["file"][len(after):]
        out.append(json.dumps(cleaned(d), ensure_ascii=False) + "\n")
    sys.stdout.buffer.write("".join(out).encode("utf-8"))
    return FOUND if keep else 0


def cmd_checkpatch(argv):
    """checkpatch --map=MAP --name=NAME --lines=N [--terse] [--emacs]
    [--incomplete] [--unchecked=N] FILE: findings (JSON lines) in
    checkpatch's shape; FOUND if any is an ERROR.  --incomplete: a tool
    failed; --unchecked: N parts of the change were not checked by any
    engine (said above).  Either way the closing line never says the change
    has no findings."""
    opts, rest = options(argv, ("map", "name", "lines", "unchecked"), (),
                         ("terse", "emacs", "incomplete"))
    if len(rest) != 1:
        raise Failure("checkpatch: one findings file wanted", 2)
    terse, emacs = opts["terse"], opts["emacs"] or opts["terse"]
    name = opts.get("name", "Your patch")
    try:
        unchecked = int(opts.get("unchecked", "0"))
    except ValueError:
        raise Failure("checkpatch: --unchecked wants a count", 2)
    where = {}
    with open(opts["map"], "rb") as fh:
        for line in fh.read().decode("utf-8", "surrogateescape").split("\n"):
            f = line.split("\t", 3)
            if len(f) == 4:
                where[(f[0], f[1])] = (f[2], f[3])
    with open(rest[0], "rb") as fh:
        findings = [json.loads(x) for x in fh.read().decode("utf-8").split("\n") if x]
    out = []
    errors = warnings = 0
    for d in findings:
        level = "WARNING" if d["rule"] == "missing-assertion" else "ERROR"
        if level == "ERROR":
            errors += 1
        else:
            warnings += 1
        pl = where.get((d["file"], str(d["line"])))
        pre = "%s:%s: " % (name, pl[0] if pl else d["line"]) if emacs else ""
        out.append("%s%s:%s: %s\n" % (pre, level, d["rule"], d["message"]))
        if not terse:
            if pl:
                out.append("#%s: FILE: %s:%d:\n%s\n" % (pl[0], d["file"], d["line"], pl[1]))
            else:
                out.append("FILE: %s:%d:\n" % (d["file"], d["line"]))
            out.append("\n")
    if not (terse and errors + warnings == 0):
        out.append("total: %d errors, %d warnings, %s lines checked\n"
                   % (errors, warnings, opts.get("lines", "0")))
    if not terse:
        if errors + warnings:
            out.append("\n%s has uecheck findings, please review.\n" % name)
        elif not opts["incomplete"] and not unchecked:
            out.append("\n%s has no uecheck findings.\n" % name)
        if opts["incomplete"]:
            out.append("%s%s could not be checked completely: a tool failed (above).\n"
                       % ("" if errors + warnings else "\n", name))
        elif unchecked:
            out.append("%s%s could not be checked completely: %d %s of it not checked by any engine (above).\n"
                       % ("" if errors + warnings else "\n", name, unchecked,
                          "part" if unchecked == 1 else "parts"))
    sys.stdout.buffer.write("".join(out).encode("utf-8", "surrogateescape"))
    return FOUND if errors else 0


COMMANDS = {"check": cmd_check, "new": cmd_new, "checkpatch": cmd_checkpatch}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        print("usage: uecheck_findings.py check|new|checkpatch [OPTION...]", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except Failure as e:
        sys.stderr.write("uecheck: %s\n" % e)
        return e.status
    except BrokenPipeError:
        return 3
    except Exception as e:  # a bug of ours: a failure, never "findings"
        sys.stderr.write("uecheck: internal error in the findings step: %s: %s\n"
                         % (type(e).__name__, e))
        return 3


if __name__ == "__main__":
    sys.exit(main([a.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")
                   for a in sys.argv[1:]]))
