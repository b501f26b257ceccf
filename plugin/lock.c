// SPDX-License-Identifier: GPL-2.0
/*
 * lock.c - the lock tracker: where lock state is computed.
 *
 * A path state holds, per lock of the walk, what it knows of the lock
 * itself, by what it is (a global lock's own fact, or one per object whose
 * lock the function took or released: struct lock_fact), and of the locks
 * passed as parameters or stored at *parameter (a slot each): a may-set
 * of LK_HELD, LK_SHARED (held for reading only: down_read(), read_lock()),
 * LK_FREE and LK_ENTRY (as the caller left it).  This file says what the
 * lock API, lockdep assertions, __must_hold() and callees' summaries do to
 * it, and records what a function leaves the locks as (its exit cases) and
 * what it needs from its callers (requirements, passed up in struct
 * summary, req*).  Each function works on the lock it is given (L): the
 * checker's hooks do their part once for each lock of the walk.
 *
 * The lock rules (lockrules.c) check accesses and calls against what it
 * says (lock.h: the views it gives them) and raise requirements through
 * it; it never calls them.  It checks nothing and reports nothing itself.
 */
#include "engine.h"
#include "lock.h"

#define MAX_ASSERTIONS 32
#define MAX_REQ_CANDIDATES 32
#define MAX_REPORTED 32

/* A lockdep assertion of the body, placed on a statement. */
struct anchor {
	const struct assertion *a;
	gimple *stmt;		/* the assertion takes effect just before it */
	bool unconditional;	/* its block is on every path through the body */
};

/*
 * A lock a call or a macro works on: the lock of BASE's object (obj of &obj->lock),
 * or else a slot (the global lock, whose fact set_lock() finds, or a
 * parameter's lock; SLOT_NONE: not tracked).  One code path serves all.
 */
struct lock_ref {
	vkey base;
	int slot;
};

/* A requirement the final sweep met, before it is passed up. */
struct req_candidate {
	location_t loc;
	tree via;
	unsigned char kind;	/* enum requirement */
	bool direct;
	unsigned int objs;	/* per-object lock: of these parameters' objects */
	bool write;		/* held for writing */
	tree field;		/* the guarded field accessed there, or NULL */
	struct param_cond cond;	/* only where the parameters are so */
};

/* What the tracker keeps about the function being analysed (its walk blob). */
struct lock_walk {
	unsigned int nanchors;
	unsigned int nmacro;		/* macro_takes[] */
	bool asserts_found_object;	/* lock_asserts_found_object() */
	bool ret_slot_set, ret_deref_set;
	unsigned int nreqs;
	unsigned int nreported;
	/* The tables: read up to their counts only, so never cleared whole. */
	struct anchor anchors[MAX_ASSERTIONS];
	struct macro_take macro_takes[MAX_MACRO_TAKES];
	/*
	 * One cause, one finding: what the final sweep would pass up to the
	 * callers, and where it reported a lock finding itself.  A requirement
	 * raised by a statement that is reported here on another path (or,
	 * in a function callable from outside, on this one) is not passed up.
	 */
	struct req_candidate reqs[MAX_REQ_CANDIDATES];
	location_t reported[MAX_REPORTED];
};

/* The walk blob holds one per lock (MAX_LOCKS), by index: L's. */
static struct lock_walk *walk_of(const struct ctx *c, struct lockid l)
{
	return &CHECKER_WALK(c, lock, struct lock_walk)[l.index];
}

/* ---- requirements ------------------------------------------------------ */

static void set_lock(struct astate *st, struct lockid l, int slot, unsigned char mask,
		     location_t loc, int why);

/* What paths A and B both know: their conditions joined. */
static struct param_cond cond_join(struct param_cond a, struct param_cond b)
{
	struct param_cond j;

	j.known = a.known & b.known & ~(a.nonzero ^ b.nonzero);
	j.nonzero = a.nonzero & j.known;
	return j;
}

static void set_requirement(struct summary *s, struct lockid l, const struct req_candidate *r)
{
	struct lock_summary *ls = lock_summary_of(s, l);
	struct param_cond was = { ls->req_if_known, ls->req_if_nonzero };

	was = ls->req_if_set ? cond_join(was, r->cond) : r->cond;
	ls->req_if_known = was.known;
	ls->req_if_nonzero = was.nonzero;
	ls->req_if_set = true;
	ls->req_itself = true;
	if (r->direct)
		lock_summary_of(s, l)->direct_entry_access = true;
	lock_summary_of(s, l)->req_objs |= r->objs;
	if (r->write && lock_summary_of(s, l)->req_write_loc == UNKNOWN_LOCATION) {
		lock_summary_of(s, l)->req_write_loc = r->loc;
		lock_summary_of(s, l)->req_write_via = r->via;
		lock_summary_of(s, l)->req_write_field = r->field;
	}
	/*
	 * Of a global lock needed as itself besides the lock it is given:
	 * the need to tell a caller that passes another is this one.
	 */
	if (r->kind > lock_summary_of(s, l)->req ||
	    (ls->req_by_annotation && ls->req_locks && !tracked_per_object(l))) {
		if (r->kind > ls->req)
			ls->req = (enum requirement)r->kind;
		lock_summary_of(s, l)->req_loc = r->loc;
		lock_summary_of(s, l)->req_via = r->via;
		lock_summary_of(s, l)->req_field = r->field;
		lock_summary_of(s, l)->req_by_annotation = false;
	}
}

void lock_require(struct ctx *c, struct lockid l, enum requirement kind, location_t loc,
		  tree via, bool direct, unsigned int objs, bool write, tree field,
		  struct param_cond cond)
{
	struct lock_walk *w = walk_of(c, l);
	struct req_candidate *r, out_of_room;

	if (!c->final)
		return;
	for (unsigned int i = 0; i < w->nreqs; i++) {
		r = &w->reqs[i];
		if (r->loc == loc && r->via == via && r->kind == kind) {
			r->direct |= direct;
			r->objs |= objs;
			r->write |= write;
			r->cond = cond_join(r->cond, cond);
			return;
		}
	}
	/* Out of room: pass it up; a duplicate beats a missed bug. */
	r = w->nreqs == MAX_REQ_CANDIDATES ? &out_of_room : &w->reqs[w->nreqs++];
	r->loc = loc;
	r->via = via;
	r->kind = kind;
	r->direct = direct;
	r->objs = objs;
	r->write = write;
	r->field = field;
	/* An assertion binds every caller (engine.h: on every path). */
	r->cond = kind == REQ_UNASSERTED ? cond : cond_everywhere();
	if (r == &out_of_room)
		set_requirement(c->sum, l, r);
}

/* A lock finding at LOC is due on some path (before report()). */
void lock_reported_here(struct ctx *c, struct lockid l, location_t loc)
{
	struct lock_walk *w = walk_of(c, l);

	if (!c->final || w->nreported == MAX_REPORTED)
		return;
	for (unsigned int i = 0; i < w->nreported; i++)
		if (w->reported[i] == loc)
			return;
	w->reported[w->nreported++] = loc;
}

/* End of the final sweep: the requirements that callers are left with. */
void lock_settle_requirements(struct ctx *c, struct lockid l)
{
	const struct lock_walk *w = walk_of(c, l);

	for (unsigned int i = 0; i < w->nreqs; i++) {
		const struct req_candidate *r = &w->reqs[i];
		bool reported = false;

		for (unsigned int j = 0; j < w->nreported && !reported; j++)
			reported = w->reported[j] == r->loc;
		if (!reported)
			set_requirement(c->sum, l, r);
	}
}

/* ---- the paths' view of the locks -------------------------------------- */

/*
 * The global lock L's fact on path ST: made at the function's entry
 * (entry_one()), so found on every path of a global lock's walk.
 */
static struct lock_fact *global_fact(struct astate *st, struct lockid l)
{
	struct lock_fact *o = lock_fact_find(st, l, GLOBAL_LOCK_KEY);

