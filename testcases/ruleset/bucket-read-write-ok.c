// SPDX-License-Identifier: GPL-2.0
/*
 * buckets.ruleset: a bucket's count read under read_lock() and written
 * under write_lock_irqsave() of its own lock.
 */
/* uecheck-options: ruleset=buckets.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "tables.h"

int bucket_count(struct bucket *b)
{
	int n;

	read_lock(&b->lock);
	n = b->count;
	read_unlock(&b->lock);
	return n;
}

void bucket_add(struct bucket *b)
{
	unsigned long flags;

	write_lock_irqsave(&b->lock, flags);
	b->count++;
	write_unlock_irqrestore(&b->lock, flags);
}
