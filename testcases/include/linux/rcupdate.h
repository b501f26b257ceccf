/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: RCU read-side markers (they do not hold event_mutex). */
#ifndef _UECHECK_STUB_LINUX_RCUPDATE_H
#define _UECHECK_STUB_LINUX_RCUPDATE_H

extern void rcu_read_lock(void);
extern void rcu_read_unlock(void);

#endif
