// SPDX-License-Identifier: GPL-2.0
/*
 * analysis.c - one forward dataflow over a function's CFG (GIMPLE, SSA),
 * carrying both rules at once:
 *
 *  lock rule:  which locks may be held (LK_HELD / LK_FREE / LK_ENTRY = as
 *              the caller left it) at every access to user_event_mm->next;
 *  ref rule:   which references the function owns, has put, or handed on.
 *
 * States are kept per path up to MAX_STATES (state.c), branch conditions
 * add facts and drop infeasible paths, calls to functions of this
 * translation unit apply their summaries (summary.c).  The analysis only
 * reads the IR: generated code never changes.
 */
#include "uecheck.h"

#define MAX_ASSERTIONS 32
#define VISITS_PER_BLOCK 64	/* fixpoint budget: give up rather than hang */
#define MAX_REQ_CANDIDATES 32
#define MAX_REPORTED 32

struct anchor {
	const struct assertion *a;
	gimple *stmt;		/* the assertion takes effect just before it */
	bool unconditional;	/* its block is on every path through the body */
};

/* A requirement the final sweep met, before it is passed up. */
struct req_candidate {
	location_t loc;
	tree via;
	unsigned char kind;	/* enum requirement */
	bool direct;
};

struct ctx {
	struct summary *sum;
	bool final;		/* final sweep over stable states: fill the summary */
	bool emit;		/* ... and emit findings (summaries are final) */
	bool found;		/* the final sweep met a finding, emitted or not */
	struct anchor anchors[MAX_ASSERTIONS];
	unsigned int nanchors;
	struct sset **in;	/* per basic block */
	struct sset *scratch[2];	/* states between statements of a block */
	hash_map<gimple *, struct stmt_operands *> *operands;
	unsigned int not_consumed;	/* mm parameters still owned at an exit */
	unsigned int handed_on;	/* mm parameters stored somewhere by an exit */
	bool ret_slot_set, ret_deref_set, ret_rest_set;
	bool returns_owned_any, returns_unowned;
	bool returns_fresh_any, returns_not_fresh;
	int returns_kind;
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

/* A location that names a line of a file (not unknown, not <built-in>). */
static bool usable_loc(location_t loc)
{
	return LOCATION_LOCUS(loc) > BUILTINS_LOCATION;
}

static const char *cur_fn(void)
{
	return fn_name(current_function_decl);
}

/* ---- requirements ------------------------------------------------------ */

static void set_requirement(struct summary *s, enum requirement kind, location_t loc,
			    tree via, bool direct)
{
	if (direct)
		s->direct_entry_access = true;
	if (kind > s->req) {
		s->req = kind;
		s->req_loc = loc;
		s->req_via = via;
		s->req_by_annotation = false;
	}
}

/* Callers must hold the lock for the statement at LOC (final sweep only). */
static void require(struct ctx *c, enum requirement kind, location_t loc,
		    tree via, bool direct)
{
	struct req_candidate *r;

	if (!c->final)
		return;
	for (unsigned int i = 0; i < c->nreqs; i++) {
		r = &c->reqs[i];
		if (r->loc == loc && r->via == via && r->kind == kind) {
			r->direct |= direct;
			return;
		}
	}
	if (c->nreqs == MAX_REQ_CANDIDATES) {
		/* Out of room: pass it up; a duplicate beats a missed bug. */
		set_requirement(c->sum, kind, loc, via, direct);
		return;
	}
	r = &c->reqs[c->nreqs++];
	r->loc = loc;
	r->via = via;
	r->kind = kind;
	r->direct = direct;
}

/* A lock finding at LOC is due on some path (before emitting()). */
static void reported_here(struct ctx *c, location_t loc)
{
	if (!c->final || c->nreported == MAX_REPORTED)
		return;
	for (unsigned int i = 0; i < c->nreported; i++)
		if (c->reported[i] == loc)
			return;
	c->reported[c->nreported++] = loc;
}

/* End of the final sweep: the requirements that callers are left with. */
static void settle_requirements(struct ctx *c)
{
	for (unsigned int i = 0; i < c->nreqs; i++) {
		const struct req_candidate *r = &c->reqs[i];
		bool reported = false;

		for (unsigned int j = 0; j < c->nreported && !reported; j++)
			reported = c->reported[j] == r->loc;
		if (!reported)
			set_requirement(c->sum, (enum requirement)r->kind, r->loc, r->via,
					r->direct);
	}
}

static void note_lock_free(const struct astate *st)
{
	static const char *const why[] = {
		[0]			= "'%s' is not held on this path",
		[FREE_BY_UNLOCK]	= "'%s' released here",
		[FREE_BY_FAILED_LOCK]	= "attempt to take '%s' fails on this path",
		[FREE_BY_ASSERTION]	= "'%s' asserted not held here",
		[FREE_BY_CALL]		= "'%s' released by this call",
	};

	if (st->free_loc != UNKNOWN_LOCATION && st->free_why < ARRAY_SIZE(why))
		diag_note(st->free_loc, why[st->free_why], rules_lock_name());
}

static void note_exposed(void)
{
	diag_note(DECL_SOURCE_LOCATION(current_function_decl),
		  "'%s' can be called from outside this file (%s) and neither takes nor asserts '%s'",
		  cur_fn(), TREE_PUBLIC(current_function_decl) ? "external linkage" :
		  "its address is taken", rules_lock_name());
}

static void note_callee_requirement(struct summary *s)
{
	const char *g = fn_name(s->decl);

	if (s->req_via)
		diag_note(s->req_loc, "'%s' needs '%s' because it calls '%s' here",
			  g, rules_lock_name(), fn_name(s->req_via));
	else if (s->req_by_annotation)
		diag_note(s->req_loc, "'%s' is annotated '__must_hold(&%s)' here", g,
			  rules_lock_name());
	else if (s->req == REQ_ASSERTED)
		diag_note(s->req_loc, "'%s' asserts '%s' here", g, rules_lock_name());
	else
		diag_note(s->req_loc, "'%s' accesses 'next' of 'struct user_event_mm' here",
			  g);
}

/*
 * Every finding passes here just before it is printed.  The silent final
 * sweep of the fixpoint notes that one is due, so that the report sweep
 * only has to run again where there is something to print.
 */
static bool emitting(struct ctx *c)
{
	if (c->final)
		c->found = true;
	return c->emit;
}

/* ---- the lock rule: accesses of user_event_mm->next ------------------- */

/*
 * What a statement's operands contain, computed once per statement (it does
 * not depend on the path): accesses of the guarded field and pointers
 * dereferenced.
 */
#define MAX_OPERANDS 8

struct stmt_operands {
	unsigned char naccess, nderef;
	tree access[MAX_OPERANDS];	/* COMPONENT_REFs of user_event_mm::next */
	tree deref[MAX_OPERANDS];	/* SSA pointers under a MEM_REF */
	tree deref_in[MAX_OPERANDS];	/* the expression of each, if it has a location */
	tree outer;			/* the last expression with a location seen */
};

/*
 * Where an access starts - 'mm' of 'mm->next' - as Coccinelle reports it,
 * so that both engines give one finding one column; the statement's
 * location when the expression has none on the statement's line (GIMPLE
 * drops some, and a macro's expansion has its own).
 */
static location_t operand_location(tree t, gimple *stmt)
{
	location_t loc = gimple_location(stmt);

	if (!t || !CAN_HAVE_LOCATION_P(t) || !EXPR_HAS_LOCATION(t) || !usable_loc(loc))
		return loc;
	location_t start = get_start(EXPR_LOCATION(t));
	if (!usable_loc(start) || linemap_location_from_macro_expansion_p(line_table, start))
		return loc;
	expanded_location a = expand_location(start), b = expand_location(loc);
	if (a.file != b.file || a.line != b.line)
		return loc;
	return start;
}

static tree collect_operands(tree *tp, int *walk_subtrees, void *data)
{
	struct stmt_operands *ops = (struct stmt_operands *)data;
	tree t = *tp;

	if (TYPE_P(t) || DECL_P(t) || CONSTANT_CLASS_P(t)) {
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	tree enclosing = ops->outer;

	if (CAN_HAVE_LOCATION_P(t) && EXPR_HAS_LOCATION(t))
		ops->outer = t;
	if (TREE_CODE(t) == COMPONENT_REF && rules_is_guarded_field(TREE_OPERAND(t, 1)) &&
	    ops->naccess < MAX_OPERANDS)
		ops->access[ops->naccess++] = t;
	if (TREE_CODE(t) == MEM_REF && TREE_CODE(TREE_OPERAND(t, 0)) == SSA_NAME &&
	    ops->nderef < MAX_OPERANDS) {
		/*
		 * Walked outside in: the expression holding it ('mm->refcnt')
		 * starts where the source does; '*mm' itself sits at the '->'.
		 */
		ops->deref_in[ops->nderef] = enclosing ? enclosing : ops->outer;
		ops->deref[ops->nderef++] = TREE_OPERAND(t, 0);
	}
	return NULL_TREE;
}

static const struct stmt_operands *operands_of(struct ctx *c, gimple *stmt)
{
	struct stmt_operands **cached = c->operands->get(stmt);
	struct stmt_operands *ops;

	if (cached)
		return *cached;
	ops = XCNEW(struct stmt_operands);
	for (unsigned int i = 0; i < gimple_num_ops(stmt); i++) {
		ops->outer = NULL_TREE;
		if (gimple_op(stmt, i))
			walk_tree(gimple_op_ptr(stmt, i), collect_operands, ops, NULL);
	}
	c->operands->put(stmt, ops);
	return ops;
}

/* The pointer an access goes through, if any: mm in mm->next. */
static tree access_base_pointer(tree ref)
{
	tree base = TREE_OPERAND(ref, 0);

	while (TREE_CODE(base) == COMPONENT_REF || TREE_CODE(base) == ARRAY_REF)
		base = TREE_OPERAND(base, 0);
	if (TREE_CODE(base) == MEM_REF)
		return TREE_OPERAND(base, 0);
	return NULL_TREE;
}

/* Private objects: just allocated and not yet published, or a plain local. */
static bool access_is_private(const struct astate *st, tree ref)
{
	tree base = TREE_OPERAND(ref, 0);
	tree ptr = access_base_pointer(ref);

	while (TREE_CODE(base) == COMPONENT_REF || TREE_CODE(base) == ARRAY_REF)
		base = TREE_OPERAND(base, 0);
	if (TREE_CODE(base) == VAR_DECL && !is_global_var(base) && !TREE_ADDRESSABLE(base))
		return true;
	return ptr && fresh_has(st, value_key(ptr));
}

static void check_access(struct ctx *c, const struct astate *st, tree ref,
			 location_t loc)
{
	unsigned char m = st->lock[SLOT_GLOBAL];

	if (access_is_private(st, ref))
		return;
	if (m & LK_FREE) {
		reported_here(c, loc);
		if (emitting(c) &&
		    diag_finding(RULE_UNGUARDED_ACCESS, loc, NULL, UNKNOWN_LOCATION,
				 "access to 'next' of 'struct user_event_mm' without '%s' held in '%s'",
				 rules_lock_name(), cur_fn()))
			note_lock_free(st);
		return;
	}
	if (!(m & LK_ENTRY))
		return;
	require(c, REQ_UNASSERTED, loc, NULL, true);
	if (c->sum->exposed && !c->sum->contract)
		reported_here(c, loc);
	if (c->sum->exposed && !c->sum->contract && emitting(c) &&
	    diag_finding(RULE_UNGUARDED_ACCESS, loc, NULL, UNKNOWN_LOCATION,
			 "access to 'next' of 'struct user_event_mm' without '%s' held in '%s'",
			 rules_lock_name(), cur_fn()))
		note_exposed();
}

static void scan_accesses(struct ctx *c, gimple *stmt, const struct astate *st)
{
	const struct stmt_operands *ops = operands_of(c, stmt);

	for (unsigned int i = 0; i < ops->naccess; i++)
		check_access(c, st, ops->access[i], operand_location(ops->access[i], stmt));
}

static void apply_assertions(struct ctx *c, gimple *stmt, struct astate *st)
{
	for (unsigned int i = 0; i < c->nanchors; i++) {
		struct anchor *an = &c->anchors[i];

		if (an->stmt != stmt)
			continue;
		if (an->a->kind == ASSERT_NOT_HELD) {
			st->lock[SLOT_GLOBAL] = LK_FREE;
			st->free_loc = an->a->loc;
			st->free_why = FREE_BY_ASSERTION;
			continue;
		}
		/* An unconditional assertion is a contract with every caller. */
		if ((st->lock[SLOT_GLOBAL] & LK_ENTRY) && an->unconditional) {
			if (c->final)
				c->sum->contract = true;
			require(c, REQ_ASSERTED, an->a->loc, NULL, false);
		}
		st->lock[SLOT_GLOBAL] = LK_HELD;
	}
}

/* ---- the ref rule ------------------------------------------------------ */

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

static void note_origin(const struct ptr *p)
{
	if (p->origin)
		diag_note(gimple_location(p->origin), "reference taken here by '%s'",
			  origin_name(p->origin));
}

/* Find the entry owning a value, through re-keying aliases. */
static struct ptr *owned_entry(struct astate *st, tree expr)
{
	return expr ? ptr_find(st, value_key(expr)) : NULL;
}

static void report_leak(struct ctx *c, struct ptr *p, location_t loc, const char *how)
{
	if (!emitting(c))
		return;
	if (diag_finding(RULE_REF_LEAK, loc, NULL, UNKNOWN_LOCATION,
			 "reference to 'struct user_event_mm' %s in '%s': it is never put with 'user_event_mm_put'",
			 how, cur_fn())) {
		note_origin(p);
		if (p->kind & RK_LIST)
			diag_note(loc, "every node of a 'user_event_mm_get_all' list holds a reference; put each one");
	}
}

/* A user variable is assigned: the reference it alone held is lost. */
static void check_overwrite(struct ctx *c, struct astate *st, tree var,
			    vkey new_key, location_t loc)
{
	if (!var)
		return;
	for (unsigned int i = 0; i < st->nptrs; i++) {
		struct ptr *p = &st->ptrs[i];

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
			report_leak(c, p, loc, "lost by this assignment");
			p->mask = PT_MOVED;
		} else if (p->mask == PT_OWNED && !p->alias) {
			/* A walk past the caller's node that did not put it: borrowed. */
			c->not_consumed |= 1u << (p->is_param - 1);
		}
		p->var = NULL_TREE;
	}
}

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
	struct ptr *p = ptr_find(st, key);

