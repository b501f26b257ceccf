// SPDX-License-Identifier: GPL-2.0
/*
 * Locks that no __guarded_by() names, only the annotations of functions:
 * a prototype's __must_hold() (its body in another file), a helper's
 * __must_hold() of a lock the object points to.  Under Clang's contract
 * they are checked as Clang checks them: a call without the lock is the
 * finding (issue 23, item 3).  Before, a lock was tracked only when some
 * guarded access of the unit named it.
 * Clang 23, on the same code with its attributes, reports the same lines.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

struct port {
	spinlock_t *lock;
	int flags;
};

struct host {
	struct mutex scan_mutex;
	int scanning;
};

extern struct mutex host_list_lock;

extern void port_issue(struct port *ap, int tag)
	__must_hold(ap->lock);
extern void host_scan_locked(struct host *h)
	__must_hold(&h->scan_mutex);
extern void host_list_add(struct host *h)
	__must_hold(&host_list_lock);

void port_issue_ok(struct port *ap)
{
	unsigned long flags;

	spin_lock_irqsave(ap->lock, flags);
	port_issue(ap, 1);
	spin_unlock_irqrestore(ap->lock, flags);
}

void port_issue_after_unlock(struct port *ap)
{
	unsigned long flags;

	spin_lock_irqsave(ap->lock, flags);
	spin_unlock_irqrestore(ap->lock, flags);
	port_issue(ap, 2);		/* expect: lock-required */
}

void host_scan(struct host *h)
{
	host_scan_locked(h);		/* expect: lock-required */
	mutex_lock(&h->scan_mutex);
	host_scan_locked(h);
	mutex_unlock(&h->scan_mutex);
}

void host_register(struct host *h)
{
	host_list_add(h);		/* expect: lock-required */
	mutex_lock(&host_list_lock);
	host_list_add(h);
	mutex_unlock(&host_list_lock);
}
