/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The API of tables.ruleset and buckets.ruleset (testcases/ruleset/):
 * struct table, whose rows the global rw_semaphore table_sem guards, and
 * struct bucket, whose count its own rwlock guards.
 */
#ifndef _UECHECK_TABLES_H
#define _UECHECK_TABLES_H

#include <uecheck-test.h>

struct table {
	int rows;		/* under table_sem; written only for writing */
	int id;
};

extern struct rw_semaphore table_sem;

struct bucket {
	rwlock_t lock;
	int count;		/* under lock; written only for writing */
};

void use_rows(int n);

#endif
