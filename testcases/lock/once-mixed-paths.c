// SPDX-License-Identifier: GPL-2.0
/*
 * One cause, one finding, when one access is reached both with the lock
 * dropped (the early path) and with the lock as the caller left it.  The
 * access is reported once, where the unlock shows; the caller's call is
 * not reported again for the same access.  Coccinelle's scripts see the
 * two paths in different scripts and still report the call (documented
 * in docs/rules.md, Known limits).
 */
#include <uecheck-test.h>

static void relink(struct user_event_mm *a, struct user_event_mm *b, int early)
{
	if (early) {
		mutex_lock(&event_mutex);
		mutex_unlock(&event_mutex);
	}
	a->next = b;	/* expect: unguarded-access */
}

void relink_all(struct user_event_mm *a, struct user_event_mm *b)
{
	relink(a, b, 0);	/* expect[cocci]: lock-required */
}
