/* test-cli.c — foodflow-cli's contract with scripts: exit statuses, messages and output. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ff-store.h"
#include "ff-vault.h"
#include "ff-test-util.h"

#define ADMIN_PASSWORD "correct horse battery"
#define USER_PASSWORD "staple of the pantry"
#define WRONG_PASSWORD "not the password at all"
/* Small, so that each demo run takes a second or two. */
#define DEMO_SCALE "0.01"
#define WRONG_CREDENTIALS "Wrong user name or password"
#define ALL_ROLES "admin, qa, operator, planner, brand, retail, viewer"

/* A NULL-terminated list of "NAME=VALUE" (set) or "NAME" (unset) for one run. */
#define ENV(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define AS_ADMIN ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD)
#define AS_USER ENV ("FOODFLOW_PASSWORD=" USER_PASSWORD)
#define AS_DEMO ENV ("FOODFLOW_PASSWORD=demo")

/* Shows the text itself when it does not hold, unlike g_assert_nonnull (strstr ()). */
#define assert_contains(hay, needle) \
  G_STMT_START { \
    const char *hay_ = (hay), *needle_ = (needle); \
    if (strstr (hay_, needle_) == NULL) \
      g_assertion_message_cmpstr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                  #hay " contains " #needle, hay_, "contains", needle_); \
  } G_STMT_END

typedef struct
{
  char *root;      /* removed with all it holds after each case */
  char *data_dir;  /* root/data: the --data-dir of most runs */
  char *xdg_dir;   /* root/xdg: XDG_DATA_HOME, so no run can reach the real one */
} Fixture;

typedef struct
{
  char   *command;
  int     status;
  GBytes *out_bytes;
  char   *out;
  char   *err;
} CliResult;

static void
cli_result_free (CliResult *r)
{
  g_free (r->command);
  g_bytes_unref (r->out_bytes);
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->root = g_dir_make_tmp ("foodflow-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->root, "data", NULL);
  f->xdg_dir = g_build_filename (f->root, "xdg", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ff_test_rm_rf (f->root);
  g_free (f->root);
  g_free (f->data_dir);
  g_free (f->xdg_dir);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  return len ? g_strndup (data, len) : g_strdup ("");
}

/* The environment of a foodflow-cli run: the variables that could change its behaviour unset
 * unless @env ("NAME=VALUE" or "NAME" to unset) sets them. */
static char **
cli_environ (Fixture           *f,
             const char *const *env)
{
  static const char *const cleared[] = {
    "FOODFLOW_PASSWORD", "FOODFLOW_NEW_PASSWORD", "FOODFLOW_DATA_DIR", "FOODFLOW_LOG",
    "FOODFLOW_TEST_CRASH_AT", "FOODFLOW_SIGNER_PASSWORD", "LANGUAGE", NULL
  };
  char **envp = g_get_environ ();

  for (guint i = 0; cleared[i] != NULL; i++)
    envp = g_environ_unsetenv (envp, cleared[i]);
  /* Untranslated messages whatever the locale of the machine running the tests. */
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->xdg_dir, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq != NULL)
        {
          g_autofree char *name = g_strndup (env[i], (gsize) (eq - env[i]));
          envp = g_environ_setenv (envp, name, eq + 1, TRUE);
        }
      else
        envp = g_environ_unsetenv (envp, env[i]);
    }
  return envp;
}

static GSubprocessLauncher *
cli_launcher (Fixture           *f,
              const char *const *env,
              GSubprocessFlags   flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_auto (GStrv) envp = cli_environ (f, env);

  g_subprocess_launcher_set_environ (launcher, envp);
  return launcher;
}

/* foodflow-cli, --data-dir @data_dir (none when NULL) and the arguments in @ap. */
static GPtrArray *
cli_argv (const char *data_dir,
          va_list     ap)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FOODFLOW_CLI"));
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--data-dir");
      g_ptr_array_add (argv, (gpointer) data_dir);
    }
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Runs foodflow-cli with --data-dir @data_dir (none when NULL) and the arguments that follow,
 * stdin from @input (or /dev/null) and the variables that could change its behaviour unset
 * unless @env sets them. */
static CliResult *
run_cli_va (Fixture           *f,
            const char        *data_dir,
            const char *const *env,
            const char        *input,
            va_list            ap)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GPtrArray) argv = cli_argv (data_dir, ap);
  g_autoptr (GBytes) in_bytes = NULL;
  g_autoptr (GBytes) err_bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err_line = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  CliResult *r = g_new0 (CliResult, 1);

  r->command = g_strjoinv (" ", (char **) argv->pdata + 1);
  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  launcher = cli_launcher (f, env, flags);
  if (input == NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");

  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (input != NULL)
    in_bytes = g_bytes_new (input, strlen (input));
  g_subprocess_communicate (proc, in_bytes, NULL, &r->out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  r->out = bytes_to_string (r->out_bytes);
  r->err = bytes_to_string (err_bytes);
  if (!g_subprocess_get_if_exited (proc))
    g_error ("“foodflow-cli %s” was killed by signal %d; stderr: %s", r->command,
             g_subprocess_get_term_sig (proc), r->err);
  r->status = g_subprocess_get_exit_status (proc);
  err_line = g_strchomp (g_strdup (r->err));
  g_test_message ("foodflow-cli %s -> %d%s%s", r->command, r->status,
                  *err_line ? "; stderr: " : "", err_line);
  return r;
}

static CliResult *run_cli (Fixture           *f,
                           const char *const *env,
                           ...) G_GNUC_NULL_TERMINATED;
static CliResult *run_cli_with (Fixture           *f,
                                const char        *data_dir,
                                const char *const *env,
                                const char        *input,
                                ...) G_GNUC_NULL_TERMINATED;

/* In the fixture's data dir, stdin from /dev/null. */
static CliResult *
run_cli (Fixture           *f,
         const char *const *env,
         ...)
{
  CliResult *r;
  va_list ap;

  va_start (ap, env);
  r = run_cli_va (f, f->data_dir, env, NULL, ap);
  va_end (ap);
  return r;
}

static CliResult *
run_cli_with (Fixture           *f,
              const char        *data_dir,
              const char *const *env,
              const char        *input,
              ...)
{
  CliResult *r;
  va_list ap;

  va_start (ap, input);
  r = run_cli_va (f, data_dir, env, input, ap);
  va_end (ap);
  return r;
}

static void
assert_succeeded (CliResult *r)
{
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
}

/* A failure is one line on stderr, "foodflow-cli: " and a message, and nothing on stdout. */
static void
assert_failed (CliResult  *r,
               int         status,
               const char *needle)
{
  const char *newline = strchr (r->err, '\n');

  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "foodflow-cli: "));
  g_assert_cmpuint (strlen (r->err), >, strlen ("foodflow-cli: \n"));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_cmpstr (r->out, ==, "");
  if (needle != NULL)
    assert_contains (r->err, needle);
}

static char **
split_lines (const char *text)
{
  g_auto (GStrv) lines = NULL;
  guint n;

  if (*text == '\0')
    return g_new0 (char *, 1);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* Every line, the last one included, ends with a newline. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_clear_pointer (&lines[n - 1], g_free);
  return g_steal_pointer (&lines);
}

/* Creates @name in the fixture's data dir with administrator alice; returns the tenant id. */
static char *
create_tenant (Fixture    *f,
               const char *name)
{
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "tenant", "create", name, "--admin", "alice",
                                     NULL);
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) fields = NULL;

  assert_succeeded (r);
  lines = split_lines (r->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpuint (strlen (fields[0]), ==, 36);
  g_assert_cmpstr (fields[1], ==, name);
  return g_strdup (fields[0]);
}

static void
add_user (Fixture    *f,
          const char *tenant,
          const char *acting_password,
          const char *acting_user,
          const char *user,
          const char *role)
{
  g_autofree char *acting = g_strconcat ("FOODFLOW_PASSWORD=", acting_password, NULL);
  g_autoptr (CliResult) r = run_cli (f, ENV (acting, "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                                     "user", "add", tenant, user, "--role", role,
                                     "--user", acting_user, NULL);

  assert_succeeded (r);
  g_assert_cmpstr (r->out, ==, "");
}

static char **
get_kinds (Fixture *f)
{
  g_autoptr (CliResult) r = run_cli (f, NULL, "kinds", NULL);

  assert_succeeded (r);
  return split_lines (r->out);
}

/* The stats of @tenant as @user, checked to be a JSON object of kind -> count. */
static JsonObject *
get_stats (Fixture           *f,
           const char        *data_dir,
           const char        *tenant,
           const char        *user,
           const char *const *env,
           char             **out_text)
{
  g_autoptr (CliResult) r = run_cli_with (f, data_dir, env, NULL, "stats", tenant, "--user", user,
                                          NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) kinds = get_kinds (f);
  JsonNode *root;
  JsonObject *object;

  assert_succeeded (r);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, g_strv_length (kinds));
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      JsonNode *count = json_object_get_member (object, kinds[i]);

      g_assert_nonnull (count);
      g_assert_cmpint (json_node_get_value_type (count), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (count), >=, 0);
    }
  if (out_text != NULL)
    *out_text = g_strdup (r->out);
  return json_object_ref (object);
}

