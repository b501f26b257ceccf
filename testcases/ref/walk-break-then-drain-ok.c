// SPDX-License-Identifier: GPL-2.0
/*
 * The walk stops early with "break", but a second loop after it puts the
 * node it stopped on and every node after it.  All references are
 * dropped on every path, so breaking out is correct here: silent.
 */
#include <uecheck-test.h>

int update_until_error(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int ret = 0;

	lockdep_assert_held(&event_mutex);

	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (may_fail()) {
			ret = -EAGAIN;
			break;
		}
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}

	/* Drop whatever the first loop did not get to. */
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}

	return ret;
}
