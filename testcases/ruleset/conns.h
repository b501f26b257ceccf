/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The API of testcases/ruleset/conn-*.c: conns.ruleset's struct conn, whose
 * state is guarded by its own lock, declared only.
 */
#ifndef _UECHECK_CONNS_H
#define _UECHECK_CONNS_H

#include <uecheck-test.h>

struct conn {
	spinlock_t lock;
	int state;		/* only valid under lock */
	struct conn *next;
	refcount_t ref;
};

struct conn *conn_get(struct conn *c);
void conn_put(struct conn *c);
struct conn *conn_lookup(int id);
void use_state(int state);

#endif
