// SPDX-License-Identifier: GPL-2.0
/*
 * annotations.c - the annotation database: what the preprocessor saw of
 * the kernel's lock annotations, whichever locks they name.
 *
 * Lockdep assertions, __must_hold() and its kin, __acquires()/__releases(),
 * __guarded_by(), context_unsafe(): each is recorded as written (its lock
 * as text) against its position, and claimed by the declaration it
 * belongs to (a prototype, a definition, a field, a global).  Which of
 * them are of which lock is tracked.c's question: nothing
 * here names a particular lock.
 *
 * Why through the preprocessor: without CONFIG_LOCKDEP,
 * lockdep_assert_held(l) expands to "(void)(l)" (6.x) or to nothing at all
 * (7.x, via __assume_ctx_lock()), and __must_hold() always expands to nothing
 * under GCC.  No GIMPLE is left of them.  libcpp's "used" callback fires for
 * every macro expansion, whatever the expansion is; we then read the
 * argument from the source text exactly as the developer wrote it.
 *
 * The same way, a prototype's __acquires(lock)/__releases(lock) (sparse's
 * annotations in 6.x, context analysis' in 7.x) says that the function
 * takes or drops the lock its parameter names, or a global lock, wherever
 * it is called; a struct field's or a global's __guarded_by() (7.x), which
 * lock guards it.
 */
#include "uecheck.h"

/*
 * How far the parser's callbacks look for what an annotation belongs to,
 * in lines of the source, and what they read of it.
 */
#define CLAIM_LINES	16	/* a function annotation after the declarator's name */
#define GUARD_LINES	8	/* a __guarded_by() after its field's or global's name */
#define PROTO_LINES	8	/* a prototype's parameter list */
#define UNSAFE_LINES	64	/* a context_unsafe(...) */
#define MAX_PROTO_PARAMS 16	/* parameters of a prototype read by name */
#define MAX_NAME	64	/* the longest parameter name read */
#define MAX_ARGUMENT	MAX_ANNOTATION_ARGUMENT

struct watched_macro {
	const char *name;
	enum assertion_kind kind;
};

static const struct watched_macro watched[] = {
	{ "lockdep_assert_held",	ASSERT_HELD },
	{ "lockdep_assert_held_once",	ASSERT_HELD },
	{ "lockdep_assert_held_read",	ASSERT_HELD },	/* held; the mode: docs/rulesets.md */
	{ "lockdep_assert_held_write",	ASSERT_HELD_WRITE },
	{ "lockdep_assert_not_held",	ASSERT_NOT_HELD },
	{ "__must_hold",		ASSERT_MUST_HOLD },
	{ "__must_hold_shared",		ASSERT_MUST_HOLD_SHARED },
	{ "__no_context_analysis",	ASSERT_NO_ANALYSIS },
	{ "__context_unsafe",		ASSERT_NO_ANALYSIS },
	{ "__must_not_hold",		ASSERT_MUST_NOT_HOLD },
	/* 7.x: what the assertions above expand to, and lockdep_assert_in_rcu_read_lock() */
	{ "__assume_ctx_lock",		ASSERT_HELD },
	{ "__assume_shared_ctx_lock",	ASSERT_HELD },
};

/* An __acquires()/__releases() annotation, until a prototype claims it. */
struct annotation {
	enum lock_op op;
	char *arg;			/* as written, without blanks */
	struct srcpos at;
};

static const struct {
	const char *name;
	enum lock_op op;
} annotating[] = {
	{ "__acquires",		LOCK_OP_ACQUIRE },
	{ "__acquires_shared",	LOCK_OP_ACQUIRE_SHARED },
	{ "__releases",		LOCK_OP_RELEASE },
	{ "__releases_shared",	LOCK_OP_RELEASE },
	/* (ret, lock): held where the result is ret (record_annotation) */
	{ "__cond_acquires",	LOCK_OP_TRY_NONZERO },
	{ "__cond_acquires_shared", LOCK_OP_TRY_SHARED },
	/* 7.x: the function asserts it (rwsem_assert_held()) */
	{ "__assumes_ctx_lock",	LOCK_OP_ASSUME },
	{ "__assumes_shared_ctx_lock", LOCK_OP_ASSUME_SHARED },
};

/*
 * 7.x's __cond_acquires(ret, lock): the lock is held where the function
 * returned RET, one of true, nonzero, nonnull (a try: held where non-zero)
 * or false, 0, NULL (held where zero).  OP is the try's; the operation,
 * or LOCK_OP_NONE for another RET, and the lock's text into *LOCK.  6.x's
 * __cond_acquires(lock) says neither (refcount_dec_and_lock() is held
 * where true, tcp_sigpool_start() where 0): not used.
 */
static enum lock_op conditional_op(enum lock_op op, char *arg, char **lock)
{
	static const char *const held_nonzero[] = { "true", "nonzero", "nonnull" };
	static const char *const held_zero[] = { "false", "0", "NULL" };
	char *comma = strchr(arg, ',');

	if (!comma)
		return LOCK_OP_NONE;
	*comma = 0;
	*lock = comma + 1;
	for (size_t i = 0; i < ARRAY_SIZE(held_nonzero); i++)
		if (!strcmp(arg, held_nonzero[i]))
			return op;
	for (size_t i = 0; i < ARRAY_SIZE(held_zero); i++)
		if (!strcmp(arg, held_zero[i]))
			return op == LOCK_OP_TRY_SHARED ? LOCK_OP_TRY_ZERO_SHARED : LOCK_OP_TRY_ZERO;
	return LOCK_OP_NONE;
}

static vec<struct annotation> anns;

/* A __guarded_by(), until a struct's field or a global claims it. */
struct field_guard {
	struct srcpos at;
	struct srcpos spelled;	/* in a macro's definition: there */
	bool pointee;		/* __pt_guarded_by(): what the pointer points to */
	unsigned int n;
	const char *lock[MAX_GUARD_LOCKS];
	bool bitlock[MAX_GUARD_LOCKS];
};

static vec<struct field_guard> fguards;
/* The claimed ones: every lock's. */
static vec<struct guard_of> guards;
static hash_map<tree, unsigned int> *guard_index, *pointee_index;
static cpp_hashnode *guarded_by_node, *pt_guarded_by_node;