static void
assert_tenant_count (Fixture *f,
                     guint    expected)
{
  g_autoptr (CliResult) r = run_cli (f, NULL, "tenant", "list", NULL);
  g_auto (GStrv) lines = NULL;

  assert_succeeded (r);
  lines = split_lines (r->out);
  g_assert_cmpuint (g_strv_length (lines), ==, expected);
}

static void
run_demo (Fixture    *f,
          const char *data_dir,
          const char *seed)
{
  g_autoptr (CliResult) r = seed ? run_cli_with (f, data_dir, NULL, NULL, "demo", "--seed", seed,
                                                 "--scale", DEMO_SCALE, NULL)
                                 : run_cli_with (f, data_dir, NULL, NULL, "demo",
                                                 "--scale", DEMO_SCALE, NULL);
  g_auto (GStrv) fields = NULL;

  assert_succeeded (r);
  g_assert_true (g_str_has_suffix (r->out, "\tDemo Foods\n"));
  fields = g_strsplit (r->out, "\t", -1);
  g_assert_cmpuint (strlen (fields[0]), ==, 36);
}

/* Usage and parsing --------------------------------------------------------------------- */

static void
test_no_arguments (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (CliResult) r = run_cli_with (f, NULL, NULL, NULL, NULL);

  /* The one failure allowed more than a line: the usage text itself. */
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  assert_contains (r->err, "Usage");
  assert_contains (r->err, "tenant create");
  assert_contains (r->err, "export");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *const spellings[] = { "--help", "-h" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr (CliResult) r = run_cli_with (f, NULL, NULL, NULL, spellings[i], NULL);

      assert_succeeded (r);
      assert_contains (r->out, "Usage");
      assert_contains (r->out, "foodflow-cli");
    }
}

static void
test_unknown_command (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (CliResult) r1 = run_cli (f, NULL, "frobnicate", NULL);
  g_autoptr (CliResult) r2 = run_cli (f, NULL, "tenant", "frobnicate", NULL);
  g_autoptr (CliResult) r3 = run_cli (f, NULL, "user", "frobnicate", "Acme", "bob", NULL);
  g_autoptr (CliResult) r4 = run_cli (f, NULL, "tenant", NULL);

  assert_failed (r1, 1, "frobnicate");
  assert_failed (r2, 1, "frobnicate");
  assert_failed (r3, 1, "frobnicate");
  assert_failed (r4, 1, "tenant");
}

static void
test_unknown_option (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (CliResult) r1 = run_cli (f, NULL, "tenant", "list", "--frobnicate", NULL);
  g_autoptr (CliResult) r2 = run_cli (f, NULL, "--frobnicate=3", "kinds", NULL);
  g_autoptr (CliResult) r3 = run_cli (f, NULL, "stats", "Acme", "--user", NULL);

  assert_failed (r1, 1, "--frobnicate");
  assert_failed (r2, 1, "--frobnicate");
  assert_failed (r3, 1, "--user");
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  const char *const known[] = { "lines", "suppliers", "skus", "forecasts", "stores" };
  g_auto (GStrv) kinds = get_kinds (f);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_assert_cmpstr (kinds[i], !=, "");
      g_assert_true (g_hash_table_add (seen, kinds[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_assert_true (g_hash_table_contains (seen, known[i]));
}

/* Tenants ------------------------------------------------------------------------------- */

static void
test_tenant_create (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr (CliResult) before = run_cli (f, NULL, "tenant", "list", NULL);
  g_autoptr (CliResult) after = NULL;
  g_auto (GStrv) lines = NULL;

  assert_succeeded (before);
  g_assert_cmpstr (before->out, ==, "");

  id = create_tenant (f, "Acme Foods");
  after = run_cli (f, NULL, "tenant", "list", NULL);
  assert_succeeded (after);
  lines = split_lines (after->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  prefix = g_strconcat (id, "\tAcme Foods\t", NULL);
  g_assert_true (g_str_has_prefix (lines[0], prefix));
}

static void
test_tenant_create_duplicate (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "tenant", "create", "Acme Foods",
                                     "--admin", "bob", NULL);

  assert_failed (r, 1, "already exists");
  assert_tenant_count (f, 1);
}

/* Two processes creating one name at once: one wins; the other says the name is taken, in
 * our words, not SQLite's. */
static void
test_tenant_create_race (Fixture       *f,
                         gconstpointer  data)
{
  const char *const names[] = { "Race Foods", "Relay Foods", "Rally Foods" };

  for (guint round = 0; round < G_N_ELEMENTS (names); round++)
    {
      g_autoptr (GSubprocessLauncher) launcher = NULL;
      GSubprocess *procs[2];
      guint won = 0;

      launcher = cli_launcher (f, AS_ADMIN, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                            | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr (GError) error = NULL;

          procs[i] = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("FOODFLOW_CLI"),
                                                  "--data-dir", f->data_dir, "tenant", "create",
                                                  names[round], "--admin", "alice", NULL);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_subprocess_communicate_utf8 (procs[i], NULL, NULL, &out, &err, &error);
          g_assert_no_error (error);
          g_test_message ("racer %u: %d %s%s", i, g_subprocess_get_exit_status (procs[i]), out,
                          err);
          if (g_subprocess_get_exit_status (procs[i]) == 0)
            won++;
          else
            {
              g_assert_cmpstr (out, ==, "");
              g_assert_true (g_str_has_prefix (err, "foodflow-cli: A tenant named"));
              assert_contains (err, "already exists");
              g_assert_null (strstr (err, "UNIQUE"));
            }
          g_object_unref (procs[i]);
        }
      g_assert_cmpuint (won, ==, 1);
    }
  assert_tenant_count (f, G_N_ELEMENTS (names));
}

static void
test_tenant_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *acme = create_tenant (f, "Acme Foods");
  g_autofree char *other = create_tenant (f, "Other Foods");
  g_autofree char *tenants_dir = g_build_filename (f->data_dir, "tenants", NULL);
  g_autoptr (CliResult) by_user = NULL;
  g_autoptr (CliResult) wrong = NULL;
  g_autoptr (CliResult) deleted = NULL;
  g_autoptr (CliResult) again = NULL;
  g_autoptr (CliResult) listed = NULL;
  g_autoptr (CliResult) help = run_cli (f, NULL, "--help", NULL);
  g_autoptr (CliResult) no_user = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  assert_contains (help->out, "tenant delete NAME --user ADMIN");
  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");
  by_user = run_cli (f, AS_USER, "tenant", "delete", "Acme Foods", "--user", "bob", NULL);
  assert_failed (by_user, 1, "Only an administrator");
  wrong = run_cli (f, ENV ("FOODFLOW_PASSWORD=" WRONG_PASSWORD), "tenant", "delete",
                   "Acme Foods", "--user", "alice", NULL);
  assert_failed (wrong, 2, WRONG_CREDENTIALS);
  no_user = run_cli (f, AS_ADMIN, "tenant", "delete", "Acme Foods", NULL);
  assert_failed (no_user, 1, "--user");
  assert_tenant_count (f, 2);

  deleted = run_cli (f, AS_ADMIN, "tenant", "delete", "acme foods", "--user", "alice", NULL);
  assert_succeeded (deleted);
  g_assert_cmpstr (deleted->out, ==, "");
  listed = run_cli (f, NULL, "tenant", "list", NULL);
  assert_succeeded (listed);
  g_assert_null (strstr (listed->out, "Acme Foods"));
  assert_contains (listed->out, "Other Foods");
  /* Nothing of it stays on disk. */
  dir = g_dir_open (tenants_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, other));
  again = run_cli (f, AS_ADMIN, "tenant", "delete", "Acme Foods", "--user", "alice", NULL);
  assert_failed (again, 1, "Acme Foods");
}

