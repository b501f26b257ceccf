# SPDX-License-Identifier: GPL-2.0
#
# cache.sh - what the scripts that build cached trees and chroots share
# (kernel-tree.sh, toolchain-chroot.sh, kernel-source.sh, fresh-demo.sh).
#
#   cache_lock DIR WAIT   take DIR/lock (mkdir is atomic; the owner's pid
#                         lives inside, a lock whose owner is gone is stale
#                         and removed), waiting up to WAIT seconds; removed
#                         again when the shell exits.  Status 1, with one
#                         line on stderr, on timeout.
#   debian_mirror         the Debian archive the machine's apt sources use
#                         (UECHECK_DEBIAN_MIRROR overrides), without a
#                         trailing slash; nothing when there is none.

cache_lock() {
	ue_lock=$1/lock
	ue_waited=0
	while ! mkdir "$ue_lock" 2>/dev/null; do
		ue_owner=$(cat "$ue_lock/pid" 2>/dev/null || true)
		if [ -n "$ue_owner" ] && ! kill -0 "$ue_owner" 2>/dev/null; then
			rm -rf "$ue_lock"
			continue
		fi
		if [ "$ue_waited" -ge "$2" ]; then
			echo "waited ${2}s for $ue_lock (held by pid ${ue_owner:-?}); remove it if nothing is being prepared" >&2
			return 1
		fi
		sleep 2
		ue_waited=$((ue_waited + 2))
	done
	echo "$$" >"$ue_lock/pid"
	trap 'rm -rf "$ue_lock"' EXIT
	trap 'exit 130' INT TERM
}

debian_mirror() {
	if [ -n "${UECHECK_DEBIAN_MIRROR:-}" ]; then
		echo "${UECHECK_DEBIAN_MIRROR%/}"
		return
	fi
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null |
		sed -n -e 's/^deb \(\[[^]]*\] \)\{0,1\}\([a-z]*:\/\/[^ ]*\/debian\)\/\{0,1\} .*/\2/p' \
			-e 's/^URIs: *\([a-z]*:\/\/[^ ]*\/debian\)\/\{0,1\}$/\1/p' |
		head -n 1
}
