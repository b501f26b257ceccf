// SPDX-License-Identifier: GPL-2.0
/*
 * The error path drops the lock and jumps to an undo label that resets
 * ->next.  Only the error path reaches the label, and it always arrives
 * there unlocked: unguarded-access at the store after the label.
 */
#include <uecheck-test.h>

int attach_mm(struct user_event_mm *mm, struct user_event_mm *succ)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = may_fail();
	if (ret) {
		mutex_unlock(&event_mutex);
		goto undo;
	}
	mm->next = succ;
	mutex_unlock(&event_mutex);
	return 0;

undo:
	mm->next = NULL;	/* expect: unguarded-access */
	return ret;
}
