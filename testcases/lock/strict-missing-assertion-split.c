// SPDX-License-Identifier: GPL-2.0
/*
 * Strict mode, kernel style with the return type on its own line: the
 * finding belongs on the line that holds the function's name, not on the
 * type line.  successor_of() reads ->next relying on its callers:
 * missing-assertion on its name line.  visit_successor() needs the lock
 * only through that call and has no access of its own, so it gets no
 * finding; the exported caller holds the lock.
 *
 * uecheck-options: strict
 */
#include <uecheck-test.h>

static struct user_event_mm *
successor_of(struct user_event_mm *mm)	/* expect: missing-assertion */
{
	return mm->next;
}

static void
visit_successor(struct user_event_mm *mm)
{
	use_mm(successor_of(mm));
}

void visit_locked(struct user_event_mm *mm)
{
	mutex_lock(&event_mutex);
	visit_successor(mm);
	mutex_unlock(&event_mutex);
}
