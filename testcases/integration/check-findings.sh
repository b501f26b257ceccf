# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154,SC1091,SC2016,SC2015 # sourced by suite-integration.sh; literal $ and `; A && B || C on purpose
#
# Part of suite-integration (sourced): the findings pipeline
# (scripts/lib/uecheck_findings.py) through scripts/uecheck.
#   - text, JSON and SARIF stay exact for a file name holding a backslash,
#     a double quote, a tab and non-ASCII characters, and for a message
#     holding them;
#   - byte, character and display columns of a line with non-ASCII text;
#     both engines give the same SARIF column for the same finding;
#   - --output=FILE.sarif from parallel calls: one log, one run, every
#     result; a file checked again replaces its results;
#   - URIs relative to the source tree (%SRCROOT%) under an O=-style path;
#     partialFingerprints that survive line shifts;
#   - baselines keyed on data (function, not message), old files still read;
#   - the SARIF Multitool's GitHub rules: zero errors.
# Every expected value is written here by hand.

cd "$fix" || exit 2
fd=$tmp/findings
mkdir -p "$fd"
cp ue.h "$fd/"

# A name with a backslash, a double quote, a tab, 'ä' and '漢' (UTF-8).
odd=$(printf 'odd\\ "q"\t\303\244\346\274\242.c')
# seeded.c, its line 65 (the double put) behind a comment with 'ä漢'.
sed '65s|.*|		/* ä漢 */ user_event_mm_put(mm);|' seeded.c >"$fd/$odd"

# ---- text: exact, as GCC prints it -----------------------------------------

# @F@ stands for the file name.  65:27 is GCC's display column: two tabs
# (16), "/* " (3), 'ä' (1), '漢' (2, a wide character), " */ " (4).
cat >"$fd/text.want" <<'EOF'
@F@:28:9: warning: call to 'update_all' requires 'event_mutex' held, but it may not be held here in 'update_after_unlock' [uecheck:lock-required]
@F@:27:9: note: 'event_mutex' released here
@F@:14:9: note: 'update_all' asserts 'event_mutex' here
@F@:39:24: warning: access to 'next' of 'struct user_event_mm' without 'event_mutex' held in 'walk_unlocked' [uecheck:unguarded-access]
@F@:37:9: note: 'event_mutex' released here
@F@:54:1: warning: reference to 'struct user_event_mm' still held when leaving in 'leak_all': it is never put with 'user_event_mm_put' [uecheck:ref-leak]
@F@:50:14: note: reference taken here by 'user_event_mm_get_all'
@F@:54:1: note: every node of a 'user_event_mm_get_all' list holds a reference; put each one
@F@:65:27: warning: 'user_event_mm_put' of 'struct user_event_mm' that was already put on some path in 'put_twice' [uecheck:double-put]
@F@:64:17: note: first put here
@F@:79:24: warning: 'mm' dereferenced after 'user_event_mm_put' on some path in 'use_after_put' [uecheck:use-after-put]
@F@:78:17: note: put here
EOF
ODD=$odd awk '{ i = index($0, "@F@"); print substr($0, 1, i - 1) ENVIRON["ODD"] substr($0, i + 3) }' \
	"$fd/text.want" >"$fd/text.want2"
(cd "$fd" && sh "$uecheck" --engines=gcc "$odd") >"$fd/text.out" 2>"$fd/text.got"
if cmp -s "$fd/text.want2" "$fd/text.got" && [ ! -s "$fd/text.out" ]; then
	pass "findings: text exact for a name with \\, \", a tab and UTF-8"
else
	fail "findings: text exact for a name with \\, \", a tab and UTF-8"
	diff "$fd/text.want2" "$fd/text.got" | diag
fi

# ---- JSON: the name and the three columns ----------------------------------

