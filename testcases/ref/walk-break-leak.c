// SPDX-License-Identifier: GPL-2.0
/*
 * The walk stops with "break" and nothing after the loop puts the node it
 * stopped on or the rest of the list.  The references leak when the
 * function returns (gcc reports the return the path leaves by; the
 * Coccinelle engine reports the break that leaves the walk).
 */
#include <uecheck-test.h>

int find_first(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int found = 0;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (cond()) {
			found = 1;
			break;			/* expect[cocci]: ref-leak */
		}
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);

	return found;			/* expect[gcc]: ref-leak */
}
