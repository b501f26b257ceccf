// SPDX-License-Identifier: GPL-2.0
/*
 * Fields named 'next' that are not user_event_mm's: a local struct
 * pending list, and the list_head embedded in user_event_mm
 * (mm->mms_link.next is list_head's next).  None of these is protected by
 * event_mutex and no lock is involved anywhere: silent.
 */
#include <uecheck-test.h>

struct pending {
	struct pending *next;
	int id;
};

int count_pending(struct pending *head)
{
	int n = 0;

	for (; head; head = head->next)
		n++;
	return n;
}

void push_pending(struct pending **top, struct pending *p)
{
	p->next = *top;
	*top = p;
}

bool mm_unlinked(struct user_event_mm *mm)
{
	return mm->mms_link.next == &mm->mms_link;
}
