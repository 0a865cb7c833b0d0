/* SPDX-License-Identifier: Apache-2.0
 * tables.c: the one definition of smsrep__tables[] (tables.h), linked into
 * the library (catalogue.c counts by it) and the builder (which loads by it). */
#include <stddef.h>

#define SMSREP__TABLES_DEFINE
#include "tables.h"
