// SPDX-License-Identifier: GPL-2.0
/*
 * The same two-level chain as helper-two-levels.c, but the exported
 * function takes event_mutex around the call, which satisfies the
 * requirement of both helpers below it: silent.
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

void build_chain_locked(struct user_event_mm *a, struct user_event_mm *b,
			struct user_event_mm *c)
{
	mutex_lock(&event_mutex);
	link_three(a, b, c);
	mutex_unlock(&event_mutex);
}
