// SPDX-License-Identifier: GPL-2.0
/*
 * The canonical walk of a user_event_mm_get_all() list: read ->next
 * first, use the node, put it, move on.  Every node gets exactly one put
 * and no node is touched after its put, so nothing may be reported.  The
 * walk holds event_mutex, so the lock rule is satisfied too.
 */
#include <uecheck-test.h>

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
