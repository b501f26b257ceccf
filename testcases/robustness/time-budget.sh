# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Sourced by suite-robustness.sh: every engine is bounded in time on the
# inputs generated and machine-written kernel files have, and says what
# it gave up on (issue "bounded time, never silent"):
#   decls.c     one function with 10,000 local declarations (~190 KB)
#               that takes references: spatch ran for more than 28 CPU
#               minutes on such a file before it had a budget
#   longline.c  a table on one line of ~1 MB, then a function
#   deep.c      300 nested ifs around a locked access
#   loops.c     20 nested loops that lock and unlock: the plugin's
#               budget=1 gives it up
# Each engine's time on each file is printed as a "#" line.  Uses the
# suite's tmp, top, cc, plugin, wrapper, pass, fail and diag.

tb=$tmp/tb
mkdir -p "$tb"
# A minute of the cocci engine's time per script and file is the default;
# here three seconds keep the suite short and still stop decls.c.
tb_budget=3
# Nine spatch runs at most (eight scripts, one parse) of tb_budget each,
# and their start-up: past this, the budget does not bound the time.
tb_limit=$((9 * tb_budget + 120))

tb_head='struct mutex { int x; };
extern struct mutex event_mutex;
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
struct user_event_mm { struct user_event_mm *next; int refs; };
struct user_event_mm *user_event_mm_get_all(void);
void user_event_mm_put(struct user_event_mm *mm);'

awk -v head="$tb_head" 'BEGIN {
	print head
	print "int big(void)\n{"
	for (i = 0; i < 10000; i++)
		printf "\tint v%d = %d;\n", i, i
	print "\tstruct user_event_mm *mm = user_event_mm_get_all();"
	print "\tint s = v0 + v9999 + (mm != 0);"
	print "\tuser_event_mm_put(mm);"
	print "\treturn s;\n}"
}' >"$tb/decls.c"

awk -v head="$tb_head" 'BEGIN {
	print head
	printf "static const int table[] = {"
	for (i = 0; i < 160000; i++)
		printf "%s%d", (i ? "," : ""), (i * 7919) % 100000
	print "};"
	print "int longline(int i, struct user_event_mm *mm)\n{"
	print "\tint s = table[i];"
	print "\tmutex_lock(&event_mutex);\n\ts += mm->next != 0;\n\tmutex_unlock(&event_mutex);"
	print "\treturn s;\n}"
}' >"$tb/longline.c"

awk -v head="$tb_head" 'BEGIN {
	print head
	print "int deep(int *a, struct user_event_mm *mm)\n{\n\tint s = 0;"
	for (i = 0; i < 300; i++)
		printf "\tif (a[%d] > %d) {\n", i % 50, i
	print "\tmutex_lock(&event_mutex);\n\ts += mm->next != 0;\n\tmutex_unlock(&event_mutex);"
	for (i = 0; i < 300; i++)
		print "\t}"
	print "\treturn s;\n}"
}' >"$tb/deep.c"

awk -v head="$tb_head" 'BEGIN {
	print head
	print "int loops(int *a, struct user_event_mm *mm)\n{\n\tint s = 0;"
	for (i = 0; i < 20; i++) {
		printf "\tfor (int i%d = 0; i%d < a[%d]; i%d++) {\n", i, i, i, i
		printf "\t\tif (a[%d]) mutex_lock(&event_mutex); else mutex_unlock(&event_mutex);\n", i + 20
	}
	print "\ts += mm->refs;"
	for (i = 0; i < 20; i++)
		print "\t}"
	print "\treturn s;\n}"
}' >"$tb/loops.c"

tb_ms() { date +%s%3N; }

# The plugin: the compile kbuild would run, with and without it; no file
# is given up under the default budget.
for f in decls longline deep; do
	t0=$(tb_ms)
	timeout "$tb_limit" "$cc" -O2 -c -o /dev/null "$tb/$f.c" >/dev/null 2>&1
	t1=$(tb_ms)
	timeout "$tb_limit" "$cc" -O2 -c -o /dev/null -fplugin="$plugin" "$tb/$f.c" \
		>"$tb/$f.gcc" 2>&1
	rc=$?
	t2=$(tb_ms)
	echo "# time budget: $f.c: gcc -O2 $((t1 - t0)) ms, with the plugin $((t2 - t1)) ms"
	[ "$rc" -eq 0 ] && ! grep -q 'not checked' "$tb/$f.gcc"
	judge $? "time budget: the plugin checks $f.c within its budget" "$tb/$f.gcc"
