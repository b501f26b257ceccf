#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# fresh-demo.sh - the README's first command as a newcomer meets it: a
# fresh, minimal Debian SUITE (debootstrap --variant=minbase), the two
# packages needed to fetch and start uecheck (git, make), a clean clone
# of this repository's HEAD, then `make demo` as root.
#
# Usage: sh scripts/fresh-demo.sh SUITE      (bookworm, trixie, sid, ...)
#
# The chroot lives under ${UECHECK_CACHE:-$HOME/.cache/uecheck}/fresh-SUITE
# and is removed afterwards (UECHECK_KEEP=1 keeps it).  Packages come from
# the Debian archive the machine's apt sources use (UECHECK_DEBIAN_MIRROR
# overrides), without checking Release files' Valid-Until.
# Prints the demo's output and a last line "fresh-demo: SUITE: ok" or
# "fresh-demo: SUITE: FAILED ...".
# Exit status: make demo's (0 ok); 3 cannot be made here (not root, no
# debootstrap); 1 the chroot could not be made.
set -eu

[ $# -eq 1 ] || { echo "usage: fresh-demo.sh SUITE" >&2; exit 2; }
suite=$1
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib/cache.sh
. "$top/scripts/lib/cache.sh"
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}
root=$cache/fresh-$suite

[ "$(id -u)" -eq 0 ] || { echo "fresh-demo: needs root" >&2; exit 3; }
command -v debootstrap >/dev/null 2>&1 || { echo "fresh-demo: debootstrap not found" >&2; exit 3; }
url=$(debian_mirror)
[ -n "$url" ] || { echo "fresh-demo: no Debian archive in the apt sources" >&2; exit 1; }

rm -rf --one-file-system "$root"
[ "${UECHECK_KEEP:-0}" = 1 ] || trap 'rm -rf --one-file-system "$root"' EXIT
t0=$(date +%s)
set -- --variant=minbase
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] &&
	set -- "$@" --keyring=/usr/share/keyrings/debian-archive-keyring.gpg
debootstrap "$@" "$suite" "$root" "$url" >"$root.log" 2>&1 || {
	tail -n 5 "$root.log" >&2
	echo "fresh-demo: debootstrap $suite failed (log: $root.log)" >&2
	exit 1
}
echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99valid-until"
echo "fresh-demo: $suite made in $(($(date +%s) - t0)) s"

# The newcomer's steps, in a login-like environment of the fresh system.
sh "$top/scripts/chroot-run.sh" "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	sh -c '
	set -e
	apt-get -qq update
	DEBIAN_FRONTEND=noninteractive apt-get -qq install -y git make >/dev/null
	git clone -q "$1" /root/uecheck
	cd /root/uecheck
	git log --oneline -1
	make demo
' sh "$top" && rc=0 || rc=$?
if [ "$rc" -eq 0 ]; then
	echo "fresh-demo: $suite: ok ($(($(date +%s) - t0)) s)"
else
	echo "fresh-demo: $suite: FAILED (exit $rc)"
fi
exit "$rc"
