// SPDX-License-Identifier: GPL-2.0
/*
 * Taking the address of ->next is an access too: whoever holds the
 * pointer can rewrite the list through it.  The link is cleared under the
 * lock, but its address is handed out after mutex_unlock():
 * unguarded-access at &mm->next.
 */
#include <uecheck-test.h>

void queue_link(struct user_event_mm **slot);

void publish_tail(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	mm->next = NULL;
	mutex_unlock(&event_mutex);
	queue_link(&mm->next);	/* expect: unguarded-access */
}
