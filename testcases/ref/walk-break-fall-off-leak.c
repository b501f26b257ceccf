// SPDX-License-Identifier: GPL-2.0
/*
 * Same bug as walk-break-leak.c in a void function written as a for
 * loop: after the break nothing puts the remaining nodes, and the
 * function falls off its end.  gcc reports the closing brace, the
 * Coccinelle engine the break.
 */
#include <uecheck-test.h>

void update_until(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);

	for (mm = user_event_mm_get_all(user); mm; mm = next) {
		next = mm->next;
		use_mm(mm);
		if (may_fail())
			break;			/* expect[cocci]: ref-leak */
		user_event_mm_put(mm);
	}
}					/* expect[gcc]: ref-leak */
