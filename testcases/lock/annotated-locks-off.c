// SPDX-License-Identifier: GPL-2.0
/*
 * locks=ruleset: only the rule set's lock is checked, as before context
 * analysis; a lock __guarded_by() names is not (annotated-locks.c is the
 * same code with the default, locks=annotated).  event_mutex still is.
 */
/* uecheck-options: locks=ruleset */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static unsigned long nr_hits __guarded_by(&stats_lock);
static unsigned long nr_events __guarded_by(&event_mutex);

struct counter {
	spinlock_t lock;
	int value __guarded_by(&lock);
};

void hit(void)
{
	mutex_lock(&stats_lock);
	nr_hits++;
	mutex_unlock(&stats_lock);
}

unsigned long hits_racy(void)
{
	return nr_hits;
}

int counter_after_unlock(struct counter *c)
{
	spin_lock(&c->lock);
	spin_unlock(&c->lock);
	return c->value;
}

unsigned long events_racy(void)
{
	return nr_events;		/* expect: unguarded-access */
}
