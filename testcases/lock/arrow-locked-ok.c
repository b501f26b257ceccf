// SPDX-License-Identifier: GPL-2.0
/*
 * The plain pattern: take event_mutex, read and rewrite ->next of two
 * nodes, drop it.  Every access lies between mutex_lock() and
 * mutex_unlock() on the only path through the function: silent.
 */
#include <uecheck-test.h>

void splice_after(struct user_event_mm *pos, struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	mm->next = pos->next;
	pos->next = mm;
	mutex_unlock(&event_mutex);
}
