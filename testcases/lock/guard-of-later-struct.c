// SPDX-License-Identifier: GPL-2.0
/*
 * A struct used as the type of a later struct's field: the guard written
 * at the later struct's first field is that field's, not the earlier
 * struct's last field's (mm/kfence/kfence.h: struct kfence_track, then
 * struct kfence_metadata's list __guarded_by(&kfence_freelist_lock); the
 * C parser tells of kfence_track again at "struct kfence_track
 * alloc_track", and its stack_entries looked guarded by the freelist lock).
 */
/* uecheck-engines: gcc -- __guarded_by() is read through the preprocessor by the plugin; the Coccinelle scripts check the rule set's guard lines */
#include <uecheck-test.h>

extern spinlock_t freelist_lock;

struct track {
	int cpu;
	unsigned long entries[4];
};

struct meta {
	struct list_head list __guarded_by(&freelist_lock);
	spinlock_t lock;
	struct track alloc_track __guarded_by(&lock);
};

/* Reads a struct track: no lock at all is needed for that. */
static unsigned long first_entry(struct track *t)
{
	return t->entries[0];
}

unsigned long meta_first_entry(struct meta *m)
{
	unsigned long e;

	spin_lock(&m->lock);
	e = first_entry(&m->alloc_track);
	spin_unlock(&m->lock);
	return e;
}

unsigned long meta_after_unlock(struct meta *m)
{
	spin_lock(&m->lock);
	spin_unlock(&m->lock);
	return m->alloc_track.cpu;	/* expect: unguarded-access */
}
