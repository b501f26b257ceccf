// SPDX-License-Identifier: GPL-2.0
/*
 * Inside the walk, a conditional cleanup puts the node and then falls
 * through to the regular put of the same node.  ->next was read first, so
 * the walk itself is fine; only the node is put twice on the cond() path.
 * double-put at the second put.
 */
#include <uecheck-test.h>

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (cond())
			user_event_mm_put(mm);
		user_event_mm_put(mm);	/* expect: double-put */
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
