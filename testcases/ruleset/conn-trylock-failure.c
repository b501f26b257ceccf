// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: spin_trylock(&c->lock) that fails leaves c's state
 * unguarded: unguarded-access on the failure branch only.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

int try_poll(struct conn *c)
{
	if (!spin_trylock(&c->lock)) {
		use_state(c->state);	/* expect: unguarded-access */
		return -1;
	}
	use_state(c->state);
	spin_unlock(&c->lock);
	return 0;
}
