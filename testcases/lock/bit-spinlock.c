// SPDX-License-Identifier: GPL-2.0
/*
 * 7.x's bit_spinlock: data guarded by one bit of a word,
 * __guarded_by(__bitlock(3, &bits)), taken with bit_spin_lock(3,
 * &d->bits), whose annotations name the same token (issue 23, item 4).
 * The lock is the word's: which bit is not told apart, by uecheck as by
 * Clang 23 (its own test says so).  Declared here as 7.x's
 * linux/bit_spinlock.h declares it.  Clang 23, on the same code with its
 * attributes, reports the same two lines.
 */
/* uecheck-engines: gcc -- __guarded_by() and context_lock_struct() are read through the preprocessor by the plugin */
/* uecheck-xfail[kernel]: declares 7.x's bit_spinlock API, with the stubs' context_lock_struct() and 7.x's two-argument __cond_acquires(), which 6.12 lacks; 7.3's own is seeded in its test_context-analysis.c (testcases/context/tca-bit-spinlock-after-unlock.seed) */
#include <linux/compiler_types.h>

context_lock_struct(__context_bitlock) { };
#define __bitlock(bitnum, addr) (struct __context_bitlock *)(bitnum + (addr))

extern void bit_spin_lock(int bitnum, unsigned long *addr)
	__acquires(__bitlock(bitnum, addr));
extern int bit_spin_trylock(int bitnum, unsigned long *addr)
	__cond_acquires(true, __bitlock(bitnum, addr));
extern void bit_spin_unlock(int bitnum, unsigned long *addr)
	__releases(__bitlock(bitnum, addr));

struct entry {
	unsigned long bits;
	int counter __guarded_by(__bitlock(3, &bits));
};

void entry_add(struct entry *e)
{
	bit_spin_lock(3, &e->bits);
	e->counter++;
	bit_spin_unlock(3, &e->bits);
}

void entry_add_after_unlock(struct entry *e)
{
	bit_spin_lock(3, &e->bits);
	bit_spin_unlock(3, &e->bits);
	e->counter++;			/* expect: unguarded-access */
}

int entry_try_add(struct entry *e)
{
	if (!bit_spin_trylock(3, &e->bits)) {
		e->counter = 0;		/* expect: unguarded-access */
		return 0;
	}
	e->counter++;
	bit_spin_unlock(3, &e->bits);
	return 1;
}
