// SPDX-License-Identifier: GPL-2.0
/*
 * The list head is overwritten by a second user_event_mm_get_all() before
 * the first list was put: the assignment drops the last pointer to the
 * first list, whose references can then never be released.  ref-leak at
 * the overwriting assignment.  The second list is walked and put
 * correctly, so nothing else is reported.
 */
#include <uecheck-test.h>

void update_either(struct user_event *user, struct user_event *fallback)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	if (cond())
		mm = user_event_mm_get_all(fallback);	/* expect: ref-leak */

	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
