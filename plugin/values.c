// SPDX-License-Identifier: GPL-2.0
/*
 * values.c - what an expression denotes, as far as the rules care.
 *
 * A value key names one abstract value of the current function: the result
 * of a call, an SSA name that is not a plain copy, or the single value ever
 * stored into a local variable whose address is taken (guard variables of
 * cleanup.h are such locals).  Copies and casts are looked through, and so
 * are calls whose summary says "returns parameter i" or "returns *param i"
 * (the guard constructors and lock_ptr helpers).
 *
 * A lock slot says which mutex an expression points to: the tracked global
 * lock, a mutex passed as a parameter, or one stored at *parameter.
 *
 * A pointer loaded from a field of an object (conn->hcon) is one value
 * however often it is loaded: the first load's, as Clang reads the same
 * expression as the same lock's wherever it is written, calls between
 * the loads or not.
 *
 * A per-CPU variable's instance on this CPU, this_cpu_ptr(&v), is v: the
 * kernel says so where context analysis reads it (__this_cpu_local_lock()
 * returns the lock its base names, __returns_ctx_lock(base)), and its
 * locks and guarded data go together.
 *
 * A pointer field at offset 0 of an object is the same memory as the
 * object's first pointer: cleanup.h's lock guards keep their lock there,
 * as the whole guard variable (6.x: `struct mutex *`) or as its first
 * member (7.x: `class_mutex_t { struct mutex *lock; }`), and both read the
 * same through these rules.
 */
#include "uecheck.h"

#define MAX_DEPTH 12

/* A field at offset 0 of its struct: its address is the struct's. */
static bool field_at_zero(tree field)
{
	return TREE_CODE(field) == FIELD_DECL && DECL_FIELD_OFFSET(field) &&
	       integer_zerop(DECL_FIELD_OFFSET(field)) &&
	       integer_zerop(DECL_FIELD_BIT_OFFSET(field));
}

/*
 * *REF with its first-member selections taken off (x.a.b with a and b at
 * offset 0: x); false when there was none.
 */
static bool strip_first_members(tree *ref)
{
	bool any = false;

	while (TREE_CODE(*ref) == COMPONENT_REF && field_at_zero(TREE_OPERAND(*ref, 1))) {
		*ref = TREE_OPERAND(*ref, 0);
		any = true;
	}
	return any;
}

/* REF, when it reads a pointer member at offset 0: the object it is in. */
static tree first_pointer_of(tree ref)
{
	if (TREE_CODE(ref) != COMPONENT_REF || !POINTER_TYPE_P(TREE_TYPE(ref)) ||
	    !field_at_zero(TREE_OPERAND(ref, 1)))
		return NULL_TREE;
	return TREE_OPERAND(ref, 0);
}

tree deref_pointer_of(tree ref)
{
	tree obj = first_pointer_of(ref);

	if (obj)
		ref = obj;
	if (TREE_CODE(ref) == MEM_REF && integer_zerop(TREE_OPERAND(ref, 1)))
		return TREE_OPERAND(ref, 0);
	return NULL_TREE;
}

/*
 * Local memory variables with exactly one store: var -> that statement.
 * A store to the pointer at offset 0 of a local counts as a store to it.
 */
static hash_map<tree, gimple *> *single_store;

/*
 * "var = {}": the zeroing GCC writes before a partial initializer
 * ("class_raw_spinlock_irqsave_t _t = { .lock = l }" leaves flags 0).
 * Not the store of the pointer the initializer then writes.
 */
static bool zeroes_whole(gimple *stmt)
{
	tree rhs;

	if (!gimple_assign_single_p(stmt))
		return false;
	rhs = gimple_assign_rhs1(stmt);
	return TREE_CODE(rhs) == CONSTRUCTOR && CONSTRUCTOR_NELTS(rhs) == 0;
}

static void scan_single_stores(void)
{
	hash_map<tree, int> count;
	basic_block bb;

	single_store = new hash_map<tree, gimple *>;
	FOR_EACH_BB_FN(bb, cfun) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
		     gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			tree lhs;

			/*
			 * The end-of-scope clobber of a guard variable is no
			 * store, nor is -ftrivial-auto-var-init's zeroing.
			 */
			if ((!is_gimple_assign(stmt) && !is_gimple_call(stmt)) ||
			    gimple_clobber_p(stmt) || compat_is_auto_var_init(stmt) ||
			    zeroes_whole(stmt))
				continue;
			lhs = gimple_get_lhs(stmt);
			if (lhs && first_pointer_of(lhs))
				lhs = first_pointer_of(lhs);
			if (!lhs || TREE_CODE(lhs) != VAR_DECL || is_global_var(lhs))
				continue;
			count.get_or_insert(lhs)++;
			single_store->put(lhs, stmt);
		}
	}
	for (hash_map<tree, int>::iterator it = count.begin(); it != count.end(); ++it)
		if ((*it).second != 1)
			single_store->remove((*it).first);
}

