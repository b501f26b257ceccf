// SPDX-License-Identifier: GPL-2.0
/*
 * Annotations written inside a macro's definition, read in the terms of
 * the macro's call: 7.x list.h's LIST_HEAD_GUARDED(name, lock), whose
 * __guarded_by(&(lock)) names its parameter (drivers/nvme/host/fabrics.c
 * declares its lists so); a macro that builds a whole struct with its
 * guarded field, as lib/test_context-analysis.c does; a lockdep assertion
 * in a helper macro, of the lock its argument names.
 */
/* uecheck-engines: gcc -- annotations are read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(hosts_mutex);
static LIST_HEAD_GUARDED(hosts, hosts_mutex);
static int nr_hosts __guarded_by(&hosts_mutex);

void host_add(struct list_head *h)
{
	mutex_lock(&hosts_mutex);
	list_add(h, &hosts);
	nr_hosts++;
	mutex_unlock(&hosts_mutex);
}

void host_add_racy(struct list_head *h)
{
	list_add(h, &hosts);		/* expect: unguarded-access */
}

#define assert_hosts_locked(m)	lockdep_assert_held(&(m))

/* The assertion, of hosts_mutex: the caller holds it, the read is fine. */
int hosts_nr(void)
{
	assert_hosts_locked(hosts_mutex);
	return nr_hosts;
}

#define DEFINE_COUNTER(cls, type)				\
	struct cls##_counter {					\
		type lock;					\
		int value __guarded_by(&lock);			\
		int spare;					\
	}

DEFINE_COUNTER(spin, spinlock_t);

void spin_counter_add(struct spin_counter *c)
{
	spin_lock(&c->lock);
	c->value++;
	spin_unlock(&c->lock);
}

int spin_counter_after_unlock(struct spin_counter *c)
{
	spin_lock(&c->lock);
	spin_unlock(&c->lock);
	return c->value;		/* expect: unguarded-access */
}

/* The guard is written after 'value', before 'spare': not spare's. */
int spin_counter_spare(struct spin_counter *c)
{
	spin_lock(&c->lock);
	spin_unlock(&c->lock);
	return c->spare;
}
