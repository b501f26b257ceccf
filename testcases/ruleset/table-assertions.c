// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: lockdep_assert_held_write() says callers must hold the
 * lock for writing (a caller holding it for reading is lock-required at
 * the call); lockdep_assert_held_read() that it is held (writes after it
 * are not checked: the mode is not passed on to the callers' paths).
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

static int rows_of(struct table *t)
{
	lockdep_assert_held_read(&table_sem);
	return t->rows;
}

static void clear_rows(struct table *t)
{
	lockdep_assert_held_read(&table_sem);
	t->rows = 0;
}

static void set_rows(struct table *t, int n)
{
	lockdep_assert_held_write(&table_sem);
	t->rows = n;
}

void reader(struct table *t)
{
	down_read(&table_sem);
	use_rows(rows_of(t));
	set_rows(t, 1);		/* expect[gcc]: lock-required */
	up_read(&table_sem);
}

void writer(struct table *t)
{
	down_write(&table_sem);
	set_rows(t, rows_of(t));
	clear_rows(t);
	up_write(&table_sem);
}
