// SPDX-License-Identifier: GPL-2.0
/*
 * Both branches of the if take event_mutex, in a different order relative
 * to other work.  Every path reaches the store with the lock held: silent.
 */
#include <uecheck-test.h>

void clear_either_way(struct user_event_mm *mm)
{
	if (cond()) {
		use_mm(mm);
		mutex_lock(&event_mutex);
	} else {
		mutex_lock(&event_mutex);
		use_mm(mm);
	}
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}
