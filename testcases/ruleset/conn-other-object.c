// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: the lock is the object's own.  Holding b's lock does not
 * make a's state valid: unguarded-access at the read of a->state, none at
 * b->state.  (A single global lock could not tell the two apart.)
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

void copy_state(struct conn *a, struct conn *b)
{
	spin_lock(&a->lock);
	spin_unlock(&a->lock);
	spin_lock(&b->lock);
	b->state = a->state;	/* expect: unguarded-access */
	spin_unlock(&b->lock);
}
