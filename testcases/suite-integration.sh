#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2317,SC2034 # helpers and names for the sourced parts
#
# suite-integration: uecheck where users meet it.
#
# Each part is a file under testcases/integration/, sourced in this order:
#   check-ruletable.sh plugin/rules.def is what the plugin, the wrapper, the
#                      SARIF writer, the cocci scripts and the docs' tables use
#   check-coccinames.sh the Coccinelle scripts' names are the rule set's
#                      (cocci/ruleset.awk, -D KEY=VALUE; defaults built in)
#   check-isos.sh      the isomorphisms cocci/run.sh disables change no
#                      script's rules (spatch --parse-cocci), and reach spatch
#   check-layering.sh  the plugin's files call each other one way; the
#                      engine names no checker (testcases/lib/call-cycles.sh)
#   check-uecheck.sh   scripts/uecheck as a program: flag sorting, engines,
#                      dedup, suppressions, baseline, exit codes, JSON/SARIF
#   check-findings.sh  the findings pipeline: exact text/JSON/SARIF for odd
#                      names and messages, columns, one SARIF log from
#                      parallel calls, %SRCROOT%, fingerprints, baselines,
#                      the SARIF Multitool's GitHub rules
#   check-focus.sh     what a change can affect: uecheck_focus.py and
#                      uecheck --changed-since, on fixtures
#   check-kbuild.sh    make C=2 CHECK=scripts/uecheck on the prepared 6.12
#                      tree (scripts/kernel-tree.sh): silent on the real
#                      file, finds seeded violations, sparse output intact
#   check-hook.sh      scripts/uecheck-install-hook in scratch repositories
#   check-precommit.sh the pre-commit framework running .pre-commit-hooks.yaml
#   check-patch.sh     scripts/uecheck-patch on patches against fixtures
#                      and, when prepared, the real tree
#   check-install.sh   make install/uninstall into a DESTDIR, run from there
#   check-demo.sh      make demo's script: every rule shown, and exit 1 when
#                      the compiler fails or checks nothing
# Expected findings are written by hand (testcases/integration/*.expect,
# or in the part itself), never produced by the code under test.
#
# Environment: UECHECK_PLUGIN (default plugin/uecheck.so), UECHECK_KERNEL=0
# to leave out the kernel tree, UECHECK_KERNEL_TREE_SH (default
# scripts/kernel-tree.sh), UECHECK_INTEGRATION="uecheck hook ..." to run
# only some parts.
# Requires: gcc with the plugin built, sparse, git, jq.
# Output: the test-runner protocol of docs/interfaces.md; exit 1 on failure,
# 2 when the suite itself cannot run.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
fix=$top/testcases/integration
uecheck=$top/scripts/uecheck
plugin=${UECHECK_PLUGIN:-$top/plugin/uecheck.so}
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-integ.XXXXXX") || exit 2
trap '[ -n "${UECHECK_KEEP_TMP-}" ] || { chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"; }' EXIT
trap 'exit 130' INT TERM

pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failed=1; }
skip() { echo "ok - $1 # SKIP $2"; }
diag() { sed -e 's/^/# /' -e 30q "$@"; }
# verdict STATUS NAME: ok when STATUS (of the condition just run) is 0.
verdict() { if [ "$1" -eq 0 ]; then pass "$2"; else fail "$2"; fi; }
# check NAME CMD...: ok when CMD succeeds.
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# found FILE: "LINE RULE" of every finding line in FILE, sorted.
found() {
	sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: [a-z]*: .* \[uecheck:\([a-z-]*\)\]$/\1 \2/p' "$1" |
		sort -n
}

# same_findings NAME OUTPUT EXPECTED: the findings of OUTPUT are exactly
# the "LINE RULE" lines of EXPECTED.
same_findings() {
	found "$2" >"$tmp/got.lr"
	sort -n "$3" >"$tmp/want.lr"
	if cmp -s "$tmp/got.lr" "$tmp/want.lr"; then
		pass "$1"
	else
		fail "$1"
		diff "$tmp/want.lr" "$tmp/got.lr" | diag
	fi
}

# exit_is NAME WANT CMD...: CMD exits with status WANT.
exit_is() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		pass "$name"
	else
		fail "$name"
		echo "# exit $rc, wanted $want"
		diag "$tmp/err"
	fi
}

if [ ! -f "$plugin" ]; then
	echo "not ok - integration: plugin $plugin exists (run make plugin)"
	exit 1
fi
for tool in sparse git jq; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "not ok - integration: $tool installed (run make deps)"
		exit 1
	fi
done
export UECHECK_PLUGIN="$plugin"

parts=${UECHECK_INTEGRATION:-ruletable coccinames isos layering uecheck findings focus kbuild hook precommit patch install demo}
for part in $parts; do
	if [ -f "$fix/check-$part.sh" ]; then
		# shellcheck disable=SC1090
		. "$fix/check-$part.sh"
	else
		skip "integration: $part" "testcases/integration/check-$part.sh not written yet"
	fi
done
exit "$failed"
