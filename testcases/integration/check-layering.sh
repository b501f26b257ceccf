# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the plugin's files call each other
# one way (testcases/lib/call-cycles.sh reads who calls whom from the
# object files beside the plugin).  The engine calls no checker of
# plugin/checkers.def by name, only through the hook table; no files call
# each other in a loop, two of them both ways or more in a ring; at most
# one checker splits a call's path (engine.c asks the first that has the
# hook).  So that the check can fail, scratch files that call each other
# in a pair and in a ring must be found.

lay_dir=$(dirname "$plugin")
lay_cycles="$top/testcases/lib/call-cycles.sh"
if ! ls "$lay_dir"/engine.o >/dev/null 2>&1; then
	skip "layering: the plugin's files call each other one way" "no object files beside $plugin"
else
	mkdir -p "$tmp/lay"
	printf 'void b(void);\nvoid a(void) { b(); }\n' >"$tmp/lay/a.c"
	printf 'void a(void);\nvoid c(void);\nvoid b(void) { a(); c(); }\n' >"$tmp/lay/b.c"
	printf 'void d(void);\nvoid c(void) { d(); }\n' >"$tmp/lay/c.c"
	printf 'void b(void);\nvoid d(void) { b(); }\n' >"$tmp/lay/d.c"
	for f in a b c d; do
		${CC:-gcc} -c -o "$tmp/lay/$f.o" "$tmp/lay/$f.c"
	done
	lay_probe=$(sh "$lay_cycles" "$tmp/lay/"*.o)
	lay_loop=$(sh "$lay_cycles" --loops "$tmp/lay/"*.o | sort -u | tr '\n' ' ')
	if [ "$lay_probe" = "a b" ] && [ "$lay_loop" = "a b c d " ]; then
		pass "layering: scratch files that call each other, in a pair or a ring of three, are found"
	else
		fail "layering: scratch files that call each other, in a pair or a ring of three, are found (got pairs '$lay_probe', a loop of '$lay_loop')"
	fi

	sh "$lay_cycles" --loops "$lay_dir"/*.o >"$tmp/lay/loops"
	if [ ! -s "$tmp/lay/loops" ]; then
		pass "layering: the plugin's files call each other one way (no loop of calls, whatever its length)"
	else
		fail "layering: the plugin's files call each other one way (no loop of calls, whatever its length)"
		diag "$tmp/lay/loops"
	fi

	lay_checkers=$(sed -n 's/^CHECKER(\([a-z_]*\)).*/\1/p' "$top/plugin/checkers.def")
	sh "$lay_cycles" --edges "$lay_dir"/*.o >"$tmp/lay/edges"
	lay_named=
	lay_unread=
	lay_splitters=
	# Nothing read is no evidence: the engine calls summary.c, so its
	# calls must be there, and each checker's file must be found.
	grep -q '^engine summary$' "$tmp/lay/edges" || lay_unread="the engine's calls"
	for ck in $lay_checkers; do
		# The file of checker NAME defines NAME_checker.
		ck_file=$(grep -l "^const struct checker ${ck}_checker" "$top"/plugin/*.c)
		if [ -z "$ck_file" ]; then
			lay_unread="$lay_unread ${ck}_checker"
			continue
		fi
		ck_file=${ck_file##*/}
		# engine.c hands a call's paths to the one checker that splits them.
		sed -n "/^const struct checker ${ck}_checker/,/^};/p" "$top/plugin/$ck_file" |
			grep '^[[:space:]]*\.split_call = ' | grep -qv '= NULL' &&
			lay_splitters="$lay_splitters $ck"
		grep -q "^engine ${ck_file%.c}\$" "$tmp/lay/edges" && lay_named="$lay_named $ck"
	done
	if [ "$(echo "$lay_splitters" | wc -w)" -le 1 ]; then
		pass "layering: at most one checker splits a call's path (${lay_splitters# })"
	else
		fail "layering: at most one checker splits a call's path (split_call in:$lay_splitters; engine.c's split_call() calls the first only)"
	fi
	if [ -z "$lay_checkers" ] || [ -n "$lay_unread" ]; then
		fail "layering: engine.c calls the checkers only through the hook table (not read:${lay_unread:- checkers.def lists no checker})"
	elif [ -z "$lay_named" ]; then
		pass "layering: engine.c calls the checkers ($(echo "$lay_checkers" | tr "\n" " " | sed "s/ $//")) only through the hook table"
	else
		fail "layering: engine.c calls the checkers only through the hook table (by name:$lay_named)"
	fi
fi