static void
test_tenant_create_short_password (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (CliResult) r = run_cli (f, ENV ("FOODFLOW_PASSWORD=short"), "tenant", "create",
                                     "Acme Foods", "--admin", "alice", NULL);

  assert_failed (r, 1, "8 characters");
  assert_tenant_count (f, 0);
}

static void
test_tenant_create_no_admin (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "tenant", "create", "Acme Foods", NULL);

  assert_failed (r, 1, "--admin");
  assert_tenant_count (f, 0);
}

static void
test_tenant_create_password_stdin (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (CliResult) none = run_cli (f, NULL, "tenant", "create", "Empty Co", "--admin",
                                        "alice", NULL);
  g_autoptr (CliResult) piped = NULL;
  g_autoptr (JsonObject) stats = NULL;

  /* No variable and an empty stdin: there is no password, and no tenant either. */
  assert_failed (none, 1, "FOODFLOW_PASSWORD");
  assert_tenant_count (f, 0);

  piped = run_cli_with (f, f->data_dir, NULL, ADMIN_PASSWORD "\n", "tenant", "create",
                        "Acme Foods", "--admin", "alice", NULL);
  assert_succeeded (piped);
  g_assert_true (g_str_has_suffix (piped->out, "\tAcme Foods\n"));
  stats = get_stats (f, f->data_dir, "Acme Foods", "alice", AS_ADMIN, NULL);
}

/* Authentication ------------------------------------------------------------------------ */

static void
test_stats_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, ENV ("FOODFLOW_PASSWORD=" WRONG_PASSWORD),
                                     "stats", "Acme Foods", "--user", "alice", NULL);

  assert_failed (r, 2, WRONG_CREDENTIALS);
}

static void
test_stats_unknown_user (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "stats", "Acme Foods", "--user", "mallory",
                                     NULL);

  assert_failed (r, 2, WRONG_CREDENTIALS);
}

static void
test_stats_unknown_tenant (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (CliResult) r1 = run_cli (f, AS_ADMIN, "stats", "Nobody Inc", "--user", "alice",
                                      NULL);
  g_autoptr (CliResult) r2 = run_cli (f, AS_ADMIN, "stats", "Nobody Inc", NULL);
  g_autoptr (CliResult) r3 = run_cli (f, AS_ADMIN, "stats", "--user", "alice", NULL);

  assert_failed (r1, 1, "Nobody Inc");
  assert_failed (r2, 1, "--user");
  assert_failed (r3, 1, NULL);
}

/* Demo data ------------------------------------------------------------------------------ */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_auto (GStrv) kinds = get_kinds (f);
  g_autoptr (JsonObject) stats = NULL;
  g_autoptr (CliResult) again = NULL;

  run_demo (f, f->data_dir, NULL);
  stats = get_stats (f, f->data_dir, "Demo Foods", "demo", AS_DEMO, NULL);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_test_message ("%s: %" G_GINT64_FORMAT, kinds[i],
                      json_object_get_int_member (stats, kinds[i]));
      /* The demo fills every kind, even at a small scale. */
      g_assert_cmpint (json_object_get_int_member (stats, kinds[i]), >=, 1);
    }

  again = run_cli (f, NULL, "demo", "--scale", DEMO_SCALE, NULL);
  assert_failed (again, 1, "already exists");
  assert_tenant_count (f, 1);
}

static char *
local_date (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%F");
}

static GBytes *
export_demo_skus (Fixture    *f,
                  const char *data_dir)
{
  g_autoptr (CliResult) r = run_cli_with (f, data_dir, AS_DEMO, NULL, "export", "Demo Foods",
                                          "skus", "--user", "demo", NULL);

  assert_succeeded (r);
  return g_bytes_ref (r->out_bytes);
}

static void
test_demo_seed_determinism (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir_a = g_build_filename (f->root, "a", NULL);
  g_autofree char *dir_b = g_build_filename (f->root, "b", NULL);
  g_autofree char *dir_c = g_build_filename (f->root, "c", NULL);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *day_before = local_date ();
  g_autofree char *day_after = NULL;
  g_autoptr (JsonObject) stats_a = NULL;
  g_autoptr (JsonObject) stats_b = NULL;
  g_autoptr (GBytes) skus_a = NULL;
  g_autoptr (GBytes) skus_b = NULL;
  g_autoptr (GBytes) skus_c = NULL;

  run_demo (f, dir_a, "42");
  run_demo (f, dir_b, "42");
  run_demo (f, dir_c, "7");
  day_after = local_date ();
  stats_a = get_stats (f, dir_a, "Demo Foods", "demo", AS_DEMO, &text_a);
  stats_b = get_stats (f, dir_b, "Demo Foods", "demo", AS_DEMO, &text_b);
  g_assert_cmpstr (text_a, ==, text_b);

  /* The counts alone hardly depend on the seed; the records do. */
  skus_a = export_demo_skus (f, dir_a);
  skus_b = export_demo_skus (f, dir_b);
  skus_c = export_demo_skus (f, dir_c);
  g_assert_false (g_bytes_equal (skus_a, skus_c));
  /* Demo dates count from the day they are made. */
  if (g_strcmp0 (day_before, day_after) != 0)
    {
      g_test_skip ("the demos straddled midnight; their records cannot be compared");
      return;
    }
  g_assert_cmpmem (g_bytes_get_data (skus_a, NULL), g_bytes_get_size (skus_a),
                   g_bytes_get_data (skus_b, NULL), g_bytes_get_size (skus_b));
}

static void
test_demo_bad_options (Fixture       *f,
                       gconstpointer  data)
{
  const struct {
    const char *option;
    const char *value;
  } cases[] = {
    { "--seed", "abc" }, { "--seed", "-1" }, { "--seed", "1.5" }, { "--seed", "" },
    { "--seed", "4294967296" }, { "--scale", "0" }, { "--scale", "-0.5" },
    { "--scale", "abc" }, { "--scale", "101" }, { "--scale", "nan" }, { "--scale", "inf" },
    { "--scale", "0.2x" }, { "--scale", "" },
  };
  g_autoptr (CliResult) two_names = run_cli (f, NULL, "demo", "One", "Two", "--scale",
                                             DEMO_SCALE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliResult) r = run_cli (f, NULL, "demo", cases[i].option, cases[i].value, NULL);

      assert_failed (r, 1, cases[i].option);
    }
  assert_failed (two_names, 1, NULL);
  assert_tenant_count (f, 0);
}

/* Crashes ------------------------------------------------------------------------------- */

/* How many times a crash test kills: fewer under the sanitizers, where each run is slower. */
static guint
crash_tries (guint normal,
             guint sanitized)
{
  return g_strcmp0 (g_getenv ("FOODFLOW_TEST_SANITIZED"), "1") == 0 ? sanitized : normal;
}

/* Runs foodflow-cli in @data_dir with the arguments that follow and, unless it ends first,
 * kills it with SIGKILL after @delay_us (never when negative). Returns TRUE when the kill
 * ended it; *out_us is how long it ran. */
static gboolean run_cli_killed (Fixture           *f,
                                const char        *data_dir,
                                const char *const *env,
                                gint64             delay_us,
                                gint64            *out_us,
                                ...) G_GNUC_NULL_TERMINATED;

static gboolean
run_cli_killed (Fixture           *f,
                const char        *data_dir,
                const char *const *env,
                gint64             delay_us,
                gint64            *out_us,
                ...)
{
  g_autoptr (GPtrArray) argv = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = cli_environ (f, env);
  g_autofree char *command = NULL;
  gint64 start;
  GPid pid;
  int in_fd, status = 0;
  gboolean killed = FALSE;
  va_list ap;

  va_start (ap, out_us);
  argv = cli_argv (data_dir, ap);
  va_end (ap);
  command = g_strjoinv (" ", (char **) argv->pdata + 1);
  start = g_get_monotonic_time ();
  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                            | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &in_fd, NULL, NULL,
                            &error);
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
      g_usleep (200);
    }
  g_spawn_close_pid (pid);
  if (out_us != NULL)
    *out_us = g_get_monotonic_time () - start;
  killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
  g_test_message ("foodflow-cli %s -> %s after %.1f ms", command,
                  killed ? "killed" : "ended", (g_get_monotonic_time () - start) / 1000.0);
  if (!killed)
    g_assert_true (WIFEXITED (status));
  return killed;
}

/* The tenants @data_dir lists, as "id\tname" lines; checked to be the only ones with files in
 * its tenants folder, each with its database. */
