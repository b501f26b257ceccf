// SPDX-License-Identifier: GPL-2.0
/*
 * Two references are taken (one from current_user_event_mm(), one from
 * user_event_mm_get() on another node), but the cleanup puts the first
 * node twice instead of each node once: the second put of 'cur' is a
 * double put, and the reference held in 'other_ref' is never put, so it
 * leaks when the function returns.
 */
#include <uecheck-test.h>

int pair(struct user_event_mm *other)
{
	struct user_event_mm *cur, *other_ref;

	cur = current_user_event_mm();
	if (!cur)
		return -ENOMEM;

	other_ref = user_event_mm_get(other);
	use_mm(cur);
	use_mm(other_ref);

	user_event_mm_put(cur);
	user_event_mm_put(cur);		/* expect: double-put */
	return 0;			/* expect: ref-leak */
}
