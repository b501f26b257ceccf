// SPDX-License-Identifier: GPL-2.0
/*
 * lock-held: a function that must be called without event_mutex (it
 * asserts lockdep_assert_not_held() on every path, or is annotated
 * __must_not_hold(): it takes the mutex itself, or sleeps on what the
 * holder waits for) called where the mutex may be held.  A function that
 * calls such a one on every path must be called without it too; one that
 * calls it on some paths only, or asserts it conditionally, binds no
 * caller (user_event_put(user, locked) in 6.12 and 7.3 does).  After a
 * call made with the lock held, the caller still holds it: the callee's
 * exits assume it free at entry.
 */
/* The Coccinelle script sees direct calls of the file's asserting functions only: expect[gcc]. */
#include <uecheck-test.h>

void user_event_mm_flush(void) __must_not_hold(&event_mutex);

static void drain_unlocked(struct user_event_mm *mm)
{
	lockdep_assert_not_held(&event_mutex);
	mutex_lock(&event_mutex);
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}

void drain_ok(struct user_event_mm *mm)
{
	drain_unlocked(mm);
	user_event_mm_flush();
}

void drain_held(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	drain_unlocked(mm);		/* expect: lock-held */
	mm->next = NULL;		/* held as before the call: one finding */
	mutex_unlock(&event_mutex);
}

void flush_held(void)
{
	mutex_lock(&event_mutex);
	user_event_mm_flush();		/* expect[gcc]: lock-held */
	mutex_unlock(&event_mutex);
}

static void drain_all(struct user_event_mm *mm)
{
	drain_unlocked(mm);
}

void drain_all_held(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	drain_all(mm);			/* expect[gcc]: lock-held */
	mutex_unlock(&event_mutex);
}

static void drain_maybe(struct user_event_mm *mm, bool locked)
{
	if (!locked)
		drain_unlocked(mm);
}

static void put_locked_or_not(struct user_event_mm *mm, bool locked)
{
	if (!locked) {
		lockdep_assert_not_held(&event_mutex);
		mutex_lock(&event_mutex);
	} else {
		lockdep_assert_held(&event_mutex);
		use_mm(mm);
	}
	mm->next = NULL;
	mutex_unlock(&event_mutex);
}

void drain_maybe_held(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	drain_maybe(mm, true);
	mutex_unlock(&event_mutex);
}

void put_held(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	put_locked_or_not(mm, true);
}

void drain_after_unlock(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	mutex_unlock(&event_mutex);
	drain_unlocked(mm);
}
