#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# toolchain-chroot.sh - a cached chroot of a newer Debian suite that holds
# the compilers and tools Debian 12 does not have: GCC 14, 15 and 16 with
# their plugin headers, Coccinelle 1.3 and sparse 0.6.5.
#
# Usage: sh scripts/toolchain-chroot.sh [SUITE]
#   SUITE  a Debian suite debootstrap knows (default: sid)
#
# Prints on stdout:
#   ROOT=<chroot directory>        run commands in it with scripts/chroot-run.sh
#   GCC=<N N ...>                  the gcc-N that have plugin headers there
#   SPATCH=<version>               spatch --version's number there, or none
#
# Packages come only from the Debian archive the machine's own apt sources
# use (the first "deb.../debian" URI found; UECHECK_DEBIAN_MIRROR overrides).
# The suite's Release file may be past its Valid-Until date on a machine
# whose clock is ahead of the archive snapshot: apt in the chroot is told
# not to check it.  Package versions are whatever the suite has.
#
# Layout under ${UECHECK_CACHE:-$HOME/.cache/uecheck}/chroot-SUITE/:
#   root/  root.stamp   the chroot; the stamp records the recipe and the
#                       package list, and a change rebuilds the chroot
#   root.log            debootstrap and apt output of the last build
#   lock/               mkdir-based lock held while building
# With the stamp present the script only prints its lines.  Nothing is
# ever mounted under the cache: chroot-run.sh mounts in a private mount
# namespace that ends with the command.
#
# Exit status (one line on stderr says why):
#   0 ready
#   1 failed: no usable mirror, debootstrap or apt failed, lock timeout
#   2 bad usage
#   3 cannot be made on this machine: not root, or no debootstrap (tests
#     report themselves as skipped with this reason, never as passed)
set -eu

recipe=1
# shellcheck source=scripts/lib/cache.sh
. "$(dirname "$0")/lib/cache.sh"
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}
lock_wait=${UECHECK_LOCK_WAIT:-1800}

# What the chroot is for (a change here rebuilds it):
#   compilers: every GCC with plugin headers the suite may have
#   engines:   Coccinelle and sparse
#   builds:    make and what kbuild needs to build objects of a prepared tree
compilers="14 15 16"
pkgs="make libc6-dev coccinelle python3 sparse bc flex bison libelf-dev libssl-dev
diffutils patch gawk"

die() {
	echo "toolchain-chroot: $*" >&2
	exit 1
}

[ $# -le 1 ] || { echo "usage: toolchain-chroot.sh [SUITE]" >&2; exit 2; }
suite=${1:-sid}
case "$suite" in
*[!a-z0-9-]* | "") echo "toolchain-chroot: bad suite name '$suite'" >&2; exit 2 ;;
esac

base=$cache/chroot-$suite
root=$base/root
id="recipe $recipe suite $suite gcc $compilers pkgs $(echo $pkgs)"

report() {
	gccs=
	for v in $compilers; do
		[ -f "$root/usr/lib/gcc/x86_64-linux-gnu/$v/plugin/include/gcc-plugin.h" ] &&
			gccs="$gccs $v"
	done
	echo "ROOT=$root"
	echo "GCC=${gccs# }"
	spatch=none
	[ -f "$base/spatch.version" ] && spatch=$(cat "$base/spatch.version")
	echo "SPATCH=$spatch"
	exit 0
}

ready() {
	[ -d "$root" ] && [ "$(cat "$root.stamp" 2>/dev/null)" = "$id" ]
}

ready && report

cannot() {
	echo "toolchain-chroot: $*" >&2
	exit 3
}
[ "$(id -u)" -eq 0 ] || cannot "needs root to build the $suite chroot (run make test as root)"
command -v debootstrap >/dev/null 2>&1 ||
	cannot "debootstrap not found (apt-get install debootstrap)"

url=$(debian_mirror)
[ -n "$url" ] || die "no Debian archive in the machine's apt sources (set UECHECK_DEBIAN_MIRROR)"

mkdir -p "$base" || die "cannot create $base"
cache_lock "$base" "$lock_wait" || die "cannot take the lock of $base"

ready && report

log=$base/root.log
: >"$log"
t0=$(date +%s)
# A half-built chroot from an earlier, interrupted run is thrown away.
# --one-file-system: never follow a mount someone left inside.
rm -rf --one-file-system "$root" "$root.new" "$root.stamp" "$base/spatch.version"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
set -- --variant=minbase
[ -f "$keyring" ] && set -- "$@" --keyring="$keyring"
debootstrap "$@" "$suite" "$root.new" "$url" >>"$log" 2>&1 || {
	tail -n 5 "$log" | sed 's/^/  /' >&2
	die "debootstrap $suite from $url failed (log: $log)"
}
t1=$(date +%s)

cat >"$root.new/etc/apt/apt.conf.d/99uecheck" <<'EOF'
// The archive snapshot's Release files may be past Valid-Until here.
Acquire::Check-Valid-Until "false";
APT::Install-Recommends "false";
EOF
cp /etc/resolv.conf "$root.new/etc/resolv.conf" 2>/dev/null || true

# capt ARGS: apt-get inside the new chroot.
capt() {
	chroot "$root.new" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 \
		PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get -q -y "$@" >>"$log" 2>&1
}
capt update || die "apt-get update in the $suite chroot failed (log: $log)"
want=
for v in $compilers; do
	# A suite that dropped (or does not yet have) one GCC still serves the others.
	if chroot "$root.new" apt-cache show "gcc-$v-plugin-dev" >/dev/null 2>&1; then
		want="$want gcc-$v g++-$v gcc-$v-plugin-dev"
	else
		echo "toolchain-chroot: $suite has no gcc-$v-plugin-dev" >>"$log"
	fi
done
# shellcheck disable=SC2086 # one word per package
capt install $want $pkgs ||
	die "apt-get install in the $suite chroot failed: $(grep '^E:' "$log" | head -n 1) (log: $log)"
# spatch loads libpython3.X at run time; it is only a Recommends.
py=$(chroot "$root.new" python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])') ||
	die "python3 does not run in the $suite chroot"
capt install "libpython$py" ||
	die "apt-get install libpython$py in the $suite chroot failed (log: $log)"
capt clean || true
chroot "$root.new" spatch --version 2>/dev/null |
	sed -n 's/^spatch version \([0-9.]*\).*/\1/p' | head -n 1 >"$base/spatch.version"
mv "$root.new" "$root"
echo "$id" >"$root.stamp"
t2=$(date +%s)
echo "toolchain-chroot: $suite ready: debootstrap $((t1 - t0)) s, packages $((t2 - t1)) s" >&2
report