static char **
assert_no_debris (Fixture    *f,
                  const char *data_dir)
{
  g_autoptr (CliResult) r = run_cli_with (f, data_dir, NULL, NULL, "tenant", "list", NULL);
  g_autofree char *tenants_dir = g_build_filename (data_dir, "tenants", NULL);
  g_autoptr (GDir) dir = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *listed = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  assert_succeeded (r);
  lines = split_lines (r->out);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *db = g_strconcat (fields[0], ".db", NULL);
      g_autofree char *path = g_build_filename (tenants_dir, db, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_ptr_array_add (listed, g_strconcat (fields[0], "\t", fields[1], NULL));
    }
  dir = g_dir_open (tenants_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean owned = FALSE;

      for (guint i = 0; lines[i] != NULL && !owned; i++)
        owned = strncmp (name, lines[i], 36) == 0;
      if (!owned)
        g_error ("%s/%s belongs to no tenant", tenants_dir, name);
    }
  g_ptr_array_add (listed, NULL);
  return (char **) g_ptr_array_free (listed, FALSE);
}

/* Killed at each named step of a creation, a tenant is never left half made: nothing is listed,
 * no file stays, and the name can be used again. */
static void
test_crash_create_steps (Fixture       *f,
                         gconstpointer  data)
{
  const char *const points[] = { "create-registered", "create-database", "create-populated" };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *dir = g_build_filename (f->root, points[i], NULL);
      g_autofree char *crash = g_strconcat ("FOODFLOW_TEST_CRASH_AT=", points[i], NULL);
      g_auto (GStrv) listed = NULL;
      g_auto (GStrv) again = NULL;
      g_autoptr (CliResult) created = NULL;

      g_assert_true (run_cli_killed (f, dir, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD, crash), -1,
                                     NULL, "tenant", "create", "Acme Foods", "--admin", "alice",
                                     NULL));
      listed = assert_no_debris (f, dir);
      g_assert_cmpuint (g_strv_length (listed), ==, 0);
      created = run_cli_with (f, dir, AS_ADMIN, NULL, "tenant", "create", "Acme Foods",
                              "--admin", "alice", NULL);
      assert_succeeded (created);
      again = assert_no_debris (f, dir);
      g_assert_cmpuint (g_strv_length (again), ==, 1);
    }
}

/* tenant create killed at random moments: afterwards the tenant either is there and opens, or
 * is not there, has left nothing, and can be made. */
static void
test_crash_create_random (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *calibration = g_build_filename (f->root, "calibration", NULL);
  guint tries = crash_tries (20, 6);
  guint killed_absent = 0, killed_present = 0, ended = 0;
  gint64 duration = 0;

  g_assert_false (run_cli_killed (f, calibration, AS_ADMIN, -1, &duration, "tenant", "create",
                                  "Acme Foods", "--admin", "alice", NULL));
  for (guint t = 0; t < tries; t++)
    {
      g_autofree char *name = g_strdup_printf ("try-%u", t);
      g_autofree char *dir = g_build_filename (f->root, name, NULL);
      gint64 delay = g_random_int_range (0, (gint32) (duration * 6 / 5) + 1);
      gboolean killed = run_cli_killed (f, dir, AS_ADMIN, delay, NULL, "tenant", "create",
                                        "Acme Foods", "--admin", "alice", NULL);
      g_auto (GStrv) listed = assert_no_debris (f, dir);

      g_assert_cmpuint (g_strv_length (listed), <=, 1);
      if (listed[0] != NULL)
        {
          g_autoptr (JsonObject) stats = get_stats (f, dir, "Acme Foods", "alice", AS_ADMIN,
                                                    NULL);
          killed ? killed_present++ : ended++;
        }
      else
        {
          g_autoptr (CliResult) created = NULL;

          g_assert_true (killed);
          killed_absent++;
          created = run_cli_with (f, dir, AS_ADMIN, NULL, "tenant", "create", "Acme Foods",
                                  "--admin", "alice", NULL);
          assert_succeeded (created);
        }
    }
  g_test_message ("tenant create, %u tries within %.0f ms: %u killed before it was made, "
                  "%u killed after, %u ended", tries, duration * 1.2 / 1000.0, killed_absent,
                  killed_present, ended);
}

/* demo killed at random moments: a demo tenant is listed only when it is complete, and a
 * killed one never blocks the next. */
static void
test_crash_demo (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *calibration = g_build_filename (f->root, "calibration", NULL);
  g_auto (GStrv) kinds = get_kinds (f);
  guint tries = crash_tries (6, 3);
  guint killed_absent = 0, killed_present = 0, ended = 0, reruns = 0;
  gint64 duration = 0;

  g_assert_false (run_cli_killed (f, calibration, NULL, -1, &duration, "demo", "--scale",
                                  "0.001", NULL));
  for (guint t = 0; t < tries; t++)
    {
      g_autofree char *name = g_strdup_printf ("try-%u", t);
      g_autofree char *dir = g_build_filename (f->root, name, NULL);
      gint64 delay = g_random_int_range (0, (gint32) duration + 1);
      gboolean killed = run_cli_killed (f, dir, NULL, delay, NULL, "demo", "--scale", "0.001",
                                        NULL);
      g_auto (GStrv) listed = assert_no_debris (f, dir);

      g_assert_cmpuint (g_strv_length (listed), <=, 1);
      if (listed[0] != NULL)
        {
          g_autoptr (JsonObject) stats = get_stats (f, dir, "Demo Foods", "demo", AS_DEMO,
                                                    NULL);

          for (guint i = 0; kinds[i] != NULL; i++)
            g_assert_cmpint (json_object_get_int_member (stats, kinds[i]), >=, 1);
          killed ? killed_present++ : ended++;
          continue;
        }
      g_assert_true (killed);
      killed_absent++;
      /* Running it again works (twice is enough to show it; each run takes a second). */
      if (reruns++ < 2)
        run_demo (f, dir, NULL);
    }
  g_test_message ("demo, %u tries within %.0f ms: %u killed before it was ready, %u killed "
                  "after, %u ended", tries, duration / 1000.0, killed_absent, killed_present,
                  ended);
}

/* user add killed between the user's row and their keys: the user cannot open the tenant yet,
 * and adding them again completes it instead of failing with "already exists". */
static void
test_crash_user_add (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) locked_out = NULL;
  g_autoptr (CliResult) again = NULL;
  g_autoptr (CliResult) twice = NULL;
  g_autoptr (JsonObject) stats = NULL;

  g_assert_true (run_cli_killed (f, f->data_dir,
                                 ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                                      "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD,
                                      "FOODFLOW_TEST_CRASH_AT=add-user-row"),
                                 -1, NULL, "user", "add", "Acme Foods", "bob", "--role", "planner",
                                 "--user", "alice", NULL));
  locked_out = run_cli (f, AS_USER, "stats", "Acme Foods", "--user", "bob", NULL);
  assert_failed (locked_out, 2, WRONG_CREDENTIALS);

  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");
  stats = get_stats (f, f->data_dir, "Acme Foods", "bob", AS_USER, NULL);
  twice = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                           "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                   "user", "add", "Acme Foods", "bob", "--role", "planner", "--user", "alice",
                   NULL);
  assert_failed (twice, 1, "already exists");
}

/* Users ---------------------------------------------------------------------------------- */

static void
test_user_add (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (JsonObject) stats_bob = NULL;
  g_autoptr (JsonObject) stats_carol = NULL;
  g_autoptr (CliResult) piped = NULL;

  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");
  stats_bob = get_stats (f, f->data_dir, "Acme Foods", "bob", AS_USER, NULL);

  /* The new user's password from stdin when $FOODFLOW_NEW_PASSWORD is absent. */
  piped = run_cli_with (f, f->data_dir, AS_ADMIN, USER_PASSWORD "\n", "user", "add",
                        "Acme Foods", "carol", "--role", "admin", "--user", "alice", NULL);
  assert_succeeded (piped);
  stats_carol = get_stats (f, f->data_dir, "Acme Foods", "carol", AS_USER, NULL);

  /* The role took: carol, made an administrator, can manage users herself. */
  add_user (f, "Acme Foods", USER_PASSWORD, "carol", "dave", "viewer");
}