(cd "$fd" && sh "$uecheck" --engines=gcc --format=json "$odd") >"$fd/o.json" 2>"$fd/o.err"
# By hand, line 65: byte 15 (2 tabs, "/* ", 'ä' 2 bytes, '漢' 3, " */ "),
# character 12, display 27.
if jq -e --arg f "$odd" '
	(.findings | length) == 5 and all(.findings[]; .file == $f) and
	all(.findings[].notes[]; .file == $f) and
	([.findings[] | [.line, .rule, .function]] ==
	 [[28, "lock-required", "update_after_unlock"],
	  [39, "unguarded-access", "walk_unlocked"], [54, "ref-leak", "leak_all"],
	  [65, "double-put", "put_twice"], [79, "use-after-put", "use_after_put"]]) and
	(.findings[3] | .byte_column == 15 and .char_column == 12 and .column == 27) and
	(.findings[0] | .byte_column == 2 and .char_column == 2 and .column == 9)' \
	"$fd/o.json" >/dev/null; then
	pass "findings: json exact for the odd name; byte, character and display columns"
else
	fail "findings: json exact for the odd name; byte, character and display columns"
	diag "$fd/o.json" "$fd/o.err"
fi

# ---- SARIF: the name as a URI, character columns ---------------------------

(cd "$fd" && sh "$uecheck" --engines=gcc --format=sarif "$odd") >"$fd/odd.sarif" 2>"$fd/o.err"
# By hand: \ %5C, space %20, " %22, tab %09, ä %C3%A4, 漢 %E6%BC%A2.
if jq -e --arg root "file://$(cd "$fd" && pwd -P)/" '
	.runs[0] as $r | ($r.results | length) == 5 and
	all($r.results[]; .locations[0].physicalLocation.artifactLocation ==
	    {"uri": "odd%5C%20%22q%22%09%C3%A4%E6%BC%A2.c", "uriBaseId": "%SRCROOT%"}) and
	$r.originalUriBaseIds["%SRCROOT%"].uri == $root and
	[$r.results[].locations[0].physicalLocation.region.startColumn] == [2, 10, 1, 12, 10] and
	$r.columnKind == "unicodeCodePoints"' "$fd/odd.sarif" >/dev/null; then
	pass "findings: sarif URI of the odd name, character columns"
else
	fail "findings: sarif URI of the odd name, character columns"
	diag "$fd/odd.sarif" "$fd/o.err"
fi

# ---- a message holding \, ", a tab and UTF-8 (a stand-in engine) ----------

msg=$(printf 'odd \\ "quote"\ttab \303\244 in %s' "'leak_all'")
cat >"$fd/msg-engine.sh" <<'EOF'
for f in "$@"; do file=$f; done
printf '%s:50:3: warning: %s [uecheck:ref-leak]\n' "$file" "$FAKE_MSG"
printf '%s:49:3: note: %s\n' "$file" "$FAKE_MSG"
EOF
FAKE_MSG=$msg UECHECK_COCCI=$fd/msg-engine.sh sh "$uecheck" --engines=cocci seeded.c \
	2>"$fd/m.txt"
FAKE_MSG=$msg UECHECK_COCCI=$fd/msg-engine.sh sh "$uecheck" --engines=cocci --format=json \
	seeded.c >"$fd/m.json" 2>&1
FAKE_MSG=$msg UECHECK_COCCI=$fd/msg-engine.sh sh "$uecheck" --engines=cocci --format=sarif \
	seeded.c >"$fd/m.sarif" 2>&1
# seeded.c's lines 50 and 49 start with one tab: byte 3 is display 10.
printf 'seeded.c:50:10: warning: %s [uecheck:ref-leak]\nseeded.c:49:10: note: %s\n' \
	"$msg" "$msg" >"$fd/m.want"
