// SPDX-License-Identifier: GPL-2.0
/*
 * The link is read before mutex_lock_io() is called: the lock taken on
 * the next line does not cover it.  unguarded-access at the early read;
 * the store after the lock is fine.
 */
#include <uecheck-test.h>

void cut_after_io(struct user_event_mm *mm)
{
	struct user_event_mm *succ = mm->next;	/* expect: unguarded-access */

	mutex_lock_io(&event_mutex);
	mm->next = NULL;
	mutex_unlock(&event_mutex);
	use_mm(succ);
}
