/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one header every testcase includes: the stub kernel headers plus the
 * user_events API that uecheck's rules are about.  Everything here is
 * declared only; the checker must judge each function by its name, as it
 * does for calls into other translation units.
 */
#ifndef _UECHECK_TEST_H
#define _UECHECK_TEST_H

#include <linux/types.h>
#include <linux/compiler_types.h>
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
