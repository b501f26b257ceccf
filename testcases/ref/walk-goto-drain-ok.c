// SPDX-License-Identifier: GPL-2.0
/*
 * An error inside the walk jumps to a label whose loop puts the current
 * node and the rest of the list.  The goto leaves the walk with
 * references held, but the code at the label releases all of them before
 * the return: silent.
 */
#include <uecheck-test.h>

int update_or_unwind(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int ret = 0;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (may_fail()) {
			ret = -EINTR;
			goto unwind;
		}
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return 0;

unwind:
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return ret;
}
