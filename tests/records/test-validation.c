/* test-validation.c — field normalisation and checks per field type, GTINs, display formats. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-error.h"
#include "ff-gtin.h"
#include "ff-kind-catalog.h"
#include "ff-kind.h"

static const FfEnumValue states[] = {
  { "running", "Running" },
  { "down", "Down" },
  { "planned_stop", "Planned stop" },
  { NULL }
};

static const FfField text_field = { "name", "Name", FF_FIELD_TEXT, 0, .max_length = 5 };
static const FfField text_default = { "notes", "Notes", FF_FIELD_TEXT, 0 };
static const FfField required_field = { "code", "Code", FF_FIELD_TEXT, FF_FIELD_REQUIRED };
static const FfField integer_field = { "case_pack", "Units", FF_FIELD_INTEGER, 0,
                                       .min = 1, .max = 100 };
static const FfField integer_free = { "count", "Count", FF_FIELD_INTEGER, 0 };
static const FfField real_field = { "cycle", "Cycle", FF_FIELD_REAL, 0, .min = 0.5, .max = 10 };
static const FfField real_free = { "value", "Value", FF_FIELD_REAL, 0 };
static const FfField boolean_field = { "active", "Active", FF_FIELD_BOOLEAN, 0 };
static const FfField date_field = { "due", "Due", FF_FIELD_DATE, 0 };
static const FfField timestamp_field = { "at", "At", FF_FIELD_TIMESTAMP, 0 };
static const FfField enum_field = { "status", "Status", FF_FIELD_ENUM, FF_FIELD_REQUIRED,
                                    .enum_values = states };
static const FfField money_field = { "price", "Price", FF_FIELD_MONEY, 0,
                                     .unit_field = "currency" };
static const FfField currency_field = { "currency", "Currency", FF_FIELD_CURRENCY, 0 };
static const FfField quantity_field = { "qty", "Quantity", FF_FIELD_QUANTITY, 0,
                                        .unit_field = "unit", .min = 0, .max = 1000 };
static const FfField gtin_field = { "gtin", "GTIN", FF_FIELD_GTIN, 0 };
static const FfField email_field = { "email", "E-mail", FF_FIELD_EMAIL, 0 };
static const FfField area_field = { "area", "Area", FF_FIELD_REAL, 0, .unit = "m²" };

static void
assert_normalizes (const FfField *field,
                   const char    *input,
                   const char    *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *shown = input ? g_strescape (input, NULL) : g_strdup ("(null)");

  if (!ff_field_normalize (field, input, &out, &error))
    g_test_fail_printf ("%s: '%s' was refused: %s", field->name, shown, error->message);
  else if (g_strcmp0 (out, expected) != 0)
    g_test_fail_printf ("%s: '%s' normalised to '%s', expected '%s'", field->name, shown,
                        out ? out : "(null)", expected ? expected : "(null)");
}

static void
assert_refuses (const FfField *field,
                const char    *input)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *shown = input ? g_strescape (input, NULL) : g_strdup ("(null)");

  if (ff_field_normalize (field, input, &out, &error))
    {
      g_autofree char *shown_out = out ? g_strescape (out, NULL) : g_strdup ("(null)");
      g_test_fail_printf ("%s: '%s' was accepted as '%s'", field->name, shown, shown_out);
      return;
    }
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (out);
}

static void
test_empty (void)
{
  /* Empty or blank optional values are stored as NULL; required ones are refused. */
  assert_normalizes (&text_field, NULL, NULL);
  assert_normalizes (&text_field, "", NULL);
  assert_normalizes (&text_field, "   \t ", NULL);
  assert_normalizes (&integer_field, "  ", NULL);
  assert_normalizes (&date_field, "", NULL);
  assert_refuses (&required_field, NULL);
  assert_refuses (&required_field, "");
  assert_refuses (&required_field, "  \n ");
  assert_refuses (&enum_field, "");
}

static void
test_text (void)
{
  g_autofree char *long200 = g_strnfill (200, 'x');
  g_autofree char *long201 = g_strnfill (201, 'x');

  assert_normalizes (&text_field, "  hello ", "hello");
  assert_normalizes (&text_field, "abcde", "abcde");
  assert_refuses (&text_field, "abcdef");
  /* Length counts characters, not bytes. */
  assert_normalizes (&text_field, "ééééé", "ééééé");
  assert_refuses (&text_field, "éééééé");
  assert_refuses (&text_field, "ab\xff\xfe");
  /* max_length 0 means 200. */
  assert_normalizes (&text_default, long200, long200);
  assert_refuses (&text_default, long201);
}

