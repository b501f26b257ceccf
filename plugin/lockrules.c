// SPDX-License-Identifier: GPL-2.0
/*
 * lockrules.c - the lock rules: unguarded-access, lock-required,
 * lock-held, missing-assertion.
 *
 * Each access of guarded data and each call of a function that needs the
 * lock, or must be called without it, is checked against what the lock
 * tracker (lock.c, lock.h) says the path holds: a finding where the lock
 * may be free (or held for reading only, for a write; or held, for a
 * callee that excludes it); where it is as the caller left it, a
 * requirement the tracker passes up to the callers.  None in a function
 * that is __no_context_analysis, or for a statement written inside
 * context_unsafe(): the developer said the analysis cannot follow it, so
 * its lock effects are applied (by the tracker) but nothing is checked or
 * passed up.
 *
 * The rules also learn which parameters a function writes through
 * (struct writes_summary): guarded data whose address is handed to it
 * there is written by the call.
 */
#include "engine.h"
#include "lock.h"

/* What the rules keep about the function being analysed, per lock. */
struct lock_rules_lock {
	bool no_analysis;	/* __no_context_analysis: the body is not checked */
	bool every_path_known;	/* every_path[] is this function's */
};

/* Their walk blob: the parameters written through (final sweep), each lock's part. */
struct lock_rules_walk {
	struct writes_summary writes;
	/* The statement and call last looked at for them: once, not once per path. */
	gimple *store_seen, *call_seen;
	struct lock_rules_lock lock[MAX_LOCKS];
};

static struct lock_rules_walk *rules_walk(const struct ctx *c)
{
	return CHECKER_WALK(c, lock_rules, struct lock_rules_walk);
}

/* Lock L's part, by its index. */
static struct lock_rules_lock *walk_of(const struct ctx *c, struct lockid l)
{
	return &rules_walk(c)->lock[l.index];
}

/* ---- findings: which lock, why it may be free, why it is needed --------- */

/* A finding about lock L, which it names. */
static void lock_finding(struct finding *f, struct lockid l, enum finding_kind kind,
			 location_t loc, const char *name)
{
	finding_init(f, kind, loc, name);
	f->lock = tracked_lock_name(l);
	f->lock_index = l.index;
}

static void note_free_at(struct finding *f, location_t loc, int why)
{
	if (loc != UNKNOWN_LOCATION && why <= SHARED_BY_ANNOTATION)
		finding_note(f, NOTE_LOCK_FREE, loc, NULL, why);
}

/*
 * Callable from outside, and the lock (the global, or BASE's) as the
 * caller left it on this path: the function "neither takes nor asserts"
 * it, or it takes it elsewhere, not on this path (the note is then where
 * it takes it).
 */
/* Why the function being analysed can be called from outside this file. */
static enum note_kind exposed_why(void)
{
	cgraph_node *node = cgraph_node::get(current_function_decl);

	if (TREE_PUBLIC(current_function_decl))
		return NOTE_EXPOSED_EXTERNAL;
	if (DECL_PRESERVE_P(current_function_decl) && !(node && node->address_taken))
		return NOTE_EXPOSED_USED;
	return NOTE_EXPOSED_ADDRESS;
}

static void note_exposed(struct finding *f, struct lockid l, vkey base)
{
	location_t taken = lock_taken_in_body(l, base);

	finding_note(f, exposed_why(),
		     taken != UNKNOWN_LOCATION ? taken : DECL_SOURCE_LOCATION(current_function_decl),
		     cur_fn(), taken != UNKNOWN_LOCATION);
}

static void note_callee_requirement(struct finding *f, struct lockid l, const struct summary *s)
{
	const char *g = fn_name(s->decl);
	const struct lock_summary *ls = lock_summary_of(s, l);

	if (ls->req_via)
		finding_note2(f, NOTE_NEEDS_VIA, ls->req_loc, g, fn_name(ls->req_via));
	else if (ls->req_by_annotation)
		finding_note(f, ls->req_locks ? NOTE_ANNOTATED_PASSED : NOTE_ANNOTATED, ls->req_loc,
			     g, 0);
	else if (ls->req == REQ_ASSERTED)
		finding_note(f, NOTE_ASSERTS, ls->req_loc, g, 0);
	else
		finding_note_field(f, NOTE_ACCESSES, ls->req_loc, g, ls->req_field);
}

