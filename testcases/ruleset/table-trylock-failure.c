// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: rows read on the path where down_read_trylock() failed.
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

int peek_rows(struct table *t)
{
	int n;

	if (!down_read_trylock(&table_sem)) {
		use_rows(t->rows);	/* expect: unguarded-access */
		return -1;
	}
	n = t->rows;
	up_read(&table_sem);
	return n;
}
