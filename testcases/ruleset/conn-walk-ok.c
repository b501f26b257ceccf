// SPDX-License-Identifier: GPL-2.0
/*
 * conns.ruleset: a walk of a list of conns, each state under that conn's
 * own lock (the lock follows the loop's pointer through its PHI); the
 * parameter's state read without a lock is the caller's to guard: silent.
 */
/* uecheck-options: ruleset=conns.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "conns.h"

int sum_states(struct conn *head)
{
	int sum = head->state;

	for (struct conn *c = head->next; c; c = c->next) {
		spin_lock(&c->lock);
		sum += c->state;
		spin_unlock(&c->lock);
	}
	return sum;
}
