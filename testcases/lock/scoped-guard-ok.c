// SPDX-License-Identifier: GPL-2.0
/*
 * scoped_guard(mutex, &event_mutex) holds the lock inside its block; the
 * read and the store of ->next are both inside: silent.
 */
#include <uecheck-test.h>

struct user_event_mm *cut_scoped(struct user_event_mm *mm)
{
	struct user_event_mm *rest = NULL;

	scoped_guard(mutex, &event_mutex) {
		rest = mm->next;
		mm->next = NULL;
	}
	return rest;
}
