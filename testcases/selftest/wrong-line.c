// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): the expectation sits one line above the
 * access it means.  A finding at another line is a failure.
 */
#include <uecheck-test.h>

void selftest_wrong_line(struct user_event_mm *mm)
{
	use_mm(mm);		/* expect: unguarded-access */
	mm->next = NULL;
}
