// SPDX-License-Identifier: GPL-2.0
/*
 * The '!' side of refcount_dec_and_mutex_lock() is the side where the
 * count did not drop to zero and the mutex was NOT taken.  Touching ->next
 * there is unguarded; after the test (the true side) the lock is held.
 */
#include <uecheck-test.h>

void mm_task_exit_wrong_side(struct user_event_mm *mm)
{
	if (!refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex)) {
		mm->next = NULL;	/* expect: unguarded-access */
		return;
	}
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}
