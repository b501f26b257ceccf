// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): the violation exists only with
 * -DUECHECK_STUB_CTX (two of the six configurations) and nothing expects
 * it.  Proves the runner checks every configuration, not just the first.
 */
#include <uecheck-test.h>

void selftest_one_config(struct user_event_mm *mm)
{
#ifdef UECHECK_STUB_CTX
	mm->next = NULL;
#endif
	use_mm(mm);
}