static void
test_integer (void)
{
  assert_normalizes (&integer_field, " 42 ", "42");
  assert_normalizes (&integer_field, "007", "7");
  assert_normalizes (&integer_field, "+5", "5");
  assert_normalizes (&integer_field, "1", "1");
  assert_normalizes (&integer_field, "100", "100");
  assert_refuses (&integer_field, "0");
  assert_refuses (&integer_field, "101");
  assert_refuses (&integer_field, "-3");
  assert_refuses (&integer_field, "4.2");
  assert_refuses (&integer_field, "12abc");
  assert_refuses (&integer_field, "abc");
  assert_refuses (&integer_field, "1 000");
  assert_normalizes (&integer_free, "-17", "-17");
  assert_normalizes (&integer_free, "9007199254740993", "9007199254740993");
  assert_refuses (&integer_free, "0x10");
  assert_refuses (&integer_free, "99999999999999999999");
  assert_refuses (&integer_free, "-99999999999999999999");
}

static void
test_real (void)
{
  assert_normalizes (&real_field, "3.50", "3.5");
  assert_normalizes (&real_field, " 2 ", "2");
  assert_normalizes (&real_field, "1e0", "1");
  assert_normalizes (&real_field, "0.5", "0.5");
  assert_normalizes (&real_field, "10", "10");
  assert_refuses (&real_field, "0.49");
  assert_refuses (&real_field, "10.01");
  assert_refuses (&real_field, "1,5");
  assert_refuses (&real_field, "abc");
  assert_refuses (&real_field, "2 kg");
  assert_refuses (&real_free, "nan");
  assert_refuses (&real_free, "inf");
  assert_refuses (&real_free, "1e999");
  assert_normalizes (&real_free, "-0.25", "-0.25");
  assert_normalizes (&real_free, "1e3", "1000");
  assert_normalizes (&quantity_field, "12.0", "12");
  assert_refuses (&quantity_field, "-1");
  assert_refuses (&quantity_field, "1000.5");
  /* What strtod reads but a person does not mean: hexadecimal, words, and numbers too small to
   * keep (they would turn into 0). */
  assert_refuses (&real_free, "0x10");
  assert_refuses (&real_free, "0X1p3");
  assert_refuses (&real_free, "infinity");
  assert_refuses (&real_free, "1e-400");
  assert_refuses (&real_free, "-4.9e-330");
  assert_refuses (&real_free, ".");
  assert_refuses (&real_free, "1e");
  assert_refuses (&real_free, "1.5.2");
  assert_normalizes (&real_free, ".5", "0.5");
  assert_normalizes (&real_free, "5.", "5");
  assert_normalizes (&real_free, "2.5E-3", "0.0025");
}

