// SPDX-License-Identifier: GPL-2.0
/*
 * ownership.c - the ownership checker: where references are tracked.
 *
 * A path state holds one entry per pointer value that owns something
 * (struct ptr: PT_OWNED, PT_RELEASED, PT_NULL, PT_MOVED may-sets), taken by
 * the reference API (get_all, get, current) or passed in by the caller, and
 * the objects allocated and not yet published (fresh: private, so their
 * fields need no lock).  This file says what the reference API, stores,
 * copies, PHIs, branch tests and callees' summaries do to them, and what
 * is left owned where the function returns.
 *
 * Findings: ref-leak, double-put, use-after-put.
 *
 * The reference API is the rule set's: it applies in a walk whose first
 * lock (tracked_lead()) is the rule set's, which the walk tracks where the
 * unit may have its findings (fixpoint.c).
 */
#include "engine.h"

/* What this checker keeps about the function being analysed (its walk blob). */
struct own_walk {
	unsigned int not_consumed;	/* counted-pointer parameters still owned at an exit */
	unsigned int handed_on;	/* counted-pointer parameters stored somewhere by an exit */
	bool ret_rest_set;
	bool returns_owned_any, returns_unowned;
	bool returns_fresh_any, returns_not_fresh;
	int returns_kind;
};

static struct own_walk *walk_of(struct ctx *c)
{
	return CHECKER_WALK(c, ownership, struct own_walk);
}

static tree user_var(tree ssa)
{
	tree var;

	if (!ssa || TREE_CODE(ssa) != SSA_NAME)
		return ssa && TREE_CODE(ssa) == VAR_DECL ? ssa : NULL_TREE;
	var = SSA_NAME_VAR(ssa);
	return var && !DECL_ARTIFICIAL(var) && DECL_NAME(var) ? var : NULL_TREE;
}

static const char *var_name(tree var)
{
	return var && DECL_NAME(var) ? IDENTIFIER_POINTER(DECL_NAME(var)) : "the pointer";
}

static const char *origin_name(gimple *origin)
{
	if (origin && is_gimple_call(origin))
		return fn_name(gimple_call_fndecl(origin));
	return "the caller";
}

/* Find the entry owning a value, through re-keying aliases. */
static struct ptr *owned_entry(struct astate *st, tree expr)
{
	return expr ? ptr_find(st, value_key(expr)) : NULL;
}

/*
 * user_event_mm_get(mm) returns mm: called for its effect alone, it gives
 * mm one more reference.  That reference is an entry of its own, keyed by
 * the call (no value holds the result), got_from naming mm's value.
 */
static struct ptr *extra_owned(struct astate *st, vkey key)
{
	struct ptr *last = NULL;

	if (!key)
		return NULL;
	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		struct ptr *p = &st->own.ptrs[i];

		if (p->got_from != key || p->alias || !(p->mask & PT_OWNED))
			continue;
		if (!last || gimple_location(p->origin) > gimple_location(last->origin))
			last = p;
	}
	return last;
}

/*
 * The entry a put, store, return or dereference of KEY's value acts on:
 * its own reference while it holds it, then the extra ones, the last taken
 * first.  A parameter's own reference is the caller's: its extra ones go
 * first, so that a function that pins its argument still borrows it.
 */
static struct ptr *entry_of_key(struct astate *st, vkey key)
{
	struct ptr *p = key ? ptr_find(st, key) : NULL;
	struct ptr *extra;

	if (p && !p->is_param && (p->mask & PT_OWNED))
		return p;
	extra = extra_owned(st, key);
	return extra ? extra : p;
}

static struct ptr *used_entry(struct astate *st, tree val)
{
	return val ? entry_of_key(st, value_key(val)) : NULL;
}

/* ---- leaks ------------------------------------------------------------- */

static void report_leak(struct ctx *c, struct ptr *p, location_t loc,
			enum finding_kind kind, bool list)
{
	struct finding f;

	finding_init(&f, kind, loc, NULL);
	if (p->origin)
		finding_note(&f, NOTE_REF_TAKEN, gimple_location(p->origin),
			     origin_name(p->origin), 0);
	if (list)
		finding_note(&f, NOTE_EVERY_NODE, loc, NULL, 0);
	report(c, &f);
}

/*
 * A reference a dropped get gave its argument, still owned where the path
 * leaves: reported at the get, once however many exits keep it.
 */
static void report_extra_leak(struct ctx *c, struct ptr *p, location_t loc)
{
	struct finding f;

	p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
	finding_init(&f, FINDING_REF_EXTRA_LEAKED, gimple_location(p->origin), var_name(p->var));
	finding_note(&f, NOTE_LEAVES_HOLDING, loc, var_name(p->var), 0);
	report(c, &f);
}

/*
 * Every reference still owned here leaks: one finding for the location,
 * worded from all of them, never from whichever the state lists first
 * (that order follows the GIMPLE, which differs between GCC versions).
 */
static void leak_all_owned(struct ctx *c, struct astate *st, location_t loc)
{
	struct ptr *first = NULL;
	bool list = false;

	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		struct ptr *p = &st->own.ptrs[i];

		if (p->alias || p->is_param || !(p->mask & PT_OWNED))
			continue;
		if (p->got_from) {
			report_extra_leak(c, p, loc);
			continue;
		}
		if (!first || (p->origin && (!first->origin ||
		    gimple_location(p->origin) < gimple_location(first->origin))))
			first = p;
		if (p->kind & RK_LIST)
			list = true;
		p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
	}
	if (first)
		report_leak(c, first, loc, FINDING_REF_HELD_AT_EXIT, list);
}

/* A user variable is assigned: the reference it alone held is lost. */
static void check_overwrite(struct ctx *c, struct astate *st, tree var,
			    vkey new_key, location_t loc)
{
	if (!var)
		return;
	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		struct ptr *p = &st->own.ptrs[i];

		if (p->alias || p->key == new_key)
			continue;
		if (p->var2 == var) {
			p->var2 = NULL_TREE;
			continue;
		}
		if (p->var != var)
			continue;
		if (p->var2) {
			p->var = p->var2;
			p->var2 = NULL_TREE;
			continue;
		}
		if (p->mask == PT_OWNED && !p->is_param) {
			report_leak(c, p, loc, FINDING_REF_LOST, p->kind & RK_LIST);
			p->mask = PT_MOVED;
		} else if (p->mask == PT_OWNED && !p->alias) {
			/* A walk past the caller's node that did not put it: borrowed. */
			walk_of(c)->not_consumed |= 1u << (p->is_param - 1);
		}
		p->var = NULL_TREE;
	}
}

/* Leaving the function: what is still owned here is leaked. */
static void check_leaks_at_exit(struct ctx *c, struct astate *st, location_t loc)
{
	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		struct ptr *p = &st->own.ptrs[i];

		if (p->is_param && !p->alias && (p->mask & PT_MOVED))
			walk_of(c)->handed_on |= 1u << (p->is_param - 1);
		if (p->is_param && !p->alias && (p->mask & PT_OWNED))
			walk_of(c)->not_consumed |= 1u << (p->is_param - 1);
	}
	leak_all_owned(c, st, loc);
}

/* ---- taking, putting and handing on references -------------------------- */

static void track_new_reference(struct ctx *c, struct astate *st, tree lhs,
				gimple *origin, int kind, vkey alt)
{
	vkey key = value_key(lhs);
	struct ptr *p;

	check_overwrite(c, st, user_var(lhs), key, gimple_location(origin));
	fact_drop(st, key);
	p = ptr_add(st, key);
	if (!p)
		return;
	memset(p, 0, sizeof(*p));
	p->key = key;
	p->mask = PT_OWNED;
	p->kind = kind;
	p->origin = origin;
	p->var = user_var(lhs);
	p->rest = alt;	/* for user_event_mm_get(): puts of the argument count */
}

/* user_event_mm_get(mm) returns mm: a put through mm releases it too. */
static struct ptr *entry_for_put(struct astate *st, vkey key)
{
	struct ptr *p = entry_of_key(st, key);

	if (p)
		return p;
	for (unsigned int i = 0; i < st->own.nptrs; i++)
		if (!st->own.ptrs[i].alias && st->own.ptrs[i].kind == RK_NODE &&
		    st->own.ptrs[i].rest == key && (st->own.ptrs[i].mask & PT_OWNED))
			return &st->own.ptrs[i];
	return NULL;
}

/*
 * Release what arg owns.  A put releases one node (the head of an unsplit
 * list leaves its rest owned by nobody); a consuming callee (whole) takes
 * everything arg owns.  at names the put, for a unique key of that rest.
 */
static void do_put(struct ctx *c, struct astate *st, tree arg, gimple *at,
		   const char *how, bool whole)
{
	location_t loc = gimple_location(at);
	vkey key = value_key(arg);
	struct ptr *p;

	if (!key || fact_get(st, key) == 0)
		return;
	p = entry_for_put(st, key);
	if (!p || (p->mask & (PT_NULL | PT_MOVED)) == p->mask)
		return;
	if (p->mask & PT_RELEASED) {
		struct finding f;

		finding_init(&f, FINDING_DOUBLE_PUT, loc, how);
		finding_note(&f, NOTE_FIRST_PUT, p->put_loc, NULL, 0);
		report(c, &f);
	}
	/* (A loop putting its own previous rest again: release, no new rest.) */
	if (p->kind == RK_LIST && !p->is_param && !whole && p->key != ((vkey)at | 1)) {
		/* Putting the head of a list leaves the rest owned by nobody. */
		struct ptr rest = *p;

		rest.key = (vkey)at | 1;
		rest.var = rest.var2 = NULL_TREE;
		rest.rest = 0;
		p->kind = RK_NODE;
		p->rest = rest.key;
		struct ptr *q = ptr_add(st, rest.key);
		if (q)
			*q = rest;
		p = entry_for_put(st, key);
		if (!p)
			return;
	}
	p->mask = PT_RELEASED;
	p->put_loc = loc;
}

static void check_deref(struct ctx *c, struct astate *st, tree ptr, location_t loc)
{
	struct ptr *p = used_entry(st, ptr);
	struct finding f;

	if (!p || !(p->mask & PT_RELEASED))
		return;
	finding_init(&f, FINDING_USE_AFTER_PUT, loc, var_name(user_var(ptr)));
	finding_note(&f, NOTE_PUT_HERE, p->put_loc, NULL, 0);
	report(c, &f);
	/* Past a use after free nothing is known of it: stop tracking. */
	p->mask = PT_MOVED;
}

static void own_operands(struct ctx *c, gimple *stmt, struct astate *st)
{
	const struct stmt_operands *ops = operands_of(c, stmt);

	for (unsigned int i = 0; i < ops->nderef; i++)
		check_deref(c, st, ops->deref[i].ptr, operand_location(ops->deref[i].in, stmt));
}

/* A pointer value handed on (stored, returned): no longer ours to put. */
static void hand_on(struct astate *st, tree val)
{
	struct ptr *p;

	if (!val || TREE_CODE(val) != SSA_NAME)
		return;
	fresh_drop(st, value_key(val));
	p = used_entry(st, val);
	if (p && (p->mask & PT_OWNED))
		p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
}

/*
 * LHS (value KEY) receives the rest of the list whose node NODE points to:
 * NODE's entry now owns one node, KEY the rest.  Reading the link of the
 * same node again yields the same rest.  For mm->next itself, and for a
 * call of an accessor whose summary returns the rest of its parameter's list.
 */
static void take_rest(struct astate *st, tree node, tree lhs, vkey key)
{
	struct ptr *p = owned_entry(st, node);
	struct ptr rest;
	struct ptr *q;

	if (!p || !(p->rest || (p->mask & PT_OWNED)))
		return;
	if (!p->rest && (p->kind & RK_LIST)) {
		memset(&rest, 0, sizeof(rest));
		rest.key = key;
		rest.mask = PT_OWNED;
		rest.kind = RK_LIST;
		rest.origin = p->origin;
		rest.var = user_var(lhs);
		rest.is_param = p->is_param;
		p->kind = RK_NODE;
		p->rest = key;
	} else if (p->rest && p->rest != key) {
		memset(&rest, 0, sizeof(rest));
		rest.key = key;
		rest.alias = p->rest;
		rest.mask = PT_MOVED;
	} else {
		return;
	}
	q = ptr_add(st, key);
	if (q)
		*q = rest;
}

/* ---- calls --------------------------------------------------------------- */

/* A get that returns its argument, result dropped: the argument's now. */
static bool track_extra_reference(struct ctx *c, struct astate *st, gcall *call)
{
	tree arg = gimple_call_num_args(call) ? gimple_call_arg(call, 0) : NULL_TREE;
	vkey from = arg && TREE_CODE(arg) == SSA_NAME ? value_key(arg) : 0;
	struct ptr *p;

	if (!from)
		return false;
	p = ptr_add(st, (vkey)call | 2);
	if (!p)
		return false;
	memset(p, 0, sizeof(*p));
	p->key = (vkey)call | 2;
	p->mask = PT_OWNED;
	p->kind = RK_NODE;
	p->origin = call;
	p->got_from = from;
	p->var = user_var(arg);
	return true;
}

static void ref_api_call(struct ctx *c, struct astate *st, const struct call_info *ci)
{
	gcall *call = ci->call;
	tree lhs = ci->lhs;
	struct finding f;

	switch (ci->ref_op) {
	case REF_OP_GET_ALL:
	case REF_OP_GET:
	case REF_OP_CURRENT:
		/* Discarded: no destination, or a compiler temporary never used. */
		if (!lhs || (TREE_CODE(lhs) == SSA_NAME && has_zero_uses(lhs) &&
			     !user_var(lhs))) {
			if (ci->ref_op == REF_OP_GET && track_extra_reference(c, st, call))
				break;
			finding_init(&f, FINDING_REF_DISCARDED, gimple_location(call),
				     fn_name(ci->fndecl));
			finding_note(&f, ci->ref_op == REF_OP_GET_ALL ? NOTE_PUT_EVERY_NODE :
				     NOTE_PUT_IT, gimple_location(call), NULL, 0);
			report(c, &f);
		} else if (TREE_CODE(lhs) == SSA_NAME ||
			   (TREE_CODE(lhs) == VAR_DECL && !is_global_var(lhs))) {
			track_new_reference(c, st, lhs, call,
					    ci->ref_op == REF_OP_GET_ALL ? RK_LIST : RK_NODE,
					    ci->ref_op == REF_OP_GET && gimple_call_num_args(call) ?
					    value_key(gimple_call_arg(call, 0)) : 0);
		}
		/* else stored straight into memory: handed on. */
		break;
	case REF_OP_PUT:
		if (gimple_call_num_args(call))
			do_put(c, st, gimple_call_arg(call, 0), call,
			       rules_ref_api_name(tracked_lead(), REF_OP_PUT), false);
		break;
	default:
		break;
	}
}

/* A callee of this file: what its summary says it does with references. */
static bool summary_call(struct ctx *c, struct astate *st, const struct call_info *ci)
{
	const struct summary *s = ci->callee;
	gcall *call = ci->call;
	tree lhs = ci->lhs;
	bool defined = false;

	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < MAX_PARAM_MASK; i++) {
		if (!(s->own.consumes & (1u << i)))
			continue;
		/*
		 * A callee that stores the reference (links it into a list,
		 * publishes it) hands it on like a store here; only one that
		 * puts it on every path releases it.
		 */
		if (s->own.hands_on & (1u << i))
			hand_on(st, gimple_call_arg(call, i));
		else
			do_put(c, st, gimple_call_arg(call, i), call,
			       fn_name(s->decl), true);
	}
	if (s->own.returns_owned && lhs) {
		track_new_reference(c, st, lhs, call, s->own.returns_owned, 0);
		defined = true;
	}
	/* A wrapper of an allocator returns an object nobody has seen yet. */
	if (s->own.returns_fresh && ci->key)
		fresh_add(st, ci->key);
	/* An accessor of the link: as if the caller read arg->next itself. */
	if (s->own.ret_rest_param >= 0 && lhs && TREE_CODE(lhs) == SSA_NAME &&
	    (unsigned int)s->own.ret_rest_param < gimple_call_num_args(call))
		take_rest(st, gimple_call_arg(call, s->own.ret_rest_param), lhs, ci->key);
	return defined;
}

static bool own_call(struct ctx *c, struct astate *st, const struct call_info *ci)
{
	/* Passing a fresh object to anyone publishes it. */
	for (unsigned int i = 0; i < gimple_call_num_args(ci->call); i++) {
		tree arg = gimple_call_arg(ci->call, i);

		if (TREE_CODE(arg) == SSA_NAME)
			fresh_drop(st, value_key(arg));
	}
	if (ci->lock_api)
		return false;	/* the lock tracker decides its value */
	if (ci->ref_op != REF_OP_NONE) {
		ref_api_call(c, st, ci);
		return true;
	}
	if (ci->allocator) {
		forget_call_value(st, ci->call, ci->lhs);
		fresh_add(st, ci->key);
		return true;
	}
	return ci->callee && summary_call(c, st, ci);
}

/* ---- assignments, exits, edges ---------------------------------------------- */

static void own_assign(struct ctx *c, struct astate *st, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	location_t loc = gimple_location(stmt);

	if (TREE_CODE(lhs) != SSA_NAME) {
		/* A store: the stored pointer is published or handed on. */
		if (gimple_assign_single_p(stmt))
			hand_on(st, rhs);
		return;
	}

	vkey key = value_key(lhs);
	bool is_copy = key != (vkey)lhs;
	bool loads_next = gimple_assign_single_p(stmt) && TREE_CODE(rhs) == COMPONENT_REF &&
			  rules_is_link_field(tracked_lead(), TREE_OPERAND(rhs, 1));

	if (!is_copy) {
		struct ptr *from = loads_next ? owned_entry(st, access_base_pointer(rhs)) : NULL;

		/* Reading mm->next again yields the same rest: not an overwrite. */
		check_overwrite(c, st, user_var(lhs), from && from->rest ? from->rest : key, loc);
	}

	/* n = mm->next on an owned list: n now owns the rest of the list. */
	if (loads_next) {
		take_rest(st, access_base_pointer(rhs), lhs, key);
		return;
	}

	/* A copy into another variable: one more holder. */
	if (is_copy) {
		struct ptr *p = owned_entry(st, lhs);
		tree var = user_var(lhs);

		check_overwrite(c, st, var, key, loc);
		if (p && var && p->var != var)
			p->var2 = var;
	}
}

/* Which parameter's list VAL is the rest of (its ->next), or -1. */
static int rest_of_param(struct astate *st, tree val)
{
	vkey key = TREE_CODE(val) == SSA_NAME ? value_key(val) : 0;

	if (!key)
		return -1;
	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		const struct ptr *n = &st->own.ptrs[i];

		if (n->is_param && n->rest == key)
			return n->is_param - 1;
	}
	return -1;
}

/* What the function returns, for its summary. */
static void record_returned(struct ctx *c, struct astate *st, const struct exit_info *ex)
{
	struct own_walk *w = walk_of(c);
	struct summary *s = c->sum;
	struct ptr *p = used_entry(st, ex->val);

	if (ex->ret_nonzero != 0) {
		int rest = rest_of_param(st, ex->val);

		if (!w->ret_rest_set) {
			s->own.ret_rest_param = rest;
			w->ret_rest_set = true;
		} else if (s->own.ret_rest_param != rest) {
			s->own.ret_rest_param = -1;
		}
		if (fresh_has(st, value_key(ex->val)))
			w->returns_fresh_any = true;
		else
			w->returns_not_fresh = true;
	}
	if (p && (p->mask & PT_OWNED) && !p->is_param) {
		w->returns_owned_any = true;
		w->returns_kind |= p->kind;
	} else if (ex->ret_nonzero != 0) {
		w->returns_unowned = true;
	}
}

static void own_exit(struct ctx *c, struct astate *st, const struct exit_info *ex)
{
	if (ex->val) {
		if (c->final)
			record_returned(c, st, ex);
		hand_on(st, ex->val);
	}
	check_leaks_at_exit(c, st, ex->loc);
}

/* A branch decided KEY: a NULL node has no rest after it either. */
static void own_fact(struct ctx *c, struct astate *st, vkey key, bool nonzero)
{
	struct ptr *p = ptr_find(st, key);

	if (!p)
		return;
	if (!nonzero) {
		for (int hops = 0; p && hops < MAX_PTRS; hops++) {
			vkey rest = p->rest;

			p->mask = PT_NULL;
			p = rest ? ptr_find(st, rest) : NULL;
		}
	} else if (p->mask != PT_NULL) {
		p->mask &= ~PT_NULL;
	}
}

/* A PHI moves what the argument (KA) owns to the result (KR). */
static void own_phi(struct ctx *c, struct astate *st, tree res, vkey kr, vkey ka)
{
	struct ptr *old, *src;

	if (ka && fresh_has(st, ka))
		fresh_add(st, kr);
	else
		fresh_drop(st, kr);

	/* Extra references go with their value: KR's old one keeps none. */
	for (unsigned int i = 0; i < st->own.nptrs; i++) {
		struct ptr *e = &st->own.ptrs[i];

		if (e->got_from && e->got_from == kr)
			e->got_from = (vkey)e->origin | 2;
		else if (e->got_from && e->got_from == ka)
			e->got_from = kr;
	}

	/* The result's previous value (last iteration) is gone. */
	old = ptr_find_exact(st, kr);
	if (old && !old->alias && old->mask == PT_OWNED && !old->is_param) {
		report_leak(c, old, st->last_loc, FINDING_REF_LOST, old->kind & RK_LIST);
		old->mask = PT_MOVED;
	} else if (old && !old->alias && old->mask == PT_OWNED) {
		/* A walk past the caller's node that did not put it: borrowed. */
		walk_of(c)->not_consumed |= 1u << (old->is_param - 1);
	}
	src = ka ? ptr_find(st, ka) : NULL;
	if (!src) {
		if (old)
			memset(old, 0, sizeof(*old)), old->key = kr, old->mask = PT_NULL;
		return;
	}
	struct ptr moved = *src;

	moved.key = kr;
	moved.alias = 0;
	moved.var = user_var(res);
	moved.var2 = NULL_TREE;
	src->alias = kr;
	src->mask = PT_MOVED;
	old = ptr_add(st, kr);
	if (old)
		*old = moved;
}

/*
 * GCC merges "return x;" statements into one shared return block that has
 * no location of its own.  A leak belongs to the path that leaves, so it is
 * checked on the edge into that block, where the path's location is known.
 */
