/* ff-test-keys.c — the tenant registry seen from outside FoodFlow: slots written the way older
 * FoodFlow wrote them, and every data key a registry file and a password give away. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <sodium.h>
#include <string.h>

#include "ff-test-keys.h"

#define KEY_SIZE 32

const char ff_test_registry_v0_sql[] =
  "CREATE TABLE IF NOT EXISTS tenants ("
  "  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, file TEXT NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS key_slots ("
  "  tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,"
  "  username TEXT NOT NULL, opslimit INTEGER NOT NULL, memlimit INTEGER NOT NULL,"
  "  salt BLOB NOT NULL, nonce BLOB NOT NULL, wrapped BLOB NOT NULL,"
  "  PRIMARY KEY (tenant_id, username));";

/* BLAKE2b ("foodflow-key-slot/TENANT/USER", Argon2id (password, salt)). */
static gboolean
derive_kek (const char   *tenant_id,
            const char   *username,
            const char   *password,
            const guint8 *salt,
            guint64       opslimit,
            gsize         memlimit,
            guint8       *kek)
{
  g_autofree char *context = g_strdup_printf ("foodflow-key-slot/%s/%s", tenant_id, username);
  guint8 stretched[KEY_SIZE];

  if (crypto_pwhash (stretched, sizeof stretched, password, strlen (password), salt, opslimit,
                     memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return FALSE;
  crypto_generichash (kek, KEY_SIZE, (const guint8 *) context, strlen (context), stretched,
                      sizeof stretched);
  return TRUE;
}

void
ff_test_write_old_slot (sqlite3      *registry,
                        const char   *tenant_id,
                        const char   *username,
                        const char   *password,
                        const guint8 *key)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 wrapped[KEY_SIZE + crypto_secretbox_MACBYTES];
  guint8 kek[KEY_SIZE];
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sodium_init (), >=, 0);
  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);
  g_assert_true (derive_kek (tenant_id, username, password, salt,
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE, kek));
  crypto_secretbox_easy (wrapped, key, KEY_SIZE, nonce, kek);
  g_assert_cmpint (sqlite3_prepare_v2 (registry, "INSERT INTO key_slots VALUES (?, ?, ?, ?, ?, "
                                                 "?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, crypto_pwhash_OPSLIMIT_INTERACTIVE);
  sqlite3_bind_int64 (stmt, 4, crypto_pwhash_MEMLIMIT_INTERACTIVE);
  sqlite3_bind_blob (stmt, 5, salt, sizeof salt, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 6, nonce, sizeof nonce, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 7, wrapped, sizeof wrapped, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* The first format: the data key in a secretbox under the password-derived key. */
static void
old_slot_keys (sqlite3    *db,
               const char *tenant_id,
               const char *username,
               const char *password,
               GPtrArray  *keys)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT opslimit, memlimit, salt, nonce, wrapped "
                                           "FROM key_slots WHERE tenant_id = ? AND username = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint8 kek[KEY_SIZE], key[KEY_SIZE];

      if (sqlite3_column_bytes (stmt, 4) != KEY_SIZE + crypto_secretbox_MACBYTES
          || !derive_kek (tenant_id, username, password, sqlite3_column_blob (stmt, 2),
                          (guint64) sqlite3_column_int64 (stmt, 0),
                          (gsize) sqlite3_column_int64 (stmt, 1), kek))
        continue;
      if (crypto_secretbox_open_easy (key, sqlite3_column_blob (stmt, 4),
                                      (unsigned long long) sqlite3_column_bytes (stmt, 4),
                                      sqlite3_column_blob (stmt, 3), kek) == 0)
        g_ptr_array_add (keys, g_bytes_new (key, sizeof key));
    }
  sqlite3_finalize (stmt);
}

/* The second format: the user's X25519 secret key in a secretbox under the password-derived
 * key, and each generation's data key sealed to the user's public key. */
static void
sealed_slot_keys (sqlite3    *db,
                  const char *tenant_id,
                  const char *username,
                  const char *password,
                  GPtrArray  *keys)
{
  sqlite3_stmt *stmt = NULL;
  guint8 kek[KEY_SIZE];
  guint8 pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  gboolean have_sk = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT public_key, opslimit, memlimit, salt, nonce, "
                                           "wrapped_secret_key FROM user_keys "
                                           "WHERE tenant_id = ? AND username = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_bytes (stmt, 0) == sizeof pk
      && sqlite3_column_bytes (stmt, 5) == sizeof sk + crypto_secretbox_MACBYTES
      && derive_kek (tenant_id, username, password, sqlite3_column_blob (stmt, 3),
                     (guint64) sqlite3_column_int64 (stmt, 1),
                     (gsize) sqlite3_column_int64 (stmt, 2), kek))
    {
      memcpy (pk, sqlite3_column_blob (stmt, 0), sizeof pk);
      have_sk = crypto_secretbox_open_easy (sk, sqlite3_column_blob (stmt, 5),
                                            sizeof sk + crypto_secretbox_MACBYTES,
                                            sqlite3_column_blob (stmt, 4), kek) == 0;
    }
  sqlite3_finalize (stmt);
  if (!have_sk)
    return;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sealed FROM sealed_slots "
                                           "WHERE tenant_id = ? AND username = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint8 key[KEY_SIZE];

      if (sqlite3_column_bytes (stmt, 0) == KEY_SIZE + crypto_box_SEALBYTES
          && crypto_box_seal_open (key, sqlite3_column_blob (stmt, 0),
                                   KEY_SIZE + crypto_box_SEALBYTES, pk, sk) == 0)
        g_ptr_array_add (keys, g_bytes_new (key, sizeof key));
    }
  sqlite3_finalize (stmt);
  sodium_memzero (sk, sizeof sk);
}

GPtrArray *
ff_test_registry_keys (const char *registry_path,
                       const char *tenant_id,
                       const char *username,
                       const char *password)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3 *db = NULL;

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (sqlite3_open_v2 (registry_path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  if (has_table (db, "key_slots"))
    old_slot_keys (db, tenant_id, username, password, keys);
  if (has_table (db, "user_keys") && has_table (db, "sealed_slots"))
    sealed_slot_keys (db, tenant_id, username, password, keys);
  sqlite3_close (db);
  return keys;
}