	if (!o) {
		lock_fact_set(st, l, GLOBAL_LOCK_KEY, LK_ENTRY, UNKNOWN_LOCATION, 0);
		o = lock_fact_find(st, l, GLOBAL_LOCK_KEY);
	}
	return o;
}

/* How path ST holds the lock of SLOT: the global lock L, or a parameter's. */
static unsigned char slot_mask(const struct astate *st, struct lockid l, int slot)
{
	const struct lock_fact *o;

	if (slot != SLOT_GLOBAL)
		return lock_path_of(st, l)->param_lock[slot - SLOT_PARAM0];
	o = lock_fact_find((struct astate *)st, l, GLOBAL_LOCK_KEY);
	return o ? o->mask : LK_ENTRY;
}

struct param_cond lock_path_params(const struct astate *st)
{
	struct param_cond pc = { 0, 0 };
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); p && i < MAX_PARAM_MASK;
	     p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(cfun, p);
		int f = def ? fact_get(st, value_key(def)) : -1;

		if (f < 0)
			continue;
		pc.known |= 1u << i;
		if (f)
			pc.nonzero |= 1u << i;
	}
	return pc;
}

/* What ARG is worth as a truth value on path ST: a constant's, a branch fact's, or -1. */
static int arg_truth(const struct astate *st, tree arg)
{
	if (TREE_CODE(arg) == INTEGER_CST)
		return !integer_zerop(arg);
	vkey key = TREE_CODE(arg) == SSA_NAME ? value_key(arg) : 0;

	return key ? fact_get(st, key) : -1;
}

bool lock_call_condition(const struct astate *st, gcall *call, const struct lock_summary *ls,
			 struct param_cond *cond)
{
	*cond = lock_path_params(st);
	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_PARAM_MASK; i++) {
		tree arg = gimple_call_arg(call, i);
		bool want = ls->req_if_nonzero & (1u << i);
		int have, mine;

		if (!(ls->req_if_known & (1u << i)))
			continue;
		have = arg_truth(st, arg);
		if (have >= 0 && have != want)
			return false;	/* the callee's paths that need it are not taken */
		/* The caller's own parameter, passed on: its need is the caller's too. */
		mine = TREE_CODE(arg) == SSA_NAME ? param_of_value(value_key(arg)) : -1;
		if (have < 0 && mine >= 0) {
			cond->known |= 1u << mine;
			cond->nonzero |= (unsigned int)want << mine;
		}
	}
	return true;
}

/*
 * The per-object lock of the object with value BASE: as this path left it,
 * or, for a parameter's object this function has not touched, as the
 * caller left it; 0 for any other object (nothing is known of it).
 */
static unsigned char object_lock_mask(struct astate *st, struct lockid l, vkey base,
				      struct lock_fact **entry)
{
	struct lock_fact *o = lock_fact_find(st, l, base);

	if (entry)
		*entry = o;
	if (o)
		return o->mask;
	return param_of_value(base) >= 0 ? LK_ENTRY : 0;
}

/* ---- what a path knows of the locks a statement needs (lock.h) ---------- */

struct lock_view lock_view_global(const struct astate *st, struct lockid l)
{
	const struct lock_fact *o = lock_fact_find((struct astate *)st, l, GLOBAL_LOCK_KEY);
	struct lock_view v = { LK_ENTRY, UNKNOWN_LOCATION, UNKNOWN_LOCATION, 0, 0, false, 0, false };

	if (o) {
		v.mask = o->mask;
		v.free_loc = v.shared_loc = o->free_loc;
		v.free_why = v.shared_why = o->free_why;
	}
	return v;
}

/* Add the lock of the object with value BASE to V. */
static void view_add_object(struct lock_view *v, struct astate *st, struct lockid l, vkey base)
{
	struct lock_fact *o;
	unsigned char m = object_lock_mask(st, l, base, &o);
	int param = param_of_value(base);

	v->per_object = true;
	if ((m & LK_ENTRY) && param >= 0) {
		if (!v->params)
			v->entry_base = base;
		v->params |= 1u << param;
	}
	if (!o && base && param < 0) {
		if (!v->params && !v->found)
			v->entry_base = base;
		v->found = true;
	}
	/* A lock that may be free or shared has its entry (o). */
	if ((m & LK_FREE) && o && !(v->mask & LK_FREE)) {
		v->free_loc = o->free_loc;
		v->free_why = o->free_why;
	}
	if ((m & LK_SHARED) && o && !(v->mask & LK_SHARED)) {
		v->shared_loc = o->free_loc;
		v->shared_why = o->free_why;
	}
	v->mask |= m;
}

struct lock_view lock_view_args(struct astate *st, struct lockid l, gcall *call, unsigned int objs,
				unsigned int locks)
{
	struct lock_view v = { 0, UNKNOWN_LOCATION, UNKNOWN_LOCATION, 0, 0, true, 0, false };

	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_PARAM_MASK; i++) {
		tree arg = gimple_call_arg(call, i);
		vkey base = (locks & (1u << i)) ? object_lock_base(l, arg) : object_value_of_arg(arg);

		if ((objs & (1u << i)) && base)
			view_add_object(&v, st, l, base);
	}
	return v;
}

struct lock_view lock_view_access(struct astate *st, struct lockid l, tree ref)
{
	struct lock_view v = { 0, UNKNOWN_LOCATION, UNKNOWN_LOCATION, 0, 0, true, 0, false };
	tree ptr;

	if (!tracked_per_object(l))
		return lock_view_global(st, l);
	ptr = access_base_pointer(ref);
	view_add_object(&v, st, l, ptr ? value_key(ptr) : object_value_of_member(ref));
	return v;
}

/* ---- lockdep assertions in the body -------------------------------------- */

bool lock_asserts_found_object(const struct ctx *c, struct lockid l)
{
	return walk_of(c, l)->asserts_found_object;
}

/* Place each assertion of the body on the first statement written after it. */
static void begin_one(struct ctx *c, struct lockid l)
{
	struct lock_walk *w = walk_of(c, l);
	const struct assertion *as[MAX_ASSERTIONS];
	unsigned int n = tracked_body_assertions(l, as, MAX_ASSERTIONS);
	bool had_postdom = dom_info_available_p(CDI_POST_DOMINATORS);
	basic_block first = single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(cfun)) ?
			    single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun)) : NULL;

	memset(w, 0, offsetof(struct lock_walk, anchors));
	callers_forget(l, current_function_decl);
	w->nmacro = lockmacro_takes(l, w->macro_takes, MAX_MACRO_TAKES);
	if (!n)
		return;
	for (unsigned int i = 0; i < n; i++) {
		tree parm;

		if (as[i]->obj && annotations_param_named(as[i]->obj, &parm) < 0)
			w->asserts_found_object = true;
	}
	if (!had_postdom)
		calculate_dominance_info(CDI_POST_DOMINATORS);
	for (unsigned int i = 0; i < n; i++) {
		struct srcpos at = { as[i]->file, as[i]->line, as[i]->col };
		struct srcpos best_pos = { NULL, 0, 0 };
		gimple *best = NULL;
		basic_block bb;

		FOR_EACH_BB_FN(bb, cfun) {
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
			     gsi_next(&gsi)) {
				gimple *stmt = gsi_stmt(gsi);
				struct srcpos pos;

				if (is_gimple_debug(stmt) || !srcpos_of(gimple_location(stmt), &pos))
					continue;
				if (srcpos_written_cmp(&pos, gimple_location(stmt), &at,
						       as[i]->loc) <= 0)
					continue;
				if (!best || srcpos_cmp(&pos, &best_pos) < 0) {
					best = stmt;
					best_pos = pos;
				}
			}
		}
		if (!best)
			continue;
		w->anchors[w->nanchors].a = as[i];
		w->anchors[w->nanchors].stmt = best;
		w->anchors[w->nanchors].unconditional = first &&
			dominated_by_p(CDI_POST_DOMINATORS, first, gimple_bb(best));
		w->nanchors++;
	}
	if (!had_postdom)
		free_dominance_info(CDI_POST_DOMINATORS);
}

