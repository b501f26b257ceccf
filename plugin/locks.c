// SPDX-License-Identifier: GPL-2.0
/*
 * locks.c - which locks a translation unit is checked for.
 *
 * The rule set's lock (event_mutex for user_events), and with
 * locks=annotated (the default) each other lock that a __guarded_by() of
 * the unit names, when a function here reads or writes what it guards:
 * 7.x's context analysis annotations as rules, under GCC.  Under Clang's
 * contract, also each lock the annotations of the unit's functions and
 * of the functions they call name (__must_hold(&p->lock), a prototype's
 * too), as Clang checks those whether or not data is guarded by them.  Another lock
 * has the lock family's rules only (rules.def), with the rule set's lock
 * API and the kernel's annotations.  One walk of the unit tracks them all
 * (fixpoint.c, tracked.c).
 *
 * A lock's kind is the rule set's (mutex, spinlock, rwsem, rwlock), whose
 * API it lists, or the name of a lock type 7.x declares with
 * context_lock_struct() (ww_mutex, seqlock, local_lock, rt_mutex, ...),
 * whose API the headers' annotations give (__acquires(), ...), or a
 * token's class (RCU, tokens.c), a global held by what its annotations
 * name.
 *
 * Under Clang's contract, a lock passed to a function that needs the
 * lock it is given (__must_hold(ssp) of its parameter ssp:
 * srcu_dereference(p, &d->srcu)) is a candidate too.
 *
 * Not a candidate: a lock of neither (its holders would look unlocked),
 * a lock no guarded access of the unit uses (nor, under Clang's
 * contract, an annotation or such a call), a lock an annotation names
 * through a chain (&ap->host->eh_mutex).
 */
#include "engine.h"

#define MAX_TRACKED	(MAX_LOCKS - 1)	/* besides the rule set's */

struct candidates {
	struct tracked_lock lock[MAX_TRACKED];
	unsigned int n;
	struct tracked_lock unchecked[MAX_TRACKED];	/* named once each */
	unsigned int nunchecked;
};

/*
 * The kind of a lock of TYPE (see above), or NULL; *CHECKED (may be
 * NULL): its API is known, the rule set's or the annotations';
 * *REENTRANT (may be NULL): its holds nest.
 */
static const char *lock_kind(tree type, bool *checked, bool *reentrant)
{
	const char *kind = annotations_lock_kind(type, reentrant);

	/* The rule set's kinds by the API it lists, the others' by their annotations. */
	if (checked)
		*checked = kind && (!ruleset_kind_of_type(type) || rules_kind_known(kind));
	return kind;
}

/*
 * Globals of a lock type, by name: a lock only declared (extern struct
 * mutex m;) is in no symbol table the walk could ask at the end.
 */
static hash_map<tree, tree> *global_locks;

void locks_saw_decl(tree decl)
{
	if (TREE_CODE(decl) != VAR_DECL || !is_global_var(decl) || !DECL_NAME(decl))
		return;
	/* A lock, or a token (RCU: a pointer nothing defines). */
	if (!(RECORD_OR_UNION_TYPE_P(TREE_TYPE(decl)) && lock_kind(TREE_TYPE(decl), NULL, NULL)) &&
	    !tokens_is_token(IDENTIFIER_POINTER(DECL_NAME(decl)), NULL, NULL))
		return;
	if (!global_locks)
		global_locks = new hash_map<tree, tree>;
	global_locks->put(DECL_NAME(decl), decl);
}

static tree global_named(const char *name)
{
	tree id = maybe_get_identifier(name);
	tree *decl = global_locks && id ? global_locks->get(id) : NULL;

	return decl ? *decl : NULL_TREE;
}

static bool same_lock(const struct tracked_lock *a, const char *name, const char *type)
{
	return !strcmp(a->name, name) && (a->type ? type && !strcmp(a->type, type) : !type);
}

/*
 * The lock NAME (a global's), or the field FIELD of a struct, if it is
 * one the walk can track.
 */
