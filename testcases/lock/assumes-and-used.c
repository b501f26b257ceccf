// SPDX-License-Identifier: GPL-2.0
/*
 * 7.3's rwsem_assert_held() family asserts the lock by an annotation of
 * the function, __assumes_ctx_lock(sem), not by lockdep_assert_held():
 * after the call the lock is held, and, an assertion being no take, a
 * caller is not read as having to call it unlocked (lockahead.c).  And
 * under Clang's contract a static __used function (kept for a caller the
 * compiler cannot see: asm, a section, lib/test_context-analysis.c's
 * tests) owes its locks as an exported one does (issue 23, item 4).
 * Clang 23 (this code with its attributes) reports the same two lines,
 * and table_bump(), a static helper whose one caller holds the lock,
 * which uecheck's reading of the file's callers leaves silent.
 */
/* uecheck-engines: gcc -- __guarded_by() and __assumes_ctx_lock() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct table {
	struct rw_semaphore sem;
	int size __guarded_by(&sem);
};

extern void table_assert_held(const struct rw_semaphore *sem) __assumes_ctx_lock(sem);

void table_grow_asserted(struct table *t)
{
	table_assert_held(&t->sem);
	t->size++;
}

void table_grow_unasserted(struct table *t)
{
	t->size++;				/* expect: unguarded-access */
	table_assert_held(&t->sem);
}

/* The check is no take: its caller is not read as called unlocked. */
static void table_check(struct table *t)
{
	table_assert_held(&t->sem);
	t->size += 0;
}

static void table_bump(struct table *t)
{
	t->size++;
	table_check(t);
}

void table_bump_locked(struct table *t)
{
	down_write(&t->sem);
	table_bump(t);
	up_write(&t->sem);
}

static void __attribute__((used)) table_reset_unlocked(struct table *t)
{
	t->size = 0;				/* expect: unguarded-access */
}
