/* test-csv.c — the RFC 4180 writer's quoting and the strict reader's records and errors. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-csv.h"
#include "ff-error.h"

#define ROUND_TRIP_SEED 20260301
#define ROUND_TRIP_RECORDS 400

/* Helpers ------------------------------------------------------------------------------------ */

static char *
field_text (const char *value)
{
  g_autoptr (GString) out = g_string_new (NULL);

  ff_csv_append_field (out, value);
  return g_strdup (out->str);
}

/* Reads the next record of @reader and checks it holds exactly the NULL-terminated @expected
 * fields and starts on @line. */
static void
expect_record (FfCsvReader        *reader,
               guint               line,
               const char *const  *expected)
{
  g_autoptr (GError) error = NULL;
  guint got_line = 0;
  char **fields = ff_csv_reader_next (reader, &got_line, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  g_assert_cmpuint (got_line, ==, line);
  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
}

static void
expect_end (FfCsvReader *reader)
{
  g_autoptr (GError) error = NULL;
  guint line = 0;

  g_assert_null (ff_csv_reader_next (reader, &line, NULL, &error));
  g_assert_no_error (error);
  /* The end stays the end. */
  g_assert_null (ff_csv_reader_next (reader, &line, NULL, &error));
  g_assert_no_error (error);
}

/* Reads @length bytes of @text up to its first error and checks the message is exactly
 * @message. */
static void
expect_error_len (const char *text,
                  gsize       length,
                  guint       n_good_records,
                  const char *message)
{
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, length);
  g_autoptr (GError) error = NULL;
  guint line = 0;

  for (guint i = 0; i < n_good_records; i++)
    {
      g_assert_nonnull (ff_csv_reader_next (reader, &line, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_null (ff_csv_reader_next (reader, &line, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
expect_error (const char *text,
              guint       n_good_records,
              const char *message)
{
  expect_error_len (text, strlen (text), n_good_records, message);
}

#define RECORD(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Writer ------------------------------------------------------------------------------------- */

static void
test_writer_quoting (void)
{
  static const struct
  {
    const char *value;
    const char *written;
  } cases[] = {
    { "plain", "plain" },
    { "in side", "in side" },
    { "Gewürze", "Gewürze" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { " leading", "\" leading\"" },
    { "trailing ", "\"trailing \"" },
    { " ", "\" \"" },
    { "tab\there", "tab\there" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = field_text (cases[i].value);
      g_assert_cmpstr (written, ==, cases[i].written);
    }
  {
    g_autofree char *written = field_text (NULL);
    g_assert_cmpstr (written, ==, "");
  }
}

static void
test_writer_record (void)
{
  g_autoptr (GString) out = g_string_new ("before|");
  const char *fields[] = { "a", NULL, "", "b,c", " d", "e\"f" };

  /* Appends; does not replace what is there. */
  ff_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==, "before|a,,,\"b,c\",\" d\",\"e\"\"f\"\r\n");

  g_string_truncate (out, 0);
  ff_csv_append_record (out, fields, 1);
  ff_csv_append_record (out, fields + 1, 1);
  ff_csv_append_record (out, fields + 1, 2);
  g_assert_cmpstr (out->str, ==, "a\r\n\r\n,\r\n");
}

/* Reader ------------------------------------------------------------------------------------- */

static void
test_reader_simple (void)
{
  const char *text = "code,name,risk\r\nSUP-1,Fresh Farms,low\r\nSUP-2,Acme,high\r\n";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, strlen (text));

  expect_record (reader, 1, RECORD ("code", "name", "risk"));
  expect_record (reader, 2, RECORD ("SUP-1", "Fresh Farms", "low"));
  expect_record (reader, 3, RECORD ("SUP-2", "Acme", "high"));
  expect_end (reader);
}

static void
test_reader_quoted (void)
{
  /* Commas, doubled quotes, an embedded CRLF and an embedded LF: the record's start line is
   * reported and the next record's line counts the embedded line breaks. */
  const char *text = "\"x,y\",\"say \"\"hi\"\"\",\"multi\r\nline\"\r\n"
                     "next,\"a\nb\nc\",\"\"\r\n"
                     "last,\"\"\"quoted\"\"\",\",\"\r\n";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, strlen (text));

  expect_record (reader, 1, RECORD ("x,y", "say \"hi\"", "multi\r\nline"));
  expect_record (reader, 3, RECORD ("next", "a\nb\nc", ""));
  expect_record (reader, 6, RECORD ("last", "\"quoted\"", ","));
  expect_end (reader);
}

static void
test_reader_line_ends (void)
{
  /* CRLF and LF mixed, and no line break after the last record. */
  const char *text = "a,b\r\nc,d\ne,f\r\ng,h";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, strlen (text));

  expect_record (reader, 1, RECORD ("a", "b"));
  expect_record (reader, 2, RECORD ("c", "d"));
  expect_record (reader, 3, RECORD ("e", "f"));
  expect_record (reader, 4, RECORD ("g", "h"));
  expect_end (reader);
}

static void
test_reader_trailing_newline (void)
{
  const char *const texts[] = { "a,b", "a,b\r\n", "a,b\n", "\"a\",\"b\"", "\"a\",\"b\"\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (FfCsvReader) reader = ff_csv_reader_new (texts[i], strlen (texts[i]));

      expect_record (reader, 1, RECORD ("a", "b"));
      expect_end (reader);
    }
  {
    g_autoptr (FfCsvReader) reader = ff_csv_reader_new ("", 0);
    expect_end (reader);
  }
}

static void
test_reader_length (void)
{
  /* Only @length bytes are read, whatever follows them. */
  const char *text = "a,b\r\nc,d\r\n";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, 3);

  expect_record (reader, 1, RECORD ("a", "b"));
  expect_end (reader);
}

static void
test_reader_bom (void)
{
  const char *text = "\xEF\xBB\xBF" "code,name\r\n\xEF\xBB\xBF,x\r\n";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, strlen (text));

  expect_record (reader, 1, RECORD ("code", "name"));
  /* Only a mark at the very start is one. */
  expect_record (reader, 2, RECORD ("\xEF\xBB\xBF", "x"));
  expect_end (reader);
}

static void
test_reader_empty_fields (void)
{
  const char *text = ",,\r\na,,b\r\n\"\"\r\na,\r\n\r\n,\"\"\r\n";
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, strlen (text));

  expect_record (reader, 1, RECORD ("", "", ""));
  expect_record (reader, 2, RECORD ("a", "", "b"));
  expect_record (reader, 3, RECORD (""));
  expect_record (reader, 4, RECORD ("a", ""));
  /* A blank line is one empty field; the importer decides what it means. */
  expect_record (reader, 5, RECORD (""));
  expect_record (reader, 6, RECORD ("", ""));
  expect_end (reader);
}

static void
test_reader_errors (void)
{
  /* A quote inside an unquoted field. */
  expect_error ("a,b\"c,d\r\n", 0, "line 1, column 4: a quote inside an unquoted field");
  expect_error ("code,name\r\nSUP-1,Fresh \"Farms\"\r\n", 1,
                "line 2, column 13: a quote inside an unquoted field");
  /* Columns count characters, not bytes. */
  expect_error ("x\nGewürze,a\"b\n", 1, "line 2, column 10: a quote inside an unquoted field");

  /* Text after a closing quote. */
  expect_error ("\"ab\"c,d\r\n", 0, "line 1, column 5: text after a closing quote");
  expect_error ("\"ab\" ,d\r\n", 0, "line 1, column 5: text after a closing quote");
  /* ...on the line where the quoted field ends, not where its record starts. */
  expect_error ("h\r\nv,\"two\r\nlines\"!\r\n", 1,
                "line 3, column 7: text after a closing quote");

  /* An unterminated quoted field: reported where it opened. */
  expect_error ("\"never closed", 0, "line 1, column 1: a quoted field is never closed");
  expect_error ("ok\r\nx,\"abc\r\nmore\r\nstill more\r\n", 1,
                "line 2, column 3: a quoted field is never closed");
  expect_error ("a\n\"x\"\"", 1, "line 2, column 1: a quoted field is never closed");
}

/* A byte-order mark is not something a person sees in an editor: column 1 is what follows it. */
static void
test_reader_error_column_after_bom (void)
{
  expect_error ("\xEF\xBB\xBF" "a\"b\r\n", 0,
                "line 1, column 2: a quote inside an unquoted field");
  expect_error ("\xEF\xBB\xBF" "code\r\n\"x\"y\r\n", 1,
                "line 2, column 4: text after a closing quote");
}

/* A NUL byte would end the field at C's string terminator and drop what follows it: refused
 * where it is, quoted or not. */
static void
test_reader_nul_byte (void)
{
  static const char unquoted[] = "code,name\r\nL1,nul\0byte tail\r\n";
  static const char quoted[] = "code,value\r\nL1,\"180.5\0garbage\"\r\n";
  static const char message[] = "line 2, column %u: a NUL byte (code 0), which no field may hold; "
                                "is this a text file?";
  g_autofree char *at_7 = g_strdup_printf (message, 7);
  g_autofree char *at_10 = g_strdup_printf (message, 10);

  expect_error_len (unquoted, sizeof unquoted - 1, 1, at_7);
  expect_error_len (quoted, sizeof quoted - 1, 1, at_10);
}

/* A stream is read a chunk at a time: records that straddle chunks come out whole. */
static void
test_reader_stream (void)
{
  g_autoptr (GString) text = g_string_new ("code,note\r\n");
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (FfCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *long_note = g_strnfill (150 * 1024, 'x');
  guint line = 0, n = 0;
  char **fields;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "C%u,\"note %u, with a comma\nand a line\"\r\n", i, i);
  g_string_append_printf (text, "LONG,%s\r\n", long_note);
  stream = g_memory_input_stream_new_from_data (text->str, (gssize) text->len, NULL);
  reader = ff_csv_reader_new_for_stream (stream);
  expect_record (reader, 1, RECORD ("code", "note"));
  while ((fields = ff_csv_reader_next (reader, &line, NULL, &error)) != NULL
         && !g_str_equal (fields[0], "LONG"))
    {
      g_autofree char *code = g_strdup_printf ("C%u", n);
      g_autofree char *note = g_strdup_printf ("note %u, with a comma\nand a line", n);

      g_assert_cmpuint (line, ==, 2 + 2 * n);
      g_assert_cmpstr (fields[0], ==, code);
      g_assert_cmpstr (fields[1], ==, note);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20000);
  g_assert_nonnull (fields);
  g_assert_cmpuint (line, ==, 2 + 2 * 20000);
  g_assert_cmpuint (strlen (fields[1]), ==, 150 * 1024);
  expect_end (reader);
}

/* Round trip --------------------------------------------------------------------------------- */

static const char *const pieces[] = {
  "a", "Z", "0", " ", ",", "\"", "\r", "\n", "\r\n", "ü", "Gewürze", "€", "Käse, jung",
  "\"\"", "x y", ";", "\t", "日本",
};

static char *
random_field (GRand *rand)
{
  GString *value = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 6);

  for (int i = 0; i < n; i++)
    g_string_append (value, pieces[g_rand_int_range (rand, 0, (gint32) G_N_ELEMENTS (pieces))]);
  return g_string_free (value, FALSE);
}

