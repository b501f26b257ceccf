/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - the one place where uecheck deals with GCC's headers and with
 * differences between GCC releases.  Analysis code includes this and never
 * tests GCC versions itself.  Supported: GCC 11 to GCC 16.
 *
 * What changed between them, and where it is absorbed:
 *   GCC 13  diagnostic_context's -Werror flag became private, behind
 *           warning_as_error_requested_p() / set_warning_as_error_requested()
 *   GCC 14  last_stmt() was removed (gsi_last_nondebug_bb() exists in all)
 *   GCC 12  -ftrivial-auto-var-init (the kernel's INIT_STACK_ALL_ZERO)
 *           writes automatic variables through .DEFERRED_INIT calls
 *   GCC 16  diagnostic_context became diagnostics::context; global_dc and
 *           the methods above kept their names
 */
#ifndef UECHECK_COMPAT_H
#define UECHECK_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tm.h"
#include "line-map.h"
#include "input.h"
#include "tree.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "dominance.h"
#include "toplev.h"
#include "intl.h"
#include "cpplib.h"
/* c-common.h must come before the diagnostic headers. */
#include "c-family/c-common.h"
#include "c-family/c-pragma.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "gcc-rich-location.h"
#include "tree-pass.h"
#include "context.h"
#include "cgraph.h"
#include "gimple.h"
#include "gimple-expr.h"
#include "gimple-iterator.h"
#include "tree-cfg.h"
#include "ssa.h"
#include "tree-ssanames.h"
#include "tree-dfa.h"
#include "stringpool.h"
#include "hash-map.h"
#include "langhooks.h"

#define UECHECK_GCC_VERSION (BUILDING_GCC_MAJOR * 1000 + BUILDING_GCC_MINOR)

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 16
# error "uecheck supports the plugin headers of GCC 11 to GCC 16"
#endif

/* -Werror as given to GCC (not -Werror=OPTION). */
static inline bool compat_werror_requested(void)
{
#if BUILDING_GCC_MAJOR >= 13
	return global_dc->warning_as_error_requested_p();
#else
	return global_dc->warning_as_error_requested;
#endif
}

static inline void compat_set_werror_requested(bool on)
{
#if BUILDING_GCC_MAJOR >= 13
	global_dc->set_warning_as_error_requested(on);
#else
	global_dc->warning_as_error_requested = on;
#endif
}

/*
 * The automatic initialisation of a variable (-ftrivial-auto-var-init):
 * not a value the program stores.  GCC 16 also emits it for the
 * temporaries of statement expressions.
 */
static inline bool compat_is_auto_var_init(const gimple *stmt)
{
#if BUILDING_GCC_MAJOR >= 12
	return is_gimple_call(stmt) && gimple_call_internal_p(stmt) &&
	       gimple_call_internal_fn(stmt) == IFN_DEFERRED_INIT;
#else
	return false;
#endif
}

/*
 * libcpp's mkdeps.h, which is not among the plugin headers: one more
 * dependency of the compile (-MD).  This has been its form since GCC 10.
 */
class mkdeps;
extern void deps_add_dep(class mkdeps *, const char *);

/* The last statement of BB that is not a debug statement, or NULL. */
static inline gimple *compat_last_stmt(basic_block bb)
{
	gimple_stmt_iterator gsi = gsi_last_nondebug_bb(bb);

	return gsi_end_p(gsi) ? NULL : gsi_stmt(gsi);
}

#endif /* UECHECK_COMPAT_H */
