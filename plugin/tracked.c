// SPDX-License-Identifier: GPL-2.0
/*
 * tracked.c - the locks a unit is checked for, and what the unit's
 * annotations say of each.
 *
 * Lock 0 is the rule set's (event_mutex for user_events), then each lock
 * a __guarded_by() of the unit names (locks.c).  Each is an entry: its
 * identity (a global, or the lock field of a struct), the rules its
 * findings may be of, and, of the annotations the unit recorded for every
 * lock (annotations.c), those of it: the assertions and __must_hold()s
 * that name it, the functions its __acquires()/__releases() make part of
 * its API, whether it guards a field or global.  They are selected once,
 * when the unit's locks are known.  The rule set itself (ue_rs,
 * ue_cfg.rules) is never changed: another lock's entry asks rules.c for
 * the rule set's lock API only.
 *
 * One walk of the unit tracks every lock the walk is given
 * (tracked_enable()): the lock tracker (lock.c) and the lock rules
 * (lockrules.c) do their part of each step once per lock (FOR_EACH_LOCK),
 * and the queries below answer for the lock they are given.  Path states,
 * summaries and the checkers' walk blobs hold a part per lock of the walk,
 * at its rank.
 */
#include "uecheck.h"

/* ---- the locks of the unit ---------------------------------------------- */

/* Per annotated function (annotations_functions()): the API it is of a lock. */
struct annotated_api {
	struct lock_api api;
	bool active;
};

/*
 * One lock the unit is checked for, with what the annotation database
 * says of it, selected once (select_annotations()).
 */
struct tracked_entry {
	struct tracked_lock id;
	bool ruleset;			/* the rule set's own lock */
	char *name;			/* as messages name it */
	unsigned int rules;		/* the rules its findings may be of */
	/*
	 * Copies of the records that name it (and every
	 * __no_context_analysis, which is of no lock), in the unit's order,
	 * each with its object's name for a per-object lock.
	 */
	vec<struct annotation_record> mine;
	unsigned int nmust_not_hold;	/* __must_not_hold() among them */
	unsigned int nasserting;	/* ... not __no_context_analysis */
	vec<struct annotated_api> apis;
	bool any_guarded;
	/*
	 * The __must_hold(lock)s of a bare name, a parameter that may be
	 * the lock itself (checked against the function when asked).
	 */
	vec<struct annotation_record> of_param;
};

static vec<struct tracked_entry *> entries;
struct tracked_walk tracked_now = { 1, 1, 0 };
/*
 * Before the unit's locks are known (while GCC parses), the lock asked
 * about is none: the rule set's parts apply, no annotation is of it.
 */
static struct tracked_entry none = { { NULL, NULL, NULL }, true };

static const struct tracked_entry *entry_of(struct lockid l)
{
	return l.index < entries.length() ? entries[l.index] : &none;
}

/* ---- the lock's identity ------------------------------------------------ */

/* As messages name it: 'event_mutex', or 'conn->lock' for a per-object lock. */
const char *tracked_lock_name(struct lockid l)
{
	const struct tracked_entry *e = entry_of(l);

	return e->name ? e->name : "";
}

const char *tracked_lock_kind(struct lockid l)
{
	return entry_of(l)->id.kind;
}

bool tracked_held_in_expansion(struct lockid l, location_t loc)
{
	const struct tracked_entry *e = entry_of(l);

	return e->id.name && !e->id.type && tokens_held_in_expansion(e->id.name, loc);
}

bool tracked_lock_reentrant(struct lockid l)
{
	return entry_of(l)->id.reentrant;
}

bool tracked_per_object(struct lockid l)
{
	return entry_of(l)->id.type != NULL;
}

static bool is_object_lock_field(const struct tracked_entry *e, tree field)
{
	return e->id.type && field && TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
	       !strcmp(IDENTIFIER_POINTER(DECL_NAME(field)), e->id.name) &&
	       type_is_named(DECL_CONTEXT(field), e->id.type);
}

bool tracked_is_object_lock_field(struct lockid l, tree field)
{
	return is_object_lock_field(entry_of(l), field);
}

bool tracked_is_lock(struct lockid l, tree decl)
{
	const struct tracked_entry *e = entry_of(l);

	return e->id.name && !e->id.type && decl && TREE_CODE(decl) == VAR_DECL &&
	       DECL_NAME(decl) && !strcmp(IDENTIFIER_POINTER(DECL_NAME(decl)), e->id.name);
}

