// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: conn->state is only valid under the conn's own lock.  The
 * state is read again after spin_unlock(&c->lock): unguarded-access there.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

void poll_conn(int id)
{
	struct conn *c = conn_lookup(id);

	if (!c)
		return;
	spin_lock(&c->lock);
	use_state(c->state);
	spin_unlock(&c->lock);
	use_state(c->state);	/* expect: unguarded-access */
}
