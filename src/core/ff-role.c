/* ff-role.c — names and labels of user roles. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-role.h"

static const struct {
  const char *name;
  const char *label;
} roles[FF_N_ROLES] = {
  [FF_ROLE_ADMIN] = { "admin", N_("Administrator") },
  [FF_ROLE_QA] = { "qa", N_("Quality assurance") },
  [FF_ROLE_OPERATOR] = { "operator", N_("Operator") },
  [FF_ROLE_PLANNER] = { "planner", N_("Planner") },
  [FF_ROLE_BRAND] = { "brand", N_("Brand manager") },
  [FF_ROLE_RETAIL] = { "retail", N_("Retail analyst") },
  [FF_ROLE_VIEWER] = { "viewer", N_("Viewer") },
};

const char *
ff_role_to_string (FfRole role)
{
  g_return_val_if_fail (role < FF_N_ROLES, NULL);
  return roles[role].name;
}

gboolean
ff_role_from_string (const char *name,
                     FfRole     *out_role)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < FF_N_ROLES; i++)
    if (g_ascii_strcasecmp (name, roles[i].name) == 0)
      {
        if (out_role)
          *out_role = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ff_role_get_label (FfRole role)
{
  g_return_val_if_fail (role < FF_N_ROLES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, roles[role].label);
}

const char *
ff_role_list_names (void)
{
  return "admin, qa, operator, planner, brand, retail, viewer";
}