	if (p)
		return p;
	for (unsigned int i = 0; i < st->nptrs; i++)
		if (!st->ptrs[i].alias && st->ptrs[i].kind == RK_NODE &&
		    st->ptrs[i].rest == key && (st->ptrs[i].mask & PT_OWNED))
			return &st->ptrs[i];
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
	if ((p->mask & PT_RELEASED) && emitting(c) &&
	    diag_finding(RULE_DOUBLE_PUT, loc, NULL, UNKNOWN_LOCATION,
			 "'%s' of 'struct user_event_mm' that was already put on some path in '%s'",
			 how, cur_fn()))
		diag_note(p->put_loc, "first put here");
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
	struct ptr *p = owned_entry(st, ptr);

	if (!p || !(p->mask & PT_RELEASED))
		return;
	if (emitting(c) &&
	    diag_finding(RULE_USE_AFTER_PUT, loc, NULL, UNKNOWN_LOCATION,
			 "'%s' dereferenced after 'user_event_mm_put' on some path in '%s'",
			 var_name(user_var(ptr)), cur_fn()))
		diag_note(p->put_loc, "put here");
	/* Past a use after free nothing is known of it: stop tracking. */
	p->mask = PT_MOVED;
}

static void scan_derefs(struct ctx *c, gimple *stmt, struct astate *st)
{
	const struct stmt_operands *ops = operands_of(c, stmt);

	for (unsigned int i = 0; i < ops->nderef; i++)
		check_deref(c, st, ops->deref[i], operand_location(ops->deref_in[i], stmt));
}

