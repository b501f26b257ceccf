// SPDX-License-Identifier: GPL-2.0
/*
 * Every case that falls out of the switch has taken event_mutex (plainly
 * or killably, returning on failure); the default case returns early.
 * A case that only peeks takes the lock around its own read.  Every
 * access is covered: silent.
 */
#include <uecheck-test.h>

int set_link_checked(struct user_event_mm *mm, struct user_event_mm *succ,
		     int how)
{
	switch (how) {
	case 0:
		mutex_lock(&event_mutex);
		break;
	case 1:
		if (mutex_lock_killable(&event_mutex))
			return -EINTR;
		break;
	case 2:
		mutex_lock(&event_mutex);
		use_mm(mm->next);
		mutex_unlock(&event_mutex);
		return 0;
	default:
		return -EINVAL;
	}
	mm->next = succ;
	mutex_unlock(&event_mutex);
	return 0;
}
