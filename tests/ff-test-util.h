/* ff-test-util.h — what many test programs need: temporary directories made and removed. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

#include "ff-store.h"
#include "ff-vault.h"

G_BEGIN_DECLS

/* Removes @path and, for a directory, everything below it (not following links). */
void ff_test_rm_rf (const char *path);

/* A fresh data directory (named after @prefix) with one tenant whose administrator @admin is
 * signed in. */
void   ff_test_tenant_make   (const char  *prefix,
                              const char  *tenant,
                              const char  *admin,
                              const char  *password,
                              char       **out_dir,
                              FfVault    **out_vault,
                              FfSession  **out_session);
/* Closes what ff_test_tenant_make() made and removes the directory. */
void   ff_test_tenant_remove (char      **dir,
                              FfVault   **vault,
                              FfSession **session);
/* The single integer a query returns (a count). */
gint64 ff_test_query_int     (FfStore    *store,
                              const char *sql);

G_END_DECLS
