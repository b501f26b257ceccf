// SPDX-License-Identifier: GPL-2.0
/*
 * diag.c - every finding leaves the plugin through here.
 *
 * Format (docs/interfaces.md):
 *   FILE:LINE:COL: warning: MESSAGE [uecheck:RULE-ID]
 *   FILE:LINE:COL: note: MESSAGE
 * With -fplugin-arg-uecheck-werror the first line is an error.  A finding
 * is reported once per rule and location, however many paths reach it.
 */
#include "uecheck.h"

struct emitted {
	enum ue_rule rule;
	location_t loc;
};

static struct emitted *seen;
static unsigned int nseen, seen_cap;
static bool last_emitted;	/* notes follow only an emitted finding */
/*
 * A finding and its notes form one diagnostic group, so that GCC's
 * structured outputs (-fdiagnostics-format=json, sarif) nest the notes
 * as the finding's children.  Open from a finding to the next one.
 */
static auto_diagnostic_group *group;

/* Report where the user wrote the code, not inside a macro's definition. */
static location_t written_at(location_t loc)
{
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

static bool already_seen(enum ue_rule rule, location_t loc)
{
	for (unsigned int i = 0; i < nseen; i++)
		if (seen[i].rule == rule && seen[i].loc == loc)
			return true;
	if (nseen == seen_cap) {
		seen_cap = seen_cap ? 2 * seen_cap : 64;
		seen = XRESIZEVEC(struct emitted, seen, seen_cap);
	}
	seen[nseen].rule = rule;
	seen[nseen].loc = loc;
	nseen++;
	return false;
}

void diag_end_group(void)
{
	delete group;
	group = NULL;
}

void diag_reset_function(void)
{
	diag_end_group();
	last_emitted = false;
}

bool diag_finding(enum ue_rule rule, location_t loc, const char *fixit_text,
		  location_t fixit_before, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	loc = written_at(loc);
	rich_location rich(line_table, loc);

	last_emitted = false;
	diag_end_group();
	if (!(ue_cfg.rules & (1u << rule)) || already_seen(rule, loc))
		return false;
	group = new auto_diagnostic_group;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (fixit_text && fixit_before != UNKNOWN_LOCATION)
		rich.add_fixit_insert_before(fixit_before, fixit_text);
	if (ue_cfg.werror)
		error_at(&rich, "%s [uecheck:%s]", msg, rule_id(rule));
	else {
		/*
		 * A kernel built with -Werror must not fail because of us:
		 * only -fplugin-arg-uecheck-werror makes findings errors.
		 */
		bool as_error = compat_werror_requested();

		compat_set_werror_requested(false);
		warning_at(&rich, 0, "%s [uecheck:%s]", msg, rule_id(rule));
		compat_set_werror_requested(as_error);
	}
	last_emitted = true;
	return true;
}

void diag_note(location_t loc, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!last_emitted)
		return;
	loc = written_at(loc);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	inform(loc == UNKNOWN_LOCATION ? input_location : loc, "%s", msg);
}
