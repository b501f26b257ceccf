// SPDX-License-Identifier: GPL-2.0
/*
 * scoped_guard() releases the lock when its block ends.  The read inside
 * the block is fine; the store after it is unguarded-access.
 */
#include <uecheck-test.h>

void relink_scoped(struct user_event_mm *mm, struct user_event_mm *succ)
{
	scoped_guard(mutex, &event_mutex) {
		succ->next = mm->next;
	}
	mm->next = succ;	/* expect: unguarded-access */
}
