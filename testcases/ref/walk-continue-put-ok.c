// SPDX-License-Identifier: GPL-2.0
/*
 * A for-form walk whose body skips some nodes with "continue", but puts
 * the node before skipping it.  Every path through the body puts the
 * current node exactly once and reads ->next before the put: silent.
 */
#include <uecheck-test.h>

void update_some(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	for (mm = user_event_mm_get_all(user); mm; mm = next) {
		next = mm->next;
		if (cond()) {
			user_event_mm_put(mm);
			continue;
		}
		use_mm(mm);
		user_event_mm_put(mm);
	}
	mutex_unlock(&event_mutex);
}