/*
 * The annotated functions, and each one's index among them by name: a
 * prototype and its definition are one function (C has one name space
 * for them), whose nodes the front end merges, freeing one.
 */
static hash_map<tree, unsigned int> *annotated;
static vec<struct annotated_fn *> afns;
static cpp_hashnode *annotating_nodes[ARRAY_SIZE(annotating)];

static vec<struct annotation_record> recs;
/*
 * Function annotations (__must_hold(), ...) no prototype took yet, by
 * index into recs: few at a time, for 7.x's lock headers annotate many
 * inline functions and a unit finishes thousands of declarations.
 */
static vec<unsigned int> pending;
/* __no_context_analysis records: 7.x's lock headers have them in every unit. */
static unsigned int nno_analysis;
/*
 * __no_context_analysis and __context_unsafe() written in headers: where,
 * only (see record()), for what a caller hands such a function.
 */
static vec<struct srcpos> header_no_analysis;

/*
 * context_unsafe(...) as written: the analysis is off between the
 * parentheses.  7.x's data_race(expr) turns it off too (a read meant to
 * race, as KCSAN is told): rt_mutex_owner() reads ->owner so.
 */
struct region {
	struct srcpos start;
	int end_line, end_col;
};

static const char *const unsafe_names[] = { "context_unsafe", "data_race" };
static vec<struct region> unsafe;
static cpp_hashnode *unsafe_nodes[ARRAY_SIZE(unsafe_names)];
static bool unsafe_in_macros;	/* one is written in a macro's definition */

/*
 * 7.x declares each lock type with context_lock_struct(NAME[, attrs])
 * (compiler-context-analysis.h): the kernel's own word that struct NAME
 * is a lock, whatever its kind.  Reentrant ones (__reentrant_ctx_lock:
 * SRCU) are held by a count: their holds nest.
 */
struct lock_type {
	char *name;
	bool reentrant;
};
static vec<struct lock_type> lock_types;
static cpp_hashnode *lock_struct_node;
static void (*chained_used)(cpp_reader *, location_t, cpp_hashnode *);

/*
 * The argument of the annotation NAME spelled at SP, expanded at AT: as
 * written, or, written in a macro's definition, in the terms of its
 * invocation (macrodef.c).
 */
static bool read_macro_argument(const expanded_location *sp, const struct srcpos *at,
				const char *name, char *buf, size_t size)
{
	return macro_call_text(sp->file, sp->line, sp->column, name, buf, size) &&
	       macrodef_resolve(sp, at, buf, size);
}

/* "&event_mutex", "(&event_mutex)", "&(event_mutex)": "event_mutex", its length in LEN. */
static const char *lock_argument_text(const char *arg, size_t *len)
{
	*len = strlen(arg);
	while (*len >= 2 && arg[0] == '(' && arg[*len - 1] == ')') {
		arg++;
		*len -= 2;
	}
	if (*len && arg[0] == '&') {
		arg++;
		(*len)--;
	}
	while (*len >= 2 && arg[0] == '(' && arg[*len - 1] == ')') {
		arg++;
		*len -= 2;
	}
	return arg;
}

/* The first top-level comma of TEXT (not inside parentheses), or NULL. */
static const char *top_comma(const char *text)
{
	int depth = 0;

	for (const char *p = text; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == ',' && !depth)
			return p;
	}
	return NULL;
}

/*
 * 7.x's bit_spinlock: __bitlock(bitnum, addr), a token for a bit of the
 * word at addr.  The lock is the word's (which bit is not told apart, as
 * Clang does not either): ADDR's text, or NULL for another lock.
 */
static const char *bitlock_word(const char *arg, size_t len, size_t *word_len)
{
	static const char name[] = "__bitlock(";
	const char *comma;

	while (len && ISSPACE(*arg)) {
		arg++;
		len--;
	}
	if (len <= sizeof(name) || strncmp(arg, name, sizeof(name) - 1) || arg[len - 1] != ')')
		return NULL;
	comma = top_comma(arg + sizeof(name) - 1);
	if (!comma || comma >= arg + len - 1)
		return NULL;
	*word_len = arg + len - 1 - (comma + 1);
	return comma + 1;
}

/* The lock ARG names, as lock_argument_text() leaves it, in a copy; *BITLOCK: a bit lock's word. */
static char *lock_text_copy_bit(const char *arg, bool *bitlock)
{
	size_t len, wlen;
	const char *word;
	char *copy;

	arg = lock_argument_text(arg, &len);
	word = bitlock_word(arg, len, &wlen);
	if (bitlock)
		*bitlock = word != NULL;
	if (!word)
		return xstrndup(arg, len);
	copy = xstrndup(word, wlen);
	arg = lock_argument_text(copy, &len);
	memmove(copy, arg, len);
	copy[len] = 0;
	return copy;
}

static char *lock_text_copy(const char *arg)
{
	return lock_text_copy_bit(arg, NULL);
}

/*
 * Where the macro used at LOC is written: SP, the spelling of its name (in
 * the header of a macro that uses it, if so), and AT, the outermost
 * expansion point in the source.
 */
static bool macro_written_at(location_t loc, expanded_location *sp, struct srcpos *at)
{
	*sp = expand_location(linemap_resolve_location(line_table, loc,
						       LRK_SPELLING_LOCATION, NULL));
	return sp->file && srcpos_of(loc, at);
}

bool annotations_macro_argument(location_t loc, const char *name, char *buf, size_t size,
				struct srcpos *at)
{
	expanded_location sp;

	return macro_written_at(loc, &sp, at) && read_macro_argument(&sp, at, name, buf, size);
}

bool annotations_spelled_in_macro(location_t loc)
{
	expanded_location sp;
	struct srcpos at;

	return macro_written_at(loc, &sp, &at) &&
	       (strcmp(sp.file, at.file) || sp.line != at.line || sp.column != at.col);
}

char *annotations_lock_text(const char *arg)
{
	return lock_text_copy(arg);
}

