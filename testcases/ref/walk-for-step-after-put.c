// SPDX-License-Identifier: GPL-2.0
/*
 * The for-form walk with the step written as "mm = mm->next" while the
 * body ends with the put: the step dereferences a node that was just put
 * and may be freed.  use-after-put at the loop header, where the step is.
 */
#include <uecheck-test.h>

void update_all(struct user_event *user)
{
	struct user_event_mm *mm;

	lockdep_assert_held(&event_mutex);

	for (mm = user_event_mm_get_all(user); mm; mm = mm->next) {	/* expect: use-after-put */
		use_mm(mm);
		user_event_mm_put(mm);
	}
}
