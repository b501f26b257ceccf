// SPDX-License-Identifier: GPL-2.0
/*
 * A lock is held, but the wrong one: other_mutex does not protect ->next,
 * only event_mutex does: unguarded-access at the store.
 */
#include <uecheck-test.h>

void link_under_wrong_lock(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock(&other_mutex);
	mm->next = succ;	/* expect: unguarded-access */
	mutex_unlock(&other_mutex);
}