static void lock_begin(struct ctx *c)
{
	FOR_EACH_LOCK(l)
		begin_one(c, l);
}

/*
 * lockdep_assert_held(&p->lock) of a per-object lock, p a parameter: p's
 * object as the assertion says; unconditional on a lock the caller left,
 * a contract with the callers for p.
 */
static void apply_object_assertion(struct ctx *c, struct lockid l, const struct anchor *an,
				   struct astate *st)
{
	tree parm, def;
	int i = annotations_param_named(an->a->obj, &parm);
	vkey base;

	def = i >= 0 ? ssa_default_def(cfun, parm) : NULL_TREE;
	if (!def || i >= MAX_PARAM_MASK)
		return;
	base = value_key(def);
	if (an->a->kind == ASSERT_NOT_HELD) {
		lock_fact_set(st, l, base, LK_FREE, an->a->loc, FREE_BY_ASSERTION);
		return;
	}
	if ((object_lock_mask(st, l, base, NULL) & LK_ENTRY) && an->unconditional) {
		if (c->final)
			lock_summary_of(c->sum, l)->contract = true;
		lock_require(c, l, REQ_ASSERTED, an->a->loc, NULL, false, 1u << i,
			an->a->kind == ASSERT_HELD_WRITE, NULL_TREE, cond_everywhere());
	}
	lock_fact_set(st, l, base, LK_HELD, an->a->loc, 0);
}

static void apply_assertions(struct ctx *c, struct lockid l, gimple *stmt, struct astate *st)
{
	struct lock_summary *ls = lock_summary_of(c->sum, l);
	struct lock_fact *g;

	for (unsigned int i = 0; i < walk_of(c, l)->nanchors; i++) {
		struct anchor *an = &walk_of(c, l)->anchors[i];

		if (an->stmt != stmt)
			continue;
		if (an->a->obj) {
			apply_object_assertion(c, l, an, st);
			continue;
		}
		g = global_fact(st, l);
		if (an->a->kind == ASSERT_NOT_HELD) {
			/* On every path, on the caller's lock: callers must not hold it. */
			if ((g->mask & LK_ENTRY) && an->unconditional &&
			    c->final && ls->excl_loc == UNKNOWN_LOCATION)
				ls->excl_loc = an->a->loc;
			g->mask = LK_FREE;
			g->free_loc = an->a->loc;
			g->free_why = FREE_BY_ASSERTION;
			continue;
		}
		/*
		 * An unconditional assertion is a contract with every caller;
		 * lockdep_assert_held_write() one to hold it for writing.
		 */
		if ((g->mask & LK_ENTRY) && an->unconditional) {
			if (c->final)
				ls->contract = true;
			lock_require(c, l, REQ_ASSERTED, an->a->loc, NULL, false, 0,
				an->a->kind == ASSERT_HELD_WRITE, NULL_TREE, cond_everywhere());
		}
		/*
		 * Held, in a mode the path cannot tell: lockdep_assert_held_read()
		 * leaves writes unchecked rather than pass "held for reading" to
		 * the callers' paths through the exit cases.
		 */
		g->mask = LK_HELD;
	}
}

static void lock_take(struct astate *st, struct lockid l, struct lock_ref r, enum lock_op op,
		      location_t loc);
static void lock_drop(struct astate *st, struct lockid l, struct lock_ref r, location_t loc);
static void lock_ref_set(struct astate *st, struct lockid l, struct lock_ref r, unsigned char mask,
			 location_t loc, int why);

/* A macro's own take or release (local_lock()), before its statement. */
static void apply_macro_takes(struct ctx *c, struct lockid l, gimple *stmt, struct astate *st)
{
	const struct lock_walk *w = walk_of(c, l);

	for (unsigned int i = 0; i < w->nmacro; i++) {
		const struct macro_take *t = &w->macro_takes[i];
		struct lock_ref r = { t->base, t->slot };

		if (t->stmt != stmt || lock_op_is_try(t->op))
			continue;
		if (t->op == LOCK_OP_RELEASE)
			lock_drop(st, l, r, t->loc);
		else
			lock_take(st, l, r, t->op, t->loc);
	}
}

/* A branch on a macro's attempt (local_trylock()): held, or free, from here. */
static void lock_fact(struct ctx *c, struct astate *st, vkey key, bool nonzero)
{
	FOR_EACH_LOCK(l) {
		const struct lock_walk *w = walk_of(c, l);

		for (unsigned int i = 0; i < w->nmacro; i++) {
			const struct macro_take *t = &w->macro_takes[i];
			struct lock_ref r = { t->base, t->slot };

			if (!lock_op_is_try(t->op) || t->outcome != key)
				continue;
			if (nonzero)
				lock_take(st, l, r, t->op == LOCK_OP_TRY_SHARED ?
					  LOCK_OP_ACQUIRE_SHARED : LOCK_OP_ACQUIRE, t->loc);
			else
				lock_ref_set(st, l, r, LK_FREE, t->loc, FREE_BY_FAILED_LOCK);
		}
	}
}

/* An assertion, a macro's own take, takes effect before the statement it is placed on. */
static void lock_operands(struct ctx *c, gimple *stmt, struct astate *st)
{
	FOR_EACH_LOCK(l) {
		apply_assertions(c, l, stmt, st);
		apply_macro_takes(c, l, stmt, st);
	}
}

/* ---- entry ------------------------------------------------------------- */

/*
 * __must_hold() at WHERE (of the global lock, or of the objects of the
 * parameters in OBJS): like sparse's context check, it binds every caller
 * statically: callable-from-outside callers must hold or say so.
 */
static void sign(struct lock_summary *ls, location_t where, unsigned int objs)
{
	ls->contract = true;
	ls->req = REQ_UNASSERTED;
	ls->req_if_known = ls->req_if_nonzero = 0;
	ls->req_if_set = true;
	ls->req_loc = where;
	ls->req_field = NULL_TREE;
	ls->req_by_annotation = true;
	ls->req_objs |= objs;
}

/* The same, of the function being analysed, in its final sweep. */
static void sign_contract(struct ctx *c, struct lockid l, location_t where, unsigned int objs)
{
	if (c->final) {
		sign(lock_summary_of(c->sum, l), where, objs);
		lock_summary_of(c->sum, l)->req_itself = true;
	}
}

/*
 * A callee without a body here whose declaration says __must_hold() (or
 * __must_hold_shared()) of lock L, the global or a parameter's
 * object's: the summary its definition would give its callers, in D
 * (whose lock parts are PARTS), signed as sign_contract() signs it; held
 * for writing unless shared.  Clang reads a prototype's annotation so.
 */
bool lock_declared_summary(struct lockid l, tree fndecl, struct summary *d,
			   struct lock_summary *parts)
{
	struct lock_summary *ls = &parts[l.rank];
	const char *obj = NULL;
	location_t where;
	bool shared = false;
	int param = -1, lock_param = -1;

	if (!fndecl)
		return false;
	if (!tracked_must_hold(l, fndecl, &where, &shared, &obj)) {
		lock_param = tracked_must_hold_param(l, fndecl, &where, &shared);
		if (lock_param < 0)
			return false;
		if (tracked_per_object(l))
			param = lock_param;
	}
	if (obj && (param = annotations_decl_param_index(fndecl, obj)) < 0)
		return false;
	if (param >= MAX_PARAM_MASK)
		return false;
	memset(d, 0, sizeof(*d));
	memset(ls, 0, sizeof(*ls));
	d->decl = fndecl;
	d->lock = parts;
	d->exposed = true;
	sign(ls, where, param >= 0 ? 1u << param : 0);
	if (lock_param >= 0)
		ls->req_locks = 1u << lock_param;
	else
		ls->req_itself = true;
	ls->req_write_loc = shared ? UNKNOWN_LOCATION : where;
	ls->ret_slot = SLOT_NONE;
	ls->ret_deref_param = -1;
	return true;
}

