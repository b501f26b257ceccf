// SPDX-License-Identifier: GPL-2.0
/*
 * The whole list is handed to a static helper that walks it and puts
 * every node.  The caller keeps no pointer into the list afterwards, so
 * ownership of the list moved to the helper, which releases it all:
 * silent.  The helper asserts event_mutex because it reads ->next.
 *
 * uecheck-engines: gcc -- interprocedural (the puts are in the callee)
 */
#include <uecheck-test.h>

static void put_list(struct user_event_mm *mm)
{
	struct user_event_mm *next;

	lockdep_assert_held(&event_mutex);

	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
}

void update_all(struct user_event *user)
{
	mutex_lock(&event_mutex);
	put_list(user_event_mm_get_all(user));
	mutex_unlock(&event_mutex);
}

void update_if_any(struct user_event *user)
{
	struct user_event_mm *mm;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	if (mm)
		put_list(mm);
	mutex_unlock(&event_mutex);
}