/* Why a callee needs the lock held for writing. */
static void note_callee_write(struct finding *f, struct lockid l, const struct summary *s)
{
	const char *g = fn_name(s->decl);
	const struct lock_summary *ls = lock_summary_of(s, l);

	if (ls->req_write_via)
		finding_note2(f, NOTE_NEEDS_VIA, ls->req_write_loc, g, fn_name(ls->req_write_via));
	else if (ls->req_write_field)
		finding_note_field(f, NOTE_WRITES, ls->req_write_loc, g, ls->req_write_field);
	else	/* lockdep_assert_held_write() */
		finding_note(f, NOTE_ASSERTS_WRITE, ls->req_write_loc, g, 0);
}

/* The fix for a write of FIELD under a lock held for reading. */
static void note_take_for_writing(struct finding *f, struct lockid l, location_t loc, tree field)
{
	const char *api = rules_lock_write_api_name(l);

	if (api)
		finding_note_field(f, NOTE_TAKE_FOR_WRITING, loc, api, field);
}

/*
 * The field written where the lock may be held for reading only (the
 * cause: where it was taken so, CAUSE_LOC/WHY); by WRITER, when the
 * function the call at LOC hands its address to writes through it (its
 * argument ARG).
 */
static void report_write_shared(struct ctx *c, struct lockid l, location_t loc, tree field,
				location_t cause_loc, int cause_why,
				const struct summary *writer, int arg)
{
	struct finding f;

	lock_reported_here(c, l, loc);
	lock_finding(&f, l, FINDING_WRITE_SHARED, loc, NULL);
	f.field = field;
	note_free_at(&f, cause_loc, cause_why);
	if (writer)
		finding_note_field(&f, NOTE_WRITES_THROUGH, writer->writes.loc[arg],
				   fn_name(writer->decl), field);
	note_take_for_writing(&f, l, loc, field);
	report(c, &f);
}

/* A callee that writes the field, called where the lock may be held for reading only. */
static void report_needs_exclusive(struct ctx *c, struct lockid l, location_t loc,
				   const struct summary *s, location_t cause_loc, int cause_why)
{
	struct finding f;

	lock_reported_here(c, l, loc);
	lock_finding(&f, l, FINDING_LOCK_REQUIRED_EXCLUSIVE, loc, fn_name(s->decl));
	note_free_at(&f, cause_loc, cause_why);
	note_callee_write(&f, l, s);
	report(c, &f);
}

/* ---- where the developer turned the analysis off ------------------------- */

static bool unchecked_at(const struct ctx *c, struct lockid l, location_t loc)
{
	return walk_of(c, l)->no_analysis || annotations_in_context_unsafe(loc) ||
	       tracked_held_in_expansion(l, loc);
}

/* ---- accesses of the guarded field -------------------------------------- */

/*
 * The function the access's address is handed to, when it writes through
 * that argument (its summary says so): the call writes the data.
 */
static const struct summary *writer_of(const struct operand_access *a)
{
	tree fndecl = a->call ? gimple_call_fndecl(a->call) : NULL_TREE;
	const struct summary *s = fndecl ? summary_of(fndecl) : NULL;

	if (!s || !s->ready || a->arg < 0 || a->arg >= MAX_LOCK_PARAMS)
		return NULL;
	return (s->writes.params & (1u << a->arg)) ? s : NULL;
}

/* Private objects: just allocated and not yet published, or a plain local. */
static bool access_is_private(const struct astate *st, tree ref)
{
	tree base, ptr = access_base_pointer(ref);

	if (TREE_CODE(ref) != COMPONENT_REF)
		return false;	/* a global is everyone's */
	base = TREE_OPERAND(ref, 0);
	while (TREE_CODE(base) == COMPONENT_REF || TREE_CODE(base) == ARRAY_REF)
		base = TREE_OPERAND(base, 0);
	if (TREE_CODE(base) == VAR_DECL && !is_global_var(base) && !TREE_ADDRESSABLE(base))
		return true;
	return ptr && fresh_has(st, value_key(ptr));
}

