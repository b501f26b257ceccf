// SPDX-License-Identifier: GPL-2.0
/*
 * When the file defines user_event_mm_get_all() itself (as the kernel's
 * does), its lockdep_assert_held() makes it a contract like any other
 * function: calling it after mutex_unlock() needs the lock, even though
 * the reference rule also knows the function by its name.  The walk's
 * ->next read is unguarded too.  Every node is put: no reference finding.
 */
#include <uecheck-test.h>

struct user_event_mm *user_event_mm_get_all(struct user_event *user)
{
	lockdep_assert_held(&event_mutex);
	(void)user;
	return global_mm ? user_event_mm_get(global_mm) : NULL;
}

void drain_after_unlock(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	use_mm(global_mm);
	mutex_unlock(&event_mutex);

	mm = user_event_mm_get_all(user);	/* expect: lock-required */
	while (mm) {
		next = mm->next;	/* expect: unguarded-access */
		user_event_mm_put(mm);
		mm = next;
	}
}
