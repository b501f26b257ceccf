// SPDX-License-Identifier: GPL-2.0
/*
 * WRITE_ONCE() on ->next after the lock was dropped: the store is single
 * and untorn, but the list it edits is no longer protected.
 * unguarded-access at the WRITE_ONCE(); the one before the unlock is fine.
 */
#include <uecheck-test.h>

void terminate_late(struct user_event_mm *mm, struct user_event_mm *last)
{
	mutex_lock(&event_mutex);
	WRITE_ONCE(mm->next, last);
	mutex_unlock(&event_mutex);
	WRITE_ONCE(last->next, NULL);	/* expect: unguarded-access */
}
