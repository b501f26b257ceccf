// SPDX-License-Identifier: GPL-2.0
/*
 * A "continue" in a for-form walk skips the put: the step "mm = next" in
 * the loop header then overwrites the last pointer to the skipped node,
 * whose reference leaks.  The continue does not leave the walk, so the
 * leak is reported at the overwriting step, in the loop header.
 */
#include <uecheck-test.h>

void update_some(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);

	for (mm = user_event_mm_get_all(user); mm; mm = next) {	/* expect: ref-leak */
		next = mm->next;
		if (cond())
			continue;
		use_mm(mm);
		user_event_mm_put(mm);
	}
}
