// SPDX-License-Identifier: GPL-2.0
/*
 * The walk reads ->next and moves on without ever putting the node: the
 * step "mm = next" overwrites the last pointer to a node that still holds
 * the reference user_event_mm_get_all() took, so that reference can never
 * be dropped.  ref-leak at the overwriting assignment.
 */
#include <uecheck-test.h>

void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		mm = next;		/* expect: ref-leak */
	}
	mutex_unlock(&event_mutex);
}
