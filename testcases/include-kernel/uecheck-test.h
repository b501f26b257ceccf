/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The corpus's one header, on a real kernel's headers instead of the
 * stubs (testcases/suite-real-headers.sh builds the corpus as an external
 * module of a prepared 6.12 or 7.3 tree): the kernel's own mutexes,
 * guards, lockdep, allocators and struct user_event_mm, then the
 * declarations every testcase uses (testcases/include/uecheck-api.h).
 */
#ifndef _UECHECK_TEST_H
#define _UECHECK_TEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/stddef.h>
#include <linux/list.h>
#include <linux/errno.h>
#include <linux/user_events.h>

/*
 * 6.x has no context analysis: what a backport of annotated code adds
 * (and 6.x's sparse __cond_acquires(lock) has one argument, 7.x's two).
 */
#ifndef __guarded_by
# define __guarded_by(...)
# undef __cond_acquires
# define __cond_acquires(...)
# define __cond_acquires_shared(...)
#endif
#ifndef __pt_guarded_by
# define __pt_guarded_by(...)
#endif
#ifndef __must_not_hold
# define __must_not_hold(...)
#endif
#ifndef __no_context_analysis
# define __no_context_analysis
#endif
#ifndef __assumes_ctx_lock
# define __assumes_ctx_lock(...)
# define __assumes_shared_ctx_lock(...)
#endif
#ifndef __context_unsafe
# define __context_unsafe(comment)	__no_context_analysis
#endif
#ifndef context_unsafe
# define context_unsafe(...)		({ __VA_ARGS__; })
#endif
#ifndef LIST_HEAD_GUARDED
# define LIST_HEAD_GUARDED(name, lock) \
	__guarded_by(&(lock)) LIST_HEAD(name)
#endif

#include <uecheck-api.h>

#endif
