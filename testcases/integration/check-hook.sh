# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the pre-commit hook in scratch git
# repositories: blocked and allowed commits, the index (not the working
# tree) checked, names with spaces and odd characters, renames, deletions,
# the initial commit, chaining to an existing hook, core.hooksPath, and
# uninstalling.  The hook uses the gcc engine here (git config
# uecheck.engines gcc): the fixtures need no build.

inst=$top/scripts/uecheck-install-hook

# new_repo DIR: an empty repository set up for the tests.
new_repo() {
	rm -rf "$1"
	mkdir -p "$1" && (cd "$1" && git init -q && git config user.name t &&
		git config user.email t@t && git config uecheck.engines gcc &&
		git config commit.gpgsign false)
}
# commit_in DIR MSG: try a commit; its output in $tmp/h.out.
commit_in() {
	(cd "$1" && git commit -q -m "$2") >"$tmp/h.out" 2>&1
}
blocked() { ! commit_in "$1" "$2"; }
commits() { (cd "$1" && git rev-list --count HEAD 2>/dev/null) || echo 0; }

r=$tmp/hook1
new_repo "$r"
(cd "$r" && sh "$inst") >"$tmp/h.inst" 2>&1
check "hook: installs into .git/hooks" [ -x "$r/.git/hooks/pre-commit" ]

# The initial commit with violations is blocked.
# shellcheck disable=SC2016 # a literal dollar in the file name
odd='odd name "q" $x.c'
cp "$fix/ue.h" "$r/"
cp "$fix/seeded.c" "$r/$odd"
(cd "$r" && git add -- ue.h "$odd")
blocked "$r" first
verdict $? "hook: the initial commit with violations is blocked"
check "hook: the block message says how to bypass and suppress" \
	grep -q 'git commit --no-verify' "$tmp/h.out"
check "hook: ... and shows the finding in the odd file name" \
	grep -q "^#[0-9]*: FILE: odd name \"q\" \\\$x.c:39:$" "$tmp/h.out"
grep -q 'uecheck: ignore RULE' "$tmp/h.out"
verdict $? "hook: ... and names the suppression comment"

# The index is checked, not the working tree.
cp "$fix/clean.c" "$r/$odd"
(cd "$r" && git add -- "$odd")
cp "$fix/seeded.c" "$r/$odd"
commit_in "$r" "clean staged, dirty tree"
rc=$?
verdict "$rc" "hook: staged clean content commits although the working tree has bugs"
[ "$rc" -eq 0 ] || diag "$tmp/h.out"
(cd "$r" && git add -- "$odd")
cp "$fix/clean.c" "$r/$odd"
blocked "$r" "bugs staged, tree clean"
verdict $? "hook: staged violations block although the working tree is clean"
(cd "$r" && git commit -q --no-verify -m bypass) >/dev/null 2>&1
check "hook: git commit --no-verify bypasses it" [ "$(commits "$r")" -eq 2 ]

# Existing findings are not new: rename, shifted lines, deletion.
(cd "$r" && git checkout -q -- "$odd" && git mv -- "$odd" "dir with space.c")
commit_in "$r" rename
verdict $? "hook: a rename of a file with findings commits (nothing new)"
{ printf '/* a comment\n * at the top\n */\n'; cat "$r/dir with space.c"; } >"$r/x.tmp"
mv "$r/x.tmp" "$r/dir with space.c"
(cd "$r" && git add -- "dir with space.c")
commit_in "$r" shift
verdict $? "hook: shifting lines above existing findings commits"
(cd "$r" && git rm -q -- "dir with space.c")
commit_in "$r" delete
verdict $? "hook: deleting a file commits"

# A suppression comment lets the commit through.
awk '{ print } /^\t\tuser_event_mm_put\(mm\);$/ && !d { d = 1; print "\t\tuser_event_mm_put(mm);\t/* uecheck: ignore double-put */" }' \
	"$fix/clean.c" >"$r/sup.c"
(cd "$r" && git add sup.c)
commit_in "$r" suppressed
rc=$?
verdict "$rc" "hook: a suppressed finding does not block"
[ "$rc" -eq 0 ] || diag "$tmp/h.out"

# A commit that never mentions the symbols: allowed, and quick.
printf 'int plain(void) { return 1; }\n' >"$r/plain.c"
printf 'notes\n' >"$r/README"
(cd "$r" && git add plain.c README)
t0=$(date +%s)
commit_in "$r" plain
rc=$?
t1=$(date +%s)
[ "$rc" -eq 0 ] && [ $((t1 - t0)) -le 2 ]
verdict $? "hook: a commit without the rules' symbols passes at once"

