// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep_assert_not_held(&event_mutex) states that the lock is NOT held
 * here (the function is about to sleep or take it itself), so the read
 * of ->next right after it is unguarded-access.  The helper does not
 * need the lock, so its call after mutex_unlock() is no lock-required.
 *
 * uecheck-xfail[cocci]: lockdep_assert_not_held() does not end the helper's need for the lock: false lock-required at its call
 */
#include <uecheck-test.h>

static void slow_visit(struct user_event_mm *mm)
{
	lockdep_assert_not_held(&event_mutex);
	use_mm(mm->next);	/* expect: unguarded-access */
}

void visit_locked(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(mm);
	mutex_unlock(&event_mutex);
	slow_visit(mm);
}