/*
 * A static function that goes on to take the lock on every path from
 * STMT (the global, or the one object's whose lock STMT needs) was not
 * called with it (lockahead.c): where the view says "as the caller left
 * it", the lock is free, noted at the take.  What STMT needs is then a
 * finding, or for a helper no caller holds the lock for, the helper's
 * own (callers.c), not a requirement passed to callers that
 * could not have met it.  (A function callable from outside is reported
 * anyway, with its own note.)
 */
static void taken_ahead(const struct ctx *c, struct lockid l, gimple *stmt, struct lock_view *v)
{
	location_t take;

	if (c->sum->exposed || v->mask != LK_ENTRY ||
	    (v->per_object && (v->found || (v->params & (v->params - 1)))))
		return;
	take = lock_taken_ahead(l, stmt, v->per_object ? v->entry_base : 0);
	if (take == UNKNOWN_LOCATION)
		return;
	v->mask = LK_FREE;
	v->free_loc = take;
	v->free_why = FREE_BY_TAKEN_AHEAD;
}

/*
 * A function callable from outside, with the lock of V as its caller left
 * it, that does not assert it unconditionally or declare it: it owes the
 * lock itself (a finding here) for the global lock, and under Clang's
 * contract (ue_cfg.clang_contract) for a per-object lock too.  Otherwise
 * its callers are trusted to hold a per-object lock, as they mostly do
 * (docs/rulesets.md).
 */
static bool owes_lock(const struct ctx *c, struct lockid l, const struct lock_view *v)
{
	return c->sum->exposed && !lock_summary_of(c->sum, l)->contract &&
	       (!v->per_object || ue_cfg.clang_contract);
}

/*
 * Under Clang's contract, a function callable from outside owes the lock
 * of an object it found itself too (v->found): as in Clang, only an
 * annotation could say its callers hold it.  Not where the body asserts
 * the lock of such an object, nor where an annotation names a lock
 * through a pointer it loads (&p->q->lock): the walk cannot tell which.
 */
static bool owes_found_lock(const struct ctx *c, struct lockid l, const struct lock_view *v)
{
	return v->found && owes_lock(c, l, v) && !lock_asserts_found_object(c, l) &&
	       !annotations_unresolved_lock(current_function_decl);
}

/*
 * What V leaves to settle once the lock is not free nor shared: the
 * callers' requirement (the global lock, or parameters' objects: true),
 * a found object's lock the function owes (true), or nothing (false).
 */
static bool left_to_callers_or_owed(const struct ctx *c, struct lockid l,
				    const struct lock_view *v)
{
	return v->per_object && !v->params ? owes_found_lock(c, l, v) :
	       (v->mask & LK_ENTRY) != 0;
}

/*
 * An access of guarded data (REF) under its lock: the global lock, or
 * obj's own for obj->field.  A lock that may be as the caller left it is
 * the callers' to hold (a requirement), and the finding of a function
 * that owes it (owes_lock()).
 */
static void check_access(struct ctx *c, struct lockid l, struct astate *st, gimple *stmt,
			 const struct operand_access *a, location_t loc)
{
	tree ref = a->ref, field = rules_guarded_decl(ref);
	const struct summary *writer = writer_of(a);
	bool write = a->write || writer;
	struct lock_view v;
	struct finding f;

	if (access_is_private(st, ref) || unchecked_at(c, l, loc))
		return;
	v = lock_view_access(st, l, ref);
	taken_ahead(c, l, stmt, &v);
	if (v.mask & LK_FREE) {
		lock_reported_here(c, l, loc);
		lock_finding(&f, l, FINDING_UNGUARDED_ACCESS, loc, NULL);
		f.field = field;
		note_free_at(&f, v.free_loc, v.free_why);
		report(c, &f);
		return;
	}
	if (write && (v.mask & LK_SHARED)) {
		report_write_shared(c, l, loc, field, v.shared_loc, v.shared_why, writer, a->arg);
		return;
	}
	if (!left_to_callers_or_owed(c, l, &v))
		return;
	if (!v.per_object || v.params)
		lock_require(c, l, REQ_UNASSERTED, loc, NULL, true, v.params, write, field,
			     lock_path_params(st));
	if (owes_lock(c, l, &v)) {
		lock_reported_here(c, l, loc);
		lock_finding(&f, l, FINDING_UNGUARDED_ACCESS, loc, NULL);
		f.field = field;
		note_exposed(&f, l, v.entry_base);
		report(c, &f);
	}
}

