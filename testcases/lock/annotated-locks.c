// SPDX-License-Identifier: GPL-2.0
/*
 * Locks other than the rule set's, named by __guarded_by() (7.x context
 * analysis), each get a pass of their own (locks=annotated, the default):
 * a global mutex guarding a global, a struct's own spinlock guarding its
 * field.  Across helpers, as for event_mutex: one that drops the lock
 * (Clang's analysis, within one function, does not follow it) and one
 * that needs it, and the kernel's __must_hold(), __acquires() and
 * __releases() of the lock.  Data guarded by two locks is written under
 * both and read under either (testcases/lock/several-locks.c).  Not
 * checked: a lock of a kind the rule set has no API for, and which 7.x
 * does not declare a lock.
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(stats_lock);
static DEFINE_MUTEX(reset_lock);
static unsigned long nr_hits __guarded_by(&stats_lock);
static unsigned long nr_resets __guarded_by(&stats_lock, &reset_lock);

struct counter {
	spinlock_t lock;
	int value __guarded_by(&lock);
	int spare;
};

struct home_made_lock {
	int owner;
};
extern struct home_made_lock custom_lock;
static int custom_data __guarded_by(&custom_lock);

void hit(void)
{
	mutex_lock(&stats_lock);
	nr_hits++;
	mutex_unlock(&stats_lock);
}

unsigned long hits_racy(void)
{
	return nr_hits;			/* expect: unguarded-access */
}

static void stats_unlock(void)
{
	mutex_unlock(&stats_lock);
}

unsigned long hits_after_helper(void)
{
	unsigned long n;

	mutex_lock(&stats_lock);
	stats_unlock();
	n = nr_hits;			/* expect: unguarded-access */
	return n;
}

static unsigned long hits_of(void)
{
	return nr_hits;
}

unsigned long hits_locked(void)
{
	unsigned long n;

	mutex_lock(&stats_lock);
	n = hits_of();
	mutex_unlock(&stats_lock);
	return n;
}

unsigned long hits_unlocked(void)
{
	return hits_of();		/* expect: lock-required */
}

/*
 * The address of annotated data: an access when a function is given it
 * (Clang's -Wthread-safety-pointer), not when kept (as the kernel's
 * atomics keep &lock->owner for a lock-free cmpxchg).
 */
extern void hits_add_to(unsigned long *sum);

unsigned long *hits_address(void)
{
	unsigned long *p = &nr_hits;

	return p;
}

void hits_passed(void)
{
	hits_add_to(&nr_hits);		/* expect: unguarded-access */
}

/* The kernel's annotations of the lock, as for event_mutex. */
unsigned long hits_annotated(void) __must_hold(&stats_lock);
extern void stats_enter(void) __acquires(&stats_lock);
extern void stats_exit(void) __releases(&stats_lock);

unsigned long hits_annotated(void)
{
	return nr_hits;
}

unsigned long hits_annotated_unlocked(void)
{
	return hits_annotated();	/* expect: lock-required */
}

unsigned long hits_entered(void)
{
	unsigned long n;

	stats_enter();
	n = nr_hits + hits_annotated();
	stats_exit();
	return n + nr_hits;		/* expect: unguarded-access */
}

void counter_add(struct counter *c, int d)
{
	spin_lock(&c->lock);
	c->value += d;
	spin_unlock(&c->lock);
}

int counter_after_unlock(struct counter *c)
{
	spin_lock(&c->lock);
	spin_unlock(&c->lock);
	return c->value;		/* expect: unguarded-access */
}

int counter_spare(struct counter *c)
{
	return c->spare;
}

unsigned long not_checked(void)
{
	mutex_lock(&reset_lock);
	nr_resets++;			/* expect: unguarded-access */
	mutex_unlock(&reset_lock);
	return nr_resets + custom_data;	/* expect: unguarded-access */
}

/* A second use of the unchecked lock's data: UECHECK_DEBUG names it once. */
int custom_twice(void)
{
	return custom_data * 2;
}
