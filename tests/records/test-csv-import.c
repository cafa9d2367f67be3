/* test-csv-import.c — CSV import per kind: all or nothing, every problem by line and column,
 * references by code, role checks, and export → import → export for every kind. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-demo.h"
#include "ff-users.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-kind-csv.h"
#include "ff-record-repository.h"
#include "ff-vault.h"
#include "ff-test-util.h"

#define TENANT "Import Test Foods"
#define SECOND_TENANT "Round Trip Foods"
#define DEMO_TENANT "Round Trip Demo"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define DEMO_SEED 11
#define DEMO_SCALE 0.01

#define LINES_HEADER "code,name,plant,line_type,status,ideal_cycle_time_s\r\n"
#define LINE_STATES "running, idle, changeover, down, maintenance"
#define LINE_TYPES "processing, filling, packing, baking, mixing"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;    /* borrowed from the session */
  FfActor    admin;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  ff_test_tenant_make ("ff-test-csv-import", TENANT, ADMIN, ADMIN_PASSWORD, &fixture->dir,
                       &fixture->vault, &fixture->session);
  fixture->store = ff_session_get_store (fixture->session);
  fixture->admin = ff_actor_from_session (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ff_test_tenant_remove (&fixture->dir, &fixture->vault, &fixture->session);
}

static gint64
outbox_count (FfStore *store)
{
  return ff_test_query_int (store, "SELECT count(*) FROM sync_outbox");
}

/* Rows of the kind's table, tombstones included: what was written at all. */
static gint64
table_count (FfStore    *store,
             const char *kind_name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                          ff_kind_lookup (kind_name)->table);
  return ff_test_query_int (store, sql);
}

static gboolean round_trip;

static gboolean
import (FfStore        *store,
        const FfActor  *actor,
        const char     *kind_name,
        const char     *text,
        guint64        *out_count,
        GPtrArray     **out_problems,
        GError        **error)
{
  const FfKind *kind = ff_kind_lookup (kind_name);
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (text, (gssize) strlen (text),
                                                                       NULL);
  g_auto (FfKindCsvImport) report = { 0 };
  gboolean ok;

  g_assert_nonnull (kind);
  ok = ff_kind_csv_import (store, actor, kind, in, &report, NULL, error);
  if (out_count != NULL && ok)
    *out_count = report.imported;
  /* The records another kind's import wrote with its own (a genealogy link's lot movement)
   * are there already, the same: a round trip counts them too. */
  if (out_count != NULL && ok && round_trip)
    *out_count += report.unchanged;
  if (out_problems != NULL)
    *out_problems = report.problems ? g_ptr_array_ref (report.problems) : NULL;
  /* Every problem is kept while there are not too many. */
  if (report.problems != NULL && report.n_problems <= FF_KIND_CSV_MAX_PROBLEMS)
    g_assert_cmpuint (report.n_problems, ==, report.problems->len);
  return ok;
}

