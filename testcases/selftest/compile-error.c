// SPDX-License-Identifier: GPL-2.0
/*
 * Selftest (must be rejected): a file that does not compile has no
 * findings, but it must never pass as "silent".
 */
#include <uecheck-test.h>

void selftest_compile_error(struct user_event_mm *mm)
{
	mm->next = NULL	/* missing semicolon */
}