/* __must_hold(&p->lock), p a parameter: held at entry, callers must hold it. */
static void object_must_hold(struct ctx *c, struct lockid l, struct astate *st, const char *obj,
			     bool shared, location_t where)
{
	tree parm, def;
	int i = annotations_param_named(obj, &parm);

	def = i >= 0 ? ssa_default_def(cfun, parm) : NULL_TREE;
	if (!def || i >= MAX_PARAM_MASK)
		return;
	lock_fact_set(st, l, value_key(def), shared ? LK_SHARED : LK_HELD, where,
		    SHARED_BY_ANNOTATION);
	sign_contract(c, l, where, 1u << i);
}

/*
 * __must_hold(lock) of a parameter that points to a lock of L's kind:
 * callers must hold the lock they pass there, where it is L
 * (lock_view_args() reads the argument as the lock).  The body is not
 * told which lock it is.
 */
static void lock_must_hold_param(struct ctx *c, struct lockid l)
{
	struct lock_summary *ls = lock_summary_of(c->sum, l);
	location_t where;
	bool shared;
	int i;

	if (!c->final)
		return;
	i = tracked_must_hold_param(l, current_function_decl, &where, &shared);
	if (i < 0)
		return;
	sign(ls, where, tracked_per_object(l) ? 1u << i : 0);
	ls->req_locks |= 1u << i;
	if (!shared)
		ls->req_write_loc = where;
}

/* The per-object locks of the parameters in OBJS: free at entry, since LOC. */
static void objects_free_at_entry(struct astate *st, struct lockid l, unsigned int objs,
				  location_t loc)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); p && i < MAX_LOCK_PARAMS;
	     p = DECL_CHAIN(p), i++) {
		tree def = (objs & (1u << i)) ? ssa_default_def(cfun, p) : NULL_TREE;

		if (def)
			lock_fact_set(st, l, value_key(def), LK_FREE, loc, FREE_BY_NO_CALLER);
	}
}

static void entry_one(struct ctx *c, struct lockid l, struct astate *st)
{
	struct lock_path *lk = lock_path_of(st, l);
	struct lock_summary *ls = lock_summary_of(c->sum, l);
	location_t where;
	unsigned int objs;
	bool shared = false;
	const char *obj = NULL;

	for (int k = 0; k < NPARAM_SLOTS; k++)
		lk->param_lock[k] = LK_ENTRY;
	/* A global lock as the caller left it; an object's, until it is used. */
	if (!tracked_per_object(l))
		global_fact(st, l);
	/* No caller in the unit holds it for this helper: its own accesses are the bug. */
	if (callers_none_hold(l, current_function_decl, &where, &objs)) {
		if (!tracked_per_object(l))
			set_lock(st, l, SLOT_GLOBAL, LK_FREE, where, FREE_BY_NO_CALLER);
		else
			objects_free_at_entry(st, l, objs, where);
	}
	/*
	 * __must_not_hold(): callers must not hold it.  The body starts as
	 * the caller left it (a caller holding it is reported at its call,
	 * and once), not as free.
	 */
	if (c->final && tracked_must_not_hold(l, current_function_decl, &where)) {
		ls->excl_loc = where;
		ls->excl_by_annotation = true;
	}
	if (c->final && tracked_must_not_hold_object(l, current_function_decl, &where, &obj)) {
		tree parm;
		int i = annotations_param_named(obj, &parm);

		if (i >= 0 && i < MAX_PARAM_MASK) {
			ls->excl_objs |= 1u << i;
			ls->excl_objs_loc = where;
		}
		obj = NULL;
	}
	lock_must_hold_param(c, l);
	if (!tracked_must_hold(l, current_function_decl, &where, &shared, &obj))
		return;
	if (obj) {
		object_must_hold(c, l, st, obj, shared, where);
		return;
	}
	if (shared)
		set_lock(st, l, SLOT_GLOBAL, LK_SHARED, where, SHARED_BY_ANNOTATION);
	else
		global_fact(st, l)->mask = LK_HELD;
	sign_contract(c, l, where, 0);
}

static void lock_entry(struct ctx *c, struct astate *st)
{
	FOR_EACH_LOCK(l)
		entry_one(c, l, st);
}

/* ---- calls: the lock API ------------------------------------------------ */

static void set_lock(struct astate *st, struct lockid l, int slot, unsigned char mask,
		     location_t loc, int why)
{
	if (slot == SLOT_NONE)
		return;
	if (slot == SLOT_GLOBAL)
		lock_fact_set(st, l, GLOBAL_LOCK_KEY, mask, loc, why);
	else
		lock_path_of(st, l)->param_lock[slot - SLOT_PARAM0] = mask;
}

/* What an operation that takes the lock leaves it as. */
static unsigned char held_mask(enum lock_op op)
{
	switch (op) {
	case LOCK_OP_ACQUIRE_SHARED:
	case LOCK_OP_TRY_SHARED:
	case LOCK_OP_TRY_ZERO_SHARED:
	case LOCK_OP_DOWNGRADE:
		return LK_SHARED;
	default:
		return LK_HELD;
	}
}

/* A try that succeeds where its result is zero (mutex_lock_interruptible). */
static bool try_zero(enum lock_op op)
{
	return op == LOCK_OP_TRY_ZERO || op == LOCK_OP_TRY_ZERO_SHARED;
}

static void lock_ref_set(struct astate *st, struct lockid l, struct lock_ref r, unsigned char mask,
			 location_t loc, int why)
{
	if (r.base)
		lock_fact_set(st, l, r.base, mask, loc, why);
	else
		set_lock(st, l, r.slot, mask, loc, why);
}

/* The lock the lock API's call CALL works on. */
static struct lock_ref lock_api_target(struct lockid l, gcall *call, const struct lock_api *api)
{
	struct lock_ref r = { 0, SLOT_NONE };

	/* (An annotation's parameter the call does not pass: no lock.) */
	if (api->lock_arg >= 0 && (unsigned int)api->lock_arg >= gimple_call_num_args(call))
		return r;
	if (api->op == LOCK_OP_GUARD_HELD) {
		r.slot = lock_slot_of_deref(l, gimple_call_arg(call, api->lock_arg));
	} else if (api->deref_arg) {
		/* __releases(*(T **)_T) of a guard's cleanup: the lock stored at *arg. */
		r.base = object_lock_base_deref(l, gimple_call_arg(call, api->lock_arg));
		if (!r.base)
			r.slot = lock_slot_of_deref(l, gimple_call_arg(call, api->lock_arg));
	} else if (api->lock_arg < 0) {
		r.slot = SLOT_GLOBAL;	/* __acquires(&the_lock) on a prototype */
	} else if (api->object_arg) {
		/* __acquires(&c->lock) on a prototype: the argument is c. */
		r.base = object_value_of_arg(gimple_call_arg(call, api->lock_arg));
	} else {
		/* &obj->lock first: a first member's address is obj's too. */
		r.base = object_lock_base(l, gimple_call_arg(call, api->lock_arg));
		if (!r.base)
			r.slot = lock_slot_of(l, gimple_call_arg(call, api->lock_arg));
	}
	return r;
}

/* A reentrant lock's fact R works on (its holds nest), or 0. */
static vkey reentrant_key(struct lockid l, struct lock_ref r)
{
	if (!tracked_lock_reentrant(l))
		return 0;
	return r.base ? r.base : r.slot == SLOT_GLOBAL ? GLOBAL_LOCK_KEY : 0;
}