static bool is_lock_text(const struct tracked_entry *e, const char *text, size_t len)
{
	return e->id.name && !e->id.type && strlen(e->id.name) == len &&
	       !strncmp(text, e->id.name, len);
}

bool tracked_is_ruleset_lock(struct lockid l)
{
	return entry_of(l)->ruleset;
}

/* The rules of the lock family (rules.def): what another lock is checked for. */
static unsigned int lock_family_rules(void)
{
	static const char *const family[RULE_COUNT] = {
#define UE_RULE(name, id, fam, mode, text) [RULE_##name] = #fam,
#include "rules.def"
#undef UE_RULE
	};
	unsigned int mask = 0;

	for (int i = 0; i < RULE_COUNT; i++)
		if (!strcmp(family[i], "lock"))
			mask |= 1u << i;
	return mask;
}

/*
 * The rules a finding of lock L may be of: the rule set's lock has all
 * those asked for, another lock the lock family's only (its fields are
 * not the rule set's, its references another family's).
 */
unsigned int tracked_rules(struct lockid l)
{
	const struct tracked_entry *e = entry_of(l);

	return e == &none ? ue_cfg.rules : e->rules;
}

/* ---- the annotations of it ---------------------------------------------- */

/*
 * A per-object lock's &p->lock: p's name into OBJ (NULL when ARG is not
 * one), where lock is E's field.
 */
static bool names_object_lock(const struct tracked_entry *e, const char *arg, size_t len,
			      char **obj)
{
	const char *arrow;
	size_t n;

	if (!e->id.type)
		return false;
	arrow = strstr(arg, "->");
	if (!arrow || (size_t)(arrow - arg) >= len)
		return false;
	n = arrow - arg;
	if (!n || len - n - 2 != strlen(e->id.name) ||
	    strncmp(arrow + 2, e->id.name, len - n - 2))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!ISIDNUM(arg[i]))
			return false;
	*obj = xstrndup(arg, n);
	return true;
}

/* LOCK (as written, without &) is E's lock: global, or a per-object one (OBJ). */
static bool names_entry_lock(const struct tracked_entry *e, const char *lock, char **obj)
{
	size_t len = strlen(lock);

	*obj = NULL;
	return is_lock_text(e, lock, len) || names_object_lock(e, lock, len, obj);
}

/* The claim is about E's lock (a parameter always may be). */
static bool claim_matches(const struct tracked_entry *e, const struct lock_claim *c)
{
	if (c->object)
		return e->id.type && !strcmp(c->text, e->id.name);
	return c->arg >= 0 || is_lock_text(e, c->text, strlen(c->text));
}

/* One lock operation of E's lock, or none: two different ones cancel. */
static void resolve_annotated(const struct tracked_entry *e, const struct annotated_fn *fn,
			      struct annotated_api *out)
{
	enum lock_op op = LOCK_OP_NONE;
	int lock_arg = -2;
	bool object = false, deref = false, ambiguous = false;

	for (unsigned int i = 0; i < fn->n; i++) {
		const struct lock_claim *c = &fn->claims[i];

		if (!claim_matches(e, c))
			continue;
		ambiguous |= op != LOCK_OP_NONE &&
			     (op != c->op || c->arg != lock_arg || c->object != object ||
			      c->deref != deref);
		op = c->op;
		lock_arg = c->arg;
		object = c->object;
		deref = c->deref;
	}
	out->active = op != LOCK_OP_NONE && !ambiguous;
	out->api.name = fn->name;
	out->api.kind = "annotation";
	out->api.op = op;
	out->api.lock_arg = lock_arg;
	out->api.object_arg = object;
	out->api.deref_arg = deref;
}

/* G guards with E's lock, one of G's locks. */
static bool guard_matches(const struct tracked_entry *e, const struct guard_of *g)
{
	for (unsigned int i = 0; i < g->n; i++)
		if (g->sibling[i] ? is_object_lock_field(e, g->sibling[i]) :
		    is_lock_text(e, g->lock[i], strlen(g->lock[i])))
			return true;
	return false;
}

/*
 * A function's __must_hold(NAME) or __must_hold_shared(NAME) of a bare
 * name, not E's global: a parameter, maybe a lock of E's kind itself.
 */
static bool names_lock_param(const struct tracked_entry *e, const struct assertion *a)
{
	if ((a->kind != ASSERT_MUST_HOLD && a->kind != ASSERT_MUST_HOLD_SHARED) || !a->lock ||
	    !*a->lock || !e->id.kind || is_lock_text(e, a->lock, strlen(a->lock)))
		return false;
	for (const char *p = a->lock; *p; p++)
		if (!ISIDNUM(*p))
			return false;
	return true;
}

