// SPDX-License-Identifier: GPL-2.0
/*
 * A function that needs the lock it is given: __must_hold(lock) with
 * lock a parameter that points to a lock, as 7.3's
 * __srcu_read_lock_must_hold(ssp) (__must_hold_shared(ssp), called by
 * srcu_dereference(p, ssp)) and __cond_resched_lock(lock) (__must_hold(lock),
 * called by cond_resched_lock()).  Its caller must hold the lock it
 * passes: &obj->lock, a per-object lock, or &lock, a global (issue 23,
 * item 4).  SRCU's srcu_struct is reentrant (__reentrant_ctx_lock): its
 * read-side holds nest.  Declared here as 7.3's srcu.h and sched.h
 * declare them, SRCU's type under a name of ours.  Clang 23, on the same
 * code with its attributes, reports the same five lines, and rd_peek(), a
 * static helper whose one caller holds the lock, which uecheck's reading
 * of the file's callers leaves silent.
 */
/* uecheck-engines: gcc -- __must_hold() and context_lock_struct() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
/* uecheck-xfail[kernel]: declares a reentrant lock type with the stubs' context_lock_struct(), which 6.12 lacks; 7.3's own SRCU is seeded in its test_context-analysis.c (testcases/context/tca-srcu-deref-after-unlock.seed) */
#include <linux/compiler_types.h>
#include <linux/spinlock.h>

#ifndef __must_hold_shared
# define __must_hold_shared(x)
#endif
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))

context_lock_struct(rd_struct, __reentrant_ctx_lock) {
	int idx;
};

extern int rd_read_lock(struct rd_struct *ssp) __acquires_shared(ssp);
extern void rd_read_unlock(struct rd_struct *ssp, int idx) __releases_shared(ssp);
static inline void __rd_read_lock_must_hold(const struct rd_struct *ssp) __must_hold_shared(ssp)
{
}
#define rd_dereference(p, ssp)				\
({							\
	__rd_read_lock_must_hold(ssp);			\
	READ_ONCE(p);					\
})

extern int __cond_resched_lock(spinlock_t *lock) __must_hold(lock);

struct rd_data {
	struct rd_struct rd;
	struct rd_struct other;
	long *data;
};

long *rd_read(struct rd_data *d)
{
	int idx = rd_read_lock(&d->rd);
	long *p = rd_dereference(d->data, &d->rd);

	rd_read_unlock(&d->rd, idx);
	return p;
}

long *rd_read_after_unlock(struct rd_data *d)
{
	int idx = rd_read_lock(&d->rd);

	rd_read_unlock(&d->rd, idx);
	return rd_dereference(d->data, &d->rd);	/* expect: lock-required */
}

/* Holds nest: the inner release leaves the outer hold. */
long *rd_read_nested(struct rd_data *d)
{
	int outer = rd_read_lock(&d->rd), inner = rd_read_lock(&d->rd);
	long *p;

	rd_read_unlock(&d->rd, inner);
	p = rd_dereference(d->data, &d->rd);
	rd_read_unlock(&d->rd, outer);
	return p;
}

/* The lock it needs is the one it is given: another held is no help. */
long *rd_read_other_held(struct rd_data *d)
{
	int idx = rd_read_lock(&d->other);
	long *p = rd_dereference(d->data, &d->rd);	/* expect: lock-required */

	rd_read_unlock(&d->other, idx);
	return p;
}

/* Callable from outside, under Clang's contract: it owes the lock. */
long *rd_read_unlocked(struct rd_data *d)
{
	return rd_dereference(d->data, &d->rd);	/* expect: lock-required */
}

/* Annotated with the lock it is given: its callers hold it. */
long *rd_read_declared(struct rd_data *d, struct rd_struct *ssp) __must_hold_shared(ssp)
{
	return rd_dereference(d->data, ssp);
}

/* A static helper whose one caller holds the lock. */
static long *rd_peek(struct rd_data *d)
{
	return rd_dereference(d->data, &d->rd);
}

long *rd_peek_locked(struct rd_data *d)
{
	int idx = rd_read_lock(&d->rd);
	long *p = rd_peek(d);

	rd_read_unlock(&d->rd, idx);
	return p;
}

/* A global one. */
struct rd_struct rd_global;
long *rd_global_data;

long *rd_global_read(void)
{
	int idx = rd_read_lock(&rd_global);
	long *p = rd_dereference(rd_global_data, &rd_global);

	rd_read_unlock(&rd_global, idx);
	return p;
}

long *rd_global_read_after_unlock(void)
{
	int idx = rd_read_lock(&rd_global);

	rd_read_unlock(&rd_global, idx);
	return rd_dereference(rd_global_data, &rd_global);	/* expect: lock-required */
}

/* A spinlock of an object, needed by the function it is passed to. */
struct work {
	spinlock_t lock;
	int pending;
};

int work_resched(struct work *w)
{
	int r;

	spin_lock(&w->lock);
	r = __cond_resched_lock(&w->lock);
	spin_unlock(&w->lock);
	return r;
}

int work_resched_after_unlock(struct work *w)
{
	spin_lock(&w->lock);
	spin_unlock(&w->lock);
	return __cond_resched_lock(&w->lock);	/* expect: lock-required */
}
