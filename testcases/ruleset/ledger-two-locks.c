// SPDX-License-Identifier: GPL-2.0
/*
 * ledgers.ruleset guards total with ledger_lock; the field's annotation
 * guards it with audit_lock too.  Each lock is checked in its own right:
 * holding one of them is not enough.  Where neither is held, both would
 * report the same rule at the same place: it is one finding (the rule
 * set's lock's words), not two.
 */
/* uecheck-options: ruleset=ledgers.ruleset */
/* uecheck-engines: gcc -- the annotation's lock is the plugin's (context analysis); the Coccinelle scripts check the rule set's lock */
#include <uecheck-test.h>

extern struct mutex ledger_lock;
extern struct mutex audit_lock;

struct ledger {
	int total __guarded_by(&audit_lock);
	int id;
};

void ledger_add_both(struct ledger *l, int v)
{
	mutex_lock(&ledger_lock);
	mutex_lock(&audit_lock);
	l->total = v;
	mutex_unlock(&audit_lock);
	mutex_unlock(&ledger_lock);
}

void ledger_add_rule_set_lock(struct ledger *l, int v)
{
	mutex_lock(&ledger_lock);
	l->total = v;			/* expect: unguarded-access */
	mutex_unlock(&ledger_lock);
}

void ledger_add_audit_lock(struct ledger *l, int v)
{
	mutex_lock(&audit_lock);
	l->total = v;			/* expect: unguarded-access */
	mutex_unlock(&audit_lock);
}

int ledger_total_after_unlock(struct ledger *l)
{
	mutex_lock(&ledger_lock);
	mutex_lock(&audit_lock);
	mutex_unlock(&audit_lock);
	mutex_unlock(&ledger_lock);
	return l->total;		/* expect: unguarded-access */
}

int ledger_id(struct ledger *l)
{
	return l->id;
}
