/* test-vault-rekey.c — part of test-vault: removing a user and changing a password change the
 * tenant's key, so old copies of the registry open nothing new, and crashes at any point
 * leave a tenant its members can open. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ff-error.h"
#include "ff-users.h"
#include "ff-vault.h"
#include "ff-test-keys.h"
#include "ff-test-util.h"
#include "test-vault-rekey.h"

#define TENANT "Acme Foods"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define BOB_PASSWORD "Blue-Cheese-Window-73"
#define CAROL_PASSWORD "Purple-Onion-Lamp-58"
#define NEW_PASSWORD "Fresh-Basil-Morning-26"

typedef struct
{
  char         *dir;
  FfVault      *vault;
  FfTenantInfo *info;
  FfSession    *admin;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("ff-test-rekey-XXXXXX", &error);
  g_assert_no_error (error);
  f->vault = ff_vault_open (f->dir, &error);
  g_assert_no_error (error);
  f->info = ff_vault_create_tenant (f->vault, TENANT, ADMIN, ADMIN_PASSWORD,
                                    FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  f->admin = ff_vault_unlock (f->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (f->vault, f->admin, "bob", FF_ROLE_QA, BOB_PASSWORD,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (f->vault, f->admin, "carol", FF_ROLE_PLANNER,
                                    CAROL_PASSWORD, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->admin);
  g_clear_object (&f->vault);
  g_clear_pointer (&f->info, ff_tenant_info_free);
  /* Tests that made a Base hand the directory to it. */
  if (f->dir != NULL)
    ff_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
registry_path (const char *dir)
{
  return g_build_filename (dir, "registry.db", NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);

  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
registry_int (const char *dir,
              const char *sql)
{
  g_autofree char *path = registry_path (dir);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  /* Read-write: SQLite 3.15 cannot read a WAL database without its -shm file otherwise. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Writes @rows rows of @size random bytes into a table of its own. */
static void
fill (FfStore *store,
      guint    rows,
      guint    size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *insert = g_strdup_printf ("INSERT INTO filler (data) VALUES (randomblob (%u))",
                                             size);

  g_assert_true (ff_store_exec (store, "CREATE TABLE IF NOT EXISTS filler "
                                       "(id INTEGER PRIMARY KEY, data BLOB)", &error));
  g_assert_true (ff_store_begin (store, &error));
  for (guint i = 0; i < rows; i++)
    g_assert_true (ff_store_exec (store, insert, &error));
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);
}

/* A digest of the filler table and of the users: what must survive any crash. */
static char *
digest (FfStore *store)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store),
                                       "SELECT id, data FROM filler ORDER BY id", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_checksum_update (sum, (const guint8 *) &id, sizeof id);
      g_checksum_update (sum, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

/* Whether any of @keys opens the tenant file at @path. Only ever true for a right key, and a
 * wrong key writes nothing. */
static gboolean
any_key_opens (GPtrArray  *keys,
               const char *path)
{
  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (FfStore) store = NULL;
      gsize len = 0;
      const guint8 *key = g_bytes_get_data (g_ptr_array_index (keys, i), &len);

      g_assert_cmpuint (len, ==, FF_STORE_KEY_SIZE);
      store = ff_store_open (path, key, FF_STORE_OPEN_NO_MIGRATE, &error);
      if (store != NULL)
        return TRUE;
      g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE);
    }
  return FALSE;
}

/* A data directory of its own with @registry (an old copy) and the tenant file as it is now:
 * bob's password must open nothing there. */
static void
assert_old_registry_opens_nothing (const FfTenantInfo *info,
                                   const char         *registry,
                                   GPtrArray          *old_keys,
                                   const char         *user,
                                   const char         *password)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ff-test-rekey-old-XXXXXX", &error);
  g_autofree char *tenants = g_build_filename (dir, "tenants", NULL);
  g_autofree char *name = g_path_get_basename (info->path);
  g_autofree char *copy = g_build_filename (tenants, name, NULL);
  g_autofree char *copy_registry = registry_path (dir);
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;

  g_assert_no_error (error);
  /* The old registry's keys (worked out without FoodFlow's code) open nothing now. */
  g_assert_false (any_key_opens (old_keys, info->path));

  /* Nor does FoodFlow itself with that registry. */
  g_assert_cmpint (g_mkdir (tenants, 0700), ==, 0);
  copy_file (registry, copy_registry);
  copy_file (info->path, copy);
  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  session = ff_vault_unlock (vault, info->id, user, password, &error);
  g_assert_null (session);
  g_assert_true (g_error_matches (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH)
                 || g_error_matches (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE));
  g_clear_object (&vault);
  ff_test_rm_rf (dir);
}

