/* ff-tenant-stats.h — how many live records of each kind a tenant holds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-store.h"

G_BEGIN_DECLS

/* A JSON object: kind name -> count, keys in ff_kinds_get_all() order. */
JsonNode *ff_tenant_stats_collect (FfStore  *store,
                                   GError  **error);

G_END_DECLS
