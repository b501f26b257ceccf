// SPDX-License-Identifier: GPL-2.0
/*
 * 7.x's RCU is a token lock: token_context_lock(RCU, __reentrant_ctx_lock)
 * declares it, rcu_read_lock() holds it shared (__acquires_shared(RCU)),
 * __rcu_guarded data (__guarded_by(RCU)) is read through READ_ONCE() in
 * rcu_dereference() and written by rcu_assign_pointer(), which is
 * context_unsafe() in its own definition (issue 23, item 4).  Its holds
 * nest, and srcu_dereference() holds it for its own expansion only.
 * Declared here as 7.x's rcupdate.h and srcu.h declare them.  Clang 23,
 * on the same code with its attributes, reports the same two lines.
 */
/* uecheck-engines: gcc -- __guarded_by() and token_context_lock() are read through the preprocessor by the plugin */
/* uecheck-xfail[kernel]: declares 7.x's token locks with the stubs' context_lock_struct(), which 6.12 lacks; 7.3's own is seeded in its test_context-analysis.c (testcases/context/tca-rcu-deref-after-unlock.seed) */
#include <linux/compiler_types.h>

#define token_context_lock(name, ...)					\
	context_lock_struct(__ctx_lock_##name, ##__VA_ARGS__) {};	\
	extern const struct __ctx_lock_##name *name
#define token_context_lock_instance(ctx, name)				\
	extern const struct __ctx_lock_##ctx *name
#define __acquire_shared_ctx_lock(var)	do { } while (0)
#define __release_shared_ctx_lock(var)	do { } while (0)
#define __assume_shared_ctx_lock(var)	do { (void)(var); } while (0)

token_context_lock(RCU, __reentrant_ctx_lock);
token_context_lock_instance(RCU, RCU_BH);

extern void rcu_read_lock(void) __acquires_shared(RCU);
extern void rcu_read_unlock(void) __releases_shared(RCU);

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))
#define __rcu_guarded		__guarded_by(RCU)
#define rcu_dereference(p)	READ_ONCE(p)
#define rcu_assign_pointer(p, v) context_unsafe(WRITE_ONCE(p, v))
#define lockdep_assert_in_rcu_read_lock() __assume_shared_ctx_lock(RCU)
#define srcu_dereference(p)						\
({									\
	__acquire_shared_ctx_lock(RCU);					\
	__auto_type __v = READ_ONCE(p);					\
	__release_shared_ctx_lock(RCU);					\
	__v;								\
})

struct node {
	int key;
	struct node __rcu_guarded *next;
};

int node_next_key(struct node *n)
{
	int key;

	rcu_read_lock();
	key = rcu_dereference(n->next)->key;
	rcu_read_unlock();
	return key;
}

int node_next_key_after_unlock(struct node *n)
{
	rcu_read_lock();
	rcu_read_unlock();
	return rcu_dereference(n->next)->key;	/* expect: unguarded-access */
}

/* Holds nest: the inner release leaves the outer hold. */
int node_next_key_nested(struct node *n)
{
	int key;

	rcu_read_lock();
	rcu_read_lock();
	rcu_read_unlock();
	key = rcu_dereference(n->next)->key;
	rcu_read_unlock();
	return key;
}

/* A helper that takes and drops RCU leaves its caller's hold alone. */
static int node_peek(struct node *n)
{
	int key;

	rcu_read_lock();
	key = rcu_dereference(n->next) != 0;
	rcu_read_unlock();
	return key;
}

int node_peek_then_read(struct node *n)
{
	int key;

	rcu_read_lock();
	key = node_peek(n);
	key += rcu_dereference(n->next)->key;
	rcu_read_unlock();
	return key;
}

int node_next_key_asserted(struct node *n)
{
	lockdep_assert_in_rcu_read_lock();
	return rcu_dereference(n->next)->key;
}

/* srcu_dereference() holds RCU for its own read only. */
struct node *node_next_srcu(struct node *n)
{
	return srcu_dereference(n->next);
}

/* The sanctioned writer: rcu_assign_pointer() is context_unsafe(). */
void node_unlink(struct node *n)
{
	rcu_assign_pointer(n->next, 0);
}

/* A reader's hold is shared: writing needs more. */
void node_unlink_reader(struct node *n)
{
	rcu_read_lock();
	WRITE_ONCE(n->next, 0);			/* expect: unguarded-access */
	rcu_read_unlock();
}
