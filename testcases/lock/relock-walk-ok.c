// SPDX-License-Identifier: GPL-2.0
/*
 * A walk that drops event_mutex around the slow work on each node and
 * takes it again before moving on.  ->next is read at the top of the
 * body, where the lock is held both on entry to the loop and after the
 * re-lock at the end of each iteration: silent.  Every node is put once
 * after its link was read, so the reference rule is quiet too.
 */
#include <uecheck-test.h>

void update_slowly(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		mutex_unlock(&event_mutex);

		use_mm(mm);
		user_event_mm_put(mm);

		mutex_lock(&event_mutex);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
