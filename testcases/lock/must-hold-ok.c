// SPDX-License-Identifier: GPL-2.0
/*
 * __must_hold(&event_mutex) says the lock is held at entry, written on a
 * definition or only on the prototype.  Both helpers are called with the
 * lock held: silent.
 */
#include <uecheck-test.h>

static void cut_link(struct user_event_mm *mm) __must_hold(&event_mutex);

static struct user_event_mm *link_of(struct user_event_mm *mm)
	__must_hold(&event_mutex)
{
	return mm->next;
}

static void cut_link(struct user_event_mm *mm)
{
	mm->next = NULL;
}

void visit_then_cut(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(link_of(mm));
	cut_link(mm);
	mutex_unlock(&event_mutex);
}