cmp -s "$fd/m.want" "$fd/m.txt" &&
	jq -e --arg m "$msg" '.findings == [{"file": "seeded.c", "line": 50, "column": 10,
		"byte_column": 3, "char_column": 3, "message": $m, "severity": "warning",
		"rule": "ref-leak", "function": "leak_all", "engines": ["cocci"],
		"notes": [{"file": "seeded.c", "line": 49, "column": 10, "byte_column": 3,
			   "char_column": 3, "message": $m}]}]' "$fd/m.json" >/dev/null &&
	jq -e --arg m "$msg" '.runs[0].results[0] | .message.text == $m and
		.relatedLocations[0].message.text == $m' "$fd/m.sarif" >/dev/null
verdict $? "findings: a message with \\, \", a tab and UTF-8 exact in text, json and sarif"

# ---- the same finding, the same column from both engines -------------------

if [ -f "$top/cocci/run.sh" ] && command -v "${SPATCH:-spatch}" >/dev/null 2>&1; then
	sh "$uecheck" --engines=gcc --format=sarif seeded.c >"$fd/g.sarif" 2>/dev/null
	sh "$uecheck" --engines=cocci --format=sarif seeded.c >"$fd/c.sarif" 2>/dev/null
	# Both engines report the call of lock-required (28) and double-put
	# (65) on its first character, characters 2 and 3 of their lines,
	# and the accesses of unguarded-access (39) and use-after-put (79)
	# where the expression 'mm->next' starts, character 10 (after two
	# tabs and "next = ").
	cols() {
		jq -c '[.runs[0].results[] | select(.ruleId != "ref-leak") |
			[.locations[0].physicalLocation.region.startLine,
			 .locations[0].physicalLocation.region.startColumn]]' "$1"
	}
	want='[[28,2],[39,10],[65,3],[79,10]]'
	[ "$(cols "$fd/g.sarif")" = "$want" ] && [ "$(cols "$fd/c.sarif")" = "$want" ]
	verdict $? "findings: gcc and cocci give the same sarif column for the same finding"
else
	skip "findings: gcc and cocci columns" "cocci/run.sh or spatch not there"
fi

# ---- one log for many parallel calls ---------------------------------------

mkdir -p "$fd/par"
cp ue.h "$fd/par/"
for i in 1 2 3 4 5 6; do cp seeded.c "$fd/par/s$i.c"; done
for i in 1 2 3 4 5 6; do
	(cd "$fd/par" && sh "$uecheck" --engines=gcc --format=sarif --output="$fd/all.sarif" "s$i.c") &
