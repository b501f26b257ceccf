// SPDX-License-Identifier: GPL-2.0
/*
 * When mutex_trylock() fails the lock is not held, but the else branch
 * clears ->next anyway (as a "best effort" fallback): unguarded-access
 * there.  The branch where trylock succeeded is fine.
 */
#include <uecheck-test.h>

void clear_best_effort(struct user_event_mm *mm)
{
	if (mutex_trylock(&event_mutex)) {
		mm->next = NULL;
		mutex_unlock(&event_mutex);
	} else {
		mm->next = NULL;	/* expect: unguarded-access */
	}
}
