/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: READ_ONCE/WRITE_ONCE through volatile casts, data_race(). */
#ifndef _UECHECK_STUB_LINUX_COMPILER_H
#define _UECHECK_STUB_LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile __typeof__(x) *)&(x) = (val);		\
	} while (0)

#define barrier()		__asm__ __volatile__("" : : : "memory")

/* A read meant to race (KCSAN is not told here): the value of EXPR. */
#define data_race(expr)		({ __auto_type __v = (expr); __v; })

#endif