done
wait
jq -e '(.runs | length) == 1 and (.runs[0].results | length) == 30 and
	([.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | unique) ==
	["s1.c", "s2.c", "s3.c", "s4.c", "s5.c", "s6.c"] and
	all(.runs[0].results[]; (.partialFingerprints["uecheck/v1"] | length) == 32)' \
	"$fd/all.sarif" >/dev/null && [ ! -e "$fd/all.sarif.lock" ]
verdict $? "findings: --output=FILE.sarif from six parallel calls: one log, one run, 30 results, no lock file left"
# s3.c fixed (its double put gone), checked again: 4 results for it now.
sed '65d' seeded.c >"$fd/par/s3.c"
(cd "$fd/par" && sh "$uecheck" --engines=gcc --format=sarif --output="$fd/all.sarif" s3.c)
jq -e '(.runs[0].results | length) == 29 and
	([.runs[0].results[] | select(.locations[0].physicalLocation.artifactLocation.uri == "s3.c")] | length) == 4' \
	"$fd/all.sarif" >/dev/null
verdict $? "findings: a file checked again replaces its results in the log"
printf 'not json\n' >"$fd/bad.sarif"
exit_is "findings: --output onto a file that is not uecheck's SARIF log (exit 3)" 3 \
	sh "$uecheck" --engines=gcc --format=sarif --output="$fd/bad.sarif" seeded.c
[ "$(cat "$fd/bad.sarif")" = "not json" ] && grep -q '^uecheck: .*not a SARIF log' "$tmp/err"
verdict $? "findings: ... one line says so, the file is left alone"

# ---- source root under an O= build, stable fingerprints --------------------

kt=$fd/linux
mkdir -p "$kt/kernel/trace" "$fd/build"
printf 'VERSION = 6\nPATCHLEVEL = 12\n' >"$kt/Makefile"
: >"$kt/Kbuild"
cp seeded.c "$kt/kernel/trace/seeded.c"
cp ue.h "$kt/kernel/trace/"
(cd "$fd/build" && sh "$uecheck" --engines=gcc --format=sarif ../linux/kernel/trace/seeded.c) \
	>"$fd/o1.sarif" 2>"$fd/o.err"
jq -e --arg root "file://$(cd "$kt" && pwd -P)/" '.runs[0] |
	.originalUriBaseIds["%SRCROOT%"].uri == $root and
	all(.results[]; .locations[0].physicalLocation.artifactLocation ==
	    {"uri": "kernel/trace/seeded.c", "uriBaseId": "%SRCROOT%"})' "$fd/o1.sarif" >/dev/null
verdict $? "findings: sarif URIs relative to the kernel tree under an O=-style ../ path"
# Three lines added at the top: other line numbers, the same fingerprints.
{ printf '/* a */\n/* b */\n/* c */\n'; cat seeded.c; } >"$kt/kernel/trace/seeded.c"
(cd "$kt" && sh "$uecheck" --engines=gcc --format=sarif kernel/trace/seeded.c) >"$fd/o2.sarif" 2>&1
fp() { jq -c '[.runs[0].results[] | .partialFingerprints["uecheck/v1"]]' "$1"; }
startlines() { jq -c '[.runs[0].results[] | .locations[0].physicalLocation.region.startLine]' "$1"; }
[ "$(fp "$fd/o1.sarif")" = "$(fp "$fd/o2.sarif")" ] &&
	[ "$(startlines "$fd/o2.sarif")" = '[31,42,57,68,82]' ] &&
	[ "$(jq '[.runs[0].results[].partialFingerprints["uecheck/v1"]] | unique | length' "$fd/o1.sarif")" = 5 ]
verdict $? "findings: partialFingerprints distinct, and stable when lines shift"

# ---- SARIF for GitHub: rules, category -------------------------------------

jq -e '.runs[0] | .automationDetails.id == "uecheck/" and
	([.tool.driver.rules[].id] == ["unguarded-access", "lock-required",
	  "lock-held", "missing-assertion", "ref-leak", "double-put", "use-after-put"]) and
	all(.tool.driver.rules[]; (.fullDescription.text | length) > 40 and
	    (.help.text | length) > 40 and (.helpUri | test("^[a-z]+://")))' \
	"$fd/all.sarif" >/dev/null &&
	grep -q 'Fix: call it with `event_mutex` held' "$fd/all.sarif"
verdict $? "findings: sarif rules carry docs/rules.md's descriptions and fixes; category uecheck"
sh "$uecheck" --engines=gcc --format=sarif --sarif-category=x86_64 seeded.c >"$fd/cat.sarif" 2>&1
jq -e '.runs[0].automationDetails.id == "x86_64/"' "$fd/cat.sarif" >/dev/null
verdict $? "findings: --sarif-category sets automationDetails"

# ---- baselines: keyed on the function, not the wording ---------------------

cat >"$fd/word-engine.sh" <<'EOF'
for f in "$@"; do file=$f; done
printf '%s:50:3: warning: %s in %s [uecheck:ref-leak]\n' "$file" "$FAKE_WORDS" "'leak_all'"
EOF
FAKE_WORDS="a reference leaks" UECHECK_COCCI=$fd/word-engine.sh \
	sh "$uecheck" --engines=cocci --write-baseline="$fd/wb.txt" seeded.c 2>/dev/null
FAKE_WORDS="reworded: the reference is never put" UECHECK_COCCI=$fd/word-engine.sh \
	sh "$uecheck" --engines=cocci --baseline="$fd/wb.txt" seeded.c >"$fd/wb.out" 2>&1
[ ! -s "$fd/wb.out" ] &&
	grep -q '^seeded.c	ref-leak	leak_all	mm = user_event_mm_get_all(user);	1$' "$fd/wb.txt"
verdict $? "findings: a reworded message stays baselined (the key is file, rule, function)"
# A baseline of the old format (FUNCTION '-' for missing-assertion).
printf '# uecheck baseline\nstrict.c\tmissing-assertion\t-\t%s\t1\n' \
	"$(sed -n "$(sed -n 's/^\([0-9]*\) .*/\1/p' strict.expect | head -n 1)p" strict.c |
	   sed 's/[[:blank:]]\{1,\}/ /g; s/^ //; s/ $//')" >"$fd/old.txt"
