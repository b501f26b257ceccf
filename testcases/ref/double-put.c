// SPDX-License-Identifier: GPL-2.0
/*
 * One reference from current_user_event_mm(), two puts of the same node
 * on the straight-line path: the second put drops a reference this
 * function does not own (and may touch freed memory).  double-put at the
 * second put.
 */
#include <uecheck-test.h>

void drop_twice(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;

	use_mm(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);		/* expect: double-put */
}