/* A pointer value handed on (stored, returned): no longer ours to put. */
static void hand_on(struct astate *st, tree val)
{
	struct ptr *p;

	if (!val || TREE_CODE(val) != SSA_NAME)
		return;
	fresh_drop(st, value_key(val));
	p = owned_entry(st, val);
	if (p && (p->mask & PT_OWNED))
		p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
}

/* ---- statements --------------------------------------------------------- */

/*
 * Forget what was known of the value a call defines, unless the call only
 * hands back an older value (guard lock_ptr helpers): its facts still hold.
 */
static void forget_call_value(struct astate *st, gcall *call, tree lhs)
{
	vkey key = lhs ? value_key(lhs) : 0;

	if (key && (key == (vkey)call || key == (vkey)lhs))
		fact_drop(st, key);
}

static void set_lock(struct astate *st, int slot, unsigned char mask, location_t loc,
		     int why)
{
	if (slot == SLOT_NONE)
		return;
	if (slot == SLOT_GLOBAL && (mask & LK_FREE) && !(st->lock[slot] & LK_FREE)) {
		st->free_loc = loc;
		st->free_why = why;
	}
	st->lock[slot] = mask;
}

static void step_lock_api(struct astate *st, gcall *call, const struct lock_api *api,
			  struct sset *out)
{
	location_t loc = gimple_location(call);
	tree lhs = gimple_call_lhs(call);
	struct astate held, failed;
	int slot;
	vkey key;

	if (gimple_call_num_args(call) <= (unsigned int)api->lock_arg) {
		sset_add(out, st);
		return;
	}
	if (api->op == LOCK_OP_GUARD_HELD)
		slot = lock_slot_of_deref(gimple_call_arg(call, api->lock_arg));
	else
		slot = lock_slot_of(gimple_call_arg(call, api->lock_arg));

