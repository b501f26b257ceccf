// SPDX-License-Identifier: GPL-2.0
/*
 * ruleset.c - reads a rule set (rulesets/NAME.ruleset, docs/rulesets.md): the
 * lock API, the tracked lock, the fields it guards and the reference API that
 * the rule families check.  rules.c matches the program against it.
 *
 * The rule sets of rulesets/ are built in (gen/rulesets.h, made by
 * scripts/embed-rulesets.sh): the default, user_events.ruleset, needs no
 * file at run time, and a user's rule set can include kernel-locks.ruleset
 * by name.  Bad input stops the compiler with one line naming the file,
 * the line and what is wrong.
 */
#include "uecheck.h"

struct builtin_ruleset {
	const char *name;
	const char *text;
};

#include "rulesets.h"	/* builtin_rulesets[] */

#define MAX_INCLUDE_DEPTH 4

struct ruleset ue_rs;

static const char *const op_names[] = {
	[LOCK_OP_NONE]		= NULL,
	[LOCK_OP_ACQUIRE]	= "acquire",
	[LOCK_OP_RELEASE]	= "release",
	[LOCK_OP_TRY_NONZERO]	= "try",
	[LOCK_OP_TRY_ZERO]	= "try-zero",
	[LOCK_OP_ACQUIRE_SHARED] = "acquire-shared",
	[LOCK_OP_TRY_SHARED]	= "try-shared",
	[LOCK_OP_TRY_ZERO_SHARED] = "try-zero-shared",
	[LOCK_OP_DOWNGRADE]	= "downgrade",
};
#define LOCK_OP_WORDS "acquire, acquire-shared, release, try, try-shared, try-zero, " \
		      "try-zero-shared, downgrade"

static const char *const ref_keys[] = {
	[REF_OP_NONE]		= NULL,
	[REF_OP_GET_ALL]	= "get-all",
	[REF_OP_GET]		= "get",
	[REF_OP_CURRENT]	= "current",
	[REF_OP_PUT]		= "put",
};

/* Where a line came from, for messages. */
struct origin {
	const char *file;
	int line;
};

static bool bad(const struct origin *o, const char *fmt, ...) ATTRIBUTE_PRINTF(2, 3);

static bool bad(const struct origin *o, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error("uecheck: %s:%d: %s", o->file, o->line, msg);
	return false;
}

static const struct builtin_ruleset *builtin(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(builtin_rulesets); i++)
		if (!strcmp(builtin_rulesets[i].name, name))
			return &builtin_rulesets[i];
	return NULL;
}

/* A C identifier: the names of a rule set are functions, types, fields. */
static bool is_ident(const char *s)
{
	if (!*s || ISDIGIT(*s))
		return false;
	for (; *s; s++)
		if (!ISALNUM(*s) && *s != '_')
			return false;
	return true;
}

static bool add_lock_api(const struct origin *o, const char *kind, const char *opword,
			 const char *name)
{
	struct lock_api *api;
	char op[32];
	int arg = 0;
	const char *at = strchr(opword, '@');
	size_t len = at ? (size_t)(at - opword) : strlen(opword);
	int k;

	if (len >= sizeof(op))
		return bad(o, "unknown lock operation '%s' (" LOCK_OP_WORDS ")", opword);
	memcpy(op, opword, len);
	op[len] = 0;
	for (k = LOCK_OP_ACQUIRE; k < (int)ARRAY_SIZE(op_names); k++)
		if (!strcmp(op, op_names[k]))
			break;
	if (k == (int)ARRAY_SIZE(op_names))
		return bad(o, "unknown lock operation '%s' (" LOCK_OP_WORDS ")", op);
	if (at && (!ISDIGIT(at[1]) || at[2] || at[1] > '7'))
		return bad(o, "'%s': the lock's argument is @0 to @7", opword);
	if (at)
		arg = at[1] - '0';
	if (!is_ident(name))
		return bad(o, "'%s' is not a function name", name);
	if (ue_rs.nlock_apis == ue_rs.lock_api_cap) {
		ue_rs.lock_api_cap = ue_rs.lock_api_cap ? 2 * ue_rs.lock_api_cap : 32;
		ue_rs.lock_apis = XRESIZEVEC(struct lock_api, ue_rs.lock_apis, ue_rs.lock_api_cap);
	}
	api = &ue_rs.lock_apis[ue_rs.nlock_apis++];
	api->name = xstrdup(name);
	api->kind = xstrdup(kind);
	api->op = (enum lock_op)k;
	api->lock_arg = arg;
	api->object_arg = false;
	api->deref_arg = false;
	return true;
}

