// SPDX-License-Identifier: GPL-2.0
/*
 * The requirement climbs two static levels: link_pair() touches ->next,
 * link_three() calls it without locking, so it needs the lock too, and
 * the exported build_chain() calls link_three() with no lock:
 * lock-required at that call, the top of the chain.  Nothing inside the
 * two static helpers is reported.
 */
#include <uecheck-test.h>

static void link_pair(struct user_event_mm *a, struct user_event_mm *b)
{
	a->next = b;
}

static void link_three(struct user_event_mm *a, struct user_event_mm *b,
		       struct user_event_mm *c)
{
	link_pair(a, b);
	link_pair(b, c);
	c->next = NULL;
}

void build_chain(struct user_event_mm *a, struct user_event_mm *b,
		 struct user_event_mm *c)
{
	use_mm(a);
	link_three(a, b, c);	/* expect: lock-required */
}
