// SPDX-License-Identifier: GPL-2.0
/*
 * engine.c - one forward dataflow over a function's CFG (GIMPLE, SSA), to
 * a fixpoint, carrying every checker of checkers.def at once (engine.h:
 * what each is asked, and when).
 *
 * States are kept per path up to MAX_STATES (state.c); branch conditions
 * add facts and drop infeasible paths; a call to a function of this
 * translation unit applies its summary (summary.c).  The engine owns the
 * walk, the budget, the facts about plain values and the classification of
 * calls; the checkers own what their rules make of them.  The
 * analysis only reads the IR: generated code never changes.
 */
#include "engine.h"

/* The checkers in table order (on the way in) and in reverse (on the way out). */
#define FOR_EACH_CHECKER(k)		for (unsigned int k = 0; k < CHECKER_COUNT; k++)
#define FOR_EACH_CHECKER_UNWINDING(k)	for (unsigned int k = CHECKER_COUNT; k-- > 0;)

const char *cur_fn(void)
{
	return fn_name(current_function_decl);
}

/*
 * Every finding of a checker passes here.  The final sweep over a
 * function's stable states hands it to the reporter, which keeps the
 * last analysis's of each function (report.c).
 */
void report(struct ctx *c, const struct finding *f)
{
	if (c->final)
		report_finding(f);
}

/* ---- operands: what a statement reads, whatever the path ------------------ */

/*
 * A global's load has no location of its own: GIMPLE gives it the
 * statement's, which for an expression written over several lines is
 * one of them (that of its operator).  Where the name is not on that
 * line, the line of the same statement that names it (source.c), as
 * Clang points at each name.
 */
static location_t global_location(tree var, location_t loc)
{
	expanded_location at = expand_location(loc);
	int line, col;

	if (!DECL_NAME(var) || !at.file || linemap_location_from_macro_expansion_p(line_table, loc) ||
	    !source_name_in_statement(at.file, at.line, IDENTIFIER_POINTER(DECL_NAME(var)),
				      &line, &col) || line == at.line)
		return loc;
	return linemap_position_for_line_and_column(
		line_table, linemap_check_ordinary(linemap_lookup(line_table, loc)), line, col);
}

/*
 * Where an access starts - 'mm' of 'mm->next' - as Coccinelle reports it,
 * so that both engines give one finding one column; the statement's
 * location when the expression has none on the statement's line (GIMPLE
 * drops some, and a macro's expansion has its own).
 */
