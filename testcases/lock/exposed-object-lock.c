// SPDX-License-Identifier: GPL-2.0
/*
 * Clang's contract for a per-object lock (contract=clang; by default where
 * locks=kbuild finds the file opted in): a function callable from outside
 * (external linkage, or its address taken) that reads or writes d->counter,
 * or calls a function that needs d->mtx, must hold, assert or declare
 * d->mtx.  The finding is at that line, not trusted to the callers.  A
 * static helper keeps the inference: what it needs is its callers' to
 * hold, a finding at the call in a function that owes the lock.  Clang 23
 * (-Wthread-safety, this code written with its attributes) reports the
 * same lines, but the access in dev_bump for dev_calls_helper's call (it
 * reads no caller) and not dev_other's (in C it reads the field's guard
 * as any struct dev's lock, '&dev::mtx', and e->mtx is one).
 * Under the default contract outside kbuild's opt-in, this file is silent
 * (exposed-object-lock-infer.c).
 */
/* uecheck-engines: gcc -- __guarded_by() and __must_hold() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct dev {
	struct mutex mtx;
	int counter __guarded_by(&mtx);
};

static void dev_bump(struct dev *d)
{
	d->counter++;
}

static void dev_bump_declared(struct dev *d) __must_hold(&d->mtx)
{
	d->counter++;
}

void dev_unlocked(struct dev *d)
{
	d->counter++;				/* expect: unguarded-access */
}

void dev_calls_declared(struct dev *d)
{
	dev_bump_declared(d);			/* expect: lock-required */
}

void dev_calls_helper(struct dev *d)
{
	dev_bump(d);				/* expect: lock-required */
}

void dev_maybe(struct dev *d, int locked)
{
	if (locked)
		mutex_lock(&d->mtx);
	d->counter++;				/* expect: unguarded-access */
	if (locked)
		mutex_unlock(&d->mtx);
}

static void dev_callback(struct dev *d)
{
	d->counter = 0;				/* expect: unguarded-access */
}

void (*dev_reset_hook)(struct dev *) = dev_callback;

/* Must stay silent: held, asserted, declared. */
void dev_locked(struct dev *d)
{
	mutex_lock(&d->mtx);
	d->counter++;
	dev_bump(d);
	dev_bump_declared(d);
	mutex_unlock(&d->mtx);
}

void dev_guarded(struct dev *d)
{
	guard(mutex)(&d->mtx);
	d->counter++;
}

void dev_asserted(struct dev *d)
{
	lockdep_assert_held(&d->mtx);
	d->counter++;
	dev_bump_declared(d);
}

void dev_declared(struct dev *d) __must_hold(&d->mtx)
{
	d->counter++;
	dev_bump(d);
}

/* Another object's lock is not this one's. */
void dev_other(struct dev *d, struct dev *e)
{
	mutex_lock(&e->mtx);
	d->counter++;				/* expect: unguarded-access */
	mutex_unlock(&e->mtx);
}
