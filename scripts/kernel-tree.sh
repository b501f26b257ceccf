#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel-tree.sh - a configured, prepared Debian kernel tree to check
# kernel/trace/trace_events_user.c in, cached between runs.
#
# Usage: sh scripts/kernel-tree.sh VERSION [FLAVOR]
#   VERSION  6.12, 7.3 or 6.1 (Debian's linux-source-VERSION package, from
#            scripts/kernel-source.sh: installed, or downloaded from the
#            suite that has it)
#   FLAVOR   default  x86_64 defconfig + FTRACE, DYNAMIC_EVENTS, USER_EVENTS
#                     (6.1: + COMPILE_TEST, which USER_EVENTS depends on there)
#            lockdep  the same + PROVE_LOCKING and DEBUG_LOCK_ALLOC, so that
#                     lockdep_assert_held() expands to real calls
#            context  default + what builds 7.x's objects with Clang's context
#                     analysis on that x86_64 defconfig leaves out: Bluetooth,
#                     NVMe host, UFS, TOMOYO, KFENCE, KCOV, KCSAN, MD RAID456
#                     (raid6 and xor), SCSI device handlers, zoned and
#                     integrity sd, FC transport (for scsi_netlink),
#                     COMPILE_TEST for ASPEED's LPC snoop, CONTEXT_ANALYSIS_TEST
#
# Environment: UECHECK_KERNEL_CC (default gcc; clang-23 too, for the
# context analysis oracle) configures and prepares the tree with another compiler, in its own build directory
# obj-FLAVOR-COMPILER; UECHECK_KERNEL_CHROOT=ROOT runs those make commands
# in a chroot of scripts/toolchain-chroot.sh (the source stays shared).
# HOSTCC is the same compiler: a suite may have gcc-16 and no plain gcc.
#
# Prints on stdout:
#   SRC=<pristine source directory>   (never built in: use make O=)
#   OBJ=<prepared build directory>    (copy it before building in it)
#
# Layout under ${UECHECK_CACHE:-$HOME/.cache/uecheck}/linux-VERSION/:
#   src/  src.stamp          unpacked /usr/src/linux-source-VERSION.tar.xz
#   obj-FLAVOR/  obj-FLAVOR.stamp  .config + `make prepare`, log in
#                                  obj-FLAVOR.log
#   lock/                    mkdir-based lock held while preparing
# A stamp records the package version and the recipe; when either
# changes the directory is prepared again.  With both stamps present the
# script only prints the two lines.  WERROR is switched off in every
# flavor (6.1's COMPILE_TEST turns it on), so that checker warnings do not
# fail builds.  The stamp of a build directory also names the compiler and
# its version.
#
# Exit status: 0 ready; 1 bad arguments, failed download, failed or
# unverifiable configuration, failed prepare, lock timeout (one line on
# stderr, then the end of the log for build failures); 3 the source
# package cannot be had on this machine (kernel-source.sh).
set -eu

recipe=2
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib/cache.sh
. "$here/lib/cache.sh"
kcc=${UECHECK_KERNEL_CC:-gcc}
kroot=${UECHECK_KERNEL_CHROOT:-}
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}
lock_wait=${UECHECK_LOCK_WAIT:-1800}

die() {
	echo "kernel-tree: $*" >&2
	exit 1
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	die "usage: kernel-tree.sh VERSION [FLAVOR] (VERSION 6.12, 7.3 or 6.1, FLAVOR default, lockdep or context)"
fi
ver=$1
flavor=${2:-default}
case "$ver" in
6.12 | 7.3 | 6.1) ;;
*) die "unknown version '$ver' (known: 6.12, 7.3, 6.1)" ;;
esac

# Options that must end up =y, and those that must not be set.
opts_on="FTRACE TRACING DYNAMIC_EVENTS USER_EVENTS"
[ "$ver" = 6.1 ] && opts_on="$opts_on COMPILE_TEST"
opts_off="WERROR"
case "$flavor" in
default) opts_off="$opts_off LOCKDEP" ;;
lockdep) opts_on="$opts_on DEBUG_KERNEL PROVE_LOCKING DEBUG_LOCK_ALLOC LOCKDEP" ;;
context)
	[ "$ver" = 7.3 ] || die "flavor context is for 7.3 (the release with context analysis), not $ver"
	# KASAN off: KCSAN excludes it.  Each name is checked =y below.
	opts_off="$opts_off LOCKDEP KASAN"
	opts_on="$opts_on EXPERT CONTEXT_ANALYSIS_TEST DEBUG_KERNEL COMPILE_TEST
		BT BT_BREDR BT_LE BT_RFCOMM BT_BNEP BT_HIDP BT_HCIBTUSB BT_HCIUART
		BT_HCIUART_H4 BT_HCIVHCI NVME_CORE BLK_DEV_NVME NVME_MULTIPATH
		NVME_FABRICS NVME_TCP SCSI_UFSHCD SCSI_UFSHCD_PCI SECURITY
		SECURITY_TOMOYO KFENCE KCOV KCSAN MD BLK_DEV_MD MD_RAID456 RAID6_PQ
		XOR_BLOCKS SCSI_DH SCSI_DH_RDAC SCSI_DH_HP_SW SCSI_DH_EMC SCSI_DH_ALUA
		BLK_DEV_ZONED BLK_DEV_INTEGRITY SCSI_LOGGING SCSI_PROC_FS SCSI_FC_ATTRS
		SCSI_NETLINK ASPEED_LPC_SNOOP"
	;;
