# SPDX-License-Identifier: GPL-2.0
#
# ktap.sh - the result lines of the test-runner protocol
# (docs/interfaces.md): run-all.sh numbers them.
#
#   ue_ok NAME              ok - NAME
#   ue_not_ok NAME          not ok - NAME
#   ue_skip NAME REASON     ok - NAME # SKIP REASON
#   ue_diag <TEXT           every line of TEXT as a "# " line

ue_ok() {
	printf 'ok - %s\n' "$1"
}

ue_not_ok() {
	printf 'not ok - %s\n' "$1"
}

ue_skip() {
	printf 'ok - %s # SKIP %s\n' "$1" "$2"
}

ue_diag() {
	sed 's/^/# /'
}
