/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: the allocators whose fresh objects are unpublished. */
#ifndef _UECHECK_STUB_LINUX_SLAB_H
#define _UECHECK_STUB_LINUX_SLAB_H

#include <linux/types.h>

#define GFP_KERNEL	((gfp_t)0xcc0u)
#define GFP_NOWAIT	((gfp_t)0x800u)

struct kmem_cache;

#define __uecheck_malloc	__attribute__((__malloc__))

extern void *kmalloc(size_t size, gfp_t flags) __uecheck_malloc;
extern void *kzalloc(size_t size, gfp_t flags) __uecheck_malloc;
extern void *kcalloc(size_t n, size_t size, gfp_t flags) __uecheck_malloc;
extern void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags)
	__uecheck_malloc;
extern void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags)
	__uecheck_malloc;
extern void kfree(const void *p);

#endif
