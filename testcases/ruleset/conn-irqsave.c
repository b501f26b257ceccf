// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: spin_lock_irqsave(&c->lock, flags) holds c's own lock
 * (through spinlock_check() and the raw lock inside), until
 * spin_unlock_irqrestore().
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

int conn_state_irqsave(struct conn *c)
{
	unsigned long flags;
	int state;

	spin_lock_irqsave(&c->lock, flags);
	state = c->state;
	spin_unlock_irqrestore(&c->lock, flags);
	return state + c->state;	/* expect: unguarded-access */
}