static void record(enum assertion_kind kind, const char *name, location_t loc)
{
	char arg[MAX_ARGUMENT];
	char *lock = NULL;
	struct srcpos at;
	expanded_location sp;
	struct annotation_record r;

	if (!macro_written_at(loc, &sp, &at))
		return;
	if (kind == ASSERT_NO_ANALYSIS) {
		/*
		 * Of no lock: of the function.  Kept for the file being
		 * compiled only: 7.x's lock headers annotate their own inline
		 * functions (the lock API), thousands of expansions a unit.
		 */
		if (strcmp(at.file, main_input_filename)) {
			header_no_analysis.safe_push(at);
			return;
		}
	} else if (!read_macro_argument(&sp, &at, name, arg, sizeof(arg))) {
		return;
	} else {
		/* Of any lock: which one is tracked.c's question. */
		lock = lock_text_copy(arg);
	}

	/*
	 * lockdep_assert_held(l), expanded to __assume_ctx_lock(l): one
	 * assertion.  Two of different locks a macro writes are two, though
	 * both are at its invocation.
	 */
	if (!annotation_of_function(kind) && !recs.is_empty() &&
	    !annotation_of_function(recs.last().a.kind) && recs.last().a.line == at.line &&
	    recs.last().a.col == at.col && !strcmp(recs.last().a.file, at.file) &&
	    recs.last().a.lock && lock && !strcmp(recs.last().a.lock, lock)) {
		free(lock);
		return;
	}
	r.a.kind = kind;
	r.a.loc = loc;
	r.a.file = at.file;
	r.a.line = at.line;
	r.a.col = at.col;
	r.a.end_line = at.line;
	r.a.end_col = at.col;
	r.a.obj = NULL;
	r.a.lock = lock;
	r.claimed_by = 0;
	recs.safe_push(r);
	if (annotation_of_function(kind)) {
		pending.safe_push(recs.length() - 1);
	}
	if (kind == ASSERT_NO_ANALYSIS)
		nno_analysis++;
}

/* libcpp keeps one hash node per spelling: match macros by pointer. */
static cpp_hashnode *watched_nodes[ARRAY_SIZE(watched)];

static void record_annotation(enum lock_op op, const char *name, location_t loc)
{
	char arg[MAX_ARGUMENT], *lock = arg;
	struct srcpos at;
	expanded_location sp;
	struct annotation a;

	if (!macro_written_at(loc, &sp, &at) ||
	    !read_macro_argument(&sp, &at, name, arg, sizeof(arg)))
		return;
	if (op == LOCK_OP_TRY_NONZERO || op == LOCK_OP_TRY_SHARED)
		op = conditional_op(op, arg, &lock);
	if (op == LOCK_OP_NONE)
		return;
	a.op = op;
	a.arg = lock_text_copy(lock);
	a.at = at;
	anns.safe_push(a);
}

/*
 * __guarded_by(&lock, ...): its locks as written, whichever they are; the
 * field after which it is written claims it when its struct is complete,
 * a global when its declaration finishes.
 */
static void record_field_guard(const char *name, bool pointee, location_t loc)
{
	char arg[MAX_ARGUMENT], *part, *save;
	struct srcpos at;
	expanded_location sp;
	struct field_guard g;

	if (!macro_written_at(loc, &sp, &at) ||
	    !read_macro_argument(&sp, &at, name, arg, sizeof(arg)))
		return;
	g.at = at;
	g.spelled.file = sp.file;
	g.spelled.line = sp.line;
	g.spelled.col = sp.column;
	g.pointee = pointee;
	g.n = 0;
	/* Split at the commas between locks, not inside one (__bitlock(3, &bits)). */
	for (part = arg; part; part = save) {
		char *comma = (char *)top_comma(part);

		save = comma ? comma + 1 : NULL;
		if (comma)
			*comma = 0;
		if (!*part)
			continue;
		if (g.n == MAX_GUARD_LOCKS)
			return;		/* not read: never guarded */
		g.lock[g.n] = lock_text_copy_bit(part, &g.bitlock[g.n]);
		g.n++;
	}
	if (!g.n)
		return;
	fguards.safe_push(g);
}

/* context_lock_struct(NAME, ...) as written: struct NAME is a lock type. */
static void record_lock_type(location_t loc)
{
	char arg[MAX_ARGUMENT], *comma;
	struct srcpos at;
	expanded_location sp;
	struct lock_type t;

	if (!macro_written_at(loc, &sp, &at) ||
	    !read_macro_argument(&sp, &at, "context_lock_struct", arg, sizeof(arg)))
		return;
	comma = strchr(arg, ',');
	t.reentrant = comma && strstr(comma, "reentrant");
	if (comma)
		*comma = 0;
	for (size_t i = 0; arg[i]; i++)
		if (!ISIDNUM(arg[i]))
			return;		/* a macro's parameter, not a name */
	for (unsigned int i = 0; i < lock_types.length(); i++)
		if (!strcmp(lock_types[i].name, arg))
			return;
	t.name = xstrdup(arg);
	lock_types.safe_push(t);
}

const char *annotations_lock_type(tree type, bool *reentrant)
{
	for (unsigned int i = 0; type && i < lock_types.length(); i++)
		if (type_is_named(TYPE_MAIN_VARIANT(type), lock_types[i].name)) {
			if (reentrant)
				*reentrant = lock_types[i].reentrant;
			return lock_types[i].name;
		}
	return NULL;
}

const char *annotations_lock_kind(tree type, bool *reentrant)
{
	const char *kind = ruleset_kind_of_type(type);

	if (reentrant)
		*reentrant = false;
	return kind ? kind : annotations_lock_type(type, reentrant);
}

/* context_unsafe(...), data_race(...): its extent as written, up to UNSAFE_LINES. */
static void record_unsafe(const char *name, location_t loc)
{
	struct srcpos at;
	expanded_location sp;
	struct region r;

	if (!macro_written_at(loc, &sp, &at))
		return;
	r.start = at;
	/*
	 * In a macro's definition (rcu_assign_pointer()): GCC places every
	 * part of that macro's invocation there, so what it wraps is told
	 * by each access's chain of expansions (in_unsafe_expansion()).
	 */
	if (strcmp(sp.file, at.file) || sp.line != at.line) {
		unsafe_in_macros = true;
		return;
	}
	/* Written in the source itself: to its closing parenthesis. */
	if (!source_macro_call(sp.file, sp.line, sp.column, name, NULL, 0, UNSAFE_LINES,
			       &r.end_line, &r.end_col))
		return;
	unsafe.safe_push(r);
}

