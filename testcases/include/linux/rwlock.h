/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: rwlock_t's API shaped as in the kernel (included by
 * <linux/spinlock.h>): read_lock() and its kin are macros for the
 * out-of-line _raw_ functions, and the _irqsave() forms assign the flags
 * the function returns.
 */
#ifndef _UECHECK_STUB_LINUX_RWLOCK_H
#define _UECHECK_STUB_LINUX_RWLOCK_H

typedef struct {
	unsigned int lock;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
} rwlock_t;

#define DEFINE_RWLOCK(x)	rwlock_t x = { 0 }

extern void _raw_read_lock(rwlock_t *lock);
extern void _raw_write_lock(rwlock_t *lock);
extern int _raw_read_trylock(rwlock_t *lock);
extern int _raw_write_trylock(rwlock_t *lock);
extern unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
extern unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
extern void _raw_read_unlock(rwlock_t *lock);
extern void _raw_write_unlock(rwlock_t *lock);
extern void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
extern void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#define read_lock(lock)		_raw_read_lock(lock)
#define write_lock(lock)	_raw_write_lock(lock)
#define read_trylock(lock)	_raw_read_trylock(lock)
#define write_trylock(lock)	_raw_write_trylock(lock)
#define read_unlock(lock)	_raw_read_unlock(lock)
#define write_unlock(lock)	_raw_write_unlock(lock)
#define read_lock_irqsave(lock, flags)				\
	do { flags = _raw_read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags)				\
	do { flags = _raw_write_lock_irqsave(lock); } while (0)
#define read_unlock_irqrestore(lock, flags)	_raw_read_unlock_irqrestore(lock, flags)
#define write_unlock_irqrestore(lock, flags)	_raw_write_unlock_irqrestore(lock, flags)

#endif
