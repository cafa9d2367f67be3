/* ff-cli.c — foodflow-cli: argument parsing, dispatch and the helpers commands share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "ff-cli-private.h"
#include "ff-cli.h"
#include "ff-error.h"
#include "ff-log.h"
#include "ff-paths.h"

/* Options that take a value, and those that do not; anything else starting with "--" is an
 * error. */
static const char *const value_options[] = {
  "--data-dir", "--admin", "--user", "--role", "--seed", "--scale", "--format", "-o",
  "--reason", "--status", "--override-by", "--workspace", "--lot", "--from", "--to", "--product",
  "--notes", NULL
};
static const char *const flag_options[] = { "--rekey", NULL };

static const char usage[] =
  "Usage:\n"
  "  foodflow-cli [--data-dir DIR] tenant create NAME --admin USER\n"
  "  foodflow-cli [--data-dir DIR] tenant list\n"
  "  foodflow-cli [--data-dir DIR] tenant delete NAME --user ADMIN\n"
  "  foodflow-cli [--data-dir DIR] user add TENANT USER --role ROLE --user ADMIN\n"
  "  foodflow-cli [--data-dir DIR] user remove TENANT USER --user ADMIN\n"
  "  foodflow-cli [--data-dir DIR] user passwd TENANT [USER] --user U [--rekey]\n"
  "  foodflow-cli [--data-dir DIR] demo [NAME] [--seed N] [--scale S]\n"
  "  foodflow-cli [--data-dir DIR] stats TENANT --user U\n"
  "  foodflow-cli [--data-dir DIR] overview TENANT WORKSPACE --user U\n"
  "  foodflow-cli [--data-dir DIR] export TENANT KIND --user U [--format csv|xlsx] [-o FILE]\n"
  "  foodflow-cli [--data-dir DIR] import TENANT KIND FILE --user U\n"
  "  foodflow-cli [--data-dir DIR] lot hold TENANT LOT --user U --reason TEXT [--status S]\n"
  "  foodflow-cli [--data-dir DIR] lot release TENANT LOT --user U --reason TEXT\n"
  "                                [--override-by QA-USER]\n"
  "  foodflow-cli [--data-dir DIR] lot why TENANT LOT --user U\n"
  "  foodflow-cli [--data-dir DIR] tool TENANT NAME [PARAMETERS-JSON] --user U\n"
  "  foodflow-cli [--data-dir DIR] epcis TENANT [--from DATE] [--to DATE] [--lot LOT] --user U\n"
  "                                [-o FILE.jsonld]\n"
  "  foodflow-cli [--data-dir DIR] recall TENANT --lot LOT [--lot LOT] --user U [--notes TEXT]\n"
  "  foodflow-cli [--data-dir DIR] fsma204 TENANT --from DATE --to DATE [--lot TLC]\n"
  "                                [--product TEXT] --user U -o FILE.xlsx|DIR\n"
  "  foodflow-cli tools [--workspace WORKSPACE]\n"
  "  foodflow-cli kinds\n"
  "\n"
  "Passwords come from $FOODFLOW_PASSWORD (the acting user) and $FOODFLOW_NEW_PASSWORD (a new\n"
  "user, or the new password of user passwd), or are asked for. tenant delete removes the\n"
  "tenant and its files from this computer for good; the administrator's password confirms\n"
  "it. user remove changes the tenant's key so that the removed user's old keys open nothing\n"
  "new; this needs free disk space about the size of the tenant and no other FoodFlow window\n"
  "or command with the tenant open. user passwd sets USER's password (default: U; another\n"
  "user's takes an administrator); with --rekey the tenant's key changes too, for when the\n"
  "old password may be known to someone. lot release is refused while an open critical\n"
  "deviation is on the lot or on what it was made from, unless --override-by names a QA user\n"
  "who signs the release with their password ($FOODFLOW_SIGNER_PASSWORD, or asked for).\n"
  "epcis writes the traceability events as GS1 EPCIS 2.0 JSON-LD (standard output without\n"
  "-o): dates are inclusive, in the site's time zone; --lot keeps the events of that lot and\n"
  "of every lot traced from it forward and backward. What it had to make up or leave out (no\n"
  "GTIN, no GLN) goes to standard error, one gap a line.\n"
  "fsma204 writes FDA's FSMA 204 sortable spreadsheet: a workbook for -o FILE.xlsx, else CSV\n"
  "files in the directory -o names; dates are inclusive, in the site's time zone; --lot keeps\n"
  "the events of that lot and of every lot traced from it forward, --product those of lots\n"
  "whose description, ingredient or SKU code holds the text. The key data elements it could\n"
  "not fill (KDE gaps) are listed in it and on standard output.\n"
  "The data directory defaults to $FOODFLOW_DATA_DIR,\n"
  "then $XDG_DATA_HOME/foodflow.\n"
  "Exit status: 0 success, 2 authentication failed, 1 any other failure.\n";