/* "STRUCT.FIELD" into its two names. */
static bool split_field(const struct origin *o, const char *word, const char **type,
			const char **field)
{
	const char *dot = strchr(word, '.');
	char *t;

	if (!dot)
		return bad(o, "'%s' is not STRUCT.FIELD", word);
	t = xstrndup(word, dot - word);
	if (!is_ident(t) || !is_ident(dot + 1))
		return bad(o, "'%s' is not STRUCT.FIELD", word);
	*type = t;
	*field = xstrdup(dot + 1);
	return true;
}

static bool parse_refs(const struct origin *o, char **w, int n)
{
	if (ue_rs.ref_type)
		return bad(o, "a second 'refs' line (one reference API per rule set)");
	if (n < 2 || !is_ident(w[1]))
		return bad(o, "'refs' needs a struct name and KEY=NAME pairs");
	ue_rs.ref_type = xstrdup(w[1]);
	for (int i = 2; i < n; i++) {
		char *eq = strchr(w[i], '=');
		int k;

		if (!eq || !is_ident(eq + 1))
			return bad(o, "'%s' is not KEY=NAME", w[i]);
		*eq = 0;
		if (!strcmp(w[i], "link")) {
			ue_rs.link_field = xstrdup(eq + 1);
			continue;
		}
		for (k = REF_OP_GET_ALL; k <= REF_OP_PUT; k++)
			if (!strcmp(w[i], ref_keys[k]))
				break;
		if (k > REF_OP_PUT)
			return bad(o, "unknown key '%s' (get-all, get, current, put, link)", w[i]);
		ue_rs.ref_api[k] = xstrdup(eq + 1);
	}
	if (!ue_rs.ref_api[REF_OP_PUT])
		return bad(o, "'refs' needs put=NAME");
	if (ue_rs.ref_api[REF_OP_GET_ALL] && !ue_rs.link_field)
		return bad(o, "'refs' with get-all= needs link=FIELD (the list's link)");
	return true;
}

static bool load_text(const char *file, const char *text, bool is_builtin, int depth);

static bool include_ruleset(const struct origin *o, const char *name, bool from_builtin, int depth)
{
	const struct builtin_ruleset *b;
	const char *slash;
	char *path, *text;
	bool ok;

	if (depth >= MAX_INCLUDE_DEPTH)
		return bad(o, "'include %s': includes nested deeper than %d", name,
			   MAX_INCLUDE_DEPTH);
	/* Beside the including file; a built-in one by its name otherwise. */
	slash = strrchr(o->file, '/');
	if (!from_builtin && name[0] != '/' && slash) {
		path = XNEWVEC(char, (slash - o->file) + 2 + strlen(name));
		sprintf(path, "%.*s/%s", (int)(slash - o->file), o->file, name);
	} else {
		path = xstrdup(name);
	}
	text = from_builtin ? NULL : ruleset_read_file(path);
	if (text) {
		ok = load_text(path, text, false, depth + 1);
		free(text);
		free(path);
		return ok;
	}
	free(path);
	b = builtin(name);
	if (!b)
		return bad(o, "'include %s': no such rule set (a file beside this one, or "
			   "one of uecheck's: %s)", name, ruleset_builtin_names());
	return load_text(b->name, b->text, true, depth + 1);
}