/*
 * "x = context_unsafe(y)": GCC folds the statement expression into one
 * assignment at the '=', just before the region.  Only an '=' and blanks
 * between AT and the region's start: the statement is the region's.
 */
static bool assigns_region(const struct srcpos *at, const struct region *r)
{
	int len, eq = 0;
	const char *text;

	if (at->line != r->start.line || at->col >= r->start.col)
		return false;
	text = source_line(at->file, at->line, &len);
	if (!text || r->start.col - 1 > len)
		return false;
	for (int i = at->col - 1; i < r->start.col - 1; i++) {
		if (text[i] == '=')
			eq++;
		else if (text[i] != ' ' && text[i] != '\t')
			return false;
	}
	return eq == 1;
}

/*
 * LOC, a token of a macro's expansion, came through an expansion of
 * context_unsafe() or data_race(): as an argument substituted into it or
 * from its definition, each step a macro map (-ftrack-macro-expansion,
 * GCC's default).  Without that tracking nothing is.
 */
static bool in_unsafe_expansion(location_t loc)
{
	loc = get_pure_location(loc);
	for (int depth = 0; depth < 64 && linemap_location_from_macro_expansion_p(line_table, loc);
	     depth++) {
		const line_map_macro *map =
			linemap_check_macro(linemap_lookup(line_table, loc));
		cpp_hashnode *macro = MACRO_MAP_MACRO(map);

		for (size_t i = 0; i < ARRAY_SIZE(unsafe_nodes); i++)
			if (macro == unsafe_nodes[i])
				return true;
		loc = linemap_macro_map_loc_unwind_toward_spelling(line_table, map, loc);
	}
	return false;
}

bool annotations_in_context_unsafe(location_t loc)
{
	struct srcpos at;

	if (unsafe_in_macros && in_unsafe_expansion(loc))
		return true;
	if (unsafe.is_empty() || !srcpos_of(loc, &at))
		return false;
	for (unsigned int i = 0; i < unsafe.length(); i++) {
		const struct region *r = &unsafe[i];

		if (strcmp(r->start.file, at.file))
			continue;
		/* An operand of the macro is at its name: the start counts. */
		if (srcpos_cmp(&at, &r->start) >= 0 &&
		    (at.line < r->end_line || (at.line == r->end_line && at.col < r->end_col)))
			return true;
		if (assigns_region(&at, r))
			return true;
	}
	return false;
}

/*
 * Every macro a unit expands comes here, some 10^5 of them in a kernel
 * file, and a few dozen names are watched: a bit per hash value of the
 * watched names turns almost every call away before the lists are walked
 * (they cost 0.3% of cc1's instructions on 7.3's trace_events_user.c).
 */
static struct name_filter watched_names;

static void watch_hash(const cpp_hashnode *node)
{
	name_filter_add(&watched_names, node->ident.hash_value);
}

static bool maybe_watched(const cpp_hashnode *node)
{
	return name_filter_may_have(&watched_names, node->ident.hash_value);
}

static void on_macro_used(cpp_reader *reader, location_t loc, cpp_hashnode *node)
{
	if (chained_used)
		chained_used(reader, loc, node);
	if (!maybe_watched(node))
		return;
	if (node == lock_struct_node) {
		record_lock_type(loc);
		return;
	}
	if (node == guarded_by_node || node == pt_guarded_by_node) {
		record_field_guard(node == guarded_by_node ? "__guarded_by" : "__pt_guarded_by",
				   node == pt_guarded_by_node, loc);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(unsafe_names); i++)
		if (node == unsafe_nodes[i]) {
			record_unsafe(unsafe_names[i], loc);
			return;
		}
	for (size_t i = 0; i < ARRAY_SIZE(watched); i++)
		if (node == watched_nodes[i]) {
			record(watched[i].kind, watched[i].name, loc);
			return;
		}
	for (size_t i = 0; i < ARRAY_SIZE(annotating); i++)
		if (node == annotating_nodes[i]) {
			record_annotation(annotating[i].op, annotating[i].name, loc);
			return;
		}
}

/*
 * The names of a prototype's parameters, from its text: the last
 * identifier of each comma-separated part of the list after NAME.
 */
static int parameter_names(const struct srcpos *name, char names[][MAX_NAME], int max)
{
	int len, depth = 0, n = 0, line = name->line, i = name->col - 1;
	const char *text = source_line(name->file, line, &len);
	char last[MAX_NAME] = "";
	size_t lastlen = 0;
	bool in_word = false;

	for (int lines = 0; text && lines < PROTO_LINES; lines++) {
		for (; i < len; i++) {
			char c = text[i];

			if (ISIDNUM(c)) {
				if (!in_word)
					lastlen = 0;
				in_word = true;
				if (depth == 1 && lastlen + 1 < sizeof(last)) {
					last[lastlen++] = c;
					last[lastlen] = 0;
				}
				continue;
			}
			in_word = false;
			if (c == '(') {
				depth++;
			} else if (c == ')' || (c == ',' && depth == 1)) {
				if (depth == 1) {
					if (n == max)
						return -1;
					snprintf(names[n++], MAX_NAME, "%s", last);
					last[0] = 0;
					lastlen = 0;
				}
				if (c == ')' && --depth == 0)
					return n;
			}
		}
		text = source_line(name->file, ++line, &len);
		i = 0;
	}
	return -1;
}

/*
 * The names of DECL's parameters as its definition gives them
 * (DECL_ARGUMENTS), or -1 before one is seen.  For a function whose name
 * a macro made (7.x's DEFINE_LOCK_GUARD_1(name, type, lock, unlock) makes
 * a guard class's constructor) the only names to trust: the text at its
 * name is the macro's call, whose arguments are no parameter list.
 */
static int decl_argument_names(tree decl, char names[][MAX_NAME], int max)
{
	int n = 0;

	for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p)) {
		if (n == max || !DECL_NAME(p))
			return -1;
		snprintf(names[n++], MAX_NAME, "%s", IDENTIFIER_POINTER(DECL_NAME(p)));
	}
	return DECL_ARGUMENTS(decl) ? n : -1;
}

