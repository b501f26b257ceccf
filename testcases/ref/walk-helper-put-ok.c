// SPDX-License-Identifier: GPL-2.0
/*
 * The body of the walk lives in a static helper that uses the node and
 * puts it.  Its summary says it consumes its argument, so each node is
 * put exactly once, after ->next was read: silent.
 *
 * uecheck-engines: gcc -- interprocedural (the put is in the callee)
 */
#include <uecheck-test.h>

static void finish_mm(struct user_event_mm *mm)
{
	use_mm(mm);
	user_event_mm_put(mm);
}

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		finish_mm(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
