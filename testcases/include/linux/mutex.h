/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: struct mutex and its API.  As in the kernel, a
 * lockdep build turns the plain lock calls into their _nested forms and a
 * non-lockdep build turns the _nested forms back into the plain calls, so
 * testcases see both spellings in GIMPLE.
 */
#ifndef _UECHECK_STUB_LINUX_MUTEX_H
#define _UECHECK_STUB_LINUX_MUTEX_H

#include <linux/cleanup.h>
#include <linux/compiler_types.h>
#include <linux/lockdep.h>
#include <linux/types.h>

struct mutex {
	long owner;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#define DEFINE_MUTEX(name)	struct mutex name = { .owner = 0 }

#ifdef CONFIG_LOCKDEP
extern void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
extern void mutex_lock_io_nested(struct mutex *lock, unsigned int subclass);
extern int __must_check
mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass);
extern int __must_check
mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass);

#define mutex_lock(l)			mutex_lock_nested(l, 0)
#define mutex_lock_io(l)		mutex_lock_io_nested(l, 0)
#define mutex_lock_interruptible(l)	mutex_lock_interruptible_nested(l, 0)
#define mutex_lock_killable(l)		mutex_lock_killable_nested(l, 0)
#else
extern void mutex_lock(struct mutex *lock);
extern void mutex_lock_io(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);

#define mutex_lock_nested(l, sub)	mutex_lock(l)
#endif

/* Returns 1 when the lock was taken, 0 when it was contended. */
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);
extern bool mutex_is_locked(struct mutex *lock);

/* Returns true with the lock held when the count dropped to zero. */
extern int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock)
	__cond_acquires(lock);

#ifdef UECHECK_STUB_CTX
DEFINE_LOCK_GUARD_1(mutex, struct mutex, mutex_lock(_T->lock), mutex_unlock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(mutex, _try, mutex_trylock(_T->lock), _RET)
DEFINE_LOCK_GUARD_1_COND(mutex, _intr, mutex_lock_interruptible(_T->lock), _RET == 0)
DECLARE_LOCK_GUARD_1_ATTRS(mutex)
DECLARE_LOCK_GUARD_1_ATTRS(mutex_try)
DECLARE_LOCK_GUARD_1_ATTRS(mutex_intr)
#define class_mutex_constructor(_l)	WITH_LOCK_GUARD_1_ATTRS(mutex, _l)
#define class_mutex_try_constructor(_l)	WITH_LOCK_GUARD_1_ATTRS(mutex_try, _l)
#define class_mutex_intr_constructor(_l) WITH_LOCK_GUARD_1_ATTRS(mutex_intr, _l)
#else
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD_COND(mutex, _try, mutex_trylock(_T))
DEFINE_GUARD_COND(mutex, _intr, mutex_lock_interruptible(_T) == 0)
#endif

#endif
