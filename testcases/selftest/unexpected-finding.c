// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): a plain unguarded access in an extern
 * function, with no expectation.  The runner must report it as unexpected.
 */
#include <uecheck-test.h>

void selftest_unexpected(struct user_event_mm *mm)
{
	mm->next = NULL;
}
