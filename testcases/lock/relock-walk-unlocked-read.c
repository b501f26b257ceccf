// SPDX-License-Identifier: GPL-2.0
/*
 * The same walk as relock-walk-ok.c, but the link is read inside the
 * window where the lock was dropped for the slow work.  The re-lock at
 * the end of the body comes too late: unguarded-access at the read.
 */
#include <uecheck-test.h>

void update_slowly_racy(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		mutex_unlock(&event_mutex);

		use_mm(mm);
		next = mm->next;	/* expect: unguarded-access */
		user_event_mm_put(mm);

		mutex_lock(&event_mutex);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
