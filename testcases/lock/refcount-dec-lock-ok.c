// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_mutex_lock() returns true with event_mutex held when
 * the count reached zero.  The last task unlinks the node inside that
 * branch and drops the lock there: silent.  (->tasks is not ->next; it
 * needs no lock.)
 */
#include <uecheck-test.h>

void mm_task_exit(struct user_event_mm *mm)
{
	if (refcount_dec_and_mutex_lock(&mm->tasks, &event_mutex)) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	}
}
