// SPDX-License-Identifier: GPL-2.0
/*
 * Lock kinds the rule set has no API for, checked because the kernel
 * declares them locks: 7.x's context_lock_struct(NAME) (as seqlock_t,
 * struct ww_mutex, local_lock_t, struct rt_mutex are), with their API
 * annotated on the prototypes (issue 23, item 4).  A seqlock_t is held
 * for writing between write_seqlock() and write_sequnlock(), for reading
 * between read_seqbegin() and read_seqretry(); a ww_mutex where
 * ww_mutex_lock() returned 0.  A reentrant lock type (SRCU) is held
 * shared by its read-side sections, whose holds nest: the outer one
 * still holds it after the inner one ends.  Declared here as a driver
 * would declare its own lock type.  Clang 23, on the same code with its
 * attributes (capability, reentrant_capability), reports the same four
 * lines.
 */
/* uecheck-engines: gcc -- __guarded_by() and context_lock_struct() are read through the preprocessor by the plugin */
/* uecheck-xfail[kernel]: declares its own lock types, with the stubs' context_lock_struct() and 7.x's two-argument __cond_acquires(), which 6.12 lacks; 7.3's own lock kinds are seeded in its test_context-analysis.c (testcases/context/tca-*.seed) */
#include <linux/compiler_types.h>

context_lock_struct(seqlock) {
	unsigned int sequence;
};
typedef struct seqlock seqlock_t;
extern void write_seqlock(seqlock_t *sl) __acquires(sl);
extern void write_sequnlock(seqlock_t *sl) __releases(sl);
extern unsigned int read_seqbegin(const seqlock_t *sl) __acquires_shared(sl);
extern int read_seqretry(const seqlock_t *sl, unsigned int start) __releases_shared(sl);

context_lock_struct(ww_mutex) {
	long owner;
};
struct ww_acquire_ctx;
extern int ww_mutex_lock(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
	__cond_acquires(0, lock);
extern void ww_mutex_unlock(struct ww_mutex *lock) __releases(lock);

context_lock_struct(srcu_struct, __reentrant_ctx_lock) {
	int idx;
};
extern int srcu_read_lock(struct srcu_struct *ssp) __acquires_shared(ssp);
extern void srcu_read_unlock(struct srcu_struct *ssp, int idx) __releases_shared(ssp);

struct stats {
	seqlock_t sl;
	int counter __guarded_by(&sl);
};

struct pool {
	struct ww_mutex mtx;
	int nr __guarded_by(&mtx);
};

struct table {
	struct srcu_struct srcu;
	int size __guarded_by(&srcu);
};

void stats_add(struct stats *s)
{
	write_seqlock(&s->sl);
	s->counter++;
	write_sequnlock(&s->sl);
}

void stats_add_after_unlock(struct stats *s)
{
	write_seqlock(&s->sl);
	write_sequnlock(&s->sl);
	s->counter++;			/* expect: unguarded-access */
}

int stats_read(struct stats *s)
{
	unsigned int seq;
	int v;

	do {
		seq = read_seqbegin(&s->sl);
		v = s->counter;
	} while (read_seqretry(&s->sl, seq));
	return v;
}

void stats_reset_in_reader(struct stats *s)
{
	unsigned int seq;

	do {
		seq = read_seqbegin(&s->sl);
		s->counter = 0;		/* expect: unguarded-access */
	} while (read_seqretry(&s->sl, seq));
}

void pool_grow(struct pool *p, struct ww_acquire_ctx *ctx)
{
	if (!ww_mutex_lock(&p->mtx, ctx)) {
		p->nr++;
		ww_mutex_unlock(&p->mtx);
	}
}

void pool_grow_failed(struct pool *p, struct ww_acquire_ctx *ctx)
{
	if (ww_mutex_lock(&p->mtx, ctx))
		p->nr++;		/* expect: unguarded-access */
	else
		ww_mutex_unlock(&p->mtx);
}

int table_size_nested(struct table *t)
{
	int outer = srcu_read_lock(&t->srcu), inner = srcu_read_lock(&t->srcu), n;

	srcu_read_unlock(&t->srcu, inner);
	n = t->size;			/* still held: the outer section */
	srcu_read_unlock(&t->srcu, outer);
	return n;
}

int table_size_after_unlock(struct table *t)
{
	int idx = srcu_read_lock(&t->srcu);

	srcu_read_unlock(&t->srcu, idx);
	return t->size;			/* expect: unguarded-access */
}
