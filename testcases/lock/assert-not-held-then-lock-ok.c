// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep_assert_not_held(&event_mutex) at the top, then the function
 * takes the lock itself before touching ->next: silent.
 */
#include <uecheck-test.h>

void visit_and_cut(struct user_event_mm *mm)
{
	lockdep_assert_not_held(&event_mutex);
	use_mm(mm);

	mutex_lock(&event_mutex);
	use_mm(mm->next);
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}
