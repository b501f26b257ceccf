/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: scope-based cleanup with the kernel's names and
 * semantics, written small.  A class NAME has
 *   class_NAME_t                       the guarded value (a lock pointer)
 *   class_NAME_constructor(args)       takes the lock; returns the lock
 *                                      pointer, or NULL when a conditional
 *                                      lock failed
 *   class_NAME_destructor(&v)          runs at the end of the scope through
 *                                      __attribute__((cleanup))
 *   class_NAME_lock_ptr(&v)            what the conditional forms test
 */
#ifndef _UECHECK_STUB_LINUX_CLEANUP_H
#define _UECHECK_STUB_LINUX_CLEANUP_H

#include <linux/compiler_types.h>
#include <linux/types.h>

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)	\
typedef _type class_##_name##_t;					\
static inline void class_##_name##_destructor(_type *p)		\
{									\
	_type _T = *p;							\
	_exit;								\
}									\
static inline _type class_##_name##_constructor(_init_args)		\
{									\
	return _init;							\
}

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

/* An unconditional guard: the constructor locks and hands the lock back. */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)			\
DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }),	\
	     _type _T)							\
static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T)	\
{									\
	return (void *)*_T;						\
}

/*
 * A conditional variant NAME_EXT of guard NAME: the same destructor, a
 * constructor that yields NULL when _condlock says the lock was not taken.
 */
#define DEFINE_GUARD_COND(_name, _ext, _condlock)			\
typedef class_##_name##_t class_##_name##_ext##_t;			\
static inline void							\
class_##_name##_ext##_destructor(class_##_name##_t *p)			\
{									\
	class_##_name##_destructor(p);					\
}									\
static inline class_##_name##_t						\
class_##_name##_ext##_constructor(class_##_name##_t _T)			\
{									\
	if (_T && !(_condlock))						\
		return NULL;						\
	return _T;							\
}									\
static inline void *							\
class_##_name##_ext##_lock_ptr(class_##_name##_t *_T)			\
{									\
	return class_##_name##_lock_ptr(_T);				\
}

#define __guard_ptr(_name)	class_##_name##_lock_ptr

/* Held from here to the end of the enclosing scope. */
#define guard(_name)		CLASS(_name, __UNIQUE_ID(guard))

/* Held inside the following statement only; skipped if a _cond lock failed. */
#define scoped_guard(_name, args...)					\
	for (CLASS(_name, scope)(args), *__scoped_done = NULL;		\
	     __guard_ptr(_name)(&scope) && !__scoped_done;		\
	     __scoped_done = (void *)1)

/* Like scoped_guard, but runs _fail when the conditional lock failed. */
#define scoped_cond_guard(_name, _fail, args...)			\
	for (CLASS(_name, scope)(args), *__scoped_done = NULL;		\
	     !__scoped_done; __scoped_done = (void *)1)			\
		if (!__guard_ptr(_name)(&scope))			\
			_fail;						\
		else

#endif
