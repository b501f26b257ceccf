// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: each conn's state read and written under its own lock,
 * also one after the other and with spin_lock_bh(): silent.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

void swap_state(struct conn *a, struct conn *b)
{
	int s;

	spin_lock(&a->lock);
	s = a->state;
	a->state = 0;
	spin_unlock(&a->lock);

	spin_lock_bh(&b->lock);
	b->state = s;
	spin_unlock_bh(&b->lock);
}
