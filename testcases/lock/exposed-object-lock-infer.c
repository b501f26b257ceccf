// SPDX-License-Identifier: GPL-2.0
/*
 * Outside Clang's contract (the default, contract=kbuild, where no kbuild
 * Makefile opts the file in; or contract=infer), a function callable from
 * outside trusts its callers to hold a per-object lock of a parameter's
 * object, as they mostly do: silent (exposed-object-lock.c has the same
 * functions under contract=clang).  A lock this function dropped is still
 * its own finding.
 */
/* uecheck-engines: gcc -- __guarded_by() and __must_hold() are read through the preprocessor by the plugin */
#include <uecheck-test.h>

struct port {
	struct mutex mtx;
	int opens __guarded_by(&mtx);
};

static void port_open_declared(struct port *p) __must_hold(&p->mtx)
{
	p->opens++;
}

void port_opened(struct port *p)
{
	p->opens++;
	port_open_declared(p);
}

static void port_callback(struct port *p)
{
	p->opens = 0;
}

void (*port_reset_hook)(struct port *) = port_callback;

void port_drop_then_count(struct port *p)
{
	mutex_lock(&p->mtx);
	p->opens++;
	mutex_unlock(&p->mtx);
	p->opens++;				/* expect: unguarded-access */
}