location_t operand_location(tree t, gimple *stmt)
{
	location_t loc = gimple_location(stmt);

	if (t && TREE_CODE(t) == VAR_DECL && is_global_var(t) && usable_loc(loc))
		return global_location(t, loc);
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

/*
 * What the pointer PTR was loaded from, when that is __pt_guarded_by()
 * data (obj->vals, a global's stack_pools): through copies, casts and
 * pointer arithmetic (&vals[i]), a few steps back.  LOCKS: whose data.
 */
static tree pointee_source(tree ptr, unsigned int *locks)
{
	for (int depth = 0; depth < 4 && TREE_CODE(ptr) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(ptr);
		tree rhs;

		if (!def || !is_gimple_assign(def))
			return NULL_TREE;
		rhs = gimple_assign_rhs1(def);
		switch (gimple_assign_rhs_code(def)) {
		case POINTER_PLUS_EXPR:
		case SSA_NAME:
		CASE_CONVERT:
			ptr = rhs;
			continue;
		default:
			break;
		}
		if (!gimple_assign_single_p(def))
			return NULL_TREE;
		if (TREE_CODE(rhs) == COMPONENT_REF)
			*locks = rules_guarding_locks(TREE_OPERAND(rhs, 1), true);
		else if (TREE_CODE(rhs) == VAR_DECL)
			*locks = rules_guarding_locks(rhs, true);
		return *locks ? rhs : NULL_TREE;
	}
	return NULL_TREE;
}

/* What collect_operands() gathers of one statement, before it is kept. */
struct operands_walk {
	auto_vec<struct operand_access, 8> access;
	auto_vec<struct operand_deref, 8> deref;
	tree outer;			/* the last expression with a location seen */
	bool in_call_args;		/* a call's argument */
};

/* T accesses the data of LOCKS (a bit per lock of the unit, tracked.c). */
static void add_access(struct operands_walk *w, tree t, unsigned int locks, unsigned int any_of)
{
	struct operand_access a = { t, locks, false, false, any_of, NULL, -1 };

	if (locks)
		w->access.safe_push(a);
}

static tree collect_operands(tree *tp, int *walk_subtrees, void *data)
{
	struct operands_walk *w = (struct operands_walk *)data;
	tree t = *tp;

	if (TYPE_P(t) || DECL_P(t) || CONSTANT_CLASS_P(t)) {
		/* A global declared __guarded_by(): read, written or address-taken. */
		if (TREE_CODE(t) == VAR_DECL)
			add_access(w, t, rules_guarding_locks(t, false),
				   tracked_guarding_any(t, false));
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	tree enclosing = w->outer;

	if (CAN_HAVE_LOCATION_P(t) && EXPR_HAS_LOCATION(t))
		w->outer = t;
	if (TREE_CODE(t) == ADDR_EXPR && !w->in_call_args) {
		/* Only an address taken: what is inside is marked so (engine.h). */
		unsigned int from = w->access.length();

		walk_tree(&TREE_OPERAND(t, 0), collect_operands, w, NULL);
		for (unsigned int i = from; i < w->access.length(); i++)
			w->access[i].by_address = true;
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (TREE_CODE(t) == COMPONENT_REF)
		add_access(w, t, rules_guarding_locks(TREE_OPERAND(t, 1), false),
			   tracked_guarding_any(TREE_OPERAND(t, 1), false));
	if (TREE_CODE(t) == MEM_REF && TREE_CODE(TREE_OPERAND(t, 0)) == SSA_NAME) {
		/*
		 * Walked outside in: the expression holding it ('mm->refcnt')
		 * starts where the source does; '*mm' itself sits at the '->'.
		 */
		struct operand_deref d = { TREE_OPERAND(t, 0), enclosing ? enclosing : w->outer };
		unsigned int locks = 0;
		tree from;

		w->deref.safe_push(d);
		/* *p of a __pt_guarded_by() pointer: an access of what p was read from. */
		from = pointee_source(TREE_OPERAND(t, 0), &locks);
		if (from)
			add_access(w, from, locks,
				   tracked_guarding_any(TREE_CODE(from) == COMPONENT_REF ?
							TREE_OPERAND(from, 1) : from, true));
	}
	return NULL_TREE;
}

/*
 * Whether the statement stores to REF (or to a part of it) rather than
 * reading it: REF is its left-hand side, under component selections only.
 */
static bool stores_to(gimple *stmt, tree ref)
{
	tree t = gimple_get_lhs(stmt);

	while (t) {
		if (t == ref)
			return true;
		switch (TREE_CODE(t)) {
		case COMPONENT_REF:
		case ARRAY_REF:
		case BIT_FIELD_REF:
		case REALPART_EXPR:
		case IMAGPART_EXPR:
		case VIEW_CONVERT_EXPR:
			t = TREE_OPERAND(t, 0);
			break;
		default:
			return false;
		}
	}
	return false;
}

/*
 * Operand I of STMT is a call's argument (true); when it is an address
 * passed, also the call and which argument (*CALL, *ARG), as is the
 * address the compiler's temporary holds for one argument only
 * (_1 = &p->list; list_add(n, _1)): the source passed &p->list.
 */
static bool address_passed(gimple *stmt, unsigned int i, gcall **call, int *arg)
{
	tree op = gimple_op(stmt, i), lhs;
	use_operand_p use;
	gimple *user;

	if (is_gimple_call(stmt)) {
		if (i < 3)
			return false;
		if (op && TREE_CODE(op) == ADDR_EXPR && i - 3 < 127) {
			*call = as_a<gcall *>(stmt);
			*arg = i - 3;
		}
		return true;
	}
	lhs = gimple_assign_single_p(stmt) ? gimple_assign_lhs(stmt) : NULL_TREE;
	if (i != 1 || !op || TREE_CODE(op) != ADDR_EXPR || !lhs || TREE_CODE(lhs) != SSA_NAME ||
	    SSA_NAME_VAR(lhs) || !single_imm_use(lhs, &use, &user) || !is_gimple_call(user))
		return false;
	for (unsigned int k = 0; k < gimple_call_num_args(user) && k < 127; k++)
		if (gimple_call_arg(user, k) == lhs) {
			*call = as_a<gcall *>(user);
			*arg = k;
			return true;
		}
	return false;
}

/*
 * Operand I of STMT is an address the compiler's temporary holds only to
 * load or store through it (_1 = &p->f; _2 = MEM[_1]: READ_ONCE(p->f)):
 * the source read or wrote p->f itself, as Clang reads *&x.  *STORES:
 * some use stores.
 */
static bool address_dereferenced(gimple *stmt, unsigned int i, bool *stores)
{
	tree op = gimple_op(stmt, i), lhs;
	imm_use_iterator it;
	use_operand_p use;
	bool any = false;

	lhs = gimple_assign_single_p(stmt) ? gimple_assign_lhs(stmt) : NULL_TREE;
	if (i != 1 || !op || TREE_CODE(op) != ADDR_EXPR || !lhs || TREE_CODE(lhs) != SSA_NAME ||
	    SSA_NAME_VAR(lhs))
		return false;
	*stores = false;
	FOR_EACH_IMM_USE_FAST(use, it, lhs) {
		gimple *user = USE_STMT(use);
		tree to, from;

		if (is_gimple_debug(user))
			continue;
		if (!gimple_assign_single_p(user))
			return false;
		to = gimple_assign_lhs(user);
		from = gimple_assign_rhs1(user);
		if (TREE_CODE(to) == MEM_REF && TREE_OPERAND(to, 0) == lhs &&
		    integer_zerop(TREE_OPERAND(to, 1)) && from != lhs)
			*stores = true;
		else if (!(TREE_CODE(from) == MEM_REF && TREE_OPERAND(from, 0) == lhs &&
			   integer_zerop(TREE_OPERAND(from, 1))))
			return false;
		any = true;
	}
	return any;
}

/* One allocation: the counts, then the two tables, freed as one. */
static struct stmt_operands *keep_operands(const struct operands_walk *w)
{
	size_t na = w->access.length(), nd = w->deref.length();
	size_t size = sizeof(struct stmt_operands) + na * sizeof(struct operand_access) +
		      nd * sizeof(struct operand_deref);
	struct stmt_operands *ops = (struct stmt_operands *)xmalloc(size);
	struct operand_access *access = (struct operand_access *)(ops + 1);
	struct operand_deref *deref = (struct operand_deref *)(access + na);

	if (na)
		memcpy(access, w->access.address(), na * sizeof(*access));
	if (nd)
		memcpy(deref, w->deref.address(), nd * sizeof(*deref));
	ops->naccess = na;
	ops->nderef = nd;
	ops->access = access;
	ops->deref = deref;
	return ops;
}

/*
 * Kept for the whole unit: they depend on neither the path nor the lock,
 * and the fixpoint walks a function several times.
 * A statement without any shares one empty entry.
 */
static hash_map<gimple *, const struct stmt_operands *> *operands_cache;
static const struct stmt_operands no_operands = { 0, 0, NULL, NULL };

const struct stmt_operands *operands_of(struct ctx *c, gimple *stmt)
{
	const struct stmt_operands **cached;
	const struct stmt_operands *ops;
	struct operands_walk w;

	if (stmt == c->last_stmt)
		return c->last_ops;
	if (!operands_cache)
		operands_cache = new hash_map<gimple *, const struct stmt_operands *>;
	cached = operands_cache->get(stmt);
	if (cached) {
		c->last_stmt = stmt;
		c->last_ops = *cached;
		return *cached;
	}
	for (unsigned int i = 0; i < gimple_num_ops(stmt); i++) {
		unsigned int from = w.access.length();
		gcall *call = NULL;
		int arg = -1;
		bool deref = false, stores = false;

		w.outer = NULL_TREE;
		w.in_call_args = address_passed(stmt, i, &call, &arg);
		if (!w.in_call_args)
			deref = address_dereferenced(stmt, i, &stores);
		if (gimple_op(stmt, i))
			walk_tree(gimple_op_ptr(stmt, i), collect_operands, &w, NULL);
		for (unsigned int k = from; call && k < w.access.length(); k++) {
			w.access[k].call = call;
			w.access[k].arg = arg;
		}
		for (unsigned int k = from; deref && k < w.access.length(); k++) {
			w.access[k].by_address = false;
			w.access[k].write = stores;
		}
		if (deref)
			from = w.access.length();
		for (unsigned int k = from; k < w.access.length(); k++)
			w.access[k].write = stores_to(stmt, w.access[k].ref);
	}
	ops = w.access.is_empty() && w.deref.is_empty() ? &no_operands : keep_operands(&w);
	operands_cache->put(stmt, ops);
	c->last_stmt = stmt;
	c->last_ops = ops;
	return ops;
}

void operands_forget(void)
{
	if (!operands_cache)
		return;
	for (hash_map<gimple *, const struct stmt_operands *>::iterator it =
		     operands_cache->begin(); it != operands_cache->end(); ++it)
		if ((*it).second != &no_operands)
			free((void *)(*it).second);
	delete operands_cache;
	operands_cache = NULL;
}

tree access_base_pointer(tree ref)
{
	tree base;

	if (TREE_CODE(ref) != COMPONENT_REF)
		return NULL_TREE;	/* a global */
	base = TREE_OPERAND(ref, 0);

	while (TREE_CODE(base) == COMPONENT_REF || TREE_CODE(base) == ARRAY_REF)
		base = TREE_OPERAND(base, 0);
	if (TREE_CODE(base) == MEM_REF)
		return TREE_OPERAND(base, 0);
	return NULL_TREE;
}

/* ---- statements --------------------------------------------------------- */

/*
 * Forget what was known of the value a call defines, unless the call only
 * hands back an older value (guard lock_ptr helpers): its facts still hold.
 */
void forget_call_value(struct astate *st, gcall *call, tree lhs)
{
	vkey key = lhs ? value_key(lhs) : 0;

	if (key && (key == (vkey)call || key == (vkey)lhs))
		fact_drop(st, key);
}

/*
 * What the callee is to each rule, as lock L sees it: at most one of API,
 * allocator, summary.
 */
static void classify_call(gcall *call, struct call_info *ci, struct lockid l)
{
	const struct lock_api *api;
	struct summary *s;

	memset(ci, 0, sizeof(*ci));
	ci->call = call;
	ci->fndecl = gimple_call_fndecl(call);
	ci->lhs = gimple_call_lhs(call);
	ci->key = ci->lhs ? value_key(ci->lhs) : 0;
	api = rules_lock_api(l, ci->fndecl);
	if (api && (api->lock_arg < 0 || (unsigned int)api->lock_arg < gimple_call_num_args(call))) {
		ci->lock_api = api;
		return;
	}
	ci->ref_op = rules_ref_api(l, ci->fndecl);
	if (ci->ref_op != REF_OP_NONE) {
		/* The reference API defined in this file keeps its own lock needs. */
		s = summary_of(ci->fndecl);
		if (s && s->ready)
			ci->ref_api_sum = s;
		return;
	}
	if (ci->lhs && rules_is_allocator(ci->fndecl)) {
		ci->allocator = true;
		return;
	}
	s = summary_of(ci->fndecl);
	if (s && s->ready)
		ci->callee = s;
}

const struct call_info *call_of_lock(struct ctx *c, const struct call_info *ci,
				     struct lockid lock)
{
	unsigned int l = lock.index;

	if (l == tracked_lead().index)
		return ci;
	if (c->calls_of != ci->call) {
		c->calls_of = ci->call;
		c->calls_known = 0;
	}
	if (!(c->calls_known & (1u << l))) {
		classify_call(ci->call, &c->calls[l], lock);
		c->calls_known |= 1u << l;
	}
	return &c->calls[l];
}

/*
 * The paths a call leads to: the checker that splits calls decides them
 * (at most one has split_call: the layering test checks the table), else
 * the path goes on as one.
 */
static void split_call(struct ctx *c, struct astate *st, const struct call_info *ci,
		       struct sset *out)
{
	FOR_EACH_CHECKER(k)
		if (checkers[k]->split_call) {
			checkers[k]->split_call(c, st, ci, out);
			return;
		}
	sset_add(out, st);
}

static void step_call(struct ctx *c, struct astate *st, gcall *call, struct sset *out)
{
	struct call_info ci;
	bool decided = false;

	classify_call(call, &ci, tracked_lead());
	FOR_EACH_CHECKER(k)
		if (checkers[k]->check_call)
			checkers[k]->check_call(c, st, &ci);
	FOR_EACH_CHECKER(k)
		if (checkers[k]->call && checkers[k]->call(c, st, &ci))
			decided = true;
	if (!decided)
		forget_call_value(st, call, ci.lhs);
	split_call(c, st, &ci, out);
}

static void step_assign(struct ctx *c, struct astate *st, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	vkey key;

	FOR_EACH_CHECKER(k)
		if (checkers[k]->assign)
			checkers[k]->assign(c, st, stmt);
	if (TREE_CODE(lhs) != SSA_NAME)
		return;
	key = value_key(lhs);
	if (key != (vkey)lhs)
		return;		/* a copy: the facts of its source hold */
	fact_drop(st, key);
	/* x = 0 / x = NULL: later tests of x are decided on this path. */
	if (gimple_assign_single_p(stmt) && TREE_CODE(rhs) == INTEGER_CST)
		fact_add_weak(st, key, !integer_zerop(rhs));
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

static void step_return(struct ctx *c, struct astate *st, greturn *ret)
{
	struct exit_info ex;

	ex.ret = ret;
	ex.val = gimple_return_retval(ret);
	ex.loc = exit_location(st, ret);
	ex.ret_nonzero = -1;
	if (ex.val && TREE_CODE(ex.val) == INTEGER_CST)
		ex.ret_nonzero = !integer_zerop(ex.val);
	else if (ex.val)
		ex.ret_nonzero = fact_get(st, value_key(ex.val));
	FOR_EACH_CHECKER_UNWINDING(k)
		if (checkers[k]->exit)
			checkers[k]->exit(c, st, &ex);
}

/* One statement on one path; may fork the path (lock attempts, summaries). */
static void step(struct ctx *c, gimple *stmt, const struct astate *in, struct sset *out)
{
	struct astate st;
	location_t loc = gimple_location(stmt);

	state_copy(&st, in);
	if (usable_loc(loc))
		st.last_loc = loc;
	FOR_EACH_CHECKER(k)
		if (checkers[k]->operands)
			checkers[k]->operands(c, stmt, &st);

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
static bool add_branch_fact(struct ctx *c, struct astate *st, tree x, bool nonzero,
			    int depth)
{
	gimple *def;

	if (TREE_CODE(x) != SSA_NAME || depth > 4)
		return true;
	vkey key = value_key(x);

	if (!fact_add(st, key, nonzero))
		return false;
	FOR_EACH_CHECKER(k)
		if (checkers[k]->fact)
			checkers[k]->fact(c, st, key, nonzero);
	if (SSA_NAME_IS_DEFAULT_DEF(x))
		return true;
	def = SSA_NAME_DEF_STMT(x);
	if (is_gimple_assign(def) && integer_zerop(gimple_assign_rhs2(def) ?
						   gimple_assign_rhs2(def) : integer_one_node)) {
		enum tree_code code = gimple_assign_rhs_code(def);

		if (code == NE_EXPR)
			return add_branch_fact(c, st, gimple_assign_rhs1(def), nonzero, depth + 1);
		if (code == EQ_EXPR)
			return add_branch_fact(c, st, gimple_assign_rhs1(def), !nonzero, depth + 1);
	}
	if (gimple_assign_cast_p(def))
		return add_branch_fact(c, st, gimple_assign_rhs1(def), nonzero, depth + 1);
	/* likely(x), unlikely(x): __builtin_expect(x, c) is x. */
	if (is_gimple_call(def) && gimple_call_num_args(def) >= 1 &&
	    (gimple_call_builtin_p(def, BUILT_IN_EXPECT) ||
	     (gimple_call_internal_p(def) &&
	      gimple_call_internal_fn(def) == IFN_BUILTIN_EXPECT)))
		return add_branch_fact(c, st, gimple_call_arg(def, 0), nonzero, depth + 1);
	/* !b on a bool result: GIMPLE writes it ~b, b ^ 1 or a truth-not. */
	if (is_gimple_assign(def) && TREE_CODE(TREE_TYPE(x)) == BOOLEAN_TYPE &&
	    TREE_CODE(TREE_TYPE(gimple_assign_rhs1(def))) == BOOLEAN_TYPE) {
		enum tree_code code = gimple_assign_rhs_code(def);

		if (code == BIT_NOT_EXPR || code == TRUTH_NOT_EXPR ||
		    (code == BIT_XOR_EXPR && integer_onep(gimple_assign_rhs2(def))))
			return add_branch_fact(c, st, gimple_assign_rhs1(def), !nonzero, depth + 1);
	}
	return true;
}

static bool refine_by_condition(struct ctx *c, struct astate *st, basic_block from, edge e)
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
	return add_branch_fact(c, st, x, (code == NE_EXPR) == truth, 0);
}

static void phi_move(struct ctx *c, struct astate *st, gphi *phi, edge e)
{
	tree res = gimple_phi_result(phi);
	tree arg = PHI_ARG_DEF_FROM_EDGE(phi, e);
	vkey kr = value_key(res);
	vkey ka = 0;

	if (virtual_operand_p(res))
		return;
	if (TREE_CODE(arg) == SSA_NAME)
		ka = value_key(arg);
	if (ka == kr)
		return;
	fact_drop(st, kr);
	if (TREE_CODE(arg) == INTEGER_CST)
		fact_add_weak(st, kr, !integer_zerop(arg));
	else if (ka && fact_get(st, ka) >= 0)
		fact_add(st, kr, fact_get(st, ka));
	FOR_EACH_CHECKER(k)
		if (checkers[k]->phi)
			checkers[k]->phi(c, st, res, kr, ka);
}

static bool edge_transfer(struct ctx *c, struct astate *st, edge e)
{
	if (usable_loc(e->goto_locus))
		st->last_loc = e->goto_locus;
	if (!refine_by_condition(c, st, e->src, e))
		return false;
	for (gphi_iterator gsi = gsi_start_phis(e->dest); !gsi_end_p(gsi); gsi_next(&gsi))
		phi_move(c, st, gsi.phi(), e);
	FOR_EACH_CHECKER(k)
		if (checkers[k]->edge)
			checkers[k]->edge(c, st, e);
	return true;
}

/* ---- the driver ----------------------------------------------------------- */

static void entry_state(struct ctx *c, struct astate *st)
{
	state_init(st);
	FOR_EACH_CHECKER(k)
		if (checkers[k]->entry)
			checkers[k]->entry(c, st);
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
		state_copy(sset_at(cur, i), sset_at(in, i));
	for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		if (is_gimple_debug(stmt))
			continue;
		next->n = 0;
		for (unsigned int i = 0; i < cur->n; i++)
			step(c, stmt, sset_at(cur, i), next);
		std::swap(cur, next);
		if (!cur->n)
			break;
	}
	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(cfun) || (e->flags & EDGE_ABNORMAL))
			continue;
		for (unsigned int i = 0; i < cur->n; i++) {
			struct astate st;

			state_copy(&st, sset_at(cur, i));
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
	FOR_EACH_CHECKER(k)
		if (checkers[k]->reset_summary)
			checkers[k]->reset_summary(s);
	s->gave_up = false;
}

void analyse_function(struct summary *sum)
{
	struct ctx c;
	int nblocks = last_basic_block_for_fn(cfun);
	int *rpo = XNEWVEC(int, n_basic_blocks_for_fn(cfun));
	int nrpo = pre_and_rev_post_order_compute(NULL, rpo, false);
	bool *pending = XCNEWVEC(bool, nblocks);
	struct summary out;
	struct lock_summary out_locks[MAX_LOCKS];
	struct astate entry;
	/*
	 * The fixpoint's budget (-fplugin-arg-uecheck-budget, 64 by default):
	 * give up, and say so, rather than hang.  Linear in the function's
	 * size, so that it bounds the time as well as the states.
	 */
	long budget = (long)ue_cfg.budget * nblocks + (long)ue_cfg.budget * 1000 / 64;
	long visits = budget;
	bool again = true, gave_up = false;
	basic_block first;

	summary_copy(&out, sum, out_locks);
	memset(&c, 0, offsetof(struct ctx, calls));	/* calls: none known yet */
	c.sum = &out;
	c.in = XCNEWVEC(struct sset *, nblocks);
	c.scratch[0] = sset_new(states_kept());
	c.scratch[1] = sset_new(states_kept());
	if (tracked_walked() > 1) {
		c.split[0] = sset_new(states_kept());
		c.split[1] = sset_new(states_kept());
	}
	values_begin_function();
	/*
	 * On the stack, as ctx itself: the heap costs more than the walk of a
	 * small function.  Each checker's begin hook sets up its own.
	 */
	FOR_EACH_CHECKER(k) {
		c.walk[k] = alloca(checkers[k]->walk_size);
		if (checkers[k]->begin)
			checkers[k]->begin(&c);
	}
	reset_summary_outputs(&out);
	report_function_again(current_function_decl);

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
		entry_state(&c, &ignored);	/* records a __must_hold contract */
		for (int i = 0; i < nrpo; i++) {
			int idx = rpo[i];

			if (c.in[idx])
				process_block(&c, BASIC_BLOCK_FOR_FN(cfun, idx), NULL);
		}
		FOR_EACH_CHECKER_UNWINDING(k)
			if (checkers[k]->finish)
				checkers[k]->finish(&c);
		out.ready = true;
	} else {
		/* Too big to finish: claim nothing, and say so. */
		reset_summary_outputs(&out);
		out.ready = true;
		out.gave_up = true;
		/* Printed once, of the first lock the walk tracks (report.c). */
		FOR_EACH_LOCK(l)
			report_not_checked(l, current_function_decl, visits);
	}
	summary_copy_back(sum, &out);

	sset_free(c.scratch[0]);
	sset_free(c.scratch[1]);
	sset_free(c.split[0]);
	sset_free(c.split[1]);
	for (int i = 0; i < nblocks; i++)
		sset_free(c.in[i]);
	XDELETEVEC(c.in);
	XDELETEVEC(pending);
	XDELETEVEC(rpo);
	values_end_function();
}
