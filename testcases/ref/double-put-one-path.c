// SPDX-License-Identifier: GPL-2.0
/*
 * An error branch puts the reference but forgets to return, so on that
 * path the common put after it runs a second time.  On the other path
 * there is exactly one put, but one bad path is enough: double-put at the
 * second put.
 */
#include <uecheck-test.h>

int pin_and_use(struct user_event_mm *mm)
{
	struct user_event_mm *ref = user_event_mm_get(mm);
	int ret = 0;

	if (may_fail()) {
		user_event_mm_put(ref);
		ret = -EBUSY;
	}

	use_mm(mm);
	user_event_mm_put(ref);		/* expect: double-put */
	return ret;
}
