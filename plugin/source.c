// SPDX-License-Identifier: GPL-2.0
/*
 * source.c - lines of a source file as written, a macro's invocation read
 * from them (the annotations' arguments: annotations.c, macrodef.c), the
 * line of a statement that names a global (engine.c), and source
 * positions (struct srcpos) of locations.
 *
 * GCC has its own line cache (input.cc), but it reads forward from the
 * last line it served: asking it for a line far ahead of the parser makes
 * its next -Wmisleading-indentation lookups rescan the file from the top,
 * which cost more than the whole rest of the macro handling.  So the
 * plugin reads the file itself, once, and indexes its lines.
 */
#include "uecheck.h"

#define CACHED_FILES 4	/* the unit, and the headers whose macros it uses */

struct source_file {
	char *path;
	char *text;
	size_t size;
	size_t *starts;		/* offset of each line, 1-based */
	int nlines;
};

static struct source_file cache[CACHED_FILES];
static unsigned int next_victim;

static void forget(struct source_file *sf)
{
	XDELETEVEC(sf->path);
	XDELETEVEC(sf->text);
	XDELETEVEC(sf->starts);
	memset(sf, 0, sizeof(*sf));
}

static bool load(struct source_file *sf, const char *file)
{
	FILE *f;
	long size;
	int cap = 1024;

	forget(sf);
	f = fopen(file, "rb");
	if (!f)
		return false;
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return false;
	}
	sf->text = XNEWVEC(char, size + 1);
	sf->size = fread(sf->text, 1, size, f);
	fclose(f);
	sf->text[sf->size] = '\0';
	sf->starts = XNEWVEC(size_t, cap + 1);
	sf->starts[1] = 0;
	sf->nlines = 1;
	for (const char *p = sf->text, *end = sf->text + sf->size;
	     (p = (const char *)memchr(p, '\n', end - p)) && ++p < end;) {
		if (sf->nlines == cap) {
			cap *= 2;
			sf->starts = XRESIZEVEC(size_t, sf->starts, cap + 1);
		}
		sf->starts[++sf->nlines] = p - sf->text;
	}
	sf->path = xstrdup(file);
	return true;
}

const char *source_line(const char *file, int line, int *len)
{
	struct source_file *sf = NULL;
	const char *start, *end;

	for (unsigned int i = 0; i < CACHED_FILES && !sf; i++)
		if (cache[i].path && !strcmp(cache[i].path, file))
			sf = &cache[i];
	if (!sf) {
		sf = &cache[next_victim++ % CACHED_FILES];
		if (!load(sf, file))
			return NULL;
	}
	if (line < 1 || line > sf->nlines)
		return NULL;
	start = sf->text + sf->starts[line];
	end = (const char *)memchr(start, '\n', sf->text + sf->size - start);
	*len = (int)((end ? end : sf->text + sf->size) - start);
	return start;
}

/* ---- a name in a statement as written ---------------------------------- */

/* Where the whole word NAME starts in LINE (LEN bytes), or -1. */
static int word_in(const char *line, int len, const char *name)
{
	size_t n = strlen(name);

	for (int i = 0; i + (int)n <= len; i++)
		if (!memcmp(line + i, name, n) && (i == 0 || !ISIDNUM(line[i - 1])) &&
		    (i + (int)n == len || !ISIDNUM(line[i + n])))
			return i;
	return -1;
}

/* A line that ends a statement or a block: no statement goes on past it. */
static bool ends_statement(const char *text, int len)
{
	return memchr(text, ';', len) || memchr(text, '{', len) || memchr(text, '}', len);
}

#define STATEMENT_LINES 8	/* how far a statement is read each way */

bool source_name_in_statement(const char *file, int line, const char *name,
			      int *at_line, int *at_col)
{
	const char *here, *text;
	int here_len, len, col;

	here = source_line(file, line, &here_len);
	if (!here)
		return false;
	col = word_in(here, here_len, name);
	*at_line = line;
	for (int l = line - 1; col < 0 && l >= 1 && l >= line - STATEMENT_LINES; l--) {
		text = source_line(file, l, &len);
		if (!text || ends_statement(text, len))
			break;
		col = word_in(text, len, name);
		*at_line = l;
	}
	text = here;
	len = here_len;
	for (int l = line + 1; col < 0 && l <= line + STATEMENT_LINES && !ends_statement(text, len);
	     l++) {
		text = source_line(file, l, &len);
		if (!text)
			break;
		col = word_in(text, len, name);
		*at_line = l;
	}
	*at_col = col + 1;
	return col >= 0;
}

/* ---- a macro invocation as written ------------------------------------- */

/*
 * Scan the invocation of the macro NAME at (file, line, col), at most
 * MAX_LINES lines, to its closing parenthesis (its position into *END_LINE,
 * *END_COL); with BUF, copy the text between the parentheses without
 * blanks into it.  Quoted text is skipped whole, comments are left out
 * (the preprocessor dropped them, as from a comment before the lock).
 * Returns false if the invocation cannot be read (then the annotation is
 * not trusted).
 */
bool source_macro_call(const char *file, int line, int col, const char *name,
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
			if (c == '\\' && i + 1 == len)
				continue;	/* a macro definition's continued line */
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
bool macro_call_text(const char *file, int line, int col, const char *name, char *buf,
		     size_t size)
{
	int end_line, end_col;

	return source_macro_call(file, line, col, name, buf, size, 8, &end_line, &end_col);
}

/* ---- source positions ---------------------------------------------------- */

/* LOC resolved out of macro expansions as KIND says. */
bool srcpos_resolved(location_t loc, enum location_resolution_kind kind,
		     struct srcpos *pos)
{
	expanded_location x;

	if (loc == UNKNOWN_LOCATION)
		return false;
	x = expand_location(linemap_resolve_location(line_table, loc, kind, NULL));
	if (!x.file || x.line <= 0)
		return false;
	pos->file = x.file;
	pos->line = x.line;
	pos->col = x.column;
	return true;
}

bool srcpos_of(location_t loc, struct srcpos *pos)
{
	return srcpos_resolved(loc, LRK_MACRO_EXPANSION_POINT, pos);
}

/*
 * The order in which A (at LA) and B (at LB) are written: by where the
 * source has them, and for two parts of one macro invocation (a function
 * a macro makes whole) by where the macro's definition has them; 0 when
 * nothing tells.
 */
int srcpos_written_cmp(const struct srcpos *a, location_t la, const struct srcpos *b,
		       location_t lb)
{
	struct srcpos sa, sb;
	int c = srcpos_cmp(a, b);

	if (c || !srcpos_resolved(la, LRK_SPELLING_LOCATION, &sa) ||
	    !srcpos_resolved(lb, LRK_SPELLING_LOCATION, &sb) || strcmp(sa.file, sb.file))
		return c;
	return srcpos_cmp(&sa, &sb);
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

/* Declarations in source order; those without a position after, by creation. */
int decl_position_cmp(tree a, tree b)
{
	struct srcpos x, y;
	bool has_x = srcpos_of(DECL_SOURCE_LOCATION(a), &x);
	bool has_y = srcpos_of(DECL_SOURCE_LOCATION(b), &y);

	/*
	 * A total order, as qsort needs: those with a place first, by place;
	 * then the others by UID (mixing the two keys could go round in a
	 * circle).
	 */
	if (has_x != has_y)
		return has_x ? -1 : 1;
	if (!has_x)
		return DECL_UID(a) < DECL_UID(b) ? -1 : DECL_UID(a) > DECL_UID(b);
	return srcpos_cmp(&x, &y);
}
