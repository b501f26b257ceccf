// SPDX-License-Identifier: GPL-2.0
/*
 * The lock is taken and dropped once per loop iteration, and each ->next
 * store sits between the two.  On every iteration (and on the back edge)
 * the access is covered: silent.
 */
#include <uecheck-test.h>

void clear_links(struct user_event_mm **mms, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!mms[i])
			continue;
		mutex_lock(&event_mutex);
		mms[i]->next = NULL;
		mutex_unlock(&event_mutex);
	}
}
