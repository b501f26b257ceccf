#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Stand-in for cocci/run.sh in suite-integration: logs its arguments to
# $FAKE_COCCI_LOG and prints fixed normalised findings for seeded.c (one the
# gcc engine also makes, one only "cocci" makes), nothing for other files.
# FAKE_COCCI_EXIT sets its exit status (to test engine failures).
printf '%s\n' "$*" >>"${FAKE_COCCI_LOG:-/dev/null}"
for f in "$@"; do
	file=$f
done
case $file in
*seeded.c)
	echo "$file:39:10: warning: access to 'next' of 'struct user_event_mm' without 'event_mutex' held in 'walk_unlocked' [uecheck:unguarded-access]"
	echo "$file:50:3: warning: reference to 'struct user_event_mm' not put on this path in 'leak_all' [uecheck:ref-leak]"
	echo "$file:48:7: note: reference taken here by 'user_event_mm_get_all'"
	;;
esac
exit "${FAKE_COCCI_EXIT:-0}"
