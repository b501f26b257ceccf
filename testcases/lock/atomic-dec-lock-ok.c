// SPDX-License-Identifier: GPL-2.0
/*
 * atomic_dec_and_mutex_lock() returns true with event_mutex held when the
 * counter dropped to zero.  The result is kept in a local and tested
 * later; ->next is only touched on the true side: silent.
 */
#include <uecheck-test.h>

extern atomic_t list_users;

void list_user_done(struct user_event_mm *head)
{
	int last = atomic_dec_and_mutex_lock(&list_users, &event_mutex);

	use_mm(head);
	if (last) {
		head->next = NULL;
		mutex_unlock(&event_mutex);
	}
}
