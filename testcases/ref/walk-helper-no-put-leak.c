// SPDX-License-Identifier: GPL-2.0
/*
 * The body of the walk is a static helper, but unlike
 * walk-helper-put-ok.c this helper only looks at the node and never puts
 * it; its summary says it borrows.  The node's reference is lost when
 * "mm = next" overwrites the last pointer to it: ref-leak there.
 *
 * uecheck-engines: gcc -- interprocedural (whether the callee puts)
 */
#include <uecheck-test.h>

static void look_at(struct user_event_mm *mm)
{
	use_mm(mm);
}

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		look_at(mm);
		mm = next;		/* expect: ref-leak */
	}
	mutex_unlock(&event_mutex);
}
