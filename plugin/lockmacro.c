// SPDX-License-Identifier: GPL-2.0
/*
 * lockmacro.c - a lock that a macro of the file takes or drops with its
 * own __acquire()/__release() alone, which lock and where on the path.
 *
 * 7.x's local_lock(&pcpu.lock) is preempt_disable(), a call of the
 * unannotated local_lock_acquire() and __acquire(lock): under GCC the
 * take leaves nothing, and the lock it names is no text the invocation
 * has (three macros deep, through __this_cpu_local_lock()).  But the
 * invocation's GIMPLE computes the lock, to pass it to that call: where
 * its values name exactly one lock of L and none of its calls is L's lock
 * API, that lock is the one taken (or dropped), on the first statement
 * that uses it.  tokens.c says which invocations make such a call.
 *
 * An attempt (__try_acquire_ctx_lock(l, attempt): local_trylock()) holds
 * the lock where its outcome is non-zero.  The outcome is the lock
 * pointer, or NULL where it failed (local_trylock() ends with !!__tl): a
 * PHI of the invocation whose arguments are that lock or zero.  A branch
 * on it is where the lock is held or not (lock.c's fact hook).
 */
#include "lock.h"

/* OPS[0..N) in the order written: the one at AT, or NULL. */
static const struct macro_lock_op *op_at(const struct macro_lock_op *ops, unsigned int n,
					 const struct srcpos *at)
{
	unsigned int lo = 0, hi = n;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;
		int c = srcpos_cmp(&ops[mid].at, at);

		if (!c)
			return &ops[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Some invocation of OPS is written within the current function's lines. */
static bool ops_in_function(const struct macro_lock_op *ops, unsigned int n)
{
	struct srcpos from, to;

	if (!srcpos_of(DECL_SOURCE_LOCATION(current_function_decl), &from) ||
	    !srcpos_of(cfun->function_end_locus, &to))
		return false;
	for (unsigned int i = 0; i < n; i++)
		if (ops[i].op != LOCK_OP_NONE && !strcmp(ops[i].at.file, from.file) &&
		    ops[i].at.line >= from.line && ops[i].at.line <= to.line)
			return true;
	return false;
}

/* The lock of L that USE (an operand) designates, into *T; false: none. */
static bool lock_of_use(struct lockid l, tree use, struct macro_take *t)
{
	t->base = object_lock_base(l, use);
	t->slot = t->base ? SLOT_NONE : lock_slot_of(l, use);
	return t->base || t->slot != SLOT_NONE;
}

/* Fold what STMT of the invocation says into its take T; false: not read. */
static bool fold_statement(struct lockid l, gimple *stmt, struct macro_take *t)
{
	ssa_op_iter it;
	tree use, fn;

	fn = is_gimple_call(stmt) ? gimple_call_fndecl(stmt) : NULL_TREE;
	if (fn && rules_lock_api(l, fn))
		return false;	/* the API's own call says it */
	FOR_EACH_SSA_TREE_OPERAND(use, stmt, it, SSA_OP_USE) {
		struct macro_take u;

		if (!lock_of_use(l, use, &u))
			continue;
		if (!t->stmt) {
			t->stmt = stmt;
			t->base = u.base;
			t->slot = u.slot;
		} else if (u.base != t->base || u.slot != t->slot ||
			   (!lock_op_is_try(t->op) && gimple_bb(stmt) != gimple_bb(t->stmt))) {
			return false;	/* two locks, or no one place */
		}
	}
	return true;
}

/* A value of T's lock, or zero. */
static bool lock_or_zero(struct lockid l, tree arg, const struct macro_take *t, bool *lock)
{
	struct macro_take u;

	if (is_zero_value(arg))		/* __tl = NULL */
		return true;
	if (TREE_CODE(arg) != SSA_NAME || !lock_of_use(l, arg, &u) || u.base != t->base ||
	    u.slot != t->slot)
		return false;
	*lock = true;
	return true;
}

/* The attempt T's outcome: a PHI of BB that is its lock or NULL; false: none. */
static bool find_outcome(struct lockid l, basic_block bb, struct macro_take *t)
{
	for (gphi_iterator gpi = gsi_start_phis(bb); !gsi_end_p(gpi); gsi_next(&gpi)) {
		gphi *phi = gpi.phi();
		tree res = gimple_phi_result(phi);
		bool lock = false, ok = POINTER_TYPE_P(TREE_TYPE(res));

		for (unsigned int i = 0; ok && i < gimple_phi_num_args(phi); i++)
			ok = lock_or_zero(l, gimple_phi_arg_def(phi, i), t, &lock);
		if (ok && lock) {
			t->outcome = value_key(res);
			return true;
		}
	}
	return false;
}

/* The invocation of OPS[0..N) that STMT is part of, if one is read. */
static const struct macro_lock_op *op_of(const struct macro_lock_op *ops, unsigned int n,
					 gimple *stmt)
{
	const struct macro_lock_op *op;
	struct srcpos pos;

	if (is_gimple_debug(stmt) || !srcpos_of(gimple_location(stmt), &pos))
		return NULL;
	op = op_at(ops, n, &pos);
	return op && op->op != LOCK_OP_NONE ? op : NULL;
}

unsigned int lockmacro_takes(struct lockid l, struct macro_take *out, unsigned int max)
{
	const struct macro_lock_op *ops, *which[MAX_MACRO_TAKES];
	unsigned int nops = tokens_lone_lock_ops(&ops), n = 0, k = 0;
	struct macro_take t[MAX_MACRO_TAKES];
	bool bad[MAX_MACRO_TAKES];
	basic_block bb;

	if (!nops || !ops_in_function(ops, nops))
		return 0;
	/* Which lock each invocation's statements name. */
	FOR_EACH_BB_FN(bb, cfun)
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			const struct macro_lock_op *op = op_of(ops, nops, stmt);
			unsigned int i;

			if (!op)
				continue;
			for (i = 0; i < n && which[i] != op; i++)
				;
			if (i == n) {
				if (n == MAX_MACRO_TAKES)
					continue;
				memset(&t[n], 0, sizeof(t[n]));
				t[n].op = op->op;
				bad[n] = false;
				which[n++] = op;
			}
			if (!bad[i] && !fold_statement(l, stmt, &t[i]))
				bad[i] = true;
		}
	/* An attempt's outcome: a PHI at the head of a block of its invocation. */
	FOR_EACH_BB_FN(bb, cfun) {
		gimple_stmt_iterator gsi = gsi_start_nondebug_bb(bb);
		const struct macro_lock_op *op = gsi_end_p(gsi) ? NULL :
						 op_of(ops, nops, gsi_stmt(gsi));

		for (unsigned int i = 0; op && i < n; i++)
			if (which[i] == op && lock_op_is_try(t[i].op) && !bad[i] && t[i].stmt &&
			    !t[i].outcome)
				find_outcome(l, bb, &t[i]);
	}
	for (unsigned int i = 0; i < n && k < max; i++) {
		if (bad[i] || !t[i].stmt || (lock_op_is_try(t[i].op) && !t[i].outcome))
			continue;
		t[i].loc = gimple_location(t[i].stmt);
		out[k++] = t[i];
	}
	return k;
}
