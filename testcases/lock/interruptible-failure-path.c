// SPDX-License-Identifier: GPL-2.0
/*
 * When mutex_lock_interruptible() returns non-zero the lock was not
 * taken, yet the failure branch resets ->next before bailing out:
 * unguarded-access there.  The success path is fine.
 */
#include <uecheck-test.h>

int clear_or_reset(struct user_event_mm *mm)
{
	if (mutex_lock_interruptible(&event_mutex)) {
		mm->next = NULL;	/* expect: unguarded-access */
		return -EINTR;
	}
	use_mm(mm->next);
	mutex_unlock(&event_mutex);
	return 0;
}
