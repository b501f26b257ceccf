#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh - install the Debian packages a make target needs, when some are
# missing, choosing what the machine's own Debian suite has.
#
# Usage: sh scripts/deps.sh [demo|test|bench]      (default: test)
#   demo   the plugin for the system gcc (gcc, g++, gcc-N-plugin-dev for
#          gcc's major version N), make, and the Coccinelle engine
#   test   demo + every other gcc-N of the suite with plugin headers
#          (11 to 16), sparse, kernel sources and build tools, debootstrap
#          (for the toolchain chroot), git, jq, patch, csmith, pre-commit
#          (the pre-commit framework, for the hook's integration test); and,
#          where npm is there, Microsoft's SARIF Multitool from the npm
#          registry (scripts/sarif-multitool.sh; optional: its test skips
#          without)
#   bench  test + hyperfine, valgrind, time
#
# Required packages must install; optional ones (other compilers, kernel
# sources, fuzzing) are installed where the suite has them and otherwise
# left out, the tests that need them reporting themselves as skipped.
# Packages the suite does not have are remembered per suite in
# ${UECHECK_CACHE:-$HOME/.cache/uecheck}/deps-unavailable, so that a
# second run does not ask apt again.  When nothing is missing it prints
# nothing and exits at once (it runs at the start of every make target).
#
# Exit status: 0 all required packages present or installed (optional ones
# that cannot be installed here - not root, no apt-get - are left out); 1
# a required package is missing and could not be installed (not root, no
# apt-get, apt failed: one line on stderr says which); 2 bad usage.
# Environment: UECHECK_DEPS_EXTRA - more required package names.
set -eu

profile=${1:-test}
case "$profile" in
demo | test | bench) ;;
*) echo "deps: unknown profile '$profile' (demo, test or bench)" >&2; exit 2 ;;
esac
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}

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

# The SARIF Multitool is not a Debian package: npm fetches it once.
if [ "$profile" != demo ] && command -v npm >/dev/null 2>&1; then
	sh "$(dirname "$0")/sarif-multitool.sh" >/dev/null 2>&1 || true
fi

suite=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-unknown}") || suite=unknown

# installed PKG...: those of PKG... that dpkg lists as installed.
installed() {
	dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null |
		awk '$2 == "ii" { print $1 }'
}

# not_installed LIST: the words of LIST that are not installed, one a line.
not_installed() {
	# shellcheck disable=SC2086 # one word per package
	installed $1 | sort -u >"$tmp/ok"
	for p in $1; do
		echo "$p"
	done | sort -u | comm -23 - "$tmp/ok"
}

# What the suite has been seen not to have ("SUITE PKG" lines).
unavailable=$cache/deps-unavailable
known_unavailable() {
	[ -f "$unavailable" ] && sed -n "s/^$suite //p" "$unavailable"
}

# The system gcc's plugin headers: the package is named by its major version.
system_gcc() {
	gcc -dumpversion 2>/dev/null | sed 's/\..*//'
}

required="make gcc g++ libc6-dev coccinelle python3"
optional=
case "$profile" in
test | bench)
	required="$required sparse xz-utils tar bc flex bison libssl-dev libelf-dev perl
		git jq diffutils patch debootstrap util-linux pre-commit"
	for v in 11 12 13 14 15 16; do
		optional="$optional gcc-$v g++-$v gcc-$v-plugin-dev"
	done
	optional="$optional linux-source-6.12 linux-source-6.1 csmith libcsmith-dev ccache distcc"
	;;
esac
[ "$profile" = bench ] && required="$required hyperfine valgrind time"
required="$required ${UECHECK_DEPS_EXTRA:-}"

# The second round asks for what only an installed gcc and python3 can name.
updated=0
for round in 1 2; do
	want=$required
	v=$(system_gcc)
	[ -n "$v" ] && want="$want gcc-$v-plugin-dev"
	py=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) &&
		want="$want libpython$py"
	need=$(not_installed "$want")
	known_unavailable >"$tmp/unavail" || true
	opt=$(not_installed "$optional" | grep -vxF -f "$tmp/unavail" || true)
	[ -z "$need$opt" ] && exit 0

	list=$(echo $need $opt)
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		# Optional ones cannot be installed here: the tests that need them skip.
		[ -z "$need" ] && exit 0
		list=$(echo $need)
		[ "$(id -u)" -eq 0 ] ||
			die "missing packages: $list (run 'make deps' as root, or: apt-get install $list)"
		die "missing packages: $list and apt-get not found"
	fi
	export DEBIAN_FRONTEND=noninteractive
	if [ "$updated" -eq 0 ]; then
		apt-get -qq update >"$tmp/log" 2>&1 ||
			die "apt-get update failed (no network or broken sources?): $(grep -E '^(E|W):' "$tmp/log" | head -n 1)"
		updated=1
	fi
	# Optional packages the suite has no candidate for are left out, and remembered.
	have=
	for p in $opt; do
		# apt reads a name with '+' as a regular expression (g++-14 matches
		# clang-14): only the block headed by the exact name counts.
		cand=$(apt-cache policy "$p" 2>/dev/null | awk -v want="$p:" '
			$0 == want { mine = 1; next }
			/^[^ ]/ { mine = 0 }
			mine && $1 == "Candidate:" { print $2; exit }')
		if [ -n "$cand" ] && [ "$cand" != "(none)" ]; then
			have="$have $p"
		else
			mkdir -p "$cache"
			echo "$suite $p" >>"$unavailable"
		fi
	done
	# shellcheck disable=SC2086 # one word per package
	[ -z "$need$have" ] && exit 0
	apt-get -qq install -y --no-install-recommends $need $have >"$tmp/log" 2>&1 ||
		die "apt-get install $need $have failed: $(grep -E '^E:' "$tmp/log" | head -n 1)"
	[ "$round" -eq 1 ] || break
done

need=$(not_installed "$want")
[ -z "$need" ] ||
	die "still missing after apt-get install: $(echo $need)"
exit 0
