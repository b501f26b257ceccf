// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_interruptible() may fail; the function then returns before
 * taking any reference.  Once the lock is held the list is walked and
 * every node put.  No path leaves with a reference: silent.
 */
#include <uecheck-test.h>

int update_interruptible(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	if (mutex_lock_interruptible(&event_mutex))
		return -EINTR;

	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}

	mutex_unlock(&event_mutex);
	return 0;
}
