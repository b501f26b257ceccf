// SPDX-License-Identifier: GPL-2.0
/*
 * buckets.ruleset: a static helper writes the count of the bucket it is
 * given; a caller holding that bucket's lock for reading only is
 * lock-required at the call, one holding it for writing is not.
 */
/* uecheck-options: ruleset=buckets.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "tables.h"

static void bucket_clear(struct bucket *b)
{
	b->count = 0;
}

void drain_reader(struct bucket *b)
{
	read_lock(&b->lock);
	bucket_clear(b);	/* expect: lock-required */
	read_unlock(&b->lock);
}

void drain_writer(struct bucket *b)
{
	write_lock(&b->lock);
	bucket_clear(b);
	write_unlock(&b->lock);
}