/* Imports @text, which must go in whole: @n_expected records. */
static void
import_ok (FfStore       *store,
           const FfActor *actor,
           const char    *kind_name,
           const char    *text,
           guint64        n_expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  guint64 count = G_MAXUINT64;

  if (!import (store, actor, kind_name, text, &count, &problems, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_test_message ("%s: %s", kind_name, (const char *) problems->pdata[i]);
    }
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpuint (count, ==, n_expected);
}

/* Checks @problems is exactly the NULL-terminated @expected, in order. */
static void
assert_problems (GPtrArray          *problems,
                 const char *const  *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem %u: %s", i, (const char *) problems->pdata[i]);
  for (guint i = 0; i < MIN (n, problems->len); i++)
    g_assert_cmpstr (problems->pdata[i], ==, expected[i]);
  g_assert_cmpuint (problems->len, ==, n);
}

static char *
export_csv (FfStore      *store,
            const char   *kind_name,
            guint64      *out_count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (ff_kind_csv_export (store, ff_kind_lookup (kind_name), out, out_count, NULL,
                                     &error));
  g_assert_no_error (error);
  /* NUL-terminate the text. */
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static FfRecord *
find (FfStore    *store,
      const char *kind_name,
      const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  ff_kind_lookup (kind_name));
  FfRecord *record = ff_record_repository_find_by_code (repo, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static gint64
live_count (FfStore    *store,
            const char *kind_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  ff_kind_lookup (kind_name));
  gint64 n = ff_record_repository_count (repo, &error);

  g_assert_no_error (error);
  return n;
}

static void
insert_plant (Fixture    *fixture,
              const char *code,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("plants"));
  g_autoptr (FfRecord) plant = ff_record_new (ff_kind_lookup ("plants"));

  ff_record_set (plant, "code", code);
  ff_record_set (plant, "name", name);
  g_assert_true (ff_record_repository_insert (repo, &fixture->admin, plant, NULL, &error));
  g_assert_no_error (error);
}

/* (a) A good file ---------------------------------------------------------------------------- */

static void
test_good_file (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* A byte-order mark, CRLF, the header in another order than the kind's, optional columns
   * left out, quoted values with a comma and with quotes, values to normalise. */
  const char *text =
    "\xEF\xBB\xBF" "name,risk_level,code,approval_status,category,country\r\n"
    "\"Fresh Farms, B.V.\",low,SUP-1,approved,ingredient,NL\r\n"
    "\"The \"\"Best\"\" Oils\",HIGH,SUP-2,pending,Ingredient,\r\n"
    "Box & Co,medium, SUP-3 ,conditional,packaging,BE\r\n";
  const char *exported =
    "code,name,category,approval_status,risk_level,gfsi_scheme,country,contact_email,"
    "gln,next_audit_due,notes\r\n"
    "SUP-1,\"Fresh Farms, B.V.\",ingredient,approved,low,,NL,,,,\r\n"
    "SUP-2,\"The \"\"Best\"\" Oils\",ingredient,pending,high,,,,,,\r\n"
    "SUP-3,Box & Co,packaging,conditional,medium,,BE,,,,\r\n";
  /* LF line ends, a blank line, no line break at the end. */
  const char *more =
    "code,name,category,approval_status,risk_level\n"
    "SUP-4,Four,service,approved,low\n"
    "\n"
    "SUP-5,Five,service,approved,low";
  gint64 outbox_before = outbox_count (fixture->store);
  g_autofree char *csv = NULL;
  g_autoptr (FfRecord) sup1 = NULL;
  g_autoptr (FfRecord) sup2 = NULL;
  g_autoptr (FfRecord) sup3 = NULL;
  guint64 n = 0;

  import_ok (fixture->store, &fixture->admin, "suppliers", text, 3);
  g_assert_cmpint (live_count (fixture->store, "suppliers"), ==, 3);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before + 3);

  sup1 = find (fixture->store, "suppliers", "SUP-1");
  g_assert_cmpstr (ff_record_get (sup1, "name"), ==, "Fresh Farms, B.V.");
  g_assert_cmpstr (ff_record_get (sup1, "country"), ==, "NL");
  g_assert_null (ff_record_get (sup1, "gfsi_scheme"));
  sup2 = find (fixture->store, "suppliers", "SUP-2");
  g_assert_cmpstr (ff_record_get (sup2, "name"), ==, "The \"Best\" Oils");
  g_assert_cmpstr (ff_record_get (sup2, "risk_level"), ==, "high");
  g_assert_cmpstr (ff_record_get (sup2, "category"), ==, "ingredient");
  g_assert_null (ff_record_get (sup2, "country"));
  sup3 = find (fixture->store, "suppliers", "SUP-3");
  g_assert_cmpstr (ff_record_get_code (sup3), ==, "SUP-3");

  /* Exported in the kind's column order, in the order they were imported. */
  csv = export_csv (fixture->store, "suppliers", &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (csv, ==, exported);

  import_ok (fixture->store, &fixture->admin, "suppliers", more, 2);
  g_assert_cmpint (live_count (fixture->store, "suppliers"), ==, 5);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before + 5);

  /* A header alone is a file of nothing. */
  import_ok (fixture->store, &fixture->admin, "suppliers",
             "code,name,category,approval_status,risk_level\r\n", 0);
  g_assert_cmpint (live_count (fixture->store, "suppliers"), ==, 5);
}

/* (b) Bad files ------------------------------------------------------------------------------ */

static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *text =
    LINES_HEADER                                                    /* 1 */
    "L1,Fryer,PLANT-EHV,processing,running,2.4\r\n"                 /* 2 good */
    "L2,Bagger,PLANT-EHV,packing,flying,0.8\r\n"                    /* 3 enum */
    "L3,,PLANT-EHV,mixing,idle,1.2\r\n"                             /* 4 required */
    "L4,Oven,PLANT-XXX,baking,idle,1.3\r\n"                         /* 5 reference */
    "L1,Second fryer,PLANT-EHV,processing,idle,2.4\r\n"             /* 6 duplicate */
    "L5,Mixer,PLANT-EHV,mixing\r\n"                                 /* 7 too few */
    "L6,\"Case\r\npacker\",PLANT-EHV,packing,running,4\r\n"         /* 8-9 line break */
    "L7,Filler,PLANT-EHV,filling,running,fast\r\n"                  /* 10 number */
    "L8,Cooker,PLANT-EHV,filling,down,0.9\r\n"                      /* 11 good */
    "L9,,PLANT-EHV,weird,idle,1\r\n"                                /* 12 two */
    "L10,Extra,PLANT-EHV,packing,idle,1,surplus\r\n"                /* 13 too many */
    "L11,\"Quoted \"\"name\"\"\",PLANT-EHV,baking,idle,0\r\n"       /* 14 range */
    "L12,\"Quoted \"\"name\"\"\",PLANT-EHV,baking,idle,1\r\n";      /* 15 good */
  const char *const expected[] = {
    "line 3, column 5: status “flying” is not one of: " LINE_STATES,
    "line 4, column 2: name is required",
    "line 5, column 3: plant refers to “PLANT-XXX”, but no record has that code",
    "line 6, column 1: code “L1” is already taken, with other values: name "
    "Second fryer here, Fryer recorded; status Idle here, Running recorded",
    "line 7: 4 fields where the header has 6",
    "line 8, column 2: name holds the control character U+000D",
    "line 10, column 6: ideal_cycle_time_s “fast” is not a number",
    "line 12, column 2: name is required",
    "line 12, column 4: line_type “weird” is not one of: " LINE_TYPES,
    "line 13: 7 fields where the header has 6",
    "line 14, column 6: ideal_cycle_time_s must be between 0.001 and 86400",
    NULL
  };
  const char *good =
    LINES_HEADER
    "L1,Fryer,PLANT-EHV,processing,running,2.4\r\n"
    "L8,Cooker,PLANT-EHV,filling,down,0.9\r\n"
    "L12,\"Quoted \"\"name\"\"\",PLANT-EHV,baking,idle,1\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *first = NULL;
  gint64 outbox_before;
  guint64 count = 12345;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  outbox_before = outbox_count (fixture->store);

  g_assert_false (import (fixture->store, &fixture->admin, "lines", text, &count, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  first = g_strdup_printf ("Nothing was imported: 11 problems in the file; first: %s",
                           expected[0]);
  g_assert_cmpstr (error->message, ==, first);
  /* Every bad row, in file order; the good rows (2, 11, 15) say nothing. */
  assert_problems (problems, expected);
  g_assert_cmpuint (count, ==, 12345);

  /* Nothing was written, not even the good rows read before the first bad one. */
  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);

  /* The good rows alone go in (L1 was not kept from the failed import). */
  import_ok (fixture->store, &fixture->admin, "lines", good, 3);
  g_assert_cmpint (live_count (fixture->store, "lines"), ==, 3);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before + 3);
  {
    g_autoptr (FfRecord) l12 = find (fixture->store, "lines", "L12");
    g_assert_cmpstr (ff_record_get (l12, "name"), ==, "Quoted \"name\"");
  }
  /* A field of several lines keeps its line breaks, as LF whatever the file used. */
  import_ok (fixture->store, &fixture->admin, "lines",
             "code,name,plant,line_type,status,ideal_cycle_time_s,notes\r\n"
             "L20,Case packer,PLANT-EHV,packing,idle,4,"
             "\"first\r\nsecond\rthird\nfourth\"\r\n", 1);
  {
    g_autoptr (FfRecord) l20 = find (fixture->store, "lines", "L20");
    g_assert_cmpstr (ff_record_get (l20, "notes"), ==, "first\nsecond\nthird\nfourth");
  }
}

