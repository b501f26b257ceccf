// SPDX-License-Identifier: GPL-2.0
/*
 * A __must_hold(&event_mutex) helper is called after the caller dropped
 * the lock: lock-required at that call.  The call before the unlock is
 * fine, and so is the helper's own access (the annotation is trusted).
 */
#include <uecheck-test.h>

static struct user_event_mm *link_of(struct user_event_mm *mm)
	__must_hold(&event_mutex)
{
	return mm->next;
}

void visit_twice(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(link_of(mm));
	mutex_unlock(&event_mutex);
	use_mm(link_of(mm));	/* expect: lock-required */
}