static void add_candidate_lock(struct candidates *c, const char *name, tree field,
			       bool bitlock)
{
	const char *type = NULL, *kind;
	struct tracked_lock own = { ue_rs.lock, ue_rs.lock_type, ue_rs.lock_kind };
	bool checked = false, reentrant = false;
	tree decl;

	if (field) {
		type = rules_struct_name(field);
		if (!*type)
			return;		/* an anonymous struct: no name to say */
		decl = field;
	} else {
		decl = global_named(name);
	}
	if (c->n == MAX_TRACKED || (own.name && same_lock(&own, name, type)))
		return;		/* the rule set's own: its pass checks it */
	for (unsigned int i = 0; i < c->n; i++)
		if (same_lock(&c->lock[i], name, type))
			return;
	for (unsigned int i = 0; i < c->nunchecked; i++)
		if (same_lock(&c->unchecked[i], name, type))
			return;
	/*
	 * A field that points to the lock (__guarded_by(host_lock)): the
	 * lock's type.  A bit of a word (__bitlock()): the bit_spin_*() API,
	 * which its annotations give.
	 */
	if (bitlock && decl) {
		kind = "bit_spinlock";
		checked = true;
	} else if (decl && TREE_CODE(decl) == VAR_DECL &&
		   tokens_is_token(name, &kind, &reentrant)) {
		checked = true;	/* RCU: held shared by what its annotations name */
	} else {
		kind = !decl ? NULL :
		       lock_kind(TREE_CODE(decl) == FIELD_DECL && POINTER_TYPE_P(TREE_TYPE(decl)) ?
				 TREE_TYPE(TREE_TYPE(decl)) : TREE_TYPE(decl), &checked, &reentrant);
	}
	if (!kind || !checked) {
		/* Not checked: say so where one asks (docs/rulesets.md lists why). */
		if (getenv("UECHECK_DEBUG"))
			fprintf(stderr, "uecheck-debug: lock '%s%s%s' not checked: not a lock whose API "
				"the rule set or the annotations give\n",
				type ? type : "", type ? "->" : "", name);
		if (c->nunchecked < MAX_TRACKED) {
			c->unchecked[c->nunchecked].name = name;
			c->unchecked[c->nunchecked].type = type;
			c->nunchecked++;
		}
		return;
	}
	c->lock[c->n].name = name;
	c->lock[c->n].type = type;
	c->lock[c->n].kind = kind;
	c->lock[c->n].reentrant = reentrant;
	c->n++;
}

/*
 * G's locks: each of them (data guarded by several locks is read under
 * any, written under all: tracked.c counts it guarded only when the walk
 * tracks every one).
 */
static void add_candidate(struct candidates *c, const struct guard_of *g)
{
	for (unsigned int k = 0; k < g->n; k++)
		add_candidate_lock(c, g->lock[k], g->sibling[k], g->bitlock[k]);
}

/* The field NAME of the struct FN's parameter N points to, or NULL. */
static tree param_field(tree fn, int n, const char *name)
{
	tree t = decl_param_type(fn, n), rec;

	rec = t && POINTER_TYPE_P(t) ? TREE_TYPE(t) : NULL_TREE;
	if (!rec || !RECORD_OR_UNION_TYPE_P(rec))
		return NULL_TREE;
	for (tree f = TYPE_FIELDS(rec); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f) &&
		    !strcmp(IDENTIFIER_POINTER(DECL_NAME(f)), name))
			return f;
	return NULL_TREE;
}

/* The lock TEXT names (p->lock, a parameter's field; a global) in FN's annotation. */
static void add_named(struct candidates *c, tree fn, const char *text)
{
	const char *arrow = strstr(text, "->");
	char *obj;
	tree field;
	int i;

	if (!arrow) {
		if (global_named(text))
			add_candidate_lock(c, text, NULL_TREE, false);
		return;
	}
	if (annotations_names_lock_chain(text))
		return;		/* &p->q->lock: not a lock of p's */
	obj = xstrndup(text, arrow - text);
	i = annotations_decl_param_index(fn, obj);
	field = i >= 0 ? param_field(fn, i, arrow + 2) : NULL_TREE;
	if (field)
		add_candidate_lock(c, arrow + 2, field, false);
	free(obj);
}

/*
 * FN's need A names its parameter that points to a lock (the lock
 * itself, not an object's): that parameter's bit, else 0.
 */
static unsigned int lock_param_needed(tree fn, const struct assertion *a)
{
	const char *kind;
	int i;

	if (a->kind == ASSERT_MUST_NOT_HOLD || !a->lock || strstr(a->lock, "->"))
		return 0;
	i = annotations_lock_param(fn, a->lock, &kind);
	return i >= 0 ? 1u << i : 0;
}

