/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: refcount_t, including the decrement that locks. */
#ifndef _UECHECK_STUB_LINUX_REFCOUNT_H
#define _UECHECK_STUB_LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/compiler_types.h>
#include <linux/mutex.h>
#include <linux/types.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

static inline void refcount_inc(refcount_t *r)
{
	atomic_inc(&r->refs);
}

static inline bool __must_check refcount_dec_and_test(refcount_t *r)
{
	return atomic_dec_and_test(&r->refs);
}

/* Returns true with the lock held when the count dropped to zero. */
extern bool refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock)
	__cond_acquires(lock);

#endif
