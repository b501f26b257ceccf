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

#include <uecheck-api.h>

#endif
