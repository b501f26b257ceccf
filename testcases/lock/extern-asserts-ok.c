// SPDX-License-Identifier: GPL-2.0
/*
 * An exported function that states its contract with
 * lockdep_assert_held(&event_mutex) before touching ->next.  Its callers
 * are out of sight and lockdep checks them at run time, so the assertion
 * is trusted and both accesses are covered: silent.
 */
#include <uecheck-test.h>

struct user_event_mm *mm_pop_locked(struct user_event_mm *mm)
{
	struct user_event_mm *rest;

	lockdep_assert_held(&event_mutex);
	rest = mm->next;
	mm->next = NULL;
	return rest;
}
