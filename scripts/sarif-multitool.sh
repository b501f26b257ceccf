#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# sarif-multitool.sh - Microsoft's SARIF Multitool, for validating uecheck's
# SARIF logs the way GitHub code scanning reads them (make test).
#
# Usage: sh scripts/sarif-multitool.sh
#
# Prints the path of the Multitool's native Linux program, installing it
# first from the npm registry (@microsoft/sarif-multitool, pinned below)
# into ${UECHECK_CACHE:-$HOME/.cache/uecheck}/sarif-multitool when it is
# not there yet.  Its bin.js wrapper is not used: it passes arguments
# through a shell that breaks ';' lists.  Run as:
#   "$(sh scripts/sarif-multitool.sh)" validate --rule-kind Gh -o OUT IN
#
# Exit status: 0 path printed; 3 it cannot be had here (no npm, no network,
# not x86_64 Linux): one line on stderr says why.
set -u

version=5.7.0
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}
dir=$cache/sarif-multitool
tool=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

die() {
	echo "sarif-multitool: $1" >&2
	exit 3
}

if [ ! -f "$tool" ]; then
	[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
		die "the npm package has a native program for x86_64 Linux only"
	command -v npm >/dev/null 2>&1 || die "npm not found (install Node.js and npm)"
	mkdir -p "$dir" || die "cannot create $dir"
	log=$dir/install.log
	npm install --no-audit --no-fund --no-save --prefix "$dir" \
		"@microsoft/sarif-multitool@$version" >"$log" 2>&1 ||
		die "npm install @microsoft/sarif-multitool@$version failed: $(grep -m 1 -i 'err' "$log")"
	[ -f "$tool" ] || die "npm installed no $tool (log: $log)"
fi
# npm may skip the package's postinstall step (chmod u+x).
[ -x "$tool" ] || chmod u+x "$tool" 2>/dev/null || die "$tool is not executable"
printf '%s\n' "$tool"
