// SPDX-License-Identifier: GPL-2.0
/*
 * Appending through a pointer to the link: &head->next and
 * &(*link)->next take the address of ->next, and the walk and the store
 * all happen with event_mutex held: silent.
 */
#include <uecheck-test.h>

void append_mm(struct user_event_mm *head, struct user_event_mm *mm)
{
	struct user_event_mm **link;

	mutex_lock(&event_mutex);
	link = &head->next;
	while (*link)
		link = &(*link)->next;
	mm->next = NULL;
	*link = mm;
	mutex_unlock(&event_mutex);
}
