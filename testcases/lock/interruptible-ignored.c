// SPDX-License-Identifier: GPL-2.0
/*
 * The result of mutex_lock_interruptible() is kept but not tested before
 * ->next is written; a signal leaves the lock untaken and the store
 * unprotected: unguarded-access.
 */
#include <uecheck-test.h>

int clear_ignoring_signal(struct user_event_mm *mm)
{
	int ret = mutex_lock_interruptible(&event_mutex);

	mm->next = NULL;	/* expect: unguarded-access */
	if (!ret)
		mutex_unlock(&event_mutex);
	return ret;
}