const char *
_ff_cli_option (FfCliContext *ctx,
                const char   *name)
{
  return g_hash_table_lookup (ctx->options, name);
}

guint
_ff_cli_option_values (FfCliContext  *ctx,
                       const char    *name,
                       const char  ***out_values)
{
  GPtrArray *values = g_hash_table_lookup (ctx->repeated, name);

  *out_values = values ? (const char **) values->pdata : NULL;
  return values ? values->len : 0;
}

int
_ff_cli_fail (GError *error)
{
  gboolean auth = g_error_matches (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);

  g_printerr ("foodflow-cli: %s\n", error->message);
  return auth ? FF_CLI_EXIT_AUTH : FF_CLI_EXIT_FAILURE;
}

int
_ff_cli_usage_error (const char *format,
                     ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("foodflow-cli: %s (see foodflow-cli --help)\n", msg);
  return FF_CLI_EXIT_FAILURE;
}

FfVault *
_ff_cli_open_vault (FfCliContext  *ctx,
                    GError       **error)
{
  return ff_vault_open (ctx->data_dir, error);
}

char *
_ff_cli_read_password (const char  *env_name,
                       const char  *prompt,
                       GError     **error)
{
  const char *env = g_getenv (env_name);
  char buf[1024];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *line;

  if (env != NULL)
    return g_strdup (env);

  if (tty)
    {
      fprintf (stderr, "%s: ", prompt);
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  line = fgets (buf, sizeof buf, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      fputc ('\n', stderr);
    }
  if (line == NULL)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("No password given: set %s or type it when asked"), env_name);
      return NULL;
    }
  if (strchr (buf, '\n') == NULL && !feof (stdin))
    {
      memset (buf, 0, sizeof buf);
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("The password is longer than %d characters"), (int) sizeof buf - 2);
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  line = g_strdup (buf);
  memset (buf, 0, sizeof buf);
  return line;
}

void
_ff_cli_progress_cb (double   fraction,
                     gpointer user_data)
{
  if (!isatty (STDERR_FILENO))
    return;
  fprintf (stderr, "\r%s: %3d%%", (const char *) user_data, (int) (fraction * 100 + 0.5));
  if (fraction >= 1)
    fputc ('\n', stderr);
  fflush (stderr);
}

gboolean
_ff_cli_parse_workspace (const char  *name,
                         FfWorkspace *out_workspace)
{
  for (FfWorkspace w = 0; w < FF_N_WORKSPACES; w++)
    if (g_str_equal (ff_workspace_get_id (w), name))
      {
        *out_workspace = w;
        return TRUE;
      }
  _ff_cli_usage_error (_("“%s” is not a workspace; use plant-ops, fsq, planning, brand or retail"),
                       name);
  return FALSE;
}

int
_ff_cli_print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  printf ("%s\n", text);
  return FF_CLI_EXIT_OK;
}

FfSession *
_ff_cli_sign_in (FfCliContext  *ctx,
                 FfVault      **out_vault,
                 GError       **error)
{
  const char *user = _ff_cli_option (ctx, "--user");
  g_autofree char *password = NULL;

  *out_vault = _ff_cli_open_vault (ctx, error);
  if (*out_vault == NULL)
    return NULL;
  if (user == NULL)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("Say who you are with --user USER"));
      return NULL;
    }
  password = _ff_cli_read_password ("FOODFLOW_PASSWORD", _("Password"), error);
  if (password == NULL)
    return NULL;
  return ff_vault_unlock (*out_vault, g_ptr_array_index (ctx->args, 0), user, password, error);
}

