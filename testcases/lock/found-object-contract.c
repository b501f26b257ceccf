// SPDX-License-Identifier: GPL-2.0
/*
 * Objects a function finds itself (a pointer loaded from memory, a
 * member of another object), not a parameter's: under Clang's contract a
 * function callable from outside owes their locks, as only an annotation
 * could say its callers hold them (issue 23, item 1).  A callback reading
 * its object from file->private_data without the lock is the finding.
 * The lock is the same whichever load of the pointer names it
 * (conn->host, loaded again after each call), as Clang reads the same
 * expression as the same lock; and an embedded object's lock
 * (&p->inner.lock) is the one a callee that needs &inner->lock is given.
 * Clang 23, on the same code with its attributes, reports the same lines.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct file {
	void *private_data;
};

struct dev {
	spinlock_t lock;
	int mode __guarded_by(&lock);
};

struct conn {
	struct dev *host;
	int id;
};

struct outer {
	int flags;
	struct dev inner;
};

static void dev_reset(struct dev *d)
	__must_hold(&d->lock)
{
	d->mode = 0;
}

/* Callbacks: their addresses are taken below. */
static int dev_release(struct file *f)
{
	struct dev *d = f->private_data;

	return d->mode;			/* expect: unguarded-access */
}

static int dev_flush(struct file *f)
{
	struct dev *d = f->private_data;
	int mode;

	spin_lock(&d->lock);
	mode = d->mode;
	spin_unlock(&d->lock);
	return mode;
}

static int dev_ioctl(struct file *f)
{
	struct dev *d = f->private_data;

	dev_reset(d);			/* expect: lock-required */
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	return 0;
}

/* The body asserts the found object's lock: held from there on. */
static int dev_poll(struct file *f)
{
	struct dev *d = f->private_data;

	lockdep_assert_held(&d->lock);
	return d->mode;
}

int (*const dev_ops[])(struct file *) = { dev_release, dev_flush, dev_ioctl, dev_poll };

extern void conn_note(struct conn *c);

/* conn->host loaded anew after each call: the same lock. */
int conn_mode_ok(struct conn *c)
{
	int mode;

	spin_lock(&c->host->lock);
	conn_note(c);
	mode = c->host->mode;
	conn_note(c);
	spin_unlock(&c->host->lock);
	return mode;
}

int conn_mode_after_unlock(struct conn *c)
{
	spin_lock(&c->host->lock);
	conn_note(c);
	spin_unlock(&c->host->lock);
	return c->host->mode;		/* expect: unguarded-access */
}

/* Its callers hold the lock of the object it loads, says its annotation. */
int conn_mode_annotated(struct conn *c)
	__must_hold(&c->host->lock)
{
	return c->host->mode;
}

/* The embedded object's lock, taken as &o->inner.lock. */
void outer_reset_ok(struct outer *o)
{
	spin_lock(&o->inner.lock);
	dev_reset(&o->inner);
	spin_unlock(&o->inner.lock);
}

void outer_reset_unlocked(struct outer *o)
{
	spin_lock(&o->inner.lock);
	spin_unlock(&o->inner.lock);
	dev_reset(&o->inner);		/* expect: lock-required */
}