static void own_edge(struct ctx *c, struct astate *st, edge e)
{
	gimple *ret = NULL;
	tree val;

	/* Only end-of-scope clobbers may come before the return. */
	for (gimple_stmt_iterator gsi = gsi_start_bb(e->dest); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		if (is_gimple_debug(stmt) || gimple_clobber_p(stmt))
			continue;
		if (gimple_code(stmt) != GIMPLE_RETURN)
			return;
		ret = stmt;
	}
	if (!ret || usable_loc(gimple_location(ret)))
		return;
	val = gimple_return_retval(as_a<greturn *>(ret));
	if (val) {
		struct ptr *p = used_entry(st, val);

		/* The returned reference is handed on, not leaked. */
		if (p && (p->mask & PT_OWNED) && !p->is_param) {
			struct astate probe;

			state_copy(&probe, st);

			hand_on(&probe, val);
			check_leaks_at_exit(c, &probe, st->last_loc);
			for (unsigned int i = 0; i < st->own.nptrs; i++)
				if (&st->own.ptrs[i] != p && !st->own.ptrs[i].is_param &&
				    (probe.own.ptrs[i].mask & PT_MOVED) && !(st->own.ptrs[i].mask & PT_MOVED))
					st->own.ptrs[i].mask = probe.own.ptrs[i].mask;
			return;
		}
	}
	leak_all_owned(c, st, st->last_loc);
}

/* ---- entry and the end of the final sweep --------------------------------- */

/* The caller's references, passed in: tracked to learn what we consume. */
static void own_entry(struct ctx *c, struct astate *st)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(cfun, p);
		struct ptr *e;

		if (!def || i >= MAX_PARAM_MASK ||
		    !rules_is_counted_pointer_type(tracked_lead(), TREE_TYPE(p)))
			continue;
		e = ptr_add(st, value_key(def));
		if (!e)
			continue;
		e->mask = PT_OWNED;
		e->kind = RK_ANY;
		e->is_param = i + 1;
		e->var = p;
	}
}

static void own_begin(struct ctx *c)
{
	memset(walk_of(c), 0, sizeof(struct own_walk));
}

static void own_reset_summary(struct summary *s)
{
	memset(&s->own, 0, sizeof(s->own));
	s->own.ret_rest_param = -1;
}

/* Every field of its part is read by the callers' analysis. */
static bool own_summary_equal(const struct summary *sa, const struct summary *sb)
{
	const struct own_summary *a = &sa->own, *b = &sb->own;

	return a->ret_rest_param == b->ret_rest_param && a->consumes == b->consumes &&
	       a->hands_on == b->hands_on && a->returns_owned == b->returns_owned &&
	       a->returns_fresh == b->returns_fresh;
}

static void own_summary_dump(const struct summary *s, struct lockid l, FILE *out)
{
	const struct own_summary *o = &s->own;

	fprintf(out, " consumes=%#x hands_on=%#x returns_owned=%d fresh=%d ret_rest=%d",
		o->consumes, o->hands_on, o->returns_owned, o->returns_fresh,
		o->ret_rest_param);
}

static void own_finish(struct ctx *c)
{
	struct summary *s = c->sum;
	const struct own_walk *w = walk_of(c);
	int i = 0;

	/* A parameter is consumed when no exit still owns it. */
	s->own.consumes = 0;
	for (tree p = DECL_ARGUMENTS(current_function_decl); p && i < MAX_PARAM_MASK; p = DECL_CHAIN(p), i++)
		if (rules_is_counted_pointer_type(tracked_lead(), TREE_TYPE(p)) &&
		    !(w->not_consumed & (1u << i)))
			s->own.consumes |= 1u << i;
	s->own.hands_on = s->own.consumes & w->handed_on;
	if (w->returns_owned_any && !w->returns_unowned)
		s->own.returns_owned = w->returns_kind & RK_LIST ? RK_LIST : RK_NODE;
	s->own.returns_fresh = w->returns_fresh_any && !w->returns_not_fresh;
}

const struct checker ownership_checker = {
	.name = "ownership",
	.walk_size = sizeof(struct own_walk),
	.begin = own_begin,
	.entry = own_entry,
	.operands = own_operands,
	.call = own_call,
	.assign = own_assign,
	.exit = own_exit,
	.fact = own_fact,
	.phi = own_phi,
	.edge = own_edge,
	.path_equal = own_path_equal,
	.path_join = own_path_join,
	.path_closeness = own_path_closeness,
	.reset_summary = own_reset_summary,
	.summary_equal = own_summary_equal,
	.summary_dump = own_summary_dump,
	.finish = own_finish,
};
