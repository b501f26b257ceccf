// SPDX-License-Identifier: GPL-2.0
/*
 * The lock is dropped through a local wrapper, unlock_events(); its
 * effect applies at the call, so the store after it runs unlocked:
 * unguarded-access.  The read before the call is fine.
 */
#include <uecheck-test.h>

static void unlock_events(void)
{
	mutex_unlock(&event_mutex);
}

void visit_then_cut(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(mm->next);
	unlock_events();
	mm->next = NULL;	/* expect: unguarded-access */
}
