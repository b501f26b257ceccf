/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: the basic kernel types testcases use. */
#ifndef _UECHECK_STUB_LINUX_TYPES_H
#define _UECHECK_STUB_LINUX_TYPES_H

typedef _Bool bool;
#define false	0
#define true	1

#define NULL	((void *)0)

typedef __SIZE_TYPE__ size_t;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned int gfp_t;

/* The kernel keeps these two in linux/types.h as well. */
typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif
