// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset, across functions: conn_lock()/conn_unlock() take and drop
 * the lock of the conn they are given (their summaries say so).  The state
 * read between them is fine; the one after conn_unlock() is
 * unguarded-access.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

static void conn_lock(struct conn *c)
{
	spin_lock(&c->lock);
}

static void conn_unlock(struct conn *c)
{
	spin_unlock(&c->lock);
}

int read_state(struct conn *c)
{
	int s;

	conn_lock(c);
	s = c->state;
	conn_unlock(c);
	return s + c->state;	/* expect: unguarded-access */
}