	switch (api->op) {
	case LOCK_OP_ACQUIRE:
		set_lock(st, slot, LK_HELD, loc, 0);
		break;
	case LOCK_OP_RELEASE:
		set_lock(st, slot, LK_FREE, loc, FREE_BY_UNLOCK);
		break;
	case LOCK_OP_TRY_NONZERO:
	case LOCK_OP_TRY_ZERO:
	case LOCK_OP_GUARD_HELD:
		/* A query whose answer is not used tells nothing. */
		if (slot == SLOT_NONE || (api->op == LOCK_OP_GUARD_HELD && !lhs))
			break;
		key = lhs ? value_key(lhs) : 0;
		forget_call_value(st, call, lhs);
		/*
		 * lock_ptr only asks: where the path already knows whether the
		 * guard holds its lock (its constructor was a call, at -O0),
		 * the answer follows, and nothing is split.
		 */
		if (api->op == LOCK_OP_GUARD_HELD &&
		    (st->lock[slot] == LK_HELD || st->lock[slot] == LK_FREE)) {
			if (fact_add_prio(st, key, st->lock[slot] == LK_HELD, FACT_LOCK))
				sset_add(out, st);
			return;
		}
		state_copy(&held, st);
		state_copy(&failed, st);
		set_lock(&held, slot, LK_HELD, loc, 0);
		set_lock(&failed, slot, LK_FREE, loc, FREE_BY_FAILED_LOCK);
		if (fact_add_prio(&held, key, api->op != LOCK_OP_TRY_ZERO, FACT_LOCK))
			sset_add(out, &held);
		if (fact_add_prio(&failed, key, api->op == LOCK_OP_TRY_ZERO, FACT_LOCK))
			sset_add(out, &failed);
		return;
	default:
		break;
	}
	sset_add(out, st);
}

/* Map a callee's lock slot to the caller's, through the call's arguments. */
static int caller_slot(gcall *call, int callee_slot)
{
	int i;

	if (callee_slot == SLOT_GLOBAL)
		return SLOT_GLOBAL;
	if (callee_slot >= SLOT_DEREF0) {
		i = callee_slot - SLOT_DEREF0;
		if ((unsigned)i < gimple_call_num_args(call))
			return lock_slot_of_deref(gimple_call_arg(call, i));
		return SLOT_NONE;
	}
	i = callee_slot - SLOT_PARAM0;
	if ((unsigned)i < gimple_call_num_args(call))
		return lock_slot_of(gimple_call_arg(call, i));
	return SLOT_NONE;
}

static void check_callee_requirement(struct ctx *c, const struct astate *st,
				     gcall *call, struct summary *s)
{
	location_t loc = gimple_location(call);
	unsigned char m = st->lock[SLOT_GLOBAL];

	if (s->req == REQ_NONE)
		return;
	if (m & LK_FREE) {
		reported_here(c, loc);
		if (emitting(c) &&
		    diag_finding(RULE_LOCK_REQUIRED, loc, NULL, UNKNOWN_LOCATION,
				 "call to '%s' requires '%s' held, but it may not be held here in '%s'",
				 fn_name(s->decl), rules_lock_name(), cur_fn())) {
			note_lock_free(st);
			note_callee_requirement(s);
		}
		return;
	}
	if (!(m & LK_ENTRY))
		return;
	require(c, s->req, loc, s->decl, false);
	if (c->sum->exposed && !c->sum->contract && s->req == REQ_UNASSERTED)
		reported_here(c, loc);
	if (c->sum->exposed && !c->sum->contract && s->req == REQ_UNASSERTED && emitting(c) &&
	    diag_finding(RULE_LOCK_REQUIRED, loc, NULL, UNKNOWN_LOCATION,
			 "call to '%s' requires '%s' held, but it may not be held here in '%s'",
			 fn_name(s->decl), rules_lock_name(), cur_fn())) {
		note_exposed();
		note_callee_requirement(s);
	}
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

static void step_summary(struct ctx *c, struct astate *st, gcall *call,
			 struct summary *s, struct sset *out)
{
	tree lhs = gimple_call_lhs(call);
	location_t loc = gimple_location(call);
	vkey key = lhs ? value_key(lhs) : 0;

	check_callee_requirement(c, st, call, s);
	(void)loc;

	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < 32; i++) {
		if (!(s->consumes & (1u << i)))
			continue;
		/*
		 * A callee that stores the reference (links it into a list,
		 * publishes it) hands it on like a store here; only one that
		 * puts it on every path releases it.
		 */
		if (s->hands_on & (1u << i))
			hand_on(st, gimple_call_arg(call, i));
		else
			do_put(c, st, gimple_call_arg(call, i), call,
			       fn_name(s->decl), true);
	}
	if (s->returns_owned && lhs)
		track_new_reference(c, st, lhs, call, s->returns_owned, 0);
	else
		forget_call_value(st, call, lhs);
	/* A wrapper of an allocator returns an object nobody has seen yet. */
	if (s->returns_fresh && key)
		fresh_add(st, key);
	/* An accessor of the link: as if the caller read arg->next itself. */
	if (s->ret_rest_param >= 0 && lhs && TREE_CODE(lhs) == SSA_NAME &&
	    (unsigned int)s->ret_rest_param < gimple_call_num_args(call))
		take_rest(st, gimple_call_arg(call, s->ret_rest_param), lhs, key);

	if (!s->ncases) {
		sset_add(out, st);
		return;
	}
	for (unsigned int k = 0; k < s->ncases; k++) {
		const struct exit_case *ec = &s->cases[k];
		struct astate after;

		state_copy(&after, st);

		for (int cs = 0; cs < NSLOTS; cs++) {
			unsigned char m = ec->lock[cs];
			int slot;

			if (!m || m == LK_ENTRY)
				continue;
			slot = caller_slot(call, cs);
			if (slot == SLOT_NONE)
				continue;
			set_lock(&after, slot, (m & (LK_HELD | LK_FREE)) |
				 ((m & LK_ENTRY) ? st->lock[slot] : 0), loc, FREE_BY_CALL);
		}
		if (ec->ret_nonzero >= 0 && key &&
		    !fact_add_prio(&after, key, ec->ret_nonzero, FACT_LOCK))
			continue;
		sset_add(out, &after);
	}
}

