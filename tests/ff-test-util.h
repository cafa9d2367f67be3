/* ff-test-util.h — what many test programs need: temporary directories made and removed. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, for a directory, everything below it (not following links). */
void ff_test_rm_rf (const char *path);

G_END_DECLS