/*
 * Under Clang's contract, the locks FN's annotations name of a
 * parameter's object (&p->lock, p->lock) or globals: __acquires(), ...
 * (its claims) and __must_hold(), ... (RECORDS of those kinds).  A call
 * that needs one is checked, as Clang checks it, whether or not some
 * __guarded_by() names the lock too.
 */
static void add_claimed(struct candidates *c, tree fn,
			const vec<const struct annotation_record *> &records,
			hash_map<tree, unsigned int> *done)
{
	const struct annotated_fn *const *all;
	int i = annotations_function_index(fn);
	struct function_span span;
	unsigned int lock_params = 0;

	if (done->get(fn))
		return;		/* its annotations were read: once a function */

	if (i >= 0 && annotations_functions(&all) > (unsigned int)i) {
		for (unsigned int k = 0; k < all[i]->n; k++) {
			const struct lock_claim *cl = &all[i]->claims[k];
			tree field;

			if (!cl->text || cl->deref)
				continue;
			if (cl->arg < 0) {
				add_named(c, fn, cl->text);
				continue;
			}
			field = cl->object ? param_field(fn, cl->arg, cl->text) : NULL_TREE;
			if (field)
				add_candidate_lock(c, cl->text, field, false);
		}
	}
	if (!records.is_empty()) {
		annotations_span_of(fn, &span);
		for (unsigned int k = 0; k < records.length(); k++)
			if (annotations_in_span(records[k], &span)) {
				add_named(c, fn, records[k]->a.lock);
				lock_params |= lock_param_needed(fn, &records[k]->a);
			}
	}
	/* (Bit 31: read, whatever it found.) */
	done->put(fn, lock_params | (1u << 31));
}

/*
 * The lock a call passes where its callee needs the lock itself
 * (srcu_dereference(p, &d->srcu) calls __srcu_read_lock_must_hold(ssp)
 * __must_hold_shared(ssp)): the field of &obj->lock, or a global's &lock.
 */
static void add_passed(struct candidates *c, gcall *call, unsigned int lock_params)
{
	for (unsigned int i = 0; i < gimple_call_num_args(call) && i < 31; i++) {
		tree arg = gimple_call_arg(call, i), ref;

		if (!(lock_params & (1u << i)))
			continue;
		if (TREE_CODE(arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(arg) &&
		    gimple_assign_single_p(SSA_NAME_DEF_STMT(arg)))
			arg = gimple_assign_rhs1(SSA_NAME_DEF_STMT(arg));
		STRIP_NOPS(arg);
		if (TREE_CODE(arg) != ADDR_EXPR)
			continue;
		ref = TREE_OPERAND(arg, 0);
		if (TREE_CODE(ref) == COMPONENT_REF && DECL_NAME(TREE_OPERAND(ref, 1)))
			add_candidate_lock(c, IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(ref, 1))),
					   TREE_OPERAND(ref, 1), false);
		else if (TREE_CODE(ref) == VAR_DECL && is_global_var(ref) && DECL_NAME(ref))
			add_candidate_lock(c, IDENTIFIER_POINTER(DECL_NAME(ref)), NULL_TREE, false);
	}
}