location_t lock_taken_in_body(struct lockid l, vkey base)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, cfun)
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			tree fn = call ? gimple_call_fndecl(call) : NULL_TREE;
			const struct lock_api *api = fn ? rules_lock_api(l, fn) : NULL;
			struct lock_ref r;

			/* A helper of the file that takes it: a guard's constructor. */
			if (!api && call && !base && lock_call_effect(l, call, 0) == LOCK_TAKES)
				return gimple_location(call);
			if (!api || (api->op != LOCK_OP_ACQUIRE && api->op != LOCK_OP_ACQUIRE_SHARED &&
				     !lock_op_is_try(api->op)))
				continue;
			r = lock_api_target(l, call, api);
			if (base ? r.base == base : !r.base && r.slot == SLOT_GLOBAL)
				return gimple_location(call);
		}
	return UNKNOWN_LOCATION;
}

/* R taken, as OP says (exclusively or shared); a reentrant lock's holds nest. */
static void lock_take(struct astate *st, struct lockid l, struct lock_ref r, enum lock_op op,
		      location_t loc)
{
	if (reentrant_key(l, r))
		lock_fact_reenter(st, l, reentrant_key(l, r), held_mask(op), loc, SHARED_BY_LOCK);
	else
		lock_ref_set(st, l, r, held_mask(op), loc, SHARED_BY_LOCK);
}

/* R released; a reentrant lock's innermost hold ends. */
static void lock_drop(struct astate *st, struct lockid l, struct lock_ref r, location_t loc)
{
	if (reentrant_key(l, r))
		lock_fact_leave(st, l, reentrant_key(l, r), loc, FREE_BY_UNLOCK);
	else
		lock_ref_set(st, l, r, LK_FREE, loc, FREE_BY_UNLOCK);
}

/*
 * The lock API's call on one path, into OUT.  An attempt forgets what the
 * path knew of the result (from a round of a loop before) and ties each
 * outcome to it; OWN_FACTS: another lock's attempt at this call already
 * did so on this path (the same call can be each lock's: a lock passed
 * as a parameter), and its facts stay.  True when it split on the result.
 */
static bool step_lock_api(struct astate *st, struct lockid l, gcall *call,
			  const struct lock_api *api, struct sset *out, bool own_facts)
{
	location_t loc = gimple_location(call);
	tree lhs = gimple_call_lhs(call);
	struct lock_ref r = lock_api_target(l, call, api);
	struct astate held_path, failed;
	unsigned char held;
	vkey key;

	switch (api->op) {
	case LOCK_OP_ACQUIRE:
	case LOCK_OP_ACQUIRE_SHARED:
		lock_take(st, l, r, api->op, loc);
		break;
	case LOCK_OP_DOWNGRADE:
		lock_ref_set(st, l, r, held_mask(api->op), loc, SHARED_BY_LOCK);
		break;
	case LOCK_OP_RELEASE:
		if (!api->deref_arg) {
			lock_drop(st, l, r, loc);
			break;
		}
		/*
		 * A guard's cleanup (__releases(*(T **)_T), 7.x): the lock is
		 * as before the scope, which for an initialisation scope
		 * (raw_spinlock_init) is as the caller left it; a lock guard's
		 * destructor, run after it, unlocks it.
		 */
		if (r.base)
			lock_fact_drop(st, l, r.base);
		else
			lock_ref_set(st, l, r, LK_ENTRY, loc, 0);
		break;
	case LOCK_OP_ASSUME:
	case LOCK_OP_ASSUME_SHARED:
		if (r.base || r.slot == SLOT_GLOBAL)
			lock_fact_assume(st, l, r.base ? r.base : GLOBAL_LOCK_KEY,
					 api->op == LOCK_OP_ASSUME ? LK_HELD : LK_SHARED, loc);
		break;
	case LOCK_OP_TRY_NONZERO:
	case LOCK_OP_TRY_ZERO:
	case LOCK_OP_TRY_SHARED:
	case LOCK_OP_TRY_ZERO_SHARED:
	case LOCK_OP_GUARD_HELD:
		/* A query whose answer is not used tells nothing; guards hold slots. */
		if ((!r.base && r.slot == SLOT_NONE) ||
		    (api->op == LOCK_OP_GUARD_HELD && (r.base || !lhs)))
			break;
		key = lhs ? value_key(lhs) : 0;
		if (!own_facts)
			forget_call_value(st, call, lhs);
		/*
		 * lock_ptr only asks: where the path already knows whether the
		 * guard holds its lock (its constructor was a call, at -O0),
		 * the answer follows, and nothing is split.
		 */
		held = slot_mask(st, l, r.slot);
		if (api->op == LOCK_OP_GUARD_HELD &&
		    (held == LK_HELD || held == LK_SHARED || held == LK_FREE)) {
			if (fact_add_prio(st, key, held != LK_FREE, FACT_LOCK))
				sset_add(out, st);
			return true;
		}
		state_copy(&held_path, st);
		state_copy(&failed, st);
		lock_ref_set(&held_path, l, r, held_mask(api->op), loc, SHARED_BY_LOCK);
		lock_ref_set(&failed, l, r, LK_FREE, loc, FREE_BY_FAILED_LOCK);
		if (fact_add_prio(&held_path, key, !try_zero(api->op), FACT_LOCK))
			sset_add(out, &held_path);
		if (fact_add_prio(&failed, key, try_zero(api->op), FACT_LOCK))
			sset_add(out, &failed);
		return true;
	default:
		break;
	}
	sset_add(out, st);
	return false;
}

/* ---- calls: callees defined in this file ----------------------------------- */

/* Map a callee's lock slot to the caller's, through the call's arguments. */
static int caller_slot(struct lockid l, gcall *call, int callee_slot)
{
	int i;

	if (callee_slot == SLOT_GLOBAL)
		return SLOT_GLOBAL;
	if (callee_slot >= SLOT_DEREF0) {
		i = callee_slot - SLOT_DEREF0;
		if ((unsigned int)i < gimple_call_num_args(call))
			return lock_slot_of_deref(l, gimple_call_arg(call, i));
		return SLOT_NONE;
	}
	i = callee_slot - SLOT_PARAM0;
	if ((unsigned int)i < gimple_call_num_args(call))
		return lock_slot_of(l, gimple_call_arg(call, i));
	return SLOT_NONE;
}

/*
 * How a callee's exit cases leave one lock: its slot CS, or with PARAM >=
 * 0 that parameter's object's.  NEEDS: the callee needs it held, so
 * leaving it held is no take.
 */
static enum lock_effect exits_effect(const struct lock_summary *ls, bool needs, int cs, int param)
{
	bool touched = false, every_take = ls->ncases > 0 && !needs;

	for (unsigned int k = 0; k < ls->ncases; k++) {
		unsigned char m = param >= 0 ? ls->cases[k].obj_lock[param] : ls->cases[k].lock[cs];

		if (m != LK_ENTRY && !(needs && m == LK_HELD))
			touched = true;
		if (m != LK_HELD)
			every_take = false;
	}
	return !touched ? LOCK_UNTOUCHED : every_take ? LOCK_TAKES : LOCK_TOUCHES;
}

/*
 * How CALL's callee, by its summary, leaves the per-object lock of the
 * object with value BASE, passed as one of its arguments.
 */
static enum lock_effect object_call_effect(const struct lock_summary *ls, gcall *call,
					   vkey base)
{
	enum lock_effect e = LOCK_UNTOUCHED;

	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_LOCK_PARAMS; i++) {
		bool needs = (ls->req != REQ_NONE && (ls->req_objs & (1u << i))) || ls->contract;
		enum lock_effect one;

		if (object_value_of_arg(gimple_call_arg(call, i)) != base)
			continue;
		one = exits_effect(ls, needs, 0, i);
		if (one == LOCK_TOUCHES)
			return one;
		if (one == LOCK_TAKES)
			e = one;
	}
	return e;
}

/*
 * What CALL does to lock L (lockahead.c), the global one with BASE 0,
 * else BASE's object's: LOCK_TAKES for an exclusive take on every way out of it, LOCK_TOUCHES for anything else
 * it may do to it (a release, an attempt, a take for reading, a callee of
 * this file that changes it on some exit), LOCK_UNTOUCHED otherwise (also
 * a callee that only needs it held).  A callee is read through its
 * summary, the lock passed as an argument too (a guard's constructor);
 * one not analysed yet, or given up, touches it.
 */