static void
test_user_add_by_non_admin (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) remove = NULL;
  g_autoptr (CliResult) stats = NULL;

  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");
  add = run_cli (f, ENV ("FOODFLOW_PASSWORD=" USER_PASSWORD,
                         "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                 "user", "add", "Acme Foods", "carol", "--role", "viewer", "--user", "bob", NULL);
  assert_failed (add, 1, "Only an administrator");
  remove = run_cli (f, AS_USER, "user", "remove", "Acme Foods", "alice", "--user", "bob", NULL);
  assert_failed (remove, 1, "Only an administrator");
  stats = run_cli (f, AS_USER, "stats", "Acme Foods", "--user", "carol", NULL);
  assert_failed (stats, 2, WRONG_CREDENTIALS);
}

static void
test_user_add_bad_role (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) bad = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                                               "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                                       "user", "add", "Acme Foods", "bob", "--role", "chef",
                                       "--user", "alice", NULL);
  g_autoptr (CliResult) missing = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                                                   "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                                           "user", "add", "Acme Foods", "bob",
                                           "--user", "alice", NULL);
  g_autoptr (CliResult) stats = NULL;

  assert_failed (bad, 1, "chef");
  assert_contains (bad->err, ALL_ROLES);
  assert_failed (missing, 1, ALL_ROLES);
  stats = run_cli (f, AS_USER, "stats", "Acme Foods", "--user", "bob", NULL);
  assert_failed (stats, 2, WRONG_CREDENTIALS);
}

static void
test_user_remove (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) removed = NULL;
  g_autoptr (CliResult) stats = NULL;
  g_autoptr (CliResult) again = NULL;

  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");
  removed = run_cli (f, AS_ADMIN, "user", "remove", "Acme Foods", "bob", "--user", "alice", NULL);
  assert_succeeded (removed);
  g_assert_cmpstr (removed->out, ==, "");
  stats = run_cli (f, AS_USER, "stats", "Acme Foods", "--user", "bob", NULL);
  assert_failed (stats, 2, WRONG_CREDENTIALS);
  again = run_cli (f, AS_ADMIN, "user", "remove", "Acme Foods", "bob", "--user", "alice", NULL);
  assert_failed (again, 1, "bob");
}

static void
test_user_remove_last_admin (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "user", "remove", "Acme Foods", "alice",
                                     "--user", "alice", NULL);
  g_autoptr (JsonObject) stats = NULL;

  assert_failed (r, 1, "administrator");
  stats = get_stats (f, f->data_dir, "Acme Foods", "alice", AS_ADMIN, NULL);
}

static void
test_user_passwd (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) own = NULL;
  g_autoptr (CliResult) old_fails = NULL;
  g_autoptr (CliResult) for_bob = NULL;
  g_autoptr (CliResult) by_bob = NULL;
  g_autoptr (CliResult) rekeyed = NULL;
  g_autoptr (CliResult) flag_value = NULL;
  g_autoptr (CliResult) piped = NULL;
  g_autoptr (CliResult) weak = NULL;
  g_autoptr (CliResult) help = run_cli (f, NULL, "--help", NULL);
  g_autoptr (JsonObject) stats = NULL;

  assert_contains (help->out, "user passwd TENANT [USER] --user U [--rekey]");
  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "bob", "planner");

  /* One's own password: USER defaults to --user. */
  own = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                         "FOODFLOW_NEW_PASSWORD=" USER_PASSWORD),
                 "user", "passwd", "Acme Foods", "--user", "alice", NULL);
  assert_succeeded (own);
  g_assert_cmpstr (own->out, ==, "");
  old_fails = run_cli (f, AS_ADMIN, "stats", "Acme Foods", "--user", "alice", NULL);
  assert_failed (old_fails, 2, WRONG_CREDENTIALS);
  stats = get_stats (f, f->data_dir, "Acme Foods", "alice", AS_USER, NULL);
  g_clear_pointer (&stats, json_object_unref);

  /* An admin sets a forgotten password, and may change the key with it. */
  for_bob = run_cli (f, ENV ("FOODFLOW_PASSWORD=" USER_PASSWORD,
                             "FOODFLOW_NEW_PASSWORD=" ADMIN_PASSWORD),
                     "user", "passwd", "Acme Foods", "bob", "--user", "alice", "--rekey", NULL);
  assert_succeeded (for_bob);
  stats = get_stats (f, f->data_dir, "Acme Foods", "bob", AS_ADMIN, NULL);
  g_clear_pointer (&stats, json_object_unref);

  /* Others may not. */
  by_bob = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                            "FOODFLOW_NEW_PASSWORD=" WRONG_PASSWORD),
                    "user", "passwd", "Acme Foods", "alice", "--user", "bob", NULL);
  assert_failed (by_bob, 1, "Only an administrator");
  weak = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD, "FOODFLOW_NEW_PASSWORD=short"),
                  "user", "passwd", "Acme Foods", "--user", "bob", NULL);
  assert_failed (weak, 1, "8 characters");
  flag_value = run_cli (f, AS_ADMIN, "user", "passwd", "Acme Foods", "--user", "bob",
                        "--rekey=yes", NULL);
  assert_failed (flag_value, 1, "--rekey");

  /* The new password from stdin when $FOODFLOW_NEW_PASSWORD is absent (no prompt, no second
   * reading: stdin is no terminal). */
  piped = run_cli_with (f, f->data_dir, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD),
                        WRONG_PASSWORD "\n", "user", "passwd", "Acme Foods", "--user", "bob",
                        "--rekey", NULL);
  assert_succeeded (piped);
  rekeyed = run_cli (f, ENV ("FOODFLOW_PASSWORD=" WRONG_PASSWORD), "stats", "Acme Foods",
                     "--user", "bob", NULL);
  assert_succeeded (rekeyed);
}

/* A removal re-encrypts the tenant, whose journal needs about its size in free disk space:
 * with less, it is refused up front with both figures, and bob stays. Needs a small file
 * system of its own (a tmpfs in a private mount namespace), so root. */