/*
 * A read of data several locks guard (__guarded_by(&a, &b): any one
 * suffices to read, as in Clang): a finding where every one may be free,
 * named by the first, with a note for each other; nothing where one is
 * held; where one only is as the caller left it, the callers' to hold,
 * as one lock's (check_access()).  Where several are, the callers could
 * hold any of them: no requirement says so, and nothing is passed up.
 */
static void check_read_any(struct ctx *c, struct astate *st, gimple *stmt,
			   const struct operand_access *a, location_t loc)
{
	struct lockid first = { MAX_LOCKS, 0 }, entry = { MAX_LOCKS, 0 };
	struct lock_view v0 = {};	/* the first lock's, once there is one */
	unsigned int nentry = 0;
	struct finding f;

	if (access_is_private(st, a->ref))
		return;
	FOR_EACH_LOCK(l) {
		struct lock_view v;

		if (!(a->any_of & (1u << l.index)))
			continue;
		if (unchecked_at(c, l, loc))
			return;
		v = lock_view_access(st, l, a->ref);
		taken_ahead(c, l, stmt, &v);
		if (!(v.mask & (LK_FREE | LK_ENTRY)))
			return;		/* held (or nothing known): enough to read */
		if (!(v.mask & LK_FREE)) {
			entry = l;
			nentry++;
		}
		if (first.index == MAX_LOCKS) {
			first = l;
			v0 = v;
		}
	}
	if (nentry == 1) {
		check_access(c, entry, st, stmt, a, loc);
		return;
	}
	if (nentry || first.index == MAX_LOCKS)
		return;
	lock_reported_here(c, first, loc);
	lock_finding(&f, first, FINDING_UNGUARDED_ACCESS, loc, NULL);
	f.field = rules_guarded_decl(a->ref);
	note_free_at(&f, v0.free_loc, v0.free_why);
	FOR_EACH_LOCK(l)
		if ((a->any_of & (1u << l.index)) && l.index != first.index)
			finding_note_field(&f, NOTE_OR_LOCK, loc, tracked_lock_name(l), f.field);
	report(c, &f);
}

/* ---- calls -------------------------------------------------------------- */

/*
 * Blocks on every path through the body (they post-dominate its first),
 * by index: where a call binds the callers as an unconditional assertion
 * does.  Found when the final sweep first asks, for this function.
 */
static bool *every_path;
static int every_path_len;

static void find_every_path_blocks(void)
{
	bool had_postdom = dom_info_available_p(CDI_POST_DOMINATORS);
	basic_block first = single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(cfun)) ?
			    single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun)) : NULL;
	basic_block bb;

	if (every_path_len < last_basic_block_for_fn(cfun)) {
		every_path_len = last_basic_block_for_fn(cfun);
		every_path = XRESIZEVEC(bool, every_path, every_path_len);
	}
	memset(every_path, 0, every_path_len * sizeof(*every_path));
	if (!had_postdom)
		calculate_dominance_info(CDI_POST_DOMINATORS);
	FOR_EACH_BB_FN(bb, cfun)
		every_path[bb->index] = first && dominated_by_p(CDI_POST_DOMINATORS, first, bb);
	if (!had_postdom)
		free_dominance_info(CDI_POST_DOMINATORS);
}

