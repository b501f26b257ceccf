#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# call-cycles.sh OBJ...: the pairs of object files that call each other
# both ways, one "a b" line each (a < b), from their symbol tables: a
# function one defines (nm type T) that the other leaves undefined (U).
# Data (ue_cfg, the checkers' table) is not a call; inline functions of a
# header (W) belong to no file.
#
# call-cycles.sh --edges OBJ...: every "caller callee" pair of files instead.
# call-cycles.sh --loops OBJ...: the files on a loop of calls of any length
# (a calls b, b calls c, c calls a), one a line as tsort(1) reports them;
# nothing when the calls all go one way.
mode=cycles
if [ "${1:-}" = --edges ] || [ "${1:-}" = --loops ]; then
	mode=${1#--}
	shift
fi
if [ "$mode" = loops ]; then
	sh "$0" --edges "$@" | tsort 2>&1 >/dev/null | sed -n 's/^tsort: \([^:]*\)$/\1/p' | awk '!seen[$0]++'
	exit 0
fi
for o in "$@"; do
	f=${o##*/}
	f=${f%.o}
	nm -P "$o" | awk -v f="$f" '$2 == "T" { print "def", f, $1 } $2 == "U" { print "use", f, $1 }'
done | awk -v mode="$mode" '
	$1 == "def" { def[$3] = $2; next }
	{ use[NR] = $2 " " $3 }
	END {
		for (i in use) {
			split(use[i], u, " ")
			if ((u[2] in def) && def[u[2]] != u[1])
				edge[u[1] " " def[u[2]]] = 1
		}
		for (e in edge) {
			split(e, p, " ")
			if (mode == "edges")
				print e
			else if (((p[2] " " p[1]) in edge) && p[1] < p[2])
				print e
		}
	}' | sort
