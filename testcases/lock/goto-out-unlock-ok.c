// SPDX-License-Identifier: GPL-2.0
/*
 * The usual kernel shape: every error jumps to out_unlock, which drops
 * the lock once for all paths.  ->next is read and written only between
 * the lock and the label: silent.
 */
#include <uecheck-test.h>

int attach_checked(struct user_event_mm *mm, struct user_event_mm *succ)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = may_fail();
	if (ret)
		goto out_unlock;
	if (mm->next) {
		ret = -EBUSY;
		goto out_unlock;
	}
	mm->next = succ;
out_unlock:
	mutex_unlock(&event_mutex);
	return ret;
}
