// SPDX-License-Identifier: GPL-2.0
/*
 * A lock reached through a pointer field of the same object (7.3's
 * struct Scsi_Host: spinlock_t *host_lock; shost_state
 * __guarded_by(host_lock)): the lock is the one the field points to, taken
 * as spin_lock_irqsave(shost->host_lock, flags), named in
 * __must_hold(shost->host_lock) (issue 23, item 4).  Under Clang's
 * contract, a function callable from outside that calls the annotated
 * helper without the lock is the finding, as is an access after the
 * unlock.  Clang 23, on the same code with its attributes, reports the
 * same two lines.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct host {
	spinlock_t default_lock;
	spinlock_t *host_lock;
	int state __guarded_by(host_lock);
};

static int host_set_state(struct host *h, int state)
	__must_hold(h->host_lock)
{
	int old = h->state;

	h->state = state;
	return old;
}

void host_start(struct host *h)
{
	unsigned long flags;

	spin_lock_irqsave(h->host_lock, flags);
	h->state = 1;
	spin_unlock_irqrestore(h->host_lock, flags);
}

void host_stop(struct host *h)
{
	spin_lock(h->host_lock);
	host_set_state(h, 2);
	spin_unlock(h->host_lock);
	h->state = 0;			/* expect: unguarded-access */
}

int host_reset(struct host *h)
{
	return host_set_state(h, 3);	/* expect: lock-required */
}
