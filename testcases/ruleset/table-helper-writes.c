// SPDX-License-Identifier: GPL-2.0
/*
 * tables.ruleset: a static helper writes rows relying on its callers.  A
 * caller holding table_sem for reading may call the helper that only
 * reads, not the one that writes; a caller holding it for writing may
 * call both.
 */
/* uecheck-options: ruleset=tables.ruleset */
#include "tables.h"

static int get_rows(struct table *t)
{
	return t->rows;
}

static void set_rows(struct table *t, int n)
{
	t->rows = n;
}

void reset_reader(struct table *t)
{
	down_read(&table_sem);
	use_rows(get_rows(t));
	set_rows(t, 0);		/* expect[gcc]: lock-required */
	up_read(&table_sem);
}

void reset_writer(struct table *t)
{
	down_write(&table_sem);
	set_rows(t, get_rows(t) + 1);
	up_write(&table_sem);
}
