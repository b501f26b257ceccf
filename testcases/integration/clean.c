// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of suite-integration: the same shapes as seeded.c, each written
 * correctly.  Every engine must stay silent on it.
 */
#include "ue.h"

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

void update_locked(struct user_event *user)
{
	mutex_lock(&event_mutex);
	update_all(user);
	mutex_unlock(&event_mutex);
}

void put_each(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
