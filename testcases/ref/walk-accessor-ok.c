// SPDX-License-Identifier: GPL-2.0
/*
 * The walk reads the link through a small accessor that asserts
 * event_mutex and returns ->next, as a maintainer tidying the loop would
 * write it.  The rest of the list is what the accessor returns: every
 * node is put once, nothing leaks, nothing is used after its put.
 *
 * uecheck-engines: gcc -- interprocedural (the callee reads the link)
 */
#include <uecheck-test.h>

static struct user_event_mm *mm_next(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	return mm->next;
}

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm_next(mm);
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
