// SPDX-License-Identifier: GPL-2.0
/*
 * buckets.ruleset: a helper asserting the bucket's lock
 * (lockdep_assert_held(&b->lock)) holds it as its caller does: called
 * under read_lock() the bucket is still held for reading only after it,
 * so the caller's write is unguarded-access; under write_lock() it is not.
 */
/* uecheck-options: ruleset=buckets.ruleset */
/* uecheck-engines: gcc -- a per-object lock: the Coccinelle scripts check global locks (cocci/run.sh refuses the rule set) */
#include "tables.h"

static int bucket_peek(struct bucket *b)
{
	lockdep_assert_held(&b->lock);
	return b->count;
}

void bump_reader(struct bucket *b)
{
	int n;

	read_lock(&b->lock);
	n = bucket_peek(b);
	b->count = n + 1;	/* expect: unguarded-access */
	read_unlock(&b->lock);
}

void bump_writer(struct bucket *b)
{
	int n;

	write_lock(&b->lock);
	n = bucket_peek(b);
	b->count = n + 1;
	write_unlock(&b->lock);
}
