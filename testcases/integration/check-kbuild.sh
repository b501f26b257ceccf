# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): uecheck inside real kernel builds.
# The prepared 6.12 tree comes from scripts/kernel-tree.sh; its build
# directory is copied (never built in place).
#   - make C=2 CHECK=scripts/uecheck on the unmodified trace_events_user.c:
#     succeeds, no finding, sparse's own output unchanged;
#   - the seeded patches (kernel-leak, kernel-unlock) applied to copies of
#     the file, built as an external module (M=) so the tree stays
#     pristine: exactly the findings listed here by hand;
#   - --werror fails the build on a finding;
#   - uecheck-patch --build-dir on the real tree: the seeded patches report
#     their findings, a comment-only patch and a fix report nothing.
# and on the prepared 7.3 tree (kbuild's scripts/checker-valid.sh probe):
#   - make C=1 CHECK=scripts/uecheck (default engines) is not switched off
#     and finds the seeded violations (M=); an old sparse is left out with
#     one note for the build; --werror fails the build;
#   - C=2 on the tree's trace_events_user.o checks it, no finding;
#   - a plugin that cannot run, or --engines=sparse with an old sparse,
#     fails the probe as kbuild expects.

if [ "${UECHECK_KERNEL:-1}" = 0 ]; then
	skip "kbuild: real 6.12 tree" "UECHECK_KERNEL=0"
	return 0
fi
tree_sh=${UECHECK_KERNEL_TREE_SH:-$top/scripts/kernel-tree.sh}
if [ ! -f "$tree_sh" ]; then
	skip "kbuild: real 6.12 tree" "scripts/kernel-tree.sh not written yet"
	return 0
fi
if ! sh "$tree_sh" 6.12 >"$tmp/kt.out" 2>"$tmp/kt.err"; then
	fail "kbuild: prepare the 6.12 tree (scripts/kernel-tree.sh 6.12)"
	diag "$tmp/kt.err"
	return 0
fi
ksrc=$(sed -n 's/^SRC=//p' "$tmp/kt.out")
kobj=$(sed -n 's/^OBJ=//p' "$tmp/kt.out")
obj=$tmp/kobj
cp -a "$kobj" "$obj" || { fail "kbuild: copy the build directory"; return 0; }
kfile=kernel/trace/trace_events_user.c
engines=gcc,sparse
[ -f "$top/cocci/run.sh" ] && command -v spatch >/dev/null 2>&1 && engines=gcc,cocci,sparse

# Only sparse's lines, for comparing with sparse alone.
sparse_lines() {
	grep -v -E '\[uecheck:[a-z-]+\]$|^[^:]+:[0-9]+:[0-9]+: note: |^  [A-Z]|^make|^uecheck' "$1" | sort
}

make -s -C "$obj" C=2 CHECK=sparse "${kfile%.c}.o" >"$tmp/k0.out" 2>&1
make -s -C "$obj" C=2 CHECK="sh $uecheck --engines=$engines" "${kfile%.c}.o" \
	>"$tmp/k1.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ! grep -q '^uecheck' "$tmp/k1.out" &&
	grep -q "trace_events_user.c:.*different address spaces" "$tmp/k1.out"
verdict $? "kbuild: make C=2 CHECK='uecheck --engines=$engines' on 6.12 succeeds"
[ "$rc" -eq 0 ] || diag "$tmp/k1.out"
check "kbuild: no finding on the unmodified trace_events_user.c" \
	[ "$(grep -c -E '\[uecheck:[a-z-]+\]$' "$tmp/k1.out")" -eq 0 ]
sparse_lines "$tmp/k0.out" >"$tmp/k0.sp"
sparse_lines "$tmp/k1.out" >"$tmp/k1.sp"
# Known from sparse 0.6.4 on this file: RCU address-space comparisons.
grep -q 'incompatible types in comparison expression (different address spaces)' "$tmp/k0.sp" &&
	cmp -s "$tmp/k0.sp" "$tmp/k1.sp"
verdict $? "kbuild: sparse's own output is all there, unchanged"

# seeded_module DIR SRC WHAT: DIR becomes an external module of
# SRC's trace_events_user.c with kernel-leak.patch and kernel-unlock.patch
# applied (seeded_leak.c, seeded_unlock.c).
seeded_module() {
	mkdir -p "$1/kernel/trace"
	for p in leak unlock; do
		cp "$2/$kfile" "$1/$kfile"
		(cd "$1" && git apply "$fix/kernel-$p.patch") || fail "kbuild: apply kernel-$p.patch$3"
		cp "$1/$kfile" "$1/seeded_$p.c"
	done
	rm -rf "$1/kernel"
	# shellcheck disable=SC2016 # $(srctree) is for make
	printf 'obj-m := seeded_leak.o seeded_unlock.o\nccflags-y := -I$(srctree)/kernel/trace\n' >"$1/Kbuild"
}

# Seeded violations, as an external module built against the tree.
mod=$tmp/mod
seeded_module "$mod" "$ksrc" ""
make -s -C "$obj" M="$mod" C=2 CHECK="sh $uecheck --engines=$engines" \
	seeded_leak.o seeded_unlock.o >"$tmp/k2.out" 2>&1
