// SPDX-License-Identifier: GPL-2.0
/*
 * READ_ONCE(mm->next) with event_mutex held: the macro expands to a
 * volatile load through &mm->next, and the lock covers it: silent.
 */
#include <uecheck-test.h>

bool mm_is_last_locked(struct user_event_mm *mm)
{
	bool last;

	mutex_lock(&event_mutex);
	last = READ_ONCE(mm->next) == NULL;
	mutex_unlock(&event_mutex);
	return last;
}
