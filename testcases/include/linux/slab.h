/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck test stubs: the allocators whose fresh objects are unpublished.
 *   (default)           the names themselves are the allocators
 *   -DUECHECK_STUB_CTX  6.10+: kzalloc() and friends are macros around
 *                       alloc_hooks() (a statement expression) of inline
 *                       *_noprof() wrappers, which carry the attributes
 */
#ifndef _UECHECK_STUB_LINUX_SLAB_H
#define _UECHECK_STUB_LINUX_SLAB_H

#include <linux/types.h>

#define GFP_KERNEL	((gfp_t)0xcc0u)
#define GFP_NOWAIT	((gfp_t)0x800u)

struct kmem_cache;

#define __uecheck_malloc	__attribute__((__malloc__))

#ifdef UECHECK_STUB_CTX
#define __uecheck_alloc_size(n)	__attribute__((__alloc_size__(n))) __uecheck_malloc

extern void *__kmalloc_noprof(size_t size, gfp_t flags) __uecheck_alloc_size(1);

static inline __uecheck_alloc_size(1) void *kmalloc_noprof(size_t size, gfp_t flags)
{
	return __kmalloc_noprof(size, flags);
}

static inline __uecheck_alloc_size(1) void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | 0x100u);
}

static inline void *kcalloc_noprof(size_t n, size_t size, gfp_t flags)
{
	return kzalloc_noprof(n * size, flags);
}

#define alloc_hooks(_do_alloc)						\
({									\
	__typeof__(_do_alloc) _res = _do_alloc;				\
	_res;								\
})
#define kmalloc(...)		alloc_hooks(kmalloc_noprof(__VA_ARGS__))
#define kzalloc(...)		alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kcalloc(...)		alloc_hooks(kcalloc_noprof(__VA_ARGS__))
#else
extern void *kmalloc(size_t size, gfp_t flags) __uecheck_malloc;
extern void *kzalloc(size_t size, gfp_t flags) __uecheck_malloc;
extern void *kcalloc(size_t n, size_t size, gfp_t flags) __uecheck_malloc;
#endif
extern void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags)
	__uecheck_malloc;
extern void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags)
	__uecheck_malloc;
extern void kfree(const void *p);

#endif
