#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# toolchain-clang.sh - Clang in the chroot of scripts/toolchain-chroot.sh:
# the oracle of docs/context-analysis.md.  Linux 7.x's context analysis
# (CONFIG_WARN_CONTEXT_ANALYSIS) needs Clang 23, which only Debian's
# newer suites have.
#
# Usage: sh scripts/toolchain-clang.sh [VERSION]   (default 23)
#
# Prints on stdout:
#   ROOT=<chroot directory>   (scripts/chroot-run.sh runs commands in it)
#   CLANG=clang-VERSION
#
# Installs clang-VERSION, lld-VERSION and llvm-VERSION into the chroot,
# once: a stamp inside the chroot records it, so a rebuilt chroot gets
# them again.  Packages come from the archive the chroot already uses.
#
# Exit status (one line on stderr says why):
#   0 ready
#   1 apt failed, lock timeout
#   2 bad usage
#   3 cannot be had here: no chroot (toolchain-chroot.sh's 3), or the
#     suite has no clang-VERSION
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib/cache.sh
. "$here/lib/cache.sh"

[ $# -le 1 ] || { echo "usage: toolchain-clang.sh [VERSION]" >&2; exit 2; }
v=${1:-23}
case $v in
*[!0-9]* | "") echo "toolchain-clang: bad version '$v'" >&2; exit 2 ;;
esac

rc=0
out=$(sh "$here/toolchain-chroot.sh") || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
root=$(echo "$out" | sed -n 's/^ROOT=//p')
stamp=$root/.uecheck-clang-$v

report() {
	echo "ROOT=$root"
	echo "CLANG=clang-$v"
	exit 0
}

[ -f "$stamp" ] && [ -x "$root/usr/bin/clang-$v" ] && report

cache_lock "$(dirname "$root")" "${UECHECK_LOCK_WAIT:-1800}" ||
	{ echo "toolchain-clang: cannot take the chroot's lock" >&2; exit 1; }
[ -f "$stamp" ] && [ -x "$root/usr/bin/clang-$v" ] && report

capt() {
	chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 \
		PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get -q -y "$@"
}
log=$(dirname "$root")/clang-$v.log
t0=$(date +%s)
capt update >"$log" 2>&1 || { echo "toolchain-clang: apt-get update failed (log: $log)" >&2; exit 1; }
if ! chroot "$root" apt-cache show "clang-$v" >/dev/null 2>&1; then
	echo "toolchain-clang: the chroot's suite has no clang-$v" >&2
	exit 3
fi
capt install "clang-$v" "lld-$v" "llvm-$v" >>"$log" 2>&1 ||
	{ echo "toolchain-clang: apt-get install clang-$v failed: $(grep '^E:' "$log" | head -n 1) (log: $log)" >&2; exit 1; }
capt clean >>"$log" 2>&1 || true
date >"$stamp"
echo "toolchain-clang: clang-$v installed in $(( $(date +%s) - t0 )) s" >&2
report
