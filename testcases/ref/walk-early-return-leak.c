// SPDX-License-Identifier: GPL-2.0
/*
 * An error inside the walk returns straight away.  At that return the
 * current node has not been put and 'next' still owns the rest of the
 * list: every one of those references leaks.  ref-leak at the return.
 */
#include <uecheck-test.h>

int update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);

	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		if (may_fail())
			return -EINVAL;		/* expect: ref-leak */
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}

	return 0;
}
