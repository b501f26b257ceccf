// SPDX-License-Identifier: GPL-2.0
/*
 * An initialisation scope (7.3's scoped_guard(raw_spinlock_init, ...) in
 * kernel/locking/mutex.c and rwsem.c): the guard class's constructor only
 * initialises the lock, and a prototype that a second macro makes
 * declares it __acquires(_T), while its definition names the parameter
 * otherwise ('l').  The function has one parameter, a pointer to a lock:
 * '_T', which names no global lock, is that parameter.  What the scope
 * writes is under the lock, also under Clang's contract (7.3's exported
 * __init_rwsem() was a false finding without it).
 */
/* uecheck-engines: gcc -- __guarded_by() and __acquires() are read through the preprocessor by the plugin */
/* uecheck-options: contract=clang */
#include <uecheck-test.h>

/* A guard class whose constructor initialises the lock. */
#define INIT_CLASS(_name, _type, _init)					\
typedef _type lock_##_name##_t;						\
typedef struct { _type *lock; } class_##_name##_t;			\
static inline class_##_name##_t class_##_name##_constructor(_type *l)	\
{									\
	class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
	_init;								\
	return _t;							\
}
/* Its annotation, on a prototype that names the parameter _T. */
#define INIT_CLASS_ATTRS(_name, _acquire)				\
static inline class_##_name##_t class_##_name##_constructor(lock_##_name##_t *_T) _acquire;

INIT_CLASS(box_init, struct mutex, (void)_T->lock)
INIT_CLASS_ATTRS(box_init, __acquires(_T))

extern struct mutex table_lock;
/* A one-parameter function that takes a global lock is not misread. */
void table_lock_for(struct mutex *unused) __acquires(&table_lock);

struct box {
	struct mutex lock;
	int val __guarded_by(&lock);
};

static int table_size __guarded_by(&table_lock);

void box_setup(struct box *b)
{
	class_box_init_t g = class_box_init_constructor(&b->lock);

	b->val = 0;
	(void)g;
}

void box_clear(struct box *b)
{
	b->val = 0;				/* expect: unguarded-access */
}

int table_grow(struct box *b)
{
	int n;

	table_lock_for(&b->lock);
	n = ++table_size;
	b->val = n;				/* expect: unguarded-access */
	mutex_unlock(&table_lock);
	return n;
}
