#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# chroot-run.sh - run one command in a chroot of scripts/toolchain-chroot.sh,
# with this project, the uecheck cache and the temporary directory visible
# at the same paths as outside.
#
# Usage: sh scripts/chroot-run.sh ROOT COMMAND [ARG...]
#
# The mounts (/proc, /dev and the bind mounts) live in a private mount
# namespace (unshare -m) and vanish with the command: nothing stays
# mounted under the cache, so removing it can never reach the work tree.
# The command runs with the caller's working directory when it is visible
# inside, else /.
#
# Environment: UECHECK_CACHE (see toolchain-chroot.sh), TMPDIR,
# UECHECK_CHROOT_BIND (more directories to show inside, space-separated).
# Exit status: the command's; 125 when the chroot cannot be entered (not
# root, no unshare, ROOT is not a chroot: one line on stderr).
set -eu

die() {
	echo "chroot-run: $*" >&2
	exit 125
}

[ $# -ge 2 ] || die "usage: chroot-run.sh ROOT COMMAND [ARG...]"
root=$1
shift
[ -x "$root/bin/sh" ] || die "$root is not a chroot (make it with scripts/toolchain-chroot.sh)"
[ "$(id -u)" -eq 0 ] || die "needs root"
command -v unshare >/dev/null 2>&1 || die "unshare not found (util-linux)"

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${UECHECK_CACHE:-${HOME:-/root}/.cache/uecheck}
mkdir -p "$cache"
tmpdir=${TMPDIR:-/tmp}
binds="$top $cache $tmpdir ${UECHECK_CHROOT_BIND:-}"

# The inner script gets ROOT, the directory to start in, the bind list and
# the command as arguments: nothing is spliced into its text.
exec unshare --mount --propagation private sh -c '
	set -e
	root=$1 cwd=$2 binds=$3
	shift 3
	mount -t proc proc "$root/proc"
	mount --bind /dev "$root/dev"
	for d in $binds; do
		[ -d "$d" ] || continue
		mkdir -p "$root$d"
		mount --bind "$d" "$root$d"
	done
	[ -d "$root$cwd" ] || cwd=/
	cd "$root$cwd"
	exec chroot "$root" sh -c "cd \"\$0\" && exec \"\$@\"" "$cwd" \
		env PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LC_ALL=C.UTF-8 "$@"
' sh "$root" "$(pwd)" "$binds" "$@"
