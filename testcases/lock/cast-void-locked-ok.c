// SPDX-License-Identifier: GPL-2.0
/*
 * ->next reached through casts from void *, read and written with
 * event_mutex held: silent.
 */
#include <uecheck-test.h>

void *mm_relink_opaque(void *data, void *succ)
{
	void *old;

	mutex_lock(&event_mutex);
	old = ((struct user_event_mm *)data)->next;
	((struct user_event_mm *)data)->next = succ;
	mutex_unlock(&event_mutex);
	return old;
}
