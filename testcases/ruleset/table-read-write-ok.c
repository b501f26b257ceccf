// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: rows read under down_read() and written under
 * down_write() (also through a try and a killable lock that succeeded).
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

int count_rows(struct table *t)
{
	int n;

	down_read(&table_sem);
	n = t->rows;
	up_read(&table_sem);
	return n;
}

void add_row(struct table *t)
{
	down_write(&table_sem);
	t->rows++;
	up_write(&table_sem);
}

int try_add_row(struct table *t)
{
	if (!down_write_trylock(&table_sem))
		return -1;
	t->rows++;
	up_write(&table_sem);
	return 0;
}

int count_rows_killable(struct table *t)
{
	int n;

	if (down_read_killable(&table_sem))
		return -EINTR;
	n = t->rows;
	up_read(&table_sem);
	return n;
}