/* A malformed record stops the reading; the problems before it are still all reported. */
static void
test_malformed_csv (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *text =
    LINES_HEADER
    "L1,Fryer,PLANT-EHV,processing,sideways,2.4\r\n"
    "L2,Bag\"ger,PLANT-EHV,packing,idle,0.8\r\n"
    "L3,Good,PLANT-EHV,packing,idle,0.8\r\n";
  const char *unterminated =
    LINES_HEADER
    "L1,Fryer,PLANT-EHV,processing,running,2.4\r\n"
    "L2,\"Bagger,PLANT-EHV,packing,idle,0.8\r\n"
    "L3,Good,PLANT-EHV,packing,idle,0.8\r\n";
  const char *const expected[] = {
    "line 2, column 5: status “sideways” is not one of: " LINE_STATES,
    "line 3, column 7: a quote inside an unquoted field",
    NULL
  };
  const char *const expected_unterminated[] = {
    "line 3, column 4: a quoted field is never closed",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 outbox_before;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  outbox_before = outbox_count (fixture->store);

  g_assert_false (import (fixture->store, &fixture->admin, "lines", text, NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  assert_problems (problems, expected);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (import (fixture->store, &fixture->admin, "lines", unterminated, NULL,
                          &problems, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  assert_problems (problems, expected_unterminated);

  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);
}

static void
test_bad_header (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *text =
    "code,name,colour,plant,name,line_type,ideal_cycle_time_s\r\n"
    "L1,Fryer,red,PLANT-EHV,Fryer,processing,2.4\r\n";
  const char *const expected[] = {
    "line 1, column 3: “colour” is not a column of lines",
    "line 1, column 5: the column “name” appears twice",
    /* A missing column has no column number to name. */
    "line 1: the required column “status” is missing",
    NULL
  };
  /* Binary content travels as base64; anything else in its column is refused. */
  const char *blob = "code,title,doc_type,version,status,attachment\r\n"
                     "DOC-1,Metal detection SOP,sop,1,active,not base64!\r\n";
  const char *const expected_blob[] = {
    "line 2, column 6: attachment is not base64-encoded content",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 outbox_before;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  outbox_before = outbox_count (fixture->store);

  g_assert_false (import (fixture->store, &fixture->admin, "lines", text, NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Nothing was imported: 3 problems in the file; first: "));
  assert_problems (problems, expected);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (import (fixture->store, &fixture->admin, "documents", blob, NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  assert_problems (problems, expected_blob);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* No header at all. */
  g_assert_false (import (fixture->store, &fixture->admin, "lines", "", NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_null (problems);
  g_clear_error (&error);
  g_assert_false (import (fixture->store, &fixture->admin, "lines", "\xEF\xBB\xBF", NULL,
                          &problems, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_null (problems);

  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 0);
  g_assert_cmpint (table_count (fixture->store, "documents"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);
}

/* Bytes that are not UTF-8: the import names where, and writes nothing. The header promises
 * one problem per bad row in @out_problems, so the other bad rows should be there too. */
static void
test_not_utf8 (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *text =
    LINES_HEADER
    "L1,Fryer,PLANT-EHV,processing,running,2.4\r\n"
    "L2,Bagger,PLANT-EHV,packing,flying,0.8\r\n"
    "L3,M\xFFxer,PLANT-EHV,mixing,idle,1.2\r\n"
    "L4,Oven,PLANT-EHV,baking,idle,1.3\r\n";
  const char *const expected[] = {
    "line 3, column 5: status “flying” is not one of: " LINE_STATES,
    /* Columns are the file's columns: the bad byte is in the second field. */
    "line 4, column 2: the text is not UTF-8",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 outbox_before;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  outbox_before = outbox_count (fixture->store);

  g_assert_false (import (fixture->store, &fixture->admin, "lines", text, NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Nothing was imported: 2 problems in the file; first: "));
  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);
  g_assert_nonnull (problems);
  assert_problems (problems, expected);
}

/* Columns count what a person sees: the byte-order mark is not one of them. */
static void
test_bom_column (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *text =
    "\xEF\xBB\xBF" "co\xFF" "de,name,category,approval_status,risk_level\r\n";
  g_autoptr (GError) error = NULL;

  g_assert_false (import (fixture->store, &fixture->admin, "suppliers", text, NULL, NULL,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  /* The mark is not a column: the bad header name is the first column. */
  g_assert_nonnull (strstr (error->message, "line 1, column 1: the text is not UTF-8"));
}

/* (c) References by code --------------------------------------------------------------------- */

static void
test_references (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *plants =
    "code,name,country\r\n"
    "PLANT-EHV,Eindhoven,NL\r\n"
    "PLANT-GNT,Gent,BE\r\n";
  const char *lines =
    LINES_HEADER
    "L1,Fryer,PLANT-GNT,processing,running,2.4\r\n"
    "L2,Bagger, PLANT-EHV ,packing,idle,0.8\r\n";
  const char *lines_exported =
    "code,name,plant,line_type,status,ideal_cycle_time_s,rated_speed_per_h,"
    "margin_per_minute_minor,currency,commissioned_on,notes\r\n"
    "L1,Fryer,PLANT-GNT,processing,running,2.4,,,,,\r\n"
    "L2,Bagger,PLANT-EHV,packing,idle,0.8,,,,,\r\n";
  g_autoptr (FfRecord) ehv = NULL;
  g_autoptr (FfRecord) gnt = NULL;
  g_autoptr (FfRecord) l1 = NULL;
  g_autoptr (FfRecord) l2 = NULL;
  g_autofree char *csv = NULL;
  int plant_index = ff_kind_get_field_index (ff_kind_lookup ("lines"), "plant");

  import_ok (fixture->store, &fixture->admin, "plants", plants, 2);
  import_ok (fixture->store, &fixture->admin, "lines", lines, 2);

  ehv = find (fixture->store, "plants", "PLANT-EHV");
  gnt = find (fixture->store, "plants", "PLANT-GNT");
  l1 = find (fixture->store, "lines", "L1");
  l2 = find (fixture->store, "lines", "L2");
  g_assert_cmpstr (ff_record_get_id (ehv), !=, ff_record_get_id (gnt));
  /* Stored as the id, read back with the code. */
  g_assert_cmpstr (ff_record_get (l1, "plant"), ==, ff_record_get_id (gnt));
  g_assert_cmpstr (ff_record_get (l2, "plant"), ==, ff_record_get_id (ehv));
  g_assert_cmpstr (ff_record_get_ref_code (l1, (guint) plant_index), ==, "PLANT-GNT");

  csv = export_csv (fixture->store, "lines", NULL);
  g_assert_cmpstr (csv, ==, lines_exported);
}

static void
test_self_reference (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *categories =
    "code,name,parent\r\n"
    "SNACKS,Snacks,\r\n"
    "SNACKS-CHIPS,Chips,SNACKS\r\n"
    "SNACKS-CHIPS-TORTILLA,Tortilla chips,SNACKS-CHIPS\r\n"
    "DIPS,Dips,\r\n"
    "DIPS-HUMMUS,Hummus,DIPS\r\n";
  /* A child may come before its parent in the file; a grandchild before both. */
  const char *forward =
    "code,name,parent\r\n"
    "GRANDCHILD,Grandchild,CHILD\r\n"
    "CHILD,Child,PARENT\r\n"
    "PARENT,Parent,\r\n";
  /* A parent that is nowhere in the file nor the tenant is still a problem, on its own line
   * and in file order with the others; so is a loop, which no order can place. */
  const char *orphans =
    "code,name,parent\r\n"
    "ORPHAN,Orphan,NOWHERE\r\n"
    "LOOP-A,Loop A,LOOP-B\r\n"
    "BAD,,\r\n"
    "LOOP-B,Loop B,LOOP-A\r\n";
  const char *const expected_orphans[] = {
    "line 2, column 3: parent refers to “NOWHERE”, but no record has that code",
    "line 3, column 3: parent refers to “LOOP-B”, but no record has that code",
    "line 4, column 2: name is required",
    "line 5, column 3: parent refers to “LOOP-A”, but no record has that code",
    NULL
  };
  const FfActor retail = { "rita", FF_ROLE_RETAIL };
  g_autoptr (FfRecord) snacks = NULL;
  g_autoptr (FfRecord) chips = NULL;
  g_autoptr (FfRecord) tortilla = NULL;
  g_autoptr (FfRecord) dips = NULL;
  g_autoptr (FfRecord) hummus = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 outbox_before;

  import_ok (fixture->store, &retail, "categories", categories, 5);
  snacks = find (fixture->store, "categories", "SNACKS");
  chips = find (fixture->store, "categories", "SNACKS-CHIPS");
  tortilla = find (fixture->store, "categories", "SNACKS-CHIPS-TORTILLA");
  dips = find (fixture->store, "categories", "DIPS");
  hummus = find (fixture->store, "categories", "DIPS-HUMMUS");
  g_assert_null (ff_record_get (snacks, "parent"));
  g_assert_cmpstr (ff_record_get (chips, "parent"), ==, ff_record_get_id (snacks));
  g_assert_cmpstr (ff_record_get (tortilla, "parent"), ==, ff_record_get_id (chips));
  g_assert_null (ff_record_get (dips, "parent"));
  g_assert_cmpstr (ff_record_get (hummus, "parent"), ==, ff_record_get_id (dips));

  import_ok (fixture->store, &retail, "categories", forward, 3);
  {
    g_autoptr (FfRecord) grandchild = find (fixture->store, "categories", "GRANDCHILD");
    g_autoptr (FfRecord) child = find (fixture->store, "categories", "CHILD");
    g_autoptr (FfRecord) parent = find (fixture->store, "categories", "PARENT");

    g_assert_cmpstr (ff_record_get (grandchild, "parent"), ==, ff_record_get_id (child));
    g_assert_cmpstr (ff_record_get (child, "parent"), ==, ff_record_get_id (parent));
    g_assert_null (ff_record_get (parent, "parent"));
  }

  outbox_before = outbox_count (fixture->store);
  g_assert_false (import (fixture->store, &retail, "categories", orphans, NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  assert_problems (problems, expected_orphans);
  g_assert_cmpint (table_count (fixture->store, "categories"), ==, 8);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);
}

/* (d) Roles ---------------------------------------------------------------------------------- */

static void
test_permission (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *suppliers =
    "code,name,category,approval_status,risk_level\r\n"
    "SUP-1,Fresh Farms,ingredient,approved,low\r\n"
    "SUP-2,Acme,packaging,approved,low\r\n";
  const FfActor refused[] = {
    { "vera", FF_ROLE_VIEWER },
    { "paul", FF_ROLE_PLANNER },
    { "otto", FF_ROLE_OPERATOR },
  };
  const FfActor qa = { "quinn", FF_ROLE_QA };
  const FfActor operator = { "otto", FF_ROLE_OPERATOR };
  /* Operators open CAPAs; only QA closes them. */
  const char *capas =
    "code,title,source,owner,due_on,status\r\n"
    "CAPA-1,Seal the dock door,audit,JdV,2026-04-01,Open\r\n"
    "CAPA-2,Retrain the night shift,deviation,MK,2026-04-15,closed\r\n";
  const char *capas_open =
    "code,title,source,owner,due_on,status\r\n"
    "CAPA-1,Seal the dock door,audit,JdV,2026-04-01,Open\r\n";
  gint64 outbox_before = outbox_count (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      guint64 count = 777;

      g_assert_false (import (fixture->store, &refused[i], "suppliers", suppliers, &count,
                              &problems, &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
      g_assert_null (problems);
      g_assert_cmpuint (count, ==, 777);
    }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (import (fixture->store, NULL, "suppliers", suppliers, NULL, NULL, &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  }
  g_assert_cmpint (table_count (fixture->store, "suppliers"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);

  /* A field only QA may set refuses the whole file, rows before it included. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;

    g_assert_false (import (fixture->store, &operator, "capas", capas, NULL, &problems,
                            &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_assert_null (problems);
  }
  g_assert_cmpint (table_count (fixture->store, "capas"), ==, 0);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before);

  import_ok (fixture->store, &operator, "capas", capas_open, 1);
  import_ok (fixture->store, &qa, "suppliers", suppliers, 2);
  g_assert_cmpint (outbox_count (fixture->store), ==, outbox_before + 3);
}

/* (e) Export → import → export for every kind ------------------------------------------------ */

static void
test_round_trip_all_kinds (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ff-test-csv-round-trip-XXXXXX", &error);
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) demo_info = NULL;
  g_autoptr (FfTenantInfo) second_info = NULL;
  g_autoptr (FfSession) demo = NULL;
  g_autoptr (FfSession) second = NULL;
  FfActor admin;
  guint n_kinds = 0, n_with_records = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  demo_info = ff_demo_create (vault, DEMO_TENANT, DEMO_SEED, DEMO_SCALE, NULL, &error);
  g_assert_no_error (error);
  demo = ff_vault_unlock (vault, demo_info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  second_info = ff_vault_create_tenant (vault, SECOND_TENANT, ADMIN, ADMIN_PASSWORD,
                                        FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  second = ff_vault_unlock (vault, SECOND_TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  admin = ff_actor_from_session (second);
  /* Who-fields name the tenant's users: the second tenant has the demo's people too. */
  {
    g_autoptr (GPtrArray) users = ff_users_list (ff_session_get_store (demo), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < users->len; i++)
      {
        FfUserInfo *user = g_ptr_array_index (users, i);
        if (g_strcmp0 (user->username, ADMIN) != 0
            && !ff_users_add (ff_session_get_store (second), user->username, user->role, &error))
          g_error ("%s", error->message);
      }
  }
  g_test_message ("demo made in %.1f s", (g_get_monotonic_time () - t0) / 1e6);

  for (guint k = 0; k < n_kinds; k++)
    {
      const FfKind *kind = kinds[k];
      g_autofree char *first = NULL;
      g_autofree char *again = NULL;
      guint64 n_first = 0, n_again = 0;

      first = export_csv (ff_session_get_store (demo), kind->name, &n_first);
      g_test_message ("%s: %" G_GUINT64_FORMAT " records", kind->name, n_first);
      round_trip = TRUE;
      import_ok (ff_session_get_store (second), &admin, kind->name, first, n_first);
      round_trip = FALSE;
      again = export_csv (ff_session_get_store (second), kind->name, &n_again);
      g_assert_cmpuint (n_again, ==, n_first);
      if (g_strcmp0 (first, again) != 0)
        {
          /* Name the first record that differs. */
          g_auto (GStrv) a = g_strsplit (first, "\r\n", -1);
          g_auto (GStrv) b = g_strsplit (again, "\r\n", -1);
          for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
            if (g_strcmp0 (a[i], b[i]) != 0)
              {
                g_test_message ("%s, record %u:\n  first: %s\n  again: %s", kind->name, i,
                                a[i], b[i]);
                break;
              }
        }
      g_assert_cmpstr (first, ==, again);
      n_with_records += n_first > 0;
    }
  g_test_message ("%u of %u kinds had records; %.1f s in all", n_with_records, n_kinds,
                  (g_get_monotonic_time () - t0) / 1e6);

  /* The masters the demo has always made did take part. */
  {
    static const char *const masters[] = { "plants", "lines", "suppliers", "brands", "skus",
                                           "stores", NULL };
    for (guint i = 0; masters[i] != NULL; i++)
      g_assert_cmpint (live_count (ff_session_get_store (second), masters[i]), >, 0);
  }
  g_assert_cmpuint (n_with_records, >=, 9);

  g_clear_object (&demo);
  g_clear_object (&second);
  g_clear_object (&vault);
  ff_test_rm_rf (dir);
}

/* An export of a kind with required binary content (audit photos) should import again. */
static void
test_required_blob (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (FfRecordRepository) photos = NULL;
  g_autoptr (FfRecord) audit = NULL;
  g_autoptr (FfRecord) photo = NULL;
  g_autoptr (GBytes) jpeg = g_bytes_new_static ("\xFF\xD8\xFF\xE0", 4);
  g_autoptr (GString) csv = NULL;
  const FfKind *kind = ff_kind_lookup ("audit_photos");
  int image = ff_kind_get_field_index (kind, "image");
  gboolean ok;

  import_ok (fixture->store, &fixture->admin, "audit_templates",
             "code,name,standard,version,pass_threshold_pct,status\r\n"
             "TPL-GMP,GMP walk,internal,1,80,active\r\n", 1);
  import_ok (fixture->store, &fixture->admin, "audits",
             "code,template,site,auditor,scheduled_on,status\r\n"
             "AUD-1,TPL-GMP,Eindhoven,Alice,2026-03-02,planned\r\n", 1);

  audit = find (fixture->store, "audits", "AUD-1");
  photos = ff_record_repository_new (fixture->store, kind);
  photo = ff_record_new (kind);
  ff_record_set (photo, "code", "AUD-1/P1");
  ff_record_set (photo, "audit", ff_record_get_id (audit));
  ff_record_set (photo, "caption", "Dock door seal");
  ff_record_set (photo, "mime_type", "image/jpeg");
  ff_record_set (photo, "taken_at", "2026-03-02T09:15:00Z");
  g_assert_cmpint (image, >=, 0);
  ff_record_set_blob (photo, (guint) image, jpeg);
  g_assert_true (ff_record_repository_insert (photos, &fixture->admin, photo, NULL, &error));
  g_assert_no_error (error);

  /* The same photo under another code, as a person would copy a row. */
  csv = g_string_new (NULL);
  {
    g_autofree char *exported = export_csv (fixture->store, "audit_photos", NULL);
    g_string_append (csv, exported);
  }
  g_assert_cmpuint (g_string_replace (csv, "AUD-1/P1", "AUD-1/P2", 0), ==, 1);

  ok = import (fixture->store, &fixture->admin, "audit_photos", csv->str, NULL, &problems,
               &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (live_count (fixture->store, "audit_photos"), ==, 2);
  /* The image came through the CSV (as base64) byte for byte. */
  {
    g_autoptr (FfRecord) copy = find (fixture->store, "audit_photos", "AUD-1/P2");
    g_autoptr (GBytes) image_bytes = ff_record_repository_load_blob (photos,
                                                                     ff_record_get_id (copy),
                                                                     "image", &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (image_bytes, jpeg));
  }
}

/* (e) The defects a hostile tester found ----------------------------------------------------- */

/* A NUL byte used to end the field where it stood and drop the rest silently. */
static void
test_nul_byte (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const char text[] = LINES_HEADER "L1,nul\0byte tail,PLANT-EHV,processing,running,2.4\r\n";
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (text, sizeof text - 1, NULL);
  g_auto (FfKindCsvImport) report = { 0 };
  g_autoptr (GError) error = NULL;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  g_assert_false (ff_kind_csv_import (fixture->store, &fixture->admin, ff_kind_lookup ("lines"),
                                      in, &report, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_cmpuint (report.n_problems, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report.problems, 0), ==,
                   "line 2, column 7: a NUL byte (code 0), which no field may hold; is this a "
                   "text file?");
  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 0);
}

/* A header alone writes nothing at all: not a record, not the clock. */
static void
test_header_only (Fixture       *fixture,
                  gconstpointer  user_data)
{
  sqlite3 *db = ff_store_get_handle (fixture->store);
  int changes = sqlite3_total_changes (db);

  import_ok (fixture->store, &fixture->admin, "suppliers",
             "code,name,category,approval_status,risk_level\r\n\r\n", 0);
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
}

/* A file with a problem on every row lists the first ones in file order and counts the rest. */
static void
test_many_problems (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GString) text = g_string_new ("code,name,category,approval_status,risk_level\r\n");
  g_autoptr (GInputStream) in = NULL;
  g_auto (FfKindCsvImport) report = { 0 };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (text, "SUP-%u,Supplier %u,ingredient,approved,%s\r\n", i, i,
                            i % 2 ? "extreme" : "low");
  in = g_memory_input_stream_new_from_data (text->str, (gssize) text->len, NULL);
  g_assert_false (ff_kind_csv_import (fixture->store, &fixture->admin,
                                      ff_kind_lookup ("suppliers"), in, &report, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_cmpuint (report.n_problems, ==, 1250);
  g_assert_cmpuint (report.problems->len, ==, FF_KIND_CSV_MAX_PROBLEMS);
  for (guint i = 0; i < report.problems->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("line %u, column 5: risk_level “extreme” is "
                                                   "not one of: low, medium, high", 3 + 2 * i);
      g_assert_cmpstr (g_ptr_array_index (report.problems, i), ==, expected);
    }
  g_assert_true (g_str_has_prefix (error->message, "Nothing was imported: 1250 problems"));
  g_assert_cmpint (table_count (fixture->store, "suppliers"), ==, 0);
}

/* Codes compare regardless of case, as people read them; a reference may be typed in any case. */
static void
test_codes_ignore_case (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *const expected[] = {
    "line 2, column 1: code “l1” is already taken, with other values: name "
    "Fryer again here, Fryer recorded",
    "line 4, column 1: code “l2” is already taken, with other values: name "
    "Bagger twice here, Bagger recorded",
    NULL
  };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) l1 = NULL, plant = NULL;

  insert_plant (fixture, "PLANT-EHV", "Eindhoven");
  import_ok (fixture->store, &fixture->admin, "lines",
             LINES_HEADER "L1,Fryer,plant-ehv,processing,running,2.4\r\n", 1);
  /* Against a record already kept, and within the file. */
  g_assert_false (import (fixture->store, &fixture->admin, "lines",
                          LINES_HEADER "l1,Fryer again,PLANT-EHV,processing,running,2.4\r\n"
                          "L2,Bagger,PLANT-EHV,packing,idle,0.8\r\n"
                          "l2,Bagger twice,PLANT-EHV,packing,idle,0.8\r\n", NULL, &problems,
                          &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  assert_problems (problems, expected);
  g_assert_cmpint (table_count (fixture->store, "lines"), ==, 1);
  /* Found whatever the case typed; the reference typed in lower case found the plant. */
  l1 = find (fixture->store, "lines", "l1");
  g_assert_cmpstr (ff_record_get_code (l1), ==, "L1");
  plant = find (fixture->store, "plants", "Plant-Ehv");
  g_assert_cmpstr (ff_record_get (l1, "plant"), ==, ff_record_get_id (plant));
}

/* A GTIN-13 and the same GTIN-14 with a leading zero are one article. */
static void
test_gtin_forms (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *brands = "code,name\r\nBR-1,Brand one\r\n";
  const char *skus =
    "code,gtin,description,brand,pack_size,pack_unit,case_pack,status\r\n"
    "SKU-1,4006381333931,Chips 200 g,BR-1,200,g,12,active\r\n";
  const char *clash =
    "code,gtin,description,brand,pack_size,pack_unit,case_pack,status\r\n"
    "SKU-2,04006381333931,Chips 200 g again,BR-1,200,g,12,active\r\n";
  const char *const expected[] = {
    "line 2, column 2: gtin “04006381333931” is already taken",
    NULL
  };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) sku = NULL;
  g_autofree char *shown = NULL;

  import_ok (fixture->store, &fixture->admin, "brands", brands, 1);
  import_ok (fixture->store, &fixture->admin, "skus", skus, 1);
  g_assert_false (import (fixture->store, &fixture->admin, "skus", clash, NULL, &problems,
                          &error));
  assert_problems (problems, expected);
  sku = find (fixture->store, "skus", "SKU-1");
  g_assert_cmpstr (ff_record_get (sku, "gtin"), ==, "04006381333931");
  shown = ff_record_format (sku, "gtin");
  g_assert_cmpstr (shown, ==, "4006381333931");
}

/* The same POS file imported twice changes nothing; a row that says something else about the
 * same store, SKU and day is refused, naming what differs. */
static void
test_natural_keys (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const FfActor retail = { "rita", FF_ROLE_RETAIL };
  const char *masters[][2] = {
    { "banners", "code,name,country\r\nBN-1,FreshMart,NL\r\n" },
    { "stores", "number,name,banner,format,city,country,status\r\n"
                "101,FreshMart Eindhoven,BN-1,supermarket,Eindhoven,NL,open\r\n" },
    { "brands", "code,name\r\nBR-1,Brand one\r\n" },
    { "skus", "code,gtin,description,brand,pack_size,pack_unit,case_pack,status\r\n"
              "SKU-1,4006381333931,Chips 200 g,BR-1,200,g,12,active\r\n" },
  };
  const char *pos =
    "store,sku,sale_date,units,net_sales_minor,currency\r\n"
    "101,SKU-1,2026-03-01,12,2268,EUR\r\n"
    "101,SKU-1,2026-03-02,9,1701,EUR\r\n";
  /* Overlaps the first file by a day, and repeats a row of its own. */
  const char *overlap =
    "store,sku,sale_date,units,net_sales_minor,currency\r\n"
    "101,SKU-1,2026-03-02,9.0,1701,EUR\r\n"
    "101,SKU-1,2026-03-03,7,1323,EUR\r\n"
    "101,SKU-1,2026-03-03,7,1323,EUR\r\n";
  const char *conflict =
    "store,sku,sale_date,units,net_sales_minor,currency\r\n"
    "101,SKU-1,2026-03-04,5,945,EUR\r\n"
    "101,SKU-1,2026-03-01,14,2268,EUR\r\n";
  const char *const expected[] = {
    "line 3: A sale of this SKU in this store on this day is already recorded, with other "
    "values: units 14 here, 12 recorded",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  const FfKind *kind = ff_kind_lookup ("pos_sales");

  for (guint i = 0; i < G_N_ELEMENTS (masters); i++)
    import_ok (fixture->store, &fixture->admin, masters[i][0], masters[i][1], 1);
  import_ok (fixture->store, &retail, "pos_sales", pos, 2);

  /* Again: nothing new, nothing doubled. */
  {
    g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (pos, -1, NULL);
    g_auto (FfKindCsvImport) report = { 0 };

    g_assert_true (ff_kind_csv_import (fixture->store, &retail, kind, in, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.imported, ==, 0);
    g_assert_cmpuint (report.unchanged, ==, 2);
  }
  {
    g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (overlap, -1, NULL);
    g_auto (FfKindCsvImport) report = { 0 };

    g_assert_true (ff_kind_csv_import (fixture->store, &retail, kind, in, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.imported, ==, 1);
    g_assert_cmpuint (report.unchanged, ==, 2);
  }
  g_assert_cmpint (table_count (fixture->store, "pos_sales"), ==, 3);

  g_assert_false (import (fixture->store, &retail, "pos_sales", conflict, NULL, &problems,
                          &error));
  assert_problems (problems, expected);
  g_assert_cmpint (table_count (fixture->store, "pos_sales"), ==, 3);

  /* The repository refuses the duplicate whoever writes it. */
  {
    g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store, kind);
    g_autoptr (FfRecord) sale = ff_record_new (kind);
    g_autoptr (GError) insert_error = NULL;
    g_autoptr (FfRecord) store = find (fixture->store, "stores", "101");
    g_autoptr (FfRecord) sku = find (fixture->store, "skus", "SKU-1");

    ff_record_set (sale, "store", ff_record_get_id (store));
    ff_record_set (sale, "sku", ff_record_get_id (sku));
    ff_record_set (sale, "sale_date", "2026-03-01");
    ff_record_set (sale, "units", "12");
    g_assert_false (ff_record_repository_insert (repo, &retail, sale, NULL, &insert_error));
    g_assert_error (insert_error, FF_ERROR, FF_ERROR_INVALID);
    g_assert_nonnull (strstr (insert_error->message, "already recorded"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv-import/good-file", test_good_file);
  ADD ("/csv-import/bad-rows", test_bad_rows);
  ADD ("/csv-import/malformed-csv", test_malformed_csv);
  ADD ("/csv-import/bad-header", test_bad_header);
  ADD ("/csv-import/not-utf8", test_not_utf8);
  ADD ("/csv-import/bom-column", test_bom_column);
  ADD ("/csv-import/references", test_references);
  ADD ("/csv-import/self-reference", test_self_reference);
  ADD ("/csv-import/permission", test_permission);
  ADD ("/csv-import/required-blob", test_required_blob);
  ADD ("/csv-import/nul-byte", test_nul_byte);
  ADD ("/csv-import/header-only", test_header_only);
  ADD ("/csv-import/many-problems", test_many_problems);
  ADD ("/csv-import/codes-ignore-case", test_codes_ignore_case);
  ADD ("/csv-import/gtin-forms", test_gtin_forms);
  ADD ("/csv-import/natural-keys", test_natural_keys);
#undef ADD
  g_test_add_func ("/csv-import/round-trip-all-kinds", test_round_trip_all_kinds);

  return g_test_run ();
}
