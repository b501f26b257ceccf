/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - the one place where uecheck deals with GCC's headers and with
 * differences between GCC releases.  Analysis code includes this and never
 * tests GCC versions itself.  Supported: GCC 11 and GCC 12.
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

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
# error "uecheck supports GCC 11 and GCC 12 plugin headers"
#endif

/* -Werror as given to GCC (not -Werror=OPTION). */
static inline bool compat_werror_requested(void)
{
	return global_dc->warning_as_error_requested;
}

static inline void compat_set_werror_requested(bool on)
{
	global_dc->warning_as_error_requested = on;
}

#endif /* UECHECK_COMPAT_H */
