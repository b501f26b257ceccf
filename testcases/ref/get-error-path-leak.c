// SPDX-License-Identifier: GPL-2.0
/*
 * A reference taken with user_event_mm_get() is put on the success path
 * but not on the early error return.  ref-leak at that return.
 */
#include <uecheck-test.h>

int pin_briefly(struct user_event_mm *mm)
{
	struct user_event_mm *ref;

	ref = user_event_mm_get(mm);
	if (may_fail())
		return -EAGAIN;		/* expect: ref-leak */

	use_mm(ref);
	user_event_mm_put(ref);
	return 0;
}
