// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): the finding is expected from cocci only, so
 * the gcc engine must stay silent here; it will not, and that must fail.
 */
#include <uecheck-test.h>

void selftest_other_engine(struct user_event_mm *mm)
{
	mm->next = NULL;	/* expect[cocci]: unguarded-access */
}