done

# The plugin's budget, made small: the function is said to be not checked,
# once, at the function; an error under werror; the wrapper passes it on
# and fails under --werror.
"$cc" -O2 -c -o /dev/null -fplugin="$plugin" -fplugin-arg-uecheck-budget=1 \
	"$tb/loops.c" >"$tb/loops.out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c 'not checked' "$tb/loops.out")" -eq 1 ] &&
   grep -q "^$tb/loops.c:8:5: note: uecheck: function 'loops' not checked: over the time budget" "$tb/loops.out"; then
	pass "time budget: the plugin over budget=1 says 'loops' is not checked, once, at the function"
else
	fail "time budget: the plugin over budget=1 says 'loops' is not checked, once, at the function (exit $rc)"
	diag "$tb/loops.out"
fi
"$cc" -O2 -c -o /dev/null -fplugin="$plugin" -fplugin-arg-uecheck-budget=1 \
	-fplugin-arg-uecheck-werror "$tb/loops.c" >"$tb/loops.out" 2>&1
rc=$?
[ "$rc" -ne 0 ] && grep -q "error: uecheck: function 'loops' not checked: over the time budget" "$tb/loops.out"
judge $? "time budget: under -fplugin-arg-uecheck-werror, a function over budget is an error" "$tb/loops.out"
sh "$wrapper" --engines=gcc --werror -O2 -fplugin-arg-uecheck-budget=1 "$tb/loops.c" \
	>"$tb/loops.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ] &&
   grep -q "^uecheck: $tb/loops.c:8: function 'loops' not checked by the gcc engine: over the time budget" "$tb/loops.out"; then
	pass "time budget: scripts/uecheck --werror fails on a function the gcc engine gave up"
else
	fail "time budget: scripts/uecheck --werror fails on a function the gcc engine gave up (exit $rc)"
	diag "$tb/loops.out"
fi

# The cocci engine: each file within the bound, each file a script gave
# up on said; decls.c is given up, and --werror fails on it.
if ! command -v spatch >/dev/null 2>&1; then
	skip "time budget: the cocci engine" "spatch not installed (make deps)"
	return 0 2>/dev/null || exit "$failed"
fi
# tb_whole RC WANT ERR: RC is WANT for a file some script checked; 3,
# with the line saying so, for one every script given it gave up on
# (nothing of it checked: no exit 0 or 1 for that).
tb_whole() {
	if grep -q ' not checked by the cocci engine: no script could check it$' "$3"; then
		[ "$1" -eq 3 ]
	else
		[ "$1" -eq "$2" ]
	fi
}
for f in decls longline deep; do
	set -- --engines=cocci "--time-budget=$tb_budget"
	[ "$f" = decls ] && set -- "$@" --werror
	t0=$(tb_ms)
	timeout "$tb_limit" sh "$wrapper" "$@" "$tb/$f.c" >"$tb/$f.out" 2>"$tb/$f.err"
	rc=$?
	t1=$(tb_ms)
	n=$(grep -c ' not checked by the cocci engine: ' "$tb/$f.err")
	echo "# time budget: $f.c: the cocci engine $((t1 - t0)) ms, $n 'not checked' lines (--time-budget=$tb_budget)"
	sed -n 's/^uecheck: .* not checked by the cocci engine: /#   /p' "$tb/$f.err" | sort -u
	if [ "$rc" -eq 124 ]; then
		fail "time budget: the cocci engine on $f.c ends within $tb_limit s"
		continue
	fi
	if [ "$f" = decls ]; then
		if tb_whole "$rc" 1 "$tb/$f.err" && grep -q "^uecheck: $tb/decls.c: not checked by the cocci engine: over the time budget ($tb_budget s for " "$tb/$f.err"; then
			pass "time budget: the cocci engine gives decls.c up, says so, and --werror fails (3 if every script did)"
		else
			fail "time budget: the cocci engine gives decls.c up, says so, and --werror fails (3 if every script did; exit $rc)"
			diag "$tb/$f.err"
			diag "$tb/$f.out"
		fi
	elif tb_whole "$rc" 0 "$tb/$f.err" && ! grep -v ' not checked by the cocci engine: ' "$tb/$f.err" | grep -q .; then
		pass "time budget: the cocci engine on $f.c ends within $tb_limit s, each file it gave up said"
	else
		fail "time budget: the cocci engine on $f.c ends within $tb_limit s, each file it gave up said (exit $rc)"
		diag "$tb/$f.err"
	fi
