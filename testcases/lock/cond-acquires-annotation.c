// SPDX-License-Identifier: GPL-2.0
/*
 * 7.x's __cond_acquires(ret, lock) on a prototype makes the function a
 * lock attempt wherever it is called, with no lock-api line: the lock is
 * held where it returned RET (true, nonzero, nonnull: where the result is
 * non-zero; false, 0, NULL: where it is zero).
 */
/* uecheck-engines: gcc -- the Coccinelle scripts take the lock API from the rule set only */
#include <uecheck-test.h>

bool event_mutex_try(void) __cond_acquires(true, &event_mutex);
int event_mutex_lock_checked(void) __cond_acquires(0, &event_mutex);
bool mutex_try_of(struct mutex *m) __cond_acquires(nonzero, m);

int peek_try(struct user_event_mm *mm)
{
	int r = 0;

	if (event_mutex_try()) {
		r = mm->next != NULL;
		mutex_unlock(&event_mutex);
	}
	return r;
}

int peek_try_failed(struct user_event_mm *mm)
{
	int r;

	if (!event_mutex_try())
		return mm->next != NULL;	/* expect: unguarded-access */
	r = mm->next != NULL;
	mutex_unlock(&event_mutex);
	return r;
}

int peek_checked(struct user_event_mm *mm)
{
	int r;

	if (event_mutex_lock_checked())
		return -1;
	r = mm->next != NULL;
	mutex_unlock(&event_mutex);
	return r;
}

int peek_checked_failed(struct user_event_mm *mm)
{
	if (event_mutex_lock_checked())
		return mm->next != NULL;	/* expect: unguarded-access */
	mutex_unlock(&event_mutex);
	return 0;
}

int peek_try_of(struct user_event_mm *mm)
{
	int r = 0;

	if (mutex_try_of(&event_mutex)) {
		r = mm->next != NULL;
		mutex_unlock(&event_mutex);
	}
	return r;
}