# Chaining to an existing hook, and uninstalling.
r=$tmp/hook2
new_repo "$r"
cat >"$r/.git/hooks/pre-commit" <<'EOF'
#!/bin/sh
# the team's own hook
echo ran >>"$(git rev-parse --git-dir)/own-hook.log"
[ ! -f "$(git rev-parse --show-toplevel)/BLOCK" ]
EOF
chmod 755 "$r/.git/hooks/pre-commit"
own=$(cksum <"$r/.git/hooks/pre-commit")
(cd "$r" && sh "$inst" && sh "$inst") >/dev/null 2>&1
check "hook: installing twice keeps the team's hook, chained once" \
	[ "$(cksum <"$r/.git/hooks/pre-commit.uecheck-chained")" = "$own" ]
cp "$fix/ue.h" "$fix/clean.c" "$r/"
(cd "$r" && git add ue.h clean.c)
commit_in "$r" first && [ "$(grep -c ran "$r/.git/own-hook.log")" -eq 1 ]
verdict $? "hook: the chained hook runs first"
touch "$r/BLOCK"
cp "$fix/strict.c" "$r/"
(cd "$r" && git add strict.c)
blocked "$r" second
verdict $? "hook: a failing chained hook still blocks the commit"
rm "$r/BLOCK"
(cd "$r" && sh "$inst" --uninstall) >/dev/null 2>&1
[ "$(cksum <"$r/.git/hooks/pre-commit")" = "$own" ] &&
	[ ! -e "$r/.git/hooks/pre-commit.uecheck-chained" ]
verdict $? "hook: --uninstall puts the team's hook back, byte for byte"
(cd "$r" && sh "$inst" --uninstall) >/dev/null 2>&1
check "hook: --uninstall leaves a hook it did not add alone" \
	[ "$(cksum <"$r/.git/hooks/pre-commit")" = "$own" ]

# core.hooksPath.
r=$tmp/hook3
new_repo "$r"
(cd "$r" && git config core.hooksPath .githooks && sh "$inst") >/dev/null 2>&1
check "hook: core.hooksPath is honoured" \
	[ -x "$r/.githooks/pre-commit" ] && [ ! -e "$r/.git/hooks/pre-commit" ]
cp "$fix/ue.h" "$fix/seeded.c" "$r/"
(cd "$r" && git add ue.h seeded.c)
blocked "$r" first
verdict $? "hook: blocks through core.hooksPath"
(cd "$r" && sh "$inst" --uninstall) >/dev/null 2>&1
check "hook: --uninstall with core.hooksPath removes it" [ ! -e "$r/.githooks/pre-commit" ]

(cd "$tmp" && sh "$inst") >/dev/null 2>"$tmp/h.err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/h.err")" -eq 1 ]
verdict $? "hook: outside a repository: one line, exit 2"

# The pre-commit framework's manifest names a hook that exists.
entry=$(sed -n 's/^ *entry: *//p' "$top/.pre-commit-hooks.yaml" 2>/dev/null | sed 's/ .*//')
[ -n "$entry" ] && [ -x "$top/$entry" ] &&
	grep -q '^- id: uecheck$' "$top/.pre-commit-hooks.yaml"
verdict $? "hook: .pre-commit-hooks.yaml names an executable entry"

# The findings cache (scripts/lib/memo.sh): the same check is not run
# twice, and a changed file, header or option is never answered from it.
r=$tmp/memo
mkdir -p "$r"
cp "$fix/ue.h" "$r/"
hdr_v1='#include "ue.h"
#define DROP(mm) user_event_mm_put(mm)'
hdr_v2='#include "ue.h"
#define DROP(mm) do { user_event_mm_put(mm); user_event_mm_put(mm); } while (0)'
printf '%s\n' "$hdr_v1" >"$r/hdr.h"
cat >"$r/m.c" <<'EOF2'
#include "hdr.h"

