// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): the right line, the wrong rule id.
 */
#include <uecheck-test.h>

void selftest_wrong_rule(struct user_event_mm *mm)
{
	mm->next = NULL;	/* expect: lock-required */
}
