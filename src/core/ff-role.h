/* ff-role.h — the roles a tenant user can hold. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FF_ROLE_ADMIN,
  FF_ROLE_QA,
  FF_ROLE_OPERATOR,
  FF_ROLE_PLANNER,
  FF_ROLE_BRAND,
  FF_ROLE_RETAIL,
  FF_ROLE_VIEWER,
  FF_N_ROLES
} FfRole;

/* The stable lower-case name stored in databases and used by the CLI ("admin", "qa", ...). */
const char *ff_role_to_string   (FfRole role);
gboolean    ff_role_from_string (const char *name, FfRole *out_role);
/* The translated name shown to people. */
const char *ff_role_get_label   (FfRole role);
/* "admin, qa, operator, ..." for error messages. */
const char *ff_role_list_names  (void);

G_END_DECLS
