// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: the kernel's annotations on a per-object lock.  Helpers
 * defined elsewhere take and drop c's lock by their prototypes'
 * __acquires(&c->lock)/__releases(&c->lock); a function annotated
 * __must_hold(&c->lock), or asserting lockdep_assert_held(&c->lock), runs
 * with c's lock held and needs its callers to hold it.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

void conn_lock_ext(struct conn *c) __acquires(&c->lock);
void conn_unlock_ext(struct conn *c) __releases(&c->lock);

static int state_of(struct conn *c) __must_hold(&c->lock)
{
	return c->state;
}

static int state_asserted(struct conn *c)
{
	lockdep_assert_held(&c->lock);
	return c->state;
}

int sum_locked(struct conn *c)
{
	int s;

	conn_lock_ext(c);
	s = state_of(c) + state_asserted(c);
	conn_unlock_ext(c);
	return s;
}

int sum_after_unlock(struct conn *c)
{
	int s;

	conn_lock_ext(c);
	s = state_of(c);
	conn_unlock_ext(c);
	return s + state_of(c);		/* expect: lock-required */
}

int asserted_after_unlock(struct conn *c)
{
	int s;

	conn_lock_ext(c);
	s = state_asserted(c);
	conn_unlock_ext(c);
	return s + state_asserted(c);	/* expect: lock-required */
}

int peek_after_unlock(struct conn *c)
{
	conn_lock_ext(c);
	conn_unlock_ext(c);
	return c->state;		/* expect: unguarded-access */
}
