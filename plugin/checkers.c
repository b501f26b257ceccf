// SPDX-License-Identifier: GPL-2.0
/*
 * checkers.c - the table of checkers.def, for the engine to loop over.
 */
#include "engine.h"

const struct checker *const checkers[] = {
#define CHECKER(name) &name##_checker,
#include "checkers.def"
#undef CHECKER
};

const unsigned int ncheckers = CHECKER_COUNT;
