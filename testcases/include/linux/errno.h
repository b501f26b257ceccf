/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: the error numbers testcases return. */
#ifndef _UECHECK_STUB_LINUX_ERRNO_H
#define _UECHECK_STUB_LINUX_ERRNO_H

#define ENOENT		2
#define EINTR		4
#define EAGAIN		11
#define ENOMEM		12
#define EBUSY		16
#define EINVAL		22

#endif
