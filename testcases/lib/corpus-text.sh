#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# corpus-text.sh - the complete text of the plugin's diagnostics on the
# whole unit corpus, for comparing compilers word for word.
#
#   sh testcases/lib/corpus-text.sh CC PLUGIN
#
# Compiles every testcases/{lock,ref,ruleset,demo}/*.c at -O2 with its own
# "uecheck-options:" (a ruleset=FILE beside the testcase) and prints, per file, a "== FILE" line and then each
# uecheck warning or error and every note, as GCC printed them (path
# relative to testcases/).  GCC's own "In function" lines, source excerpts
# and caret lines are left out: they are not uecheck's.  A file that does
# not compile prints "== FILE: exit N", so a broken compiler can never
# compare equal to a working one.
set -u

[ $# -eq 2 ] || { echo "usage: corpus-text.sh CC PLUGIN" >&2; exit 2; }
cc=$1
case $2 in
/*) plugin=$2 ;;
*) plugin=$(pwd)/$2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)

for file in "$top"/testcases/lock/*.c "$top"/testcases/ref/*.c \
	    "$top"/testcases/ruleset/*.c "$top"/testcases/demo/*.c; do
	[ -f "$file" ] || continue
	rel=${file#"$top"/testcases/}
	set --
	for o in $(sed -n 's/.*uecheck-options: *\([a-z=., -]*\).*/\1/p' "$file" |
		sed 's/ --.*//' | head -n 1); do
		case $o in
		ruleset=*) o=ruleset=$(dirname "$rel")/${o#ruleset=} ;;
		esac
		set -- "$@" "-fplugin-arg-uecheck-$o"
	done
	out=$(cd "$top/testcases" &&
		"$cc" -std=gnu11 -nostdinc -I include -O2 -c -o /dev/null \
			-fplugin="$plugin" "$@" "$rel" 2>&1)
	rc=$?
	case $rc in
	0) echo "== $rel" ;;
	*) grep -q 'uecheck-options:.*werror' "$file" &&
		echo "== $rel" || echo "== $rel: exit $rc" ;;
	esac
	printf '%s\n' "$out" |
		grep -E '^[^ :][^:]*:[0-9]+:[0-9]+: ((warning|error): .*\[uecheck:[a-z-]+\]$|note: )'
done
exit 0
