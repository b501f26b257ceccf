// SPDX-License-Identifier: GPL-2.0
/*
 * __must_hold() and __must_not_hold() on a prototype whose body is in
 * another file (a header's declaration): a call needs the lock (or needs
 * it free) as a call of a definition with the annotation does, of a
 * parameter's object through the prototype's own parameter names (GCC
 * keeps no names of a prototype's parameters; they are read from its
 * text).  Clang 23 (-Wthread-safety, this code with its
 * attributes) reports the same four calls, and the call in
 * cfg_bump_helper, whose only caller holds the lock (it reads no caller).
 */
/* uecheck-engines: gcc -- __must_hold() and __must_not_hold() are read through the preprocessor by the plugin */
#include <uecheck-test.h>

struct dev {
	struct mutex mtx;
	int counter __guarded_by(&mtx);
};

extern struct mutex cfg_mutex;
extern int cfg_version __guarded_by(&cfg_mutex);

/* Defined elsewhere. */
void dev_tick(struct dev *d) __must_hold(&d->mtx);
void dev_tock(int times,
	      struct dev *which) __must_hold(&which->mtx);
void cfg_bump(void) __must_hold(&cfg_mutex);
void dev_sleep(struct dev *d) __must_not_hold(&d->mtx);

void dev_tick_after_unlock(struct dev *d)
{
	mutex_lock(&d->mtx);
	d->counter++;
	mutex_unlock(&d->mtx);
	dev_tick(d);				/* expect: lock-required */
}

void dev_tock_after_unlock(struct dev *d)
{
	mutex_lock(&d->mtx);
	dev_tock(2, d);
	mutex_unlock(&d->mtx);
	dev_tock(1, d);				/* expect: lock-required */
}

void cfg_bump_unlocked(void)
{
	cfg_bump();				/* expect: lock-required */
}

void dev_sleep_locked(struct dev *d)
{
	mutex_lock(&d->mtx);
	dev_sleep(d);				/* expect: lock-held */
	mutex_unlock(&d->mtx);
	dev_sleep(d);
}

/* Must stay silent: held at the call; a static helper whose callers hold it. */
void dev_tick_locked(struct dev *d)
{
	mutex_lock(&d->mtx);
	dev_tick(d);
	mutex_unlock(&d->mtx);
}

static void cfg_bump_helper(void)
{
	cfg_bump();
}

int cfg_update(void)
{
	int v;

	mutex_lock(&cfg_mutex);
	cfg_bump_helper();
	v = cfg_version;
	mutex_unlock(&cfg_mutex);
	return v;
}
