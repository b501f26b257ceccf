/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: error pointers, as the kernel encodes them: the top
 * MAX_ERRNO addresses carry a negative errno instead of an object.
 */
#ifndef _UECHECK_STUB_LINUX_ERR_H
#define _UECHECK_STUB_LINUX_ERR_H

#include <linux/compiler_types.h>
#include <linux/types.h>

#define MAX_ERRNO	4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline bool __must_check IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

static inline bool __must_check IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
