// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_io() takes the lock (waiting is accounted as I/O wait).  The
 * read of ->next comes after it: silent.
 */
#include <uecheck-test.h>

void visit_next_io(struct user_event_mm *mm)
{
	struct user_event_mm *succ;

	mutex_lock_io(&event_mutex);
	succ = mm->next;
	mutex_unlock(&event_mutex);
	use_mm(succ);
}
