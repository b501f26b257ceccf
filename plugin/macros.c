// SPDX-License-Identifier: GPL-2.0
/*
 * macros.c - lockdep assertions and __must_hold, recognised by name.
 *
 * Why through the preprocessor: without CONFIG_LOCKDEP,
 * lockdep_assert_held(l) expands to "(void)(l)" (6.x) or to nothing at all
 * (7.x, via __assume_ctx_lock()), and __must_hold() always expands to nothing
 * under GCC.  No GIMPLE is left of them.  libcpp's "used" callback fires for
 * every macro expansion, whatever the expansion is; we then read the
 * argument from the source text exactly as the developer wrote it.
 *
 * The same way, a prototype's __acquires(lock)/__releases(lock) (sparse's
 * annotations in 6.x, context analysis' in 7.x) makes the function part of
 * the lock API: it takes or drops the lock its parameter names, or the
 * tracked global lock itself, wherever it is called.  A struct field's
 * __guarded_by() of the tracked lock (7.x) makes the field guarded, as a
 * guard line of the rule set would.
 */
#include "uecheck.h"

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
};

struct recorded {
	struct assertion a;
	unsigned int claimed_by;	/* DECL_UID of a prototype, or 0 */
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

static struct annotation *anns;
static unsigned int nanns, anns_cap;

/* A __guarded_by() naming the tracked lock, until a struct's field claims it. */
struct field_guard {
	struct srcpos at;
	bool object;		/* names the per-object lock field: &lock */
};

static struct field_guard *fguards;
static unsigned int nfguards, fguards_cap;
static hash_set<tree> *guarded_fields, *guarded_vars;
static cpp_hashnode *guarded_by_node;
static hash_map<tree, struct lock_api *> *annotated;
static cpp_hashnode *annotating_nodes[ARRAY_SIZE(annotating)];

static struct recorded *recs;
static unsigned int nrecs, recs_cap;
/* Said of a function (its prototype or its definition), not inside a body. */
static bool is_must_hold(enum assertion_kind kind)
{
	return kind == ASSERT_MUST_HOLD || kind == ASSERT_MUST_HOLD_SHARED ||
	       kind == ASSERT_NO_ANALYSIS || kind == ASSERT_MUST_NOT_HOLD;
}

/*
 * Function annotations (__must_hold(), ...) no prototype took yet, by
 * index into recs: few at a time, for 7.x's lock headers annotate many
 * inline functions and a unit finishes thousands of declarations.
 */
static unsigned int *pending, npending, pending_cap;
static unsigned int nmust_not_hold;	/* __must_not_hold() records */
/* __no_context_analysis records: 7.x's lock headers have them in every unit. */
static unsigned int nno_analysis;

/* context_unsafe(...) as written: the analysis is off between the parentheses. */
struct region {
	struct srcpos start;
	int end_line, end_col;
};

static struct region *unsafe;
static unsigned int nunsafe, unsafe_cap;
static cpp_hashnode *unsafe_node;
static void (*chained_used)(cpp_reader *, location_t, cpp_hashnode *);

bool srcpos_of(location_t loc, struct srcpos *pos)
{
	expanded_location x;

	if (loc == UNKNOWN_LOCATION)
		return false;
	loc = linemap_resolve_location(line_table, loc,
				       LRK_MACRO_EXPANSION_POINT, NULL);
	x = expand_location(loc);
	if (!x.file || x.line <= 0)
		return false;
	pos->file = x.file;
	pos->line = x.line;
	pos->col = x.column;
	return true;
}

int srcpos_cmp(const struct srcpos *a, const struct srcpos *b)
{
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/*
 * Scan the invocation of the macro NAME at (file, line, col), at most
 * MAX_LINES lines, to its closing parenthesis (its position into *END_LINE,
 * *END_COL); with BUF, copy the text between the parentheses without
 * blanks into it.  Quoted text is skipped whole, comments are left out
 * (the preprocessor dropped them, as from a comment before the lock).
 * Returns false if the invocation cannot be read (then the annotation is
 * not trusted).
 */
static bool scan_macro_call(const char *file, int line, int col, const char *name,
			    char *buf, size_t size, int max_lines, int *end_line, int *end_col)
{
	size_t n = 0;
	int depth = 0, len, i;
	char quote = 0;
	bool comment = false;
	const char *text = source_line(file, line, &len);
	size_t namelen = strlen(name);

	if (!text || col < 1 || (size_t)(col - 1) + namelen > (size_t)len ||
	    strncmp(text + col - 1, name, namelen))
		return false;
	i = col - 1 + namelen;
	for (int lines = 0; lines < max_lines; lines++) {
		for (; i < len; i++) {
			char c = text[i];

			if (quote) {
				if (c == '\\')
					i++;
				else if (c == quote)
					quote = 0;
				continue;
			}
			if (comment) {
				if (c == '*' && i + 1 < len && text[i + 1] == '/') {
					comment = false;
					i++;
				}
				continue;
			}
			if (c == '/' && i + 1 < len && text[i + 1] == '*') {
				comment = true;
				i++;
				continue;
			}
			if (c == '/' && i + 1 < len && text[i + 1] == '/')
				break;	/* the rest of the line */
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
				continue;
			if (c == '"' || c == '\'') {
				if (!depth)
					return false;
				quote = c;
			} else if (c == '(') {
				if (depth++ == 0)
					continue;
			} else if (c == ')') {
				if (--depth == 0) {
					if (buf)
						buf[n] = '\0';
					*end_line = line;
					*end_col = i + 1;
					return true;
				}
			} else if (depth == 0) {
				return false;	/* not an invocation */
			}
			if (!buf)
				continue;
			if (n + 1 >= size)
				return false;
			buf[n++] = c;
		}
		text = source_line(file, ++line, &len);
		if (!text)
			return false;
		i = 0;
	}
	return false;
}

/* The text between the parentheses, without blanks, into BUF. */
static bool read_macro_argument(const char *file, int line, int col,
				const char *name, char *buf, size_t size)
{
	int end_line, end_col;

	return scan_macro_call(file, line, col, name, buf, size, 8, &end_line, &end_col);
}

/*
 * A per-object lock's &p->lock: p's name into OBJ (NULL when ARG is not
 * one), where lock is the rule set's lock field.
 */
static bool names_object_lock(const char *arg, size_t len, char **obj)
{
	const char *arrow;
	size_t n;

	if (!rules_lock_per_object())
		return false;
	arrow = strstr(arg, "->");
	if (!arrow || (size_t)(arrow - arg) >= len)
		return false;
	n = arrow - arg;
	if (!n || len - n - 2 != strlen(rules_lock_field_name()) ||
	    strncmp(arrow + 2, rules_lock_field_name(), len - n - 2))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!ISIDNUM(arg[i]))
			return false;
	*obj = xstrndup(arg, n);
	return true;
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

/* The argument names the tracked lock (global, or a per-object one: OBJ). */
static bool argument_names_tracked_lock(const char *arg, char **obj)
{
	size_t len;

	arg = lock_argument_text(arg, &len);
	*obj = NULL;
	return rules_is_tracked_lock_text(arg, len) || names_object_lock(arg, len, obj);
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

static void record(enum assertion_kind kind, const char *name, location_t loc)
{
	char arg[256];
	char *obj;
	struct srcpos at;
	expanded_location sp;

	if (!macro_written_at(loc, &sp, &at))
		return;
	if (kind == ASSERT_NO_ANALYSIS) {
		/*
		 * Of no lock: of the function.  Kept for the file being
		 * compiled only: 7.x's lock headers annotate their own inline
		 * functions (the lock API), thousands of expansions a unit.
		 */
		if (strcmp(at.file, main_input_filename))
			return;
		obj = NULL;
	} else if (!read_macro_argument(sp.file, sp.line, sp.column, name, arg, sizeof(arg)) ||
		   !argument_names_tracked_lock(arg, &obj)) {
		return;
	}

	if (nrecs == recs_cap) {
		recs_cap = recs_cap ? 2 * recs_cap : 32;
		recs = XRESIZEVEC(struct recorded, recs, recs_cap);
	}
	recs[nrecs].a.kind = kind;
	recs[nrecs].a.loc = loc;
	recs[nrecs].a.file = at.file;
	recs[nrecs].a.line = at.line;
	recs[nrecs].a.col = at.col;
	recs[nrecs].a.end_line = at.line;
	recs[nrecs].a.end_col = at.col;
	recs[nrecs].a.obj = obj;
	recs[nrecs].claimed_by = 0;
	nrecs++;
	if (is_must_hold(kind)) {
		if (npending == pending_cap) {
			pending_cap = pending_cap ? 2 * pending_cap : 16;
			pending = XRESIZEVEC(unsigned int, pending, pending_cap);
		}
		pending[npending++] = nrecs - 1;
	}
	if (kind == ASSERT_MUST_NOT_HOLD)
		nmust_not_hold++;
	if (kind == ASSERT_NO_ANALYSIS)
		nno_analysis++;
}

/* libcpp keeps one hash node per spelling: match macros by pointer. */
static cpp_hashnode *watched_nodes[ARRAY_SIZE(watched)];

static void record_annotation(enum lock_op op, const char *name, location_t loc)
{
	char arg[128], *lock = arg;
	struct srcpos at;
	expanded_location sp;

	if (!macro_written_at(loc, &sp, &at) ||
	    !read_macro_argument(sp.file, sp.line, sp.column, name, arg, sizeof(arg)))
		return;
	if (op == LOCK_OP_TRY_NONZERO || op == LOCK_OP_TRY_SHARED)
		op = conditional_op(op, arg, &lock);
	if (op == LOCK_OP_NONE)
		return;
	if (nanns == anns_cap) {
		anns_cap = anns_cap ? 2 * anns_cap : 64;
		anns = XRESIZEVEC(struct annotation, anns, anns_cap);
	}
	anns[nanns].op = op;
	anns[nanns].arg = xstrdup(lock);
	anns[nanns].at = at;
	nanns++;
}

/*
 * __guarded_by(&lock, ...): kept if one of the locks is the tracked one,
 * a global by its name, or (a per-object lock) the field of the same
 * struct the rule set names: the struct is checked when it is complete.
 */
static void record_field_guard(location_t loc)
{
	static const char name[] = "__guarded_by";
	char arg[256], *part, *save;
	struct srcpos at;
	expanded_location sp;
	bool global = false, object = false;

	if (!macro_written_at(loc, &sp, &at) ||
	    !read_macro_argument(sp.file, sp.line, sp.column, name, arg, sizeof(arg)))
		return;
	for (part = strtok_r(arg, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
		size_t len;
		const char *text = lock_argument_text(part, &len);

		global |= rules_is_tracked_lock_text(text, len);
		object |= rules_lock_per_object() &&
			  len == strlen(rules_lock_field_name()) &&
			  !strncmp(text, rules_lock_field_name(), len);
	}
	if (!global && !object)
		return;
	if (nfguards == fguards_cap) {
		fguards_cap = fguards_cap ? 2 * fguards_cap : 16;
		fguards = XRESIZEVEC(struct field_guard, fguards, fguards_cap);
	}
	fguards[nfguards].at = at;
	fguards[nfguards].object = object;
	nfguards++;
}

/* context_unsafe(...): its extent as written, up to 64 lines. */
static void record_unsafe(location_t loc)
{
	struct srcpos at;
	expanded_location sp;
	struct region r;

	/* Written in the source itself, not in a macro of a header. */
	if (!macro_written_at(loc, &sp, &at) || strcmp(sp.file, at.file) || sp.line != at.line ||
	    !scan_macro_call(sp.file, sp.line, sp.column, "context_unsafe", NULL, 0, 64,
			     &r.end_line, &r.end_col))
		return;
	r.start = at;
	if (nunsafe == unsafe_cap) {
		unsafe_cap = unsafe_cap ? 2 * unsafe_cap : 16;
		unsafe = XRESIZEVEC(struct region, unsafe, unsafe_cap);
	}
	unsafe[nunsafe++] = r;
}

bool macros_in_context_unsafe(location_t loc)
{
	struct srcpos at;

	if (!nunsafe || !srcpos_of(loc, &at))
		return false;
	for (unsigned int i = 0; i < nunsafe; i++) {
		const struct region *r = &unsafe[i];

		/* An operand of the macro is at its name: the start counts. */
		if (!strcmp(r->start.file, at.file) && srcpos_cmp(&at, &r->start) >= 0 &&
		    (at.line < r->end_line || (at.line == r->end_line && at.col < r->end_col)))
			return true;
	}
	return false;
}

static void on_macro_used(cpp_reader *reader, location_t loc, cpp_hashnode *node)
{
	if (chained_used)
		chained_used(reader, loc, node);
	if (node == guarded_by_node) {
		record_field_guard(loc);
		return;
	}
	if (node == unsafe_node) {
		record_unsafe(loc);
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
static int parameter_names(const struct srcpos *name, char names[][64], int max)
{
	int len, depth = 0, n = 0, line = name->line, i = name->col - 1;
	const char *text = source_line(name->file, line, &len);
	char last[64] = "";
	size_t lastlen = 0;
	bool in_word = false;

	for (int lines = 0; text && lines < 8; lines++) {
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
					snprintf(names[n++], 64, "%s", last);
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
 * "lock", "&lock", "(lock)": the parameter it names, -1 for the tracked
 * global, -2 neither; "&c->lock" of a per-object lock: c's, with OBJECT.
 */
static int annotated_lock_arg(const char *arg, char names[][64], int nnames, bool *object)
{
	size_t len;
	char *obj;

	arg = lock_argument_text(arg, &len);
	*object = false;
	if (rules_is_tracked_lock_text(arg, len))
		return -1;
	if (names_object_lock(arg, len, &obj)) {
		*object = true;
		for (int i = 0; i < nnames; i++)
			if (!strcmp(names[i], obj)) {
				free(obj);
				return i;
			}
		free(obj);
		return -2;
	}
	for (int i = 0; i < nnames; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], arg, len))
			return i;
	return -2;
}

/* The annotations after DECL's name are its own: one lock operation, or none. */
static void claim_annotations(tree decl, const struct srcpos *name)
{
	char names[16][64];
	struct lock_api *api;
	int nnames = -2, lock_arg = -2;
	enum lock_op op = LOCK_OP_NONE;
	bool ambiguous = false, object = false;
	unsigned int kept = 0;

	for (unsigned int i = 0; i < nanns; i++) {
		struct annotation *a = &anns[i];

		/*
		 * Before this name, or in another file: a definition's (no
		 * declaration claims it, declarations finish in source
		 * order), dropped.  After it but far: not this one's yet.
		 */
		if (strcmp(a->at.file, name->file) || srcpos_cmp(&a->at, name) <= 0) {
			free(a->arg);
			continue;
		}
		if (a->at.line - name->line >= 16) {
			anns[kept++] = *a;
			continue;
		}
		if (nnames == -2)
			nnames = parameter_names(name, names, ARRAY_SIZE(names));
		if (nnames >= 0) {
			bool obj;
			int arg = annotated_lock_arg(a->arg, names, nnames, &obj);

			if (arg != -2) {
				ambiguous |= op != LOCK_OP_NONE &&
					     (op != a->op || arg != lock_arg || obj != object);
				op = a->op;
				lock_arg = arg;
				object = obj;
			}
		}
		free(a->arg);
	}
	nanns = kept;
	if (op == LOCK_OP_NONE || ambiguous)
		return;
	if (!annotated)
		annotated = new hash_map<tree, struct lock_api *>;
	api = XCNEW(struct lock_api);
	api->name = IDENTIFIER_POINTER(DECL_NAME(decl));
	api->kind = "annotation";
	api->op = op;
	api->lock_arg = lock_arg;
	api->object_arg = object;
	annotated->put(decl, api);
}

int macros_param_named(const char *name, tree *parm)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++)
		if (DECL_NAME(p) && !strcmp(IDENTIFIER_POINTER(DECL_NAME(p)), name)) {
			*parm = p;
			return i;
		}
	return -1;
}

const struct lock_api *macros_annotated_lock_api(tree fndecl)
{
	struct lock_api **api;

	if (!annotated || !fndecl)
		return NULL;
	api = annotated->get(fndecl);
	return api ? *api : NULL;
}

/*
 * A global's __guarded_by(&lock) of the tracked lock: written after its
 * name, or before it on the same line ("static __guarded_by(&l)
 * LIST_HEAD(name);"), and lexed before its declaration finished.
 */
static void claim_var_guard(tree decl, const struct srcpos *name)
{
	unsigned int kept = 0;

	for (unsigned int i = 0; i < nfguards; i++) {
		const struct field_guard *g = &fguards[i];

		if (!g->object && !strcmp(g->at.file, name->file) &&
		    (g->at.line == name->line ||
		     (srcpos_cmp(&g->at, name) > 0 && g->at.line - name->line < 8))) {
			if (!guarded_vars)
				guarded_vars = new hash_set<tree>;
			guarded_vars->add(decl);
			continue;
		}
		fguards[kept++] = *g;
	}
	nfguards = kept;
}

/*
 * A prototype with __must_hold(): the annotation was lexed after the
 * declarator's name and before the declaration finished.
 */
static void on_finish_decl(void *gcc_data, void *user_data)
{
	tree decl = (tree)gcc_data;
	struct srcpos name;

	unsigned int kept = 0;

	/* Most declarations of a unit follow no annotation at all. */
	if (!decl)
		return;
	if (TREE_CODE(decl) == VAR_DECL && is_global_var(decl)) {
		if (nfguards && srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
			claim_var_guard(decl, &name);
		return;
	}
	if (TREE_CODE(decl) != FUNCTION_DECL || (!npending && !nanns) ||
	    !srcpos_of(DECL_SOURCE_LOCATION(decl), &name))
		return;
	if (nanns)
		claim_annotations(decl, &name);
	/*
	 * Written after the name, close: this prototype's.  Before its name
	 * or in another file: no later declaration's either (they finish in
	 * source order), so it is dropped; a definition finds its own
	 * between its name and its body (function_annotation()).
	 */
	for (unsigned int i = 0; i < npending; i++) {
		struct assertion *a = &recs[pending[i]].a;
		struct srcpos at = { a->file, a->line, a->col };

		if (strcmp(at.file, name.file) || srcpos_cmp(&at, &name) <= 0)
			continue;
		if (a->line - name.line < 16) {
			recs[pending[i]].claimed_by = DECL_UID(decl);
			continue;
		}
		pending[kept++] = pending[i];
	}
	npending = kept;
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
	unsafe_node = cpp_lookup(parse_in, (const unsigned char *)"context_unsafe",
				 strlen("context_unsafe"));
	chained_used = cb->used;
	cb->used = on_macro_used;
}

/* G is written after FIELD's name and before the next field's (NEXT, or none). */
static bool guard_follows(const struct field_guard *g, const struct srcpos *field,
			  const struct srcpos *next)
{
	return !strcmp(g->at.file, field->file) && srcpos_cmp(&g->at, field) > 0 &&
	       g->at.line - field->line < 8 &&
	       (!next || strcmp(next->file, field->file) || srcpos_cmp(&g->at, next) < 0);
}

/* A complete struct: its fields claim the __guarded_by() written after them. */
static void on_finish_type(void *gcc_data, void *user_data)
{
	tree type = (tree)gcc_data;
	bool has_object_lock = false;

	if (!nfguards || !type || !RECORD_OR_UNION_TYPE_P(type) || !COMPLETE_TYPE_P(type))
		return;
	for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
		has_object_lock |= rules_is_object_lock_field(f);
	for (tree f = TYPE_FIELDS(type); f && nfguards; f = DECL_CHAIN(f)) {
		struct srcpos name, next;
		bool have_next = false;
		unsigned int kept = 0;

		if (TREE_CODE(f) != FIELD_DECL || !srcpos_of(DECL_SOURCE_LOCATION(f), &name))
			continue;
		for (tree g = DECL_CHAIN(f); g && !have_next; g = DECL_CHAIN(g))
			have_next = TREE_CODE(g) == FIELD_DECL &&
				    srcpos_of(DECL_SOURCE_LOCATION(g), &next);
		for (unsigned int i = 0; i < nfguards; i++) {
			if (guard_follows(&fguards[i], &name, have_next ? &next : NULL) &&
			    (!fguards[i].object || has_object_lock)) {
				if (!guarded_fields)
					guarded_fields = new hash_set<tree>;
				guarded_fields->add(f);
				continue;
			}
			fguards[kept++] = fguards[i];
		}
		nfguards = kept;
	}
}

void macros_register(const char *plugin_name)
{
	register_callback(plugin_name, PLUGIN_START_UNIT, on_start_unit, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_DECL, on_finish_decl, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_TYPE, on_finish_type, NULL);
}

bool macros_field_guarded(tree field)
{
	return guarded_fields && guarded_fields->contains(field);
}

bool macros_any_guarded_field(void)
{
	return guarded_fields || guarded_vars;
}

bool macros_var_guarded(tree var)
{
	return guarded_vars && guarded_vars->contains(var);
}

bool macros_any_assertion(void)
{
	return nrecs > nno_analysis;
}

unsigned int macros_body_assertions(const struct assertion **out, unsigned int max)
{
	struct srcpos open, close;
	unsigned int n = 0;

	if (!srcpos_of(cfun->function_start_locus, &open) ||
	    !srcpos_of(cfun->function_end_locus, &close))
		return 0;
	for (unsigned int i = 0; i < nrecs && n < max; i++) {
		struct assertion *a = &recs[i].a;
		struct srcpos at = { a->file, a->line, a->col };

		if (is_must_hold(a->kind))
			continue;
		if (srcpos_cmp(&at, &open) > 0 && srcpos_cmp(&at, &close) < 0)
			out[n++] = a;
	}
	return n;
}

/*
 * The annotation of FNDECL of one of the kinds in KINDS (a bit per kind):
 * a prototype's, or one between the definition's name and its body.
 */
static const struct assertion *function_annotation(tree fndecl, unsigned int kinds)
{
	struct function *fn = DECL_STRUCT_FUNCTION(fndecl);
	struct srcpos name, open;
	bool have_def;

	have_def = fn && srcpos_of(DECL_SOURCE_LOCATION(fndecl), &name) &&
		   srcpos_of(fn->function_start_locus, &open);
	for (unsigned int i = 0; i < nrecs; i++) {
		struct assertion *a = &recs[i].a;
		struct srcpos at = { a->file, a->line, a->col };

		if (!(kinds & (1u << a->kind)))
			continue;
		if (recs[i].claimed_by == DECL_UID(fndecl) ||
		    (have_def && srcpos_cmp(&at, &name) > 0 &&
		     srcpos_cmp(&at, &open) < 0))
			return a;
	}
	return NULL;
}

bool macros_must_hold(tree fndecl, location_t *where, bool *shared, const char **obj)
{
	const struct assertion *a = function_annotation(fndecl, (1u << ASSERT_MUST_HOLD) |
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

bool macros_must_not_hold(tree fndecl, location_t *where)
{
	const struct assertion *a;

	if (!nmust_not_hold)
		return false;
	a = function_annotation(fndecl, 1u << ASSERT_MUST_NOT_HOLD);
	if (!a || a->obj)	/* of an object's lock: not yet */
		return false;
	*where = a->loc;
	return true;
}


/*
 * Asked at every analysis of a function, and 7.x's headers leave a record
 * for each annotated inline function: the answer is kept per function.
 */
bool macros_no_context_analysis(tree fndecl)
{
	static hash_map<tree, bool> *known;
	bool *seen, off;

	if (!nno_analysis)
		return false;
	if (!known)
		known = new hash_map<tree, bool>;
	seen = known->get(fndecl);
	if (seen)
		return *seen;
	off = function_annotation(fndecl, 1u << ASSERT_NO_ANALYSIS) != NULL;
	known->put(fndecl, off);
	return off;
}
