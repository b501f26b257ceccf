// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): a misspelt rule id must not silently turn
 * into "no expectation".
 */
#include <uecheck-test.h>

void selftest_typo(struct user_event_mm *mm)
{
	mm->next = NULL;	/* expect: unguarded-acess */
}