static int
dispatch (FfCliContext *ctx,
          const char   *command)
{
  const char *verb = ctx->args->len > 0 ? g_ptr_array_index (ctx->args, 0) : NULL;

  if (g_str_equal (command, "tenant") || g_str_equal (command, "user")
      || g_str_equal (command, "lot"))
    {
      if (verb == NULL)
        return _ff_cli_usage_error (_("“%s” needs a sub-command"), command);
      g_ptr_array_remove_index (ctx->args, 0);
      return g_str_equal (command, "tenant") ? _ff_cli_tenant (ctx, verb)
             : g_str_equal (command, "user") ? _ff_cli_user (ctx, verb)
                                             : _ff_cli_lot (ctx, verb);
    }
  if (g_str_equal (command, "demo"))
    return _ff_cli_demo (ctx);
  if (g_str_equal (command, "stats"))
    return _ff_cli_stats (ctx);
  if (g_str_equal (command, "overview"))
    return _ff_cli_overview (ctx);
  if (g_str_equal (command, "export"))
    return _ff_cli_export (ctx);
  if (g_str_equal (command, "import"))
    return _ff_cli_import (ctx);
  if (g_str_equal (command, "kinds"))
    return _ff_cli_kinds (ctx);
  if (g_str_equal (command, "tools"))
    return _ff_cli_tools (ctx);
  if (g_str_equal (command, "tool"))
    return _ff_cli_tool (ctx);
  if (g_str_equal (command, "epcis"))
    return _ff_cli_epcis (ctx);
  if (g_str_equal (command, "recall"))
    return _ff_cli_recall (ctx);
  if (g_str_equal (command, "fsma204"))
    return _ff_cli_fsma204 (ctx);
  return _ff_cli_usage_error (_("Unknown command “%s”"), command);
}

int
ff_cli_run (int    argc,
            char **argv)
{
  FfCliContext ctx = { 0 };
  const char *command = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* FOODFLOW_LOCALE_DIR: translations of a build that is not installed (tests, screenshots). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FOODFLOW_LOCALE_DIR") ? g_getenv ("FOODFLOW_LOCALE_DIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ff_log_init ();

  ctx.args = g_ptr_array_new ();
  ctx.options = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.repeated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          fputs (usage, stdout);
          status = FF_CLI_EXIT_OK;
          goto out;
        }
      if (g_str_equal (arg, "--version"))
        {
          printf ("foodflow-cli %s\n", PACKAGE_VERSION);
          status = FF_CLI_EXIT_OK;
          goto out;
        }
      if (arg[0] == '-' && arg[1] != '\0')
        {
          const char *eq = strchr (arg, '=');
          g_autofree char *name = eq ? g_strndup (arg, (gsize) (eq - arg)) : g_strdup (arg);
          const char *value;

          if (g_strv_contains (flag_options, name))
            {
              if (eq != NULL)
                {
                  status = _ff_cli_usage_error (_("Option “%s” takes no value"), name);
                  goto out;
                }
              g_hash_table_insert (ctx.options, (gpointer) g_intern_string (name), (gpointer) "");
              continue;
            }
          if (!g_strv_contains (value_options, name))
            {
              status = _ff_cli_usage_error (_("Unknown option “%s”"), name);
              goto out;
            }
          if (eq)
            value = eq + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            {
              status = _ff_cli_usage_error (_("Option “%s” needs a value"), name);
              goto out;
            }
          g_hash_table_insert (ctx.options, (gpointer) g_intern_string (name), (gpointer) value);
          {
            GPtrArray *values = g_hash_table_lookup (ctx.repeated, g_intern_string (name));

            if (values == NULL)
              {
                values = g_ptr_array_new ();
                g_hash_table_insert (ctx.repeated, (gpointer) g_intern_string (name), values);
              }
            g_ptr_array_add (values, (gpointer) value);
          }
          continue;
        }
      if (command == NULL)
        command = arg;
      else
        g_ptr_array_add (ctx.args, (gpointer) arg);
    }

  if (command == NULL)
    {
      fputs (usage, stderr);
      status = FF_CLI_EXIT_FAILURE;
      goto out;
    }
  if (_ff_cli_option (&ctx, "--data-dir") != NULL && *_ff_cli_option (&ctx, "--data-dir") == '\0')
    {
      /* An unset shell variable must not silently mean the user's real data. */
      status = _ff_cli_usage_error (_("--data-dir needs a directory"));
      goto out;
    }
  ctx.data_dir = ff_paths_get_data_dir (_ff_cli_option (&ctx, "--data-dir"));
  status = dispatch (&ctx, command);

out:
  g_free (ctx.data_dir);
  g_ptr_array_unref (ctx.args);
  g_hash_table_unref (ctx.options);
  g_hash_table_unref (ctx.repeated);
  return status;
}