/* Which records, annotated functions and guards are of E. */
static void select_annotations(struct tracked_entry *e)
{
	const struct annotation_record *all;
	const struct annotated_fn *const *fns;
	const struct guard_of *guards;
	unsigned int nall = annotations_records(&all), nfns, nguards;

	for (unsigned int i = 0; i < nall; i++) {
		bool no_analysis = all[i].a.kind == ASSERT_NO_ANALYSIS;
		char *obj = NULL;

		if (names_lock_param(e, &all[i].a))
			e->of_param.safe_push(all[i]);
		if (!no_analysis && !names_entry_lock(e, all[i].a.lock, &obj))
			continue;
		e->mine.safe_push(all[i]);
		e->mine.last().a.obj = obj;
		if (no_analysis)
			continue;
		e->nasserting++;
		e->nmust_not_hold += all[i].a.kind == ASSERT_MUST_NOT_HOLD;
	}
	nfns = annotations_functions(&fns);
	e->apis.safe_grow_cleared(nfns);
	for (unsigned int i = 0; i < nfns; i++)
		resolve_annotated(e, fns[i], &e->apis[i]);
	nguards = annotations_guards(&guards);
	for (unsigned int i = 0; i < nguards && !e->any_guarded; i++)
		e->any_guarded = guard_matches(e, &guards[i]);
}

/* A lock of the unit: L, or the rule set's own (NULL), with all its rules. */
static void add_entry(const struct tracked_lock *l)
{
	struct tracked_entry *e = XCNEW(struct tracked_entry);

	e->ruleset = !l;
	if (l) {
		e->id = *l;
	} else {
		e->id.name = ue_rs.lock;
		e->id.type = ue_rs.lock_type;
		e->id.kind = ue_rs.lock_kind;
	}
	if (e->id.name)
		e->name = e->id.type ? concat(e->id.type, "->", e->id.name, NULL) :
				       xstrdup(e->id.name);
	e->rules = l ? ue_cfg.rules & lock_family_rules() : ue_cfg.rules;
	entries.safe_push(e);
	select_annotations(e);
}

static void free_entries(void)
{
	for (unsigned int i = 0; i < entries.length(); i++) {
		struct tracked_entry *e = entries[i];

		for (unsigned int j = 0; j < e->mine.length(); j++)
			free((void *)e->mine[j].a.obj);
		e->mine.release();
		e->apis.release();
		e->of_param.release();
		free(e->name);
		XDELETE(e);
	}
	entries.truncate(0);
}

unsigned int tracked_begin(const struct tracked_lock *others, unsigned int n)
{
	free_entries();
	add_entry(NULL);
	for (unsigned int i = 0; i < n; i++)
		add_entry(&others[i]);
	tracked_enable(1);
	return entries.length();
}

unsigned int tracked_count(void)
{
	return entries.length() ? entries.length() : 1;
}

/*
 * The walk's locks, kept as a mask, their count and the first: the walk
 * asks them at every step (copies of path states, the checkers' loops).
 */
void tracked_enable(unsigned int mask)
{
	tracked_now.mask = mask & ((1u << tracked_count()) - 1);
	tracked_now.count = __builtin_popcount(tracked_now.mask);
	tracked_now.lead = tracked_now.mask ? __builtin_ctz(tracked_now.mask) : 0;
}

bool tracked_any_assertion(struct lockid l)
{
	return entry_of(l)->nasserting > 0;
}

unsigned int tracked_body_assertions(struct lockid l, const struct assertion **out,
				     unsigned int max)
{
	const struct tracked_entry *e = entry_of(l);
	struct srcpos open, close;
	unsigned int n = 0;

	if (!srcpos_of(cfun->function_start_locus, &open) ||
	    !srcpos_of(cfun->function_end_locus, &close))
		return 0;
	for (unsigned int i = 0; i < e->mine.length() && n < max; i++) {
		const struct assertion *a = &e->mine[i].a;
		struct srcpos at = { a->file, a->line, a->col };

		if (annotation_of_function(a->kind))
			continue;
		/* (A function a macro makes whole: inside it as the definition has it.) */
		if (srcpos_written_cmp(&at, a->loc, &open, cfun->function_start_locus) > 0 &&
		    srcpos_written_cmp(&at, a->loc, &close, cfun->function_end_locus) < 0)
			out[n++] = a;
	}
	return n;
}

