# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the plugin's files call each other
# one way (testcases/lib/call-cycles.sh reads who calls whom from the
# object files beside the plugin).  The engine calls no checker of
# plugin/checkers.def by name, only through the hook table; no two files
# call each other both ways but the pairs listed below, each with the step
# that removes it; at most one checker splits a call's path (engine.c asks
# the first that has the hook).  So that the check can fail, two scratch
# files that call each other must be found.

# Pairs still calling each other both ways, and why.
#   macros rules: the annotations (macros.c) ask which lock the rule set
#   tracks, and the rules ask the annotations: issue 22, the annotation
#   database that names no lock.
lay_allowed="macros rules"

lay_dir=$(dirname "$plugin")
lay_cycles="$top/testcases/lib/call-cycles.sh"
if ! ls "$lay_dir"/engine.o >/dev/null 2>&1; then
	skip "layering: the plugin's files call each other one way" "no object files beside $plugin"
else
	mkdir -p "$tmp/lay"
	printf 'void b(void);\nvoid a(void) { b(); }\n' >"$tmp/lay/a.c"
	printf 'void a(void);\nvoid b(void) { a(); }\nvoid c(void) { }\n' >"$tmp/lay/b.c"
	${CC:-gcc} -c -o "$tmp/lay/a.o" "$tmp/lay/a.c" && ${CC:-gcc} -c -o "$tmp/lay/b.o" "$tmp/lay/b.c"
	lay_probe=$(sh "$lay_cycles" "$tmp/lay/a.o" "$tmp/lay/b.o")
	if [ "$lay_probe" = "a b" ]; then
		pass "layering: two scratch files that call each other are found"
	else
		fail "layering: two scratch files that call each other are found (got '$lay_probe')"
	fi

	sh "$lay_cycles" "$lay_dir"/*.o >"$tmp/lay/cycles"
	echo "$lay_allowed" | sed '/^$/d' | sort >"$tmp/lay/allowed"
	if diff "$tmp/lay/allowed" "$tmp/lay/cycles" >"$tmp/lay/diff"; then
		pass "layering: no plugin files call each other both ways but: $(echo "$lay_allowed" | tr " \n" "/ " | sed "s/ $//")"
	else
		fail "layering: no plugin files call each other both ways but: $(echo "$lay_allowed" | tr " \n" "/ " | sed "s/ $//") (> new, < gone: update the list)"
		diag "$tmp/lay/diff"
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