static bool on_every_path(struct ctx *c, struct lockid l, basic_block bb)
{
	if (!walk_of(c, l)->every_path_known) {
		find_every_path_blocks();
		walk_of(c, l)->every_path_known = true;
	}
	return bb && bb->index < every_path_len && every_path[bb->index];
}

/* CALL passes the global lock L for one of the parameters in LOCKS. */
static bool passes_global(struct lockid l, gcall *call, unsigned int locks)
{
	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_PARAM_MASK; i++)
		if ((locks & (1u << i)) && lock_slot_of(l, gimple_call_arg(call, i)) == SLOT_GLOBAL)
			return true;
	return false;
}

/*
 * A callee that needs a lock: a finding where it may be free (or, for a
 * write, held for reading only); where it is as the caller left it, a
 * requirement, and the finding of a function that owes the lock
 * (owes_lock()) when the callee's need is not backed by an assertion.
 */
static void check_callee_requirement(struct ctx *c, struct lockid l, struct astate *st,
				     gcall *call, const struct summary *s)
{
	const struct lock_summary *ls = lock_summary_of(s, l);
	location_t loc = gimple_location(call);
	bool write = ls->req_write_loc != UNKNOWN_LOCATION;
	struct param_cond cond;
	struct lock_view v;
	struct finding f;

	/* (Not where the call rules out the callee's paths that need it.) */
	if (ls->req == REQ_NONE || unchecked_at(c, l, loc) ||
	    !lock_call_condition(st, call, ls, &cond))
		return;
	if (!tracked_per_object(l) && ls->req_locks && !ls->req_itself &&
	    !passes_global(l, call, ls->req_locks))
		return;		/* it needs the lock it is given: another */
	v = tracked_per_object(l) ? lock_view_args(st, l, call, ls->req_objs, ls->req_locks) :
				    lock_view_global(st, l);
	taken_ahead(c, l, call, &v);
	/*
	 * (Of the callees analysed here: a declared need is no helper's.  An
	 * object found here, or none the walk knows, may be held by means it
	 * does not see.)
	 */
	if (c->final && summary_of(s->decl) == s)
		callers_record(l, current_function_decl, s,
			       v.found || !v.mask ? v.mask | LK_HELD : v.mask, loc);
	if (v.mask & LK_FREE) {
		lock_reported_here(c, l, loc);
		lock_finding(&f, l, FINDING_LOCK_REQUIRED, loc, fn_name(s->decl));
		note_free_at(&f, v.free_loc, v.free_why);
		note_callee_requirement(&f, l, s);
		report(c, &f);
		return;
	}
	if (write && (v.mask & LK_SHARED)) {
		report_needs_exclusive(c, l, loc, s, v.shared_loc, v.shared_why);
		return;
	}
	if (!left_to_callers_or_owed(c, l, &v))
		return;
	if (!v.per_object || v.params)
		lock_require(c, l, ls->req, loc, s->decl, false, v.params, write, NULL_TREE,
			     cond);
	if (owes_lock(c, l, &v) && ls->req == REQ_UNASSERTED) {
		lock_reported_here(c, l, loc);
		lock_finding(&f, l, FINDING_LOCK_REQUIRED, loc, fn_name(s->decl));
		note_exposed(&f, l, v.entry_base);
		note_callee_requirement(&f, l, s);
		report(c, &f);
	}
}

/* Why CALLEE must be called without the lock: the cause at LOC. */
struct exclusion {
	tree callee;
	location_t loc;
	tree via;		/* a callee of its own that must be, or NULL */
	bool by_annotation;	/* __must_not_hold(), else an assertion */
};

static void note_callee_exclusion(struct finding *f, const struct exclusion *x)
{
	const char *g = fn_name(x->callee);

	if (x->via)
		finding_note2(f, NOTE_EXCL_VIA, x->loc, g, fn_name(x->via));
	else
		finding_note(f, x->by_annotation ? NOTE_EXCL_ANNOTATED : NOTE_ASSERTS_NOT_HELD,
			     x->loc, g, 0);
}

