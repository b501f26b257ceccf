// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_interruptible() holds the lock only where it returned 0.
 * Both functions leave on a non-zero result (tested directly, or through
 * a local) and touch ->next only after success: silent.
 */
#include <uecheck-test.h>

int clear_interruptible(struct user_event_mm *mm)
{
	if (mutex_lock_interruptible(&event_mutex))
		return -EINTR;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
	return 0;
}

int peek_interruptible(struct user_event_mm *mm, struct user_event_mm **out)
{
	int ret;

	ret = mutex_lock_interruptible(&event_mutex);
	if (ret)
		return ret;
	*out = mm->next;
	mutex_unlock(&event_mutex);
	return 0;
}