/* The first annotation of E's lock of one of KINDS (a bit each) FNDECL has. */
static const struct assertion *function_annotation(const struct tracked_entry *e, tree fndecl,
						   unsigned int kinds)
{
	struct function_span span;

	annotations_span_of(fndecl, &span);
	for (unsigned int i = 0; i < e->mine.length(); i++)
		if ((kinds & (1u << e->mine[i].a.kind)) && annotations_in_span(&e->mine[i], &span))
			return &e->mine[i].a;
	return NULL;
}

bool tracked_must_hold(struct lockid l, tree fndecl, location_t *where, bool *shared,
		       const char **obj)
{
	const struct assertion *a = function_annotation(entry_of(l), fndecl,
							(1u << ASSERT_MUST_HOLD) |
							(1u << ASSERT_MUST_HOLD_SHARED));

	if (!a)
		return false;
	*where = a->loc;
	if (shared)
		*shared = a->kind == ASSERT_MUST_HOLD_SHARED;
	if (obj)
		*obj = a->obj;
	return true;
}

int tracked_must_hold_param(struct lockid l, tree fndecl, location_t *where, bool *shared)
{
	const struct tracked_entry *e = entry_of(l);
	struct function_span span;

	if (e->of_param.is_empty())
		return -1;
	annotations_span_of(fndecl, &span);
	for (unsigned int i = 0; i < e->of_param.length(); i++) {
		const struct assertion *a = &e->of_param[i].a;
		const char *kind;
		int param;

		if (!annotations_in_span(&e->of_param[i], &span))
			continue;
		param = annotations_lock_param(fndecl, a->lock, &kind);
		if (param < 0 || strcmp(kind, e->id.kind))
			continue;
		*where = a->loc;
		*shared = a->kind == ASSERT_MUST_HOLD_SHARED;
		return param;
	}
	return -1;
}

bool tracked_must_not_hold(struct lockid l, tree fndecl, location_t *where)
{
	const struct tracked_entry *e = entry_of(l);
	const struct assertion *a;

	if (!e->nmust_not_hold)
		return false;
	a = function_annotation(e, fndecl, 1u << ASSERT_MUST_NOT_HOLD);
	if (!a || a->obj)	/* of an object's lock: the next one */
		return false;
	*where = a->loc;
	return true;
}

bool tracked_must_not_hold_object(struct lockid l, tree fndecl, location_t *where,
				  const char **obj)
{
	const struct tracked_entry *e = entry_of(l);
	const struct assertion *a;

	if (!e->nmust_not_hold)
		return false;
	a = function_annotation(e, fndecl, 1u << ASSERT_MUST_NOT_HOLD);
	if (!a || !a->obj)
		return false;
	*where = a->loc;
	*obj = a->obj;
	return true;
}

const struct lock_api *tracked_annotated_lock_api(struct lockid l, tree fndecl)
{
	const struct tracked_entry *e = entry_of(l);
	int i = annotations_function_index(fndecl);

	return i >= 0 && (unsigned int)i < e->apis.length() && e->apis[i].active ?
	       &e->apis[i].api : NULL;
}

/*
 * Which of the unit's locks (a bit per index) DECL's __guarded_by()
 * (POINTEE: __pt_guarded_by()) names.
 */
unsigned int tracked_guarding(tree decl, bool pointee)
{
	const struct guard_of *g = annotations_guard_of(decl, pointee);
	unsigned int mask = 0;

	for (unsigned int i = 0; g && i < entries.length(); i++)
		if (guard_matches(entries[i], g))
			mask |= 1u << i;
	/*
	 * Several locks (Clang: any one to read, all to write): guarded only
	 * when every one is tracked, or holding an untracked one would be
	 * taken for a bug.  The rule set's lock then reads it as its own.
	 */
	if (g && g->n > 1 && (unsigned int)__builtin_popcount(mask) < g->n)
		mask &= 1;
	return mask;
}

unsigned int tracked_guarding_any(tree decl, bool pointee)
{
	const struct guard_of *g = annotations_guard_of(decl, pointee);
	unsigned int mask = 0;

	for (unsigned int i = 0; g && g->n > 1 && i < entries.length(); i++)
		if (guard_matches(entries[i], g))
			mask |= 1u << i;
	return g && (unsigned int)__builtin_popcount(mask) == g->n ? mask : 0;
}

bool tracked_any_guarded_field(struct lockid l)
{
	return entry_of(l)->any_guarded;
}