static void
test_boolean (void)
{
  const char *const yes[] = { "1", "true", "TRUE", "True", "yes", "Yes", "y", "Y", "t", " yes " };
  const char *const no[] = { "0", "false", "FALSE", "no", "NO", "n", "N", "f", "F" };
  const char *const neither[] = { "2", "maybe", "ja", "-1", "yes!", "on" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    assert_normalizes (&boolean_field, yes[i], "1");
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    assert_normalizes (&boolean_field, no[i], "0");
  for (guint i = 0; i < G_N_ELEMENTS (neither); i++)
    assert_refuses (&boolean_field, neither[i]);
}

static void
test_date (void)
{
  assert_normalizes (&date_field, "2026-03-31", "2026-03-31");
  assert_normalizes (&date_field, " 2026-01-01 ", "2026-01-01");
  assert_normalizes (&date_field, "2024-02-29", "2024-02-29");
  assert_normalizes (&date_field, "2000-02-29", "2000-02-29");
  assert_normalizes (&date_field, "2026-12-31", "2026-12-31");
  assert_refuses (&date_field, "2026-02-30");
  assert_refuses (&date_field, "2025-02-29");
  assert_refuses (&date_field, "1900-02-29");
  assert_refuses (&date_field, "2026-04-31");
  assert_refuses (&date_field, "2026-13-01");
  assert_refuses (&date_field, "2026-00-10");
  assert_refuses (&date_field, "2026-01-00");
  assert_refuses (&date_field, "2026-3-1");
  assert_refuses (&date_field, "31/03/2026");
  assert_refuses (&date_field, "2026-03-31T00:00:00Z");
  assert_refuses (&date_field, "2026/03/31");
  assert_refuses (&date_field, "tomorrow");
}

static void
test_timestamp (void)
{
  assert_normalizes (&timestamp_field, "2026-03-01T06:00:00Z", "2026-03-01T06:00:00Z");
  assert_normalizes (&timestamp_field, "2026-03-01T07:00:00+01:00", "2026-03-01T06:00:00Z");
  assert_normalizes (&timestamp_field, "2026-02-28T23:30:00-01:00", "2026-03-01T00:30:00Z");
  assert_normalizes (&timestamp_field, "2026-12-31T23:59:59-05:00", "2027-01-01T04:59:59Z");
  assert_normalizes (&timestamp_field, " 2026-03-01T06:00Z ", "2026-03-01T06:00:00Z");
  assert_normalizes (&timestamp_field, "2026-03-01T06:00:00+0100", "2026-03-01T05:00:00Z");
  /* Nothing is guessed or changed: a time without a zone, a space for the T, a leap second,
   * fractions of a second. */
  assert_refuses (&timestamp_field, "2026-03-01T06:00:00");
  assert_refuses (&timestamp_field, "2026-03-01 06:00:00Z");
  assert_refuses (&timestamp_field, "2026-06-30T23:59:60Z");
  assert_refuses (&timestamp_field, "2026-03-01T06:00:00.750Z");
  assert_refuses (&timestamp_field, "2026-03-01t06:00:00Z");
  assert_refuses (&timestamp_field, "2026-02-30T06:00:00Z");
  assert_refuses (&timestamp_field, "2026-03-01T25:00:00Z");
  assert_refuses (&timestamp_field, "yesterday");
  assert_refuses (&timestamp_field, "06:00");
}

static void
test_enum (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  assert_normalizes (&enum_field, "running", "running");
  assert_normalizes (&enum_field, "RUNNING", "running");
  assert_normalizes (&enum_field, " Down ", "down");
  assert_normalizes (&enum_field, "Planned_Stop", "planned_stop");
  /* The label a person sees is accepted too. */
  assert_normalizes (&enum_field, "Planned stop", "planned_stop");
  assert_refuses (&enum_field, "stopped");
  assert_refuses (&enum_field, "run");

  /* The message lists what is allowed. */
  g_assert_false (ff_field_normalize (&enum_field, "stopped", &out, &error));
  g_assert_nonnull (strstr (error->message, "running"));
  g_assert_nonnull (strstr (error->message, "planned_stop"));
}

static void
test_currency (void)
{
  assert_normalizes (&currency_field, "EUR", "EUR");
  assert_normalizes (&currency_field, "eur", "EUR");
  assert_normalizes (&currency_field, " usd ", "USD");
  assert_normalizes (&currency_field, "gBp", "GBP");
  assert_refuses (&currency_field, "EU");
  assert_refuses (&currency_field, "EURO");
  assert_refuses (&currency_field, "E1R");
  assert_refuses (&currency_field, "€");
}

static void
test_money (void)
{
  assert_normalizes (&money_field, "249", "249");
  assert_normalizes (&money_field, "0", "0");
  assert_refuses (&money_field, "2.49");
  assert_refuses (&money_field, "2,49");
  assert_refuses (&money_field, "€2");
}

static void
test_gtin (void)
{
  const char *const valid[] = {
    "4006381333931",   /* GTIN-13 */
    "96385074",        /* GTIN-8 */
    "036000291452",    /* GTIN-12 (UPC-A) */
    "5012345678900",   /* GTIN-13 */
    "10012345678902",  /* GTIN-14 */
  };
  const char *const invalid[] = {
    "4006381333932", "96385075", "036000291453", "10012345678903",
    "400638133393",    /* 12 digits, but the check digit is for the 13-digit number */
    "40063813339311", "1234567", "123456789", "40063813339a1", "400638133393x", "4006381 333931",
  };

  const char *const as_14[] = {
    "04006381333931", "00000096385074", "00036000291452", "05012345678900", "10012345678902",
  };

  /* Every length is kept as the 14 digits GS1 stores, so a GTIN-13 and the same number with a
   * leading zero are one GTIN; people see the shortest form again. */
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *shown = NULL;

      g_assert_true (ff_gtin_is_valid (valid[i]));
      assert_normalizes (&gtin_field, valid[i], as_14[i]);
      assert_normalizes (&gtin_field, as_14[i], as_14[i]);
      shown = ff_field_format (&gtin_field, as_14[i], NULL);
      g_assert_cmpstr (shown, ==, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (ff_gtin_is_valid (invalid[i]))
        g_test_fail_printf ("GTIN %s accepted", invalid[i]);
      assert_refuses (&gtin_field, invalid[i]);
    }
  assert_normalizes (&gtin_field, " 4006381333931 ", "04006381333931");
  g_assert_false (ff_gtin_is_valid (NULL));
  g_assert_false (ff_gtin_is_valid (""));
}

static void
test_gtin_check_digit (void)
{
  g_assert_cmpint (ff_gtin_check_digit ("400638133393"), ==, 1);
  g_assert_cmpint (ff_gtin_check_digit ("9638507"), ==, 4);
  g_assert_cmpint (ff_gtin_check_digit ("03600029145"), ==, 2);
  g_assert_cmpint (ff_gtin_check_digit ("501234567890"), ==, 0);
  g_assert_cmpint (ff_gtin_check_digit ("1001234567890"), ==, 2);
  g_assert_cmpint (ff_gtin_check_digit ("0000000"), ==, 0);

  g_assert_cmpint (ff_gtin_check_digit (NULL), ==, -1);
  g_assert_cmpint (ff_gtin_check_digit (""), ==, -1);
  g_assert_cmpint (ff_gtin_check_digit ("123456"), ==, -1);
  g_assert_cmpint (ff_gtin_check_digit ("12345678"), ==, -1);
  g_assert_cmpint (ff_gtin_check_digit ("12345678901234"), ==, -1);
  g_assert_cmpint (ff_gtin_check_digit ("40063813339a"), ==, -1);

  /* Every body gets the one digit that makes a valid GTIN. */
  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *body = g_strdup_printf ("871234%06u", n * 4999);
      int digit = ff_gtin_check_digit (body);

      g_assert_cmpint (digit, >=, 0);
      g_assert_cmpint (digit, <=, 9);
      for (int d = 0; d <= 9; d++)
        {
          g_autofree char *gtin = g_strdup_printf ("%s%d", body, d);
          g_assert_cmpint (ff_gtin_is_valid (gtin), ==, d == digit);
        }
    }
}

