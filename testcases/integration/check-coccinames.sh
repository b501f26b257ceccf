# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the Coccinelle scripts take every
# name of the rule set from it.  cocci/run.sh passes a rule set's names as
# spatch -D KEY=VALUE (cocci/ruleset.awk); a script's defaults, for make
# coccicheck without SPFLAGS, must be what the built-in rule set says, and
# no name may hide in a pattern.  The values below are written by hand.

want_names() {
	cat <<'NAMES'
lock=event_mutex
lock_guards=mutex
lock_acquire=mutex_lock,mutex_lock_nested,mutex_lock_io,mutex_lock_io_nested,_mutex_lock_nest_lock
lock_release=mutex_unlock
lock_try=mutex_trylock,_mutex_trylock_nest_lock
lock_try_zero=mutex_lock_interruptible,mutex_lock_interruptible_nested,mutex_lock_killable,mutex_lock_killable_nested,_mutex_lock_killable
lock_try1=refcount_dec_and_mutex_lock,atomic_dec_and_mutex_lock
guard_struct=user_event_mm
guard_field=next
ref_struct=user_event_mm
ref_get_all=user_event_mm_get_all
ref_get=user_event_mm_get
ref_current=current_user_event_mm
ref_put=user_event_mm_put
ref_link=next
NAMES
}
want_names >"$tmp/cn.want"
awk -v builtin="$top/rulesets" -f "$top/cocci/ruleset.awk" "$top/rulesets/user_events.ruleset" \
	>"$tmp/cn.got" 2>&1
cmp -s "$tmp/cn.want" "$tmp/cn.got"
rc=$?
verdict "$rc" "coccinames: ruleset.awk reads user_events.ruleset's names"
[ "$rc" -eq 0 ] || { diff "$tmp/cn.want" "$tmp/cn.got" >"$tmp/cn.diff"; diag "$tmp/cn.diff"; }

# Each script: its NAMES defaults are the built-in rule set's, each key
# has its -D rule, and outside NAMES and comments no name is spelled out.
for sp in "$top"/cocci/*.cocci; do
	b=$(basename "$sp")
	"${UECHECK_PYTHON:-python3}" - "$sp" "$tmp/cn.want" >"$tmp/cn.out" 2>&1 <<'PY'
import re
import sys

text = open(sys.argv[1]).read()
want = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[2]))
m = re.search(r"^NAMES = \{\n(.*?)^\}", text, re.M | re.S)
if not m:
    sys.exit("no NAMES table")
names = dict(re.findall(r'^\s*"([a-z_0-9]+)": "([^"]*)",$', m.group(1), re.M))
bad = []
for k, v in names.items():
    if want.get(k) != v:
        bad.append("default %s=%s, the rule set says %s" % (k, v, want.get(k)))
    if not re.search(r"^v << virtual\.%s;$" % k, text, re.M):
        bad.append("no -D rule for %s" % k)
rest = text[:m.start()] + text[m.end():]
for n, line in enumerate(rest.split("\n"), 1):
    code = re.sub(r"//.*|#.*", "", line)
    if re.search(r"\b(event_mutex|user_event_mm\w*|current_user_event_mm|mutex_\w+)\b", code):
        bad.append("a name in the code: " + line.strip())
        break
if bad:
    sys.exit("; ".join(bad))
PY
	rc=$?
	check "coccinames: $b takes its names from the rule set" [ "$rc" -eq 0 ]
	[ "$rc" -eq 0 ] || diag "$tmp/cn.out"
done

# A rule set the scripts cannot check is refused in one line, exit 4; a
# broken one in one line, exit 2.
printf 'include kernel-locks.ruleset\nlock conn.lock spinlock\nguard conn.state conn.lock\n' \
	>"$tmp/cn-obj.ruleset"
printf 'int x;\n' >"$tmp/cn.c"
sh "$top/cocci/run.sh" --ruleset "$tmp/cn-obj.ruleset" "$tmp/cn.c" >"$tmp/cn.out" 2>"$tmp/cn.err"
rc=$?
ok=1
[ "$rc" -eq 4 ] && [ "$(wc -l <"$tmp/cn.err")" -eq 1 ] && [ ! -s "$tmp/cn.out" ] &&
	grep -q "not checked by the cocci engine: the per-object lock 'conn.lock'" "$tmp/cn.err" && ok=0
verdict "$ok" "coccinames: run.sh refuses a per-object lock with exit 4 and one line (exit $rc)"
[ "$ok" -eq 0 ] || diag "$tmp/cn.err"
# Two guarded fields: the plugin checks both, the scripts one: refused.
printf 'include kernel-locks.ruleset\nlock l mutex\nguard s.f l\nguard s.g l\n' >"$tmp/cn-two.ruleset"
sh "$top/cocci/run.sh" --ruleset "$tmp/cn-two.ruleset" "$tmp/cn.c" >"$tmp/cn.out" 2>"$tmp/cn.err"
rc=$?
ok=1
[ "$rc" -eq 4 ] && [ "$(wc -l <"$tmp/cn.err")" -eq 1 ] && [ ! -s "$tmp/cn.out" ] &&
	grep -q "cn-two.ruleset:4: not checked by the cocci engine: a second guarded field 's.g'" \
		"$tmp/cn.err" && ok=0
verdict "$ok" "coccinames: run.sh refuses a second guarded field with exit 4 and one line (exit $rc)"
[ "$ok" -eq 0 ] || diag "$tmp/cn.err"
printf 'lock sess_lock spinlock\nguard session peer\n' >"$tmp/cn-bad.ruleset"
sh "$top/cocci/run.sh" --ruleset "$tmp/cn-bad.ruleset" "$tmp/cn.c" >"$tmp/cn.out" 2>"$tmp/cn.err"
rc=$?
ok=1
[ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/cn.err")" -eq 1 ] &&
	grep -q "cn-bad.ruleset:2: 'guard'" "$tmp/cn.err" && ok=0
verdict "$ok" "coccinames: run.sh rejects a broken rule set with exit 2 and one line naming FILE:LINE (exit $rc)"
[ "$ok" -eq 0 ] || diag "$tmp/cn.err"
# A rule set that would leave the scripts nothing to look for is an
# error, never an empty (clean-looking) run.
printf 'include kernel-locks.ruleset\n' >"$tmp/cn-empty.ruleset"
printf 'lock l mutex\nguard s.f l\n' >"$tmp/cn-noapi.ruleset"
printf 'refs s get=s_get\n' >"$tmp/cn-noput.ruleset"
for bad in "cn-empty.ruleset: the rule set checks nothing" "cn-noapi.ruleset:1: lock 'l': no 'lock-api mutex' lines" \
	"cn-noput.ruleset:1: 'refs' needs put=NAME"; do
	f=${bad%%:*}
	sh "$top/cocci/run.sh" --ruleset "$tmp/$f" "$tmp/cn.c" >"$tmp/cn.out" 2>"$tmp/cn.err"
	rc=$?
	ok=1
	[ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/cn.err")" -eq 1 ] && [ ! -s "$tmp/cn.out" ] &&
		grep -qF "$bad" "$tmp/cn.err" && ok=0
	verdict "$ok" "coccinames: run.sh refuses $f ('${bad#*: }', exit $rc)"
	[ "$ok" -eq 0 ] || diag "$tmp/cn.err"
done