static void step_call(struct ctx *c, struct astate *st, gcall *call, struct sset *out)
{
	tree fndecl = gimple_call_fndecl(call);
	tree lhs = gimple_call_lhs(call);
	const struct lock_api *api = rules_lock_api(fndecl);
	enum ref_op op = rules_ref_api(fndecl);
	struct summary *s;

	/* Passing a fresh object to anyone publishes it. */
	for (unsigned int i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);

		if (TREE_CODE(arg) == SSA_NAME)
			fresh_drop(st, value_key(arg));
	}
	if (api && (unsigned)api->lock_arg < gimple_call_num_args(call)) {
		step_lock_api(st, call, api, out);
		return;
	}
	/* The reference API defined in this file keeps its own lock needs. */
	if (op != REF_OP_NONE) {
		s = summary_of(fndecl);
		if (s && s->ready)
			check_callee_requirement(c, st, call, s);
	}
	switch (op) {
	case REF_OP_GET_ALL:
	case REF_OP_GET:
	case REF_OP_CURRENT:
		/* Discarded: no destination, or a compiler temporary never used. */
		if (!lhs || (TREE_CODE(lhs) == SSA_NAME && has_zero_uses(lhs) &&
			     !user_var(lhs))) {
			if (emitting(c) &&
			    diag_finding(RULE_REF_LEAK, gimple_location(call), NULL, UNKNOWN_LOCATION,
					 "result of '%s' discarded in '%s': the reference it took is never put",
					 fn_name(fndecl), cur_fn()))
				diag_note(gimple_location(call), "assign the result and call 'user_event_mm_put' on %s",
					  op == REF_OP_GET_ALL ? "every node of the list" : "it");
		} else if (TREE_CODE(lhs) == SSA_NAME ||
			   (TREE_CODE(lhs) == VAR_DECL && !is_global_var(lhs))) {
			track_new_reference(c, st, lhs, call,
					    op == REF_OP_GET_ALL ? RK_LIST : RK_NODE,
					    op == REF_OP_GET && gimple_call_num_args(call) ?
					    value_key(gimple_call_arg(call, 0)) : 0);
		}
		/* else stored straight into memory: handed on. */
		break;
	case REF_OP_PUT:
		if (gimple_call_num_args(call))
			do_put(c, st, gimple_call_arg(call, 0), call, "user_event_mm_put",
			       false);
		break;
	default:
		if (lhs && rules_is_allocator(fndecl)) {
			forget_call_value(st, call, lhs);
			fresh_add(st, value_key(lhs));
			break;
		}
		s = summary_of(fndecl);
		if (s && s->ready) {
			step_summary(c, st, call, s, out);
			return;
		}
		forget_call_value(st, call, lhs);
		break;
	}
	sset_add(out, st);
}

