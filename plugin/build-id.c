// SPDX-License-Identifier: GPL-2.0
/*
 * build-id.c - which build of the analysis this uecheck-core.so is: the
 * hash of every other object linked into it (gen/build-id.h, written by
 * the Makefile).  loader.c is compiled with the same hash and refuses a
 * core of another build; and since the loader's bytes change whenever the
 * analysis does, a build cache that keys a compile on the -fplugin= file
 * (ccache) sees every change of the analysis.
 */
#include "build-id.h"

extern "C" __attribute__((visibility("default")))
const char uecheck_build_id[] = UECHECK_BUILD_ID;
