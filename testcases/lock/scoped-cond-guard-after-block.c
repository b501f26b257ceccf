// SPDX-License-Identifier: GPL-2.0
/*
 * scoped_cond_guard(mutex_intr, ...) holds the lock inside its block
 * only.  The read after the block runs after the lock was dropped:
 * unguarded-access there; the store inside the block is fine.
 *
 * Coccinelle 1.1.1 only parses the function with cocci/uecheck-macros.h
 * (cocci/run.sh passes it; make coccicheck needs it in SPFLAGS).
 */
#include <uecheck-test.h>

int relink_intr_then_peek(struct user_event_mm *mm, struct user_event_mm *succ)
{
	scoped_cond_guard(mutex_intr, return -EINTR, &event_mutex) {
		mm->next = succ;
	}
	use_mm(mm->next);	/* expect: unguarded-access */
	return 0;
}
