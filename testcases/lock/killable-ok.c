// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_killable(): the lock is held only where it returned 0.  Both
 * forms of the test (direct, and through a local compared with 0) leave
 * before any access on failure: silent.
 */
#include <uecheck-test.h>

int clear_killable(struct user_event_mm *mm)
{
	if (mutex_lock_killable(&event_mutex))
		return -EINTR;
	mm->next = NULL;
	mutex_unlock(&event_mutex);
	return 0;
}

int relink_killable(struct user_event_mm *mm, struct user_event_mm *succ)
{
	int err = mutex_lock_killable(&event_mutex);

	if (err != 0)
		return err;
	succ->next = mm->next;
	mm->next = succ;
	mutex_unlock(&event_mutex);
	return 0;
}
