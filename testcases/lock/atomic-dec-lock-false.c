// SPDX-License-Identifier: GPL-2.0
/*
 * atomic_dec_and_mutex_lock() returned false: other users remain and the
 * lock was not taken, yet the else branch reads ->next:
 * unguarded-access there.
 */
#include <uecheck-test.h>

extern atomic_t list_users;

void list_user_done_peek(struct user_event_mm *head)
{
	if (atomic_dec_and_mutex_lock(&list_users, &event_mutex)) {
		head->next = NULL;
		mutex_unlock(&event_mutex);
	} else {
		use_mm(head->next);	/* expect: unguarded-access */
	}
}