static bool parse_line(const struct origin *o, char *line, bool is_builtin, int depth)
{
	char *w[64];
	int n = 0;

	for (char *tok = strtok(line, " \t\r"); tok; tok = strtok(NULL, " \t\r")) {
		if (*tok == '#')
			break;
		if (n == (int)ARRAY_SIZE(w))
			return bad(o, "more than %d words on a line", (int)ARRAY_SIZE(w));
		w[n++] = tok;
	}
	if (!n)
		return true;
	if (!strcmp(w[0], "include")) {
		if (n != 2)
			return bad(o, "'include' needs one rule set name");
		return include_ruleset(o, w[1], is_builtin, depth);
	}
	if (!strcmp(w[0], "lock-api")) {
		if (n < 4 || !is_ident(w[1]))
			return bad(o, "'lock-api' needs KIND OP[@N] NAME...");
		for (int i = 3; i < n; i++)
			if (!add_lock_api(o, w[1], w[2], w[i]))
				return false;
		return true;
	}
	if (!strcmp(w[0], "lock-guard")) {
		/*
		 * The guard classes of KIND, for the Coccinelle engine, which
		 * reads guard(NAME)(&lock) as text; the plugin sees the
		 * class's constructor call the lock API instead.
		 */
		if (n < 3)
			return bad(o, "'lock-guard' needs KIND NAME...");
		for (int i = 1; i < n; i++)
			if (!is_ident(w[i]))
				return bad(o, "'lock-guard': '%s' is not a C identifier", w[i]);
		return true;
	}
	if (!strcmp(w[0], "lock")) {
		if (n != 3 || !is_ident(w[2]))
			return bad(o, "'lock' needs NAME KIND (NAME a global, or STRUCT.FIELD)");
		if (ue_rs.lock)
			return bad(o, "a second 'lock' line (one tracked lock per rule set)");
		if (strchr(w[1], '.')) {
			/* A per-object lock: the field of the guarded object. */
			if (!split_field(o, w[1], &ue_rs.lock_type, &ue_rs.lock))
				return false;
		} else if (!is_ident(w[1])) {
			return bad(o, "'lock' needs NAME KIND (NAME a global, or STRUCT.FIELD)");
		} else {
			ue_rs.lock = xstrdup(w[1]);
		}
		ue_rs.lock_word = xstrdup(w[1]);
		ue_rs.lock_kind = xstrdup(w[2]);
		ue_rs.lock_origin = xstrdup(o->file);
		ue_rs.lock_line = o->line;
		return true;
	}
	if (!strcmp(w[0], "guard")) {
		struct guard_rule g;

		if (n != 3)
			return bad(o, "'guard' needs STRUCT.FIELD LOCK");
		if (!split_field(o, w[1], &g.type, &g.field))
			return false;
		if (!ue_rs.lock || strcmp(w[2], ue_rs.lock_word))
			return bad(o, "'guard': '%s' is not the rule set's lock (a 'lock' line "
				   "before it names it)", w[2]);
		if (ue_rs.lock_type && strcmp(ue_rs.lock_type, g.type))
			return bad(o, "'guard': the lock '%s' is a field of another struct than "
				   "'%s' (a per-object lock guards its own object)", w[2], g.type);
		for (unsigned int i = 0; i < ue_rs.nguards; i++)
			if (!strcmp(ue_rs.guards[i].type, g.type) &&
			    !strcmp(ue_rs.guards[i].field, g.field))
				return bad(o, "'guard %s' a second time", w[1]);
		if (ue_rs.nguards == ue_rs.guards_cap) {
			ue_rs.guards_cap = ue_rs.guards_cap ? 2 * ue_rs.guards_cap : 4;
			ue_rs.guards = XRESIZEVEC(struct guard_rule, ue_rs.guards,
						  ue_rs.guards_cap);
		}
		ue_rs.guards[ue_rs.nguards++] = g;
		return true;
	}
	if (!strcmp(w[0], "refs"))
		return parse_refs(o, w, n);
	return bad(o, "unknown keyword '%s' (include, lock-api, lock-guard, lock, guard, refs)", w[0]);
}

