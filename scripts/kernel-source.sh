#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel-source.sh - the source tarball of Debian's linux-source-VERSION,
# wherever the machine's own Debian suite stands.
#
# Usage: sh scripts/kernel-source.sh VERSION      (6.1, 6.12, 7.3, ...)
#
# Prints on stdout:
#   TARBALL=<path of linux-source-VERSION.tar.xz>
#   PKGVER=<the package's version>
#
# An installed linux-source-VERSION package is used as it is.  Otherwise
# the package is downloaded (never installed) from the Debian suites that
# carry these kernels - bookworm and its security updates (6.1, 6.12),
# trixie and trixie-backports (6.12, 7.3) - through a private apt sources
# list and lists directory: the machine's apt sources and state are not
# touched.  Packages come from the archive the machine's apt sources use
# (UECHECK_DEBIAN_MIRROR overrides); Release files past their Valid-Until
# date are accepted.  The package is unpacked under
# ${UECHECK_CACHE:-$HOME/.cache/uecheck}/source/ and reused.
#
# Exit status: 0 found; 1 failed (apt error, no such package in those
# suites: one line on stderr); 2 bad usage; 3 cannot be fetched here (not
# installed, and no apt-get or no Debian archive in the apt sources).
set -eu

[ $# -eq 1 ] || { echo "usage: kernel-source.sh VERSION" >&2; exit 2; }
ver=$1
case "$ver" in
[0-9]*.[0-9]*) ;;
*) echo "kernel-source: bad version '$ver'" >&2; exit 2 ;;
esac
pkg=linux-source-$ver
# shellcheck source=scripts/lib/cache.sh
. "$(dirname "$0")/lib/cache.sh"
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}

die() {
	echo "kernel-source: $*" >&2
	exit "${2:-1}"
}

if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)" = "ii " ] &&
   [ -f "/usr/src/$pkg.tar.xz" ]; then
	echo "TARBALL=/usr/src/$pkg.tar.xz"
	echo "PKGVER=$(dpkg-query -W -f='${Version}' "$pkg")"
	exit 0
fi

dir=$cache/source/$pkg
# cached: print the lines of an unpacked download and stop.
cached() {
	if [ -f "$dir/PKGVER" ] && [ -f "$dir/usr/src/$pkg.tar.xz" ]; then
		echo "TARBALL=$dir/usr/src/$pkg.tar.xz"
		echo "PKGVER=$(cat "$dir/PKGVER")"
		exit 0
	fi
}
cached

command -v apt-get >/dev/null 2>&1 || die "$pkg is not installed and apt-get is not here" 3
url=$(debian_mirror)
[ -n "$url" ] || die "$pkg is not installed and the apt sources name no Debian archive" 3

mkdir -p "$cache/source" || die "cannot create $cache/source"
# One download at a time; another caller may have finished meanwhile.
cache_lock "$cache/source" "${UECHECK_LOCK_WAIT:-1800}" || die "cannot take the lock of $cache/source"
cached
apt=$cache/source/apt
rm -rf "$dir.new"
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$dir.new"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
{
	for s in bookworm trixie trixie-backports; do
		echo "deb [signed-by=$keyring] $url $s main"
	done
	echo "deb [signed-by=$keyring] $url-security bookworm-security main"
} >"$apt/sources.list"
# papt ARGS: apt-get with the private sources list and state only.
papt() {
	apt-get -q -o Dir::Etc::sourcelist="$apt/sources.list" \
		-o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists="$apt/lists" \
		-o Dir::Cache::archives="$apt/archives" -o Acquire::Check-Valid-Until=false \
		-o APT::Sandbox::User=root "$@"
}
papt update >"$apt/log" 2>&1 ||
	die "apt-get update of the private sources list failed: $(grep -E '^(E|W):' "$apt/log" | head -n 1)"
(cd "$dir.new" && papt download "$pkg") >>"$apt/log" 2>&1 ||
	die "$pkg is in none of bookworm, bookworm-security, trixie, trixie-backports: $(grep '^E:' "$apt/log" | head -n 1)"
deb=$(ls "$dir.new"/"${pkg}"_*.deb 2>/dev/null | head -n 1)
[ -f "$deb" ] || die "apt-get download $pkg left no .deb"
dpkg-deb -f "$deb" Version >"$dir.new/PKGVER"
dpkg-deb -x "$deb" "$dir.new"
rm -f "$deb"
[ -f "$dir.new/usr/src/$pkg.tar.xz" ] || die "$deb holds no /usr/src/$pkg.tar.xz"
rm -rf "$dir"
mv "$dir.new" "$dir"
echo "TARBALL=$dir/usr/src/$pkg.tar.xz"
echo "PKGVER=$(cat "$dir/PKGVER")"