/* The defect: removing bob deleted his key slot but kept the data key, so a copy of
 * registry.db from before and bob's password still decrypted the tenant, data written after
 * the removal included. */
static void
test_old_registry_after_removal (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *registry = registry_path (f->dir);
  g_autofree char *old_registry = g_build_filename (f->dir, "registry-before.db", NULL);
  g_autoptr (GPtrArray) old_keys = NULL;
  g_autoptr (FfSession) carol = NULL;

  copy_file (registry, old_registry);
  old_keys = ff_test_registry_keys (old_registry, f->info->id, "bob", BOB_PASSWORD);
  /* The copy does hold bob's way in, and it works before he is removed. */
  g_assert_cmpuint (old_keys->len, >=, 1);

  g_assert_true (ff_vault_remove_user (f->vault, f->admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  fill (ff_session_get_store (f->admin), 10, 100);
  ff_session_lock (f->admin);

  assert_old_registry_opens_nothing (f->info, old_registry, old_keys, "bob", BOB_PASSWORD);
  /* Neither with the registry as it is. */
  {
    g_autoptr (GPtrArray) keys = ff_test_registry_keys (registry, f->info->id, "bob",
                                                        BOB_PASSWORD);
    g_assert_cmpuint (keys->len, ==, 0);
  }
  /* The others who stay still get in, with the new key. */
  carol = ff_vault_unlock (f->vault, TENANT, "carol", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 2);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM tenants "
                                         "WHERE pending_generation IS NOT NULL"), ==, 0);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM sealed_slots "
                                         "WHERE generation = 1"), ==, 0);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM sealed_slots "
                                         "WHERE generation = 2"), ==, 2);
}