/*
 * The pointers loaded from fields: each (object, field) pair read, with
 * the value of its first load; chained per field from load_head.
 */
struct field_load {
	vkey base;	/* the object's value, or a global object itself */
	tree field;
	vkey key;
	int next;	/* index + 1 of the next load of FIELD, or 0 */
};
static vec<field_load> field_loads;
static hash_map<tree, int> *load_head;
/* Each SSA name's value, by version, once asked: 0 until then. */
static vec<vkey> ssa_values;

void values_begin_function(void)
{
	scan_single_stores();
	ssa_values.safe_grow_cleared(num_ssa_names);
}

void values_end_function(void)
{
	delete single_store;
	single_store = NULL;
	delete load_head;
	load_head = NULL;
	field_loads.release();
	ssa_values.release();
}

int param_of_value(vkey key)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); key && p; p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(cfun, p);

		if (def && value_key(def) == key)
			return i < MAX_PARAM_MASK ? i : -1;
	}
	return -1;
}

int param_index(tree ssa)
{
	tree var;
	int i = 0;

	if (TREE_CODE(ssa) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(ssa))
		return -1;
	var = SSA_NAME_VAR(ssa);
	if (!var || TREE_CODE(var) != PARM_DECL)
		return -1;
	for (tree p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++)
		if (p == var)
			return i;
	return -1;
}

static gimple *stored_into(tree var)
{
	gimple **stmt;

	if (!single_store || TREE_CODE(var) != VAR_DECL)
		return NULL;
	stmt = single_store->get(var);
	return stmt ? *stmt : NULL;
}

static vkey key_rec(tree expr, int depth);

/* REF is memory of a named address space: the per-CPU segment (x86's __seg_gs). */
static bool in_cpu_segment(tree ref)
{
	return REFERENCE_CLASS_P(ref) && !ADDR_SPACE_GENERIC_P(TYPE_ADDR_SPACE(TREE_TYPE(ref)));
}

/*
 * EXPR (an integer) is this CPU's per-CPU offset: read from the per-CPU
 * segment, a named address space (x86's this_cpu_off through __seg_gs),
 * or by asm from it (KCSAN and KASAN builds with GCC < 13.3 read it with
 * "movq %1, %0" of that memory).
 */
