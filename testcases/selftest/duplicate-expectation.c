// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): two findings expected where there is one
 * access.  Expectations are a multiset, not a set.
 */
#include <uecheck-test.h>

void selftest_duplicate(struct user_event_mm *mm)
{
	mm->next = NULL;	/* expect: unguarded-access, unguarded-access */
}