rc=$?
# Written by hand from the patches: the overwrite of the last pointer to
# the unput node; the read of ->next and the call of a function that
# asserts the lock, both after the new mutex_unlock().
cat >"$tmp/k2.want" <<EOF
$mod/seeded_leak.c 651 ref-leak
$mod/seeded_unlock.c 641 unguarded-access
$mod/seeded_unlock.c 647 lock-required
EOF
sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: [a-z]*: .* \[uecheck:\([a-z-]*\)\]$/\1 \2 \3/p' "$tmp/k2.out" |
	sort >"$tmp/k2.got"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/k2.want" "$tmp/k2.got"; then
	pass "kbuild: make C=2 M=... finds the seeded violations, nothing else"
else
	fail "kbuild: make C=2 M=... finds the seeded violations, nothing else"
	echo "# exit $rc"
	diff "$tmp/k2.want" "$tmp/k2.got" | diag
fi
check "kbuild: sparse's output is there for the seeded files too" \
	grep -q 'seeded_leak.c:.*different address spaces' "$tmp/k2.out"
make -s -C "$obj" M="$mod" C=2 CHECK="sh $uecheck --engines=gcc --werror" \
	seeded_leak.o >"$tmp/k3.out" 2>&1
rc=$?
[ "$rc" -ne 0 ] && grep -q 'seeded_leak.c:651:[0-9]*: error: .*\[uecheck:ref-leak\]$' "$tmp/k3.out"
verdict $? "kbuild: CHECK='uecheck --werror' fails the build on a finding"

# uecheck-patch with the prepared build, on the real tree.
upatch=$top/scripts/uecheck-patch
kp() { sh "$upatch" --engines=gcc --tree="$1" --build-dir="$obj" --terse "$2"; }
kp "$ksrc" "$fix/kernel-leak.patch" >"$tmp/kp1.out" 2>&1
rc=$?
# By hand: patch line 19 is the context line "mm = next;" (new line 651).
printf '%s\n' "$fix/kernel-leak.patch:19: ERROR:ref-leak: " \
	"total: 1 errors, 0 warnings, 7 lines checked" >"$tmp/kp1.want"
sed '1s/\(ERROR:ref-leak: \).*/\1/' "$tmp/kp1.out" >"$tmp/kp1.got"
[ "$rc" -eq 1 ] && cmp -s "$tmp/kp1.want" "$tmp/kp1.got"
verdict $? "kbuild: uecheck-patch --build-dir: the leak patch, one ref-leak"
[ "$rc" -eq 1 ] || diag "$tmp/kp1.out"
kp "$ksrc" "$fix/kernel-unlock.patch" >"$tmp/kp2.out" 2>&1
rc=$?
sed -n 's/^[^:]*:\([0-9]*\): \(ERROR:[a-z-]*\): .*/\1 \2/p' "$tmp/kp2.out" >"$tmp/kp2.got"
# Patch line 21 is "next = mm->next;"; the call at new line 647 lies
# outside the patch's hunks, so it is reported by its file line.
printf '21 ERROR:unguarded-access\n647 ERROR:lock-required\n' >"$tmp/kp2.want"
[ "$rc" -eq 1 ] && cmp -s "$tmp/kp2.want" "$tmp/kp2.got"
verdict $? "kbuild: uecheck-patch --build-dir: the unlock patch, its two findings"
[ "$rc" -eq 1 ] || diag "$tmp/kp2.out"
kp "$ksrc" "$fix/kernel-comment.patch" >"$tmp/kp3.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/kp3.out" ]
verdict $? "kbuild: uecheck-patch --build-dir: a comment-only patch reports nothing"
# A tree that has the leak, and the patch that fixes it.
lt=$tmp/leaky
mkdir -p "$lt/kernel/trace"
cp "$ksrc/$kfile" "$lt/$kfile"
(cd "$lt" && git apply "$fix/kernel-leak.patch")
kp "$lt" "$fix/kernel-fix.patch" >"$tmp/kp4.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/kp4.out" ]
verdict $? "kbuild: uecheck-patch --build-dir: a patch that fixes the leak reports nothing"
[ "$rc" -eq 0 ] || diag "$tmp/kp4.out"

