// SPDX-License-Identifier: GPL-2.0
/*
 * An exported function follows ->next with no lock taken and no
 * assertion.  Its callers live outside this file, so nothing here shows
 * that event_mutex is held when it runs: unguarded-access at the read.
 */
#include <uecheck-test.h>

struct user_event_mm *mm_successor(struct user_event_mm *mm)
{
	if (!mm)
		return NULL;
	return mm->next;	/* expect: unguarded-access */
}