enum lock_effect lock_call_effect(struct lockid l, gcall *call, vkey base)
{
	tree fn = gimple_call_fndecl(call);
	const struct lock_api *api = fn ? rules_lock_api(l, fn) : NULL;
	const struct summary *s;
	const struct lock_summary *ls;
	enum lock_effect e = LOCK_UNTOUCHED;
	bool needs;

	if (api) {
		struct lock_ref r = lock_api_target(l, call, api);

		if (base ? r.base != base : (r.base || r.slot != SLOT_GLOBAL))
			return LOCK_UNTOUCHED;
		if (api->op == LOCK_OP_ASSUME || api->op == LOCK_OP_ASSUME_SHARED)
			return LOCK_UNTOUCHED;	/* an assertion, no take */
		return api->op == LOCK_OP_ACQUIRE ? LOCK_TAKES : LOCK_TOUCHES;
	}
	s = fn ? summary_of(fn) : NULL;
	if (!s)
		return LOCK_UNTOUCHED;	/* not this file's: as the walk reads it */
	if (!s->ready || s->gave_up)
		return LOCK_TOUCHES;
	ls = lock_summary_of(s, l);
	if (base)
		return object_call_effect(ls, call, base);
	/* One that needs the lock held leaves it held: a need, not a take. */
	needs = ls->req != REQ_NONE || ls->contract;
	/* Each of its slots that is the lock here: untouched, or taken on every exit. */
	for (int cs = 0; cs < NSLOTS; cs++) {
		enum lock_effect one;

		if (caller_slot(l, call, cs) != SLOT_GLOBAL)
			continue;
		one = exits_effect(ls, needs, cs, -1);
		if (one == LOCK_TOUCHES)
			return one;
		if (one == LOCK_TAKES)
			e = one;
	}
	return e;
}

/*
 * A lock's mask after a call whose exit case left it as M, the caller's
 * mask being CALLER.  A callee that needs the lock held (CONTRACT: it
 * asserts it at entry or is annotated __must_hold()) and leaves it held
 * restates that need: it holds the lock as its caller does, so a hold
 * for reading stays one, and one for writing stays one after a callee
 * that needs it for reading only (__must_hold_shared(): 7.3's
 * __crypto_alg_lookup() under crypto_larval_add()'s down_write()).  (A
 * __must_hold() helper that downgrades the lock is read so too.)
 */
static unsigned char lock_after_call(unsigned char m, unsigned char caller, bool contract)
{
	if (contract && m == LK_HELD && (caller & LK_SHARED) && !(caller & LK_FREE))
		return caller;
	if (contract && m == LK_SHARED && (caller & LK_HELD) && !(caller & (LK_FREE | LK_SHARED)))
		return caller;
	return (m & (LK_HELD | LK_SHARED | LK_FREE)) | ((m & LK_ENTRY) ? caller : 0);
}

/*
 * A callee's lock parameter CS given &obj->lock, a per-object lock (or,
 * for a lock stored at *param, a guard's &scope holding it): what the
 * callee left it as (M) is obj's, as for the lock API itself
 * (step_lock_api()).  The guard classes' constructors take the lock so,
 * their destructors drop it: scoped_cond_guard(mutex_try, ..., &d->mtx)
 * after an unlock of d->mtx, and d->counter after the scope.
 */
static void apply_to_object_lock(struct astate *st, struct lockid l, gcall *call, int cs,
				 unsigned char m, bool contract, location_t loc)
{
	bool deref = cs >= SLOT_DEREF0;
	unsigned int i = cs - (deref ? SLOT_DEREF0 : SLOT_PARAM0);
	struct lock_fact *o;
	vkey base;

	if (cs < SLOT_PARAM0 || i >= gimple_call_num_args(call))
		return;
	base = deref ? object_lock_base_deref(l, gimple_call_arg(call, i)) :
		       object_lock_base(l, gimple_call_arg(call, i));
	if (!base)
		return;
	o = lock_fact_find(st, l, base);
	lock_fact_set(st, l, base, lock_after_call(m, o ? o->mask : LK_ENTRY, contract), loc,
		    FREE_BY_CALL);
}

/*
 * Exit case K of the callee, for lock L: what that exit
 * left the lock as, from ST (the path before the call) into AFTER (its
 * copy).  A callee that must be called without the global lock, called
 * with it (lock-held, reported once at the call), leaves the caller's
 * hold as it was: its exit cases assume the lock free at entry.
 */
static void apply_case(struct astate *after, const struct astate *st, struct lockid l,
		       const struct call_info *ci, unsigned int k)
{
	const struct lock_summary *ls = lock_summary_of(ci->callee, l);
	const struct exit_case *ec = &ls->cases[k];
	location_t loc = gimple_location(ci->call);
	unsigned char held = slot_mask(st, l, SLOT_GLOBAL);
	bool keep_global = ls->excl_loc != UNKNOWN_LOCATION && (held & (LK_HELD | LK_SHARED));

	for (int cs = 0; cs < NSLOTS; cs++) {
		unsigned char m = ec->lock[cs];
		int slot;

		if (!m || m == LK_ENTRY)
			continue;
		/* Both: the guard's lock_ptr asks the slot (step_lock_api()). */
		apply_to_object_lock(after, l, ci->call, cs, m, ls->contract, loc);
		slot = caller_slot(l, ci->call, cs);
		if (slot == SLOT_NONE || (slot == SLOT_GLOBAL && keep_global))
			continue;
		set_lock(after, l, slot,
			 lock_after_call(m, slot_mask(st, l, slot), ls->contract),
			 loc, FREE_BY_CALL);
	}
	/* The objects of the arguments: what the callee left their locks as. */
	for (unsigned int i = 0; i < MAX_LOCK_PARAMS && i < gimple_call_num_args(ci->call); i++) {
		unsigned char m = ec->obj_lock[i];
		vkey base = object_value_of_arg(gimple_call_arg(ci->call, i));
		struct lock_fact *o;

		if (!m || m == LK_ENTRY || !base)
			continue;
		o = lock_fact_find(after, l, base);
		lock_fact_set(after, l, base,
			    lock_after_call(m, o ? o->mask : LK_ENTRY,
					    ls->contract && (ls->req_objs & (1u << i))),
			    loc, FREE_BY_CALL);
	}
}

/*
 * Whether the call can leave the callee by case EC, whose paths know its
 * parameters' truth values: not where an argument says otherwise (a
 * constant, or what this path knows of it).  A parameter of the caller's
 * passed on is then known on the path after the call (AFTER): the
 * callee's outcome and the caller's flag go together.
 */
static bool case_params_agree(struct astate *after, gcall *call, const struct exit_case *ec)
{
	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_PARAM_MASK; i++) {
		tree arg = gimple_call_arg(call, i);
		bool want = ec->if_nonzero & (1u << i);
		vkey key = TREE_CODE(arg) == SSA_NAME ? value_key(arg) : 0;
		int have;

		if (!(ec->if_known & (1u << i)))
			continue;
		have = arg_truth(after, arg);
		if (have >= 0 && have != want)
			return false;
		if (have < 0 && param_of_value(key) >= 0 && !fact_add_prio(after, key, want, FACT_LOCK))
			return false;
	}
	return true;
}

/*
 * One path per exit case of the callee, for the locks in LOCKS (those
 * that see the call as one of it): what that exit left each lock as.
 * The case is one path through the callee, the same for every lock.
 */
