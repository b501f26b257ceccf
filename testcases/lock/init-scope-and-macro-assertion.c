// SPDX-License-Identifier: GPL-2.0
/*
 * Two places 7.3's test_context-analysis.c shows, in code Clang's
 * contract checks (issue 23, item 4):
 * - an initialisation scope of a lock type declared with
 *   context_lock_struct() (seqlock_t, local_lock_t: guard(seqlock_init)),
 *   whose constructor's __acquires(_T) names its one parameter, as for
 *   the rule set's lock types (guard-init-scope.c);
 * - a function a macro makes whole (TEST_SPINLOCK_COMMON()), where the
 *   assertion and every statement are at the macro's invocation: the
 *   macro's definition tells which comes first.
 * Clang 23 (this code with its attributes) reports the same two lines,
 * and that stats_setup() still holds the lock at its end (the scope has
 * no cleanup here; guard-init-scope.c has one).
 */
/* uecheck-engines: gcc -- __guarded_by() and context_lock_struct() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
/* uecheck-xfail[kernel]: declares a lock type with the stubs' context_lock_struct(), which 6.12 lacks */
#include <uecheck-test.h>

context_lock_struct(seqlock) {
	unsigned int seq;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};
typedef struct seqlock seqlock_t;

extern void write_seqlock(seqlock_t *sl) __acquires(sl);
extern void write_sequnlock(seqlock_t *sl) __releases(sl);

/* A guard class whose constructor initialises the lock (as cleanup.h's). */
typedef seqlock_t lock_seq_init_t;
typedef struct { seqlock_t *lock; } class_seq_init_t;
static inline class_seq_init_t class_seq_init_constructor(seqlock_t *l)
{
	class_seq_init_t _t = { .lock = l };

	_t.lock->seq = 0;
	return _t;
}
static inline class_seq_init_t class_seq_init_constructor(lock_seq_init_t *_T) __acquires(_T);

struct stats {
	seqlock_t sl;
	int hits __guarded_by(&sl);
};

void stats_setup(struct stats *s)
{
	class_seq_init_t g = class_seq_init_constructor(&s->sl);

	s->hits = 0;
	(void)g;
}

void stats_clear(struct stats *s)
{
	s->hits = 0;				/* expect: unguarded-access */
}

void stats_hit(struct stats *s)
{
	write_seqlock(&s->sl);
	s->hits++;
	write_sequnlock(&s->sl);
}

#define STATS_ASSERTED(name)						\
void name(struct stats *s)						\
{									\
	lockdep_assert_held(&s->sl);					\
	s->hits++;							\
}
#define STATS_ASSERTED_LATE(name)					\
void name(struct stats *s)						\
{									\
	s->hits++;							\
	lockdep_assert_held(&s->sl);					\
}

STATS_ASSERTED(stats_hit_asserted)
STATS_ASSERTED_LATE(stats_hit_asserted_late)	/* expect: unguarded-access */
