// SPDX-License-Identifier: GPL-2.0
/*
 * loader.c - the file GCC loads (uecheck.so).  It checks that this GCC is
 * the one the plugin was built for, then loads the analysis,
 * uecheck-core.so, from the same directory and hands it the plugin_init
 * call.
 *
 * Why two files: GCC opens a plugin with dlopen(RTLD_NOW), which fails at
 * the first internal symbol the running GCC does not export, before any
 * plugin code runs.  Built for GCC 14 and loaded by GCC 16, the user would
 * see only GCC's "undefined symbol: _ZNK6vrange6fits_pERKS_".  This file
 * uses nothing of GCC but plugin_default_version_check() and error(),
 * which every GCC from 11 to 16 exports under the same names, so the
 * refusal is always uecheck's own single line.
 *
 * The loader is compiled with the build identity of the core it belongs
 * to (build-id.c) and refuses any other: an analysis rebuilt behind an old
 * loader, or copied from elsewhere, never runs under a name that stands
 * for another build.  This is also what makes the loader's bytes change
 * with the analysis, for build caches that hash the -fplugin= file.
 */
#include "gcc-plugin.h"
#include "diagnostic-core.h"
#include "plugin-version.h"
#include <dlfcn.h>
#include "build-id.h"

__attribute__((visibility("default"))) int plugin_is_GPL_compatible;

#define CORE_NAME	"uecheck-core.so"
#define CORE_INIT	"uecheck_core_init"
#define CORE_ID		"uecheck_build_id"

typedef int (*core_init_fn)(struct plugin_name_args *, struct plugin_gcc_version *);

/* The core's path: CORE_NAME beside the file GCC was given with -fplugin=. */
static char *core_path(const char *loader)
{
	const char *slash = strrchr(loader, '/');
	size_t dir = slash ? (size_t)(slash - loader + 1) : 0;
	char *path = (char *)xmalloc(dir + sizeof(CORE_NAME));

	memcpy(path, loader, dir);
	memcpy(path + dir, CORE_NAME, sizeof(CORE_NAME));
	return path;
}

__attribute__((visibility("default")))
int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	char *path;
	void *core;
	core_init_fn init;
	const char *id;

	/*
	 * Bad setup stops the compiler with our one line, rather than adding
	 * GCC's generic "failed to initialize plugin" after it.
	 */
	if (!plugin_default_version_check(version, &gcc_version)) {
		error("uecheck: this plugin was built for GCC %s and cannot run in GCC %s; "
		      "rebuild it with this compiler (make CC=...)",
		      gcc_version.basever, version->basever);
		exit(FATAL_EXIT_CODE);
	}
	path = core_path(info->full_name);
	core = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!core) {
		error("uecheck: cannot load the analysis: %s (it belongs beside %s)",
		      dlerror(), info->full_name);
		exit(FATAL_EXIT_CODE);
	}
	init = (core_init_fn)dlsym(core, CORE_INIT);
	if (!init) {
		error("uecheck: %s has no %s: it is not uecheck's analysis", path, CORE_INIT);
		exit(FATAL_EXIT_CODE);
	}
	id = (const char *)dlsym(core, CORE_ID);
	if (!id || strcmp(id, UECHECK_BUILD_ID)) {
		error("uecheck: %s is not the analysis %s was built with; "
		      "install or rebuild both together (make)", path, info->full_name);
		exit(FATAL_EXIT_CODE);
	}
	free(path);
	return init(info, version);
}
