// SPDX-License-Identifier: GPL-2.0
/*
 * The loop takes the lock inside its body, but links the previous node
 * before taking it.  On the first iteration the lock was never taken, and
 * on the later ones it was dropped at the end of the previous iteration:
 * unguarded-access at the store.
 */
#include <uecheck-test.h>

void chain_all(struct user_event_mm **mms, int n)
{
	int i;

	for (i = 1; i < n; i++) {
		mms[i - 1]->next = mms[i];	/* expect: unguarded-access */
		mutex_lock(&event_mutex);
		use_mm(mms[i]);
		mutex_unlock(&event_mutex);
	}
}
