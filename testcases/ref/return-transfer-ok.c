// SPDX-License-Identifier: GPL-2.0
/*
 * Returning an owned pointer hands its references to the caller: the
 * whole list from user_event_mm_get_all(), or the single node from
 * current_user_event_mm() / user_event_mm_get().  None of these
 * functions leaks, so nothing may be reported.
 */
#include <uecheck-test.h>

struct user_event_mm *snapshot(struct user_event *user)
{
	lockdep_assert_held(&event_mutex);

	return user_event_mm_get_all(user);
}

struct user_event_mm *snapshot_nonempty(struct user_event *user)
{
	struct user_event_mm *mm;

	lockdep_assert_held(&event_mutex);

	mm = user_event_mm_get_all(user);
	if (!mm)
		return NULL;

	use_mm(mm);
	return mm;
}

struct user_event_mm *current_checked(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return NULL;
	use_mm(mm);
	return mm;
}

struct user_event_mm *pin(struct user_event_mm *mm)
{
	struct user_event_mm *ref;

	ref = user_event_mm_get(mm);
	use_mm(ref);
	return ref;
}
