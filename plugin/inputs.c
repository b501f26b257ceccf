// SPDX-License-Identifier: GPL-2.0
/*
 * inputs.c - the files other than the source and its headers that decide
 * a unit's findings: a rule set file and the rule sets it includes
 * (ruleset=), the Makefile that locks=kbuild reads.  Each is added to the
 * compile's dependency list (-MD, -MMD, kbuild's -Wp,-MMD,...), so that
 * make recompiles, and so checks again, an object whose rule set or
 * Makefile changed, and ccache's depend mode (CCACHE_DEPEND) keys the
 * compile on them.  Without a dependency list nothing is written.
 *
 * The list is added to once the unit starts: the source file must come
 * first (kbuild's fixdep takes the first dependency as the source).
 */
#include "uecheck.h"

static vec<char *> pending;
static bool started;

static void add_dependency(const char *path)
{
	class mkdeps *deps = parse_in ? cpp_get_deps(parse_in) : NULL;

	if (deps)
		deps_add_dep(deps, path);
}

void inputs_note(const char *path)
{
	if (started) {
		add_dependency(path);
		return;
	}
	pending.safe_push(xstrdup(path));
}

static void on_start_unit(void *gcc_data, void *user_data)
{
	started = true;
	for (unsigned int i = 0; i < pending.length(); i++) {
		add_dependency(pending[i]);
		free(pending[i]);
	}
	pending.release();
}

void inputs_register(const char *plugin_name)
{
	register_callback(plugin_name, PLUGIN_START_UNIT, on_start_unit, NULL);
}
