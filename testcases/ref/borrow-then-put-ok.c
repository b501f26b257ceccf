// SPDX-License-Identifier: GPL-2.0
/*
 * A reference from user_event_mm_get() is lent to functions that only
 * borrow it (use_mm(), stash_mm(): passing a pointer does not transfer
 * ownership) and then put once by its owner.  Borrowing is not a leak and
 * the single put is not a double put: silent.
 */
#include <uecheck-test.h>

void share(struct user_event_mm *mm)
{
	struct user_event_mm *ref;

	ref = user_event_mm_get(mm);
	stash_mm(ref);
	use_mm(ref);
	user_event_mm_put(ref);
}
