// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: __must_hold_shared(&table_sem) says a function runs with
 * the lock held for reading: it may read rows, not write them.  (6.x has
 * no such annotation; code written for both defines it away.)
 */
/* uecheck-options: ruleset=tables.ruleset */
/* uecheck-engines: gcc -- the Coccinelle scripts do not tell shared from exclusive holds */
#include "tables.h"

#ifndef __must_hold_shared
#define __must_hold_shared(x)
#endif

int rows_held(struct table *t) __must_hold_shared(&table_sem)
{
	return t->rows;
}

void rows_reset(struct table *t) __must_hold_shared(&table_sem)
{
	t->rows = 0;		/* expect: unguarded-access */
}
