// SPDX-License-Identifier: GPL-2.0
/*
 * Two escaping callbacks done right: one takes event_mutex itself, the
 * other asserts it (the registry documents that it calls back with the
 * lock held; lockdep checks that at run time).  Silent.
 */
#include <uecheck-test.h>

int register_mm_visitor(void (*fn)(struct user_event_mm *mm));

static void visit_locking(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	use_mm(mm->next);
	mutex_unlock(&event_mutex);
}

static void visit_asserting(struct user_event_mm *mm)
{
	lockdep_assert_held(&event_mutex);
	mm->next = NULL;
}

int setup_visitors(void)
{
	int ret = register_mm_visitor(visit_locking);

	if (ret)
		return ret;
	return register_mm_visitor(visit_asserting);
}
