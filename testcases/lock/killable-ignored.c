// SPDX-License-Identifier: GPL-2.0
/*
 * The result of mutex_lock_killable() is only looked at after ->next was
 * read.  A fatal signal leaves the lock untaken, so the read is not
 * covered on that path: unguarded-access.
 */
#include <uecheck-test.h>

int peek_then_check(struct user_event_mm *mm, struct user_event_mm **out)
{
	int err = mutex_lock_killable(&event_mutex);

	*out = mm->next;	/* expect: unguarded-access */
	if (err)
		return err;
	mutex_unlock(&event_mutex);
	return 0;
}
