#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh - install the Debian packages that uecheck's build, tests and
# benchmarks need, when some are missing.
#
# Usage: sh scripts/deps.sh
#
# Checks every package with dpkg-query first: when all are installed it
# prints nothing and exits 0 at once (it runs at the start of every
# `make test`).  Otherwise, as root, it runs `apt-get update` and
# `apt-get install` for the missing ones only, quietly.
#
# Exit status: 0 all present or installed; 1 something missing and it
# could not be installed (not root, no apt-get, apt failed: one line on
# stderr says which).
#
# Environment: UECHECK_DEPS_EXTRA - more package names to require.
set -eu

# What each group is for:
#   plugin:        the GCC 12 and GCC 11 plugins (C++ compiler + headers)
#   engines:       Coccinelle and sparse engines of scripts/uecheck
#   kernel trees:  scripts/kernel-tree.sh (sources, configure, prepare)
#   tests, bench:  suites and make bench
pkgs="
gcc gcc-12 g++-12 gcc-12-plugin-dev
gcc-11 g++-11 gcc-11-plugin-dev
libc6-dev make
coccinelle sparse
linux-source-6.12 linux-source-6.1 xz-utils tar
bc flex bison libssl-dev libelf-dev perl
git jq diffutils patch
hyperfine time valgrind csmith libcsmith-dev
${UECHECK_DEPS_EXTRA:-}
"

# missing: print the packages of $pkgs that dpkg does not list as
# installed, one per line.
missing() {
	# shellcheck disable=SC2086 # word splitting of the list is intended
	dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' $pkgs 2>/dev/null |
		awk '$2 == "ii" { ok[$1] = 1 } END { for (p in ok) print p }' |
		sort >"$tmp/ok"
	for p in $pkgs; do
		echo "$p"
	done | sort -u | comm -23 - "$tmp/ok"
}

die() {
	echo "deps: $*" >&2
	exit 1
}

command -v dpkg-query >/dev/null 2>&1 ||
	die "dpkg-query not found: uecheck's dependency installer needs Debian or a derivative"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/uecheck-deps.XXXXXX") ||
	die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

need=$(missing)
[ -z "$need" ] && exit 0

list=$(echo "$need" | tr '\n' ' ' | sed 's/ $//')
[ "$(id -u)" -eq 0 ] ||
	die "missing packages: $list (run 'make deps' as root, or: apt-get install $list)"
command -v apt-get >/dev/null 2>&1 ||
	die "missing packages: $list and apt-get not found"

export DEBIAN_FRONTEND=noninteractive
apt-get -qq update >"$tmp/log" 2>&1 ||
	die "apt-get update failed (no network or broken sources?): $(grep -E '^(E|W):' "$tmp/log" | head -n 1)"
# shellcheck disable=SC2086 # one word per package
apt-get -qq install -y --no-install-recommends $need >"$tmp/log" 2>&1 ||
	die "apt-get install $list failed: $(grep -E '^E:' "$tmp/log" | head -n 1)"

need=$(missing)
[ -z "$need" ] ||
	die "still missing after apt-get install: $(echo "$need" | tr '\n' ' ')"
exit 0
