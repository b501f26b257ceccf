// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_mutex_lock() returned false: the count did not drop to
 * zero and the lock was NOT taken.  Reading ->next in the else branch is
 * unguarded-access; the true branch holds the lock and is fine.
 */
#include <uecheck-test.h>

void mm_task_exit_peek(struct user_event_mm *mm)
{
	if (refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex)) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	} else {
		use_mm(mm->next);	/* expect: unguarded-access */
	}
}
