// SPDX-License-Identifier: GPL-2.0
/*
 * source.c - lines of a source file as written, for reading a macro's
 * argument (macros.c).
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