static guint
count_newlines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_round_trip (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (ROUND_TRIP_SEED);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (FfCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  guint n_special = 0;

  for (guint r = 0; r < ROUND_TRIP_RECORDS; r++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 7);
      char **fields = g_new0 (char *, n + 1);
      guint line = count_newlines (text->str) + 1;

      for (guint i = 0; i < n; i++)
        {
          fields[i] = random_field (rand);
          n_special += strpbrk (fields[i], ",\"\r\n") != NULL;
        }
      ff_csv_append_record (text, (const char *const *) fields, n);
      g_ptr_array_add (records, fields);
      g_array_append_val (lines, line);
    }
  /* The generator really made the hard cases. */
  g_assert_cmpuint (n_special, >, ROUND_TRIP_RECORDS / 2);
  g_assert_true (g_utf8_validate (text->str, (gssize) text->len, NULL));

  reader = ff_csv_reader_new (text->str, text->len);
  for (guint r = 0; r < records->len; r++)
    {
      char **expected = g_ptr_array_index (records, r);
      guint line = 0;
      char **got = ff_csv_reader_next (reader, &line, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (got);
      g_assert_cmpuint (line, ==, g_array_index (lines, guint, r));
      g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (expected));
      for (guint i = 0; expected[i] != NULL; i++)
        g_assert_cmpstr (got[i], ==, expected[i]);
    }
  expect_end (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/record", test_writer_record);
  g_test_add_func ("/csv/reader/simple", test_reader_simple);
  g_test_add_func ("/csv/reader/quoted", test_reader_quoted);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/trailing-newline", test_reader_trailing_newline);
  g_test_add_func ("/csv/reader/length", test_reader_length);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/empty-fields", test_reader_empty_fields);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/reader/error-column-after-bom", test_reader_error_column_after_bom);
  g_test_add_func ("/csv/reader/nul-byte", test_reader_nul_byte);
  g_test_add_func ("/csv/reader/stream", test_reader_stream);
  g_test_add_func ("/csv/round-trip", test_round_trip);

  return g_test_run ();
}
