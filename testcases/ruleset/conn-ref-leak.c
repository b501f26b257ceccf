// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: conn_get() takes a reference that conn_put() drops; the
 * busy path returns without it: ref-leak, under the conn's own lock rules
 * otherwise kept.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

int hold_conn(struct conn *c, int busy)
{
	struct conn *t = conn_get(c);
	int s;

	if (busy)
		return -1;	/* expect: ref-leak */
	spin_lock(&t->lock);
	s = t->state;
	spin_unlock(&t->lock);
	conn_put(t);
	return s;
}