static void
test_user_remove_no_space (Fixture       *f,
                           gconstpointer  data)
{
  static const char script[] =
    "set -e\n"
    "mount -t tmpfs -o size=$4 tmpfs \"$1\"\n"
    "cp -a \"$2/.\" \"$1/\"\n"
    "\"$3\" --data-dir \"$1\" user remove 'Acme Foods' bob --user alice && exit 0 || status=$?\n"
    "echo \"status $status\"\n"
    "FOODFLOW_PASSWORD=\"$5\" \"$3\" --data-dir \"$1\" stats 'Acme Foods' --user bob"
    " > /dev/null\n"
    "echo bob-stays\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *mnt = g_build_filename (f->root, "small", NULL);
  g_autofree char *size = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) admin = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  GStatBuf st;

  if (geteuid () != 0 || unshare == NULL)
    {
      g_test_skip ("needs root and unshare(1) for a small file system of its own");
      return;
    }
  vault = ff_vault_open (f->data_dir, &error);
  g_assert_no_error (error);
  info = ff_vault_create_tenant (vault, "Acme Foods", "alice", ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin = ff_vault_unlock (vault, "Acme Foods", "alice", ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (vault, admin, "bob", FF_ROLE_QA, USER_PASSWORD, &error));
  g_assert_true (ff_store_exec (ff_session_get_store (admin),
                                "CREATE TABLE filler (data BLOB); "
                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                "WHERE i < 2000) INSERT INTO filler SELECT randomblob (2000) "
                                "FROM n", &error));
  g_assert_no_error (error);
  g_clear_object (&admin);
  g_clear_object (&vault);
  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  g_assert_cmpint (g_stat (info->path, &st), ==, 0);
  /* Room for the files and a little more, not for a journal of the tenant's size. */
  size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_size + 1024 * 1024);

  launcher = cli_launcher (f, AS_ADMIN, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  proc = g_subprocess_launcher_spawn (launcher, &error, "unshare", "-m", "sh", "-c", script, "sh",
                                      mnt, f->data_dir, g_getenv ("FOODFLOW_CLI"), size,
                                      USER_PASSWORD, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s; stderr: %s", out, err);
  if (strstr (err, "mount:") != NULL || strstr (err, "unshare:") != NULL)
    {
      g_test_skip ("could not mount a tmpfs here");
      return;
    }
  assert_contains (out, "status 1\n");
  assert_contains (err, "Changing the tenant's key needs ");
  assert_contains (err, " of free disk space next to its database, but only ");
  assert_contains (err, "Free some space and try again");
  assert_contains (out, "bob-stays\n");
}

/* Export ---------------------------------------------------------------------------------- */

/* The number of CSV records in @csv, each checked to end with CRLF (RFC 4180); CR and LF
 * inside quoted fields belong to the field. */
static guint
count_csv_records (const char *csv,
                   gsize       len)
{
  gboolean quoted = FALSE;
  guint records = 0;

  g_assert_true (len >= 2 && csv[len - 2] == '\r' && csv[len - 1] == '\n');
  for (gsize i = 0; i < len; i++)
    {
      if (csv[i] == '"')
        quoted = !quoted;
      else if (!quoted && csv[i] == '\r')
        {
          g_assert_true (i + 1 < len && csv[i + 1] == '\n');
          records++;
          i++;
        }
      else if (!quoted)
        g_assert_cmpint (csv[i], !=, '\n');
    }
  g_assert_false (quoted);
  return records;
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (GStrv) kinds = get_kinds (f);
  g_autoptr (JsonObject) stats = NULL;

  run_demo (f, f->data_dir, NULL);
  stats = get_stats (f, f->data_dir, "Demo Foods", "demo", AS_DEMO, NULL);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr (CliResult) r = g_str_equal (kinds[i], "skus")
                                ? run_cli (f, AS_DEMO, "export", "Demo Foods", kinds[i],
                                           "--user", "demo", "--format", "csv", NULL)
                                : run_cli (f, AS_DEMO, "export", "Demo Foods", kinds[i],
                                           "--user", "demo", NULL);
      g_autofree char *header = NULL;
      g_auto (GStrv) names = NULL;
      gint64 expected = json_object_get_int_member (stats, kinds[i]);

      assert_succeeded (r);
      g_assert_cmpuint (count_csv_records (r->out, strlen (r->out)), ==, expected + 1);
      header = g_strndup (r->out, strcspn (r->out, "\r\n"));
      names = g_strsplit (header, ",", -1);
      g_assert_cmpuint (g_strv_length (names), >=, 1);
      for (guint j = 0; names[j] != NULL; j++)
        {
          g_assert_cmpstr (names[j], !=, "");
          for (const char *p = names[j]; *p; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');
        }
      if (g_str_equal (kinds[i], "skus"))
        g_assert_true (g_str_has_prefix (header, "code,gtin,"));
    }
}

static void
test_export_to_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->root, "skus.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CliResult) to_stdout = NULL;
  g_autoptr (CliResult) to_file = NULL;
  gsize len = 0;

  run_demo (f, f->data_dir, NULL);
  to_stdout = run_cli (f, AS_DEMO, "export", "Demo Foods", "skus", "--user", "demo", NULL);
  assert_succeeded (to_stdout);
  /* An existing file is replaced, not appended to. */
  g_file_set_contents (path, "stale\r\n", -1, &error);
  g_assert_no_error (error);
  to_file = run_cli (f, AS_DEMO, "export", "Demo Foods", "skus", "--user", "demo", "-o", path,
                     NULL);
  assert_succeeded (to_file);
  g_assert_cmpstr (to_file->out, ==, "");
  g_file_get_contents (path, &written, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (written, len, g_bytes_get_data (to_stdout->out_bytes, NULL),
                   g_bytes_get_size (to_stdout->out_bytes));
}

/* Whatever the umask it was started with, foodflow-cli writes files for the user alone. */
static void
test_export_private (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->root, "skus.csv", NULL);
  g_autoptr (CliResult) created = NULL;
  g_autoptr (CliResult) exported = NULL;
  mode_t saved = umask (022);
  struct stat st;

  created = run_cli (f, AS_ADMIN, "tenant", "create", "Acme Foods", "--admin", "alice", NULL);
  exported = run_cli (f, AS_ADMIN, "export", "Acme Foods", "skus", "--user", "alice", "-o", path,
                      NULL);
  umask (saved);
  assert_succeeded (created);
  assert_succeeded (exported);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
}

static void
test_export_unknown_kind (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "export", "Acme Foods", "widgets",
                                     "--user", "alice", NULL);

  assert_failed (r, 1, "widgets");
}

static void
test_export_bad_format (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "export", "Acme Foods", "skus",
                                     "--user", "alice", "--format", "xml", NULL);

  assert_failed (r, 1, "xml");
}

static void
test_export_wrong_password (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->root, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "skus.csv", NULL);
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) wrong = NULL;
  g_autoptr (CliResult) unknown = NULL;
  g_autoptr (GDir) dir = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  wrong = run_cli (f, ENV ("FOODFLOW_PASSWORD=" WRONG_PASSWORD), "export", "Acme Foods", "skus",
                   "--user", "alice", "-o", path, NULL);
  assert_failed (wrong, 2, WRONG_CREDENTIALS);
  unknown = run_cli (f, AS_ADMIN, "export", "Nobody Inc", "skus", "--user", "alice", "-o", path,
                     NULL);
  assert_failed (unknown, 1, "Nobody Inc");

  /* Neither the file nor a temporary one beside it. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_export_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->root, "skus.xlsx", NULL);
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CliResult) to_stdout = NULL;
  g_autoptr (CliResult) to_file = NULL;
  gsize len = 0;

  run_demo (f, f->data_dir, NULL);
  /* A workbook is no text for a terminal: it needs a file. */
  to_stdout = run_cli (f, AS_DEMO, "export", "Demo Foods", "skus", "--user", "demo",
                       "--format", "xlsx", NULL);
  assert_failed (to_stdout, 1, "-o FILE");
  to_file = run_cli (f, AS_DEMO, "export", "Demo Foods", "skus", "--user", "demo",
                     "--format", "xlsx", "-o", path, NULL);
  assert_succeeded (to_file);
  g_assert_cmpstr (to_file->out, ==, "");
  g_file_get_contents (path, &written, &len, &error);
  g_assert_no_error (error);
  /* A zip archive (Office Open XML), not CSV text. */
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (written, 4, "PK\003\004", 4);
}

/* The figures of an overview as JSON: each with its value, how it was computed and the list it
 * opens; a workspace that does not exist is named in the error. */
static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (CliResult) r = NULL;
  g_autoptr (CliResult) bad = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *kpis;
  gboolean found = FALSE;

  run_demo (f, f->data_dir, NULL);
  r = run_cli (f, AS_DEMO, "overview", "Demo Foods", "fsq", "--user", "demo", NULL);
  assert_succeeded (r);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  kpis = json_object_get_array_member (root, "kpis");
  g_assert_cmpuint (json_array_get_length (kpis), >=, 5);
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      g_assert_nonnull (json_object_get_string_member (kpi, "value"));
      g_assert_nonnull (json_object_get_string_member (kpi, "method"));
      if (g_str_equal (json_object_get_string_member (kpi, "id"), "fsq.ccp-excursions-week"))
        {
          JsonObject *query = json_object_get_object_member (kpi, "query");

          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (kpi, "kind"), ==, "ccp_readings");
          g_assert_cmpstr (json_object_get_string_member (query, "condition"), ==,
                           "out-of-limit");
          g_assert_cmpstr (json_object_get_string_member (query, "descending"), ==, "true");
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "trends")), >=, 1);

  bad = run_cli (f, AS_DEMO, "overview", "Demo Foods", "kitchen", "--user", "demo", NULL);
  assert_failed (bad, 1, "“kitchen” is not a workspace");
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->root, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gint64
count_of (Fixture    *f,
          const char *kind)
{
  g_autoptr (JsonObject) stats = get_stats (f, f->data_dir, "Acme Foods", "alice", AS_ADMIN,
                                            NULL);

  return json_object_get_int_member (stats, kind);
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autofree char *path = write_file (f, "plants.csv",
                                      "code,name,city,country,timezone\r\n"
                                      "P-01,North Plant,Leeds,GB,Europe/London\r\n"
                                      "P-02,South Plant,Exeter,GB,Europe/London\r\n");
  g_autofree char *other = write_file (f, "other-plants.csv",
                                       "code,name,city,country,timezone\r\n"
                                       "P-03,East Plant,Hull,GB,Europe/London\r\n"
                                       "p-02,South Works,Exeter,GB,Europe/London\r\n");
  g_autoptr (CliResult) first = NULL;
  g_autoptr (CliResult) again = NULL;
  g_autoptr (CliResult) changed = NULL;
  g_autoptr (CliResult) exported = NULL;

  first = run_cli (f, AS_ADMIN, "import", "Acme Foods", "plants", path, "--user", "alice", NULL);
  assert_succeeded (first);
  g_assert_cmpstr (first->out, ==, "2\n");
  g_assert_cmpint (count_of (f, "plants"), ==, 2);

  /* The same file again records nothing new and says why. */
  again = run_cli (f, AS_ADMIN, "import", "Acme Foods", "plants", path, "--user", "alice", NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_cmpstr (again->out, ==, "0\n");
  assert_contains (again->err, "2 rows were already recorded with the same values");
  g_assert_cmpint (count_of (f, "plants"), ==, 2);

  /* A code already used, by a record with other values, is a conflict named field by field. */
  changed = run_cli (f, AS_ADMIN, "import", "Acme Foods", "plants", other, "--user", "alice",
                     NULL);
  g_assert_cmpint (changed->status, ==, 1);
  assert_contains (changed->err, "line 3, column 1: code “p-02” is already taken, with "
                                 "other values: name South Works here, South Plant recorded\n");
  assert_contains (changed->err, "nothing was imported (1 problem)");
  g_assert_cmpint (count_of (f, "plants"), ==, 2);

  exported = run_cli (f, AS_ADMIN, "export", "Acme Foods", "plants", "--user", "alice", NULL);
  assert_succeeded (exported);
  assert_contains (exported->out, "P-01,North Plant,");
  assert_contains (exported->out, "P-02,South Plant,");
}

/* Every problem of a file up to a bound, then how many more, then the verdict; nothing
 * written, the good rows included. */
static void
test_import_many_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (GString) csv = g_string_new ("code,name,timezone\r\nP-OK,Good Plant,UTC\r\n");
  g_autofree char *path = NULL;
  g_autoptr (CliResult) r = NULL;
  g_auto (GStrv) lines = NULL;
  guint n;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (csv, "P-%03u,,UTC\r\n", i);
  path = write_file (f, "plants.csv", csv->str);
  r = run_cli (f, AS_ADMIN, "import", "Acme Foods", "plants", path, "--user", "alice", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  lines = split_lines (r->err);
  n = g_strv_length (lines);
  /* 100 problems, "… and 150 more problems", "nothing was imported (250 problems)". */
  g_assert_cmpuint (n, ==, 102);
  assert_contains (lines[0], "line 3");
  assert_contains (lines[99], "line 102");
  assert_contains (lines[100], "… and 150 more problems");
  assert_contains (lines[101], "nothing was imported (250 problems)");
  for (guint i = 0; i < n; i++)
    g_assert_true (g_str_has_prefix (lines[i], "foodflow-cli: "));
  g_assert_cmpint (count_of (f, "plants"), ==, 0);
}

static void
test_import_missing_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autofree char *path = g_build_filename (f->root, "nowhere.csv", NULL);
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "import", "Acme Foods", "plants", path,
                                     "--user", "alice", NULL);

  assert_failed (r, 1, "nowhere.csv");
}

