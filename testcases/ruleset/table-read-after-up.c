// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: rows read again after up_read().
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

void show_rows(struct table *t)
{
	int n;

	down_read(&table_sem);
	n = t->rows;
	up_read(&table_sem);
	use_rows(n);
	use_rows(t->rows);	/* expect: unguarded-access */
}
