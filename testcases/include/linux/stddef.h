/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: offsetof and container_of for list walks. */
#ifndef _UECHECK_STUB_LINUX_STDDEF_H
#define _UECHECK_STUB_LINUX_STDDEF_H

#define offsetof(type, member)	__builtin_offsetof(type, member)

#define container_of(ptr, type, member)					\
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
