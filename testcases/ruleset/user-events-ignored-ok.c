// SPDX-License-Identifier: GPL-2.0
/*
 * Under sessions.ruleset, user_events' names mean nothing: the walk of the
 * one-shot list without event_mutex and the reference never put, both
 * findings under the built-in rule set, are silent here.
 */
/* uecheck-options: ruleset=sessions.ruleset */
#include "sessions.h"

void walk_unlocked(struct user_event *user)
{
	struct user_event_mm *mm = user_event_mm_get_all(user);

	while (mm) {
		use_mm(mm);
		mm = mm->next;
	}
}
