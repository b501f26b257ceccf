# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): scripts/uecheck-patch on patches
# written by hand against the fixtures, in a scratch git checkout.  Uses
# the gcc engine (no build needed for the fixtures); the cocci default is
# exercised once cocci/run.sh exists.

upatch=$top/scripts/uecheck-patch
pt=$tmp/ptree
mkdir -p "$pt"
cp "$fix/ue.h" "$fix/clean.c" "$fix/seeded.c" "$pt/"
(cd "$pt" && git init -q && git add . &&
	git -c user.name=t -c user.email=t@t commit -q -m base) || {
	fail "patch: scratch checkout"
	return 0
}
sum_before=$(cd "$pt" && cat clean.c seeded.c | cksum)

# 1. A new leak: the put made conditional.
cat >"$tmp/leak.patch" <<'EOF'
--- a/clean.c
+++ b/clean.c
@@ -34,7 +34,8 @@ void put_each(struct user_event *user)
 	mm = user_event_mm_get_all(user);
 	while (mm) {
 		next = mm->next;
-		user_event_mm_put(mm);
+		if (next)
+			user_event_mm_put(mm);
 		mm = next;
 	}
 	mutex_unlock(&event_mutex);
EOF
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/leak.patch") >"$tmp/p.out" 2>"$tmp/p.err"
rc=$?
check "patch: a patch adding a leak exits 1" [ "$rc" -eq 1 ]
# Expected block, by hand: the finding is at the overwrite "mm = next;",
# new line 39, patch line 10 (a context line).
sed -n '1s/^\(ERROR:ref-leak: \).*/\1/p; 2,4p' "$tmp/p.out" >"$tmp/p.head"
printf 'ERROR:ref-leak: \n#10: FILE: clean.c:39:\n \t\tmm = next;\n\n' >"$tmp/p.want"
if cmp -s "$tmp/p.head" "$tmp/p.want" &&
   grep -q -x 'total: 1 errors, 0 warnings, 9 lines checked' "$tmp/p.out"; then
	pass "patch: checkpatch-shaped block and total for the new leak"
else
	fail "patch: checkpatch-shaped block and total for the new leak"
	diag "$tmp/p.out" "$tmp/p.err"
fi
[ "$(cd "$pt" && cat clean.c seeded.c | cksum)" = "$sum_before" ] &&
	[ -z "$(cd "$pt" && git status --porcelain)" ]
verdict $? "patch: the working tree is not touched"

(cd "$pt" && sh "$upatch" --engines=gcc - <"$tmp/leak.patch") >"$tmp/p2.out" 2>&1
check "patch: reads the patch from stdin ('Your patch')" \
	grep -q -x 'Your patch has uecheck findings, please review.' "$tmp/p2.out"

(cd "$pt" && sh "$upatch" --engines=gcc --terse "$tmp/leak.patch") >"$tmp/p3.out" 2>&1
printf '%s\n' "$tmp/leak.patch:10: ERROR:ref-leak: " >"$tmp/p3.want"
echo "total: 1 errors, 0 warnings, 9 lines checked" >>"$tmp/p3.want"
sed '1s/\(ERROR:ref-leak: \).*/\1/' "$tmp/p3.out" >"$tmp/p3.got"
if cmp -s "$tmp/p3.got" "$tmp/p3.want"; then
	pass "patch: --terse, one line per finding with PATCH:LINE:"
else
	fail "patch: --terse, one line per finding with PATCH:LINE:"
	diag "$tmp/p3.out"
