// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: rows written with table_sem held for reading only.  The
 * read on the same line is valid; the write is not.  The Coccinelle
 * scripts check that the lock is held, not in which mode.
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

void bump_rows(struct table *t)
{
	down_read(&table_sem);
	t->rows = t->rows + 1;	/* expect[gcc]: unguarded-access */
	up_read(&table_sem);
}
