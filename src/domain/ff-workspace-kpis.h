/* ff-workspace-kpis.h — the key figures of each workspace's overview, from real aggregates. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kpi.h"
#include "ff-store.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

/* The overview figures of @workspace as FfKpi*, as of @today (YYYY-MM-DD, local date; NULL
 * means today). Runs a handful of aggregate queries; call it from a worker. */
GPtrArray *ff_workspace_kpis_compute (FfStore      *store,
                                      FfWorkspace   workspace,
                                      const char   *today,
                                      GError      **error);

G_END_DECLS