sh "$uecheck" --engines=gcc --strict --baseline="$fd/old.txt" strict.c >"$fd/old.out" 2>&1
[ "$(found "$fd/old.out" | wc -l)" -eq $(($(wc -l <strict.expect) - 1)) ]
verdict $? "findings: an old baseline's '-' function still matches"
# A tab in the file name: one field, escaped as \t.
(cd "$fd" && sh "$uecheck" --engines=gcc --write-baseline=tab.txt "$odd" 2>/dev/null)
(cd "$fd" && sh "$uecheck" --engines=gcc --baseline=tab.txt "$odd") >"$fd/tab.out" 2>&1
[ ! -s "$fd/tab.out" ] && [ "$(grep -c '^odd\\\\ "q"\\t' "$fd/tab.txt")" -eq 5 ]
verdict $? "findings: a baseline keeps a file name with a tab and a backslash"

# ---- one SARIF log for a whole make -j2 C=2 kernel/trace/ build -----------

# A seeded 6.12 tree without touching the cached one: a tree of symlinks
# to its files, where kernel/trace/ holds two seeded files of its own
# (trace_events_user.c with kernel-unlock.patch; seeded_leak.c, a copy with
# kernel-leak.patch, added to the Makefile), and a copy of the prepared
# build directory inside it (O=build: kbuild then passes ../kernel/...).
kernel_sarif() {
	tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
	sh "$tree_sh" 6.12 >"$fd/kt.out" 2>"$fd/kt.err" || {
		fail "findings: prepare the 6.12 tree (scripts/kernel-tree.sh 6.12)"
		diag "$fd/kt.err"
		return 0
	}
	ksrc=$(sed -n 's/^SRC=//p' "$fd/kt.out")
	kobj=$(sed -n 's/^OBJ=//p' "$fd/kt.out")
	kf=$fd/k612
	mkdir -p "$kf/kernel/trace"
	# link DIR SKIP...: symlinks in $kf/DIR to the entries of $ksrc/DIR.
	link() {
		ld=$1
		shift
		for e in "$ksrc/$ld"/* "$ksrc/$ld"/.[!.]*; do
			[ -e "$e" ] || continue
			case " $* " in *" ${e##*/} "*) continue ;; esac
			ln -s "$e" "$kf/$ld/${e##*/}" || return 1
		done
	}
	link . kernel && link kernel trace && link kernel/trace trace_events_user.c Makefile || {
		fail "findings: a symlink tree of the 6.12 sources"
		return 0
	}
	t=$kf/kernel/trace
	cp "$ksrc/kernel/trace/trace_events_user.c" "$t/trace_events_user.c"
	cp "$ksrc/kernel/trace/trace_events_user.c" "$t/seeded_leak.c"
	{ cat "$ksrc/kernel/trace/Makefile"
	  echo 'obj-$(CONFIG_USER_EVENTS) += seeded_leak.o'; } >"$t/Makefile"
	(cd "$kf" && git apply "$fix/kernel-unlock.patch" &&
		sed 's|trace_events_user\.c|seeded_leak.c|g' "$fix/kernel-leak.patch" | git apply) || {
		fail "findings: seed the symlink tree"
		return 0
	}
	cp -a "$kobj" "$kf/build" || { fail "findings: copy the build directory"; return 0; }
	start=$(date +%s)
	(cd "$kf" && make -s O=build -j2 C=2 \
		CHECK="sh $uecheck --format=sarif --output=$kf/all.sarif" kernel/trace/) \
		>"$fd/kb.log" 2>&1
	rc=$?
	echo "# make -j2 C=2 kernel/trace/ with one SARIF log: $(($(date +%s) - start)) s"
	# By hand, from the patches (as in check-kbuild.sh): the overwrite of
	# the last pointer to the unput node; the read of ->next and the call
	# of a function asserting the lock after the new mutex_unlock().
	if [ "$rc" -eq 0 ] && grep -q '^\.\./kernel/trace/.*different address spaces' "$fd/kb.log" &&
	   jq -e --arg root "file://$kf/" '(.runs | length) == 1 and
		.runs[0].originalUriBaseIds["%SRCROOT%"].uri == $root and
		[.runs[0].results[] | [.locations[0].physicalLocation.artifactLocation.uriBaseId,
		  .locations[0].physicalLocation.artifactLocation.uri,
		  .locations[0].physicalLocation.region.startLine, .ruleId]] ==
		[["%SRCROOT%", "kernel/trace/seeded_leak.c", 651, "ref-leak"],
		 ["%SRCROOT%", "kernel/trace/trace_events_user.c", 641, "unguarded-access"],
		 ["%SRCROOT%", "kernel/trace/trace_events_user.c", 647, "lock-required"]]' \
		"$kf/all.sarif" >/dev/null; then
		pass "findings: make -j2 C=2 kernel/trace/ (6.12, O=): one log, one run, every seeded finding"
		cp "$kf/all.sarif" "$fd/kernel.sarif"
	else
		fail "findings: make -j2 C=2 kernel/trace/ (6.12, O=): one log, one run, every seeded finding"
		echo "# exit $rc"
		jq -c '.runs[].results[] | [.locations[0].physicalLocation, .ruleId]' "$kf/all.sarif" 2>&1 | diag
		grep -v 'address spaces\|__rcu\|struct user_event' "$fd/kb.log" | diag
	fi
	rm -rf "$kf"
}
if [ "${UECHECK_KERNEL:-1}" = 0 ]; then
	skip "findings: make -j2 C=2 kernel/trace/ with one SARIF log" "UECHECK_KERNEL=0"
else
	kernel_sarif
fi

# ---- Microsoft's SARIF Multitool, GitHub's rules ---------------------------

if mt=$(sh "$top/scripts/sarif-multitool.sh" 2>"$fd/mt.err"); then
	bad=0
	for s in all.sarif odd.sarif o1.sarif m.sarif kernel.sarif; do
		[ -f "$fd/$s" ] || continue
		rm -f "$fd/$s.v"
		"$mt" validate --rule-kind Gh -o "$fd/$s.v" "$fd/$s" >"$fd/mt.log" 2>&1 &&
			[ -f "$fd/$s.v" ] &&
			[ "$(jq '[.runs[].results[] | select(.level == "error")] | length' "$fd/$s.v")" = 0 ] || {
			bad=1
			echo "# $s:"
			jq -c '.runs[].results[] | [.ruleId, .level, .message]' "$fd/$s.v" 2>/dev/null | diag
			diag "$fd/mt.log"
		}
	done
	verdict "$bad" "findings: SARIF Multitool (--rule-kind Gh): zero errors"
else
	skip "findings: SARIF Multitool (--rule-kind Gh)" "$(head -n 1 "$fd/mt.err")"
fi
cd "$top" || exit 2
