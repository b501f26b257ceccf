// SPDX-License-Identifier: GPL-2.0
/*
 * buckets.ruleset: a bucket's count written under read_lock_irqsave() of
 * its own lock, and under the write lock of another bucket.
 */
/* uecheck-options: ruleset=buckets.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "tables.h"

void bucket_reset(struct bucket *b)
{
	unsigned long flags;

	read_lock_irqsave(&b->lock, flags);
	b->count = 0;		/* expect: unguarded-access */
	read_unlock_irqrestore(&b->lock, flags);
}

void bucket_move(struct bucket *from, struct bucket *to)
{
	read_lock(&from->lock);
	write_lock(&to->lock);
	to->count += from->count;
	from->count = 0;	/* expect: unguarded-access */
	write_unlock(&to->lock);
	read_unlock(&from->lock);
}