fi
(cd "$pt" && sh "$upatch" --engines=gcc --emacs "$tmp/leak.patch") >"$tmp/p4.out" 2>&1
check "patch: --emacs prefixes the finding, keeps the block" \
	[ "$(sed -n '1s/: ERROR:.*//p; 2p' "$tmp/p4.out")" = "$tmp/leak.patch:10
#10: FILE: clean.c:39:" ]

# 2. A patch that fixes a bug reports nothing.
cat >"$tmp/fix.patch" <<'EOF'
--- a/seeded.c
+++ b/seeded.c
@@ -62,7 +62,6 @@ void put_twice(struct user_event *user)
 	while (mm) {
 		next = mm->next;
 		user_event_mm_put(mm);
-		user_event_mm_put(mm);
 		mm = next;
 	}
 	mutex_unlock(&event_mutex);
EOF
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/fix.patch") >"$tmp/p5.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q -x 'total: 0 errors, 0 warnings, 7 lines checked' "$tmp/p5.out" &&
	! grep -q '^ERROR' "$tmp/p5.out"
verdict $? "patch: a patch that fixes a bug reports nothing"
[ "$rc" -eq 0 ] || diag "$tmp/p5.out"

# 3. Lines shifted above four existing findings: nothing new.
cat >"$tmp/shift.patch" <<'EOF'
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Test <t@t>
Subject: [PATCH] seeded: explain the file

---
 seeded.c | 4 ++++
 1 file changed, 4 insertions(+)

diff --git a/seeded.c b/seeded.c
--- a/seeded.c
+++ b/seeded.c
@@ -28,6 +28,10 @@ void update_after_unlock(struct user_event *user)
 	update_all(user);
 }
 
+/*
+ * Walks the list after the lock is gone.
+ */
+
 void walk_unlocked(struct user_event *user)
 {
 	struct user_event_mm *mm, *next;
-- 
2.39.2
EOF
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/shift.patch") >"$tmp/p6.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q -x 'total: 0 errors, 0 warnings, 10 lines checked' "$tmp/p6.out"
verdict $? "patch: format-patch shifting existing findings reports nothing"
[ "$rc" -eq 0 ] || diag "$tmp/p6.out"

# 4. A rename to a name with spaces, plus a new bug in the renamed file.
cat >"$tmp/rename.patch" <<'EOF'
diff --git a/clean.c b/new dir/the clean.c
similarity index 95%
rename from clean.c
rename to new dir/the clean.c
--- a/clean.c
+++ b/new dir/the clean.c
@@ -22,7 +22,7 @@ void update_locked(struct user_event *user)
 void update_locked(struct user_event *user)
 {
 	mutex_lock(&event_mutex);
-	update_all(user);
 	mutex_unlock(&event_mutex);
+	update_all(user);
 }
 
EOF
(cd "$pt" && sh "$upatch" --engines=gcc --terse "$tmp/rename.patch") >"$tmp/p7.out" 2>&1
rc=$?
printf '%s\n' "$tmp/rename.patch:13: ERROR:lock-required: " \
	"total: 1 errors, 0 warnings, 8 lines checked" >"$tmp/p7.want"
sed '1s/\(ERROR:lock-required: \).*/\1/' "$tmp/p7.out" >"$tmp/p7.got"
if [ "$rc" -eq 1 ] && cmp -s "$tmp/p7.got" "$tmp/p7.want"; then
	pass "patch: a rename to a name with spaces, only the new finding"
else
	fail "patch: a rename to a name with spaces, only the new finding"
	diag "$tmp/p7.out"
fi

# 5. Bad input.
printf -- '--- a/clean.c\n+++ b/clean.c\n@@ -1,1 +1,1 @@\n-no such line\n+x\n' >"$tmp/bad.patch"
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/bad.patch") >"$tmp/p8.out" 2>"$tmp/p8.err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/p8.err")" -eq 1 ] &&
	grep -q '^uecheck-patch: the patch does not apply' "$tmp/p8.err"
verdict $? "patch: a patch that does not apply: one line, exit 2"
(cd "$pt" && sh "$upatch" --bogus "$tmp/leak.patch") >"$tmp/p9.out" 2>"$tmp/p9.err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/p9.err")" -eq 1 ] && grep -q bogus "$tmp/p9.err"
verdict $? "patch: unknown option: one line, exit 2"
(cd "$tmp" && sh "$upatch" --engines=gcc --tree="$pt" "$tmp/none.patch") >"$tmp/p9.out" 2>"$tmp/p9.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'none.patch' "$tmp/p9.err"
verdict $? "patch: missing patch file: exit 2"
(cd "$tmp" && sh "$upatch" --engines=gcc --tree="$pt" "$tmp/leak.patch") >"$tmp/p10.out" 2>&1
check "patch: --tree from outside the checkout" grep -q '^#10: FILE: clean.c:39:$' "$tmp/p10.out"

