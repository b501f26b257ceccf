# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): what a change can affect
# (scripts/lib/uecheck_focus.py) and `uecheck --changed-since`, which
# uecheck-patch and the hook use.
#   - which function bodies the two copies keep, for a change in a walk,
#     in an asserting callee and in a lock wrapper (LOCAL: the changed
#     function, its direct callers and what they call directly; CALLS:
#     the whole call chain up and everything it calls), functions that
#     name none of the rules' symbols always blanked, line count kept;
#   - exit 10 for a change in comments outside functions, 1 for a changed
#     declaration or a suppression taken away, unbalanced braces, or a
#     conditional that crosses a body
#     (that body is kept);
#   - through uecheck --engines=cocci: a bug put into one function is
#     found, and so is the lock-required finding in an unchanged caller of
#     a changed callee; findings in untouched functions are left out.
# Expected values are written here by hand.

focus=$top/scripts/lib/uecheck_focus.py
fo=$tmp/focus
mkdir -p "$fo"
cp "$fix/ue.h" "$fo/"
symbols='--symbols=user_event_mm,event_mutex,->next,.next'

# The file before: each function's first body line says what it is.
cat >"$fo/before.c" <<'EOF'
#include "ue.h"

static int count;

static void bump(void)
{
	/* bump: names no symbol */
	count++;
}

static void take(void)
{
	/* take: a lock wrapper */
	mutex_lock(&event_mutex);
}

static void update_all(struct user_event *user)
{
	/* update_all: asserts */
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	bump();
}

void update_locked(struct user_event *user)
{
	/* update_locked: calls update_all */
	take();
	update_all(user);
	mutex_unlock(&event_mutex);
}

void outer(struct user_event *user)
{
	/* outer: calls update_locked */
	update_locked(user);
}

