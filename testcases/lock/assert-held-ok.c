// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper asserts event_mutex and then edits ->next; its only
 * caller takes the lock around the call.  The assertion is trusted inside
 * the helper and checked at the call, where the lock is held: silent.
 */
#include <uecheck-test.h>

static void unlink_next(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	if (mm->next)
		mm->next = mm->next->next;
}

void unlink_locked(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	unlink_next(mm);
	mutex_unlock(&event_mutex);
}
