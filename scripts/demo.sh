#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo: run uecheck on the bundled example and show what a user sees.
# The example has one violation of each rule (strict mode for
# missing-assertion).  Exit status 0: findings here are the point.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
example=testcases/demo/user_events_demo.c
cc=${CC:-gcc}
cd "$top"

echo "== GCC plugin: $cc -fplugin=plugin/uecheck.so -fplugin-arg-uecheck-strict $example"
"$cc" -nostdinc -I testcases/include -O2 -c -o /dev/null \
	-fplugin=plugin/uecheck.so -fplugin-arg-uecheck-strict "$example" 2>&1 |
	grep -v -e ': In function ' -e '^In file included' || true

if [ -x scripts/uecheck ] && command -v spatch >/dev/null 2>&1 && [ -n "$(ls cocci/*.cocci 2>/dev/null)" ]; then
	echo
	echo "== Coccinelle engine: scripts/uecheck --engines=cocci --strict $example"
	sh scripts/uecheck --engines=cocci --strict -nostdinc -I testcases/include "$example" || true
fi