static bool load_text(const char *file, const char *text, bool is_builtin, int depth)
{
	struct origin o = { file, 0 };
	char *copy = xstrdup(text);
	char *save = copy;
	bool ok = true;

	while (ok && save) {
		char *line = save;
		char *nl = strchr(save, '\n');

		if (nl)
			*nl = 0;
		save = nl ? nl + 1 : NULL;
		o.line++;
		ok = parse_line(&o, line, is_builtin, depth);
	}
	free(copy);
	return ok;
}

/* What the rule set as a whole must say. */
static bool complete(const char *file)
{
	struct origin o = { file, 0 };
	bool kind_known = false;

	if (!ue_rs.nguards && !ue_rs.ref_type)
		return bad(&o, "the rule set checks nothing: no 'guard' and no 'refs' line");
	if (ue_rs.lock) {
		for (unsigned int i = 0; i < ue_rs.nlock_apis && !kind_known; i++)
			kind_known = !strcmp(ue_rs.lock_apis[i].kind, ue_rs.lock_kind);
		o.file = ue_rs.lock_origin;
		o.line = ue_rs.lock_line;
		if (!kind_known)
			return bad(&o, "lock '%s': no 'lock-api %s' lines (include "
				   "kernel-locks.ruleset?)", ue_rs.lock_word, ue_rs.lock_kind);
	}
	return true;
}

char *ruleset_read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t len = 0, cap = 0, got;

	if (!f)
		return NULL;
	inputs_note(path);
	do {
		if (cap - len < 4096) {
			cap = cap ? 2 * cap : 8192;
			text = XRESIZEVEC(char, text, cap + 1);
		}
		got = fread(text + len, 1, cap - len, f);
		len += got;
	} while (got);
	fclose(f);
	text[len] = 0;
	return text;
}

const char *ruleset_builtin_names(void)
{
	static char list[256];

	if (!list[0])
		for (size_t i = 0; i < ARRAY_SIZE(builtin_rulesets); i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 i ? ", " : "", builtin_rulesets[i].name);
	return list;
}

/*
 * SPEC is a file, or the name of a built-in rule set with or without its
 * .ruleset (user_events).
 */
bool ruleset_load(const char *spec)
{
	const struct builtin_ruleset *b = NULL;
	char *text = ruleset_read_file(spec);
	bool ok;

	memset(&ue_rs, 0, sizeof(ue_rs));
	ue_rs.source = xstrdup(spec);
	if (!text && !strchr(spec, '/')) {
		char *full = concat(spec, ".ruleset", NULL);

		b = builtin(spec);
		if (!b)
			b = builtin(full);
		free(full);
	}
	if (b)
		return load_text(b->name, b->text, true, 0) && complete(b->name);
	if (!text) {
		error("uecheck: cannot read the rule set '%s': %s (uecheck's own: %s)", spec,
		      xstrerror(errno), ruleset_builtin_names());
		return false;
	}
	ok = load_text(spec, text, false, 0) && complete(spec);
	free(text);
	return ok;
}

/* The lock kind of a declaration of TYPE, as the rule set's kinds say it. */
const char *ruleset_kind_of_type(tree type)
{
	static const struct {
		const char *type, *kind;
	} kinds[] = {
		{ "mutex", "mutex" },
		{ "spinlock", "spinlock" }, { "spinlock_t", "spinlock" },
		{ "raw_spinlock", "spinlock" }, { "raw_spinlock_t", "spinlock" },
		{ "rw_semaphore", "rwsem" },
		{ "rwlock_t", "rwlock" },
	};

	for (int pass = 0; pass < 2 && type; pass++) {
		tree name = TYPE_NAME(pass ? TYPE_MAIN_VARIANT(type) : type);

		if (name && TREE_CODE(name) == TYPE_DECL)
			name = DECL_NAME(name);
		if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
			if (!strcmp(IDENTIFIER_POINTER(name), kinds[i].type))
				return kinds[i].kind;
	}
	return NULL;
}
