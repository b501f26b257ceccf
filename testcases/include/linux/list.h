/* SPDX-License-Identifier: GPL-2.0 */
/* uecheck test stubs: a doubly linked list with the kernel's names. */
#ifndef _UECHECK_STUB_LINUX_LIST_H
#define _UECHECK_STUB_LINUX_LIST_H

#include <linux/stddef.h>
#include <linux/types.h>

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)
/* 7.x: the annotation inside the macro, in terms of its parameter. */
#define LIST_HEAD_GUARDED(name, lock) \
	__guarded_by(&(lock)) LIST_HEAD(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

/* Inserts new right after head. */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	struct list_head *next = head->next;

	next->prev = new;
	new->next = next;
	new->prev = head;
	head->next = new;
}

/* Reads only: a pointer to a list it is given is not written through. */
static inline int list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_entry(ptr, type, member)	container_of(ptr, type, member)

#define list_for_each_entry(pos, head, member)				\
	for (pos = list_entry((head)->next, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

#endif
