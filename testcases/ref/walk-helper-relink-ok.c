// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that links one node to the next (stores its second argument
 * into the first one's ->next) hands that reference on into the list; it
 * does not put it.  The walk still puts every node exactly once, so
 * nothing here is a use after put or a double put: silent.
 */
#include <uecheck-test.h>

static void link_to(struct user_event_mm *mm, struct user_event_mm *to)
	__must_hold(&event_mutex)
{
	mm->next = to;
}

void relink_walk(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		link_to(mm, next);
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
