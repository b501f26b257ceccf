/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: atomic_t and the few operations testcases use. */
#ifndef _UECHECK_STUB_LINUX_ATOMIC_H
#define _UECHECK_STUB_LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_inc(atomic_t *v)
{
	__atomic_add_fetch(&v->counter, 1, __ATOMIC_RELAXED);
}

static inline bool atomic_dec_and_test(atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0;
}

#endif
