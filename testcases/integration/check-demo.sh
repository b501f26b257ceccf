# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2154 # sourced by suite-integration.sh
#
# Part of suite-integration (sourced): make demo's script.  It shows every
# rule of the bundled example, and it never reads as a success when an
# engine did not check anything: a failing compiler, or a "compiler" that
# exits 0 having checked nothing, gives exit 1 and one "demo:" line.

sh "$top/scripts/demo.sh" >"$tmp/demo.out" 2>"$tmp/demo.err"
rc=$?
check "demo: scripts/demo.sh succeeds" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || diag "$tmp/demo.err"
missing=
. "$top/scripts/lib/rules.sh"
for r in $(ue_rule_ids "$top/plugin/rules.def"); do
	grep -q "\\[uecheck:$r\\]" "$tmp/demo.out" || missing="$missing $r"
done
check "demo: the plugin's part shows every rule id${missing:+ (missing:$missing)}" [ -z "$missing" ]

printf '#!/bin/sh\necho "cc1: fatal error: no such compiler" >&2\nexit 1\n' >"$tmp/broken-cc"
printf '#!/bin/sh\nexit 0\n' >"$tmp/silent-cc"
chmod +x "$tmp/broken-cc" "$tmp/silent-cc"
for kind in broken silent; do
	CC=$tmp/$kind-cc sh "$top/scripts/demo.sh" >"$tmp/demo.out" 2>"$tmp/demo.err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ "$(grep -c '^demo: ' "$tmp/demo.err")" -eq 1 ]; then
		pass "demo: a $kind compiler makes it fail with one 'demo:' line"
	else
		fail "demo: a $kind compiler makes it fail with one 'demo:' line"
		echo "# exit $rc"
		diag "$tmp/demo.err"
	fi
done