static void
test_email (void)
{
  assert_normalizes (&email_field, "qa@example.com", "qa@example.com");
  assert_normalizes (&email_field, " quality.team@fresh-foods.example ",
                     "quality.team@fresh-foods.example");
  assert_refuses (&email_field, "qa@example");
  assert_refuses (&email_field, "@example.com");
  assert_refuses (&email_field, "qa.example.com");
  assert_refuses (&email_field, "qa@@example.com");
  assert_refuses (&email_field, "qa@ex@ample.com");
  assert_refuses (&email_field, "q a@example.com");
  assert_refuses (&email_field, "qa@.example.com");
  assert_refuses (&email_field, "qa@example.com.");
  assert_refuses (&email_field, "qa@example.com, qb@example.com");
}

static void
test_invalid_utf8 (void)
{
  /* Every value ends up as SQLite TEXT, which is UTF-8: no field type may let broken UTF-8
   * through. "\xbc" is the second half of "ü" cut off from its first byte. */
  assert_refuses (&text_field, "gew\xbc");
  assert_refuses (&text_default, "Pfalz Gew\xbcrze");
  assert_refuses (&email_field, "quality@pfalz-gew\xbcrze.example");
  assert_refuses (&enum_field, "runn\xc3");
  assert_refuses (&currency_field, "E\xc3R");
  assert_refuses (&gtin_field, "400638133393\xc3");
  assert_refuses (&date_field, "2026-03-3\xc3");
}

static void
test_real_kinds (void)
{
  const FfKind *suppliers = ff_kind_lookup ("suppliers");
  const FfKind *skus = ff_kind_lookup ("skus");

  g_assert_nonnull (suppliers);
  g_assert_nonnull (skus);
  assert_normalizes (ff_kind_get_field (suppliers, "category"), "Ingredients", "ingredient");
  assert_normalizes (ff_kind_get_field (suppliers, "category"), "PACKAGING", "packaging");
  assert_refuses (ff_kind_get_field (suppliers, "category"), "fish");
  assert_refuses (ff_kind_get_field (suppliers, "country"), "NLD");
  assert_refuses (ff_kind_get_field (suppliers, "name"), "");
  assert_refuses (ff_kind_get_field (suppliers, "next_audit_due"), "2026-02-30");
  assert_refuses (ff_kind_get_field (skus, "gtin"), "4006381333932");
  assert_normalizes (ff_kind_get_field (skus, "currency"), "eur", "EUR");
  assert_refuses (ff_kind_get_field (skus, "case_pack"), "0");
}

