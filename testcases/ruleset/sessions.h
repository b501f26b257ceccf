/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The API of testcases/ruleset/: sessions.ruleset's struct session, its
 * lock and its reference functions, declared only.
 */
#ifndef _UECHECK_SESSIONS_H
#define _UECHECK_SESSIONS_H

#include <uecheck-test.h>

struct session {
	struct session *peer;	/* only valid under sess_lock */
	refcount_t ref;
	int id;
};

extern spinlock_t sess_lock;

/* A new reference on s (s itself). */
struct session *session_hold(struct session *s);
/* The session with this id, with a reference, or NULL. */
struct session *session_find(int id);
/* Drop a reference; NULL does nothing. */
void session_release(struct session *s);

void use_session(struct session *s);

#endif
