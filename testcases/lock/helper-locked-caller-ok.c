// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper touches ->next without locking or asserting; it relies
 * on its callers.  Its only callers hold event_mutex (one through
 * mutex_lock(), one through guard()), so the requirement is met at every
 * call: silent in the default mode.
 */
#include <uecheck-test.h>

static void push_front(struct user_event_mm **head, struct user_event_mm *mm)
{
	mm->next = *head;
	*head = mm;
}

void push_locked(struct user_event_mm **head, struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	push_front(head, mm);
	mutex_unlock(&event_mutex);
}

void push_pair(struct user_event_mm **head, struct user_event_mm *a,
	       struct user_event_mm *b)
{
	guard(mutex)(&event_mutex);
	push_front(head, a);
	push_front(head, b);
}
