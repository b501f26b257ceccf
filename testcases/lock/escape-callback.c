// SPDX-License-Identifier: GPL-2.0
/*
 * A static function handed to a registration function as a callback: its
 * address escapes, so whoever calls it is out of sight.  It reads ->next
 * without taking or asserting event_mutex: unguarded-access.
 */
#include <uecheck-test.h>

int register_mm_visitor(void (*fn)(struct user_event_mm *mm));

static void visit_peek(struct user_event_mm *mm)
{
	use_mm(mm->next);	/* expect: unguarded-access */
}

int setup_visitor(void)
{
	return register_mm_visitor(visit_peek);
}
