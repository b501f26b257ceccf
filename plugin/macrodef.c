// SPDX-License-Identifier: GPL-2.0
/*
 * macrodef.c - an annotation written inside a macro's definition.
 *
 * 7.x writes some annotations in macros: list.h's
 *	#define LIST_HEAD_GUARDED(name, lock) __guarded_by(&(lock)) LIST_HEAD(name)
 * and lib/test_context-analysis.c builds whole structs in one.  The text
 * at the annotation's spelling is the definition's, in terms of its
 * parameters; what it means is in the invocation at the expansion point.
 * One level is read: a parameter is replaced only when the macro holding
 * the annotation is the one invoked where the developer wrote code.
 * Anything else is not read, never guessed.
 */
#include "uecheck.h"

#define MAX_PARAMS	16
#define NAME_MAX_LEN	64

struct macro_def {
	char name[NAME_MAX_LEN];
	char param[MAX_PARAMS][NAME_MAX_LEN];
	int nparams;
	bool variadic;		/* ...: __VA_ARGS__ is the rest */
};

static bool ends_in_backslash(const char *text, int len)
{
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r'))
		len--;
	return len && text[len - 1] == '\\';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *read_ident(const char *p, const char *end, char *out)
{
	int n = 0;

	if (p >= end || !(ISIDST(*p)))
		return NULL;
	while (p < end && ISIDNUM(*p)) {
		if (n + 1 >= NAME_MAX_LEN)
			return NULL;
		out[n++] = *p++;
	}
	out[n] = '\0';
	return p;
}

/*
 * The #define whose body holds LINE of FILE: back over continued lines to
 * the directive.  False when LINE is not in one (then it is code as
 * written) or its head cannot be read.
 */
static bool find_definition(const char *file, int line, struct macro_def *d)
{
	int len;
	const char *text, *end, *p;

	while (line > 1 && (text = source_line(file, line - 1, &len)) &&
	       ends_in_backslash(text, len))
		line--;
	text = source_line(file, line, &len);
	if (!text)
		return false;
	end = text + len;
	p = skip_blanks(text, end);
	if (p == end || *p != '#')
		return false;
	p = skip_blanks(p + 1, end);
	if (end - p < 6 || strncmp(p, "define", 6))
		return false;
	p = read_ident(skip_blanks(p + 6, end), end, d->name);
	if (!p)
		return false;
	d->nparams = 0;
	d->variadic = false;
	if (p == end || *p != '(')
		return true;		/* object-like: no parameters */
	for (p++;;) {
		p = skip_blanks(p, end);
		if (p < end && *p == ')')
			return true;
		if (end - p >= 3 && !strncmp(p, "...", 3)) {
			d->variadic = true;
			p += 3;
		} else {
			if (d->nparams == MAX_PARAMS)
				return false;
			p = read_ident(p, end, d->param[d->nparams]);
			if (!p)
				return false;
			d->nparams++;
			if (end - p >= 3 && !strncmp(p, "...", 3))
				return false;	/* GNU's named rest: not read */
		}
		p = skip_blanks(p, end);
		if (p < end && *p == ',')
			p++;
		else if (p >= end || *p != ')')
			return false;
	}
}

/* The parameter (or -1, or nparams for __VA_ARGS__) NAME is. */
static int param_index(const struct macro_def *d, const char *name)
{
	for (int i = 0; i < d->nparams; i++)
		if (!strcmp(d->param[i], name))
			return i;
	if (d->variadic && !strcmp(name, "__VA_ARGS__"))
		return d->nparams;
	return -1;
}

/* ARGS (blanks already gone) split at its top-level commas, in place. */
static int split_args(char *args, char **out, int max)
{
	int n = 0, depth = 0;

	out[n++] = args;
	for (char *p = args; *p; p++) {
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (*p == ')' || *p == ']' || *p == '}')
			depth--;
		else if (*p == ',' && !depth) {
			if (n == max)
				return -1;
			*p = '\0';
			out[n++] = p + 1;
		}
	}
	return n;
}

static bool append(char *buf, size_t size, size_t *n, const char *s, size_t len)
{
	if (*n + len + 1 > size)
		return false;
	memcpy(buf + *n, s, len);
	*n += len;
	buf[*n] = '\0';
	return true;
}

/*
 * TEXT (blanks gone) with D's parameters replaced by ARGS, into BUF; a
 * parenthesised parameter given an identifier loses its parentheses, so
 * "&(lock)" reads "&nvmf_transports_rwsem" and "(f)->lock" "foo->lock".
 */
static bool substitute(const char *text, const struct macro_def *d, char **args, int nargs,
		       char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (const char *p = text; *p;) {
		char id[NAME_MAX_LEN];
		const char *q;
		int i;

		if (*p == '#')
			return false;	/* stringified or pasted: not read */
		if (!ISIDST(*p) || (p > text && ISIDNUM(p[-1]))) {
			if (!append(buf, size, &n, p, 1))
				return false;
			p++;
			continue;
		}
		q = read_ident(p, p + strlen(p), id);
		if (!q)
			return false;
		i = param_index(d, id);
		if (i < 0) {
			if (!append(buf, size, &n, p, q - p))
				return false;
		} else if (i < d->nparams) {
			bool plain = true;

			if (i >= nargs)
				return false;
			for (const char *a = args[i]; *a; a++)
				plain = plain && ISIDNUM(*a);
			/* "(param)" given an identifier: the identifier. */
			if (plain && n && buf[n - 1] == '(' && *q == ')' &&
			    (n < 2 || !ISIDNUM(buf[n - 2]))) {
				buf[--n] = '\0';
				q++;
			}
			if (!append(buf, size, &n, args[i], strlen(args[i])))
				return false;
		} else {
			/* __VA_ARGS__: the rest, commas and all. */
			for (int k = d->nparams; k < nargs; k++)
				if ((k > d->nparams && !append(buf, size, &n, ",", 1)) ||
				    !append(buf, size, &n, args[k], strlen(args[k])))
					return false;
		}
		p = q;
	}
	return true;
}

bool macrodef_resolve(const expanded_location *spelled, const struct srcpos *at,
		      char *arg, size_t size)
{
	struct macro_def d;
	char call[256], *args[MAX_PARAMS + 8], out[256];
	bool names_param = false;
	int nargs;

	/* Written where it was expanded: as written. */
	if (!strcmp(spelled->file, at->file) && spelled->line == at->line &&
	    spelled->column == at->col)
		return true;
	if (!find_definition(spelled->file, spelled->line, &d))
		return true;	/* in a macro's argument: as written too */
	for (const char *p = arg; *p;) {
		char id[NAME_MAX_LEN];
		const char *q;

		if (!ISIDST(*p) || (p > arg && ISIDNUM(p[-1]))) {
			p++;
			continue;
		}
		q = read_ident(p, p + strlen(p), id);
		if (!q)
			return false;
		names_param = names_param || param_index(&d, id) >= 0;
		p = q;
	}
	if (!names_param)
		return true;	/* "&lock" of a struct the macro builds */
	/* The invocation where the developer wrote code must be this macro's. */
	if (!macro_call_text(at->file, at->line, at->col, d.name, call, sizeof(call)))
		return false;
	nargs = *call ? split_args(call, args, ARRAY_SIZE(args)) : 0;
	if (nargs < 0 || nargs < d.nparams || (nargs > d.nparams && !d.variadic) ||
	    !substitute(arg, &d, args, nargs, out, sizeof(out)) || strlen(out) >= size)
		return false;
	strcpy(arg, out);
	return true;
}