if [ -f "$top/cocci/run.sh" ] && command -v spatch >/dev/null 2>&1; then
	(cd "$pt" && sh "$upatch" "$tmp/fix.patch") >"$tmp/p11.out" 2>&1
	check "patch: default cocci engine, a fix reports nothing" \
		grep -q '^total: 0 errors' "$tmp/p11.out"
else
	skip "patch: default cocci engine" "cocci/run.sh not there yet"
fi

# One file at a time, not under make -j: spatch gets every core, unless
# UECHECK_COCCI_JOBS says otherwise.
: >"$tmp/pj.log"
(cd "$pt" && FAKE_COCCI_LOG=$tmp/pj.log UECHECK_COCCI=$fix/fake-cocci.sh \
	sh "$upatch" --engines=cocci "$tmp/leak.patch") >/dev/null 2>&1
check "patch: the cocci engine runs with --jobs <cores>" \
	grep -q -e "^--jobs $(nproc 2>/dev/null || echo 1) .*clean.c\$" "$tmp/pj.log"
: >"$tmp/pj.log"
(cd "$pt" && FAKE_COCCI_LOG=$tmp/pj.log UECHECK_COCCI=$fix/fake-cocci.sh UECHECK_COCCI_JOBS=1 \
	sh "$upatch" --engines=cocci "$tmp/leak.patch") >/dev/null 2>&1
check "patch: UECHECK_COCCI_JOBS=1 is kept" \
	grep -q -e '^--jobs 1 .*clean.c$' "$tmp/pj.log"