void put_each(struct user_event *user)
{
	/* put_each: a walk of its own */
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
EOF

# kept FILE: the names of the functions whose body FILE still has.
kept() {
	sed -n 's|^	/\* \([a-z_]*\): .*|\1|p' "$1" | sort | tr '\n' ' '
}

# focus_case NAME AFTER WANT-LOCAL WANT-CALLS: uecheck_focus.py on
# before.c and AFTER writes two copies keeping exactly these bodies.
focus_case() {
	rm -f "$fo/local.c" "$fo/calls.c"
	"$UECHECK_PYTHON" "$focus" "$symbols" "$fo/before.c" "$2" "$fo/local.c" "$fo/calls.c" \
		2>"$fo/err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "$1 (exit $rc)"
		diag "$fo/err"
		return
	fi
	gl=$(kept "$fo/local.c") gc=$(kept "$fo/calls.c")
	if [ "$gl" = "$3" ] && [ "$gc" = "$4" ] &&
		[ "$(wc -l <"$fo/local.c")" -eq "$(wc -l <"$2")" ] &&
		[ "$(wc -l <"$fo/calls.c")" -eq "$(wc -l <"$2")" ]; then
		pass "$1"
	else
		fail "$1"
		echo "# local keeps: $gl (wanted $3)"
		echo "# calls keeps: $gc (wanted $4)"
	fi
}

UECHECK_PYTHON=${UECHECK_PYTHON:-python3}

# A change in put_each's walk: nothing calls it, and it calls nothing of
# the file.
sed '/^void put_each/,/^}/s|^		user_event_mm_put(mm);$|		use_mm(mm);\n&|' "$fo/before.c" >"$fo/walk.c"
focus_case "focus: a changed walk keeps itself only" \
	"$fo/walk.c" "put_each " "put_each "

# A change in update_all (its assertion dropped): its caller update_locked
# keeps its body in both copies, and so does the lock wrapper take() it
# calls (the caller's lock state at the call); outer (a caller two calls
# up) only in CALLS; bump (no symbol) in neither.
sed '/lockdep_assert_held/d' "$fo/before.c" >"$fo/callee.c"
focus_case "focus: a changed callee keeps its callers (all of them for lock-required)" \
	"$fo/callee.c" "take update_all update_locked " "outer take update_all update_locked "

# A change in the lock wrapper take(): its direct caller keeps its body
# in LOCAL (unguarded-access follows wrappers one call deep), what that
# caller calls too.
sed '/^static void take/,/^}/s|^	mutex_lock(&event_mutex);$|&\n	count = 0;|' \
	"$fo/before.c" >"$fo/wrapper.c"
focus_case "focus: a changed lock wrapper keeps its callers and what they call" \
	"$fo/wrapper.c" "take update_all update_locked " "outer take update_all update_locked "

# A callee whose header starts with an attribute macro ('__printf(1, 2)'
# on the line above its name) is still known by its name: when it starts
# asserting the mutex, its caller keeps its body.  'other' names the
# mutex but calls neither.
cat >"$fo/attr-before.c" <<'EOF'
__printf(1, 2)
static void helper(const char *fmt, ...)
{
	/* helper: asserts */
	lockdep_assert_held(&event_mutex);
}

void caller(void)
{
	/* caller: calls helper */
	helper("x");
}

void other(void)
{
	/* other: unrelated */
	mutex_lock(&event_mutex);
	mutex_unlock(&event_mutex);
}
EOF
# The change adds the assertion (written above as the "after" text).
mv "$fo/attr-before.c" "$fo/attr-after.c"
sed '/lockdep_assert_held/d' "$fo/attr-after.c" >"$fo/attr-before.c"
cp "$fo/before.c" "$fo/before.keep"
cp "$fo/attr-before.c" "$fo/before.c"
focus_case "focus: a callee with an attribute macro before its name keeps its caller" \
	"$fo/attr-after.c" "caller helper " "caller helper "
cp "$fo/before.keep" "$fo/before.c"

# exit_focus NAME WANT AFTER: the exit status alone, no copy written.
exit_focus() {
	rm -f "$fo/local.c" "$fo/calls.c"
	"$UECHECK_PYTHON" "$focus" "$symbols" "$fo/before.c" "$3" "$fo/local.c" "$fo/calls.c" \
		2>"$fo/err"
	rc=$?
	if [ "$rc" -eq "$2" ] && [ ! -e "$fo/local.c" ] && [ ! -e "$fo/calls.c" ]; then
		pass "$1"
	else
		fail "$1 (exit $rc, wanted $2)"
		diag "$fo/err"
	fi
}
{ cat "$fo/before.c"; echo "/* a comment at the end */"; } >"$fo/comment.c"
exit_focus "focus: a comment added outside functions changes nothing (exit 10)" 10 "$fo/comment.c"
# A suppression outside functions is no mere comment: alone on the line
# above a header it silences a finding on that line (missing-assertion),
# so taking it away checks the whole file.
sed 's|^static void update_all(struct user_event \*user)$|/* uecheck: ignore missing-assertion */\n&|' \
	"$fo/before.c" >"$fo/suppressed.c"
cp "$fo/before.c" "$fo/before.keep"
cp "$fo/suppressed.c" "$fo/before.c"
exit_focus "focus: a suppression taken away outside functions leaves the whole file (exit 1)" 1 "$fo/before.keep"
cp "$fo/before.keep" "$fo/before.c"
sed 's|^static int count;|static long count;|' "$fo/before.c" >"$fo/decl.c"
exit_focus "focus: a changed declaration leaves the whole file (exit 1)" 1 "$fo/decl.c"
{ cat "$fo/walk.c"; echo "}"; } >"$fo/braces.c"
exit_focus "focus: unbalanced braces leave the whole file (exit 1)" 1 "$fo/braces.c"

# A body that holds the #else of a conditional opened outside it is
# never blanked (the conditional would break).
for f in before walk; do
	awk '/^static void bump/ { print "#ifdef CONFIG_X"; print; getline; print; print "#else"; print "{"; next } { print }' \
		"$fo/$f.c" >"$fo/$f-ifdef.c"
done
"$UECHECK_PYTHON" "$focus" "$symbols" "$fo/before-ifdef.c" "$fo/walk-ifdef.c" "$fo/local.c" "$fo/calls.c" \
	>/dev/null 2>&1
rc=$?
if [ "$rc" -eq 1 ] || { [ "$rc" -eq 0 ] && grep -q 'count++' "$fo/local.c"; }; then
	pass "focus: a body crossing a conditional is kept"
else
	fail "focus: a body crossing a conditional is kept (exit $rc)"
fi

# A body that defines a macro is never blanked (code after it may use it).
for f in before walk; do
	sed 's|^	count++;$|#define BUMP_BY 1\n	count += BUMP_BY;|' "$fo/$f.c" >"$fo/$f-define.c"
done
"$UECHECK_PYTHON" "$focus" "$symbols" "$fo/before-define.c" "$fo/walk-define.c" "$fo/local.c" "$fo/calls.c" \
	>/dev/null 2>&1
rc=$?
if [ "$rc" -eq 1 ] || { [ "$rc" -eq 0 ] && grep -q '^#define BUMP_BY' "$fo/local.c" &&
	grep -q '^#define BUMP_BY' "$fo/calls.c"; }; then
	pass "focus: a body defining a macro is kept"
else
	fail "focus: a body defining a macro is kept (exit $rc)"
fi

# ---- through uecheck -----------------------------------------------------------

# cocci_since NAME BEFORE AFTER EXPECTED: uecheck --engines=cocci
# --changed-since=BEFORE AFTER reports exactly the "LINE RULE" lines.
cocci_since() {
	(cd "$fo" && sh "$uecheck" --engines=cocci --changed-since="$2" "$3") >"$fo/out" 2>"$fo/text"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "$1 (exit $rc)"
		diag "$fo/text"
		return
	fi
	same_findings "$1" "$fo/text" "$4"
}
if command -v spatch >/dev/null 2>&1; then
	# A leak put into put_each (its put dropped): found at the
	# overwrite 'mm = next', line 56.  The untouched update_all holds a leak too
	# (put into before and after alike): left out.
	sed 's|^		use_mm(mm);$|		use_mm(mm); user_event_mm_get_all(user);|' \
		"$fo/before.c" >"$fo/before-leak.c"
	sed '/^	\/\* put_each/,/^}/{/user_event_mm_put/d;}' "$fo/before-leak.c" >"$fo/after-leak.c"
	echo "56 ref-leak" >"$fo/want"
	cocci_since "focus: uecheck --changed-since: the leak put into put_each, not the old one" \
		before-leak.c after-leak.c "$fo/want"
	# outer() calls update_locked() after dropping the mutex (line 46);
	# harmless before, a finding in outer (unchanged) once update_locked
	# (the change) asserts the mutex.
	sed 's|^	/\* outer: calls update_locked \*/$|&\n	mutex_unlock(\&event_mutex);|' \
		"$fo/before.c" >"$fo/b2.c"
	sed 's|^	/\* update_locked: calls update_all \*/$|&\n	lockdep_assert_held(\&event_mutex);|' \
		"$fo/b2.c" >"$fo/a2.c"
	echo "46 lock-required" >"$fo/want"
	cocci_since "focus: uecheck --changed-since: a callee that asserts now is a finding in its unchanged caller" \
		b2.c a2.c "$fo/want"
else
	skip "focus: uecheck --changed-since" "spatch not found"
fi
