// SPDX-License-Identifier: GPL-2.0
/*
 * Guarded data whose address is handed to a function that writes through
 * it is written by the call: the lock must be held for writing.  Clang
 * 23's -Wthread-safety-pointer reads the pointer passed as a read, so it
 * accepts list_add() under down_read() (issue 23, item 5).  A function
 * that only reads through it (list_empty()), or one whose body is not in
 * this file (keep_table()), is a read, as for Clang.  A helper of the
 * file that hands its parameter on to list_add() writes through it too.
 * The compiler's temporary for &d->children (_1 = &d->children;
 * list_add(n, _1)) is the address passed: unlocked, it is a finding, as
 * Clang's is; handed to a function kept out of the analysis
 * (__context_unsafe(), as 7.3's list_empty_careful() is), it is not an
 * access, as in Clang.  Clang 23, on the same code with its attributes,
 * reports add_child_unlocked() only.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

extern void keep(struct list_head *p);

static DECLARE_RWSEM(table_sem);
static LIST_HEAD_GUARDED(tables, table_sem);

struct dev {
	struct rw_semaphore sem;
	struct list_head children __guarded_by(&sem);
};

void add_table(struct list_head *n)
{
	down_read(&table_sem);
	list_add(n, &tables);		/* expect: unguarded-access */
	up_read(&table_sem);
}

void add_table_locked(struct list_head *n)
{
	down_write(&table_sem);
	list_add(n, &tables);
	up_write(&table_sem);
}

int tables_empty(void)
{
	int empty;

	down_read(&table_sem);
	empty = list_empty(&tables);
	up_read(&table_sem);
	return empty;
}

void keep_table(void)
{
	down_read(&table_sem);
	keep(&tables);
	up_read(&table_sem);
}

static void link_after(struct list_head *head, struct list_head *n)
{
	list_add(n, head);
}

void add_table_via_helper(struct list_head *n)
{
	down_read(&table_sem);
	link_after(&tables, n);		/* expect: unguarded-access */
	up_read(&table_sem);
}

void add_child(struct dev *d, struct list_head *n)
{
	down_read(&d->sem);
	list_add(n, &d->children);	/* expect: unguarded-access */
	up_read(&d->sem);
}

void add_child_locked(struct dev *d, struct list_head *n)
{
	down_write(&d->sem);
	list_add(n, &d->children);
	up_write(&d->sem);
}

int children_empty(struct dev *d)
{
	int empty;

	down_read(&d->sem);
	empty = list_empty(&d->children);
	up_read(&d->sem);
	return empty;
}

void add_child_unlocked(struct dev *d, struct list_head *n)
{
	list_add(n, &d->children);	/* expect: unguarded-access */
}

/* Lockless on purpose: 7.3's list_empty_careful() is __context_unsafe(). */
static inline int list_empty_unlocked(const struct list_head *head)
	__context_unsafe(the caller reads without the lock)
{
	return head->next == head;
}

int children_maybe_empty(struct dev *d)
{
	return list_empty_unlocked(&d->children);
}

#ifndef __must_hold_shared
#define __must_hold_shared(x)
#endif

/* Needs table_sem for reading only, as 7.3's __crypto_alg_lookup() does. */
static int tables_count(void)
	__must_hold_shared(&table_sem)
{
	return list_empty(&tables) ? 0 : 1;
}

/* Held for writing, it stays so after the call (crypto_larval_add()). */
void add_table_after_lookup(struct list_head *n)
{
	down_write(&table_sem);
	if (!tables_count())
		list_add(n, &tables);
	up_write(&table_sem);
}