done

# spatch's timeout can fire outside its per-file guard: spatch then dies,
# "Fatal error: exception ...Common.Timeout", exit 2 (seen under load on
# decls.c).  That is a file over the budget, said so, not a tool failure:
# a stand-in spatch dies so for lock_required.cocci, the real one runs
# the other scripts.
printf '#!/bin/sh\ncase " $* " in\n*lock_required.cocci*) echo "Fatal error: exception Coccinelle_modules.Common.Timeout" >&2; exit 2 ;;\nesac\nexec spatch "$@"\n' \
	>"$tb/spatch-timeout"
chmod +x "$tb/spatch-timeout"
cp "$top/testcases/demo/user_events_demo.c" "$tb/demo.c"
SPATCH=$tb/spatch-timeout sh "$wrapper" --engines=cocci --werror "$tb/demo.c" >"$tb/ft.out" 2>"$tb/ft.err"
rc=$?
if [ "$rc" -eq 1 ] &&
	grep -q "^uecheck: $tb/demo.c: not checked by the cocci engine: over the time budget (60 s for lock_required.cocci)$" "$tb/ft.err" &&
	! grep -q 'failed' "$tb/ft.err"; then
	pass "time budget: spatch dying of its own timeout is the file over the budget, not a failure (--werror: exit 1)"
else
	fail "time budget: spatch dying of its own timeout is the file over the budget, not a failure (exit $rc)"
	diag "$tb/ft.err"
fi

# A file every script given it gave up on (spatch's "EXN: Stack overflow
# in FILE", as on a 1.4 MB line) was not checked at all: said in one more
# line, exit 3 (not 0); a file one script gave up on is checked by the
# others: said, exit 0.
printf '#!/bin/sh\ncase " $* " in *" --file-groups "*) ;; *) exec spatch "$@" ;; esac\ng=; p=\nfor a; do [ "$p" = --file-groups ] && g=$a; p=$a; done\ncase " $* " in *"$ONLY"*) while IFS= read -r f; do [ -z "$f" ] || echo "EXN: Stack overflow in $f" >&2; done <"$g"; exit 0 ;; esac\nexec spatch "$@"\n' \
	>"$tb/spatch-overflow"
chmod +x "$tb/spatch-overflow"
ONLY=.cocci SPATCH=$tb/spatch-overflow sh "$wrapper" --engines=cocci "$tb/demo.c" >"$tb/so.out" 2>"$tb/so.err"
rc=$?
[ "$rc" -eq 3 ] &&
	grep -q "^uecheck: $tb/demo.c: not checked by the cocci engine: no script could check it$" "$tb/so.err"
judge $? "never unchecked: a file every script gave up on is said not checked at all, exit 3" "$tb/so.err"
ONLY=lock_required.cocci SPATCH=$tb/spatch-overflow sh "$wrapper" --engines=cocci "$tb/demo.c" >"$tb/so1.out" 2>"$tb/so1.err"
rc=$?
[ "$rc" -eq 0 ] &&
	grep -q "^uecheck: $tb/demo.c: not checked by the cocci engine: spatch failed on it (lock_required.cocci: Stack overflow)$" "$tb/so1.err" &&
	! grep -q "no script could check it" "$tb/so1.err" && grep -q "uecheck:ref-leak" "$tb/so1.err"
judge $? "never unchecked: a file one script gave up on is said, the others' findings kept, exit 0" "$tb/so1.err"
