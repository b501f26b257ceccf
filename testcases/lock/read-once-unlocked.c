// SPDX-License-Identifier: GPL-2.0
/*
 * READ_ONCE() only stops the compiler from tearing the load; it does not
 * make ->next valid.  This exported peek takes no lock and asserts none:
 * unguarded-access at the READ_ONCE().
 */
#include <uecheck-test.h>

bool mm_is_last(struct user_event_mm *mm)
{
	return READ_ONCE(mm->next) == NULL;	/* expect: unguarded-access */
}
