// SPDX-License-Identifier: GPL-2.0
/*
 * scoped_cond_guard(mutex_intr, ...) takes the lock interruptibly; when
 * that fails it runs the fail statement (here: return -EINTR) instead of
 * the block.  The block, where ->next is touched, runs only with the lock
 * held: silent.
 */
#include <uecheck-test.h>

int relink_intr(struct user_event_mm *mm, struct user_event_mm *succ)
{
	scoped_cond_guard(mutex_intr, return -EINTR, &event_mutex) {
		succ->next = mm->next;
		mm->next = succ;
	}
	return 0;
}
