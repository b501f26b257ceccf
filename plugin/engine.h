/* SPDX-License-Identifier: GPL-2.0 */
/*
 * engine.h - what the dataflow engine (engine.c) shares with the checkers
 * that ride on it (checkers.def): lock.c (which locks are held, the lock
 * tracker), lockrules.c (the lock rules, which ask it) and ownership.c
 * (which references and fresh objects the function owns).
 *
 * The engine walks a function's CFG to a fixpoint, keeps path states,
 * decides branch conditions and PHI copies of plain values, and calls each
 * checker's hooks (struct checker, below) at the same points:
 *
 *   begin      a function's analysis starts
 *   entry      the state on entry to the function
 *   operands   before a statement's own effect: what its operands read
 *              (guarded-field accesses, dereferences) under the state
 *   check_call a call, against the state before it
 *   call       the call's effect on each checker's part of the state
 *   split_call the paths the call leads to (lock attempts, a callee's
 *              exit cases)
 *   assign     an assignment
 *   exit       a return statement, with what is known of the value returned
 *   fact       a branch made a value zero or non-zero
 *   phi        a PHI copies a value along an edge
 *   edge       anything else taking an edge does (ownership: a shared
 *              return block)
 *   finish     the end of the final sweep: fill the function's summary
 *
 * and, for its part of a path state, path_equal, path_join and
 * path_closeness: when a program point has more paths than it keeps, the
 * engine joins the closest.
 *
 * Only the final sweep over stable states fills the summary and reports.
 * The engine names no checker: adding one is its file and a line of
 * checkers.def, from which this header builds the table.
 */
#ifndef UECHECK_ENGINE_H
#define UECHECK_ENGINE_H

#include "uecheck.h"

/* CHECKER_lock, ...: a checker's index, for its walk blob. */
enum checker_id {
#define CHECKER(name) CHECKER_##name,
#include "checkers.def"
#undef CHECKER
	CHECKER_COUNT
};

/*
 * What a statement's operands contain, computed once per statement (it does
 * not depend on the path, nor on the lock): accesses of guarded data, of
 * every lock of the unit, and pointers dereferenced.  As many as the
 * statement has: a call can take the addresses of any number of them.
 */
struct operand_access {
	tree ref;			/* a COMPONENT_REF of a guarded field, a global */
	unsigned int locks;		/* whose data (tracked.c: a bit per lock) */
	bool write;			/* stored to */
	/*
	 * Inside an address only taken (&p->field), not passed to a
	 * function.  An access for the rule set's guard (docs/rules.md); for
	 * an annotated lock, as in Clang's context analysis
	 * (-Wthread-safety-pointer), only when the address is passed to a
	 * function: kept in a local, it is what the atomics do lock-free on
	 * purpose (try_cmpxchg(&lock->owner, ...) in rtmutex.c).
	 */
	bool by_address;
	/*
	 * The locks of one __guarded_by() that names several (any one
	 * suffices to read), when the walk tracks them all; else 0.
	 */
	unsigned int any_of;
	/*
	 * Passed to a function: the call, and the argument whose address it
	 * is in (ARG, -1 for none); directly (f(&x)), or through the
	 * compiler's temporary (_1 = &p->list; f(_1)).
	 */
	gcall *call;
	signed char arg;
};

struct operand_deref {
	tree ptr;			/* an SSA pointer under a MEM_REF */
	tree in;			/* the expression holding it, if it has a location */
};

struct stmt_operands {
	unsigned int naccess, nderef;
	const struct operand_access *access;
	const struct operand_deref *deref;
};

/* A call as the families see it: what the callee is to each rule. */
struct call_info {
	gcall *call;
	tree fndecl, lhs;
	vkey key;			/* of lhs, or 0 */
	const struct lock_api *lock_api;	/* a lock operation (with its argument) */
	enum ref_op ref_op;		/* the reference API */
	bool allocator;
	struct summary *callee;		/* a summary that applies, or NULL */
	struct summary *ref_api_sum;	/* the reference API defined here, or NULL */
};

/* What is known of the value a return statement returns. */
struct exit_info {
	greturn *ret;
	tree val;			/* or NULL */
	int ret_nonzero;		/* -1 unknown, 0 zero, 1 non-zero */
	location_t loc;			/* where the path leaves */
};

struct ctx {
	struct summary *sum;
	bool final;		/* final sweep over stable states: the summary, findings */
	struct sset **in;	/* per basic block */
	struct sset *scratch[2];	/* states between statements of a block */
	struct sset *split[2];		/* ... between the locks of a call (lock.c) */
	/* The last statement asked of (each path and checker asks in turn). */
	gimple *last_stmt;
	const struct stmt_operands *last_ops;
	void *walk[CHECKER_COUNT];	/* each checker's own, by its index */
	/*
	 * The call asked of last as each other lock sees it (call_of_lock()):
	 * the same for every path, which the engine steps one after another.
	 * Last: analyse_function() clears what comes before.
	 */
	gcall *calls_of;
	unsigned int calls_known;	/* a bit per lock */
	struct call_info calls[MAX_LOCKS];
};

/* A part's closeness when two paths agree on what its findings depend on. */
#define PATH_AGREE 1000

/* ---- services of the engine (engine.c) ---------------------------------- */