static void apply_exit_cases(struct astate *st, const struct call_info *const *cis,
			     unsigned int locks, struct sset *out)
{
	const struct summary *s = cis[__builtin_ctz(locks)]->callee;
	unsigned int ncases = s->lock[0].ncases;	/* every part has as many */

	if (!ncases) {
		sset_add(out, st);
		return;
	}
	for (unsigned int k = 0; k < ncases; k++) {
		struct astate after;
		signed char ret = s->lock[0].cases[k].ret_nonzero;

		state_copy(&after, st);
		FOR_EACH_LOCK(l)
			if (locks & (1u << l.index))
				apply_case(&after, st, l, cis[l.index], k);
		if (ret >= 0 && cis[__builtin_ctz(locks)]->key &&
		    !fact_add_prio(&after, cis[__builtin_ctz(locks)]->key, ret, FACT_LOCK))
			continue;
		if (!case_params_agree(&after, cis[__builtin_ctz(locks)]->call,
				       &s->lock[0].cases[k]))
			continue;
		sset_add(out, &after);
	}
}

/* The lock API's value is the attempt's result, which lock_split_call() decides. */
static bool lock_call(struct ctx *c, struct astate *st, const struct call_info *ci)
{
	bool decided = false;

	FOR_EACH_LOCK(l)
		decided |= call_of_lock(c, ci, l)->lock_api != NULL;
	return decided;
}

/*
 * The paths a call leads to.  Where it is a callee with exit cases, each
 * case is one path, whatever lock it is seen by; then each lock for which
 * it is a lock operation splits those in turn (the same call can be each
 * lock's: a lock passed as a parameter), the facts on the result keeping
 * only the outcomes that agree.
 */
static void lock_split_call(struct ctx *c, struct astate *st, const struct call_info *ci,
			    struct sset *out)
{
	const struct call_info *cis[MAX_LOCKS];
	unsigned int callee_locks = 0, api_locks = 0;
	struct sset *from = c->split[0], *to = c->split[1];
	bool own_facts;

	FOR_EACH_LOCK(l) {
		cis[l.index] = call_of_lock(c, ci, l);
		if (cis[l.index]->lock_api)
			api_locks |= 1u << l.index;
		else if (cis[l.index]->callee)
			callee_locks |= 1u << l.index;
	}
	if (!api_locks) {
		if (callee_locks)
			apply_exit_cases(st, cis, callee_locks, out);
		else
			sset_add(out, st);
		return;
	}
	if (!callee_locks && !(api_locks & (api_locks - 1))) {
		FOR_EACH_LOCK(l)
			if (api_locks & (1u << l.index))
				step_lock_api(st, l, ci->call, cis[l.index]->lock_api, out, false);
		return;
	}
	from->n = 0;
	if (callee_locks)
		apply_exit_cases(st, cis, callee_locks, from);
	else
		sset_add(from, st);
	/* The callee's exit cases tied the paths to the result: keep that. */
	own_facts = callee_locks != 0;
	FOR_EACH_LOCK(l) {
		bool tied = false, last;

		if (!(api_locks & (1u << l.index)))
			continue;
		last = !(api_locks >> (l.index + 1));
		to->n = 0;
		for (unsigned int i = 0; i < from->n; i++)
			tied |= step_lock_api(sset_at(from, i), l, ci->call,
					      cis[l.index]->lock_api, last ? out : to, own_facts);
		own_facts |= tied;
		std::swap(from, to);
	}
}

static void phi_one(struct astate *st, struct lockid l, vkey kr, vkey ka)
{
	struct lock_fact *o, copy;

	if (!tracked_per_object(l))
		return;
	lock_fact_drop(st, l, kr);
	o = lock_fact_find(st, l, ka);
	if (!o)
		return;
	copy = *o;
	lock_fact_set(st, l, kr, copy.mask, copy.free_loc, copy.free_why);
}

/* A PHI gives a new value: the object lock of its argument's object follows. */
static void lock_phi(struct ctx *c, struct astate *st, tree res, vkey kr, vkey ka)
{
	FOR_EACH_LOCK(l)
		phi_one(st, l, kr, ka);
}

/* ---- exits: what the summary records ------------------------------------- */

/* The exit case of lock L that ST leaves by. */
static void exit_case_of(struct exit_case *out, struct astate *st, struct lockid l,
			 int ret_nonzero)
{
	const struct lock_fact *g = lock_fact_find(st, l, GLOBAL_LOCK_KEY);
	struct exit_case ec;
	int i = 0;

	memset(&ec, 0, sizeof(ec));
	ec.lock[SLOT_GLOBAL] = g ? lock_fact_exit_mask(g) : LK_ENTRY;
	memcpy(&ec.lock[SLOT_PARAM0], lock_path_of(st, l)->param_lock, NPARAM_SLOTS);
	ec.ret_nonzero = ret_nonzero;
	{
		struct param_cond pc = lock_path_params(st);

		ec.if_known = pc.known;
		ec.if_nonzero = pc.nonzero;
	}
	/* Per-object locks of the parameters' objects, as this exit leaves them. */
	for (tree p = DECL_ARGUMENTS(current_function_decl); p && i < MAX_LOCK_PARAMS;
	     p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(cfun, p);
		struct lock_fact *o = def ? lock_fact_find(st, l, value_key(def)) : NULL;

		if (o)
			ec.obj_lock[i] = lock_fact_exit_mask(o);
	}
	*out = ec;
}

/* Into A: what the parameters are on every path out by A or by B. */
static void join_case_params(struct exit_case *a, const struct exit_case *b)
{
	struct param_cond ca = { a->if_known, a->if_nonzero }, cb = { b->if_known, b->if_nonzero };

	ca = cond_join(ca, cb);
	a->if_known = ca.known;
	a->if_nonzero = ca.nonzero;
}

/* Too many ways out: lock L's cases and NEW as one, result unknown. */
static void join_cases(struct summary *s, struct lockid l, const struct exit_case *new_case)
{
	struct lock_summary *ls = lock_summary_of(s, l);
	struct exit_case *all = &ls->cases[0];

	for (unsigned int i = 1; i <= ls->ncases; i++) {
		const struct exit_case *ec = i < ls->ncases ? &ls->cases[i] : new_case;

		for (int k = 0; k < NSLOTS; k++)
			all->lock[k] |= ec->lock[k];
		for (int k = 0; k < MAX_LOCK_PARAMS; k++)
			all->obj_lock[k] |= ec->obj_lock[k];
		join_case_params(all, ec);
	}
	all->ret_nonzero = -1;
	ls->ncases = 1;
}

/*
 * The exit ST leaves by, as one case of every lock's part: a case is one
 * way out of the function, at the same index in each (apply_exit_cases()
 * takes it as one path, whatever lock sees it).
 */
static void record_exit_case(struct summary *s, struct astate *st, int ret_nonzero)
{
	struct exit_case ec[MAX_LOCKS];
	unsigned int ncases = s->lock[0].ncases;	/* every part has as many */

	FOR_EACH_LOCK(l)
		exit_case_of(&ec[l.rank], st, l, ret_nonzero);
	/* The same way out (the parameters apart): one case, their values joined. */
	for (unsigned int k = 0; k < ncases; k++) {
		bool same = true;

		FOR_EACH_WALKED(r)
			same &= !memcmp(&s->lock[r].cases[k], &ec[r],
					offsetof(struct exit_case, if_known));
		if (!same)
			continue;
		FOR_EACH_WALKED(r)
			join_case_params(&s->lock[r].cases[k], &ec[r]);
		return;
	}
	if (ncases < MAX_CASES) {
		FOR_EACH_WALKED(r)
			s->lock[r].cases[s->lock[r].ncases++] = ec[r];
		return;
	}
	FOR_EACH_LOCK(l)
		join_cases(s, l, &ec[l.rank]);
}

/*
 * Which parameter P the value returned is *P of (or the pointer at offset
 * 0 of *P), or -1.  NULL on some paths does not count: lock_ptr helpers
 * return NULL for an error pointer.
 */