void put_each(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		DROP(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
EOF2
# A compiler that counts its runs on m.c.
cat >"$r/cc" <<EOF2
#!/bin/sh
case "\$*" in *m.c*) echo run >>"$r/cc.log" ;; esac
exec gcc "\$@"
EOF2
chmod 755 "$r/cc"
: >"$r/cc.log"
memo_check() {
	(cd "$r" && UECHECK_CACHE_DIR=$r/cache UECHECK_CC=$r/cc \
		sh "$uecheck" --engines=gcc "$@" m.c) >"$tmp/m.out" 2>&1
}
runs() { grep -c . "$r/cc.log"; }
memo_check
n1=$(runs)
memo_check
[ "$n1" -gt 0 ] && [ "$(runs)" -eq "$n1" ] && [ ! -s "$tmp/m.out" ] &&
	[ -n "$(ls "$r/cache")" ]
verdict $? "cache: a second check of the same content runs no compiler"
printf '%s\n' "$hdr_v2" >"$r/hdr.h"
memo_check
[ "$(runs)" -gt "$n1" ] && grep -q '^m\.c:11:[0-9]*: warning: .*\[uecheck:double-put\]$' "$tmp/m.out"
verdict $? "cache: an edited header is checked again (the put doubled in a macro)"
[ -s "$tmp/m.out" ] || diag "$tmp/m.out"
printf '%s\n' "$hdr_v1" >"$r/hdr.h"
memo_check
n1=$(runs)
[ ! -s "$tmp/m.out" ]
verdict $? "cache: ... and the old header's answer is found again"
sed 's/^\t\tDROP(mm);$/&\n\t\tuser_event_mm_put(mm);/' "$r/m.c" >"$r/m.tmp" && mv "$r/m.tmp" "$r/m.c"
memo_check
[ "$(runs)" -gt "$n1" ] && grep -q '^m\.c:12:[0-9]*: warning: .*\[uecheck:double-put\]$' "$tmp/m.out"
verdict $? "cache: a changed file is checked again"
n1=$(runs)
memo_check --rules=ref-leak
[ "$(runs)" -gt "$n1" ] && [ ! -s "$tmp/m.out" ]
verdict $? "cache: other options are checked again"

# The cocci engine's answers depend on the built-in rule sets too (the
# scripts' names come from them): a copy of cocci/ and rulesets/ whose
# kernel-locks.ruleset changes is asked again.
cp -R "$top/cocci" "$top/rulesets" "$r/"
cat >"$r/spatch" <<EOF2
#!/bin/sh
case "\$*" in *--sp-file*) echo run >>"$r/spatch.log" ;; esac
exec spatch "\$@"
EOF2
chmod 755 "$r/spatch"
: >"$r/spatch.log"
cocci_memo() {
	(cd "$r" && UECHECK_CACHE_DIR=$r/cache UECHECK_COCCI=$r/cocci/run.sh SPATCH=$r/spatch \
		sh "$uecheck" --engines=cocci m.c) >"$tmp/m.out" 2>&1
}
cocci_memo
n1=$(grep -c . "$r/spatch.log")
cocci_memo
n2=$(grep -c . "$r/spatch.log")
echo "# a changed rule set" >>"$r/rulesets/kernel-locks.ruleset"
cocci_memo
n3=$(grep -c . "$r/spatch.log")
[ "$n1" -gt 0 ] && [ "$n2" -eq "$n1" ] && [ "$n3" -gt "$n2" ]
verdict $? "cache: the cocci engine is asked again when a built-in rule set changed (spatch runs $n1, $n2, $n3)"

# The same through the hook: the HEAD version of m.c was checked (and
# cached) under the old header; after the header changed, the finding
# the new header causes in both versions is not new.
r=$tmp/memo-hook
new_repo "$r"
cp "$fix/ue.h" "$tmp/memo/m.c" "$r/"
sed -i '/^\t\tuser_event_mm_put(mm);$/d' "$r/m.c"
printf '%s\n' "$hdr_v1" >"$r/hdr.h"
(cd "$r" && sh "$inst" && git add ue.h hdr.h m.c) >/dev/null 2>&1
commit_in "$r" "m.c, clean"
rc=$?
[ "$rc" -eq 0 ] && [ -n "$(ls "$r/.git/uecheck-cache" 2>/dev/null)" ]
verdict $? "hook: the findings cache is under the git directory"
[ "$rc" -eq 0 ] || diag "$tmp/h.out"
printf '%s\n' "$hdr_v2" >"$r/hdr.h"
(cd "$r" && git add hdr.h && git commit -q --no-verify -m "the doubled put")
{ printf '/* moved down */\n'; cat "$r/m.c"; } >"$r/m.tmp" && mv "$r/m.tmp" "$r/m.c"
(cd "$r" && git add m.c)
commit_in "$r" "m.c, lines moved"
rc=$?
verdict "$rc" "hook: a cached HEAD version is checked again when a header changed"
[ "$rc" -eq 0 ] || diag "$tmp/h.out"

# With the Coccinelle engine alone, an edited function spatch cannot
# parse is named, and the commit stops: its change was not checked whole
# (git commit --no-verify, or the gcc engine, which parses every function).
if command -v spatch >/dev/null 2>&1; then
	r=$tmp/hook-unp
	new_repo "$r"
	(cd "$r" && git config uecheck.engines cocci && sh "$inst") >/dev/null 2>&1
	cp "$fix/ue.h" "$fix/unparsable.c" "$fix/unparsable.h" "$r/"
	(cd "$r" && git add . && git commit -q --no-verify -m base)
	sed -i 's|^	return 0;$|	return 1;|' "$r/unparsable.c"
	(cd "$r" && git add unparsable.c)
	blocked "$r" "edit update_walk" && [ "$(commits "$r")" -eq 1 ] &&
		grep -q -x "uecheck: unparsable.c:16: function 'update_walk' not checked by the cocci engine: spatch cannot parse it" "$tmp/h.out" &&
		grep -q -x "Your staged change could not be checked completely: 1 part of it not checked by any engine (above)." "$tmp/h.out"
	rc=$?
	verdict "$rc" "hook: an edited function spatch cannot parse is named, and stops the commit (cocci engine)"
	[ "$rc" -eq 0 ] || diag "$tmp/h.out"
else
	skip "hook: an edited function spatch cannot parse is named" "spatch not found"
fi