/* Another connection on the tenant (a second window, a worker) makes the re-key impossible:
 * the removal is refused before anything changes. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) worker = ff_session_open_store (f->admin, &error);
  g_autoptr (FfSession) bob = NULL;
  FfRole role;

  g_assert_no_error (error);
  g_assert_false (ff_vault_remove_user (f->vault, f->admin, "bob", NULL, NULL, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Close it"));
  g_clear_error (&error);
  g_assert_true (ff_users_get_role (ff_session_get_store (f->admin), "bob", &role, &error));
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 1);
  /* Both connections still work, in WAL mode. */
  g_assert_cmpint (ff_test_query_int (worker, "SELECT count(*) FROM users"), ==, 3);
  g_assert_cmpint (ff_test_query_int (ff_session_get_store (f->admin), "SELECT count(*) FROM "
                                      "users"), ==, 3);
  bob = ff_vault_unlock (f->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_no_error (error);
  g_clear_object (&bob);

  g_clear_object (&worker);
  g_assert_true (ff_vault_remove_user (f->vault, f->admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  /* The session reads on with the new key, and hands it to new connections. */
  worker = ff_session_open_store (f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ff_test_query_int (worker, "SELECT count(*) FROM users WHERE _deleted = 0"),
                   ==, 2);
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 2);
}

/* Rewrites carol's keys in the first format (the data key in a secretbox under her password),
 * as a registry from before key pairs has them. */
static void
make_carol_old_format (Fixture *f)
{
  g_autofree char *path = registry_path (f->dir);
  g_autoptr (GPtrArray) keys = ff_test_registry_keys (path, f->info->id, ADMIN, ADMIN_PASSWORD);
  sqlite3 *db = NULL;

  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; "
                                     "DELETE FROM user_keys WHERE username = 'carol'", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  ff_test_write_old_slot (db, f->info->id, "carol", CAROL_PASSWORD,
                          g_bytes_get_data (g_ptr_array_index (keys, 0), NULL));
  sqlite3_close (db);
}

/* A re-key can only seal for key pairs: with a user still on a first-format slot it is
 * refused, naming them, until their next unlock upgrades it. */
static void
test_old_format_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) carol = NULL;
  FfRole role;

  make_carol_old_format (f);
  g_assert_false (ff_vault_remove_user (f->vault, f->admin, "bob", NULL, NULL, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_OLD_KEYS);
  g_assert_nonnull (strstr (error->message, "carol"));
  g_assert_null (strstr (error->message, "bob"));
  g_clear_error (&error);
  g_assert_false (ff_vault_change_password (f->vault, f->admin, NULL, NEW_PASSWORD, TRUE, NULL,
                                            NULL, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_OLD_KEYS);
  g_clear_error (&error);
  g_assert_true (ff_users_get_role (ff_session_get_store (f->admin), "bob", &role, &error));
  /* Nothing changed: the old password still works. */
  g_clear_object (&f->admin);
  f->admin = ff_vault_unlock (f->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);

  /* Carol's unlock upgrades her slot... */
  carol = ff_vault_unlock (f->vault, TENANT, "carol", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM key_slots"), ==, 0);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM user_keys "
                                         "WHERE username = 'carol'"), ==, 1);
  g_clear_object (&carol);
  /* ...after which the removal goes ahead and carol keeps her access. */
  g_assert_true (ff_vault_remove_user (f->vault, f->admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  carol = ff_vault_unlock (f->vault, TENANT, "carol", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
}

/* A removal that reached the tenant file but not the registry (the user's row synced in as
 * a tombstone, or a crash right after it): the next unlock re-keys the leaver's keys away. */
static void
test_departed_rekeyed_at_unlock (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *registry = registry_path (f->dir);
  g_autofree char *old_registry = g_build_filename (f->dir, "registry-before.db", NULL);
  g_autoptr (GPtrArray) old_keys = NULL;
  g_autoptr (FfSession) carol = NULL;

  copy_file (registry, old_registry);
  old_keys = ff_test_registry_keys (old_registry, f->info->id, "bob", BOB_PASSWORD);
  g_assert_true (ff_users_remove (ff_session_get_store (f->admin), "bob", &error));
  g_assert_no_error (error);
  g_clear_object (&f->admin);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM user_keys "
                                         "WHERE username = 'bob'"), ==, 1);

  /* Any member's unlock does it, not only an admin's. */
  carol = ff_vault_unlock (f->vault, TENANT, "carol", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (f->dir, "SELECT count(*) FROM user_keys "
                                         "WHERE username = 'bob'"), ==, 0);
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 2);
  ff_session_lock (carol);
  assert_old_registry_opens_nothing (f->info, old_registry, old_keys, "bob", BOB_PASSWORD);
  f->admin = ff_vault_unlock (f->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
}

/* Starts foodflow-cli with @envp and @argv; kills it with SIGKILL after @delay_us unless it
 * ended first (never when negative). TRUE when the kill ended it. */
static gboolean
run_killed (char       **argv,
            char       **envp,
            gint64       delay_us,
            gint64      *out_us)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0, in_fd = -1;
  GPid pid;

  g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD
                            | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                            NULL, &pid, &in_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  close (in_fd);
  for (;;)
    {
      pid_t done = waitpid (pid, &status, WNOHANG);

      g_assert_cmpint (done, >=, 0);
      if (done == pid)
        break;
      if (delay_us >= 0 && g_get_monotonic_time () - start >= delay_us)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          break;
        }
      g_usleep (100);
    }
  g_spawn_close_pid (pid);
  if (out_us != NULL)
    *out_us = g_get_monotonic_time () - start;
  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    return TRUE;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

/* A data directory, closed, with the tenant (a few MB) and users alice, bob and carol. */
typedef struct
{
  char         *dir;
  char         *old_registry;   /* registry.db before bob's removal */
  FfTenantInfo *info;
  char         *digest;
  GPtrArray    *old_keys;       /* what the old registry and bob's password give */
  GBytes       *first_key;      /* the tenant's key before the removal */
} Base;

static void
base_free (Base *base)
{
  ff_test_rm_rf (base->dir);
  g_free (base->dir);
  g_free (base->old_registry);
  ff_tenant_info_free (base->info);
  g_free (base->digest);
  g_ptr_array_unref (base->old_keys);
  g_bytes_unref (base->first_key);
  g_free (base);
}

