// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: after downgrade_write() table_sem is held for reading
 * only: reading rows stays valid, writing them does not.
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

void publish_rows(struct table *t, int n)
{
	down_write(&table_sem);
	t->rows = n;
	downgrade_write(&table_sem);
	use_rows(t->rows);
	t->rows = 0;		/* expect[gcc]: unguarded-access */
	up_read(&table_sem);
}
