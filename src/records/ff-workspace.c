/* ff-workspace.c — names, titles and icons of the five workspaces. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-workspace.h"

static const struct {
  const char *id;
  const char *title;
  const char *icon_name;
  const char *summary;
} workspaces[FF_N_WORKSPACES] = {
  [FF_WORKSPACE_PLANT_OPS] = { "plant-ops", N_("_PlantOps"), "applications-engineering-symbolic",
                               N_("Lines, batches, sensors and downtime on the plant floor") },
  [FF_WORKSPACE_FSQ] = { "fsq", N_("_FSQ"), "security-high-symbolic",
                         N_("Food safety and quality: suppliers, lots, HACCP and audits") },
  [FF_WORKSPACE_PLANNING] = { "planning", N_("P_lanning"), "x-office-calendar-symbolic",
                              N_("Forecasts, production plans, safety stock and inventory") },
  [FF_WORKSPACE_BRAND] = { "brand", N_("_Brand"), "starred-symbolic",
                           N_("Brands, products, SKUs, co-packers and contracts") },
  [FF_WORKSPACE_RETAIL] = { "retail", N_("_Retail"), "system-users-symbolic",
                            N_("Stores, point-of-sale, on-shelf availability and promotions") },
};

/* The order in which a person looks for things: the plant before what runs on it, suppliers
 * and lots before the controls and findings, documents last. */
static const char *const nav_groups[FF_N_WORKSPACES][7] = {
  [FF_WORKSPACE_PLANT_OPS] = { N_("Plant and lines"), N_("Production"), N_("Sensors"),
                               N_("Costs"), NULL },
  [FF_WORKSPACE_FSQ] = { N_("Suppliers and materials"), N_("Traceability"), N_("HACCP"),
                         N_("Deviations and CAPAs"), N_("Audits"),
                         N_("Documents and signatures"), NULL },
  [FF_WORKSPACE_PLANNING] = { N_("Demand"), N_("Supply"), NULL },
  [FF_WORKSPACE_BRAND] = { N_("Portfolio"), N_("Co-manufacturing"), NULL },
  [FF_WORKSPACE_RETAIL] = { N_("Retail network"), N_("Sales"), N_("On the shelf"), NULL },
};

const char *const *
ff_workspace_get_nav_groups (FfWorkspace workspace)
{
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return nav_groups[workspace];
}

const char *
ff_workspace_get_id (FfWorkspace workspace)
{
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return workspaces[workspace].id;
}

const char *
ff_workspace_get_title (FfWorkspace workspace)
{
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, workspaces[workspace].title);
}

const char *
ff_workspace_get_label (FfWorkspace workspace)
{
  static char *labels[FF_N_WORKSPACES];

  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  if (g_once_init_enter (&labels[workspace]))
    {
      GString *s = g_string_new (ff_workspace_get_title (workspace));
      g_string_replace (s, "_", "", 0);
      g_once_init_leave (&labels[workspace], g_string_free (s, FALSE));
    }
  return labels[workspace];
}

const char *
ff_workspace_get_icon_name (FfWorkspace workspace)
{
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return workspaces[workspace].icon_name;
}

const char *
ff_workspace_get_summary (FfWorkspace workspace)
{
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, workspaces[workspace].summary);
}