static void step_assign(struct ctx *c, struct astate *st, gimple *stmt)
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
			  rules_is_guarded_field(TREE_OPERAND(rhs, 1));

	if (!is_copy) {
		struct ptr *from = loads_next ? owned_entry(st, access_base_pointer(rhs)) : NULL;

		/* Reading mm->next again yields the same rest: not an overwrite. */
		check_overwrite(c, st, user_var(lhs), from && from->rest ? from->rest : key, loc);
		fact_drop(st, key);
		/* x = 0 / x = NULL: later tests of x are decided on this path. */
		if (gimple_assign_single_p(stmt) && TREE_CODE(rhs) == INTEGER_CST)
			fact_add_weak(st, key, !integer_zerop(rhs));
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

static location_t exit_location(const struct astate *st, gimple *ret)
{
	location_t loc = gimple_location(ret);

	if (usable_loc(loc))
		return loc;
	if (usable_loc(st->last_loc))
		return st->last_loc;
	return cfun->function_end_locus;
}

static void record_exit_case(struct summary *s, const struct astate *st, int ret_nonzero)
{
	struct exit_case ec;

	memset(&ec, 0, sizeof(ec));
	memcpy(ec.lock, st->lock, sizeof(ec.lock));
	ec.ret_nonzero = ret_nonzero;
	for (unsigned int i = 0; i < s->ncases; i++)
		if (!memcmp(&s->cases[i], &ec, sizeof(ec)))
			return;
	if (s->ncases < MAX_CASES) {
		s->cases[s->ncases++] = ec;
		return;
	}
	/* Too many ways out: one joined case, result unknown. */
	for (unsigned int i = 1; i < s->ncases; i++)
		for (int k = 0; k < NSLOTS; k++)
			s->cases[0].lock[k] |= s->cases[i].lock[k];
	for (int k = 0; k < NSLOTS; k++)
		s->cases[0].lock[k] |= ec.lock[k];
	s->cases[0].ret_nonzero = -1;
	s->ncases = 1;
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

		if (!s || !s->ready || s->ret_deref_param < 0 ||
		    (unsigned)s->ret_deref_param >= gimple_call_num_args(def))
			return -1;
		return param_index(gimple_call_arg(def, s->ret_deref_param));
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

static int returned_deref_param(tree val)
{
	return returned_deref_param_rec(val, 0);
}

/* Which parameter's list VAL is the rest of (its ->next), or -1. */
static int rest_of_param(struct astate *st, tree val)
{
	vkey key = TREE_CODE(val) == SSA_NAME ? value_key(val) : 0;

	if (!key)
		return -1;
	for (unsigned int i = 0; i < st->nptrs; i++) {
		const struct ptr *n = &st->ptrs[i];

		if (n->is_param && n->rest == key)
			return n->is_param - 1;
	}
	return -1;
}

/* Leaving the function: what is still owned here is leaked. */
static void check_leaks_at_exit(struct ctx *c, struct astate *st, location_t loc)
{
	for (unsigned int i = 0; i < st->nptrs; i++) {
		struct ptr *p = &st->ptrs[i];

		if (p->is_param && !p->alias && (p->mask & PT_MOVED))
			c->handed_on |= 1u << (p->is_param - 1);
		if (p->alias || !(p->mask & PT_OWNED))
			continue;
		if (p->is_param) {
			c->not_consumed |= 1u << (p->is_param - 1);
		} else {
			report_leak(c, p, loc, "still held when leaving");
			p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
		}
	}
}

static void step_return(struct ctx *c, struct astate *st, greturn *ret)
{
	tree val = gimple_return_retval(ret);
	struct summary *s = c->sum;
	location_t loc = exit_location(st, ret);
	int ret_nonzero = -1;

	if (val) {
		struct ptr *p = owned_entry(st, val);

		if (TREE_CODE(val) == INTEGER_CST)
			ret_nonzero = !integer_zerop(val);
		else
			ret_nonzero = fact_get(st, value_key(val));
		if (c->final) {
			int slot = lock_slot_of(val);
			int deref = returned_deref_param(val);
			int rest;

			if (ret_nonzero != 0) {
				if (!c->ret_slot_set) {
					s->ret_slot = slot;
					c->ret_slot_set = true;
				} else if (s->ret_slot != slot) {
					s->ret_slot = SLOT_NONE;
				}
				if (!c->ret_deref_set) {
					s->ret_deref_param = deref;
					c->ret_deref_set = true;
				} else if (s->ret_deref_param != deref) {
					s->ret_deref_param = -1;
				}
				rest = rest_of_param(st, val);
				if (!c->ret_rest_set) {
					s->ret_rest_param = rest;
					c->ret_rest_set = true;
				} else if (s->ret_rest_param != rest) {
					s->ret_rest_param = -1;
				}
			}
			if (ret_nonzero != 0) {
				if (fresh_has(st, value_key(val)))
					c->returns_fresh_any = true;
				else
					c->returns_not_fresh = true;
			}
			if (p && (p->mask & PT_OWNED) && !p->is_param) {
				c->returns_owned_any = true;
				c->returns_kind |= p->kind;
			} else if (ret_nonzero != 0) {
				c->returns_unowned = true;
			}
		}
		hand_on(st, val);
	}

	check_leaks_at_exit(c, st, loc);
	if (c->final)
		record_exit_case(s, st, ret_nonzero);
}

/* One statement on one path; may fork the path (lock attempts, summaries). */
static void step(struct ctx *c, gimple *stmt, const struct astate *in, struct sset *out)
{
	struct astate st;
	location_t loc = gimple_location(stmt);

	state_copy(&st, in);
	if (usable_loc(loc))
		st.last_loc = loc;
	apply_assertions(c, stmt, &st);
	scan_accesses(c, stmt, &st);
	scan_derefs(c, stmt, &st);

	switch (gimple_code(stmt)) {
	case GIMPLE_CALL:
		step_call(c, &st, as_a<gcall *>(stmt), out);
		return;
	case GIMPLE_ASSIGN:
		step_assign(c, &st, stmt);
		break;
	case GIMPLE_RETURN:
		step_return(c, &st, as_a<greturn *>(stmt));
		break;
	default:
		break;
	}
	sset_add(out, &st);
}

/* ---- edges: branch conditions and PHI nodes ----------------------------- */

/* x != 0 / x == 0 on this edge; follows (y == 0) and (y != 0) temporaries. */
static bool add_branch_fact(struct astate *st, tree x, bool nonzero, int depth)
{
	gimple *def;

	if (TREE_CODE(x) != SSA_NAME || depth > 4)
		return true;
	vkey key = value_key(x);
	struct ptr *p = ptr_find(st, key);

	if (!fact_add(st, key, nonzero))
		return false;
	if (p) {
		if (!nonzero) {
			/* No node, so no rest after it either. */
			for (int hops = 0; p && hops < MAX_PTRS; hops++) {
				vkey rest = p->rest;

				p->mask = PT_NULL;
				p = rest ? ptr_find(st, rest) : NULL;
			}
		} else if (p->mask != PT_NULL) {
			p->mask &= ~PT_NULL;
		}
	}
	if (SSA_NAME_IS_DEFAULT_DEF(x))
		return true;
	def = SSA_NAME_DEF_STMT(x);
	if (is_gimple_assign(def) && integer_zerop(gimple_assign_rhs2(def) ?
						   gimple_assign_rhs2(def) : integer_one_node)) {
		enum tree_code code = gimple_assign_rhs_code(def);

		if (code == NE_EXPR)
			return add_branch_fact(st, gimple_assign_rhs1(def), nonzero, depth + 1);
		if (code == EQ_EXPR)
			return add_branch_fact(st, gimple_assign_rhs1(def), !nonzero, depth + 1);
	}
	if (gimple_assign_cast_p(def))
		return add_branch_fact(st, gimple_assign_rhs1(def), nonzero, depth + 1);
	/* !b on a bool result: GIMPLE writes it ~b, b ^ 1 or a truth-not. */
	if (is_gimple_assign(def) && TREE_CODE(TREE_TYPE(x)) == BOOLEAN_TYPE &&
	    TREE_CODE(TREE_TYPE(gimple_assign_rhs1(def))) == BOOLEAN_TYPE) {
		enum tree_code code = gimple_assign_rhs_code(def);

		if (code == BIT_NOT_EXPR || code == TRUTH_NOT_EXPR ||
		    (code == BIT_XOR_EXPR && integer_onep(gimple_assign_rhs2(def))))
			return add_branch_fact(st, gimple_assign_rhs1(def), !nonzero, depth + 1);
	}
	return true;
}

static bool refine_by_condition(struct astate *st, basic_block from, edge e)
{
	gimple *last = compat_last_stmt(from);
	tree lhs, rhs, x;
	enum tree_code code;
	bool truth;

	if (!last || gimple_code(last) != GIMPLE_COND ||
	    !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return true;
	code = gimple_cond_code(last);
	lhs = gimple_cond_lhs(last);
	rhs = gimple_cond_rhs(last);
	if (code != NE_EXPR && code != EQ_EXPR)
		return true;
	if (integer_zerop(rhs))
		x = lhs;
	else if (integer_zerop(lhs))
		x = rhs;
	else
		return true;
	truth = (e->flags & EDGE_TRUE_VALUE) != 0;
	/* (x != 0) is true, or (x == 0) is false: x is non-zero. */
	return add_branch_fact(st, x, (code == NE_EXPR) == truth, 0);
}

static void phi_move(struct ctx *c, struct astate *st, gphi *phi, edge e)
{
	tree res = gimple_phi_result(phi);
	tree arg = PHI_ARG_DEF_FROM_EDGE(phi, e);
	vkey kr = value_key(res);
	vkey ka = 0;
	struct ptr *old, *src;
	int f;

	if (virtual_operand_p(res))
		return;
	if (TREE_CODE(arg) == SSA_NAME)
		ka = value_key(arg);
	if (ka == kr)
		return;
	fact_drop(st, kr);
	if (TREE_CODE(arg) == INTEGER_CST)
		fact_add_weak(st, kr, !integer_zerop(arg));
	else if (ka && (f = fact_get(st, ka)) >= 0)
		fact_add(st, kr, f);
	if (ka && fresh_has(st, ka))
		fresh_add(st, kr);
	else
		fresh_drop(st, kr);

	/* The result's previous value (last iteration) is gone. */
	old = ptr_find_exact(st, kr);
	if (old && !old->alias && old->mask == PT_OWNED && !old->is_param) {
		report_leak(c, old, st->last_loc, "lost by this assignment");
		old->mask = PT_MOVED;
	} else if (old && !old->alias && old->mask == PT_OWNED) {
		/* A walk past the caller's node that did not put it: borrowed. */
		c->not_consumed |= 1u << (old->is_param - 1);
	}
	src = ka ? ptr_find(st, ka) : NULL;
	if (!src) {
		if (old)
			memset(old, 0, sizeof(*old)), old->key = kr, old->mask = PT_NULL;
		return;
	}
	struct ptr moved = *src;
	vkey src_key = src->key;

	moved.key = kr;
	moved.alias = 0;
	moved.var = user_var(res);
	moved.var2 = NULL_TREE;
	src->alias = kr;
	src->mask = PT_MOVED;
	(void)src_key;
	old = ptr_add(st, kr);
	if (old)
		*old = moved;
}

/*
 * GCC merges "return x;" statements into one shared return block that has
 * no location of its own.  A leak belongs to the path that leaves, so it is
 * checked on the edge into that block, where the path's location is known.
 */
static void leave_by_shared_return(struct ctx *c, struct astate *st, edge e)
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
		struct ptr *p = owned_entry(st, val);

		/* The returned reference is handed on, not leaked. */
		if (p && (p->mask & PT_OWNED) && !p->is_param) {
			struct astate probe;

			state_copy(&probe, st);

			hand_on(&probe, val);
			check_leaks_at_exit(c, &probe, st->last_loc);
			for (unsigned int i = 0; i < st->nptrs; i++)
				if (&st->ptrs[i] != p && !st->ptrs[i].is_param &&
				    (probe.ptrs[i].mask & PT_MOVED) && !(st->ptrs[i].mask & PT_MOVED))
					st->ptrs[i].mask = probe.ptrs[i].mask;
			return;
		}
	}
	for (unsigned int i = 0; i < st->nptrs; i++) {
		struct ptr *p = &st->ptrs[i];

		if (!p->alias && !p->is_param && (p->mask & PT_OWNED)) {
			report_leak(c, p, st->last_loc, "still held when leaving");
			p->mask = (p->mask & ~PT_OWNED) | PT_MOVED;
		}
	}
}

static bool edge_transfer(struct ctx *c, struct astate *st, edge e)
{
	if (usable_loc(e->goto_locus))
		st->last_loc = e->goto_locus;
	if (!refine_by_condition(st, e->src, e))
		return false;
	for (gphi_iterator gsi = gsi_start_phis(e->dest); !gsi_end_p(gsi); gsi_next(&gsi))
		phi_move(c, st, gsi.phi(), e);
	leave_by_shared_return(c, st, e);
	return true;
}

/* ---- the driver ----------------------------------------------------------- */

static void find_anchors(struct ctx *c)
{
	const struct assertion *as[MAX_ASSERTIONS];
	unsigned int n = macros_body_assertions(as, MAX_ASSERTIONS);
	bool had_postdom = dom_info_available_p(CDI_POST_DOMINATORS);
	basic_block first = single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(cfun)) ?
			    single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun)) : NULL;

	c->nanchors = 0;
	if (!n)
		return;
	if (!had_postdom)
		calculate_dominance_info(CDI_POST_DOMINATORS);
	for (unsigned int i = 0; i < n; i++) {
		struct srcpos at = { as[i]->file, as[i]->line, as[i]->col };
		struct srcpos best_pos = { NULL, 0, 0 };
		gimple *best = NULL;
		basic_block bb;

		/* The first statement written after the assertion. */
		FOR_EACH_BB_FN(bb, cfun) {
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
			     gsi_next(&gsi)) {
				gimple *stmt = gsi_stmt(gsi);
				struct srcpos pos;

				if (is_gimple_debug(stmt) || !srcpos_of(gimple_location(stmt), &pos))
					continue;
				if (srcpos_cmp(&pos, &at) <= 0)
					continue;
				if (!best || srcpos_cmp(&pos, &best_pos) < 0) {
					best = stmt;
					best_pos = pos;
				}
			}
		}
		if (!best)
			continue;
		c->anchors[c->nanchors].a = as[i];
		c->anchors[c->nanchors].stmt = best;
		c->anchors[c->nanchors].unconditional = first &&
			dominated_by_p(CDI_POST_DOMINATORS, first, gimple_bb(best));
		c->nanchors++;
	}
	if (!had_postdom)
		free_dominance_info(CDI_POST_DOMINATORS);
}

