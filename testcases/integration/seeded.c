// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of suite-integration: one seeded violation of each rule the
 * default mode reports, in the shape trace_events_user.c uses.  The
 * expected findings are listed by hand in seeded.expect.
 */
#include "ue.h"

/* Correct on its own: asserts the lock its callers must hold. */
static void update_all(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	lockdep_assert_held(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		use_mm(mm);
		user_event_mm_put(mm);
		mm = next;
	}
}

void update_after_unlock(struct user_event *user)
{
	mutex_lock(&event_mutex);
	mutex_unlock(&event_mutex);
	update_all(user);
}

void walk_unlocked(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	mutex_unlock(&event_mutex);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
}

void leak_all(struct user_event *user)
{
	struct user_event_mm *mm;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	if (mm)
		use_mm(mm);
	mutex_unlock(&event_mutex);
}

void put_twice(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}

void use_after_put(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		user_event_mm_put(mm);
		next = mm->next;
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
