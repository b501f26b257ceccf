/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uecheck.h - what the parts of the uecheck GCC plugin share.
 *
 * The plugin is split by concern:
 *   loader.c    uecheck.so, the file GCC loads: the GCC version check, then
 *               loads the rest (uecheck-core.so) beside it
 *   uecheck.c   the core's entry, options, pass registration
 *   ruleset.c   reads a rule set (rulesets/NAME.ruleset): lock API, lock,
 *               guarded field, reference API
 *   rules.c     matches the program against the rule set: which call is
 *               the lock or reference API, which field is guarded
 *   rulecheck.c what the rule set names that the unit contradicts (a
 *               guard on a field its struct lacks, a lock never declared)
 *   annotations.c the annotation database: lockdep assertions,
 *               __must_hold(), __acquires(), __guarded_by(), context_unsafe(),
 *               the lock types context_lock_struct() declares, as
 *               developers write them, read through libcpp (they may
 *               expand to nothing), recorded against declarations and
 *               positions; it names no particular lock
 *   macrodef.c  an annotation written in a macro's definition, read in the
 *               terms of the macro's call (LIST_HEAD_GUARDED(name, lock))
 *   source.c    source lines as written, read without disturbing GCC's cache,
 *               a macro's invocation read from them; source positions
 *   values.c    what an expression denotes: abstract value keys and lock
 *               identities, followed through SSA copies, locals and summaries
 *   state.c     the abstract state of one path and sets of them; the
 *               engine's part of it (branch facts)
 *   lockpath.c  the lock tracker's part of a path: how it holds each lock
 *   ownpath.c   the ownership checker's part: the references it holds
 *   engine.c    the per-function dataflow: CFG walk, fixpoint, path states,
 *               branch facts, calls classified; it calls the checkers only
 *               through their hooks (engine.h: struct checker)
 *   checkers.def the checkers the engine runs (engine.h builds the table)
 *   locks.c     which locks a unit is checked for: the rule set's, then
 *               each lock its __guarded_by() annotations name (one walk
 *               for all)
 *   tracked.c   the locks of the unit, each with its identity and the
 *               annotations of the database that are of it; which ones the
 *               walk tracks (struct lockid: a lock as the walk sees it,
 *               given to every query)
 *   lock.c      the lock tracker: where lock state is computed (assertions,
 *               the lock API, callees' exit cases), requirements passed to
 *               callers; lock.h, what it offers the lock rules
 *   lockrules.c the lock rules: accesses and calls checked against what the
 *               tracker says the path holds; which parameters a function
 *               writes through (a pointer to guarded data handed there is
 *               a write)
 *   ownership.c the ownership checker: where references are tracked
 *   summary.c   the table of per-function summaries, one part per checker
 *   fixpoint.c  the translation-unit fixpoint over the summaries, callees
 *               first
 *   callers.c   whether any caller in the unit holds the lock a static
 *               helper needs (if none does, the helper's access is the bug)
 *   lockahead.c whether a function goes on to take the lock on every path
 *               (then no caller holds it before: what needs it is the bug)
 *   diag.c      findings: where each one is worded, with its notes and fix-it
 *   report.c    the one reporter: each function's last findings, kept once
 *               per lock, rule and place, printed together, sorted, when
 *               the unit's analysis ends; -werror
 */
#ifndef UECHECK_H
#define UECHECK_H

#include "compat.h"

/* ---- rules ---------------------------------------------------------- */

/* RULE_UNGUARDED_ACCESS, ...: the table of rules.def, in its order. */
enum ue_rule {
#define UE_RULE(name, id, family, mode, text) RULE_##name,
#include "rules.def"
#undef UE_RULE
	RULE_COUNT
};

enum locks_mode {
	LOCKS_ANNOTATED,	/* also each lock a __guarded_by() names */
	LOCKS_RULESET,		/* the rule set's lock only */
	LOCKS_KBUILD,		/* annotated where the kbuild Makefile opts in */
};

/*
 * What a function callable from outside owes its callers for a per-object
 * lock (docs/rulesets.md): Clang's contract, where its context analysis
 * would check the file (to hold, assert or declare every lock it needs),
 * or the quiet inference that trusts callers to hold it.
 */
enum contract_mode {
	CONTRACT_KBUILD,	/* Clang's where the kbuild Makefile opts in */
	CONTRACT_CLANG,		/* Clang's */
	CONTRACT_INFER,		/* inference */
};

struct ue_config {
	bool strict;		/* report missing-assertion */
	bool werror;		/* findings are errors */
	bool analyze_only;	/* stop cc1 after the analysis */
	bool ruleset_coverage;	/* say a unit naming none of the rule set's
				   structs (rulecheck.c) */
	enum locks_mode locks;	/* locks=: which locks are checked (locks.c) */
	enum contract_mode contract;	/* contract=: what a function callable
					   from outside owes (locks.c) */
	bool clang_contract;	/* this unit's: Clang's (locks.c) */
	unsigned int rules;	/* bit per enum ue_rule that is enabled */
	unsigned int budget;	/* budget=: visits of each block before a
				   function is given up (engine.c) */
};
extern struct ue_config ue_cfg;

const char *rule_id(enum ue_rule rule);
int rule_by_id(const char *id, size_t len);	/* -1 if unknown */
const char *rule_id_list(void);			/* "a, b, c": for messages */

enum ref_op {
	REF_OP_NONE,
	REF_OP_GET_ALL,		/* returns an owned list */
	REF_OP_GET,		/* returns its argument with a new reference */
	REF_OP_CURRENT,		/* returns an owned node or NULL */
	REF_OP_PUT,		/* releases one node, NULL-safe */
};

enum lock_op {
	LOCK_OP_NONE,
	LOCK_OP_ACQUIRE,	/* held afterwards */
	LOCK_OP_RELEASE,	/* not held afterwards */
	LOCK_OP_TRY_NONZERO,	/* held only where the result is non-zero */
	LOCK_OP_TRY_ZERO,	/* held only where the result is zero */
	LOCK_OP_ACQUIRE_SHARED,	/* held for reading afterwards (down_read) */
	LOCK_OP_TRY_SHARED,	/* ... only where the result is non-zero */
	LOCK_OP_TRY_ZERO_SHARED, /* ... only where it is zero */
	LOCK_OP_DOWNGRADE,	/* held for writing, then for reading */
	/* cleanup.h's lock_ptr of the guard at *arg: held where non-zero */
	LOCK_OP_GUARD_HELD,
	/* 7.x's __assumes_ctx_lock(): held from here on, an assertion, no take */
	LOCK_OP_ASSUME,
	LOCK_OP_ASSUME_SHARED,
};

/* An attempt: it takes the lock only where its result says so. */
static inline bool lock_op_is_try(enum lock_op op)
{
	return op == LOCK_OP_TRY_NONZERO || op == LOCK_OP_TRY_ZERO ||
	       op == LOCK_OP_TRY_SHARED || op == LOCK_OP_TRY_ZERO_SHARED;
}

struct lock_api {
	const char *name;
	const char *kind;	/* mutex, spinlock, ... (the rule set's words) */
	enum lock_op op;
	int lock_arg;		/* which argument is the lock */
	bool object_arg;	/* ... or the object whose lock it is (&c->lock) */
	bool deref_arg;		/* ... or holds where the lock's address is stored */
};


/* ---- the rule set (ruleset.c) ------------------------------------------ */

/* STRUCT.FIELD is only valid under the rule set's lock. */
struct guard_rule {
	const char *type, *field;
};

struct ruleset {
	const char *source;		/* as given: a file or a built-in name */
	struct lock_api *lock_apis;
	unsigned int nlock_apis, lock_api_cap;
	const char *lock, *lock_kind;	/* the tracked lock: a global, or ... */
	const char *lock_type;		/* ... the field lock of this struct */
	const char *lock_word;		/* as written: NAME or STRUCT.FIELD */
	const char *lock_origin;	/* where its line is, for messages */
	int lock_line;
	struct guard_rule *guards;	/* fields guarded by the lock */
	unsigned int nguards, guards_cap;
	const char *ref_type;		/* struct whose references are counted */
	const char *ref_api[REF_OP_PUT + 1];	/* by enum ref_op; NULL: none */
	const char *link_field;		/* of a get_all list */
};
extern struct ruleset ue_rs;

#define RULESET_DEFAULT "user_events.ruleset"

/* Read SPEC (a file or a built-in name); error() and false on bad input. */
bool ruleset_load(const char *spec);
char *ruleset_read_file(const char *path);	/* NULL if unreadable; free() it; an input (inputs.c) */
const char *ruleset_builtin_names(void);

/* ---- inputs besides the source and its headers (inputs.c) ------------ */

void inputs_note(const char *path);	/* a file the findings depend on */
void inputs_register(const char *plugin_name);	/* adds them to -MD's list */

/* ---- matching the program against the rule set (rules.c) ------------- */

/*
 * Rule set and annotations as they concern lock L: its lock API (every
 * lock keeps the rule set's), and the rule set's own parts (the reference
 * API, guard lines), which are of the rule set's lock only.
 */
const struct lock_api *rules_lock_api(struct lockid l, tree fndecl);
enum ref_op rules_ref_api(struct lockid l, tree fndecl);
bool rules_is_allocator(tree fndecl);	/* the malloc attribute */
/* The unit's locks (tracked.c's indices, a bit each) that guard DECL, or *DECL (POINTEE). */
unsigned int rules_guarding_locks(tree decl, bool pointee);
/* What an access of the guarded data names: the field of obj->field, or the global. */
tree rules_guarded_decl(tree ref);
bool rules_is_link_field(struct lockid l, tree field);	/* the link of a get_all list */
bool rules_kind_known(const char *kind);	/* the rule set has its API */
/* The lock kind of a declaration of TYPE ("mutex", ...), as the rule set's kinds say it, or NULL. */
const char *ruleset_kind_of_type(tree type);
void locks_run(void);
void locks_saw_decl(tree decl);	/* a global declared: a lock, maybe */
/* A pointer to the rule set's counted struct (user_event_mm *). */
bool rules_is_counted_pointer_type(struct lockid l, tree type);
void rules_saw_type(tree type);	/* a struct defined: the rule set's? */

/* ---- the rule set against the unit (rulecheck.c) ---------------------- */

void rulecheck_saw_type(tree type);	/* a struct the rule set names? */
void rulecheck_saw_decl(tree decl);	/* the rule set's lock declared? */
void rulecheck_unit(void);	/* says what the rule set names that the unit lacks */
/* Defines user_event_mm, names get/put, or has data __guarded_by() L. */
bool rules_unit_names_symbols(struct lockid l);
const char *rules_lock_write_api_name(struct lockid l);	/* NULL: the kind has none */
const char *rules_ref_api_name(struct lockid l, enum ref_op op);
const char *rules_field_name(tree field);	/* a guarded field's (or global's) name ... */
const char *rules_struct_name(tree field);	/* ... and its struct's ("" for a global) */
const char *rules_ref_type_name(struct lockid l);	/* the struct references are counted on */
const char *fn_name(tree fndecl);

/*
 * A bit per hash value of a few watched names: almost every other name
 * is turned away before any list is walked (the lock API's names for each
 * call, the annotations' for each macro a unit expands).
 */
#define NAME_FILTER_BITS 1024
struct name_filter {
	unsigned char bits[NAME_FILTER_BITS / 8];
};

static inline void name_filter_add(struct name_filter *f, unsigned int hash)
{
	hash %= NAME_FILTER_BITS;
	f->bits[hash / 8] |= 1u << (hash % 8);
}

static inline bool name_filter_may_have(const struct name_filter *f, unsigned int hash)
{
	hash %= NAME_FILTER_BITS;
	return f->bits[hash / 8] & (1u << (hash % 8));
}

/* TYPE is the struct tagged WANT. */
static inline bool type_is_named(tree type, const char *want)
{
	tree name;

	if (!want || !type || TREE_CODE(type) != RECORD_TYPE)
		return false;
	name = TYPE_NAME(TYPE_MAIN_VARIANT(type));
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE &&
	       !strcmp(IDENTIFIER_POINTER(name), want);
}

/* The type of FN's parameter N, by its prototype, or NULL. */
static inline tree decl_param_type(tree fn, int n)
{
	tree t = prototype_p(TREE_TYPE(fn)) ? TYPE_ARG_TYPES(TREE_TYPE(fn)) : NULL_TREE;

	while (t && n-- > 0)
		t = TREE_CHAIN(t);
	return t && !VOID_TYPE_P(TREE_VALUE(t)) ? TREE_VALUE(t) : NULL_TREE;
}

/* ---- the locks of the unit (tracked.c) ------------------------------- */

/* A lock checked besides the rule set's (locks.c). */
struct tracked_lock {
	const char *name;	/* the global, or the field of ... */
	const char *type;	/* ... this struct; NULL for a global */
	const char *kind;	/* mutex, spinlock, rwsem, rwlock: the rule set's kinds */
	bool reentrant;		/* its holds nest (a token: RCU) */
};
/*
 * The unit's locks: index 0 the rule set's (with all its rules), then
 * OTHERS (the lock family's rules only), each with the annotations of it
 * selected once.  How many there are.
 */
unsigned int tracked_begin(const struct tracked_lock *others, unsigned int n);
/* The rule set's lock and up to 16 annotated ones (locks.c). */
#define MAX_LOCKS	17
unsigned int tracked_count(void);	/* how many (1 before tracked_begin()) */
/* The locks the walk tracks, a bit per index (the others stay as they are). */
void tracked_enable(unsigned int mask);
/*
 * One of the unit's locks as a walk sees it: INDEX among the unit's locks
 * (tracked_begin()), RANK among the walk's (where its part is in a path
 * state, a summary and a walk blob: a lock the walk does not track has
 * none, so a walk of one lock copies one part).  Every query of a lock
 * names the lock it asks about; there is no lock "tracked now".
 */
struct lockid {
	unsigned int index, rank;
};
/*
 * Where the walk is: its locks (a bit per index), how many, the first.
 * Written by tracked_enable() only; read inline, as every step of every
 * path asks it.
 */
struct tracked_walk {
	unsigned int mask, count, lead;
};
extern struct tracked_walk tracked_now;
static inline unsigned int tracked_walked(void) { return tracked_now.count; }
/*
 * The walk's first lock (rank 0): what the engine and ownership ask of a
 * call, and what every lock's part says alike.  Outside a walk, the rule
 * set's lock.
 */
static inline struct lockid tracked_lead(void)
{
	struct lockid l = { tracked_now.lead, 0 };

	return l;
}
/* L is one of the walk's locks. */
static inline bool tracked_enabled(struct lockid l)
{
	return tracked_now.mask & (1u << l.index);
}
#define FOR_EACH_WALKED(r) for (unsigned int r = 0, r##_n = tracked_walked(); r < r##_n; r++)
/*
 * Each lock the walk tracks, in index order: every part of a path state,
 * a summary and a walk is per lock; the lock tracker and the lock rules do
 * their work once for each.
 */
static inline struct lockid tracked_first(void)
{
	struct lockid l = { tracked_now.mask ? tracked_now.lead : MAX_LOCKS, 0 };

	return l;
}
static inline struct lockid tracked_next(struct lockid l)
{
	unsigned int later = l.index + 1 < MAX_LOCKS ?
			     tracked_now.mask & (~0u << (l.index + 1)) : 0;

	l.index = later ? __builtin_ctz(later) : MAX_LOCKS;
	l.rank++;
	return l;
}
#define FOR_EACH_LOCK(l) \
	for (struct lockid l = tracked_first(); l.index < MAX_LOCKS; l = tracked_next(l))
/* The lock of index I outside a walk (its rank unused): for naming it. */
static inline struct lockid tracked_lock(unsigned int i)
{
	struct lockid l = { i, 0 };

	return l;
}
bool tracked_is_ruleset_lock(struct lockid l);	/* the rule set's own lock */
/* The rules its findings may be of (ue_cfg.rules, or the lock family's of them). */
unsigned int tracked_rules(struct lockid l);
const char *tracked_lock_kind(struct lockid l);	/* mutex, spinlock, ...: the rule set's */
const char *tracked_lock_name(struct lockid l);	/* 'event_mutex', 'conn->lock' */
/* Its holds nest (RCU): a release ends the innermost, the lock stays held under the others. */
bool tracked_lock_reentrant(struct lockid l);
/* LOC is inside a macro invocation that holds the global lock L for itself (srcu_dereference()). */
bool tracked_held_in_expansion(struct lockid l, location_t loc);
bool tracked_per_object(struct lockid l);	/* the lock is a field: &obj->lock */
bool tracked_is_object_lock_field(struct lockid l, tree field);
bool tracked_is_lock(struct lockid l, tree decl);	/* the global lock itself */
/* Assertions of L written inside the body of the current function. */
unsigned int tracked_body_assertions(struct lockid l, const struct assertion **out,
				     unsigned int max);
/* SHARED (may be NULL): __must_hold_shared(), held for reading only. */
bool tracked_must_hold(struct lockid l, tree fndecl, location_t *where, bool *shared,
		       const char **obj);
/* FNDECL is __must_not_hold() of the global lock L (WHERE: as written). */
/*
 * FNDECL's __must_hold(p) or __must_hold_shared(p) (SHARED) at WHERE, p
 * a parameter that points to a lock of L's kind: callers must hold the
 * lock they pass (srcu_dereference()'s __srcu_read_lock_must_hold(ssp),
 * __cond_resched_lock(lock)).  p's index, or -1.
 */
int tracked_must_hold_param(struct lockid l, tree fndecl, location_t *where, bool *shared);
bool tracked_must_not_hold(struct lockid l, tree fndecl, location_t *where);
/* The same of a per-object lock: __must_not_hold(&OBJ->lock), OBJ a parameter's name. */
bool tracked_must_not_hold_object(struct lockid l, tree fndecl, location_t *where,
				  const char **obj);
/*
 * The lock API a prototype's __acquires()/__releases() annotation makes
 * of a function for L (its parameter, or the global L: lock_arg -1), or
 * NULL.
 */
const struct lock_api *tracked_annotated_lock_api(struct lockid l, tree fndecl);
/* Any lockdep assertion or __must_hold() of L in the unit. */
bool tracked_any_assertion(struct lockid l);
/* The unit has a field or global __guarded_by() L. */
bool tracked_any_guarded_field(struct lockid l);
/* The unit's locks (a bit per index) that guard DECL (POINTEE: what it points to). */
unsigned int tracked_guarding(tree decl, bool pointee);
/* The same when one __guarded_by() names several, all tracked (any one to read), else 0. */
unsigned int tracked_guarding_any(tree decl, bool pointee);

/* ---- the annotation database (annotations.c) ------------------------- */

enum assertion_kind {
	ASSERT_HELD,		/* lockdep_assert_held(&event_mutex) */
	ASSERT_HELD_WRITE,	/* lockdep_assert_held_write(): for writing */
	ASSERT_NOT_HELD,	/* lockdep_assert_not_held(&event_mutex) */
	ASSERT_MUST_HOLD,	/* __must_hold(&event_mutex) */
	ASSERT_MUST_HOLD_SHARED, /* __must_hold_shared(): held for reading at entry */
	ASSERT_NO_ANALYSIS,	/* __no_context_analysis, __context_unsafe(why) */
	ASSERT_MUST_NOT_HOLD,	/* __must_not_hold(&event_mutex): callers must not hold it */
};

struct assertion {
	enum assertion_kind kind;
	location_t loc;		/* where the user wrote it */
	const char *file;	/* position of the invocation, outermost */
	int line, col;		/* start of the macro name */
	int end_line, end_col;	/* closing parenthesis */
	const char *obj;	/* per-object lock: "c" of &c->lock, else NULL */
	const char *lock;	/* the lock as written, without & and blanks, or NULL */
};

/* A __guarded_by() (or __pt_guarded_by()) a field or a global carries. */
#define MAX_GUARD_LOCKS	4
struct guard_of {
	tree decl;			/* the field or the global */
	bool pointee;			/* __pt_guarded_by(): what it points to */
	unsigned int n;
	const char *lock[MAX_GUARD_LOCKS];	/* as written: "lock", "event_mutex" */
	tree sibling[MAX_GUARD_LOCKS];	/* the same struct's field of that name, or NULL */
	bool bitlock[MAX_GUARD_LOCKS];	/* __bitlock(n, &word): a bit of that word */
};

/* Said of a function (its prototype or its definition), not inside a body. */
static inline bool annotation_of_function(enum assertion_kind kind)
{
	return kind == ASSERT_MUST_HOLD || kind == ASSERT_MUST_HOLD_SHARED ||
	       kind == ASSERT_NO_ANALYSIS || kind == ASSERT_MUST_NOT_HOLD;
}

/* Source position of a location, macro expansions resolved outward (source.c). */
struct srcpos {
	const char *file;
	int line, col;
};

/* An assertion or a function's annotation as recorded (obj: NULL). */
struct annotation_record {
	struct assertion a;
	unsigned int claimed_by;	/* DECL_UID of a prototype, or 0 */
};

/*
 * One lock an __acquires()/__releases() names, resolved against the
 * prototype's parameters: parameter ARG itself, ARG's object's field
 * TEXT (&p->lock), or the global TEXT (ARG -1).
 */
struct lock_claim {
	enum lock_op op;
	int arg;
	bool object;
	const char *text;
	bool deref;		/* the lock whose address is at *parameter */
};

/*
 * A function's lock annotations, of whichever locks.  Its name, not its
 * declaration: the C front end frees a redeclaration's node once merged.
 */
#define MAX_CLAIMS	4
struct annotated_fn {
	const char *name;
	unsigned int n;
	struct lock_claim claims[MAX_CLAIMS];
	bool unresolved;	/* names a lock no claim can say (&p->q->lock) */
};

/* Where a function's own annotations are (annotations_span_of()). */
struct function_span {
	unsigned int uid;
	bool have_def;
	struct srcpos name, open;
};

void annotations_register(const char *plugin_name);	/* watches the preprocessor */
/* A declaration or a struct the parser finished: it claims annotations. */
void annotations_saw_decl(tree decl);
void annotations_saw_type(tree type);
/* Every assertion and function annotation, in the order written. */
unsigned int annotations_records(const struct annotation_record **out);
/* Every annotated function; FNDECL's index among them, or -1. */
unsigned int annotations_functions(const struct annotated_fn *const **out);
int annotations_function_index(tree fndecl);
/* R is FNDECL's own (SPAN: annotations_span_of(FNDECL)). */
void annotations_span_of(tree fndecl, struct function_span *span);
bool annotations_in_span(const struct annotation_record *r, const struct function_span *span);
/* FNDECL is __no_context_analysis: its body is not checked for locks. */
bool annotations_no_context_analysis(tree fndecl);
/*
 * The same of a callee, whichever file it is written in (a header's
 * list_empty_careful() is __context_unsafe()).
 */
bool annotations_callee_unchecked(tree fndecl);
/* LOC is inside a context_unsafe(...) as written. */
bool annotations_in_context_unsafe(location_t loc);
/* The parameter of the current function named NAME, its index, or -1. */
int annotations_param_named(const char *name, tree *parm);
/* Which parameter of DECL, a prototype or a definition, is named NAME, or -1. */
int annotations_decl_param_index(tree decl, const char *name);
/* FNDECL is annotated __cond_acquires(): a lock attempt, whose body Clang does not check. */
bool annotations_lock_attempt(tree fndecl);
/* Every lock's: the __guarded_by() (POINTEE: __pt_guarded_by()) of DECL, or NULL; all of them. */
const struct guard_of *annotations_guard_of(tree decl, bool pointee);
/*
 * TYPE is a lock type 7.x declares with context_lock_struct(): its name
 * (the lock's kind), or NULL; *REENTRANT (may be NULL): its holds nest
 * (__reentrant_ctx_lock: SRCU's srcu_struct).
 */
const char *annotations_lock_type(tree type, bool *reentrant);
/*
 * The kind of a lock of TYPE: the rule set's kinds' (whose holds do not
 * nest), else as above; or NULL.
 */
const char *annotations_lock_kind(tree type, bool *reentrant);
/*
 * LOCK, an annotation's lock text, is a parameter of FNDECL that points to
 * a lock (__must_hold(ssp)): its index, its lock's kind into *KIND; else -1.
 */
int annotations_lock_param(tree fndecl, const char *lock, const char **kind);
unsigned int annotations_guards(const struct guard_of **out);

/*
 * The argument of macro NAME used at LOC (the preprocessor's callback), as
 * written or in its invocation's terms, blanks gone; AT: the invocation
 * in the source.
 */
#define MAX_ANNOTATION_ARGUMENT	256
bool annotations_macro_argument(location_t loc, const char *name, char *buf, size_t size,
				struct srcpos *at);
/* The macro used at LOC is written in another macro's definition. */
bool annotations_spelled_in_macro(location_t loc);
/* A lock's text as annotations keep it ("&(x)" as "x"), in a copy. */
char *annotations_lock_text(const char *arg);

/* ---- token locks, holds a macro makes for itself (tokens.c) ---------- */

/* Watches the preprocessor, after annotations_register(). */
void tokens_register(const char *plugin_name);
/* NAME is a token lock (RCU): its class (RCU for RCU_BH), whether it nests. */
bool tokens_is_token(const char *name, const char **cls, bool *reentrant);
/* LOC is inside a macro invocation that takes and releases the global LOCK around it. */
bool tokens_held_in_expansion(const char *lock, location_t loc);
/*
 * An invocation of the file whose macros take (__acquire()) or drop a lock
 * with no other such call (local_lock()): OP, or LOCK_OP_NONE for one with
 * several.  All of the unit's, in the order written.
 */
struct macro_lock_op {
	struct srcpos at;
	enum lock_op op;
};
unsigned int tokens_lone_lock_ops(const struct macro_lock_op **ops);

bool srcpos_of(location_t loc, struct srcpos *pos);
/* LOC resolved out of macro expansions as KIND says. */
bool srcpos_resolved(location_t loc, enum location_resolution_kind kind, struct srcpos *pos);
/* The text of a line of a file as written, without its newline (source.c). */
const char *source_line(const char *file, int line, int *len);
/*
 * The line and (1-based byte) column where the statement around FILE:LINE
 * names NAME, a whole word: LINE itself, else the statement's lines
 * before it (to the one that ends the statement before) or after it (to
 * the one that ends it).
 */
bool source_name_in_statement(const char *file, int line, const char *name,
			      int *at_line, int *at_col);
int srcpos_cmp(const struct srcpos *a, const struct srcpos *b);
/* The same, two parts of one macro invocation told apart by its definition. */
int srcpos_written_cmp(const struct srcpos *a, location_t la, const struct srcpos *b,
		       location_t lb);
/* A function's (or any declaration's) place in source order, for qsort. */
int decl_position_cmp(tree a, tree b);
/* The text between the parentheses of the call of macro NAME at FILE:LINE:COL, blanks gone. */
bool macro_call_text(const char *file, int line, int col, const char *name, char *buf,
		     size_t size);
/* The call of macro NAME at FILE:LINE:COL read to its closing parenthesis (source.c). */
bool source_macro_call(const char *file, int line, int col, const char *name,
		       char *buf, size_t size, int max_lines, int *end_line, int *end_col);
/* ARG, spelled at SPELLED in a macro's definition, in the terms of its call at AT (macrodef.c). */
bool macrodef_resolve(const expanded_location *spelled, const struct srcpos *at, char *arg,
		      size_t size);

/* ---- values ----------------------------------------------------------- */

/* An abstract value within one function; 0 means unknown. */
typedef uintptr_t vkey;

/* Lock identities and the lock slots of a state. */
/* Parameters a summary's bit masks can name (req_objs, consumes, ...). */
#define MAX_PARAM_MASK	32
#define MAX_LOCK_PARAMS	4
enum {
	SLOT_GLOBAL = 0,
	SLOT_PARAM0 = 1,				/* lock passed as parameter i */
	SLOT_DEREF0 = SLOT_PARAM0 + MAX_LOCK_PARAMS,	/* lock stored at *param i */
	NSLOTS = SLOT_DEREF0 + MAX_LOCK_PARAMS,
	SLOT_NONE = -1,
};

void values_begin_function(void);
void values_end_function(void);
vkey value_key(tree expr);
/* Which of lock L's slots EXPR (a pointer to a lock) designates, or SLOT_NONE. */
int lock_slot_of(struct lockid l, tree expr);
/*
 * FNDECL's annotations name a lock through more than a parameter's field
 * (__must_hold(&p->q->lock)): what it holds of found objects is unknown.
 */
bool annotations_unresolved_lock(tree fndecl);
/* TEXT names a lock through more than one pointer or member: p->q->lock. */
bool annotations_names_lock_chain(const char *text);
/* NULL, written or through an SSA name that holds it. */
bool is_zero_value(tree expr);
/* REF, a member of a global (var.field, var.in.field): its object's value, or 0. */
vkey object_value_of_member(tree ref);
/* The object ARG, passed for a pointer to it, is: its value, or 0. */
vkey object_value_of_arg(tree arg);
/* For &obj->LOCK (L a per-object lock): the value of obj, or 0. */
vkey object_lock_base(struct lockid l, tree expr);
/* The same for the lock stored at *EXPR (a guard's &scope). */
vkey object_lock_base_deref(struct lockid l, tree expr);
int lock_slot_of_deref(struct lockid l, tree expr);
int param_index(tree ssa);	/* parameter number of a default def, or -1 */
/* Which parameter's value KEY is (its default definition), or -1. */
int param_of_value(vkey key);
/* P when REF reads *P, or the pointer at offset 0 of *P; else NULL. */
tree deref_pointer_of(tree ref);

/* ---- per-function summaries ------------------------------------------- */

#define LK_HELD		1	/* lock masks: held */
#define LK_FREE		2	/* not held */
#define LK_ENTRY	4	/* as at function entry (caller's state) */
#define LK_SHARED	8	/* held for reading only (rw_semaphore, rwlock_t) */

#define MAX_CASES	4

enum requirement {
	REQ_NONE,
	REQ_ASSERTED,		/* an assertion (lockdep) backs it at run time */
	REQ_UNASSERTED,		/* only review backs it */
};

struct exit_case {
	unsigned char lock[NSLOTS];
	unsigned char obj_lock[MAX_LOCK_PARAMS];	/* of *param i (per-object lock) */
	signed char ret_nonzero;	/* -1 unknown, 0 zero, 1 non-zero */
	/* Last (not what tells cases apart): the parameters in if_known are
	   zero, or non-zero for those in if_nonzero, on every path out this
	   way (lock_path_params()). */
	unsigned int if_known, if_nonzero;
};

/* What the lock tracker and the lock rules learn of a function (lock.c, lockrules.c). */
struct lock_summary {
	bool contract;		/* asserts the lock unconditionally */
	bool direct_entry_access; /* own accesses rely on the caller */
	unsigned int ncases;
	struct exit_case cases[MAX_CASES];
	int ret_slot;		/* returns the lock of this slot, or SLOT_NONE */
	int ret_deref_param;	/* returns *param i, or -1 */
	enum requirement req;
	location_t req_loc;	/* the access/assertion that needs the lock */
	tree req_field;		/* ... the guarded field of that access, or NULL */
	tree req_via;		/* ... reached through this callee, or NULL */
	bool req_by_annotation;	/* the requirement is a __must_hold() */
	/*
	 * The requirement holds only where the parameters in req_if_known
	 * are zero, or non-zero for those also in req_if_nonzero: every path
	 * that needs the lock knew so from its branches (if (!locked)
	 * mutex_lock(...)); 0: wherever the function is called.
	 */
	unsigned int req_if_known, req_if_nonzero;
	bool req_if_set;	/* ... merged from a first requirement */
	unsigned int req_objs;	/* per-object lock: of these parameters' objects */
	/*
	 * Of REQ_OBJS (a global lock: besides), the parameters that are the
	 * lock itself: __must_hold(lock), given &obj->lock or &the_lock.
	 */
	unsigned int req_locks;
	/* A global lock: needed as itself too, not only as a lock it is given. */
	bool req_itself;
	location_t req_write_loc; /* a write that needs it held for writing, or unknown */
	tree req_write_field;	/* ... the field it writes, or NULL */
	tree req_write_via;	/* ... reached through this callee, or NULL */
	location_t excl_loc;	/* callers must not hold the lock: why, or unknown */
	tree excl_via;		/* ... a callee that must not be called with it, or NULL */
	bool excl_by_annotation; /* ... __must_not_hold() (else an assertion) */
	unsigned int excl_objs;	/* per-object lock: __must_not_hold(&p->lock) of these parameters */
	location_t excl_objs_loc; /* ... the annotation */
};

/* What the ownership checker learns of a function (ownership.c). */
struct own_summary {
	int ret_rest_param;	/* returns param i's ->next (list rest), or -1 */
	unsigned int consumes;	/* bit i: puts/transfers the reference param i, every path */
	unsigned int hands_on;	/* ... of those, stored somewhere on some path */
	int returns_owned;	/* 0, or ref kind of the value it returns */
	bool returns_fresh;	/* returns only new, unpublished allocations */
};

/*
 * What the lock rules learn of a function (lockrules.c): the parameters it
 * writes through, itself or by a callee.  Data guarded by a lock, whose
 * address a caller hands it there, is written: the lock must be held for
 * writing (list_add(&n->node, &guarded_list)), where Clang's
 * -Wthread-safety-pointer reads it as a read.
 */
struct writes_summary {
	unsigned int params;			/* a bit per parameter (MAX_LOCK_PARAMS) */
	location_t loc[MAX_LOCK_PARAMS];	/* the first write through each */
};

/*
 * A function's summary: what the engine knows of it, then each checker's
 * part (filled by its finish hook, compared and dumped by its hooks).
 */
struct summary {
	tree decl;
	bool ready;		/* computed at least once */
	bool exposed;		/* external linkage or address taken */
	bool gave_up;		/* the last analysis was over the budget (not
				   compared; report.c was told) */
	struct lock_summary *lock;	/* per lock the walk tracks (by rank) */
	struct own_summary own;
	struct writes_summary writes;
};

/* S's part of lock L. */
static inline struct lock_summary *lock_summary_of(const struct summary *s, struct lockid l)
{
	return &s->lock[l.rank];
}

/*
 * Which parameter P the function returns *P of, or -1: the same in every
 * lock's part (one walk computes them), read from the first the walk
 * tracks, so that a value's key does not depend on the lock asking.
 */
static inline int summary_ret_deref_param(const struct summary *s)
{
	return s->lock[0].ret_deref_param;
}

/* The table of summaries (summary.c). */
struct summary *summary_of(tree fndecl);	/* NULL: no body here */
bool summary_analysable(cgraph_node *node);	/* a body the engine can walk */
unsigned int summaries_analysable(void);	/* how many functions have one */
unsigned int summaries_create(void);	/* one summary each: how many */
struct summary *summary_at(unsigned int i);
unsigned int summary_index(const struct summary *s);
void summaries_free(void);
/* What the callers' analysis reads is the same in both (the fixpoint's test). */
bool summary_equal(const struct summary *a, const struct summary *b);
/* A copy with parts of its own (LOCKS: room for every lock), and back. */
void summary_copy(struct summary *dst, const struct summary *src, struct lock_summary *locks);
void summary_copy_back(struct summary *dst, const struct summary *src);
void summary_dump(const struct summary *s, struct lockid l);	/* UECHECK_DEBUG, of lock L */
/*
 * The unit's fixpoint (fixpoint.c), one walk tracking the locks LOCKS (a
 * bit per index; the rule set's, bit 0, only where the unit may have its
 * findings: names its symbols, asserts its lock).
 */
void summaries_run(unsigned int locks);

/*
 * Whether any caller in the unit holds a lock a static helper needs
 * (callers.c): the facts of each caller's final sweep, and the helpers
 * found to have none, whose entry is then free (lock.c).
 */
void callers_begin(unsigned int nsums);
void callers_end(void);
void callers_forget(struct lockid l, tree caller);	/* its analysis starts */
void callers_record(struct lockid l, tree caller, const struct summary *callee,
		    unsigned char mask, location_t loc);
unsigned int callers_settle(unsigned int *out);	/* newly found: indices in OUT */
bool callers_none_hold(struct lockid l, tree fndecl, location_t *call, unsigned int *objs);

/* ---- abstract path states (state.c; the parts: lockpath.c, ownpath.c) -- */

#define MAX_FACTS	16
#define MAX_PTRS	16
#define MAX_FRESH	6
#define MAX_STATES	8	/* disjuncts kept per program point */

/* Ownership of one pointer value (ref rule). */
#define PT_OWNED	1	/* holds a reference */
#define PT_RELEASED	2	/* its reference was put */
#define PT_NULL		4	/* known NULL: owns nothing */
#define PT_MOVED	8	/* reference handed on: returned, stored, consumed */

#define RK_NODE		1	/* one node */
#define RK_LIST		2	/* a node and the rest of a get_all list */
#define RK_ANY		3	/* a parameter: node or list */

/* Fact priorities: a lock attempt's result outlives a branch's, a constant's. */
#define FACT_CONST	0
#define FACT_BRANCH	1
#define FACT_LOCK	2

struct fact {
	vkey key;
	bool nonzero;
	unsigned char prio;	/* FACT_*: who gives way when the table is full */
};

struct ptr {
	vkey key;		/* the value that holds the reference */
	vkey alias;		/* for an entry re-keyed away: where it went */
	vkey rest;		/* for a split list node: the key of the rest */
	vkey got_from;		/* a get's dropped result: the argument it returns */
	tree var, var2;		/* user variables holding it (overwrite check) */
	gimple *origin;		/* the call that took the reference */
	location_t put_loc;	/* where it was put (notes) */
	unsigned char mask;	/* PT_* may-set */
	unsigned char kind;	/* RK_* */
	unsigned char is_param;	/* 1 + index of the caller's parameter, not ours; or 0 */
};

/*
 * What a path knows of one lock, by what the lock is: a global lock's own
 * (GLOBAL_LOCK_KEY), present from the function's entry on; or the lock of
 * one object (a per-object lock: &obj->lock, BASE the value of obj), known
 * because this function took, released or was told of it.  An object
 * without one is as the caller left it.  With how it may be held and why
 * it first may be free or held for reading only (the notes' cause).
 */
#define MAX_LOCK_FACTS	4
/* A global lock is no object's: no value's key is 1 (keys are addresses). */
#define GLOBAL_LOCK_KEY	((vkey)1)

struct lock_fact {
	vkey base;			/* the value of obj, or GLOBAL_LOCK_KEY */
	unsigned char mask;		/* LK_* may-set */
	unsigned char free_why;		/* FREE_BY_* or SHARED_BY_* of free_loc */
	unsigned char nest;		/* a reentrant lock's: NEST_* */
	location_t free_loc;
};
/*
 * A reentrant lock's holds: how many more than one this function took
 * (NEST_COUNT), and whether the first was taken where the lock was as
 * the caller left it (its release leaves it so again).
 */
#define NEST_COUNT	0x3f
#define NEST_ASSUMED	0x40	/* held by an assertion where it was as the caller left it */
#define NEST_OVER_ENTRY	0x80

/*
 * How one path holds a lock of the unit (lock.c, the lock tracker): what
 * it knows of the lock itself (a global's, or each object's), and of the
 * locks the function's parameters point to or store (slots SLOT_PARAM0
 * on: for a helper given a lock, what it does to it, by parameter).  A
 * path state has one per lock the walk tracks (tracked.c).
 */
#define NPARAM_SLOTS	(NSLOTS - SLOT_PARAM0)
struct lock_path {
	unsigned char param_lock[NPARAM_SLOTS];	/* LK_* may-set per parameter slot */
	unsigned char nfacts;		/* sorted by base */
	struct lock_fact facts[MAX_LOCK_FACTS];
};

/* What one path owns (ownership.c, the ownership checker). */
struct own_path {
	unsigned char nptrs, nfresh;
	struct ptr ptrs[MAX_PTRS];	/* sorted by key */
	vkey fresh[MAX_FRESH];		/* allocations not yet published, sorted */
};

/*
 * One path: the engine's part (branch facts, where it is), then each
 * checker's.  Each part says itself when two paths are the same, how two
 * join and how close two are (struct checker: lockpath.c, ownpath.c);
 * state.c copies the entries in use of all of them (copies are most of
 * the analysis' cost), and of the lock tracker's, one per lock of the
 * unit (tracked_count()): last, so that a unit of one lock copies one.
 */
struct astate {
	location_t last_loc;		/* last source position on this path */
	unsigned char nfacts;
	struct fact facts[MAX_FACTS];	/* sorted by key */
	struct own_path own;		/* the ownership checker's */
	struct lock_path lk[MAX_LOCKS];	/* the lock tracker's, per lock walked */
};

enum {
	FREE_BY_UNLOCK = 1,	/* mutex_unlock() */
	FREE_BY_FAILED_LOCK,	/* trylock/interruptible that did not take it */
	FREE_BY_ASSERTION,	/* lockdep_assert_not_held() */
	FREE_BY_CALL,		/* a callee released it */
	FREE_BY_NO_CALLER,	/* no caller in the unit holds it (callers.c) */
	FREE_BY_TAKEN_AHEAD,	/* the function takes it later (lockahead.c) */
	SHARED_BY_LOCK,		/* taken for reading only (down_read()) */
	SHARED_BY_CALL,		/* a callee left it held for reading */
	SHARED_BY_ANNOTATION,	/* __must_hold_shared() on the function */
};

/*
 * Sized to what it holds: most program points see one or two states.
 * Each state is kept without the lock parts of the locks the walk does
 * not track (the last member of struct astate, MAX_LOCKS of them): a set
 * of a one-lock walk keeps half the bytes.  Its states are read through
 * sset_at(), never as an array of struct astate.
 */
struct sset {
	unsigned int n, cap;
	size_t stride;		/* bytes per state kept */
	char *s;
};

static inline struct astate *sset_at(const struct sset *set, unsigned int i)
{
	return (struct astate *)(set->s + i * set->stride);
}

unsigned int states_kept(void);	/* paths a point keeps: MAX_STATES per lock walked */
struct sset *sset_new(unsigned int cap);
void sset_free(struct sset *set);

void state_init(struct astate *st);
void state_copy(struct astate *dst, const struct astate *src);	/* used entries only */
bool state_equal(const struct astate *a, const struct astate *b);
void state_join(struct astate *into, const struct astate *from);
bool sset_add(struct sset *set, const struct astate *st);	/* true if changed */

int fact_get(const struct astate *st, vkey key);	/* -1, 0, 1 */
bool fact_add_prio(struct astate *st, vkey key, bool nonzero, int prio);	/* false: infeasible */
#define fact_add(st, key, nz)		fact_add_prio(st, key, nz, FACT_BRANCH)
#define fact_add_weak(st, key, nz)	((void)fact_add_prio(st, key, nz, FACT_CONST))
void fact_drop(struct astate *st, vkey key);

/* ownpath.c: the ownership checker's part. */
struct ptr *ptr_find(struct astate *st, vkey key);	/* follows aliases */
struct ptr *ptr_find_exact(struct astate *st, vkey key);
struct ptr *ptr_add(struct astate *st, vkey key);	/* NULL if full */
bool fresh_has(const struct astate *st, vkey key);
void fresh_add(struct astate *st, vkey key);
void fresh_drop(struct astate *st, vkey key);
/* Its hooks (engine.h: struct checker). */
bool own_path_equal(const struct astate *a, const struct astate *b);
void own_path_join(struct astate *into, const struct astate *from);
int own_path_closeness(const struct astate *a, const struct astate *b);

/* lockpath.c: the lock tracker's part, of lock L. */
static inline struct lock_path *lock_path_of(const struct astate *st, struct lockid l)
{
	return (struct lock_path *)&st->lk[l.rank];
}
struct lock_fact *lock_fact_find(struct astate *st, struct lockid l, vkey base);
/* Set BASE's lock to MASK (a new entry if room), noting why it may be free. */
void lock_fact_set(struct astate *st, struct lockid l, vkey base, unsigned char mask,
		 location_t loc, int why);
void lock_cause_update(unsigned char old, unsigned char mask, location_t *cause_loc,
		       unsigned char *cause_why, location_t loc, int why);
/* A reentrant lock's take and release (lockpath.c): holds nest. */
void lock_fact_reenter(struct astate *st, struct lockid l, vkey base, unsigned char held,
		       location_t loc, int why);
void lock_fact_leave(struct astate *st, struct lockid l, vkey base, location_t loc, int why);
/* Held by an assertion (__assumes_ctx_lock()): for the callers, as they had it. */
void lock_fact_assume(struct astate *st, struct lockid l, vkey base, unsigned char held,
		      location_t loc);
/* What a way out of the function leaves the fact's lock as, for its callers. */
unsigned char lock_fact_exit_mask(const struct lock_fact *f);
void lock_fact_drop(struct astate *st, struct lockid l, vkey base);
/* Its hooks (engine.h: struct checker). */
bool lock_path_equal(const struct astate *a, const struct astate *b);
void lock_path_join(struct astate *into, const struct astate *from);
int lock_path_closeness(const struct astate *a, const struct astate *b);


/* ---- the dataflow (engine.c) ------------------------------------------ */

/* Analyse cfun; its findings go to the reporter, replacing its last ones. */
void analyse_function(struct summary *sum);

/* ---- findings (diag.c) ------------------------------------------------ */

/*
 * A finding is data: what was found, where, in which function, about
 * which name, and the notes of its path.  The rule families fill one in;
 * diag.c alone words it (every message is there), report.c prints it once
 * with its fix-it.
 */
enum finding_kind {
	FINDING_UNGUARDED_ACCESS,	/* the guarded field read or written unlocked */
	FINDING_LOCK_REQUIRED,		/* call of a callee that needs the lock */
	FINDING_LOCK_HELD,		/* ... that must not be called with it */
	FINDING_WRITE_SHARED,		/* the guarded field written, lock held for reading */
	FINDING_LOCK_REQUIRED_EXCLUSIVE, /* a callee writes it, lock held for reading */
	FINDING_MISSING_ASSERTION,	/* strict: relies on callers, says nothing */
	FINDING_REF_LOST,		/* an owned reference overwritten */
	FINDING_REF_HELD_AT_EXIT,	/* ... still owned where the function returns */
	FINDING_REF_DISCARDED,		/* a get's result not kept */
	FINDING_REF_EXTRA_LEAKED,	/* ... kept by its argument, not put on a path */
	FINDING_DOUBLE_PUT,
	FINDING_USE_AFTER_PUT,
	FINDING_KIND_COUNT
};

enum note_kind {
	NOTE_LOCK_FREE,		/* why the lock may be free (why: FREE_BY_*) */
	NOTE_EXPOSED_EXTERNAL,	/* callable from outside: external linkage */
	NOTE_EXPOSED_ADDRESS,	/* ... its address is taken */
	NOTE_EXPOSED_USED,	/* ... __used, for a caller the compiler cannot see */
	NOTE_NEEDS_VIA,		/* the callee needs the lock through its callee */
	NOTE_ANNOTATED,		/* ... is __must_hold() */
	NOTE_ANNOTATED_PASSED,	/* ... is __must_hold() of the lock it is given */
	NOTE_ASSERTS,		/* ... asserts the lock */
	NOTE_EXCL_ANNOTATED,	/* ... is __must_not_hold() */
	NOTE_ASSERTS_NOT_HELD,	/* ... asserts the lock not held */
	NOTE_EXCL_VIA,		/* ... must not hold it because of its callee */
	NOTE_ACCESSES,		/* ... accesses the guarded field */
	NOTE_WRITES,		/* ... writes the guarded field */
	NOTE_WRITES_THROUGH,	/* ... writes through the pointer to it it is given */
	NOTE_OR_LOCK,		/* another lock that guards the data read: any suffices */
	NOTE_ASSERTS_WRITE,	/* ... asserts the lock held for writing */
	NOTE_TAKE_FOR_WRITING,	/* fix: the kind's exclusive acquire */
	NOTE_ACCESSED_HERE,	/* the access a missing assertion is for */
	NOTE_REF_TAKEN,		/* where the reference was taken, by whom */
	NOTE_EVERY_NODE,	/* a get_all list: each node holds one */
	NOTE_PUT_EVERY_NODE,	/* fix for a discarded get_all */
	NOTE_PUT_IT,		/* fix for a discarded get */
	NOTE_FIRST_PUT,
	NOTE_PUT_HERE,
	NOTE_LEAVES_HOLDING,	/* an exit still holding the extra reference */
};

#define MAX_FINDING_NOTES 4

struct finding_note {
	enum note_kind kind;
	location_t loc;
	const char *name, *name2;	/* the functions it names, if any */
	tree field;			/* the guarded field it is about, if any */
	int why;			/* NOTE_LOCK_FREE: FREE_BY_*; NOTE_EXPOSED_*:
					   1 at the function's own lock call */
};

struct finding {
	enum finding_kind kind;
	location_t loc;
	const char *fn;			/* the function it is in */
	const char *name;		/* callee, put function or variable */
	const char *lock;		/* the lock, as messages name it (lock findings) */
	unsigned int lock_index;	/* ... and which of the unit's it is (tracked.c) */
	tree field;			/* the guarded field accessed, if any */
	location_t fixit_before;	/* a line to insert the fix before */
	unsigned int nnotes;
	struct finding_note notes[MAX_FINDING_NOTES];
};

enum ue_rule finding_rule(enum finding_kind kind);
void finding_init(struct finding *f, enum finding_kind kind, location_t loc,
		  const char *name);
void finding_note(struct finding *f, enum note_kind kind, location_t loc,
		  const char *name, int why);
void finding_note2(struct finding *f, enum note_kind kind, location_t loc,
		   const char *name, const char *name2);
/* A note about guarded field FIELD (accessed, written there). */
void finding_note_field(struct finding *f, enum note_kind kind, location_t loc,
			const char *name, tree field);

/* A finding in words (diag.c), as the reporter keeps it until it prints. */
struct worded {
	char text[512];			/* "" if the finding has no words */
	char fixit[128];		/* a line to insert before fixit_before, or "" */
	location_t fixit_before;
	unsigned int nnotes;
	struct {
		location_t loc;
		char text[512];
	} notes[MAX_FINDING_NOTES];
};

void diag_word(const struct finding *f, struct worded *w);
void diag_word_not_checked(tree fndecl, long visits, char *buf, size_t size);

/* ---- the reporter (report.c) ------------------------------------------ */

/*
 * A finding of a final sweep, met in current_function_decl, of the lock
 * it names (lock_index): kept once per lock, rule and place (and only if
 * its rule is on), printed by report_flush().
 */
void report_finding(const struct finding *f);
/* FNDECL is analysed again: what its last analysis handed over goes. */
void report_function_again(tree fndecl);
/* The analysis gave up on FNDECL: it must not read as checked. */
void report_not_checked(struct lockid l, tree fndecl, long visits);
/*
 * Print what was kept, by lock, function position and arrival, once per
 * rule, place and data accessed (the first lock's), and forget it.
 */
void report_flush(void);

#endif /* UECHECK_H */
