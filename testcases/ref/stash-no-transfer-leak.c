// SPDX-License-Identifier: GPL-2.0
/*
 * stash_mm() is an external function that only borrows its argument:
 * passing the pointer does not hand the reference on.  The function then
 * returns still owning the reference from user_event_mm_get(): ref-leak
 * at the return.
 */
#include <uecheck-test.h>

int remember(struct user_event_mm *mm)
{
	struct user_event_mm *ref = user_event_mm_get(mm);

	stash_mm(ref);
	return 0;			/* expect: ref-leak */
}
