// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of suite-integration: seeded violations under suppression
 * comments.  Only the comments that name the finding's rule, on its line or
 * alone on the line above, silence it; suppress.expect lists the rest.
 */
#include "ue.h"

void walk_unlocked(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	mutex_unlock(&event_mutex);
	while (mm) {
		next = mm->next;	/* uecheck: ignore unguarded-access */
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
	/* uecheck: ignore double-put, ref-leak -- the fixture leaks on purpose */
}

void put_twice(struct user_event *user)
{
	struct user_event_mm *mm, *next;

	mutex_lock(&event_mutex);
	mm = user_event_mm_get_all(user);
	while (mm) {
		next = mm->next;
		user_event_mm_put(mm);
		user_event_mm_put(mm);	/* uecheck: ignore use-after-put */
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
		user_event_mm_put(mm);	/* uecheck: ignore use-after-put */
		next = mm->next;	/* uecheck: ignore */
		mm = next;
	}
	mutex_unlock(&event_mutex);
}
