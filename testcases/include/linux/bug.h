/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: WARN_ON, as used by the lockdep assertions. */
#ifndef _UECHECK_STUB_LINUX_BUG_H
#define _UECHECK_STUB_LINUX_BUG_H

#include <linux/compiler_types.h>

extern void warn_slowpath(void);

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		warn_slowpath();					\
	unlikely(__ret_warn_on);					\
})

#endif
