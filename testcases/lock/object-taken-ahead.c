// SPDX-License-Identifier: GPL-2.0
/*
 * A static function that goes on to take its object's lock on every path
 * was not called with that lock held (the kernel's locks do not nest):
 * a call, before the take, of a helper that needs the lock is the
 * finding, at the call, not a requirement passed to the callers, which
 * could not have met it (issue 23, item 2; before, for global locks
 * only).  Another object's lock taken ahead says nothing of this one's:
 * there the helper's need moves up to the callers, and the one caller
 * that does not hold q's lock is the finding (Clang 23 reports the
 * helper's call instead, as it does not follow callers; it reports
 * queue_submit()'s call as uecheck does).
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct queue {
	spinlock_t lock;
	int tail __guarded_by(&lock);
};

static void queue_ring(struct queue *q)
	__must_hold(&q->lock)
{
	q->tail++;
}

static void queue_submit(struct queue *q)
{
	queue_ring(q);			/* expect: lock-required */
	spin_lock(&q->lock);
	q->tail = 0;
	spin_unlock(&q->lock);
}

/* The other queue's lock: no take of q's own, q's need moves up. */
static void queue_submit_other(struct queue *q, struct queue *other)
{
	queue_ring(q);
	spin_lock(&other->lock);
	other->tail = 0;
	spin_unlock(&other->lock);
}

void queue_run(struct queue *q)
{
	queue_submit(q);
}

void queue_run_other(struct queue *q, struct queue *other)
{
	queue_submit_other(q, other);	/* expect: lock-required */
}

void queue_run_other_ok(struct queue *q, struct queue *other)
{
	spin_lock(&q->lock);
	queue_submit_other(q, other);
	spin_unlock(&q->lock);
}
