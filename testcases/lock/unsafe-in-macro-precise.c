// SPDX-License-Identifier: GPL-2.0
/*
 * context_unsafe() written in a macro's definition turns the analysis off
 * for what it wraps, not for the whole invocation of that macro: 7.3's
 * rcu_assign_pointer(p, v) evaluates v before its context_unsafe() write,
 * and a macro that makes a whole function may use context_unsafe() for
 * one statement of it.  GCC places every part of an expansion at the
 * invocation, so the plugin follows each access's chain of macro
 * expansions to see whether context_unsafe() is one of them.  Clang 23,
 * on the same code with its attributes, reports the same two lines (and
 * not box_publish()'s read of y->b with x->lock held: in C it reads a
 * member's __guarded_by(&lock) as any box's lock).
 */
/* uecheck-engines: gcc -- __guarded_by() and context_unsafe() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

#define publish(p, v)						\
do {								\
	__typeof__(v) __v = (v);				\
	context_unsafe(WRITE_ONCE(p, __v));			\
} while (0)

struct box {
	spinlock_t lock;
	int a __guarded_by(&lock);
	int b __guarded_by(&lock);
};

/* The write is context_unsafe(), the value it writes is read before. */
void box_publish(struct box *x, struct box *y)
{
	publish(x->a, y->b);			/* expect: unguarded-access */
}

void box_publish_locked(struct box *x)
{
	spin_lock(&x->lock);
	publish(x->a, x->b);
	spin_unlock(&x->lock);
}

void box_publish_unlocked(struct box *x, int v)
{
	publish(x->a, v);
}

/* A macro that makes a whole function, one statement of it context_unsafe(). */
#define DEFINE_BOX_GETTER(name)					\
int name(struct box *x)						\
{								\
	int v = x->a;						\
								\
	context_unsafe(v += x->b);				\
	return v;						\
}

DEFINE_BOX_GETTER(box_get)			/* expect: unguarded-access */
