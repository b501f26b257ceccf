// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): no uecheck finding, but a -Wall warning
 * (unused variable).  Testcases must be warning-free apart from uecheck.
 */
#include <uecheck-test.h>

void selftest_other_warning(struct user_event_mm *mm)
{
	int unused;

	use_mm(mm);
}
