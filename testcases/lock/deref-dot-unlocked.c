// SPDX-License-Identifier: GPL-2.0
/*
 * The member spelled through an explicit dereference, (*mm).next, is the
 * same access as mm->next.  The read is done under the lock; the write
 * comes after mutex_unlock(): unguarded-access at the write.
 */
#include <uecheck-test.h>

void reset_link(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm((*mm).next);
	mutex_unlock(&event_mutex);
	(*mm).next = NULL;	/* expect: unguarded-access */
}