static Base *
base_new (Fixture *f,
          guint    rows)
{
  g_autofree char *registry = registry_path (f->dir);
  Base *base = g_new0 (Base, 1);

  fill (ff_session_get_store (f->admin), rows, 2000);
  base->digest = digest (ff_session_get_store (f->admin));
  ff_session_lock (f->admin);
  g_clear_object (&f->admin);
  g_clear_object (&f->vault);
  base->dir = g_steal_pointer (&f->dir);
  base->info = ff_tenant_info_copy (f->info);
  base->old_registry = g_build_filename (base->dir, "registry-before.db", NULL);
  copy_file (registry, base->old_registry);
  base->old_keys = ff_test_registry_keys (base->old_registry, f->info->id, "bob", BOB_PASSWORD);
  g_assert_cmpuint (base->old_keys->len, ==, 1);
  base->first_key = g_bytes_ref (g_ptr_array_index (base->old_keys, 0));
  return base;
}

/* A fresh copy of the base's registry and tenant file in @dir (made anew). */
static FfTenantInfo *
base_copy (Base       *base,
           const char *dir)
{
  g_autofree char *tenants = g_build_filename (dir, "tenants", NULL);
  g_autofree char *name = g_path_get_basename (base->info->path);
  g_autofree char *registry_from = registry_path (base->dir);
  g_autofree char *registry_to = registry_path (dir);
  FfTenantInfo *info = ff_tenant_info_copy (base->info);

  ff_test_rm_rf (dir);
  g_assert_cmpint (g_mkdir_with_parents (tenants, 0700), ==, 0);
  g_free (info->path);
  info->path = g_build_filename (tenants, name, NULL);
  copy_file (registry_from, registry_to);
  copy_file (base->info->path, info->path);
  return info;
}

static char **
remove_bob_argv (const char *dir)
{
  const char *cli = g_getenv ("FOODFLOW_CLI");

  g_assert_nonnull (cli);
  return g_strdupv ((char *[]) { (char *) cli, (char *) "--data-dir", (char *) dir,
                                 (char *) "user", (char *) "remove", (char *) TENANT,
                                 (char *) "bob", (char *) "--user", (char *) ADMIN, NULL });
}

static char **
crash_environ (const char *crash_at)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "FOODFLOW_PASSWORD", ADMIN_PASSWORD, TRUE);
  envp = g_environ_unsetenv (envp, "FOODFLOW_TEST_CRASH_AT");
  if (crash_at != NULL)
    envp = g_environ_setenv (envp, "FOODFLOW_TEST_CRASH_AT", crash_at, TRUE);
  return envp;
}

typedef enum {
  PHASE_NOT_TOMBSTONED,    /* killed before bob's row became a tombstone */
  PHASE_TOMBSTONED,        /* tombstone written, registry untouched */
  PHASE_SEALED,            /* (a) done, the file not re-encrypted (journal gone or rolled back) */
  PHASE_REENCRYPTING,      /* killed during (b): a hot journal */
  PHASE_FILE_DONE,         /* (b) done, (c) not */
  PHASE_DONE,              /* everything (the process may still have been closing) */
  N_PHASES
} Phase;

static const char *const phase_names[N_PHASES] = {
  "before the tombstone", "tombstoned", "new key sealed", "re-encrypting (hot journal)",
  "file re-encrypted", "done",
};

/* A journal that an opener would play back: it starts with the journal magic. (Under the
 * re-key's exclusive lock a committed journal is zeroed instead of deleted.) */
static gboolean
journal_is_hot (const char *path)
{
  static const guint8 magic[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *contents = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &contents, &len, NULL) && len >= sizeof magic
         && memcmp (contents, magic, sizeof magic) == 0;
}

/* Whether @key reads the file, through a read-only connection that changes nothing (it
 * cannot even open a WAL-mode file whose -shm is gone, which the re-encrypted file is). */
static gboolean
key_reads (const char *path,
           GBytes     *key)
{
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  char raw[2 + 64 + 2];

  raw[0] = 'x';
  raw[1] = '\'';
  sodium_bin2hex (raw + 2, 65, g_bytes_get_data (key, NULL), 32);
  raw[66] = '\'';
  raw[67] = '\0';
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_key (db, raw, 67) == SQLITE_OK)
    ok = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close (db);
  return ok;
}

