// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset, across functions: state_of() relies on its callers for
 * the lock of the conn it is given.  A caller holding that conn's lock is
 * fine; one that released it is lock-required at the call; one holding
 * another conn's lock too.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

static int state_of(struct conn *c)
{
	return c->state;
}

void locked_caller(struct conn *c)
{
	spin_lock(&c->lock);
	use_state(state_of(c));
	spin_unlock(&c->lock);
}

void released_caller(struct conn *c)
{
	spin_lock(&c->lock);
	spin_unlock(&c->lock);
	use_state(state_of(c));		/* expect: lock-required */
}

void wrong_conn_caller(struct conn *a, struct conn *b)
{
	spin_lock(&a->lock);
	spin_unlock(&a->lock);
	spin_lock(&b->lock);
	use_state(state_of(a));		/* expect: lock-required */
	spin_unlock(&b->lock);
}
