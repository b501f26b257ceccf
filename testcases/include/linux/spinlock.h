/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: spinlock_t and its API, shaped as in the kernel:
 * spin_lock() and friends are inline functions that pass the raw lock
 * inside (&lock->rlock) to the out-of-line _raw_ functions, so a checker
 * must know them by the names developers write, not by what they call.
 */
#ifndef _UECHECK_STUB_LINUX_SPINLOCK_H
#define _UECHECK_STUB_LINUX_SPINLOCK_H

#include <linux/compiler_types.h>
#include <linux/lockdep.h>

typedef struct raw_spinlock {
	unsigned int slock;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
} spinlock_t;

#define DEFINE_SPINLOCK(x)	spinlock_t x = { { 0 } }

#include <linux/rwlock.h>

extern void _raw_spin_lock(raw_spinlock_t *lock);
extern void _raw_spin_lock_bh(raw_spinlock_t *lock);
extern int _raw_spin_trylock(raw_spinlock_t *lock);
extern void _raw_spin_unlock(raw_spinlock_t *lock);
extern void _raw_spin_unlock_bh(raw_spinlock_t *lock);
extern unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
extern void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);

/* As in the kernel: a macro handing the raw lock inside to the _raw_ one. */
static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

#define raw_spin_lock_irqsave(lock, flags)			\
	do { flags = _raw_spin_lock_irqsave(lock); } while (0)
#define spin_lock_irqsave(lock, flags)				\
	do { raw_spin_lock_irqsave(spinlock_check(lock), flags); } while (0)

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	_raw_spin_unlock_irqrestore(&lock->rlock, flags);
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	_raw_spin_lock(&lock->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *lock)
{
	_raw_spin_lock_bh(&lock->rlock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return _raw_spin_trylock(&lock->rlock);
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	_raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *lock)
{
	_raw_spin_unlock_bh(&lock->rlock);
}

#endif
