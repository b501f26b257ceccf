// SPDX-License-Identifier: GPL-2.0
/*
 * The head is cut off the list under the lock, but the second node's link
 * is read after mutex_unlock(): by then another thread may be rebuilding
 * the one-shot list.  The accesses before the unlock are fine;
 * unguarded-access at the one after it.
 */
#include <uecheck-test.h>

void drop_head(struct user_event_mm *head)
{
	struct user_event_mm *rest;

	mutex_lock(&event_mutex);
	rest = head->next;
	head->next = NULL;
	mutex_unlock(&event_mutex);

	if (rest)
		use_mm(rest->next);	/* expect: unguarded-access */
}