static void entry_state(struct ctx *c, struct astate *st)
{
	location_t where;
	int i = 0;

	state_init(st);
	for (int k = 0; k < NSLOTS; k++)
		st->lock[k] = LK_ENTRY;
	if (macros_must_hold(current_function_decl, &where)) {
		st->lock[SLOT_GLOBAL] = LK_HELD;
		/*
		 * Like sparse's context check, __must_hold binds every caller
		 * statically: callable-from-outside callers must hold or say so.
		 */
		if (c->final) {
			c->sum->contract = true;
			c->sum->req = REQ_UNASSERTED;
			c->sum->req_loc = where;
			c->sum->req_by_annotation = true;
		}
	}
	/* The caller's references, passed in: tracked to learn what we consume. */
	for (tree p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(cfun, p);
		struct ptr *e;

		if (!def || i >= 32 || !rules_is_mm_pointer_type(TREE_TYPE(p)))
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

static void process_block(struct ctx *c, basic_block bb, bool *pending)
{
	struct sset *cur = c->scratch[0];
	struct sset *next = c->scratch[1];
	const struct sset *in = c->in[bb->index];
	edge e;
	edge_iterator ei;

	cur->n = in->n;
	for (unsigned int i = 0; i < in->n; i++)
		state_copy(&cur->s[i], &in->s[i]);
	for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		if (is_gimple_debug(stmt))
			continue;
		next->n = 0;
		for (unsigned int i = 0; i < cur->n; i++)
			step(c, stmt, &cur->s[i], next);
		std::swap(cur, next);
		if (!cur->n)
			break;
	}
	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(cfun) || (e->flags & EDGE_ABNORMAL))
			continue;
		for (unsigned int i = 0; i < cur->n; i++) {
			struct astate st;

			state_copy(&st, &cur->s[i]);
			if (!edge_transfer(c, &st, e))
				continue;
			if (!c->in[e->dest->index])
				c->in[e->dest->index] = sset_new(0);
			if (sset_add(c->in[e->dest->index], &st) && pending)
				pending[e->dest->index] = true;
		}
	}
}