/* Where the killed removal got to, read from the files before anything opens them. */
static Phase
phase_from_files (const char         *dir,
                  const FfTenantInfo *info,
                  GBytes             *first_key)
{
  g_autofree char *journal = g_strconcat (info->path, "-journal", NULL);
  gint64 pending = registry_int (dir, "SELECT ifnull (pending_generation, 0) FROM tenants");
  gint64 current = registry_int (dir, "SELECT key_generation FROM tenants");

  if (pending == 0)
    return current == 1 ? PHASE_NOT_TOMBSTONED : PHASE_DONE;
  if (journal_is_hot (journal))
    return PHASE_REENCRYPTING;
  return key_reads (info->path, first_key) ? PHASE_SEALED : PHASE_FILE_DONE;
}

/* After a kill: the tenant opens for alice (and carol) with its data whole; once alice's
 * unlock has finished the removal's work, bob opens nothing, not even with the old registry.
 * Returns the phase the kill landed in. */
static Phase
check_after_kill (Base               *base,
                  const char         *dir,
                  const FfTenantInfo *info,
                  gboolean            thorough)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) alice = NULL;
  g_autoptr (FfSession) carol = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (info->path, "-journal", NULL);
  g_autofree char *registry = registry_path (dir);
  Phase phase = phase_from_files (dir, info, base->first_key);
  FfRole role;
  gboolean bob_left;

  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  alice = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  after = digest (ff_session_get_store (alice));
  g_assert_cmpstr (after, ==, base->digest);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  bob_left = !ff_users_get_role (ff_session_get_store (alice), "bob", &role, NULL);
  if (!bob_left)
    {
      /* The removal never began: nothing of it may show. */
      g_assert_cmpint (phase, ==, PHASE_NOT_TOMBSTONED);
      g_assert_cmpint (registry_int (dir, "SELECT key_generation FROM tenants"), ==, 1);
      g_assert_cmpint (registry_int (dir, "SELECT count(*) FROM user_keys "
                                          "WHERE username = 'bob'"), ==, 1);
      return phase;
    }
  if (phase == PHASE_NOT_TOMBSTONED)
    phase = PHASE_TOMBSTONED;

  /* Alice's unlock finished the work: one generation, bob's keys gone. */
  g_assert_cmpint (registry_int (dir, "SELECT key_generation FROM tenants"), ==, 2);
  g_assert_cmpint (registry_int (dir, "SELECT count(*) FROM tenants "
                                      "WHERE pending_generation IS NOT NULL"), ==, 0);
  g_assert_cmpint (registry_int (dir, "SELECT count(*) FROM user_keys "
                                      "WHERE username = 'bob'"), ==, 0);
  g_assert_cmpint (registry_int (dir, "SELECT count(*) FROM sealed_slots"), ==, 2);
  ff_session_lock (alice);
  g_assert_false (any_key_opens (base->old_keys, info->path));
  if (thorough)
    {
      carol = ff_vault_unlock (vault, TENANT, "carol", CAROL_PASSWORD, &error);
      g_assert_no_error (error);
      ff_session_lock (carol);
      assert_old_registry_opens_nothing (info, base->old_registry, base->old_keys, "bob",
                                         BOB_PASSWORD);
    }
  return phase;
}

/* Killed at each named step of a removal, the tenant opens for those who stay, and the
 * next unlock finishes the job. */
static void
test_crash_points (Fixture       *f,
                   gconstpointer  data)
{
  const char *const points[] = {
    "remove-tombstoned", "rekey-sealed", "rekey-file-done", "rekey-done",
  };
  const Phase expected[] = { PHASE_TOMBSTONED, PHASE_SEALED, PHASE_FILE_DONE, PHASE_DONE };
  Base *base = base_new (f, 200);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *dir = g_strconcat (base->dir, "-", points[i], NULL);
      g_autoptr (FfTenantInfo) info = base_copy (base, dir);
      g_auto (GStrv) argv = remove_bob_argv (dir);
      g_auto (GStrv) envp = crash_environ (points[i]);

      g_test_message ("crash at %s", points[i]);
      g_assert_true (run_killed (argv, envp, -1, NULL));
      g_assert_cmpint (check_after_kill (base, dir, info, TRUE), ==, expected[i]);
      ff_test_rm_rf (dir);
    }
  base_free (base);
}

