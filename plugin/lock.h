/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lock.h - what the lock tracker (lock.c) offers the lock rules
 * (lockrules.c): how a path holds the locks a statement needs, and the
 * function's requirements on its callers.
 */
#ifndef UECHECK_LOCK_H
#define UECHECK_LOCK_H

#include "engine.h"

/*
 * What a path knows of the lock or locks a statement needs: the global
 * lock, or the per-object locks of some objects.  How they may be held
 * (MASK, all together); where the first that may be free came to be so,
 * and where the first held for reading only came to be (the notes'
 * causes); the parameters whose objects' locks are as the caller left
 * them (PARAMS).
 */
struct lock_view {
	unsigned char mask;
	location_t free_loc, shared_loc;
	int free_why, shared_why;
	bool per_object;
	unsigned int params;
	vkey entry_base;	/* the first object of PARAMS, else of FOUND */
	/*
	 * An object the function found itself (loaded, returned by a call),
	 * whose lock this path has not touched: no caller can be asked for it.
	 */
	bool found;
};

/* The global lock L. */
struct lock_view lock_view_global(const struct astate *st, struct lockid l);
/*
 * The per-object locks of the objects CALL passes for the parameters in
 * OBJS; for those also in LOCKS the argument is the lock itself (&obj->lock).
 */
struct lock_view lock_view_args(struct astate *st, struct lockid l, gcall *call,
				unsigned int objs, unsigned int locks);
/* The lock that guards the access REF: the global, or obj's for obj->field. */
struct lock_view lock_view_access(struct astate *st, struct lockid l, tree ref);
/*
 * The body asserts L of an object that is no parameter (by a local's
 * name, which the walk does not bind to a value): what it knows of found
 * objects' locks is not enough to report them.
 */
bool lock_asserts_found_object(const struct ctx *c, struct lockid l);

/* The truth values a path knows of the function's parameters (by bit). */
struct param_cond {
	unsigned int known, nonzero;
};
struct param_cond lock_path_params(const struct astate *st);
/* No condition: wherever the function is called. */
static inline struct param_cond cond_everywhere(void)
{
	struct param_cond c = { 0, 0 };

	return c;
}
/*
 * A call of a callee whose requirement holds only for some values of its
 * parameters (req_if_known): false where this path passes values that
 * rule it out; else COND is the path's condition on the caller's own
 * parameters, with what the callee's needs of its arguments say of them.
 */
bool lock_call_condition(const struct astate *st, gcall *call, const struct lock_summary *ls,
			 struct param_cond *cond);

/*
 * Callers must hold the lock for the statement at LOC (final sweep only):
 * the global lock, or with a per-object lock that of the objects of the
 * parameters in OBJS; WRITE: held for writing.  FIELD: the guarded field
 * the statement accesses, if that is why.  VIA: the callee that needs it.
 * DIRECT: the function's own access needs it.  COND: only where the
 * parameters have these truth values (lock_path_params()).
 */
void lock_require(struct ctx *c, struct lockid l, enum requirement kind, location_t loc,
		  tree via, bool direct, unsigned int objs, bool write, tree field,
		  struct param_cond cond);
/*
 * Where the function being analysed takes the global lock L itself
 * (BASE 0: a call of the lock API on it, or of a helper of the file that
 * takes it, as a guard's constructor does), or the per-object lock of the
 * object with value BASE (a call of the lock API on it); else
 * UNKNOWN_LOCATION.  Asked only when a finding is worded: it reads the
 * whole body.
 */
location_t lock_taken_in_body(struct lockid l, vkey base);
/*
 * What a call does to lock L (lockahead.c): the global lock with BASE 0,
 * else the per-object lock of the object with value BASE.
 */
enum lock_effect {
	LOCK_UNTOUCHED,
	LOCK_TAKES,		/* takes it exclusively, on every way out */
	LOCK_TOUCHES,		/* anything else it may do to it */
};
enum lock_effect lock_call_effect(struct lockid l, gcall *call, vkey base);
/*
 * Where the function goes on to take lock L (the global with BASE 0, else
 * BASE's object's) on every path from just after STMT, before anything
 * else is done to it; else UNKNOWN_LOCATION (lockahead.c).  Annotated
 * locks only.
 */
location_t lock_taken_ahead(struct lockid l, gimple *stmt, vkey base);
/* A new walk of a function: what lock_taken_ahead() knew is stale. */
void lock_ahead_forget(void);
/*
 * The summary a callee without a body here gives its callers by its
 * declaration's __must_hold() of lock L, into D (lock parts
 * PARTS, MAX_LOCKS of them); false when it says none.
 */
bool lock_declared_summary(struct lockid l, tree fndecl, struct summary *d,
			   struct lock_summary *parts);
/*
 * A lock taken or dropped by a macro invocation of the file with its own
 * __acquire()/__release() alone (local_lock(), lockmacro.c): OP on the
 * lock of the object with value BASE, or of lock slot SLOT, just before
 * STMT; an attempt's (local_trylock()) where the value OUTCOME is known
 * non-zero.
 */
#define MAX_MACRO_TAKES 16
struct macro_take {
	gimple *stmt;
	vkey base;
	int slot;
	enum lock_op op;
	vkey outcome;
	location_t loc;
};
/* The current function's, of lock L, into OUT (at most MAX): how many. */
unsigned int lockmacro_takes(struct lockid l, struct macro_take *out, unsigned int max);
/* A rule reported at LOC: what LOC needs is not passed up (one cause, one finding). */
void lock_reported_here(struct ctx *c, struct lockid l, location_t loc);
/* End of the final sweep: pass up what was not reported here. */
void lock_settle_requirements(struct ctx *c, struct lockid l);

#endif /* UECHECK_LOCK_H */