/* Lots ------------------------------------------------------------------------------------ */

static void
import_file (Fixture    *f,
             const char *kind,
             const char *csv)
{
  g_autofree char *name = g_strconcat (kind, ".csv", NULL);
  g_autofree char *path = write_file (f, name, csv);
  g_autoptr (CliResult) r = run_cli (f, AS_ADMIN, "import", "Acme Foods", kind, path, "--user",
                                     "alice", NULL);

  assert_succeeded (r);
}

/* A finished lot made from a salt lot with an open critical deviation: refused, then released
 * by a QA user's e-signature; why a lot is held is said. */
static void
test_lot_guarded_release (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) why = NULL, refused = NULL, wrong = NULL, signed_ = NULL;
  g_autoptr (CliResult) hold = NULL, signatures = NULL, unreasoned = NULL;

  add_user (f, "Acme Foods", ADMIN_PASSWORD, "alice", "quinn", "qa");
  import_file (f, "lots", "code,lot_type,status,quantity,unit,produced_or_received_on\r\n"
                          "RM-1,ingredient,quarantine,500,kg,2026-11-20\r\n"
                          "FG-1,finished,quarantine,120,kg,2026-11-21\r\n");
  import_file (f, "lot_links", "code,event_code,input_lot,output_lot,quantity,unit,"
                               "transformed_at,location\r\n"
                               "LINK-1,TE-1,RM-1,FG-1,3,kg,2026-11-21T08:00:00Z,Plant Eindhoven\r\n");
  import_file (f, "deviations", "code,raised_at,severity,category,description,lot,status\r\n"
                                "DEV-1,2026-11-21T09:00:00Z,critical,foreign_body,"
                                "Glass in the salt delivery,RM-1,open\r\n");

  hold = run_cli (f, AS_ADMIN, "lot", "hold", "Acme Foods", "RM-1", "--user", "alice",
                  "--reason", "Glass found at intake", NULL);
  assert_succeeded (hold);
  why = run_cli (f, AS_ADMIN, "lot", "why", "Acme Foods", "RM-1", "--user", "alice", NULL);
  assert_succeeded (why);
  assert_contains (why->out, "hold\nheld by alice since ");
  assert_contains (why->out, "Glass found at intake\n");
  assert_contains (why->out, "DEV-1 (Critical, Open): Glass in the salt delivery\n");
  g_clear_pointer (&why, cli_result_free);
  /* The finished lot is held by what is upstream of it. */
  why = run_cli (f, AS_ADMIN, "lot", "why", "Acme Foods", "FG-1", "--user", "alice", NULL);
  assert_succeeded (why);
  assert_contains (why->out, "quarantine\n");
  assert_contains (why->out,
                   "Release blocked by DEV-1 on input lot RM-1: Glass in the salt delivery\n");

  unreasoned = run_cli (f, AS_ADMIN, "lot", "release", "Acme Foods", "FG-1", "--user", "alice",
                        NULL);
  assert_failed (unreasoned, 1, "--reason");
  refused = run_cli (f, AS_ADMIN, "lot", "release", "Acme Foods", "FG-1", "--user", "alice",
                     "--reason", "Micro results OK", NULL);
  assert_failed (refused, 1, "open critical deviation DEV-1 on input lot RM-1");
  wrong = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                           "FOODFLOW_SIGNER_PASSWORD=" ADMIN_PASSWORD),
                   "lot", "release", "Acme Foods", "FG-1", "--user", "alice", "--reason",
                   "Micro results OK", "--override-by", "quinn", NULL);
  assert_failed (wrong, 2, NULL);
  signed_ = run_cli (f, ENV ("FOODFLOW_PASSWORD=" ADMIN_PASSWORD,
                             "FOODFLOW_SIGNER_PASSWORD=" USER_PASSWORD),
                     "lot", "release", "Acme Foods", "FG-1", "--user", "alice", "--reason",
                     "Salt not used in this batch", "--override-by", "quinn", NULL);
  assert_succeeded (signed_);
  signatures = run_cli (f, AS_ADMIN, "export", "Acme Foods", "signatures", "--user", "alice",
                        NULL);
  assert_succeeded (signatures);
  assert_contains (signatures->out, ",FG-1,released,quinn,quinn,0,");
  assert_contains (signatures->out, ",Salt not used in this batch,");
}

/* Tools ------------------------------------------------------------------------------------ */

/* foodflow-cli tools describes the registry; tool runs one, its parameters checked first. */
static void
test_tools (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) list = NULL, nowhere = NULL, forward = NULL, missing = NULL;
  g_autoptr (CliResult) not_json = NULL, unknown = NULL;
  g_autoptr (JsonNode) tools = NULL, result = NULL;
  JsonObject *counts;

  list = run_cli (f, NULL, "tools", "--workspace", "fsq", NULL);
  assert_succeeded (list);
  tools = json_from_string (list->out, NULL);
  g_assert_nonnull (tools);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (tools)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *tool = json_array_get_object_element (json_node_get_array (tools), i);
      g_assert_cmpstr (json_object_get_string_member (tool, "workspace"), ==, "fsq");
      g_assert_true (json_object_has_member (json_object_get_object_member (tool, "parameters"),
                                             "properties"));
    }
  nowhere = run_cli (f, NULL, "tools", "--workspace", "nowhere", NULL);
  assert_failed (nowhere, 1, "“nowhere” is not a workspace");

  import_file (f, "lots", "code,lot_type,status,quantity,unit,produced_or_received_on\r\n"
                          "RM-1,ingredient,released,500,kg,2026-11-20\r\n"
                          "FG-1,finished,released,120,kg,2026-11-21\r\n");
  import_file (f, "lot_links", "code,event_code,input_lot,output_lot,quantity,unit,"
                               "transformed_at,location\r\n"
                               "LINK-1,TE-1,RM-1,FG-1,50,kg,2026-11-21T08:00:00Z,Plant Eindhoven\r\n");
  forward = run_cli (f, AS_ADMIN, "tool", "Acme Foods", "trace_lot_forward", "{\"lot\": \"RM-1\"}",
                     "--user", "alice", NULL);
  assert_succeeded (forward);
  result = json_from_string (forward->out, NULL);
  g_assert_nonnull (result);
  counts = json_object_get_object_member (json_object_get_object_member (
                                            json_node_get_object (result), "result"), "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "lots"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "links"), ==, 1);
  assert_contains (forward->out, "\"lot\" : \"FG-1\"");

  missing = run_cli (f, AS_ADMIN, "tool", "Acme Foods", "trace_lot_forward", "{}", "--user",
                     "alice", NULL);
  assert_failed (missing, 1, "lot: is required");
  not_json = run_cli (f, AS_ADMIN, "tool", "Acme Foods", "trace_lot_forward", "{lot", "--user",
                      "alice", NULL);
  assert_failed (not_json, 1, "The parameters are not JSON");
  unknown = run_cli (f, AS_ADMIN, "tool", "Acme Foods", "make_coffee", "--user", "alice", NULL);
  assert_failed (unknown, 1, "“make_coffee” is not a tool");
}

