// SPDX-License-Identifier: GPL-2.0
/*
 * __pt_guarded_by(&lock) (7.x): what the pointer points to is guarded, the
 * pointer itself is not.  Reading or writing *p, p->x or p[i] needs the
 * lock; reading p does not.  A global pointer (lib/stackdepot.c's
 * stack_pools) and a struct's pointer under the object's own lock.  (A
 * write through the pointer counts as a read of it: no distinction of
 * read and write holds for pointed-to data.)
 */
/* uecheck-engines: gcc -- __pt_guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

static DEFINE_MUTEX(pools_lock);
static void **pools __pt_guarded_by(&pools_lock);
static int nr_pools __guarded_by(&pools_lock);

struct table {
	spinlock_t lock;
	int *slots __pt_guarded_by(&lock);
};

void *pool_first(void)
{
	void *p;

	mutex_lock(&pools_lock);
	p = pools[0];
	nr_pools++;
	mutex_unlock(&pools_lock);
	return p;
}

int pools_present(void)
{
	return pools != NULL;
}

void *pool_racy(int i)
{
	return pools[i];		/* expect: unguarded-access */
}

/* stackdepot.c's depot_fetch_stack() reads so, under __must_not_hold(). */
void *pool_unsafe(int i)
{
	void *p;

	p = context_unsafe(pools[i]);
	return p;
}

void pool_clear_after_unlock(void)
{
	void **p;

	mutex_lock(&pools_lock);
	p = pools;
	mutex_unlock(&pools_lock);
	p[0] = NULL;			/* expect: unguarded-access */
}

int table_get(struct table *t, int i)
{
	int v;

	spin_lock(&t->lock);
	v = t->slots[i];
	spin_unlock(&t->lock);
	return v;
}

int table_get_after_unlock(struct table *t)
{
	int *s;

	spin_lock(&t->lock);
	s = t->slots;
	spin_unlock(&t->lock);
	return *s + (t->slots != NULL);	/* expect: unguarded-access */
}
