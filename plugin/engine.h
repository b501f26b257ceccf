/* SPDX-License-Identifier: GPL-2.0 */
/*
 * engine.h - what the dataflow engine (engine.c) shares with the rule
 * families that ride on it: lock.c (which locks are held) and ownership.c
 * (which references and fresh objects the function owns).
 *
 * The engine walks a function's CFG to a fixpoint, keeps path states,
 * decides branch conditions and PHI copies of plain values, and calls each
 * family at the same points, in a fixed order:
 *
 *   entry      the state on entry to the function
 *   operands   before a statement's own effect: what its operands read
 *              (guarded-field accesses, dereferences) under the state
 *   call       a call: ownership first, then the lock, which may fork the
 *              path (lock attempts, a callee's exit cases)
 *   assign     an assignment to a register (ownership)
 *   exit       a return statement, with what is known of the value returned
 *   fact       a branch made a value zero or non-zero
 *   phi        a PHI copies a value along an edge (ownership, and the
 *              lock of an object whose value it copies)
 *   edge       anything else taking an edge does (ownership: a shared
 *              return block)
 *   finish     the end of the final sweep: fill the function's summary
 *
 * Only the final sweep over stable states fills the summary and reports.
 */
#ifndef UECHECK_ENGINE_H
#define UECHECK_ENGINE_H

#include "uecheck.h"

#define MAX_ASSERTIONS 32
#define MAX_REQ_CANDIDATES 32
#define MAX_REPORTED 32
#define MAX_OPERANDS 8

/* A lockdep assertion of the body, placed on a statement (lock.c). */
struct anchor {
	const struct assertion *a;
	gimple *stmt;		/* the assertion takes effect just before it */
	bool unconditional;	/* its block is on every path through the body */
};

/* A requirement the final sweep met, before it is passed up (lock.c). */
struct req_candidate {
	location_t loc;
	tree via;
	unsigned char kind;	/* enum requirement */
	bool direct;
	unsigned int objs;	/* per-object lock: of these parameters' objects */
	bool write;		/* held for writing */
	tree field;		/* the guarded field accessed there, or NULL */
};

/* The lock family's view of the function being analysed. */
struct lock_walk {
	struct anchor anchors[MAX_ASSERTIONS];
	unsigned int nanchors;
	bool no_analysis;	/* __no_context_analysis: the body is not checked */
	bool every_path_known;	/* lock.c's every_path[] is this function's */
	bool ret_slot_set, ret_deref_set;
	/*
	 * One cause, one finding: what the final sweep would pass up to the
	 * callers, and where it reported a lock finding itself.  A requirement
	 * raised by a statement that is reported here on another path (or,
	 * in a function callable from outside, on this one) is not passed up.
	 */
	struct req_candidate reqs[MAX_REQ_CANDIDATES];
	unsigned int nreqs;
	location_t reported[MAX_REPORTED];
	unsigned int nreported;
};

/* The ownership family's view of it. */
struct own_walk {
	unsigned int not_consumed;	/* mm parameters still owned at an exit */
	unsigned int handed_on;	/* mm parameters stored somewhere by an exit */
	bool ret_rest_set;
	bool returns_owned_any, returns_unowned;
	bool returns_fresh_any, returns_not_fresh;
	int returns_kind;
};

struct ctx {
	struct summary *sum;
	bool final;		/* final sweep over stable states: fill the summary */
	bool emit;		/* ... and emit findings (summaries are final) */
	bool found;		/* the final sweep met a finding, emitted or not */
	struct sset **in;	/* per basic block */
	struct sset *scratch[2];	/* states between statements of a block */
	hash_map<gimple *, struct stmt_operands *> *operands;
	struct lock_walk lock;
	struct own_walk own;
};

/*
 * What a statement's operands contain, computed once per statement (it does
 * not depend on the path): accesses of the guarded field and pointers
 * dereferenced.
 */
struct stmt_operands {
	unsigned char naccess, nderef;
	tree access[MAX_OPERANDS];	/* COMPONENT_REFs of the guarded field */
	unsigned char access_writes;	/* bit i: access[i] is stored to */
	tree deref[MAX_OPERANDS];	/* SSA pointers under a MEM_REF */
	tree deref_in[MAX_OPERANDS];	/* the expression of each, if it has a location */
	tree outer;			/* the last expression with a location seen */
	bool address_is_access;		/* while walking: &field counts (operands_of) */
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

/* ---- services of the engine (engine.c) ---------------------------------- */

bool usable_loc(location_t loc);
const char *cur_fn(void);
const struct stmt_operands *operands_of(struct ctx *c, gimple *stmt);
location_t operand_location(tree t, gimple *stmt);
/* Forget what is known of the value a call defines (see engine.c). */
void forget_call_value(struct astate *st, gcall *call, tree lhs);
/* Every finding passes here before it is worded: false if not emitting. */
bool emitting(struct ctx *c);
/* The pointer an access goes through, if any: mm in mm->next. */
tree access_base_pointer(tree ref);

/* ---- the lock family (lock.c) ------------------------------------------- */

void lock_begin(struct ctx *c);
void lock_entry(struct ctx *c, struct astate *st);
void lock_operands(struct ctx *c, gimple *stmt, struct astate *st);
void lock_check_call(struct ctx *c, struct astate *st, const struct call_info *ci);
void lock_call(struct ctx *c, struct astate *st, const struct call_info *ci, struct sset *out);
void lock_exit(struct ctx *c, struct astate *st, const struct exit_info *ex);
void lock_phi(struct astate *st, vkey kr, vkey ka);
void lock_reset_summary(struct summary *s);
void lock_finish(struct ctx *c);

/* ---- the ownership family (ownership.c) --------------------------------- */

void own_entry(struct ctx *c, struct astate *st);
void own_operands(struct ctx *c, gimple *stmt, struct astate *st);
/* Applies the call's effect on ownership; false: the callee's value is unknown. */
bool own_call(struct ctx *c, struct astate *st, const struct call_info *ci);
void own_assign(struct ctx *c, struct astate *st, gimple *stmt);
void own_exit(struct ctx *c, struct astate *st, const struct exit_info *ex);
void own_fact(struct astate *st, vkey key, bool nonzero);
void own_phi(struct ctx *c, struct astate *st, tree res, vkey kr, vkey ka);
void own_edge(struct ctx *c, struct astate *st, edge e);
void own_reset_summary(struct summary *s);
void own_finish(struct ctx *c);

#endif /* UECHECK_ENGINE_H */
