// SPDX-License-Identifier: GPL-2.0
/*
 * Strict mode, with the helpers saying what they need: one with
 * lockdep_assert_held(), one with __must_hold().  Nothing relies on
 * callers silently, and the callers hold the lock: silent.
 *
 * uecheck-options: strict
 */
#include <uecheck-test.h>

static void chain(struct user_event_mm *mm, struct user_event_mm *succ)
{
	lockdep_assert_held(&event_mutex);
	mm->next = succ;
}

static struct user_event_mm *link_of(struct user_event_mm *mm)
	__must_hold(&event_mutex)
{
	return mm->next;
}

void chain_locked(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock(&event_mutex);
	chain(mm, succ);
	use_mm(link_of(succ));
	mutex_unlock(&event_mutex);
}
