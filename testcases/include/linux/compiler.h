/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: READ_ONCE/WRITE_ONCE through volatile casts. */
#ifndef _UECHECK_STUB_LINUX_COMPILER_H
#define _UECHECK_STUB_LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile __typeof__(x) *)&(x) = (val);		\
	} while (0)

#define barrier()		__asm__ __volatile__("" : : : "memory")

#endif
