// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that asserts event_mutex is a contract checked at each call in
 * the file.  One caller calls it after mutex_unlock(), the other in the
 * failed branch of a trylock: lock-required at both calls.  The helper
 * itself and the locked call are fine.
 */
#include <uecheck-test.h>

static void unlink_next(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	mm->next = NULL;
}

void unlink_late(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(mm);
	mutex_unlock(&event_mutex);
	unlink_next(mm);	/* expect: lock-required */
}

void unlink_try(struct user_event_mm *mm)
{
	if (!mutex_trylock(&event_mutex)) {
		unlink_next(mm);	/* expect: lock-required */
		return;
	}
	unlink_next(mm);
	mutex_unlock(&event_mutex);
}
