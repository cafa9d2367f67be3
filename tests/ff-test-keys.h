/* ff-test-keys.h — the tenant registry seen from outside FoodFlow: slots written the way older
 * FoodFlow wrote them, and every data key a registry file and a password give away. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The tables of the first registry, before it had migrations (user_version 0). */
extern const char ff_test_registry_v0_sql[];

/* Writes a key slot of the first format (the data key in a secretbox under the user's
 * password-derived key) into @registry, as FoodFlow 0.1 did. */
void       ff_test_write_old_slot (sqlite3      *registry,
                                   const char   *tenant_id,
                                   const char   *username,
                                   const char   *password,
                                   const guint8 *key);

/* Every data key that @username's @password unwraps from the registry file at
 * @registry_path for @tenant_id, in any slot format, as GBytes; written independently of
 * src/core, the way someone holding a copy of the file would. */
GPtrArray *ff_test_registry_keys  (const char *registry_path,
                                   const char *tenant_id,
                                   const char *username,
                                   const char *password);

G_END_DECLS
