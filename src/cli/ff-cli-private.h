/* ff-cli-private.h — what the foodflow-cli command files share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ff-session.h"
#include "ff-vault.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

/* Exit statuses are a contract: scripts and tests rely on them. */
#define FF_CLI_EXIT_OK 0
#define FF_CLI_EXIT_FAILURE 1
#define FF_CLI_EXIT_AUTH 2

typedef struct
{
  char       *data_dir;
  GPtrArray  *args;     /* positional arguments after the command words */
  GHashTable *options;  /* "--user" -> value (the last one given) */
  GHashTable *repeated; /* "--lot" -> GPtrArray of every value given, in order */
} FfCliContext;

/* The value of an option, or NULL. */
const char *_ff_cli_option        (FfCliContext *ctx,
                                   const char   *name);
/* Every value given to an option that may be repeated (--lot A --lot B), in order. */
guint       _ff_cli_option_values (FfCliContext  *ctx,
                                   const char    *name,
                                   const char  ***out_values);
/* Prints "foodflow-cli: MESSAGE" and returns the exit status that fits @error. */
int         _ff_cli_fail          (GError *error);
int         _ff_cli_usage_error   (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);
FfVault    *_ff_cli_open_vault    (FfCliContext  *ctx,
                                   GError       **error);
/* From the environment variable @env_name, else a prompt on the terminal (no echo), else a line
 * of standard input. NULL with @error when there is none. */
char       *_ff_cli_read_password (const char  *env_name,
                                   const char  *prompt,
                                   GError     **error);
/* An FfVaultProgressFunc that shows @user_data (a label) and a percentage on standard error
 * when that is a terminal, and nothing otherwise. */
void        _ff_cli_progress_cb   (double   fraction,
                                   gpointer user_data);
/* The workspace whose id is @name ("fsq"); FALSE after saying which ids there are. */
gboolean    _ff_cli_parse_workspace (const char  *name,
                                     FfWorkspace *out_workspace);
/* Prints @node, indented, and a newline; FF_CLI_EXIT_OK. */
int         _ff_cli_print_json    (JsonNode *node);
/* Opens the data directory's vault (in @out_vault) and unlocks the tenant named by the first
 * argument as --user with $FOODFLOW_PASSWORD (or a prompt). */
FfSession  *_ff_cli_sign_in       (FfCliContext  *ctx,
                                   FfVault      **out_vault,
                                   GError       **error);

int         _ff_cli_tenant        (FfCliContext *ctx, const char *verb);
int         _ff_cli_user          (FfCliContext *ctx, const char *verb);
int         _ff_cli_lot           (FfCliContext *ctx, const char *verb);
int         _ff_cli_demo          (FfCliContext *ctx);
int         _ff_cli_stats         (FfCliContext *ctx);
int         _ff_cli_overview      (FfCliContext *ctx);
int         _ff_cli_export        (FfCliContext *ctx);
int         _ff_cli_import        (FfCliContext *ctx);
int         _ff_cli_kinds         (FfCliContext *ctx);
int         _ff_cli_tools         (FfCliContext *ctx);
int         _ff_cli_tool          (FfCliContext *ctx);
int         _ff_cli_epcis         (FfCliContext *ctx);
int         _ff_cli_recall        (FfCliContext *ctx);
int         _ff_cli_fsma204       (FfCliContext *ctx);

G_END_DECLS
