// SPDX-License-Identifier: GPL-2.0
/*
 * A lock a macro takes or drops with its own __acquire_ctx_lock() alone,
 * on this CPU's instance of per-CPU data: 7.x's local_lock(l) is
 * preempt_disable(), a call of the unannotated local_lock_acquire() and
 * __acquire(__this_cpu_local_lock(l)), which leaves no GIMPLE under GCC
 * (issue 23, item 4).  What is checked:
 * - this_cpu_ptr(&v) is v, for v's lock and for v's guarded data, as
 *   __this_cpu_local_lock()'s __returns_ctx_lock(base) tells Clang,
 *   whether the CPU's offset is read from the per-CPU segment by a load
 *   or by asm;
 * - the take and the release are where the macro is invoked, on the lock
 *   the invocation computes;
 * - an attempt (local_trylock(): __try_acquire_ctx_lock(l, attempt))
 *   holds it where its outcome, the lock or NULL, is non-zero.
 * On 7.3's own local_lock.h: testcases/context/tca-local-lock-pcpu-*.seed,
 * with Clang 23 beside.  Clang 23 on this file, with this_cpu_ptr(p) read
 * as p (7.3 tells it so for the lock only, through __this_cpu_local_lock()),
 * reports the lines of stats_add_late(), stats_try_failed() and
 * total_add(), not stats_other()'s: in C it reads a member's lock as any
 * object's.
 */
/* uecheck-engines: gcc -- __guarded_by() and context_lock_struct() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
/* uecheck-xfail[kernel]: declares its own lock type and per-CPU access with the stubs' context_lock_struct(), which 6.12 lacks */
#include <uecheck-test.h>

/* What compiler-context-analysis.h gives GCC: no code at all. */
#define __acquire_ctx_lock(x)		do { } while (0)
#define __release_ctx_lock(x)		do { } while (0)
#define __try_acquire_ctx_lock(x, ret)	(ret)

context_lock_struct(cpu_lock) {
	unsigned char acquired;
};
typedef struct cpu_lock cpu_lock_t;

/* As x86's arch_raw_cpu_ptr(): the offset is read from the per-CPU segment. */
extern unsigned long this_cpu_off;
#define this_cpu_ptr(p)							\
	({								\
		unsigned long __o =					\
			*(__seg_gs const unsigned long *)(unsigned long)&this_cpu_off; \
		__o += (unsigned long)(p);				\
		(__typeof__(*(p)) *)__o;				\
	})

/* The same with the offset read by asm (KCSAN and KASAN builds, GCC < 13.3). */
#define this_cpu_ptr_asm(p)						\
	({								\
		unsigned long __o;					\
		asm("movq %1, %0" : "=r" (__o)				\
		    : "m" (*(__seg_gs const unsigned long *)(unsigned long)&this_cpu_off)); \
		__o += (unsigned long)(p);				\
		(__typeof__(*(p)) *)__o;				\
	})

static inline void cpu_lock_acquire(cpu_lock_t *l) { }
static inline void cpu_lock_release(cpu_lock_t *l) { }

#define cpu_lock(lock)							\
	do {								\
		cpu_lock_t *__l = this_cpu_ptr(lock);			\
		cpu_lock_acquire(__l);					\
		__acquire_ctx_lock(__l);				\
	} while (0)
#define cpu_unlock(lock)						\
	do {								\
		cpu_lock_t *__l = this_cpu_ptr(lock);			\
		__release_ctx_lock(__l);				\
		cpu_lock_release(__l);					\
	} while (0)
#define cpu_trylock(lock)						\
	__try_acquire_ctx_lock(lock, ({					\
		cpu_lock_t *__tl = this_cpu_ptr(lock);			\
		if (__tl->acquired)					\
			__tl = NULL;					\
		else							\
			cpu_lock_acquire(__tl);				\
		!!__tl;							\
	}))

struct stats {
	cpu_lock_t lock;
	int count __guarded_by(&lock);
};

static struct stats cpu_stats, other_stats;
static cpu_lock_t total_lock;
static int total __guarded_by(&total_lock);

void stats_add(void);
void stats_add(void)
{
	cpu_lock(&cpu_stats.lock);
	this_cpu_ptr(&cpu_stats)->count++;
	cpu_unlock(&cpu_stats.lock);
}

void stats_add_late(void);
void stats_add_late(void)
{
	cpu_lock(&cpu_stats.lock);
	cpu_unlock(&cpu_stats.lock);
	this_cpu_ptr(&cpu_stats)->count++;	/* expect: unguarded-access */
}

/* One object's lock is not another's. */
void stats_other(void);
void stats_other(void)
{
	cpu_lock(&cpu_stats.lock);
	this_cpu_ptr(&other_stats)->count++;	/* expect: unguarded-access */
	cpu_unlock(&cpu_stats.lock);
}

int stats_try(void);
int stats_try(void)
{
	if (!cpu_trylock(&cpu_stats.lock))
		return 0;
	this_cpu_ptr(&cpu_stats)->count++;
	cpu_unlock(&cpu_stats.lock);
	return 1;
}

void stats_try_failed(void);
void stats_try_failed(void)
{
	if (cpu_trylock(&cpu_stats.lock)) {
		this_cpu_ptr(&cpu_stats)->count++;
		cpu_unlock(&cpu_stats.lock);
		return;
	}
	this_cpu_ptr(&cpu_stats)->count = 0;	/* expect: unguarded-access */
}

/* A global lock taken on this CPU's instance: the global's. */
void total_add(int n);
void total_add(int n)
{
	cpu_lock(&total_lock);
	total += n;
	cpu_unlock(&total_lock);
	total -= n;				/* expect: unguarded-access */
}

void stats_add_asm(void);
void stats_add_asm(void)
{
	cpu_lock(&cpu_stats.lock);
	this_cpu_ptr_asm(&cpu_stats)->count++;
	cpu_unlock(&cpu_stats.lock);
	this_cpu_ptr_asm(&cpu_stats)->count++;	/* expect: unguarded-access */
}
