/* test-demo.c — the demo generator is deterministic, fills every kind, and exports as CSV. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-demo.h"
#include "ff-error.h"
#include "ff-kind-csv.h"
#include "ff-record-repository.h"
#include "ff-tenant-stats.h"

#define SEED 7
#define SCALE 0.2

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
} Demo;

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static Demo *
demo_new (const char *name,
          guint32     seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  Demo *demo = g_new0 (Demo, 1);

  demo->dir = g_dir_make_tmp ("ff-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo->vault = ff_vault_open (demo->dir, &error);
  g_assert_no_error (error);
  info = ff_demo_create (demo->vault, name, seed, SCALE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, name ? name : FF_DEMO_TENANT_NAME);
  demo->session = ff_vault_unlock (demo->vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo->session);
  return demo;
}

static void
demo_free (Demo *demo)
{
  g_clear_object (&demo->session);
  g_clear_object (&demo->vault);
  rm_rf (demo->dir);
  g_free (demo->dir);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

static FfStore *
demo_store (Demo *demo)
{
  return ff_session_get_store (demo->session);
}

static char *
stats_json (Demo *demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) stats = ff_tenant_stats_collect (demo_store (demo), &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (stats));
  return json_to_string (stats, FALSE);
}

static char *
export_csv (Demo         *demo,
            const FfKind *kind,
            guint64      *out_count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (ff_kind_csv_export (demo_store (demo), kind, out, out_count, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Records (CRLF-terminated) in @csv; a CRLF inside a quoted field does not end a record. */
static guint
count_records (const char *csv)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = csv; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        n++;
    }
  g_assert_false (quoted);
  return n;
}

/* The kinds the demo fills so far; the others may still be empty.
 * TODO: every kind, once the demo fills them all. */
static gboolean
demo_fills (const FfKind *kind)
{
  static const char *const filled[] = {
    "plants", "lines", "suppliers", "brands", "skus", "forecast_versions", "forecasts", "banners",
    "stores", NULL,
  };
  return g_strv_contains (filled, kind->name);
}

static void
test_deterministic (void)
{
  g_autoptr (Demo) a = demo_new (NULL, SEED);
  g_autoptr (Demo) b = demo_new (NULL, SEED);
  g_autofree char *stats_a = stats_json (a);
  g_autofree char *stats_b = stats_json (b);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  g_test_message ("stats: %s", stats_a);
  g_assert_cmpstr (stats_a, ==, stats_b);

  g_assert_true (json_parser_load_from_data (parser, stats_a, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *csv_a = NULL;
      g_autofree char *csv_b = NULL;
      guint64 count_a = 0, count_b = 0;

      g_assert_true (json_object_has_member (object, kinds[k]->name));
      g_assert_cmpint (json_object_get_int_member (object, kinds[k]->name), >=,
                       demo_fills (kinds[k]) ? 1 : 0);

      /* The same records, field by field (ids and clocks are not exported). */
      csv_a = export_csv (a, kinds[k], &count_a);
      csv_b = export_csv (b, kinds[k], &count_b);
      g_assert_cmpuint (count_a, ==, (guint64) json_object_get_int_member (object, kinds[k]->name));
      g_assert_cmpuint (count_a, ==, count_b);
      g_assert_cmpstr (csv_a, ==, csv_b);
    }
}

static void
test_seed_matters (void)
{
  g_autoptr (Demo) a = demo_new ("Seed Seven", SEED);
  g_autoptr (Demo) b = demo_new ("Seed Eight", SEED + 1);
  g_autofree char *csv_a = NULL;
  g_autofree char *csv_b = NULL;
  const FfKind *suppliers = ff_kind_lookup ("suppliers");

  csv_a = export_csv (a, suppliers, NULL);
  csv_b = export_csv (b, suppliers, NULL);
  g_assert_cmpstr (csv_a, !=, csv_b);
}

static void
test_csv_export (void)
{
  g_autoptr (Demo) demo = demo_new (NULL, SEED);
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      const FfKind *kind = kinds[k];
      g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo_store (demo), kind);
      g_autoptr (GString) header = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *csv = NULL;
      guint64 count = 0;
      gint64 live;

      g_test_message ("kind %s", kind->name);
      /* Binary content (photos, attachments) is not exported. */
      for (const FfField *f = kind->fields; f->name != NULL; f++)
        if (f->type != FF_FIELD_BLOB)
          g_string_append_printf (header, "%s%s", header->len ? "," : "", f->name);
      g_string_append (header, "\r\n");

      csv = export_csv (demo, kind, &count);
      live = ff_record_repository_count (repo, &error);
      g_assert_no_error (error);
      g_assert_cmpint (live, >=, demo_fills (kind) ? 1 : 0);
      g_assert_cmpuint (count, ==, (guint64) live);
      g_assert_true (g_str_has_prefix (csv, header->str));
      g_assert_true (g_str_has_suffix (csv, "\r\n"));
      g_assert_cmpuint (count_records (csv), ==, count + 1);
      /* The export promises UTF-8. */
      {
        const char *bad = NULL;

        if (!g_utf8_validate (csv, -1, &bad))
          {
            const char *line = bad;
            const char *end = strstr (bad, "\r\n");
            g_autofree char *text = NULL;
            g_autofree char *shown = NULL;

            while (line > csv && line[-1] != '\n')
              line--;
            text = g_strndup (line, end ? (gsize) (end - line) : strlen (line));
            shown = g_strescape (text, NULL);
            g_test_fail_printf ("%s: invalid UTF-8 at byte %" G_GSIZE_FORMAT " of the export, "
                                "in the record %s", kind->name, (gsize) (bad - csv), shown);
          }
      }
    }
}

static void
test_name_taken (void)
{
  g_autoptr (Demo) demo = demo_new (NULL, SEED);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) again = NULL;
  g_autoptr (GPtrArray) tenants = NULL;

  again = ff_demo_create (demo->vault, NULL, SEED, SCALE, NULL, &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);
  tenants = ff_vault_list_tenants (demo->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/seed-matters", test_seed_matters);
  g_test_add_func ("/demo/name-taken", test_name_taken);
  g_test_add_func ("/demo/csv-export", test_csv_export);

  return g_test_run ();
}
