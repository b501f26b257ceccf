// SPDX-License-Identifier: GPL-2.0
/*
 * The same walk written as a for loop: the get_all() call in the
 * initialiser, the step "mm = next" in the header.  ->next is read before
 * the put, each node is put once, and the loop only ends on NULL, which
 * owns nothing: silent.  The caller's lock is asserted.
 */
#include <uecheck-test.h>

int count_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;
	int n = 0;

	lockdep_assert_held(&event_mutex);

	for (mm = user_event_mm_get_all(user); mm; mm = next) {
		next = mm->next;
		use_mm(mm);
		n++;
		user_event_mm_put(mm);
	}

	return n;
}
