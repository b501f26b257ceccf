// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): the access is correctly locked, yet an
 * expectation asks for a finding.  The runner must report it as missing.
 */
#include <uecheck-test.h>

void selftest_missing(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	mm->next = NULL;	/* expect: unguarded-access */
	mutex_unlock(&event_mutex);
}
