/* ff-users.h — the users table inside a tenant database (the roles the services trust). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-role.h"
#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *username;
  FfRole  role;
  char   *created_at;
} FfUserInfo;

void       ff_user_info_free   (FfUserInfo *info);

/* Adds @username, or brings back a removed user of that name with the new role. */
gboolean   ff_users_add        (FfStore     *store,
                                const char  *username,
                                FfRole       role,
                                GError     **error);
/* Marks the user removed (a tombstone: the row stays for the audit trail and sync). */
gboolean   ff_users_remove     (FfStore     *store,
                                const char  *username,
                                GError     **error);
/* Gives an active user another role; FF_VAULT_ERROR_NO_USER when there is none. */
gboolean   ff_users_set_role   (FfStore     *store,
                                const char  *username,
                                FfRole       role,
                                GError     **error);
/* FALSE with FF_VAULT_ERROR_NO_USER when the user does not exist or was removed. */
gboolean   ff_users_get_role   (FfStore     *store,
                                const char  *username,
                                FfRole      *out_role,
                                GError     **error);
guint      ff_users_count_role (FfStore     *store,
                                FfRole       role,
                                GError     **error);
/* Active users as FfUserInfo*, by name. */
GPtrArray *ff_users_list       (FfStore     *store,
                                GError     **error);
/* TRUE when @username is a name users may have: 1..64 of a-z, 0-9, '.', '_', '-'. */
gboolean   ff_users_name_is_valid (const char *username);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfUserInfo, ff_user_info_free)

G_END_DECLS
