# SPDX-License-Identifier: GPL-2.0
#
# rules.sh - the rule ids, read from the one table (plugin/rules.def).
#
# Interface (sourced; POSIX sh):
#   ue_rule_ids TABLE [SEP]   the ids of TABLE in its order, joined by SEP
#                             (default: one space); exit 1, and one line on
#                             stderr, when TABLE holds none
# TABLE is plugin/rules.def in the source tree; make install puts it beside
# these helpers (lib/uecheck/lib/rules.def).

ue_rule_ids() {
	ue_ids=$(sed -n 's/^UE_RULE([A-Z_]*, *"\([a-z-]*\)".*/\1/p' "$1" 2>/dev/null |
		tr '\n' "${2:- }")
	if [ -z "$ue_ids" ]; then
		echo "uecheck: no rule ids in '$1' (the rule table)" >&2
		return 1
	fi
	printf '%s\n' "${ue_ids%?}"
}
