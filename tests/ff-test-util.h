/* ff-test-util.h — what many test programs need: temporary directories and tenants made and
 * removed, one-value queries, files read. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

#include "ff-store.h"
#include "ff-record.h"
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
/* A fresh directory (named after @prefix) with a new tenant database "tenant.db" keyed with a
 * random key, opened with @flags | FF_STORE_OPEN_CREATE; @tenant_id may be NULL. */
FfStore *ff_test_store_make  (const char        *prefix,
                              const char        *tenant_id,
                              FfStoreOpenFlags   flags,
                              char             **out_dir);
/* Closes what ff_test_tenant_make() made and removes the directory. */
void   ff_test_tenant_remove (char      **dir,
                              FfVault   **vault,
                              FfSession **session);
/* Inserts a record of @kind_name as the session's user: field name, value, ..., NULL. A failure
 * ends the test. */
FfRecord *ff_test_insert     (FfSession  *session,
                              const char *kind_name,
                              ...) G_GNUC_NULL_TERMINATED;
/* The single integer a query returns (a count). */
gint64  ff_test_query_int     (FfStore    *store,
                               const char *sql);
/* The text of the first column of the first row a query returns (NULL for NULL). */
char   *ff_test_query_text    (FfStore    *store,
                               const char *sql);
/* Runs SQL that returns no rows; a failure ends the test. */
void    ff_test_exec          (FfStore    *store,
                               const char *sql);
/* The whole content of a file; a failure ends the test. */
GBytes *ff_test_read_file     (const char *path);
/* TRUE when @path with @suffix appended (may be "") exists. */
gboolean ff_test_file_exists  (const char *path,
                               const char *suffix);

G_END_DECLS
