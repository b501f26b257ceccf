// SPDX-License-Identifier: GPL-2.0
/*
 * Each case takes the lock in its own way before the store after the
 * switch, except the default case, which forgot to.  The path through
 * default reaches the store without event_mutex: unguarded-access.
 */
#include <uecheck-test.h>

int set_link(struct user_event_mm *mm, struct user_event_mm *succ, int how)
{
	switch (how) {
	case 0:
		mutex_lock(&event_mutex);
		break;
	case 1:
		if (mutex_lock_interruptible(&event_mutex))
			return -EINTR;
		break;
	default:
		use_mm(mm);
		break;
	}
	mm->next = succ;	/* expect: unguarded-access */
	mutex_unlock(&event_mutex);
	return 0;
}
