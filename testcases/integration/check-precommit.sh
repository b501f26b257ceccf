# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154,SC1091 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): the pre-commit framework
# (Debian's pre-commit package) running this checkout's hook from a real
# .pre-commit-config.yaml, offline: the hook repository is a snapshot of
# the working tree committed to a scratch git repository, named by its
# path, which pre-commit clones into its own environment (no plugin built
# there).  Covered: --all-files on a committed bug and on a clean tree,
# --from-ref/--to-ref on a range that adds a bug and on one that does
# not, a commit through `pre-commit install`, the gcc engine (the plugin
# built once in the framework's copy, or one line saying Coccinelle
# checks alone), and a tool failure never reading as "no findings".

if ! command -v pre-commit >/dev/null 2>&1; then
	skip "precommit: the pre-commit framework" "pre-commit not installed (make deps)"
	return 0
fi
if ! command -v spatch >/dev/null 2>&1; then
	skip "precommit: the pre-commit framework" "spatch not installed: the hook's default engine is cocci"
	return 0
fi

pc=$tmp/precommit
hookrepo=$pc/hookrepo
mkdir -p "$hookrepo"
# The checkout as it is, without build outputs (what a clone would have).
(cd "$top" && git ls-files -z --cached --others --exclude-standard |
	xargs -0 cp --parents -t "$hookrepo" 2>/dev/null)
rm -f "$hookrepo"/plugin/*.so "$hookrepo"/plugin/*.o
(cd "$hookrepo" && git init -q && git add -A &&
	git -c user.name=t -c user.email=t@t -c commit.gpgsign=false commit -q -m snapshot) || {
	fail "precommit: a snapshot of the checkout as the hook repository"
	return 0
}
rev=$(git -C "$hookrepo" rev-parse HEAD)
PRE_COMMIT_HOME=$pc/home
export PRE_COMMIT_HOME

# pc_repo DIR: a repository using the hook through .pre-commit-config.yaml.
pc_repo() {
	rm -rf "$1"
	mkdir -p "$1" && (cd "$1" && git init -q && git config user.name t &&
		git config user.email t@t && git config commit.gpgsign false &&
		printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: uecheck\n' \
			"$hookrepo" "$rev" >.pre-commit-config.yaml &&
		cp "$fix/ue.h" "$fix/clean.c" . && git add -A &&
		git commit -q --no-verify -m clean)
}
# pc_run DIR ARG...: pre-commit run in DIR, the framework's own plugin
# (not this checkout's); output in $tmp/pc.out, its exit status returned.
pc_run() {
	pc_dir=$1
	shift
	(cd "$pc_dir" && env -u UECHECK_PLUGIN pre-commit run --color never "$@") >"$tmp/pc.out" 2>&1
}

r=$pc/clean
pc_repo "$r" || fail "precommit: scratch repository"
pc_run "$r" --all-files
rc=$?
verdict "$rc" "precommit: --all-files passes a clean tree"
[ "$rc" -eq 0 ] || diag "$tmp/pc.out"

r=$pc/bug
pc_repo "$r"
base=$(git -C "$r" rev-parse HEAD)
cp "$fix/seeded.c" "$r/"
(cd "$r" && git add seeded.c && git commit -q --no-verify -m "a bug")
pc_run "$r" --all-files
rc=$?
[ "$rc" -eq 1 ] && grep -q '^#[0-9]*: FILE: seeded\.c:39:$' "$tmp/pc.out" &&
	grep -q '^ERROR:unguarded-access: ' "$tmp/pc.out"
verdict $? "precommit: --all-files catches a committed bug (seeded.c:39, unguarded-access)"
[ "$rc" -eq 1 ] || diag "$tmp/pc.out"
pc_run "$r" --from-ref "$base" --to-ref HEAD
rc=$?
[ "$rc" -eq 1 ] && grep -q '^#[0-9]*: FILE: seeded\.c:39:$' "$tmp/pc.out"
verdict $? "precommit: --from-ref/--to-ref catches the bug the range adds"
[ "$rc" -eq 1 ] || diag "$tmp/pc.out"
bug=$(git -C "$r" rev-parse HEAD)
{ printf '/* a comment */\n'; cat "$r/seeded.c"; } >"$r/x.tmp" && mv "$r/x.tmp" "$r/seeded.c"
(cd "$r" && git commit -q --no-verify -a -m "lines moved")
pc_run "$r" --from-ref "$bug" --to-ref HEAD
rc=$?
verdict "$rc" "precommit: a range that adds no finding passes, though the file has some"
[ "$rc" -eq 0 ] || diag "$tmp/pc.out"

