#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo: run uecheck on the bundled example and show what a user sees.
# The example has one violation of each rule (strict mode for
# missing-assertion).
#
# Exit status: 0 when every engine ran and reported the example's
# findings (findings here are the point); 1 when an engine could not run
# or reported nothing: a demo that checked nothing must not look like one
# that found nothing.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
example=testcases/demo/user_events_demo.c
cc=${CC:-gcc}
cd "$top" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-demo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# The example is compiled as the kernel compiles: GNU C11, its own headers.
flags="-std=gnu11 -nostdinc -I testcases/include"

echo "== GCC plugin ($("$cc" -dumpfullversion)): $cc -fplugin=plugin/uecheck.so -fplugin-arg-uecheck-strict $example"
# shellcheck disable=SC2086 # flags is a word list
"$cc" $flags -O2 -c -o /dev/null -fplugin=plugin/uecheck.so \
	-fplugin-arg-uecheck-strict "$example" >"$tmp/gcc" 2>&1
rc=$?
grep -v -e ': In function ' -e '^In file included' "$tmp/gcc"
if [ "$rc" -ne 0 ]; then
	echo "demo: $cc failed (exit $rc): the plugin did not check the example" >&2
	exit 1
fi
if ! grep -q '\[uecheck:' "$tmp/gcc"; then
	echo "demo: the plugin reported nothing on an example with six violations" >&2
	exit 1
fi

if ! command -v spatch >/dev/null 2>&1; then
	echo
	echo "== Coccinelle engine: not shown (spatch not installed: make deps)"
	exit 0
fi
echo
echo "== Coccinelle engine ($(spatch --version | sed -n 's/^spatch version \([^ ]*\).*/\1/p')): scripts/uecheck --engines=cocci --strict $example"
# shellcheck disable=SC2086 # flags is a word list
sh scripts/uecheck --engines=cocci --strict $flags "$example" >"$tmp/cocci" 2>&1
rc=$?
cat "$tmp/cocci"
if [ "$rc" -ne 0 ] || ! grep -q '\[uecheck:' "$tmp/cocci"; then
	echo "demo: the Coccinelle engine failed (exit $rc) or reported nothing" >&2
	exit 1
fi
exit 0