*) die "unknown flavor '$flavor' (known: default, lockdep, context)" ;;
esac
# One line for the stamp, however the lists above are wrapped.
# shellcheck disable=SC2086
opts_on=$(echo $opts_on)

pkg=linux-source-$ver
sh "$here/kernel-source.sh" "$ver" >"${TMPDIR:-/tmp}/uecheck-ksrc.$$" || {
	rc=$?
	rm -f "${TMPDIR:-/tmp}/uecheck-ksrc.$$"
	# 3: the source cannot be had on this machine (callers skip).
	exit "$([ "$rc" -eq 3 ] && echo 3 || echo 1)"
}
tarball=$(sed -n 's/^TARBALL=//p' "${TMPDIR:-/tmp}/uecheck-ksrc.$$")
pkgver=$(sed -n 's/^PKGVER=//p' "${TMPDIR:-/tmp}/uecheck-ksrc.$$")
rm -f "${TMPDIR:-/tmp}/uecheck-ksrc.$$"
# krun CMD...: a command of the kernel build, in the chroot if one is named.
krun() {
	if [ -n "$kroot" ]; then
		sh "$here/chroot-run.sh" "$kroot" "$@"
	else
		"$@"
	fi
}
krun sh -c 'command -v make' >/dev/null 2>&1 || die "make not found (make deps)"
# Clang has no -dumpfullversion; its -dumpversion is the full one.
kccver=$(krun "$kcc" -dumpfullversion 2>/dev/null || krun "$kcc" -dumpversion 2>/dev/null) ||
	die "$kcc not found${kroot:+ in $kroot} (make deps)"

base=$cache/linux-$ver
src=$base/src
obj=$base/obj-$flavor
[ "$kcc" = gcc ] && [ -z "$kroot" ] || obj=$obj-$kcc
src_id="$pkg $pkgver"
obj_id="$src_id recipe $recipe flavor $flavor cc $kcc $kccver on: $opts_on off: $opts_off"

ready() {
	[ -d "$src" ] && [ -d "$obj" ] &&
		[ "$(cat "$base/src.stamp" 2>/dev/null)" = "$src_id" ] &&
		[ "$(cat "$obj.stamp" 2>/dev/null)" = "$obj_id" ]
}

report() {
	echo "SRC=$src"
	echo "OBJ=$obj"
	exit 0
}

ready && report

mkdir -p "$base" || die "cannot create $base"

cache_lock "$base" "$lock_wait" || die "cannot take the lock of $base"

# Another caller may have finished while we waited.
ready && report

# kmake LOG ARGS...: make in the build directory, output to LOG, and the
# log's end on stderr when it fails.  The caller's make state (a parent
# make's MAKEFLAGS, CC=... on its command line) must not leak in.
kmake() {
	klog=$1
	shift
	if ! krun env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
		make -C "$src" O="$obj" CC="$kcc" HOSTCC="$kcc" "$@" >>"$klog" 2>&1; then
		echo "kernel-tree: make $* failed for $ver $flavor with $kcc (log: $klog)" >&2
		tail -n 20 "$klog" | sed 's/^/  /' >&2
		exit 1
	fi
}

t0=$(date +%s)
if [ "$(cat "$base/src.stamp" 2>/dev/null)" != "$src_id" ]; then
	# New or changed source: every build directory is stale too.
	rm -rf "$src" "$src.new" "$base"/obj-* "$base"/obj-*.stamp
	rm -f "$base/src.stamp"
	mkdir "$src.new"
	tar -xJf "$tarball" -C "$src.new" --strip-components=1 ||
		die "cannot unpack $tarball into $src.new"
	if [ ! -f "$src.new/Makefile" ] || [ ! -f "$src.new/kernel/trace/trace_events_user.c" ]; then
		die "$tarball holds no kernel/trace/trace_events_user.c"
	fi
	mv "$src.new" "$src"
	echo "$src_id" >"$base/src.stamp"
fi
t1=$(date +%s)

rm -rf "$obj" "$obj.stamp"
log=$obj.log
: >"$log"
mkdir "$obj"
kmake "$log" defconfig
set --
for o in $opts_on; do
	set -- "$@" -e "$o"
done
for o in $opts_off; do
	set -- "$@" -d "$o"
done
"$src/scripts/config" --file "$obj/.config" "$@" ||
	die "scripts/config failed on $obj/.config"
kmake "$log" olddefconfig
for o in $opts_on; do
	grep -qx "CONFIG_$o=y" "$obj/.config" ||
		die "CONFIG_$o is not =y after olddefconfig in $obj/.config (a dependency is missing)"
done
for o in $opts_off; do
	! grep -q "^CONFIG_$o=" "$obj/.config" ||
		die "CONFIG_$o is still set after olddefconfig in $obj/.config"
done
kmake "$log" -j"$(nproc 2>/dev/null || echo 2)" prepare
echo "$obj_id" >"$obj.stamp"
t2=$(date +%s)
echo "kernel-tree: $ver $flavor ($kcc $kccver) ready: unpack $((t1 - t0)) s, configure+prepare $((t2 - t1)) s" >&2
report