static void reset_summary_outputs(struct summary *s)
{
	s->contract = false;
	s->direct_entry_access = false;
	s->ncases = 0;
	s->ret_slot = SLOT_NONE;
	s->ret_deref_param = -1;
	s->ret_rest_param = -1;
	s->req = REQ_NONE;
	s->req_loc = UNKNOWN_LOCATION;
	s->req_via = NULL_TREE;
	s->req_by_annotation = false;
	s->consumes = 0;
	s->hands_on = 0;
	s->returns_owned = 0;
	s->returns_fresh = false;
	s->findings = false;
}

static void missing_assertion(struct ctx *c)
{
	struct summary *s = c->sum;
	expanded_location brace;
	location_t line_start = UNKNOWN_LOCATION;
	char fix[128];

	if (!ue_cfg.strict || s->exposed || s->contract || !s->direct_entry_access ||
	    s->req != REQ_UNASSERTED || !emitting(c))
		return;
	brace = expand_location(cfun->function_start_locus);
	if (brace.file) {
		const line_map_ordinary *map = linemap_check_ordinary(
			linemap_lookup(line_table, cfun->function_start_locus));

		line_start = linemap_position_for_line_and_column(line_table, map,
								   brace.line + 1, 1);
	}
	snprintf(fix, sizeof(fix), "\tlockdep_assert_held(&%s);\n", rules_lock_name());
	if (diag_finding(RULE_MISSING_ASSERTION, DECL_SOURCE_LOCATION(current_function_decl),
			 fix, line_start,
			 "'%s' relies on its callers to hold '%s'; add 'lockdep_assert_held(&%s)'",
			 cur_fn(), rules_lock_name(), rules_lock_name())) {
		diag_note(s->req_loc, "'next' of 'struct user_event_mm' is accessed here");
	}
}

void analyse_function(struct summary *sum, bool report)
{
	struct ctx c;
	int nblocks = last_basic_block_for_fn(cfun);
	int *rpo = XNEWVEC(int, n_basic_blocks_for_fn(cfun));
	int nrpo = pre_and_rev_post_order_compute(NULL, rpo, false);
	bool *pending = XCNEWVEC(bool, nblocks);
	struct summary out = *sum;
	struct astate entry;
	long budget = (long)VISITS_PER_BLOCK * nblocks + 1000;
	bool again = true, gave_up = false;
	basic_block first;

	memset(&c, 0, sizeof(c));
	c.sum = &out;
	c.in = XCNEWVEC(struct sset *, nblocks);
	c.scratch[0] = sset_new(MAX_STATES);
	c.scratch[1] = sset_new(MAX_STATES);
	c.operands = new hash_map<gimple *, struct stmt_operands *>;
	values_begin_function();
	find_anchors(&c);
	reset_summary_outputs(&out);

	first = single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun));
	entry_state(&c, &entry);
	c.in[first->index] = sset_new(1);
	sset_add(c.in[first->index], &entry);
	pending[first->index] = true;

	/* Fixpoint, silently. */
	while (again && !gave_up) {
		again = false;
		for (int i = 0; i < nrpo; i++) {
			int idx = rpo[i];

			if (!pending[idx])
				continue;
			pending[idx] = false;
			again = true;
			process_block(&c, BASIC_BLOCK_FOR_FN(cfun, idx), pending);
			if (--budget < 0) {
				gave_up = true;
				break;
			}
		}
	}

	/* Final sweep over the stable states: findings and the summary. */
	if (!gave_up) {
		struct astate ignored;

		c.final = true;
		c.emit = report;
		diag_reset_function();
		entry_state(&c, &ignored);	/* records a __must_hold contract */
		for (int i = 0; i < nrpo; i++) {
			int idx = rpo[i];

			if (c.in[idx])
				process_block(&c, BASIC_BLOCK_FOR_FN(cfun, idx), NULL);
		}
		out.consumes = 0;
		for (int i = 0; i < 32; i++) {
			tree p = DECL_ARGUMENTS(current_function_decl);

			for (int k = 0; p && k < i; k++)
				p = DECL_CHAIN(p);
			if (p && rules_is_mm_pointer_type(TREE_TYPE(p)) &&
			    !(c.not_consumed & (1u << i)))
				out.consumes |= 1u << i;
		}
		settle_requirements(&c);
		out.hands_on = out.consumes & c.handed_on;
		if (c.returns_owned_any && !c.returns_unowned)
			out.returns_owned = c.returns_kind & RK_LIST ? RK_LIST : RK_NODE;
		out.returns_fresh = c.returns_fresh_any && !c.returns_not_fresh;
		missing_assertion(&c);
		out.findings = c.found;
		out.ready = true;
	} else {
		/* Too big to finish: claim nothing, report nothing. */
		reset_summary_outputs(&out);
		out.ready = true;
	}
	*sum = out;

	for (hash_map<gimple *, struct stmt_operands *>::iterator it = c.operands->begin();
	     it != c.operands->end(); ++it)
		XDELETE((*it).second);
	delete c.operands;
	sset_free(c.scratch[0]);
	sset_free(c.scratch[1]);
	for (int i = 0; i < nblocks; i++)
		sset_free(c.in[i]);
	XDELETEVEC(c.in);
	XDELETEVEC(pending);
	XDELETEVEC(rpo);
	values_end_function();
}
