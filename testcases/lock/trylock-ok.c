// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_trylock() holds the lock only where it returned non-zero.  The
 * first function leaves when it failed; the second touches ->next only
 * inside the branch where it succeeded: silent.
 */
#include <uecheck-test.h>

int try_clear(struct user_event_mm *mm)
{
	if (!mutex_trylock(&event_mutex))
		return -EBUSY;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
	return 0;
}

bool try_is_last(struct user_event_mm *mm)
{
	bool last = false;

	if (mutex_trylock(&event_mutex)) {
		last = !mm->next;
		mutex_unlock(&event_mutex);
	}
	return last;
}
