// SPDX-License-Identifier: GPL-2.0
/*
 * A function whose name a macro makes (as 7.x's DEFINE_LOCK_GUARD_1()
 * makes a guard class's constructor): the text at its name is the macro's
 * call, whose arguments are no parameter list.  Its __acquires(_T), on a
 * prototype a second macro makes, names its first parameter: read with
 * the function's own parameter names, not as the word "_T" the call
 * passes second (which took the second parameter for the lock), nor as a
 * parameter the function does not have.
 */
/* uecheck-engines: gcc -- __guarded_by() and __acquires() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

/* Takes the first lock (for the analysis), looks at the second. */
#define MAKE_TAKE(_name, _first)					\
static inline void _name##_take(struct mutex *_T, struct mutex *other)	\
{									\
	(void)_first;							\
	(void)other;							\
}
#define TAKE_ATTRS(_name, _attr)					\
static inline void _name##_take(struct mutex *_T, struct mutex *other) _attr;

MAKE_TAKE(pair, _T)
TAKE_ATTRS(pair, __acquires(_T))

struct box {
	struct mutex lock;
	int val __guarded_by(&lock);
};

void box_move(struct box *to, struct box *from)
{
	pair_take(&to->lock, &from->lock);
	to->val = 1;
	from->val = 0;				/* expect: unguarded-access */
	mutex_unlock(&to->lock);
}
