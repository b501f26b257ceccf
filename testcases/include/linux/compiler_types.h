/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: annotations and attributes.  Like a GCC kernel build,
 * the sparse context annotations expand to nothing unless __CHECKER__, so
 * the plugin has to recover them from the preprocessor.
 */
#ifndef _UECHECK_STUB_LINUX_COMPILER_TYPES_H
#define _UECHECK_STUB_LINUX_COMPILER_TYPES_H

#ifdef __CHECKER__
# define __must_hold(x)		__attribute__((context(x, 1, 1)))
# define __acquires(x)		__attribute__((context(x, 0, 1)))
# define __cond_acquires(x)	__attribute__((context(x, 0, -1)))
# define __releases(x)		__attribute__((context(x, 1, 0)))
#else
# define __must_hold(x)
# define __acquires(x)
# define __cond_acquires(...)		/* 6.x (lock), 7.x (ret, lock) */
# define __cond_acquires_shared(...)
# define __releases(x)
#endif

/* 7.x context analysis: Clang's attributes, nothing under GCC. */
#define __acquires_shared(x)
#define __releases_shared(x)
#define context_lock_struct(name, ...)	struct __VA_ARGS__ name
#define __reentrant_ctx_lock
#define __guarded_by(...)
#define __pt_guarded_by(...)
#define __must_not_hold(...)
#define __assumes_ctx_lock(...)
#define __assumes_shared_ctx_lock(...)
#define __no_context_analysis
#define __context_unsafe(comment)	__no_context_analysis
#define context_unsafe(...)		({ __VA_ARGS__; })

#define __cleanup(func)		__attribute__((__cleanup__(func)))
#define __always_inline		inline __attribute__((__always_inline__))
#define __maybe_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define ___UECHECK_PASTE(a, b)	a##b
#define __PASTE(a, b)		___UECHECK_PASTE(a, b)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif
