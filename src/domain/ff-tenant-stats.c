/* ff-tenant-stats.c — how many live records of each kind a tenant holds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-tenant-stats.h"

JsonNode *
ff_tenant_stats_collect (FfStore  *store,
                         GError  **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const FfKind *const *kinds;
  guint n_kinds;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);

  kinds = ff_kinds_get_all (&n_kinds);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store, kinds[i]);
      gint64 n = ff_record_repository_count (repo, error);
      if (n < 0)
        return NULL;
      json_builder_set_member_name (builder, kinds[i]->name);
      json_builder_add_int_value (builder, n);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
