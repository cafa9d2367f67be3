/* ff-audit-trail.h — the writer and reader of the audit trail of regulated changes. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *at;         /* UTC ISO-8601 */
  char *username;
  char *table;
  char *row_id;
  char *field;      /* NULL for a whole-record event (created, deleted) */
  char *old_value;
  char *new_value;
  char *reason;
} FfAuditEntry;

void          ff_audit_entry_free    (FfAuditEntry *entry);

/* Appends one entry. Must run inside a write transaction of @store (the change it records is
 * written in the same one). @reason is required for regulated changes and may not be empty. */
gboolean      ff_audit_trail_record  (FfStore     *store,
                                      const char  *username,
                                      const char  *table,
                                      const char  *row_id,
                                      const char  *field,
                                      const char  *old_value,
                                      const char  *new_value,
                                      const char  *reason,
                                      GError     **error);
/* The entries of one row, oldest first, as FfAuditEntry*. */
GPtrArray    *ff_audit_trail_list    (FfStore     *store,
                                      const char  *table,
                                      const char  *row_id,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfAuditEntry, ff_audit_entry_free)

G_END_DECLS
