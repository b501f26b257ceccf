// SPDX-License-Identifier: GPL-2.0
/*
 * An empty list (NULL from user_event_mm_get_all()) owns nothing, so the
 * early return on NULL leaks nothing; the non-empty list is then walked
 * with a do-while loop that puts every node after reading ->next.
 * Must stay silent.
 */
#include <uecheck-test.h>

void update_nonempty(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);

	mm = user_event_mm_get_all(user);
	if (!mm)
		return;

	do {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	} while (mm);
}
