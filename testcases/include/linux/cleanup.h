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
 *
 * Two shapes, as the kernel has had them:
 *   (default)           6.x: the class value is the lock pointer itself
 *                       (DEFINE_GUARD, DEFINE_GUARD_COND), and the scoped
 *                       forms loop on a 'done' flag
 *   -DUECHECK_STUB_CTX  7.x: lock guards are a struct holding the lock
 *                       (DEFINE_LOCK_GUARD_1, DEFINE_LOCK_GUARD_1_COND); a
 *                       failed conditional lock leaves an ERR_PTR() in it,
 *                       which lock_ptr turns into NULL; the constructor is
 *                       redefined as a macro that also declares an alias
 *                       variable with a do-nothing cleanup (the hook for
 *                       Clang's context analysis); the scoped forms leave
 *                       their loop by a goto
 */
#ifndef _UECHECK_STUB_LINUX_CLEANUP_H
#define _UECHECK_STUB_LINUX_CLEANUP_H

#include <linux/compiler_types.h>
#include <linux/err.h>
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

#ifdef UECHECK_STUB_CTX

/* The 7.x lock guard: '_T' in _lock and _unlock points to the class. */
#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock)		\
typedef struct {							\
	_type *lock;							\
} class_##_name##_t;							\
static inline void class_##_name##_destructor(class_##_name##_t *_T)	\
{									\
	if (!IS_ERR_OR_NULL(_T->lock)) {				\
		_unlock;						\
	}								\
}									\
static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T)	\
{									\
	void *_ptr = (void *)_T->lock;					\
									\
	if (IS_ERR(_ptr))						\
		_ptr = NULL;						\
	return _ptr;							\
}									\
static inline class_##_name##_t class_##_name##_constructor(_type *l)	\
{									\
	class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
									\
	_lock;								\
	return _t;							\
}

/* _lock gives _RET; _ok says from _RET whether the lock was taken. */
#define DEFINE_LOCK_GUARD_1_COND(_name, _ext, _lock, _ok)		\
typedef class_##_name##_t class_##_name##_ext##_t;			\
static inline void							\
class_##_name##_ext##_destructor(class_##_name##_t *_T)		\
{									\
	class_##_name##_destructor(_T);					\
}									\
static inline void *							\
class_##_name##_ext##_lock_ptr(class_##_name##_t *_T)			\
{									\
	return class_##_name##_lock_ptr(_T);				\
}									\
static inline class_##_name##_t						\
class_##_name##_ext##_constructor(__typeof__(((class_##_name##_t *)0)->lock) l) \
{									\
	class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
	int _RET = (_lock);						\
									\
	if (_T->lock && !(_ok))						\
		_T->lock = ERR_PTR(-4);					\
	return _t;							\
}

/* The constructor as a macro that adds the alias variable. */
#define WITH_LOCK_GUARD_1_ATTRS(_name, _l)				\
	class_##_name##_constructor(_l),				\
	*__UNIQUE_ID(unlock) __cleanup(__class_##_name##_cleanup_ctx) =	\
		(void *)(unsigned long)(_l)

#define DECLARE_LOCK_GUARD_1_ATTRS(_name)				\
static inline void __class_##_name##_cleanup_ctx(class_##_name##_t **_T) \
{									\
}

/* The body runs once, with the lock; a failed conditional lock skips it. */
#define __scoped_guard(_name, _label, args...)				\
	for (CLASS(_name, scope)(args); __guard_ptr(_name)(&scope);	\
	     ({ goto _label; }))					\
		if (0) {						\
_label:									\
			break;						\
		} else

#define scoped_guard(_name, args...)					\
	__scoped_guard(_name, __UNIQUE_ID(label), args)

#define __scoped_cond_guard(_name, _fail, _label, args...)		\
	for (CLASS(_name, scope)(args); 1; ({ goto _label; }))		\
		if (!__guard_ptr(_name)(&scope)) {			\
			_fail;						\
_label:									\
			break;						\
		} else

#define scoped_cond_guard(_name, _fail, args...)			\
	__scoped_cond_guard(_name, _fail, __UNIQUE_ID(label), args)

#else /* 6.x */

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

#endif /* UECHECK_STUB_CTX */

#endif