static tree find_guarded_use(tree *tp, int *walk_subtrees, void *data)
{
	const struct guard_of *g;

	if (TYPE_P(*tp)) {
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (TREE_CODE(*tp) != FIELD_DECL && TREE_CODE(*tp) != VAR_DECL)
		return NULL_TREE;
	for (int pointee = 0; pointee < 2; pointee++) {
		g = annotations_guard_of(*tp, pointee);
		if (g)
			add_candidate((struct candidates *)data, g);
	}
	return NULL_TREE;
}

/*
 * The locks whose guarded data some function of the unit uses, and with
 * CLAIMED, those the annotations of its functions and their callees name.
 */
static void collect(struct candidates *c, bool claimed)
{
	const struct guard_of *all;
	const struct annotated_fn *const *fns;
	const struct annotation_record *recs;
	auto_vec<const struct annotation_record *> needs;
	hash_map<tree, unsigned int> done;
	unsigned int nrecs = claimed ? annotations_records(&recs) : 0;
	cgraph_node *node;
	bool guards;

	c->n = c->nunchecked = 0;
	for (unsigned int i = 0; i < nrecs; i++)
		if ((recs[i].a.kind == ASSERT_MUST_HOLD || recs[i].a.kind == ASSERT_MUST_HOLD_SHARED ||
		     recs[i].a.kind == ASSERT_MUST_NOT_HOLD) && recs[i].a.lock)
			needs.safe_push(&recs[i]);
	guards = annotations_guards(&all) > 0;
	claimed = claimed && (annotations_functions(&fns) > 0 || !needs.is_empty());
	if (!guards && !claimed)
		return;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		struct function *fn = DECL_STRUCT_FUNCTION(node->decl);
		basic_block bb;

		if (!fn || !fn->cfg)
			continue;
		if (claimed)
			add_claimed(c, node->decl, needs, &done);
		FOR_EACH_BB_FN(bb, fn)
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
			     gsi_next(&gsi)) {
				gimple *stmt = gsi_stmt(gsi);

				if (claimed && is_gimple_call(stmt) && gimple_call_fndecl(stmt)) {
					tree callee = gimple_call_fndecl(stmt);

					add_claimed(c, callee, needs, &done);
					add_passed(c, as_a<gcall *>(stmt), *done.get(callee));
				}
				if (!guards)
					continue;
				for (unsigned int i = 0; i < gimple_num_ops(stmt); i++)
					if (gimple_op(stmt, i))
						walk_tree(gimple_op_ptr(stmt, i), find_guarded_use,
							  c, NULL);
			}
	}
}

/*
 * locks=kbuild: as Clang's context analysis is switched on, by the
 * Makefile of the file's directory: CONTEXT_ANALYSIS_file.o := y, or
 * CONTEXT_ANALYSIS := y that the object's own n does not turn off
 * (scripts/Makefile.lib concatenates the two and tests for a leading n).
 * Under GCC kbuild adds no flag for it, so the plugin reads the lines.
 */
static bool kbuild_opted_in(void)
{
	char *dir = xstrdup(main_input_filename), *slash = strrchr(dir, '/');
	const char *base = lbasename(main_input_filename);
	size_t stem = strcspn(base, ".");
	char *mk, *text, *line, *save;
	char object = 0, directory = 0;

	if (slash)
		slash[1] = 0;
	mk = concat(slash ? dir : "", "Makefile", NULL);
	text = ruleset_read_file(mk);
	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		static const char var[] = "CONTEXT_ANALYSIS";
		char *p = line, *value;
		char *which = &directory;

		if (strncmp(p, var, sizeof(var) - 1))
			continue;
		p += sizeof(var) - 1;
		if (*p == '_') {
			if (strncmp(p + 1, base, stem) || strncmp(p + 1 + stem, ".o", 2))
				continue;
			p += 1 + stem + 2;
			which = &object;
		}
		value = p + strspn(p, " \t");
		if (*value == ':')
			value++;
		if (*value != '=')
			continue;
		value++;
		value += strspn(value, " \t");
		*which = *value;
	}
	free(text);
	free(mk);
	free(dir);
	return object ? object != 'n' : directory && directory != 'n';
}

/* One walk of the unit for every lock it is checked for (fixpoint.c). */
void locks_run(void)
{
	struct candidates c;
	unsigned int nlocks, locks = 1;
	bool opted_in = ue_cfg.locks == LOCKS_KBUILD && kbuild_opted_in();

	c.n = 0;
	/* Clang's contract where Clang would check the file (locks=kbuild says). */
	ue_cfg.clang_contract = ue_cfg.contract == CONTRACT_CLANG ||
				(ue_cfg.contract == CONTRACT_KBUILD && opted_in);
	if (ue_cfg.locks == LOCKS_ANNOTATED || opted_in)
		collect(&c, ue_cfg.clang_contract);
	nlocks = tracked_begin(c.lock, c.n);
	for (unsigned int i = 1; i < nlocks; i++) {
		struct lockid l = tracked_lock(i);

		if (!tracked_rules(l))
			break;		/* rules=: none of the lock family */
		if (getenv("UECHECK_DEBUG"))
			fprintf(stderr, "uecheck-debug: the walk tracks lock '%s' (%s)\n",
				tracked_lock_name(l), tracked_lock_kind(l));
		locks |= 1u << i;
	}
	summaries_run(locks);
	operands_forget();
}