/* What the callee says of the lock being held: its summary, or its prototype. */
static bool callee_exclusion(struct lockid l, const struct call_info *ci, const struct summary *s,
			     struct exclusion *x)
{
	x->callee = ci->fndecl;
	x->via = NULL_TREE;
	x->by_annotation = true;
	if (s) {
		x->loc = lock_summary_of(s, l)->excl_loc;
		x->via = lock_summary_of(s, l)->excl_via;
		x->by_annotation = lock_summary_of(s, l)->excl_by_annotation;
		return x->loc != UNKNOWN_LOCATION;
	}
	return ci->fndecl && tracked_must_not_hold(l, ci->fndecl, &x->loc);
}

/*
 * How the locks a callee must be called without may be held: the global
 * lock (its summary or its prototype say so: X), or, annotated
 * __must_not_hold(&p->lock) with p a parameter (by its summary, or its
 * prototype's), the per-object locks of the objects passed for such
 * parameters.  0: the callee says nothing.
 */
static unsigned char excluded_mask(struct astate *st, struct lockid l, const struct call_info *ci,
				   const struct summary *s, struct exclusion *x)
{
	const struct summary *callee = ci->callee;
	const char *obj;
	location_t where;
	int param;

	if (!tracked_per_object(l))
		return callee_exclusion(l, ci, s, x) ? lock_view_global(st, l).mask : 0;
	if (callee) {
		if (!lock_summary_of(callee, l)->excl_objs)
			return 0;
		*x = (struct exclusion){ callee->decl, lock_summary_of(callee, l)->excl_objs_loc,
					 NULL_TREE, true };
		return lock_view_args(st, l, ci->call, lock_summary_of(callee, l)->excl_objs, 0).mask;
	}
	/* A prototype's, through its own parameter names. */
	if (!ci->fndecl || summary_of(ci->fndecl) ||
	    !tracked_must_not_hold_object(l, ci->fndecl, &where, &obj) ||
	    (param = annotations_decl_param_index(ci->fndecl, obj)) < 0 || param >= MAX_PARAM_MASK)
		return 0;
	*x = (struct exclusion){ ci->fndecl, where, NULL_TREE, true };
	return lock_view_args(st, l, ci->call, 1u << param, 0).mask;
}

/*
 * A callee that must be called without a lock: a finding where it may be
 * held; on the global lock the caller left, on every path, the callers'
 * condition too.  Where the caller's state is unknown nothing is
 * reported: callers are not asked to prove the lock free.
 */
static void check_callee_exclusion(struct ctx *c, struct lockid l, struct astate *st,
				   const struct call_info *ci, const struct summary *s)
{
	location_t loc = gimple_location(ci->call);
	struct exclusion x;
	unsigned char m;
	struct finding f;

	/* Most callees exclude nothing: ask that first, it costs least. */
	m = excluded_mask(st, l, ci, s, &x);
	if (!m || unchecked_at(c, l, loc))
		return;
	if (m & (LK_HELD | LK_SHARED)) {
		lock_reported_here(c, l, loc);
		lock_finding(&f, l, FINDING_LOCK_HELD, loc, fn_name(x.callee));
		note_callee_exclusion(&f, &x);
		report(c, &f);
		return;
	}
	if (!tracked_per_object(l) && (m & LK_ENTRY) && c->final &&
	    on_every_path(c, l, gimple_bb(ci->call)) &&
	    lock_summary_of(c->sum, l)->excl_loc == UNKNOWN_LOCATION) {
		lock_summary_of(c->sum, l)->excl_loc = loc;
		lock_summary_of(c->sum, l)->excl_via = x.callee;
	}
}

static void check_call_one(struct ctx *c, struct lockid l, struct astate *st,
			   const struct call_info *ci)
{
	const struct summary *s = ci->callee ? ci->callee : ci->ref_api_sum;
	struct lock_summary parts[MAX_LOCKS];
	struct summary declared;

	if (ci->lock_api)
		return;
	if (s)
		check_callee_requirement(c, l, st, ci->call, s);
	else if (!summary_of(ci->fndecl) && lock_declared_summary(l, ci->fndecl, &declared, parts))
		check_callee_requirement(c, l, st, ci->call, &declared);
	check_callee_exclusion(c, l, st, ci, s);
}

