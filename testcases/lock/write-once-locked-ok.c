// SPDX-License-Identifier: GPL-2.0
/*
 * WRITE_ONCE() of ->next inside the locked region: silent.
 */
#include <uecheck-test.h>

void terminate(struct user_event_mm *mm, struct user_event_mm *last)
{
	mutex_lock(&event_mutex);
	WRITE_ONCE(mm->next, last);
	WRITE_ONCE(last->next, NULL);
	mutex_unlock(&event_mutex);
}
