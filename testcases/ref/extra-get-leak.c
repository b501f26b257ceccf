// SPDX-License-Identifier: GPL-2.0
/*
 * The leaky variants of extra-get-ok.c: user_event_mm_get(mm) gives mm one
 * more reference, and some path puts mm once less than it holds.  The
 * reference that is never put is reported at the get that took it;
 * a put beyond the references mm holds is a double put.
 */
#include <uecheck-test.h>

/* Two references, one put. */
void pin_once_too_few(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;

	user_event_mm_get(mm);		/* expect: ref-leak */
	use_mm(mm);
	user_event_mm_put(mm);
}

/* The extra reference is put on one path only. */
void pin_one_path(struct user_event_mm *mm, bool fast)
{
	user_event_mm_get(mm);		/* expect: ref-leak */
	if (fast)
		return;
	use_mm(mm);
	user_event_mm_put(mm);
}

/* Two references, three puts. */
void pin_put_thrice(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;

	user_event_mm_get(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);
	user_event_mm_put(mm);		/* expect: double-put */
}

/* A helper that pins its argument and returns it hands the caller a reference. */
static struct user_event_mm *pin(struct user_event_mm *mm)
{
	user_event_mm_get(mm);
	return mm;
}

void pin_through_helper(struct user_event_mm *mm)
{
	struct user_event_mm *pinned = pin(mm);

	use_mm(pinned);
}					/* expect[gcc]: ref-leak */
