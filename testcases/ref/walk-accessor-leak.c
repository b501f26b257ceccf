// SPDX-License-Identifier: GPL-2.0
/*
 * As walk-accessor-ok.c, but the walk stops at the first node it wants
 * and returns without putting the rest of the list, which it got from
 * the accessor: ref-leak at that return.
 *
 * uecheck-engines: gcc -- interprocedural (the callee reads the link)
 */
#include <uecheck-test.h>

static struct user_event_mm *mm_next(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	return mm->next;
}

int find_first(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm_next(mm);
		if (cond()) {
			user_event_mm_put(mm);
			mutex_unlock(&event_mutex);
			return 1;	/* expect: ref-leak */
		}
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
	return 0;
}