/* TEXT names a variable where the declaration is (a global lock). */
static bool names_variable(const char *text)
{
	tree id = maybe_get_identifier(text), d = id ? lookup_name(id) : NULL_TREE;

	return d && TREE_CODE(d) == VAR_DECL;
}

/* DECL has one parameter, and it points to a lock. */
static bool sole_lock_param(tree decl)
{
	tree args = TYPE_ARG_TYPES(TREE_TYPE(decl)), t = args ? TREE_VALUE(args) : NULL_TREE;

	return t && POINTER_TYPE_P(t) &&
	       annotations_lock_kind(TREE_TYPE(t), NULL) &&
	       TREE_CHAIN(args) && VOID_TYPE_P(TREE_VALUE(TREE_CHAIN(args)));
}

/*
 * A claim on parameter C->arg fits DECL only if it has that parameter
 * (a safety net: the engine reads the argument of a call by that index).
 */
static bool claim_fits(tree decl, const struct lock_claim *c)
{
	int n = 0;

	if (c->arg < 0 || !prototype_p(TREE_TYPE(decl)))
		return true;	/* a global; f(): nothing to hold it against */
	for (tree t = TYPE_ARG_TYPES(TREE_TYPE(decl)); t && !VOID_TYPE_P(TREE_VALUE(t));
	     t = TREE_CHAIN(t))
		n++;
	return c->arg < n;
}

static bool is_identifier(const char *s, size_t len)
{
	if (!len || ISDIGIT(s[0]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!ISIDNUM(s[i]))
			return false;
	return true;
}

/*
 * What the lock text ARG ("lock", "c->lock", "event_mutex") names among
 * the prototype's parameters NAMES: the parameter, a parameter's field, or
 * a global; false for anything else.
 */
static bool resolve_claim(const char *arg, char names[][MAX_NAME], int nnames,
			  struct lock_claim *c)
{
	const char *arrow;
	size_t n;

	/*
	 * *(T **)p, *p: the lock whose address is stored at *p, p a
	 * parameter (7.x's guard cleanup: __releases(*(raw_spinlock_t **)_T)).
	 */
	c->deref = arg[0] == '*';
	if (c->deref) {
		const char *close = arg[1] == '(' ? strchr(arg, ')') : NULL;

		arg = close ? close + 1 : arg + 1;
		if (!is_identifier(arg, strlen(arg)))
			return false;
	}
	arrow = strstr(arg, "->");
	n = arrow ? (size_t)(arrow - arg) : strlen(arg);
	c->object = arrow != NULL;
	c->text = NULL;
	for (int i = 0; i < nnames; i++)
		if (strlen(names[i]) == n && !strncmp(names[i], arg, n)) {
			c->arg = i;
			if (arrow) {
				if (!is_identifier(arrow + 2, strlen(arrow + 2)))
					return false;
				c->text = xstrdup(arrow + 2);
			}
			return true;
		}
	if (arrow || !is_identifier(arg, n) || c->deref)
		return false;
	c->arg = -1;
	c->text = xstrdup(arg);
	return true;
}

/* The annotations after DECL's name are its own, of whichever locks. */
static void claim_annotations(tree decl, const struct srcpos *name)
{
	char names[MAX_PROTO_PARAMS][MAX_NAME];
	struct annotated_fn *fn = NULL;
	int nnames = -2;
	unsigned int kept = 0;
	bool made = false, unresolved = false;

	for (unsigned int i = 0; i < anns.length(); i++) {
		struct annotation *a = &anns[i];
		struct lock_claim c;

		/*
		 * Before this name, or in another file: a definition's (no
		 * declaration claims it, declarations finish in source
		 * order), dropped.  After it but far: not this one's yet.
		 */
		if (strcmp(a->at.file, name->file) || srcpos_cmp(&a->at, name) <= 0) {
			free(a->arg);
			continue;
		}
		if (a->at.line - name->line >= CLAIM_LINES) {
			anns[kept++] = *a;
			continue;
		}
		if (nnames == -2) {
			made = linemap_location_from_macro_expansion_p(line_table,
								       DECL_SOURCE_LOCATION(decl));
			nnames = made ? decl_argument_names(decl, names, ARRAY_SIZE(names)) :
				 parameter_names(name, names, ARRAY_SIZE(names));
		}
		c.op = a->op;
		if (nnames >= 0 && resolve_claim(a->arg, names, nnames, &c)) {
			/*
			 * A name that is no parameter the names read give, nor
			 * a variable, on a function whose one parameter points
			 * to a lock, is that parameter: a prototype may name it
			 * otherwise than the definition (7.x's guard
			 * constructors: __acquires(_T) of a definition's 'l').
			 */
			if (c.arg < 0 && !c.object && sole_lock_param(decl) &&
			    !names_variable(c.text)) {
				free((void *)c.text);
				c.text = NULL;
				c.arg = 0;
			}
			if (claim_fits(decl, &c)) {
				if (!fn)
					fn = XCNEW(struct annotated_fn);
				if (fn->n < MAX_CLAIMS)
					fn->claims[fn->n++] = c;
				free(a->arg);
				continue;
			}
			free((void *)c.text);
		}
		/*
		 * Not of a function a macro made: maybe of the next one the
		 * same macro makes (its arguments' annotations are all read
		 * when it is entered: __releases() of 7.x's guard cleanup, not
		 * of the constructor before it).
		 */
		if (made) {
			anns[kept++] = *a;
			continue;
		}
		unresolved |= nnames >= 0 && strstr(a->arg, "->") != NULL;
		free(a->arg);
	}
	anns.truncate(kept);
	if (!fn && unresolved)
		fn = XCNEW(struct annotated_fn);
	if (fn)
		fn->unresolved |= unresolved;
	if (fn && !DECL_NAME(decl)) {
		XDELETE(fn);
		fn = NULL;
	}
	if (!fn)
		return;
	if (!annotated)
		annotated = new hash_map<tree, unsigned int>;
	/* A definition after its prototype: one function, the claims of both. */
	if (unsigned int *had = annotated->get(DECL_NAME(decl))) {
		struct annotated_fn *first = afns[*had];

		for (unsigned int i = 0; i < fn->n && first->n < MAX_CLAIMS; i++)
			first->claims[first->n++] = fn->claims[i];
		first->unresolved |= fn->unresolved;
		XDELETE(fn);
		return;
	}
	fn->name = IDENTIFIER_POINTER(DECL_NAME(decl));
	annotated->put(DECL_NAME(decl), afns.length());
	afns.safe_push(fn);
}

int annotations_param_named(const char *name, tree *parm)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++)
		if (DECL_NAME(p) && !strcmp(IDENTIFIER_POINTER(DECL_NAME(p)), name)) {
			*parm = p;
			return i;
		}
	return -1;
}