/* A mock recall of a raw-material lot forward and a finished lot backward, kept as an
 * exercise; lots given the wrong way round are refused before anything is written. */
static void
test_recall (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = create_tenant (f, "Acme Foods");
  g_autoptr (CliResult) recall = NULL, none = NULL, two = NULL, listed = NULL, nolot = NULL;
  g_autoptr (JsonNode) result = NULL;
  JsonObject *o;

  import_file (f, "lots", "code,lot_type,status,quantity,unit,produced_or_received_on\r\n"
                          "RM-1,ingredient,released,500,kg,2026-11-20\r\n"
                          "RM-2,ingredient,released,80,kg,2026-11-20\r\n"
                          "FG-1,finished,released,120,kg,2026-11-21\r\n");
  import_file (f, "lot_links", "code,event_code,input_lot,output_lot,quantity,unit,"
                               "transformed_at,location\r\n"
                               "LINK-1,TE-1,RM-1,FG-1,50,kg,2026-11-21T08:00:00Z,Plant\r\n"
                               "LINK-2,TE-1,RM-2,FG-1,70,kg,2026-11-21T08:00:00Z,Plant\r\n");
  recall = run_cli (f, AS_ADMIN, "recall", "Acme Foods", "--lot", "RM-1", "--lot", "FG-1",
                    "--notes", "Drill", "--user", "alice", NULL);
  assert_succeeded (recall);
  result = json_from_string (recall->out, NULL);
  g_assert_nonnull (result);
  o = json_node_get_object (result);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "exercise"), "MR-"));
  /* RM-1, FG-1 and, backward, RM-2. */
  g_assert_cmpint (json_object_get_int_member (o, "lots_reached"), ==, 3);
  /* RM-1: 50 of 500 kg used, nothing counted: 10 % accounted for; FG-1 neither shipped nor
   * counted: 0 %, the lower of the two. */
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (
                       json_object_get_object_member (json_object_get_object_member (
                         o, "forward"), "mass_balance"), "accounted_pct"), "value"), ==, 10);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (
                       o, "accounted_pct"), "value"), ==, 0);
  assert_contains (recall->out, "\"cause\" : \"no_stock_count\"");

  listed = run_cli (f, AS_ADMIN, "export", "Acme Foods", "recall_exercises", "--user", "alice",
                    NULL);
  assert_succeeded (listed);
  assert_contains (listed->out, ",RM-1,FG-1,2026-12-02T09:30:00Z,");
  assert_contains (listed->out, ",alice,Drill,");

  none = run_cli (f, AS_ADMIN, "recall", "Acme Foods", "--user", "alice", NULL);
  assert_failed (none, 1, "recall takes one or two --lot");
  two = run_cli (f, AS_ADMIN, "recall", "Acme Foods", "--lot", "RM-1", "--lot", "RM-2", "--user",
                 "alice", NULL);
  assert_failed (two, 1, "RM-1 and RM-2 are both ingredient lots");
  nolot = run_cli (f, AS_ADMIN, "recall", "Acme Foods", "--lot", "RM-9", "--user", "alice", NULL);
  assert_failed (nolot, 1, "RM-9");
  g_clear_pointer (&listed, cli_result_free);
  listed = run_cli (f, AS_ADMIN, "export", "Acme Foods", "recall_exercises", "--user", "alice",
                    NULL);
  {
    /* The header, the one exercise and the empty string after the last line break. */
    g_auto (GStrv) lines = g_strsplit (listed->out, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
}

/* The data directory ------------------------------------------------------------------- */

static void
test_data_dir_from_env (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *env_dir = g_strconcat ("FOODFLOW_DATA_DIR=", f->data_dir, NULL);
  g_autofree char *other_dir = g_build_filename (f->root, "other", NULL);
  g_autofree char *env_other = g_strconcat ("FOODFLOW_DATA_DIR=", other_dir, NULL);
  g_autoptr (CliResult) created = NULL;
  g_autoptr (CliResult) listed = NULL;
  g_autoptr (CliResult) overridden = NULL;
  g_autoptr (CliResult) fallback = NULL;

  created = run_cli_with (f, NULL, ENV (env_dir, "FOODFLOW_PASSWORD=" ADMIN_PASSWORD), NULL,
                          "tenant", "create", "Acme Foods", "--admin", "alice", NULL);
  assert_succeeded (created);
  g_assert_true (g_str_has_suffix (created->out, "\tAcme Foods\n"));

  /* Where the variable pointed is where --data-dir finds it. */
  assert_tenant_count (f, 1);
  listed = run_cli_with (f, NULL, ENV (env_dir), NULL, "tenant", "list", NULL);
  assert_succeeded (listed);
  assert_contains (listed->out, "\tAcme Foods\t");

  /* --data-dir wins over the variable. */
  overridden = run_cli_with (f, f->data_dir, ENV (env_other), NULL, "tenant", "list", NULL);
  assert_succeeded (overridden);
  assert_contains (overridden->out, "\tAcme Foods\t");

  /* Without either, the XDG data dir, which knows nothing of it. */
  fallback = run_cli_with (f, NULL, NULL, NULL, "tenant", "list", NULL);
  assert_succeeded (fallback);
  g_assert_cmpstr (fallback->out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("FOODFLOW_CLI") == NULL)
    {
      g_printerr ("FOODFLOW_CLI must name the foodflow-cli binary to test\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("usage/no-arguments", test_no_arguments);
  ADD ("usage/help", test_help);
  ADD ("usage/unknown-command", test_unknown_command);
  ADD ("usage/unknown-option", test_unknown_option);
  ADD ("kinds", test_kinds);
  ADD ("tenant/create", test_tenant_create);
  ADD ("tenant/create-duplicate", test_tenant_create_duplicate);
  ADD ("tenant/create-race", test_tenant_create_race);
  ADD ("tenant/delete", test_tenant_delete);
  ADD ("tenant/create-short-password", test_tenant_create_short_password);
  ADD ("tenant/create-no-admin", test_tenant_create_no_admin);
  ADD ("tenant/create-password-stdin", test_tenant_create_password_stdin);
  ADD ("auth/wrong-password", test_stats_wrong_password);
  ADD ("auth/unknown-user", test_stats_unknown_user);
  ADD ("stats/unknown-tenant", test_stats_unknown_tenant);
  ADD ("demo/stats", test_demo);
  ADD ("demo/seed-determinism", test_demo_seed_determinism);
  ADD ("demo/bad-options", test_demo_bad_options);
  ADD ("crash/create-steps", test_crash_create_steps);
  ADD ("crash/create-random", test_crash_create_random);
  ADD ("crash/demo", test_crash_demo);
  ADD ("crash/user-add", test_crash_user_add);
  ADD ("user/add", test_user_add);
  ADD ("user/add-by-non-admin", test_user_add_by_non_admin);
  ADD ("user/add-bad-role", test_user_add_bad_role);
  ADD ("user/remove", test_user_remove);
  ADD ("user/remove-last-admin", test_user_remove_last_admin);
  ADD ("user/passwd", test_user_passwd);
  ADD ("user/remove-no-space", test_user_remove_no_space);
  ADD ("export/csv", test_export_csv);
  ADD ("export/to-file", test_export_to_file);
  ADD ("export/private", test_export_private);
  ADD ("export/unknown-kind", test_export_unknown_kind);
  ADD ("export/bad-format", test_export_bad_format);
  ADD ("export/wrong-password", test_export_wrong_password);
  ADD ("export/xlsx", test_export_xlsx);
  ADD ("overview", test_overview);
  ADD ("import/csv", test_import_csv);
  ADD ("import/many-problems", test_import_many_problems);
  ADD ("import/missing-file", test_import_missing_file);
  ADD ("lot/guarded-release", test_lot_guarded_release);
  ADD ("tools", test_tools);
  ADD ("recall", test_recall);
  ADD ("data-dir/from-env", test_data_dir_from_env);

#undef ADD

  return g_test_run ();
}
