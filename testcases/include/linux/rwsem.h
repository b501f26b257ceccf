/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: struct rw_semaphore and its API, out-of-line
 * functions as in the kernel (down_read_nested() is one in lockdep builds).
 */
#ifndef _UECHECK_STUB_LINUX_RWSEM_H
#define _UECHECK_STUB_LINUX_RWSEM_H

#include <linux/lockdep.h>

struct rw_semaphore {
	long count;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#define DECLARE_RWSEM(name)	struct rw_semaphore name = { 0 }

extern void down_read(struct rw_semaphore *sem);
extern int down_read_interruptible(struct rw_semaphore *sem);
extern int down_read_killable(struct rw_semaphore *sem);
extern int down_read_trylock(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern int down_write_killable(struct rw_semaphore *sem);
extern int down_write_trylock(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);
extern void downgrade_write(struct rw_semaphore *sem);

#endif
