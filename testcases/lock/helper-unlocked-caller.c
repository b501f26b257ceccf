// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper relies on its callers for event_mutex.  The first
 * caller holds it; the second is exported and calls the helper without
 * taking or asserting the lock: lock-required at that call (not an
 * unguarded-access inside the helper, whose access is only unsafe
 * through this caller).
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

void push_unlocked(struct user_event_mm **head, struct user_event_mm *mm)
{
	push_front(head, mm);	/* expect: lock-required */
}
