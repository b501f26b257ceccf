// SPDX-License-Identifier: GPL-2.0
/*
 * Two causes, two findings.  relink() calls the helper once after dropping
 * the lock itself (a bug in relink(), wherever it is called from) and once
 * with the lock as its caller left it, which makes its exported caller
 * responsible: that call is reported too, with a note naming the second
 * helper call, not the first.
 */
#include <uecheck-test.h>

static void link_pair(struct user_event_mm *a, struct user_event_mm *b)
{
	a->next = b;
}

static void relink(struct user_event_mm *a, struct user_event_mm *b, int early)
{
	if (early) {
		mutex_lock(&event_mutex);
		mutex_unlock(&event_mutex);
		link_pair(a, b);	/* expect: lock-required */
	} else {
		link_pair(a, b);
	}
}

void relink_all(struct user_event_mm *a, struct user_event_mm *b)
{
	relink(a, b, 0);	/* expect: lock-required */
}