# A commit, through the git hook `pre-commit install` writes.
r=$pc/commit
pc_repo "$r"
(cd "$r" && env -u UECHECK_PLUGIN pre-commit install) >/dev/null 2>&1
cp "$fix/seeded.c" "$r/"
(cd "$r" && git add seeded.c && env -u UECHECK_PLUGIN git commit -q -m bug) >"$tmp/pc.out" 2>&1
rc=$?
[ "$rc" -ne 0 ] && [ "$(git -C "$r" rev-list --count HEAD)" -eq 1 ] &&
	grep -q '^#[0-9]*: FILE: seeded\.c:39:$' "$tmp/pc.out"
verdict $? "precommit: a commit adding a bug is blocked"
(cd "$r" && git rm -q --cached seeded.c && rm seeded.c &&
	printf '/* more */\n' >>clean.c && git add clean.c &&
	env -u UECHECK_PLUGIN git commit -q -m fine) >"$tmp/pc.out" 2>&1
verdict $? "precommit: a clean commit passes"

# The gcc engine: no compiler to build the plugin with, then gcc.  (The
# comment added above moved seeded.c's findings one line down.)
r=$pc/bug
git -C "$r" config uecheck.engines gcc,cocci
printf '#!/bin/sh\nexit 1\n' >"$pc/no-cc"
chmod 755 "$pc/no-cc"
UECHECK_CC=$pc/no-cc pc_run "$r" --all-files
rc=$?
[ "$rc" -eq 1 ] && [ "$(grep -c 'checking with the Coccinelle engine only$' "$tmp/pc.out")" -eq 1 ] &&
	[ "$(grep -c '^uecheck[-a-z]*: ' "$tmp/pc.out")" -eq 1 ] &&
	grep -q '^#[0-9]*: FILE: seeded\.c:40:$' "$tmp/pc.out"
verdict $? "precommit: no plugin can be built: one line says so, Coccinelle still catches the bug"
[ "$rc" -eq 1 ] || diag "$tmp/pc.out"
pc_run "$r" --all-files
rc=$?
# leak_all's leak (seeded.c:55 now) is the gcc engine's alone.
[ "$rc" -eq 1 ] && grep -q '^#[0-9]*: FILE: seeded\.c:55:$' "$tmp/pc.out" &&
	! grep -q 'Coccinelle engine only' "$tmp/pc.out" &&
	[ -n "$(find "$PRE_COMMIT_HOME" -path '*/plugin/uecheck-core.so')" ]
verdict $? "precommit: the gcc engine: the plugin built in the framework's copy, its findings shown"
[ "$rc" -eq 1 ] || diag "$tmp/pc.out"

# A tool failure is never "no findings".
git -C "$r" config uecheck.engines gcc
printf '#include "ue.h"\nstruct user_event_mm *broken(void) { return ; \n' >"$r/broken.c"
(cd "$r" && git add broken.c && git commit -q --no-verify -m broken)
pc_run "$r" --files broken.c
rc=$?
[ "$rc" -eq 1 ] && grep -q '^- exit code: 3$' "$tmp/pc.out" &&
	! grep -q 'no uecheck findings' "$tmp/pc.out" &&
	grep -q '^Your working tree could not be checked completely' "$tmp/pc.out"
verdict $? "precommit: a file that does not compile: exit 3, never \"no findings\""
[ "$rc" -eq 1 ] || diag "$tmp/pc.out"
