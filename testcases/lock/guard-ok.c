// SPDX-License-Identifier: GPL-2.0
/*
 * guard(mutex)(&event_mutex) holds the lock from there to the end of the
 * enclosing scope, early returns included.  Both functions touch ->next
 * only after the guard: silent.
 */
#include <uecheck-test.h>

void clear_guarded(struct user_event_mm *mm)
{
	guard(mutex)(&event_mutex);
	mm->next = NULL;
}

struct user_event_mm *peek_guarded(struct user_event_mm *mm)
{
	guard(mutex)(&event_mutex);
	if (!mm->next)
		return NULL;
	return mm->next->next;
}
