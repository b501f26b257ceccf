// SPDX-License-Identifier: GPL-2.0
/*
 * The lock is only taken when cond() says so, and the link is cleared on
 * both paths.  On the path where cond() was false event_mutex was never
 * taken: unguarded-access at the store.
 */
#include <uecheck-test.h>

void clear_if_busy(struct user_event_mm *mm)
{
	bool busy = cond();

	if (busy)
		mutex_lock(&event_mutex);
	mm->next = NULL;	/* expect: unguarded-access */
	if (busy)
		mutex_unlock(&event_mutex);
}
