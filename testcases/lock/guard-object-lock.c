// SPDX-License-Identifier: GPL-2.0
/*
 * A per-object lock held by a guard class: guard(mutex)(&d->mtx) and
 * scoped_cond_guard(mutex_try, ..., &d->mtx) hold d's lock for their scope,
 * whatever the path knew of it before (here: an unlock of it), and no
 * longer after.  The constructor takes &d->mtx, the destructor the
 * guard's &scope holding it (lib/test_context-analysis.c of 7.3 tries a
 * lock after unlocking it so).
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

struct dev {
	struct mutex mtx;
	int counter __guarded_by(&mtx);
};

void dev_guard_after_unlock(struct dev *d)
{
	mutex_lock(&d->mtx);
	d->counter++;
	mutex_unlock(&d->mtx);
	{
		guard(mutex)(&d->mtx);
		d->counter++;
	}
	d->counter++;			/* expect: unguarded-access */
}

void dev_try_after_unlock(struct dev *d)
{
	mutex_lock(&d->mtx);
	d->counter++;
	mutex_unlock(&d->mtx);
	scoped_cond_guard(mutex_try, return, &d->mtx) {
		d->counter++;
	}
	d->counter++;			/* expect: unguarded-access */
}
