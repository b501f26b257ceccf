/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: lockdep assertions in the three shapes a kernel
 * build can give them, so every testcase is checked against each:
 *   -DCONFIG_LOCKDEP     a real run-time check calling lock_is_held()
 *   (default)            6.12 without lockdep: the argument is evaluated
 *                        and thrown away, '(void)(l)'
 *   -DUECHECK_STUB_CTX   7.x style: __assume_ctx_lock(l), which expands to
 *                        nothing at all, so no tree is left behind
 */
#ifndef _UECHECK_STUB_LINUX_LOCKDEP_H
#define _UECHECK_STUB_LINUX_LOCKDEP_H

#include <linux/bug.h>

struct lockdep_map {
	const char *name;
};

#if defined(CONFIG_LOCKDEP)

extern int lock_is_held(const struct lockdep_map *lock);

#define lockdep_is_held(l)		lock_is_held(&(l)->dep_map)
#define lockdep_assert(cond)		do { WARN_ON(!(cond)); } while (0)
#define lockdep_assert_held(l)		lockdep_assert(lockdep_is_held(l))
#define lockdep_assert_held_once(l)	lockdep_assert(lockdep_is_held(l))
#define lockdep_assert_not_held(l)	lockdep_assert(!lockdep_is_held(l))
#define lockdep_assert_held_read(l)	lockdep_assert(lockdep_is_held(l))
#define lockdep_assert_held_write(l)	lockdep_assert(lockdep_is_held(l))

#elif defined(UECHECK_STUB_CTX)

#define __assume_ctx_lock(l)
#define lockdep_assert_held(l)		do { __assume_ctx_lock(l); } while (0)
#define lockdep_assert_held_once(l)	do { __assume_ctx_lock(l); } while (0)
#define lockdep_assert_held_read(l)	do { __assume_ctx_lock(l); } while (0)
#define lockdep_assert_held_write(l)	do { __assume_ctx_lock(l); } while (0)
#define lockdep_assert_not_held(l)	do { (void)(l); } while (0)

#else

#define lockdep_assert_held(l)		do { (void)(l); } while (0)
#define lockdep_assert_held_once(l)	do { (void)(l); } while (0)
#define lockdep_assert_not_held(l)	do { (void)(l); } while (0)
#define lockdep_assert_held_read(l)	do { (void)(l); } while (0)
#define lockdep_assert_held_write(l)	do { (void)(l); } while (0)

#endif

#endif
