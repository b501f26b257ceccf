// SPDX-License-Identifier: GPL-2.0
/*
 * A function's annotation on a prototype that follows its definition,
 * far below it: 7.3's local_lock.h defines the guards' constructors with
 * DEFINE_LOCK_GUARD_1() and annotates them 23 lines later with
 * DECLARE_LOCK_GUARD_1_ATTRS(..., __acquires(_T), ...).  GCC keeps the
 * definition's place for the merged declaration; the annotation is the
 * prototype's, where it is written, not the next function's (which then
 * had two that cancelled: guard(local_lock) was not seen to take its
 * lock).  Issue 23, item 3.  Clang 23 reports the same line.
 */
/* uecheck-engines: gcc -- __acquires() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
/* uecheck-xfail[kernel]: declares its own lock type with the stubs' context_lock_struct(), which 6.12 lacks */
#include <uecheck-test.h>

context_lock_struct(cpu_lock) {
	int owner;
};
typedef struct cpu_lock cpu_lock_t;

/* What the lock does, unannotated (local_lock_acquire()). */
extern void cpu_lock_raw_acquire(cpu_lock_t *l);
extern void cpu_lock_raw_release(cpu_lock_t *l);

static inline void cpu_lock_take(cpu_lock_t *l)
{
	cpu_lock_raw_acquire(l);
}

static inline void cpu_lock_drop(cpu_lock_t *l)
{
	cpu_lock_raw_release(l);
}

struct counter {
	cpu_lock_t lock;
	int n __guarded_by(&lock);
};

/*
 * Far enough below the definitions that the lines after their names
 * hold nothing of theirs.
 */
static inline void cpu_lock_take(cpu_lock_t *l) __acquires(l);
static inline void cpu_lock_drop(cpu_lock_t *l) __releases(l);

void counter_inc(struct counter *c);
void counter_inc(struct counter *c)
{
	cpu_lock_take(&c->lock);
	c->n++;
	cpu_lock_drop(&c->lock);
	c->n++;			/* expect: unguarded-access */
}
