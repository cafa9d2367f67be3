/* ff-overview.h — what a workspace's overview shows: its key figures and its trends, from real
 * aggregates of the tenant's records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ff-kpi.h"
#include "ff-series.h"
#include "ff-store.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *kpis;    /* FfKpi*, in the order shown */
  GPtrArray *trends;  /* FfSeries*, the charts below them */
} FfOverview;

/* The overview of @workspace as of @now (NULL: ff_clock_now()), days counted in the local time
 * zone. Runs a handful of aggregate queries; call it from a worker. */
FfOverview *ff_overview_compute (FfStore      *store,
                                 FfWorkspace   workspace,
                                 GDateTime    *now,
                                 GError      **error);
void        ff_overview_free    (FfOverview   *overview);
/* The overview as JSON (foodflow-cli overview): {"kpis": [{id, label, value, number, detail,
 * method, state, kind, query}], "trends": [{title, unit, points: [{label, value}]}]}. */
JsonNode   *ff_overview_to_json (const FfOverview *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfOverview, ff_overview_free)

G_END_DECLS
