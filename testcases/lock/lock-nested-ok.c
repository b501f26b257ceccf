// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_nested() takes the lock like mutex_lock(), with a lockdep
 * subclass.  (A lockdep build makes mutex_lock() itself a _nested call
 * and a non-lockdep one turns _nested back into mutex_lock(); both must
 * be recognised.)  The accesses are inside the locked region: silent.
 */
#include <uecheck-test.h>

void link_nested(struct user_event_mm *mm, struct user_event_mm *succ)
{
	mutex_lock_nested(&event_mutex, 1);
	succ->next = mm->next;
	mm->next = succ;
	mutex_unlock(&event_mutex);
}