static bool is_cpu_offset(tree expr, int depth)
{
	gimple *def;
	tree rhs;

	if (TREE_CODE(expr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(expr) || depth > MAX_DEPTH)
		return false;
	def = SSA_NAME_DEF_STMT(expr);
	if (gasm *as = dyn_cast<gasm *>(def)) {
		if (gimple_asm_noutputs(as) != 1)
			return false;
		for (unsigned int i = 0; i < gimple_asm_ninputs(as); i++)
			if (in_cpu_segment(TREE_VALUE(gimple_asm_input_op(as, i))))
				return true;
		return false;
	}
	if (!is_gimple_assign(def) || !(gimple_assign_single_p(def) || gimple_assign_cast_p(def)))
		return false;
	rhs = gimple_assign_rhs1(def);
	if (TREE_CODE(rhs) == SSA_NAME)
		return is_cpu_offset(rhs, depth + 1);
	return in_cpu_segment(rhs);
}

/* The address an integer EXPR was made of ((unsigned long)&v, (unsigned long)p), or NULL. */
static tree address_converted(tree expr, int depth)
{
	gimple *def;

	while (depth++ <= MAX_DEPTH) {
		STRIP_NOPS(expr);
		if (TREE_CODE(expr) == ADDR_EXPR || (TREE_CODE(expr) == SSA_NAME &&
						     POINTER_TYPE_P(TREE_TYPE(expr))))
			return expr;
		if (TREE_CODE(expr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(expr))
			return NULL_TREE;
		def = SSA_NAME_DEF_STMT(expr);
		if (!is_gimple_assign(def) ||
		    !(gimple_assign_single_p(def) || gimple_assign_cast_p(def)))
			return NULL_TREE;
		expr = gimple_assign_rhs1(def);
	}
	return NULL_TREE;
}

/*
 * EXPR is this CPU's instance of a per-CPU variable (this_cpu_ptr(&v):
 * the offset plus v's address): that address (&v), or NULL.
 */
static tree percpu_instance_of(tree expr)
{
	gimple *def;
	tree a, b;

	if (TREE_CODE(expr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(expr))
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(expr);
	if (!is_gimple_assign(def) || (gimple_assign_rhs_code(def) != PLUS_EXPR &&
				       gimple_assign_rhs_code(def) != POINTER_PLUS_EXPR))
		return NULL_TREE;
	a = gimple_assign_rhs1(def);
	b = gimple_assign_rhs2(def);
	if (is_cpu_offset(a, 0))
		return address_converted(b, 0);
	if (is_cpu_offset(b, 0))
		return address_converted(a, 0);
	return NULL_TREE;
}

/* The value of a call: maybe one of its arguments, by the callee's summary. */
static vkey call_value_key(gcall *call, int depth)
{
	struct summary *s = summary_of(gimple_call_fndecl(call));

	if (s && s->ready && summary_ret_deref_param(s) >= 0 &&
	    (unsigned)summary_ret_deref_param(s) < gimple_call_num_args(call)) {
		tree arg = gimple_call_arg(call, summary_ret_deref_param(s));

		if (TREE_CODE(arg) == ADDR_EXPR)
			return key_rec(TREE_OPERAND(arg, 0), depth + 1);
	}
	return (vkey)call;
}

/* The value read from FIELD of BASE's object: the first read's (KEY if new). */
static vkey field_value(vkey base, tree field, vkey key)
{
	int *head;

	if (!load_head)
		load_head = new hash_map<tree, int>;
	head = &load_head->get_or_insert(field);
	for (int i = *head; i; i = field_loads[i - 1].next)
		if (field_loads[i - 1].base == base)
			return field_loads[i - 1].key;
	field_load fl = { base, field, key, *head };
	field_loads.safe_push(fl);
	*head = field_loads.length();
	return key;
}

/* The value of REF (an object, or a part of one: p->a, p->a.b, a variable), or 0. */
static vkey part_key(tree ref, int depth)
{
	vkey base;

	if (depth > MAX_DEPTH)
		return 0;
	if (TREE_CODE(ref) == VAR_DECL)
		return (vkey)ref;	/* a struct in memory: itself */
	if (TREE_CODE(ref) == MEM_REF)
		return integer_zerop(TREE_OPERAND(ref, 1)) ?
		       key_rec(TREE_OPERAND(ref, 0), depth + 1) : 0;
	if (TREE_CODE(ref) != COMPONENT_REF)
		return 0;
	base = part_key(TREE_OPERAND(ref, 0), depth + 1);
	return base ? field_value(base, TREE_OPERAND(ref, 1), (vkey)ref) : 0;
}

/* The value of the pointer SSA loads from REF: its first load's. */
static vkey loaded_key(tree ssa, tree ref, int depth)
{
	vkey base;

	if (!POINTER_TYPE_P(TREE_TYPE(ssa)) || TREE_CODE(ref) != COMPONENT_REF)
		return (vkey)ssa;
	base = part_key(TREE_OPERAND(ref, 0), depth + 1);
	return base ? field_value(base, TREE_OPERAND(ref, 1), (vkey)ssa) : (vkey)ssa;
}

static vkey key_rec(tree expr, int depth)
{
	gimple *def;

	if (!expr || depth > MAX_DEPTH)
		return 0;
	STRIP_NOPS(expr);
	if (TREE_CODE(expr) == VAR_DECL && !is_global_var(expr)) {
		gimple *store = stored_into(expr);

		if (!store)
			return (vkey)expr;
		if (is_gimple_call(store))
			return call_value_key(as_a<gcall *>(store), depth);
		if (gimple_assign_single_p(store))
			return key_rec(gimple_assign_rhs1(store), depth + 1);
		return (vkey)expr;
	}
	if (TREE_CODE(expr) != SSA_NAME)
		return 0;
	if (SSA_NAME_IS_DEFAULT_DEF(expr))
		return (vkey)expr;
	def = SSA_NAME_DEF_STMT(expr);
	if (is_gimple_call(def))
		return call_value_key(as_a<gcall *>(def), depth);
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		tree rhs = gimple_assign_rhs1(def), percpu = percpu_instance_of(expr);

		if (percpu) {
			vkey v = TREE_CODE(percpu) == ADDR_EXPR ? object_value_of_arg(percpu) :
				 key_rec(percpu, depth + 1);

			return v ? v : (vkey)expr;
		}
		if (CONVERT_EXPR_CODE_P(code) || code == SSA_NAME ||
		    (code == VAR_DECL && !is_global_var(rhs)))
			return key_rec(rhs, depth + 1);
		if (code == COMPONENT_REF)
			return loaded_key(expr, rhs, depth);
		/*
		 * &p->member, a struct in p's: the member's value, however often
		 * its address is taken.  (Not a pointer field's address: its
		 * loads' value is what it points to.)
		 */
		if (code == ADDR_EXPR && TREE_CODE(TREE_OPERAND(rhs, 0)) == COMPONENT_REF &&
		    RECORD_OR_UNION_TYPE_P(TREE_TYPE(TREE_OPERAND(rhs, 0)))) {
			vkey part = part_key(TREE_OPERAND(rhs, 0), depth + 1);

			if (part)
				return part;
		}
	}
	return (vkey)expr;
}

/*
 * Asked for the same SSA name again and again by every rule: its value is
 * the same throughout a walk (the summaries it reads do not change during
 * one), so it is found once.
 */
vkey value_key(tree expr)
{
	unsigned int v;

	if (!expr || TREE_CODE(expr) != SSA_NAME ||
	    (v = SSA_NAME_VERSION(expr)) >= ssa_values.length())
		return key_rec(expr, 0);
	if (!ssa_values[v])
		ssa_values[v] = key_rec(expr, 0);
	return ssa_values[v];
}

static int slot_rec(struct lockid l, tree expr, int depth);
static int deref_slot_rec(struct lockid l, tree expr, int depth);

bool is_zero_value(tree expr)
{
	gimple *def;

	if (integer_zerop(expr))
		return true;
	if (TREE_CODE(expr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(expr))
		return false;
	def = SSA_NAME_DEF_STMT(expr);
	return gimple_assign_single_p(def) && integer_zerop(gimple_assign_rhs1(def));
}

/* The parameter whose lock S's function returns (its ret_slot), or -1. */
static int returned_lock_param(struct lockid l, const struct summary *s)
{
	int slot = s && s->ready ? lock_summary_of(s, l)->ret_slot : SLOT_NONE;

	return slot >= SLOT_PARAM0 && slot < SLOT_DEREF0 ? slot - SLOT_PARAM0 : -1;
}

/* A callee may hand a lock back: its summary says which of its slots. */
static int call_slot(struct lockid l, gcall *call, int depth)
{
	struct summary *s = summary_of(gimple_call_fndecl(call));
	int slot, i;

	if (!s || !s->ready || lock_summary_of(s, l)->ret_slot == SLOT_NONE)
		return SLOT_NONE;
	slot = lock_summary_of(s, l)->ret_slot;
	if (slot == SLOT_GLOBAL)
		return SLOT_GLOBAL;
	i = slot >= SLOT_DEREF0 ? slot - SLOT_DEREF0 : slot - SLOT_PARAM0;
	if ((unsigned)i >= gimple_call_num_args(call))
		return SLOT_NONE;
	if (slot >= SLOT_DEREF0)
		return deref_slot_rec(l, gimple_call_arg(call, i), depth + 1);
	return slot_rec(l, gimple_call_arg(call, i), depth + 1);
}

static int local_slot(struct lockid l, tree var, int depth)
{
	gimple *store = stored_into(var);

	if (!store)
		return SLOT_NONE;
	if (is_gimple_call(store))
		return call_slot(l, as_a<gcall *>(store), depth);
	if (gimple_assign_single_p(store))
		return slot_rec(l, gimple_assign_rhs1(store), depth + 1);
	return SLOT_NONE;
}

/* Which lock the pointer stored at *expr designates. */
static int deref_slot_rec(struct lockid l, tree expr, int depth)
{
	int p;

	if (!expr || depth > MAX_DEPTH)
		return SLOT_NONE;
	STRIP_NOPS(expr);
	if (TREE_CODE(expr) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(expr, 0)) == VAR_DECL)
		return local_slot(l, TREE_OPERAND(expr, 0), depth + 1);
	if (TREE_CODE(expr) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(expr)) {
		gimple *def = SSA_NAME_DEF_STMT(expr);

		if (gimple_assign_single_p(def) || gimple_assign_cast_p(def))
			return deref_slot_rec(l, gimple_assign_rhs1(def), depth + 1);
		return SLOT_NONE;
	}
	p = param_index(expr);
	if (p >= 0 && p < MAX_LOCK_PARAMS)
		return SLOT_DEREF0 + p;
	return SLOT_NONE;
}

static int slot_rec(struct lockid l, tree expr, int depth)
{
	gimple *def;
	int p;

	if (!expr || depth > MAX_DEPTH)
		return SLOT_NONE;
	STRIP_NOPS(expr);
	switch (TREE_CODE(expr)) {
	case ADDR_EXPR: {
		tree op = TREE_OPERAND(expr, 0);

		if (tracked_is_lock(l, op))
			return SLOT_GLOBAL;
		/*
		 * &lock->rlock, the raw lock inside a spinlock_t (what
		 * spinlock_check() returns): the lock it is the first member of.
		 */
		if (!strip_first_members(&op))
			return SLOT_NONE;
		if (tracked_is_lock(l, op))
			return SLOT_GLOBAL;
		if (TREE_CODE(op) == MEM_REF && integer_zerop(TREE_OPERAND(op, 1)))
			return slot_rec(l, TREE_OPERAND(op, 0), depth + 1);
		return SLOT_NONE;
	}
	case VAR_DECL:
		return is_global_var(expr) ? SLOT_NONE : local_slot(l, expr, depth);
	case MEM_REF:
		if (integer_zerop(TREE_OPERAND(expr, 1)))
			return deref_slot_rec(l, TREE_OPERAND(expr, 0), depth + 1);
		return SLOT_NONE;
	case COMPONENT_REF: {
		tree obj = first_pointer_of(expr);

		if (!obj)
			return SLOT_NONE;
		return slot_rec(l, obj, depth + 1);
	}
	case SSA_NAME:
		break;
	default:
		return SLOT_NONE;
	}
	p = param_index(expr);
	if (p >= 0)
		return p < MAX_LOCK_PARAMS ? SLOT_PARAM0 + p : SLOT_NONE;
	if (SSA_NAME_IS_DEFAULT_DEF(expr))
		return SLOT_NONE;
	def = SSA_NAME_DEF_STMT(expr);
	if (is_gimple_call(def))
		return call_slot(l, as_a<gcall *>(def), depth);
	if (gimple_code(def) == GIMPLE_PHI) {
		/* Every incoming lock the same one (NULL aside): that lock. */
		int slot = SLOT_NONE;

		for (unsigned int i = 0; i < gimple_phi_num_args(def); i++) {
			tree arg = gimple_phi_arg_def(def, i);
			int s;

			if (is_zero_value(arg))
				continue;
			s = arg == expr ? slot : slot_rec(l, arg, depth + 1);
			if (s == SLOT_NONE || (slot != SLOT_NONE && s != slot))
				return SLOT_NONE;
			slot = s;
		}
		return slot;
	}
	if (is_gimple_assign(def) &&
	    (gimple_assign_single_p(def) || gimple_assign_cast_p(def)))
		return slot_rec(l, gimple_assign_rhs1(def), depth + 1);
	if (percpu_instance_of(expr))
		return slot_rec(l, percpu_instance_of(expr), depth + 1);
	return SLOT_NONE;
}

int lock_slot_of(struct lockid l, tree expr)
{
	return slot_rec(l, expr, 0);
}

static vkey object_lock_base_rec(struct lockid l, tree expr, int depth)
{
	tree ref;

	if (!expr || depth > MAX_DEPTH)
		return 0;
	STRIP_NOPS(expr);
	if (TREE_CODE(expr) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(expr)) {
		gimple *def = SSA_NAME_DEF_STMT(expr);

		if (gimple_assign_single_p(def) || gimple_assign_cast_p(def))
			return object_lock_base_rec(l, gimple_assign_rhs1(def), depth + 1);
		if (percpu_instance_of(expr))
			return object_lock_base_rec(l, percpu_instance_of(expr), depth + 1);
		/* spinlock_check(&c->lock): a callee returning (a part of) its argument. */
		if (is_gimple_call(def)) {
			struct summary *s = summary_of(gimple_call_fndecl(def));
			int i = returned_lock_param(l, s);

			if (i >= 0 && (unsigned int)i < gimple_call_num_args(def))
				return object_lock_base_rec(l, gimple_call_arg(def, i), depth + 1);
		}
		return 0;
	}
	/* c->host_lock, a lock field that points to the lock: its value. */
	if (TREE_CODE(expr) == COMPONENT_REF && POINTER_TYPE_P(TREE_TYPE(expr)) &&
	    tracked_is_object_lock_field(l, TREE_OPERAND(expr, 1))) {
		ref = TREE_OPERAND(expr, 0);
	} else {
		if (TREE_CODE(expr) != ADDR_EXPR)
			return 0;
		ref = TREE_OPERAND(expr, 0);
		/* &c->lock.rlock: the raw lock inside c's lock. */
		while (TREE_CODE(ref) == COMPONENT_REF &&
		       !tracked_is_object_lock_field(l, TREE_OPERAND(ref, 1)) &&
		       field_at_zero(TREE_OPERAND(ref, 1)))
			ref = TREE_OPERAND(ref, 0);
		if (TREE_CODE(ref) != COMPONENT_REF ||
		    !tracked_is_object_lock_field(l, TREE_OPERAND(ref, 1)))
			return 0;
		ref = TREE_OPERAND(ref, 0);
	}
	if (TREE_CODE(ref) == MEM_REF && integer_zerop(TREE_OPERAND(ref, 1)) &&
	    TREE_CODE(TREE_OPERAND(ref, 0)) == SSA_NAME)
		return value_key(TREE_OPERAND(ref, 0));
	/* &p->inner.lock, &var.lock: the object is a member, or a variable. */
	if (TREE_CODE(ref) == COMPONENT_REF || TREE_CODE(ref) == VAR_DECL)
		return part_key(ref, depth + 1);
	return 0;
}

vkey object_value_of_member(tree ref)
{
	tree base;

	if (TREE_CODE(ref) != COMPONENT_REF)
		return 0;
	for (base = TREE_OPERAND(ref, 0); TREE_CODE(base) == COMPONENT_REF;
	     base = TREE_OPERAND(base, 0))
		;
	return TREE_CODE(base) == VAR_DECL && is_global_var(base) ?
	       part_key(TREE_OPERAND(ref, 0), 0) : 0;
}

vkey object_value_of_arg(tree arg)
{
	STRIP_NOPS(arg);
	if (TREE_CODE(arg) == SSA_NAME)
		return value_key(arg);
	if (TREE_CODE(arg) == ADDR_EXPR && (TREE_CODE(TREE_OPERAND(arg, 0)) == COMPONENT_REF ||
					   TREE_CODE(TREE_OPERAND(arg, 0)) == VAR_DECL) &&
	    RECORD_OR_UNION_TYPE_P(TREE_TYPE(TREE_OPERAND(arg, 0))))
		return part_key(TREE_OPERAND(arg, 0), 0);
	return 0;
}

vkey object_lock_base(struct lockid l, tree expr)
{
	return tracked_per_object(l) ? object_lock_base_rec(l, expr, 0) : 0;
}

/*
 * The object whose per-object lock is stored at *EXPR: a guard's &scope,
 * the local its constructor returned into (a summary's ret_slot says
 * which argument's lock it holds), given &obj->lock.
 */
vkey object_lock_base_deref(struct lockid l, tree expr)
{
	gimple *store;
	struct summary *s;
	int i;

	if (!tracked_per_object(l) || !expr)
		return 0;
	STRIP_NOPS(expr);
	if (TREE_CODE(expr) != ADDR_EXPR || TREE_CODE(TREE_OPERAND(expr, 0)) != VAR_DECL)
		return 0;
	store = stored_into(TREE_OPERAND(expr, 0));
	if (!store)
		return 0;
	if (gimple_assign_single_p(store))
		return object_lock_base_rec(l, gimple_assign_rhs1(store), 0);
	if (!is_gimple_call(store))
		return 0;
	s = summary_of(gimple_call_fndecl(store));
	i = returned_lock_param(l, s);
	if (i < 0 || (unsigned int)i >= gimple_call_num_args(store))
		return 0;
	return object_lock_base_rec(l, gimple_call_arg(store, i), 0);
}

int lock_slot_of_deref(struct lockid l, tree expr)
{
	return deref_slot_rec(l, expr, 0);
}
