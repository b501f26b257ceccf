// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of suite-integration: a real leak in a function the Coccinelle
 * engine cannot parse (see unparsable.h).  The gcc engine reports the leak
 * at line 21; the cocci engine must say that update_walk() was not
 * checked, at line 16 (where spatch fails), instead of reporting
 * nothing.  put_walk() parses and is correct.
 */
#include "ue.h"
#include "unparsable.h"

int update_walk(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	event_mutex_scope_or(return -4) {
		mm = user_event_mm_get_all(user);
		while (mm) {
			next = mm->next;
			use_mm(mm);
			mm = next;
		}
	}
	return 0;
}

void put_walk(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
