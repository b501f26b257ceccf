// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that end without a 'return' and put, or hand on, every
 * reference they take: silent (the leaky variants are in
 * leak-at-closing-brace.c).
 */
#include <uecheck-test.h>

struct user_event_mm *kept;

void put_current(void)
{
	struct user_event_mm *mm;

	mm = current_user_event_mm();
	if (mm) {
		use_mm(mm);
		user_event_mm_put(mm);
	}
}

void put_got(struct user_event_mm *m)
{
	struct user_event_mm *mm;

	mm = user_event_mm_get(m);
	use_mm(mm);
	user_event_mm_put(mm);
}

/* Handed on: stored where another function puts it. */
void keep_got(struct user_event_mm *m)
{
	struct user_event_mm *mm;

	mm = user_event_mm_get(m);
	kept = mm;
}

/* Put on every branch, then the end. */
void put_on_both_branches(bool fast)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;
	if (fast) {
		user_event_mm_put(mm);
	} else {
		use_mm(mm);
		user_event_mm_put(mm);
	}
}

/* A return inside, and the end: each path puts. */
void early_return(bool fast)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;
	if (fast) {
		user_event_mm_put(mm);
		return;
	}
	use_mm(mm);
	user_event_mm_put(mm);
}