static int returned_deref_param_rec(tree val, int depth)
{
	gimple *def;
	tree ptr;

	/* PHIs of loops can be cycles: a bounded walk, as in values.c. */
	if (!val || TREE_CODE(val) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(val) ||
	    depth > 12)
		return -1;
	def = SSA_NAME_DEF_STMT(val);
	if (is_gimple_call(def)) {
		/* return helper(p): helper returns *its* parameter i */
		struct summary *s = summary_of(gimple_call_fndecl(def));

		if (!s || !s->ready || summary_ret_deref_param(s) < 0 ||
		    (unsigned int)summary_ret_deref_param(s) >= gimple_call_num_args(def))
			return -1;
		return param_index(gimple_call_arg(def, summary_ret_deref_param(s)));
	}
	if (gimple_code(def) == GIMPLE_PHI) {
		int param = -1;

		for (unsigned int i = 0; i < gimple_phi_num_args(def); i++) {
			tree arg = gimple_phi_arg_def(def, i);
			int p;

			if (arg == val || integer_zerop(arg))
				continue;
			if (TREE_CODE(arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(arg) &&
			    gimple_assign_single_p(SSA_NAME_DEF_STMT(arg)) &&
			    integer_zerop(gimple_assign_rhs1(SSA_NAME_DEF_STMT(arg))))
				continue;
			p = returned_deref_param_rec(arg, depth + 1);
			if (p < 0 || (param >= 0 && p != param))
				return -1;
			param = p;
		}
		return param;
	}
	if (!gimple_assign_single_p(def) && !gimple_assign_cast_p(def))
		return -1;
	val = gimple_assign_rhs1(def);
	if (TREE_CODE(val) == SSA_NAME)
		return returned_deref_param_rec(val, depth + 1);
	ptr = deref_pointer_of(val);
	return ptr ? param_index(ptr) : -1;
}

/* A lock returned (or *param returned) is what callers' slots map through. */
static void record_returned_lock(struct ctx *c, struct lockid l, tree val)
{
	struct summary *s = c->sum;
	int slot = lock_slot_of(l, val);
	int deref = returned_deref_param_rec(val, 0);

	if (!walk_of(c, l)->ret_slot_set) {
		lock_summary_of(s, l)->ret_slot = slot;
		walk_of(c, l)->ret_slot_set = true;
	} else if (lock_summary_of(s, l)->ret_slot != slot) {
		lock_summary_of(s, l)->ret_slot = SLOT_NONE;
	}
	if (!walk_of(c, l)->ret_deref_set) {
		lock_summary_of(s, l)->ret_deref_param = deref;
		walk_of(c, l)->ret_deref_set = true;
	} else if (lock_summary_of(s, l)->ret_deref_param != deref) {
		lock_summary_of(s, l)->ret_deref_param = -1;
	}
}

static void lock_exit(struct ctx *c, struct astate *st, const struct exit_info *ex)
{
	if (!c->final)
		return;
	FOR_EACH_LOCK(l)
		if (ex->val && ex->ret_nonzero != 0)
			record_returned_lock(c, l, ex->val);
	record_exit_case(c->sum, st, ex->ret_nonzero);
}

/* ---- the end of the final sweep ------------------------------------------- */

static void lock_reset_summary(struct summary *s)
{
	/* Nothing held, needed or excluded: zero, but for "returns no lock". */
	memset(s->lock, 0, tracked_walked() * sizeof(s->lock[0]));
	FOR_EACH_WALKED(r) {
		s->lock[r].ret_slot = SLOT_NONE;
		s->lock[r].ret_deref_param = -1;
	}
}

/*
 * The fixpoint compares what a caller's analysis reads of the callee: the
 * locations and trees that only word a note (req_loc, req_field, req_via,
 * req_write_field, excl_by_annotation) are left out.
 */
static bool part_equal(const struct lock_summary *a, const struct lock_summary *b)
{
	return a->contract == b->contract &&
	       a->direct_entry_access == b->direct_entry_access &&
	       a->ncases == b->ncases && a->ret_slot == b->ret_slot &&
	       a->ret_deref_param == b->ret_deref_param && a->req == b->req &&
	       a->req_by_annotation == b->req_by_annotation && a->req_objs == b->req_objs &&
	       a->req_locks == b->req_locks && a->req_itself == b->req_itself &&
	       a->req_if_known == b->req_if_known && a->req_if_nonzero == b->req_if_nonzero &&
	       a->req_write_loc == b->req_write_loc && a->req_write_via == b->req_write_via &&
	       a->excl_loc == b->excl_loc && a->excl_via == b->excl_via &&
	       a->excl_objs == b->excl_objs && a->excl_objs_loc == b->excl_objs_loc &&
	       !memcmp(a->cases, b->cases, a->ncases * sizeof(a->cases[0]));
}

static bool lock_summary_equal(const struct summary *a, const struct summary *b)
{
	FOR_EACH_WALKED(r)
		if (!part_equal(&a->lock[r], &b->lock[r]))
			return false;
	return true;
}

static int line_of(location_t loc)
{
	return usable_loc(loc) ? expand_location(loc).line : 0;
}

static const char *decl_name_or(tree t, const char *none)
{
	return t && DECL_P(t) && DECL_NAME(t) ? IDENTIFIER_POINTER(DECL_NAME(t)) : none;
}

/*
 * Every field of lock L's part: a location as its line (0:
 * none), a tree as its name (-: none).
 */
static void lock_summary_dump(const struct summary *s, struct lockid l, FILE *out)
{
	const struct lock_summary *ls = lock_summary_of(s, l);

	fprintf(out, " req=%d req_line=%d req_field=%s req_via=%s req_by_annotation=%d"
		" req_objs=%#x write_line=%d write_field=%s write_via=%s"
		" excl_line=%d excl_via=%s excl_by_annotation=%d excl_objs=%#x excl_objs_line=%d"
		" contract=%d direct=%d ret_slot=%d ret_deref=%d cases=%u",
		ls->req, line_of(ls->req_loc), decl_name_or(ls->req_field, "-"),
		decl_name_or(ls->req_via, "-"), ls->req_by_annotation, ls->req_objs,
		line_of(ls->req_write_loc), decl_name_or(ls->req_write_field, "-"),
		decl_name_or(ls->req_write_via, "-"), line_of(ls->excl_loc),
		decl_name_or(ls->excl_via, "-"), ls->excl_by_annotation, ls->excl_objs,
		line_of(ls->excl_objs_loc), ls->contract, ls->direct_entry_access, ls->ret_slot,
		ls->ret_deref_param, ls->ncases);
	for (unsigned int k = 0; k < ls->ncases; k++) {
		fprintf(out, " [");
		for (int j = 0; j < NSLOTS; j++)
			if (ls->cases[k].lock[j] != LK_ENTRY)
				fprintf(out, " s%d=%d", j, ls->cases[k].lock[j]);
		for (int j = 0; j < MAX_LOCK_PARAMS; j++)
			if (ls->cases[k].obj_lock[j])
				fprintf(out, " o%d=%d", j, ls->cases[k].obj_lock[j]);
		if (ls->cases[k].if_known)
			fprintf(out, " if=%#x/%#x", ls->cases[k].if_known,
				ls->cases[k].if_nonzero);
		fprintf(out, " ret=%d]", ls->cases[k].ret_nonzero);
	}
	if (ls->req_if_known)
		fprintf(out, " req_if=%#x/%#x", ls->req_if_known, ls->req_if_nonzero);
}

/* strict: a static function relying on its callers should say so. */
const struct checker lock_checker = {
	.name = "lock",
	.walk_size = MAX_LOCKS * sizeof(struct lock_walk),
	.begin = lock_begin,
	.entry = lock_entry,
	.operands = lock_operands,
	.call = lock_call,
	.split_call = lock_split_call,
	.exit = lock_exit,
	.fact = lock_fact,
	.phi = lock_phi,
	.path_equal = lock_path_equal,
	.path_join = lock_path_join,
	.path_closeness = lock_path_closeness,
	.reset_summary = lock_reset_summary,
	.summary_equal = lock_summary_equal,
	.summary_dump = lock_summary_dump,
};
