// SPDX-License-Identifier: GPL-2.0
/*
 * An initialisation scope (7.3's scoped_guard(raw_spinlock_init, ...) in
 * kernel/locking/mutex.c and rwsem.c): the guard class's constructor only
 * initialises the lock, and a prototype that a second macro makes
 * declares it __acquires(_T), while its definition names the parameter
 * otherwise ('l').  The function has one parameter, a pointer to a lock:
 * '_T', which names no global lock, is that parameter.  What the scope
 * writes is under the lock, also under Clang's contract (7.3's exported
 * __init_rwsem() was a false finding without it).  The scope ends at the
 * cleanup, __releases(*(raw_spinlock_t **)_T) of the lock whose address
 * is stored where its argument points: the lock is then as before the
 * scope, here as the caller left it (a lock guard's destructor, run
 * after its cleanup, unlocks; 7.3's rt_mutex_init_proxy_locked() holds
 * the lock by its contract across such a scope in a helper).  The
 * annotation, read when the macro is entered, waits for the function the
 * macro makes after the constructor.  Clang 23 (this code with its attributes) reports
 * box_clear and table_grow too; it does not follow this plain cleanup
 * variable to the lock (7.3's guards alias it for Clang), so it misses
 * box_setup_scoped's write after the scope.
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
/*
 * Its annotations: on a prototype that names the parameter _T, and on a
 * cleanup whose argument points to where the lock's address is kept.
 */
#define INIT_CLASS_ATTRS(_name, _acquire, _release)			\
static inline class_##_name##_t class_##_name##_constructor(lock_##_name##_t *_T) _acquire; \
static inline void class_##_name##_cleanup(class_##_name##_t **_T) _release { }

INIT_CLASS(box_init, struct mutex, (void)_T->lock)
INIT_CLASS_ATTRS(box_init, __acquires(_T), __releases(*(struct mutex **)_T))

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

/* The scope's end releases it (the cleanup, as the kernel's guard runs it). */
void box_setup_scoped(struct box *b)
{
	{
		class_box_init_t g = class_box_init_constructor(&b->lock),
			*unlock __attribute__((cleanup(class_box_init_cleanup))) =
				(void *)(unsigned long)&b->lock;

		b->val = 0;
		(void)g;
	}
	b->val = 1;				/* expect: unguarded-access */
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
