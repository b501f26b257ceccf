// SPDX-License-Identifier: GPL-2.0
/*
 * __must_not_hold(&d->mtx) on a function whose parameter d names the
 * object: its callers must not hold that object's lock (7.3's blkdev.h
 * says so of queue_limits_start_update(q) and q->limits_lock).  A caller
 * holding it is lock-held; another object's lock held, or the lock as the
 * caller left it, is not.
 */
/* uecheck-engines: gcc -- __must_not_hold() and __guarded_by() are read through the preprocessor by the plugin */
#include <uecheck-test.h>

struct dev {
	struct mutex mtx;
	int counter __guarded_by(&mtx);
};

static void dev_reset(struct dev *d)
	__must_not_hold(&d->mtx)
{
	mutex_lock(&d->mtx);
	d->counter = 0;
	mutex_unlock(&d->mtx);
}

void dev_reset_locked(struct dev *d)
{
	mutex_lock(&d->mtx);
	d->counter++;
	dev_reset(d);			/* expect: lock-held */
	mutex_unlock(&d->mtx);
}

void dev_reset_other_locked(struct dev *d, struct dev *other)
{
	mutex_lock(&other->mtx);
	dev_reset(d);
	mutex_unlock(&other->mtx);
}

void dev_reset_unlocked(struct dev *d)
{
	dev_reset(d);
}
