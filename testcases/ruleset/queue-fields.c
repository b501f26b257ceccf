// SPDX-License-Identifier: GPL-2.0
/*
 * queues.ruleset: every field the queue's own lock guards, by a guard line
 * (head, tail) or by __guarded_by(&lock) (len, flags), is checked against
 * that object's lock; cap (declared after flags), seq (another lock) and
 * id are not.
 */
/* uecheck-options: ruleset=queues.ruleset */
/* uecheck-engines: gcc -- a per-object lock and two guard lines: the Coccinelle scripts check one field of a global lock (cocci/run.sh refuses the rule set) */
#include "queues.h"

void queue_push(struct queue *q, int v)
{
	mutex_lock(&q->lock);
	q->head = v;
	q->tail++;
	q->len++;
	q->flags = 0;
	mutex_unlock(&q->lock);
}

int queue_tail_after_unlock(struct queue *q)
{
	mutex_lock(&q->lock);
	mutex_unlock(&q->lock);
	return q->tail;			/* expect: unguarded-access */
}

int queue_len_after_unlock(struct queue *q)
{
	int n;

	mutex_lock(&q->lock);
	n = q->head;
	mutex_unlock(&q->lock);
	return n + q->len;		/* expect: unguarded-access */
}

void queue_flags_after_unlock(struct queue *q)
{
	mutex_lock(&q->lock);
	mutex_unlock(&q->lock);
	q->flags = 1;			/* expect: unguarded-access */
}

int queue_unguarded_fields(struct queue *q)
{
	mutex_lock(&q->lock);
	mutex_unlock(&q->lock);
	return q->cap + q->seq + q->id;
}

static int len_of(struct queue *q)
{
	return q->len;
}

void queue_report(struct queue *q)
{
	mutex_lock(&q->lock);
	use_value(len_of(q));
	mutex_unlock(&q->lock);
	use_value(len_of(q));		/* expect: lock-required */
}