# Linux 7.3: the top Makefile first runs scripts/checker-valid.sh on
# $(CHECK), whose probe Debian 12's sparse 0.6.4 fails ("C=1 specified,
# but ... is not available or not up to date": nothing is checked).
# uecheck must answer the probe for its own engines, leave the old sparse
# out and say so once per build. 7.x writes KBUILD_OUTPUT into the build
# directory's Makefile: always make -C SRC O=COPY, never make -C COPY.
kbuild7() {
	if ! sh "$tree_sh" 7.3 >"$tmp/kt7.out" 2>"$tmp/kt7.err"; then
		fail "kbuild: prepare the 7.3 tree (scripts/kernel-tree.sh 7.3)"
		diag "$tmp/kt7.err"
		return 0
	fi
	src7=$(sed -n 's/^SRC=//p' "$tmp/kt7.out")
	obj7=$tmp/kobj7
	cp -a "$(sed -n 's/^OBJ=//p' "$tmp/kt7.out")" "$obj7" || {
		fail "kbuild: copy the 7.3 build directory"
		return 0
	}
	if [ ! -f "$src7/scripts/checker-valid.sh" ]; then
		skip "kbuild: 7.3 and its checker probe" "no scripts/checker-valid.sh in $src7"
		return 0
	fi
	mod7=$tmp/mod7
	seeded_module "$mod7" "$src7" " to 7.3"
	km7() { make -s -C "$src7" O="$obj7" "$@"; }
	# Does sparse itself pass this tree's probe? Then there is nothing to
	# leave out (a newer sparse than Debian 12's).
	old_sparse=0
	[ "$(sh "$src7/scripts/checker-valid.sh" sparse 2>/dev/null)" = 1 ] || old_sparse=1
	notes() { grep -c "^uecheck: note: sparse .* is too old for this tree" "$1"; }

	km7 M="$mod7" C=1 CHECK="sh $uecheck" seeded_leak.o seeded_unlock.o >"$tmp/k7a.out" 2>&1
	rc=$?
	# By hand, from the patches: the same lines as in 6.12 (7.3 did not move
	# user_event_enabler_update()).
	printf '%s\n' "$mod7/seeded_leak.c 651 ref-leak" "$mod7/seeded_unlock.c 641 unguarded-access" \
		"$mod7/seeded_unlock.c 647 lock-required" >"$tmp/k7a.want"
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: [a-z]*: .* \[uecheck:\([a-z-]*\)\]$/\1 \2 \3/p' "$tmp/k7a.out" |
		sed "s|^seeded_|$mod7/seeded_|" | sort >"$tmp/k7a.got"
	if [ "$rc" -eq 0 ] && cmp -s "$tmp/k7a.want" "$tmp/k7a.got" &&
		! grep -q 'specified, but' "$tmp/k7a.out"; then
		pass "kbuild: 7.3 make C=1 CHECK=uecheck passes kbuild's probe and finds the seeded violations"
	else
		fail "kbuild: 7.3 make C=1 CHECK=uecheck passes kbuild's probe and finds the seeded violations"
		echo "# exit $rc"
		diff "$tmp/k7a.want" "$tmp/k7a.got" | diag
		diag "$tmp/k7a.out"
	fi
	if [ "$old_sparse" = 1 ]; then
		check "kbuild: 7.3 the old sparse is left out with one note for the whole build" \
			[ "$(notes "$tmp/k7a.out")" -eq 1 ]
	else
		check "kbuild: 7.3 a sparse that passes the probe stays in, no note" \
			[ "$(notes "$tmp/k7a.out")" -eq 0 ]
	fi

	km7 M="$mod7" C=2 CHECK="sh $uecheck --engines=gcc,sparse --werror" seeded_leak.o \
		>"$tmp/k7b.out" 2>&1
	rc=$?
	[ "$rc" -ne 0 ] && grep -q 'seeded_leak.c:651:[0-9]*: error: .*\[uecheck:ref-leak\]$' "$tmp/k7b.out"
	verdict $? "kbuild: 7.3 CHECK='uecheck --werror' fails the build on a finding"

	# The tree's own file, C=2: checked (one JSON document), no finding.
	km7 C=2 CHECK="sh $uecheck --engines=gcc,sparse --format=json --output=$tmp/k7json/" \
		"${kfile%.c}.o" >"$tmp/k7c.out" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && ! grep -q 'specified, but' "$tmp/k7c.out" &&
		[ "$(jq '.findings | length' "$tmp"/k7json/*trace_events_user.c.json 2>/dev/null)" = 0 ]
	verdict $? "kbuild: 7.3 make C=2 CHECK=uecheck on trace_events_user.o checks it, no finding"
	[ "$rc" -eq 0 ] || diag "$tmp/k7c.out"

	# An engine that cannot run fails the probe: kbuild says so, as for
	# any checker it cannot use (and checks nothing).
	env UECHECK_PLUGIN="$tmp/none.so" make -s -C "$src7" O="$obj7" M="$mod7" C=2 \
		CHECK="sh $uecheck --engines=gcc" seeded_leak.o >"$tmp/k7d.out" 2>&1
	grep -q 'C=2 specified, but .*uecheck.* is not available or not up to date' "$tmp/k7d.out" &&
		! grep -q '\[uecheck:' "$tmp/k7d.out"
	verdict $? "kbuild: 7.3 a plugin that cannot run fails kbuild's probe"
	if [ "$old_sparse" = 1 ]; then
		km7 M="$mod7" C=2 CHECK="sh $uecheck --engines=sparse" seeded_leak.o >"$tmp/k7e.out" 2>&1
		check "kbuild: 7.3 --engines=sparse alone gets sparse's own answer to the probe" \
			grep -q 'C=2 specified, but' "$tmp/k7e.out"
	else
		skip "kbuild: 7.3 --engines=sparse alone gets sparse's own answer" "this sparse passes the probe"
	fi
}
kbuild7
