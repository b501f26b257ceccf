/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing hints for spatch (cocci/run.sh passes --macro-file).  Coccinelle
 * 1.1.1 cannot parse the statement argument of scoped_cond_guard() and
 * skips the whole function; as an iterator it parses (the fail statement
 * is dropped).
 */
#define scoped_cond_guard(_name, _fail, args...) YACFE_ITERATOR