/*
 * Which parameter of DECL (a prototype, or a function with a body) is
 * named NAME, or -1: by the definition's names, else as its declaration's
 * text names them (a prototype keeps no names in GCC's trees), unless a
 * macro made it.
 */
int annotations_decl_param_index(tree decl, const char *name)
{
	char names[MAX_PROTO_PARAMS][MAX_NAME];
	struct lock_claim c = { LOCK_OP_NONE, -1, false, NULL, false };
	struct srcpos at;
	int n;

	if (DECL_ARGUMENTS(decl) ||
	    linemap_location_from_macro_expansion_p(line_table, DECL_SOURCE_LOCATION(decl)))
		n = decl_argument_names(decl, names, ARRAY_SIZE(names));
	else
		n = srcpos_of(DECL_SOURCE_LOCATION(decl), &at) ?
		    parameter_names(&at, names, ARRAY_SIZE(names)) : -1;
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], name)) {
			c.arg = i;
			return claim_fits(decl, &c) ? i : -1;
		}
	return -1;
}

int annotations_lock_param(tree fndecl, const char *lock, const char **kind)
{
	int i = lock && *lock ? annotations_decl_param_index(fndecl, lock) : -1;
	tree t = i >= 0 && i < MAX_PARAM_MASK ? decl_param_type(fndecl, i) : NULL_TREE;

	*kind = t && POINTER_TYPE_P(t) ? annotations_lock_kind(TREE_TYPE(t), NULL) : NULL;
	return *kind ? i : -1;
}

int annotations_function_index(tree fndecl)
{
	unsigned int *i = annotated && fndecl && DECL_NAME(fndecl) ?
			  annotated->get(DECL_NAME(fndecl)) : NULL;

	return i ? (int)*i : -1;
}

unsigned int annotations_functions(const struct annotated_fn *const **out)
{
	*out = afns.address();
	return afns.length();
}

/*
 * FNDECL says __cond_acquires() (of any lock): a lock attempt.  Clang's
 * analysis does not check the body of one (its ThreadSafety.cpp: trylock
 * functions are not checked), and the kernel's annotated code is written
 * against that: kernel/locking/mutex.c's __mutex_lock_common() reads
 * first_waiter after dropping wait_lock, a hint it re-checks.
 */
bool annotations_names_lock_chain(const char *text)
{
	const char *arrow = text ? strstr(text, "->") : NULL;

	return arrow && (strstr(arrow + 2, "->") || strchr(arrow + 2, '.'));
}

bool annotations_unresolved_lock(tree fndecl)
{
	int idx = annotations_function_index(fndecl);
	struct function_span span;

	if (idx >= 0 && afns[idx]->unresolved)
		return true;
	annotations_span_of(fndecl, &span);
	for (unsigned int i = 0; i < recs.length(); i++)
		if (annotation_of_function(recs[i].a.kind) &&
		    annotations_names_lock_chain(recs[i].a.lock) && annotations_in_span(&recs[i], &span))
			return true;
	return false;
}

bool annotations_lock_attempt(tree fndecl)
{
	int idx = annotations_function_index(fndecl);
	const struct annotated_fn *fn = idx >= 0 ? afns[idx] : NULL;

	for (unsigned int i = 0; fn && i < fn->n; i++)
		if (lock_op_is_try(fn->claims[i].op))
			return true;
	return false;
}

/*
 * A claimed __guarded_by(): in a struct, a lock that names a field of the
 * same struct is that field (&lock is the object's own); else a global.
 */
static void add_guard(tree decl, const struct field_guard *g)
{
	hash_map<tree, unsigned int> **index = g->pointee ? &pointee_index : &guard_index;
	struct guard_of o;

	if (!*index)
		*index = new hash_map<tree, unsigned int>;
	if ((*index)->get(decl))
		return;
	memset(&o, 0, sizeof(o));
	o.decl = decl;
	o.pointee = g->pointee;
	o.n = g->n;
	for (unsigned int i = 0; i < g->n; i++) {
		o.lock[i] = g->lock[i];
		o.bitlock[i] = g->bitlock[i];
		if (TREE_CODE(decl) != FIELD_DECL)
			continue;
		for (tree f = TYPE_FIELDS(DECL_CONTEXT(decl)); f; f = DECL_CHAIN(f))
			if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f) &&
			    !strcmp(IDENTIFIER_POINTER(DECL_NAME(f)), g->lock[i]))
				o.sibling[i] = f;
	}
	(*index)->put(decl, guards.length());
	guards.safe_push(o);
}

const struct guard_of *annotations_guard_of(tree decl, bool pointee)
{
	hash_map<tree, unsigned int> *index = pointee ? pointee_index : guard_index;
	unsigned int *i = index && decl ? index->get(decl) : NULL;

	return i ? &guards[*i] : NULL;
}

unsigned int annotations_guards(const struct guard_of **out)
{
	*out = guards.address();
	return guards.length();
}

unsigned int annotations_records(const struct annotation_record **out)
{
	*out = recs.address();
	return recs.length();
}

/* A prototype's claim, or between the definition's name and its body. */
void annotations_span_of(tree fndecl, struct function_span *span)
{
	struct function *fn = DECL_STRUCT_FUNCTION(fndecl);

	span->uid = DECL_UID(fndecl);
	span->have_def = fn && srcpos_of(DECL_SOURCE_LOCATION(fndecl), &span->name) &&
			 srcpos_of(fn->function_start_locus, &span->open);
}