/* A re-key left pending while another connection holds the tenant: the unlock opens with the
 * old key and leaves it pending; a later unlock on its own finishes it. */
static void
test_pending_left_when_busy (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  Base *base = base_new (f, 20);
  g_autofree char *dir = g_strconcat (base->dir, "-busy", NULL);
  g_autoptr (FfTenantInfo) info = base_copy (base, dir);
  g_autofree char *registry = registry_path (dir);
  g_auto (GStrv) argv = remove_bob_argv (dir);
  g_auto (GStrv) envp = crash_environ ("rekey-sealed");
  g_autoptr (GPtrArray) alice_keys = NULL;
  g_autoptr (FfStore) other = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) alice = NULL;
  g_autoptr (FfSession) carol = NULL;

  g_assert_true (run_killed (argv, envp, -1, NULL));
  g_assert_cmpint (phase_from_files (dir, info, base->first_key), ==, PHASE_SEALED);
  /* Someone holds the file open with the old key (of the two alice has, the one that works). */
  alice_keys = ff_test_registry_keys (registry, info->id, ADMIN, ADMIN_PASSWORD);
  g_assert_cmpuint (alice_keys->len, ==, 2);
  for (guint i = 0; i < alice_keys->len && other == NULL; i++)
    other = ff_store_open (info->path, g_bytes_get_data (g_ptr_array_index (alice_keys, i), NULL),
                           FF_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (other);

  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  alice = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  {
    g_autofree char *after = digest (ff_session_get_store (alice));
    g_assert_cmpstr (after, ==, base->digest);
  }
  g_assert_cmpint (registry_int (dir, "SELECT pending_generation FROM tenants"), ==, 2);
  /* A user change is refused meanwhile, with a message to act on. */
  g_assert_false (ff_vault_add_user (vault, alice, "dave", FF_ROLE_VIEWER, NEW_PASSWORD,
                                     &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&alice);
  g_clear_object (&other);

  carol = ff_vault_unlock (vault, TENANT, "carol", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (dir, "SELECT count(*) FROM tenants "
                                      "WHERE pending_generation IS NOT NULL"), ==, 0);
  g_assert_cmpint (registry_int (dir, "SELECT key_generation FROM tenants"), ==, 2);
  ff_session_lock (carol);
  g_assert_false (any_key_opens (base->old_keys, info->path));
  g_clear_object (&vault);
  ff_test_rm_rf (dir);
  base_free (base);
}

/* The required crash test: a removal from a tenant of a few MB, killed with SIGKILL after a
 * random delay, many times; after each kill the tenant opens for the admin with its data
 * whole, and once that unlock has finished the work, bob opens nothing even with the
 * registry from before. */
static void
test_kill_random (Fixture       *f,
                  gconstpointer  data)
{
  gboolean sanitized = g_strcmp0 (g_getenv ("FOODFLOW_TEST_SANITIZED"), "1") == 0;
  guint tries = sanitized ? 8 : 30;
  Base *base = base_new (f, 1500);
  g_autofree char *dir = g_strconcat (base->dir, "-try", NULL);
  guint landed[N_PHASES] = { 0 };
  guint killed = 0;
  gint64 duration = 0;
  g_autoptr (GString) summary = g_string_new (NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (base->info->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 3 * 1000 * 1000);
  /* How long an uninterrupted removal takes here. */
  {
    g_autoptr (FfTenantInfo) info = base_copy (base, dir);
    g_auto (GStrv) argv = remove_bob_argv (dir);
    g_auto (GStrv) envp = crash_environ (NULL);

    g_assert_false (run_killed (argv, envp, -1, &duration));
    g_assert_cmpint (check_after_kill (base, dir, info, TRUE), ==, PHASE_DONE);
  }

  for (guint t = 0; t < tries; t++)
    {
      g_autoptr (FfTenantInfo) info = base_copy (base, dir);
      g_auto (GStrv) argv = remove_bob_argv (dir);
      g_auto (GStrv) envp = crash_environ (NULL);
      gint64 delay = g_random_int_range (0, (gint32) duration + 1);
      gboolean was_killed = run_killed (argv, envp, delay, NULL);
      Phase phase;

      /* The old registry through FoodFlow itself costs a key derivation: every fifth try. */
      phase = check_after_kill (base, dir, info, t % 5 == 0);
      g_test_message ("try %u: %s after %.1f ms: %s", t, was_killed ? "killed" : "ended",
                      delay / 1000.0, phase_names[phase]);
      landed[phase]++;
      killed += was_killed;
    }
  for (guint i = 0; i < N_PHASES; i++)
    g_string_append_printf (summary, "%s%s %u", i ? ", " : "", phase_names[i], landed[i]);
  g_test_message ("%u tries within %.0f ms, %u killed: %s", tries, duration / 1000.0, killed,
                  summary->str);
  ff_test_rm_rf (dir);
  base_free (base);
}

static void
assert_unlock_fails (FfVault    *vault,
                     const char *user,
                     const char *password)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = ff_vault_unlock (vault, TENANT, user, password, &error);

  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (session);
}

static void
assert_unlock_works (FfVault    *vault,
                     const char *user,
                     const char *password)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = ff_vault_unlock (vault, TENANT, user, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
}

static void
test_change_password (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *registry = registry_path (f->dir);
  g_autofree char *old_registry = g_build_filename (f->dir, "registry-before.db", NULL);
  g_autoptr (GPtrArray) old_keys = NULL;
  g_autoptr (GPtrArray) now_keys = NULL;
  g_autoptr (FfSession) bob = NULL;

  copy_file (registry, old_registry);
  old_keys = ff_test_registry_keys (old_registry, f->info->id, ADMIN, ADMIN_PASSWORD);

  g_assert_true (ff_vault_change_password (f->vault, f->admin, NULL, NEW_PASSWORD, FALSE, NULL,
                                           NULL, &error));
  g_assert_no_error (error);
  assert_unlock_fails (f->vault, ADMIN, ADMIN_PASSWORD);
  assert_unlock_works (f->vault, ADMIN, NEW_PASSWORD);
  /* The old password opens nothing in the registry as it is now... */
  now_keys = ff_test_registry_keys (registry, f->info->id, ADMIN, ADMIN_PASSWORD);
  g_assert_cmpuint (now_keys->len, ==, 0);
  g_clear_pointer (&now_keys, g_ptr_array_unref);
  /* ...but an old copy still gives the data key, which has not changed: that is what
   * --rekey (suspected_compromise) is for. */
  g_assert_true (any_key_opens (old_keys, f->info->path));

  /* The session carries on with its new key pair: it can still finish a re-key's steps. */
  g_assert_true (ff_vault_remove_user (f->vault, f->admin, "carol", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_unlock_works (f->vault, ADMIN, NEW_PASSWORD);

  /* An admin sets a forgotten password; others may set only their own. */
  g_assert_true (ff_vault_change_password (f->vault, f->admin, "bob", CAROL_PASSWORD, FALSE,
                                           NULL, NULL, &error));
  g_assert_no_error (error);
  assert_unlock_fails (f->vault, "bob", BOB_PASSWORD);
  bob = ff_vault_unlock (f->vault, TENANT, "bob", CAROL_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (ff_vault_change_password (f->vault, bob, ADMIN, BOB_PASSWORD, FALSE, NULL,
                                            NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ff_vault_change_password (f->vault, bob, NULL, "short", FALSE, NULL, NULL,
                                            &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_true (ff_vault_change_password (f->vault, bob, "bob", BOB_PASSWORD, FALSE, NULL,
                                           NULL, &error));
  g_assert_no_error (error);
  assert_unlock_works (f->vault, "bob", BOB_PASSWORD);
  g_assert_false (ff_vault_change_password (f->vault, f->admin, "nobody", BOB_PASSWORD, FALSE,
                                            NULL, NULL, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER);
  g_clear_error (&error);
  g_assert_false (ff_vault_change_password (f->vault, f->admin, "carol", BOB_PASSWORD, FALSE,
                                            NULL, NULL, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER);
}

/* With a suspected compromise the data key changes too: the old password and an old registry
 * then open nothing. */
static void
test_change_password_rekey (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *registry = registry_path (f->dir);
  g_autofree char *old_registry = g_build_filename (f->dir, "registry-before.db", NULL);
  g_autoptr (GPtrArray) old_keys = NULL;

  copy_file (registry, old_registry);
  old_keys = ff_test_registry_keys (old_registry, f->info->id, "bob", BOB_PASSWORD);
  g_assert_cmpuint (old_keys->len, ==, 1);

  /* An admin who suspects bob's password leaked resets it and changes the key. */
  g_assert_true (ff_vault_change_password (f->vault, f->admin, "bob", NEW_PASSWORD, TRUE, NULL,
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 2);
  fill (ff_session_get_store (f->admin), 10, 100);
  ff_session_lock (f->admin);
  g_assert_false (any_key_opens (old_keys, f->info->path));
  assert_old_registry_opens_nothing (f->info, old_registry, old_keys, "bob", BOB_PASSWORD);
  assert_unlock_fails (f->vault, "bob", BOB_PASSWORD);
  assert_unlock_works (f->vault, "bob", NEW_PASSWORD);
  assert_unlock_works (f->vault, "carol", CAROL_PASSWORD);
  assert_unlock_works (f->vault, ADMIN, ADMIN_PASSWORD);
}

typedef struct
{
  GArray  *fractions;
  GThread *thread;
  guint    notified;
  gboolean done;
  gboolean ok;
  GError  *error;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  g_array_append_val (progress->fractions, fraction);
}

static void
progress_notify (gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  progress->notified++;
}

static void
assert_progress (Progress *progress)
{
  GArray *fractions = progress->fractions;

  g_test_message ("%u progress reports", fractions->len);
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
}

/* A re-key reports progress, from 0 to 1, on the calling thread. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_thread_self () };

  fill (ff_session_get_store (f->admin), 2000, 2000);
  g_assert_true (ff_vault_remove_user (f->vault, f->admin, "bob", progress_cb, &progress,
                                       &error));
  g_assert_no_error (error);
  assert_progress (&progress);
  g_array_unref (progress.fractions);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  if (g_task_get_source_tag (G_TASK (result)) == ff_vault_remove_user_async)
    progress->ok = ff_vault_remove_user_finish (FF_VAULT (object), result, &progress->error);
  else
    progress->ok = ff_vault_change_password_finish (FF_VAULT (object), result, &progress->error);
  /* The progress data was let go before this. */
  g_assert_cmpuint (progress->notified, ==, 1);
  progress->done = TRUE;
}

/* The asynchronous variants work in a worker and report progress where they were called. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_thread_self () };

  fill (ff_session_get_store (f->admin), 500, 2000);
  ff_vault_remove_user_async (f->vault, f->admin, "bob", progress_cb, &progress,
                              progress_notify, NULL, async_done_cb, &progress);
  while (!progress.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (progress.error);
  g_assert_true (progress.ok);
  g_assert_cmpuint (progress.notified, ==, 1);
  assert_progress (&progress);
  assert_unlock_fails (f->vault, "bob", BOB_PASSWORD);

  g_array_set_size (progress.fractions, 0);
  progress.done = FALSE;
  progress.notified = 0;
  ff_vault_change_password_async (f->vault, f->admin, "carol", NEW_PASSWORD, TRUE, progress_cb,
                                  &progress, progress_notify, NULL, async_done_cb, &progress);
  while (!progress.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (progress.error);
  g_assert_true (progress.ok);
  assert_progress (&progress);
  assert_unlock_works (f->vault, "carol", NEW_PASSWORD);
  g_assert_cmpint (registry_int (f->dir, "SELECT key_generation FROM tenants"), ==, 3);
  g_array_unref (progress.fractions);
}

void
test_vault_rekey_register (void)
{
#define ADD(path, func) \
  g_test_add ("/vault/rekey/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("old-registry-after-removal", test_old_registry_after_removal);
  ADD ("busy", test_busy);
  ADD ("old-format-refused", test_old_format_refused);
  ADD ("departed-rekeyed-at-unlock", test_departed_rekeyed_at_unlock);
  ADD ("crash-points", test_crash_points);
  ADD ("pending-left-when-busy", test_pending_left_when_busy);
  ADD ("kill-random", test_kill_random);
  ADD ("change-password", test_change_password);
  ADD ("change-password-rekey", test_change_password_rekey);
  ADD ("progress", test_progress);
  ADD ("async", test_async);

#undef ADD
}
