// SPDX-License-Identifier: GPL-2.0
/*
 * other_mutex nested outside event_mutex, and released first.  The store
 * happens with event_mutex held; other_mutex neither helps nor hurts:
 * silent.
 */
#include <uecheck-test.h>

void link_under_both(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock(&other_mutex);
	mutex_lock(&event_mutex);
	mutex_unlock(&other_mutex);
	mm->next = succ;
	mutex_unlock(&event_mutex);
}