/* A location that names a line of a file (not unknown, not <built-in>);
   inline: the walk asks it of every statement. */
static inline bool usable_loc(location_t loc)
{
	return LOCATION_LOCUS(loc) > BUILTINS_LOCATION;
}
const char *cur_fn(void);
/*
 * CI (the call as the engine classified it, for the walk's first lock) as
 * lock L sees it: whether the callee is of its lock API (an __acquires()
 * names one lock), the reference API (the rule set's lock only), a
 * summary.
 */
const struct call_info *call_of_lock(struct ctx *c, const struct call_info *ci,
				     struct lockid l);
const struct stmt_operands *operands_of(struct ctx *c, gimple *stmt);
/* The unit's analysis is over: forget every statement's operands. */
void operands_forget(void);
location_t operand_location(tree t, gimple *stmt);
/* Forget what is known of the value a call defines (see engine.c). */
void forget_call_value(struct astate *st, gcall *call, tree lhs);
/* A checker's finding: handed to the reporter by the final sweep only. */
void report(struct ctx *c, const struct finding *f);
/* The pointer an access goes through, if any: mm in mm->next. */
tree access_base_pointer(tree ref);

/* ---- the checkers (checkers.def) ----------------------------------------- */

/*
 * A checker rides on the walk: the engine calls each one's hooks, in the
 * order of checkers.def on the way in (entry, operands, calls, PHIs,
 * edges) and in the reverse order on the way out (exit, finish), as
 * scopes unwind.  A hook left NULL is not called.  A checker keeps what
 * it learns about one function in its walk blob (WALK_SIZE bytes on the
 * engine's stack, which its begin hook sets up), and what it learns about
 * a path in the path state.
 */
struct checker {
	const char *name;
	size_t walk_size;
	/* A function's analysis starts (once, before the fixpoint): set up
	   the walk blob (not zeroed: a checker with one has this hook). */
	void (*begin)(struct ctx *c);
	/* The state on entry to the function. */
	void (*entry)(struct ctx *c, struct astate *st);
	/* Before a statement's own effect: what its operands read. */
	void (*operands)(struct ctx *c, gimple *stmt, struct astate *st);
	/* A call, before any checker applies its effect. */
	void (*check_call)(struct ctx *c, struct astate *st, const struct call_info *ci);
	/* Its effect; true: this checker decides the value the call returns
	   (when none does, what was known of it is forgotten). */
	bool (*call)(struct ctx *c, struct astate *st, const struct call_info *ci);
	/* Then the paths it leads to, added to OUT (lock attempts, a callee's
	   exit cases).  One checker at most has this hook; without one the
	   path goes on as one. */
	void (*split_call)(struct ctx *c, struct astate *st, const struct call_info *ci,
			   struct sset *out);
	/* An assignment. */
	void (*assign)(struct ctx *c, struct astate *st, gimple *stmt);
	/* A return statement, with what is known of the value returned. */
	void (*exit)(struct ctx *c, struct astate *st, const struct exit_info *ex);
	/* A branch made KEY zero or non-zero. */
	void (*fact)(struct ctx *c, struct astate *st, vkey key, bool nonzero);
	/* A PHI copies the value KA to RES (KR) along an edge. */
	void (*phi)(struct ctx *c, struct astate *st, tree res, vkey kr, vkey ka);
	/* Anything else taking edge E does. */
	void (*edge)(struct ctx *c, struct astate *st, edge e);
	/* Its part of a path state (struct astate: lk, own): the same in A
	   and B; FROM joined into INTO (the least that covers both); how
	   much A and B have alike (a full set joins the closest). */
	bool (*path_equal)(const struct astate *a, const struct astate *b);
	void (*path_join)(struct astate *into, const struct astate *from);
	int (*path_closeness)(const struct astate *a, const struct astate *b);
	/* (PATH_AGREE or more from a part: the two paths agree on what its
	   findings depend on; the rest of a score is far below it.) */
	/* Clear its part of a summary (struct summary: lock, own, writes). */
	void (*reset_summary)(struct summary *s);
	/* Its parts of two summaries say the same to the callers' analysis:
	   false makes the fixpoint analyse the callers again. */
	bool (*summary_equal)(const struct summary *a, const struct summary *b);
	/* UECHECK_DEBUG=1: its part of a summary, as " name=value" words,
	   as lock L's dump shows it (a checker of no lock ignores L). */
	void (*summary_dump)(const struct summary *s, struct lockid l, FILE *out);
	/* The end of the final sweep: fill the summary, report what is due. */
	void (*finish)(struct ctx *c);
};

/* Each defined by its own file (declared here: a const has no linkage in C++). */
#define CHECKER(name) extern const struct checker name##_checker;
#include "checkers.def"
#undef CHECKER

/*
 * The table, in every file that loops over it: its size and entries are
 * known where the engine compiles its loops, which it then unrolls.
 */
static const struct checker *const checkers[CHECKER_COUNT] = {
#define CHECKER(name) &name##_checker,
#include "checkers.def"
#undef CHECKER
};

/* The walk blob of checker ID, typed by the checker that owns it. */
#define CHECKER_WALK(c, id, type) ((type *)(c)->walk[CHECKER_##id])

#endif /* UECHECK_ENGINE_H */
