// SPDX-License-Identifier: GPL-2.0
/*
 * The guard lives in an inner block, so the lock is dropped when that
 * block ends.  The store after the block runs unlocked: unguarded-access
 * there; the store inside the block is fine.
 */
#include <uecheck-test.h>

void relink_guarded(struct user_event_mm *mm, struct user_event_mm *succ)
{
	{
		guard(mutex)(&event_mutex);
		succ->next = NULL;
	}
	mm->next = succ;	/* expect: unguarded-access */
}
