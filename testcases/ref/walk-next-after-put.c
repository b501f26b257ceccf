// SPDX-License-Identifier: GPL-2.0
/*
 * The walk puts the node first and reads ->next afterwards.  The put may
 * have dropped the last reference and freed the node, so the read of
 * mm->next is a use after put.  Every node is still put once, so this is
 * not a leak.  use-after-put at the read of ->next.
 */
#include <uecheck-test.h>

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		use_mm(mm);
		user_event_mm_put(mm);
		next = mm->next;	/* expect: use-after-put */
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