static void
assert_formats (const FfField *field,
                const char    *value,
                const char    *unit,
                const char    *expected)
{
  g_autofree char *text = ff_field_format (field, value, unit);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_formats (&money_field, "1250", "EUR", "12.50 EUR");
  assert_formats (&money_field, "5", "EUR", "0.05 EUR");
  /* Grouped thousands (C groups with commas), as few decimals as a quantity needs. */
  assert_formats (&money_field, "1250", "JPY", "1,250 JPY");
  assert_formats (&money_field, "2039856", "EUR", "20,398.56 EUR");
  assert_formats (&quantity_field, "2.5", "kg", "2.5 kg");
  assert_formats (&quantity_field, "0.125", "kg", "0.125 kg");
  assert_formats (&quantity_field, "3", "case", "3 case");
  assert_formats (&quantity_field, "600000", "ea", "600,000 ea");
  assert_formats (&area_field, "1200", NULL, "1,200 m²");
  assert_formats (&boolean_field, "1", NULL, "Yes");
  assert_formats (&boolean_field, "0", NULL, "No");
  assert_formats (&enum_field, "planned_stop", NULL, "Planned stop");
  assert_formats (&enum_field, "unknown_state", NULL, "unknown_state");
  assert_formats (&text_field, NULL, NULL, "");
  assert_formats (&text_field, "", NULL, "");
  assert_formats (&date_field, "2026-03-31", NULL, "2026-03-31");

  g_assert_true (ff_field_is_numeric (&integer_field));
  g_assert_true (ff_field_is_numeric (&money_field));
  g_assert_true (ff_field_is_numeric (&quantity_field));
  g_assert_false (ff_field_is_numeric (&text_field));
  g_assert_false (ff_field_is_numeric (&date_field));
  g_assert_false (ff_field_is_numeric (&gtin_field));
}

static void
test_gln (void)
{
  static const FfField gln_field = { "gln", "GLN", FF_FIELD_GLN, 0 };

  /* A location number is 13 digits, never padded like a GTIN. */
  assert_normalizes (&gln_field, "8712345000011", "8712345000011");
  assert_refuses (&gln_field, "8712345000012");
  assert_refuses (&gln_field, "08712345000011");
  assert_refuses (&gln_field, "96385074");
}

/* Codes hold only what a person can see and type: no control characters, byte-order marks,
 * zero-width characters or bidirectional overrides that make two codes look alike. */
static void
test_codes (void)
{
  static const FfField code_field = { "code", "Code", FF_FIELD_TEXT,
                                      FF_FIELD_REQUIRED | FF_FIELD_IDENTIFIER, .max_length = 40 };
  const char *const refused[] = {
    "L\t3", "L\n3", "L\x01" "3", "\xEF\xBB\xBF" "L3", "L\xE2\x80\x8B" "3" /* zero-width space */,
    "L3\xE2\x80\xAE" "dcba" /* right-to-left override */, "\xE2\x81\xA6" "L3" /* isolate */,
    "L\xC2\xA0" "3" /* no-break space */, "L\xC2\x85" "3" /* NEL */,
  };

  assert_normalizes (&code_field, "L3", "L3");
  assert_normalizes (&code_field, "MÜHLE-1", "MÜHLE-1");
  assert_normalizes (&code_field, "Lot 2026/03 A", "Lot 2026/03 A");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refuses (&code_field, refused[i]);
  /* Other text may hold tabs, and line breaks where it has several lines; no other controls. */
  assert_normalizes (&text_default, "a\tb", "a\tb");
  assert_refuses (&text_default, "a\nb");
  assert_refuses (&text_default, "a\x1b[31mb");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/empty", test_empty);
  g_test_add_func ("/validation/text", test_text);
  g_test_add_func ("/validation/integer", test_integer);
  g_test_add_func ("/validation/real", test_real);
  g_test_add_func ("/validation/boolean", test_boolean);
  g_test_add_func ("/validation/date", test_date);
  g_test_add_func ("/validation/timestamp", test_timestamp);
  g_test_add_func ("/validation/enum", test_enum);
  g_test_add_func ("/validation/currency", test_currency);
  g_test_add_func ("/validation/money", test_money);
  g_test_add_func ("/validation/gtin", test_gtin);
  g_test_add_func ("/validation/gln", test_gln);
  g_test_add_func ("/validation/codes", test_codes);
  g_test_add_func ("/validation/gtin-check-digit", test_gtin_check_digit);
  g_test_add_func ("/validation/email", test_email);
  g_test_add_func ("/validation/real-kinds", test_real_kinds);
  g_test_add_func ("/validation/format", test_format);
  g_test_add_func ("/validation/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