/* ---- what the function writes through --------------------------------- */

/* The function writes through its parameter PARAM (at LOC, the first seen). */
static void writes_through(struct ctx *c, int param, location_t loc)
{
	struct writes_summary *w = &rules_walk(c)->writes;

	if (param < 0 || param >= MAX_LOCK_PARAMS || (w->params & (1u << param)))
		return;
	w->params |= 1u << param;
	w->loc[param] = loc;
}

/* The pointer a store to T goes through (p of p->field, *p), or NULL. */
static tree stored_through(tree t)
{
	while (t && handled_component_p(t))
		t = TREE_OPERAND(t, 0);
	return t && TREE_CODE(t) == MEM_REF && TREE_CODE(TREE_OPERAND(t, 0)) == SSA_NAME ?
	       TREE_OPERAND(t, 0) : NULL_TREE;
}

/*
 * A store through a parameter (p->field = v, *p = v; p or a copy of it),
 * also through the address of a part of it: WRITE_ONCE(p->next, v) is
 * _1 = &p->next; *(volatile T *)_1 = v.
 */
static void find_store_through_param(struct ctx *c, gimple *stmt)
{
	tree ptr = stored_through(gimple_store_p(stmt) ? gimple_get_lhs(stmt) : NULL_TREE);
	gimple *def;

	if (!ptr)
		return;
	def = SSA_NAME_IS_DEFAULT_DEF(ptr) ? NULL : SSA_NAME_DEF_STMT(ptr);
	if (def && gimple_assign_single_p(def) &&
	    TREE_CODE(gimple_assign_rhs1(def)) == ADDR_EXPR) {
		tree inner = stored_through(TREE_OPERAND(gimple_assign_rhs1(def), 0));

		if (inner)
			ptr = inner;
	}
	writes_through(c, param_of_value(value_key(ptr)), gimple_location(stmt));
}

/* A parameter passed on to a function that writes through it. */
static void find_param_written_by_callee(struct ctx *c, const struct call_info *ci)
{
	const struct summary *s = ci->fndecl ? summary_of(ci->fndecl) : NULL;

	if (!s || !s->ready || !s->writes.params)
		return;
	for (unsigned int k = 0; k < gimple_call_num_args(ci->call) && k < MAX_LOCK_PARAMS; k++) {
		tree arg = gimple_call_arg(ci->call, k);

		if ((s->writes.params & (1u << k)) && TREE_CODE(arg) == SSA_NAME)
			writes_through(c, param_of_value(value_key(arg)), gimple_location(ci->call));
	}
}

static void lock_rules_check_call(struct ctx *c, struct astate *st, const struct call_info *ci)
{
	if (c->final && rules_walk(c)->call_seen != ci->call) {
		rules_walk(c)->call_seen = ci->call;
		find_param_written_by_callee(c, ci);
	}
	FOR_EACH_LOCK(l)
		check_call_one(c, l, st, call_of_lock(c, ci, l));
}

/* ---- the function ------------------------------------------------------- */

static void lock_rules_begin(struct ctx *c)
{
	memset(&rules_walk(c)->writes, 0, sizeof(rules_walk(c)->writes));
	rules_walk(c)->store_seen = rules_walk(c)->call_seen = NULL;
	FOR_EACH_LOCK(l) {
		struct lock_rules_lock *w = walk_of(c, l);

		w->no_analysis = annotations_no_context_analysis(current_function_decl) ||
				 /* A lock attempt's body, as Clang: not for the rule set, nor strict. */
				 (!tracked_is_ruleset_lock(l) && !ue_cfg.strict &&
				  annotations_lock_attempt(current_function_decl));
		w->every_path_known = false;
		lock_ahead_forget();
	}
}

/*
 * An address handed to a function the developer keeps out of the
 * analysis (__no_context_analysis, __context_unsafe(): 7.3's
 * list_empty_careful(), "intentional lockless access"): no access, as in
 * Clang, which does not check a pointer passed to such a function.
 */
