// SPDX-License-Identifier: GPL-2.0
/*
 * The lock taken with mutex_lock_nested() is released before the last
 * read of ->next: unguarded-access at that read.
 */
#include <uecheck-test.h>

struct user_event_mm *unlink_nested(struct user_event_mm *mm)
{
	struct user_event_mm *succ;

	mutex_lock_nested(&event_mutex, 1);
	succ = mm->next;
	mutex_unlock(&event_mutex);
	mm->next = NULL;	/* expect: unguarded-access */
	return succ;
}