bool annotations_in_span(const struct annotation_record *r, const struct function_span *span)
{
	struct srcpos at = { r->a.file, r->a.line, r->a.col };

	return r->claimed_by == span->uid ||
	       (span->have_def && srcpos_cmp(&at, &span->name) > 0 &&
		srcpos_cmp(&at, &span->open) < 0);
}

/*
 * A global's __guarded_by(&lock), of any lock: written after its
 * name, or before it on the same line ("static __guarded_by(&l)
 * LIST_HEAD(name);"), and lexed before its declaration finished.
 */
static void claim_var_guard(tree decl, const struct srcpos *name)
{
	unsigned int kept = 0;

	for (unsigned int i = 0; i < fguards.length(); i++) {
		const struct field_guard *g = &fguards[i];

		if (!strcmp(g->at.file, name->file) &&
		    (g->at.line == name->line ||
		     (srcpos_cmp(&g->at, name) > 0 && g->at.line - name->line < GUARD_LINES))) {
			add_guard(decl, g);
			continue;
		}
		fguards[kept++] = *g;
	}
	fguards.truncate(kept);
}

/*
 * A prototype with __must_hold(): the annotation was lexed after the
 * declarator's name and before the declaration finished.
 */
void annotations_saw_decl(tree decl)
{
	struct srcpos name;

	unsigned int kept = 0;

	/* Most declarations of a unit follow no annotation at all. */
	if (TREE_CODE(decl) == VAR_DECL && is_global_var(decl)) {
		if (!fguards.is_empty() && srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
			claim_var_guard(decl, &name);
		return;
	}
	if (TREE_CODE(decl) != FUNCTION_DECL || (pending.is_empty() && anns.is_empty()) ||
	    !srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
		return;
	/*
	 * A prototype after the function's definition: GCC keeps the
	 * definition's place, far above (7.x's DECLARE_LOCK_GUARD_1_ATTRS()
	 * of a guard local_lock.h defines 23 lines before).  Its annotations
	 * are on the line where the declaration ends, the parser's place.
	 */
	if (DECL_INITIAL(decl) && !srcpos_of(input_location, &name))
		return;
	if (DECL_INITIAL(decl))
		name.col = 0;
	if (!anns.is_empty())
		claim_annotations(decl, &name);
	/*
	 * Written after the name, close: this prototype's.  Before its name
	 * or in another file: no later declaration's either (they finish in
	 * source order), so it is dropped; a definition finds its own
	 * between its name and its body (function_annotation()).
	 */
	for (unsigned int i = 0; i < pending.length(); i++) {
		struct assertion *a = &recs[pending[i]].a;
		struct srcpos at = { a->file, a->line, a->col };

		if (strcmp(at.file, name.file) || srcpos_cmp(&at, &name) <= 0)
			continue;
		if (a->line - name.line < CLAIM_LINES) {
			recs[pending[i]].claimed_by = DECL_UID(decl);
			continue;
		}
		pending[kept++] = pending[i];
	}
	pending.truncate(kept);
}

/*
 * A definition whose name a macro made has no parameter names to read
 * before its body (GCC sets DECL_ARGUMENTS after its start): its
 * annotations are claimed when its body is parsed.
 */
static bool made_without_names(tree decl)
{
	return !DECL_ARGUMENTS(decl) &&
	       linemap_location_from_macro_expansion_p(line_table, DECL_SOURCE_LOCATION(decl));
}

/*
 * A definition's __acquires()/__cond_acquires(), written between its
 * parameters and its body (7.x's inline lock functions:
 * _raw_spin_trylock_irqsave() is defined so, with no prototype): lexed
 * when its body starts.
 */
static void on_start_function(void *gcc_data, void *user_data)
{
	tree decl = (tree)gcc_data;
	struct srcpos name;

	if (!anns.is_empty() && decl && TREE_CODE(decl) == FUNCTION_DECL && DECL_NAME(decl) &&
	    !made_without_names(decl) && srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
		claim_annotations(decl, &name);
}

static void on_finish_function(void *gcc_data, void *user_data)
{
	tree decl = current_function_decl;
	struct srcpos name;

	if (!anns.is_empty() && decl && TREE_CODE(decl) == FUNCTION_DECL && DECL_NAME(decl) &&
	    linemap_location_from_macro_expansion_p(line_table, DECL_SOURCE_LOCATION(decl)) &&
	    srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
		claim_annotations(decl, &name);
}

static void on_start_unit(void *gcc_data, void *user_data)
{
	cpp_callbacks *cb = cpp_get_callbacks(parse_in);

	for (size_t i = 0; i < ARRAY_SIZE(watched); i++)
		watched_nodes[i] = cpp_lookup(parse_in, (const unsigned char *)watched[i].name,
					      strlen(watched[i].name));
	for (size_t i = 0; i < ARRAY_SIZE(annotating); i++)
		annotating_nodes[i] = cpp_lookup(parse_in,
						 (const unsigned char *)annotating[i].name,
						 strlen(annotating[i].name));
	guarded_by_node = cpp_lookup(parse_in, (const unsigned char *)"__guarded_by",
				     strlen("__guarded_by"));
	pt_guarded_by_node = cpp_lookup(parse_in, (const unsigned char *)"__pt_guarded_by",
					strlen("__pt_guarded_by"));
	for (size_t i = 0; i < ARRAY_SIZE(unsafe_names); i++)
		unsafe_nodes[i] = cpp_lookup(parse_in, (const unsigned char *)unsafe_names[i],
					     strlen(unsafe_names[i]));
	memset(&watched_names, 0, sizeof(watched_names));
	for (size_t i = 0; i < ARRAY_SIZE(watched); i++)
		watch_hash(watched_nodes[i]);
	for (size_t i = 0; i < ARRAY_SIZE(annotating); i++)
		watch_hash(annotating_nodes[i]);
	for (size_t i = 0; i < ARRAY_SIZE(unsafe_names); i++)
		watch_hash(unsafe_nodes[i]);
	lock_struct_node = cpp_lookup(parse_in, (const unsigned char *)"context_lock_struct",
				      strlen("context_lock_struct"));
	watch_hash(guarded_by_node);
	watch_hash(pt_guarded_by_node);
	watch_hash(lock_struct_node);
	chained_used = cb->used;
	cb->used = on_macro_used;
}

/* G at AT is written after FIELD's name and before the next field's (NEXT, or none). */
static bool follows(const struct srcpos *at, const struct srcpos *field, const struct srcpos *next)
{
	return !strcmp(at->file, field->file) && srcpos_cmp(at, field) > 0 &&
	       at->line - field->line < GUARD_LINES &&
	       (!next || strcmp(next->file, field->file) || srcpos_cmp(at, next) < 0);
}

/*
 * No ';' is written from A to B (A before B, one file): they are in one
 * declaration.
 */
static bool one_declaration(const struct srcpos *a, const struct srcpos *b)
{
	if (strcmp(a->file, b->file) || srcpos_cmp(a, b) > 0 || b->line - a->line >= GUARD_LINES)
		return false;
	for (int line = a->line; line <= b->line; line++) {
		int len, from = line == a->line ? a->col - 1 : 0;
		const char *text = source_line(a->file, line, &len);

		if (!text)
			return false;
		if (line == b->line && b->col - 1 < len)
			len = b->col - 1;
		for (int i = MAX(from, 0); i < len; i++)
			if (text[i] == ';')
				return false;
	}
	return true;
}

/*
 * G, written after a field's name F (the next field's N), is that
 * field's when no ';' ends the declaration between them; written before
 * the name, in the same declaration (long __rcu_guarded *data), it is
 * the declarator's too, as for the compilers' attributes.
 */
static bool guard_of_field(const struct srcpos *g, const struct srcpos *f, const struct srcpos *n)
{
	if (follows(g, f, n))
		return one_declaration(f, g);
	return srcpos_cmp(g, f) < 0 && one_declaration(g, f);
}

/* Where LOC is spelled: in a macro's definition, there. */
static bool spelled_at(location_t loc, struct srcpos *pos)
{
	return srcpos_resolved(loc, LRK_SPELLING_LOCATION, pos);
}

/*
 * G belongs to FIELD (NAME where written, next field's NEXT): written after
 * it.  A struct a macro builds has all its fields and guards at the macro's
 * call: then their order in the definition tells.
 */
static bool guard_follows(const struct field_guard *g, tree field, const struct srcpos *name,
			  tree next_field, const struct srcpos *next)
{
	struct srcpos f_sp, n_sp;

	if (srcpos_cmp(&g->at, name))
		return guard_of_field(&g->at, name, next);
	if (!spelled_at(DECL_SOURCE_LOCATION(field), &f_sp))
		return false;
	if (next && !srcpos_cmp(next, name) && next_field &&
	    spelled_at(DECL_SOURCE_LOCATION(next_field), &n_sp))
		return guard_of_field(&g->spelled, &f_sp, &n_sp);
	return guard_of_field(&g->spelled, &f_sp, NULL);
}

/*
 * A complete struct: its fields claim the __guarded_by() written after them.
 * Once: the C parser tells of a struct again where a declaration names it
 * ("struct track t __guarded_by(&lock);" in a later struct), when a guard
 * written since would follow its last field.
 */
void annotations_saw_type(tree type)
{
	static hash_set<tree> *finished;

	if (!RECORD_OR_UNION_TYPE_P(type) || !COMPLETE_TYPE_P(type))
		return;
	if (!finished)
		finished = new hash_set<tree>;
	if (finished->add(type) || fguards.is_empty())
		return;
	for (tree f = TYPE_FIELDS(type); f && !fguards.is_empty(); f = DECL_CHAIN(f)) {
		struct srcpos name, next;
		tree next_field = NULL_TREE;
		unsigned int kept = 0;

		if (TREE_CODE(f) != FIELD_DECL || !srcpos_of(DECL_SOURCE_LOCATION(f), &name))
			continue;
		for (tree g = DECL_CHAIN(f); g && !next_field; g = DECL_CHAIN(g))
			if (TREE_CODE(g) == FIELD_DECL && srcpos_of(DECL_SOURCE_LOCATION(g), &next))
				next_field = g;
		for (unsigned int i = 0; i < fguards.length(); i++) {
			if (guard_follows(&fguards[i], f, &name, next_field,
					  next_field ? &next : NULL)) {
				add_guard(f, &fguards[i]);
				continue;
			}
			fguards[kept++] = fguards[i];
		}
		fguards.truncate(kept);
	}
}

void annotations_register(const char *plugin_name)
{
	register_callback(plugin_name, PLUGIN_START_UNIT, on_start_unit, NULL);
	register_callback(plugin_name, PLUGIN_START_PARSE_FUNCTION, on_start_function, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_PARSE_FUNCTION, on_finish_function, NULL);
}

/*
 * Asked at every analysis of a function, and 7.x's headers leave a record
 * for each annotated inline function: the answer is kept per function.
 */
bool annotations_callee_unchecked(tree fndecl)
{
	static hash_map<tree, bool> *known;
	struct function_span span;
	bool *seen, off;

	if (!known)
		known = new hash_map<tree, bool>;
	seen = known->get(fndecl);
	if (seen)
		return *seen;
	off = annotations_no_context_analysis(fndecl);
	annotations_span_of(fndecl, &span);
	for (unsigned int i = 0; span.have_def && i < header_no_analysis.length() && !off; i++)
		off = srcpos_cmp(&header_no_analysis[i], &span.name) > 0 &&
		      srcpos_cmp(&header_no_analysis[i], &span.open) < 0;
	known->put(fndecl, off);
	return off;
}

bool annotations_no_context_analysis(tree fndecl)
{
	static hash_map<tree, bool> *known;
	struct function_span span;
	bool *seen, off;

	if (!nno_analysis)
		return false;
	if (!known)
		known = new hash_map<tree, bool>;
	seen = known->get(fndecl);
	if (seen)
		return *seen;
	off = false;
	annotations_span_of(fndecl, &span);
	for (unsigned int i = 0; i < recs.length() && !off; i++)
		off = recs[i].a.kind == ASSERT_NO_ANALYSIS && annotations_in_span(&recs[i], &span);
	known->put(fndecl, off);
	return off;
}