static bool passed_unchecked(const struct operand_access *a)
{
	tree fndecl = a->call ? gimple_call_fndecl(a->call) : NULL_TREE;

	return fndecl && annotations_callee_unchecked(fndecl);
}

/*
 * Each access of each lock's data the statement reads or writes
 * (after its assertions); inside an address only taken, for the rule
 * set's lock alone (engine.h).
 */
static void lock_rules_operands(struct ctx *c, gimple *stmt, struct astate *st)
{
	const struct stmt_operands *ops = operands_of(c, stmt);

	if (c->final && rules_walk(c)->store_seen != stmt) {
		rules_walk(c)->store_seen = stmt;
		find_store_through_param(c, stmt);
	}
	if (!ops->naccess)
		return;
	FOR_EACH_LOCK(l) {
		unsigned int mine = 1u << l.index;
		bool by_address = tracked_is_ruleset_lock(l);

		for (unsigned int i = 0; i < ops->naccess; i++) {
			const struct operand_access *a = &ops->access[i];

			if (!(a->locks & mine) ||
			    !(by_address || (!a->by_address && !passed_unchecked(a))))
				continue;
			/* Several locks' data, read: once, for all of them. */
			if ((a->any_of & mine) && !a->write && !writer_of(a)) {
				if (!(a->any_of & tracked_now.mask & (mine - 1)))
					check_read_any(c, st, stmt, a,
						       operand_location(a->ref, stmt));
				continue;
			}
			check_access(c, l, st, stmt, a, operand_location(a->ref, stmt));
		}
	}
}

static void missing_assertion(struct ctx *c, struct lockid l)
{
	struct summary *s = c->sum;
	const struct lock_summary *ls = lock_summary_of(s, l);
	expanded_location brace;
	location_t line_start = UNKNOWN_LOCATION;
	struct finding f;

	if (!ue_cfg.strict || walk_of(c, l)->no_analysis || s->exposed || ls->contract ||
	    !ls->direct_entry_access || ls->req != REQ_UNASSERTED)
		return;
	brace = expand_location(cfun->function_start_locus);
	if (brace.file) {
		const line_map_ordinary *map = linemap_check_ordinary(
			linemap_lookup(line_table, cfun->function_start_locus));

		line_start = linemap_position_for_line_and_column(line_table, map,
								   brace.line + 1, 1);
	}
	lock_finding(&f, l, FINDING_MISSING_ASSERTION, DECL_SOURCE_LOCATION(current_function_decl),
		     NULL);
	f.fixit_before = line_start;
	finding_note_field(&f, NOTE_ACCESSED_HERE, ls->req_loc, NULL, ls->req_field);
	report(c, &f);
}

/* What was reported here is not passed up; then what callers are left with. */
static void lock_rules_finish(struct ctx *c)
{
	FOR_EACH_LOCK(l) {
		lock_settle_requirements(c, l);
		missing_assertion(c, l);
	}
	c->sum->writes = rules_walk(c)->writes;
}

static void lock_rules_reset_summary(struct summary *s)
{
	memset(&s->writes, 0, sizeof(s->writes));
}

/* The parameters only: where each is written words a note. */
static bool lock_rules_summary_equal(const struct summary *a, const struct summary *b)
{
	return a->writes.params == b->writes.params;
}

static void lock_rules_summary_dump(const struct summary *s, struct lockid l, FILE *out)
{
	if (s->writes.params)
		fprintf(out, " writes=%#x", s->writes.params);
}

const struct checker lock_rules_checker = {
	.name = "lock_rules",
	.walk_size = sizeof(struct lock_rules_walk),
	.begin = lock_rules_begin,
	.operands = lock_rules_operands,
	.check_call = lock_rules_check_call,
	.reset_summary = lock_rules_reset_summary,
	.summary_equal = lock_rules_summary_equal,
	.summary_dump = lock_rules_summary_dump,
	.finish = lock_rules_finish,
};
