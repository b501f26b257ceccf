// SPDX-License-Identifier: GPL-2.0
/*
 * user_event_mm_get(mm) takes a reference on mm and returns mm.  A caller
 * may take an extra reference that way and drop the result it already
 * holds: the reference is then mm's, and mm's later puts (and stores, and
 * returns) count against it.  Every function here is balanced; nothing
 * may be reported.
 */
#include <uecheck-test.h>

/* One reference from current_user_event_mm(), one extra, two puts. */
void pin_twice(void)
{
	struct user_event_mm *mm = current_user_event_mm();

	if (!mm)
		return;

	user_event_mm_get(mm);
	use_mm(mm);
	user_event_mm_put(mm);
	use_mm(mm);		/* one reference left: no use after put */
	user_event_mm_put(mm);
}

/* The caller's mm, pinned for the duration of the call. */
void pin_borrowed(struct user_event_mm *mm)
{
	user_event_mm_get(mm);
	use_mm(mm);
	user_event_mm_put(mm);
}

/* The extra reference handed on with mm: into memory, or returned. */
void pin_stash(struct user_event_mm *mm, struct user_event_mm **slot)
{
	user_event_mm_get(mm);
	*slot = mm;
}

struct user_event_mm *pin_return(struct user_event_mm *mm)
{
	user_event_mm_get(mm);
	return mm;
}

/* Put on both branches. */
void pin_branches(struct user_event_mm *mm, bool fast)
{
	user_event_mm_get(mm);
	if (fast) {
		user_event_mm_put(mm);
		return;
	}
	use_mm(mm);
	user_event_mm_put(mm);
}