# 6. No silent success: input that is not a patch is one line, exit 2,
# never "no findings".
: >"$tmp/empty.patch"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' >"$tmp/binary.patch"
printf 'Hello,\n\nplease review my change to clean.c.\n' >"$tmp/text.patch"
for k in empty:empty binary:'binary data' text:"no 'diff --git'"; do
	kind=${k%%:*} why=${k#*:}
	(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/$kind.patch") >"$tmp/np.out" 2>"$tmp/np.err"
	rc=$?
	[ "$rc" -eq 2 ] && [ ! -s "$tmp/np.out" ] && [ "$(grep -c . "$tmp/np.err")" -eq 1 ] &&
		grep -q "^uecheck-patch: $tmp/$kind.patch: not a patch ($why" "$tmp/np.err"
	verdict $? "patch: $kind input is not a patch: one line, exit 2"
	[ "$rc" -eq 2 ] || diag "$tmp/np.out" "$tmp/np.err"
done
(cd "$pt" && sh "$upatch" --engines=gcc - </dev/null) >"$tmp/np.out" 2>"$tmp/np.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q -x 'uecheck-patch: standard input: not a patch (empty)' "$tmp/np.err"
verdict $? "patch: empty standard input is not a patch: exit 2"
# A real patch that touches no C file is still a patch: nothing to find.
printf -- '--- a/README\n+++ b/README\n@@ -0,0 +1 @@\n+notes\n' >"$tmp/doc.patch"
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/doc.patch") >"$tmp/np.out" 2>"$tmp/np.err"
rc=$?
[ "$rc" -eq 0 ] && grep -q '^total: 0 errors' "$tmp/np.out"
verdict $? "patch: a patch with no C file in it is still checked as a patch (exit 0)"
[ "$rc" -eq 0 ] || diag "$tmp/np.out" "$tmp/np.err"

# 7. Long options: --opt VALUE as well as --opt=VALUE; --help complete.
(cd "$tmp" && sh "$upatch" --engines gcc --tree "$pt" --terse "$tmp/leak.patch") >"$tmp/pv.out" 2>&1
sed '1s/\(ERROR:ref-leak: \).*/\1/' "$tmp/pv.out" >"$tmp/pv.got"
if cmp -s "$tmp/pv.got" "$tmp/p3.want"; then
	pass "patch: --tree DIR and --engines LIST with the value as the next argument"
else
	fail "patch: --tree DIR and --engines LIST with the value as the next argument"
	diag "$tmp/pv.out"
fi
(cd "$pt" && sh "$upatch" --engines=gcc "$tmp/leak.patch" --tree) >"$tmp/pv.out" 2>"$tmp/pv.err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/pv.err")" -eq 1 ] &&
	grep -q "^uecheck-patch: option '--tree' needs a value" "$tmp/pv.err"
verdict $? "patch: an option without its value: one line, exit 2"
sh "$upatch" --help >"$tmp/pv.out" 2>&1
[ "$(tail -n 1 "$tmp/pv.out")" = "completely, never that it has no findings." ]
verdict $? "patch: --help prints the whole manual, to its last line"
sh "$top/scripts/uecheck-install-hook" --help >"$tmp/pv.out" 2>&1
[ "$(tail -n 1 "$tmp/pv.out")" = "is already in the way." ]
verdict $? "patch: uecheck-install-hook --help prints the whole manual, to its last line"

# 8. A function the cocci engine cannot parse, in a change checked with
# cocci alone: said, with the path of the tree, and the change is not
# checked whole: exit 3, never "no findings".
if command -v spatch >/dev/null 2>&1; then
	up=$tmp/punp
	mkdir -p "$up"
	cp "$fix/ue.h" "$fix/unparsable.c" "$fix/unparsable.h" "$up/"
	(cd "$up" && git init -q && git add . &&
		git -c user.name=t -c user.email=t@t commit -q -m base) &&
	sed 's|^	return 0;$|	return 1;|' "$up/unparsable.c" >"$up/new.c" &&
	(cd "$up" && git diff --no-index -- unparsable.c new.c |
		sed 's|^+++ b/new.c|+++ b/unparsable.c|; s|^diff --git a/unparsable.c b/new.c|diff --git a/unparsable.c b/unparsable.c|') \
		>"$tmp/unp.patch"
	rm -f "$up/new.c"
	(cd "$up" && sh "$upatch" --engines=cocci "$tmp/unp.patch") >"$tmp/pu.out" 2>"$tmp/pu.err"
	rc=$?
	[ "$rc" -eq 3 ] && grep -q -x "uecheck: unparsable.c:16: function 'update_walk' not checked by the cocci engine: spatch cannot parse it" "$tmp/pu.err" &&
		[ "$(tail -n 1 "$tmp/pu.out")" = "$tmp/unp.patch could not be checked completely: 1 part of it not checked by any engine (above)." ] &&
		! grep -q 'has no uecheck findings' "$tmp/pu.out"
	rc2=$?
	verdict "$rc2" "patch: a changed function spatch cannot parse is named, and the change is not read as clean (cocci engine only: exit 3)"
	[ "$rc2" -eq 0 ] || diag "$tmp/pu.out" "$tmp/pu.err"
	# Must stay quiet: with the gcc engine too, every function is checked,
	# and the same change (its leak was there before) has no new finding.
	(cd "$up" && sh "$upatch" --engines=gcc,cocci "$tmp/unp.patch") >"$tmp/pg.out" 2>"$tmp/pg.err"
	rc=$?
	[ "$rc" -eq 0 ] && [ "$(tail -n 1 "$tmp/pg.out")" = "$tmp/unp.patch has no uecheck findings." ] &&
		! grep -q 'not checked' "$tmp/pg.err" "$tmp/pg.out"
	rc2=$?
	verdict "$rc2" "patch: the same change checked by the gcc engine too is complete, and clean (exit 0)"
	[ "$rc2" -eq 0 ] || diag "$tmp/pg.out" "$tmp/pg.err"
else
	skip "patch: a changed function spatch cannot parse is named" "spatch not found"
fi
