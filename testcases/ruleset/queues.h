/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The API of testcases/ruleset/queue-*.c: queues.ruleset's struct queue.
 * head and tail are guarded by its lock through the rule set; len and
 * flags by their annotations; seq by another lock (not the rule set's),
 * cap and id by none.
 */
#ifndef _UECHECK_QUEUES_H
#define _UECHECK_QUEUES_H

#include <uecheck-test.h>

struct queue {
	struct mutex lock;
	spinlock_t seq_lock;
	int head, tail;
	int len __guarded_by(&lock);
	int flags __guarded_by(&lock), cap;
	int seq __guarded_by(&seq_lock);
	int id;
};

void use_value(int v);

#endif
