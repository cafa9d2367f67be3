/* test-number.c — numbers in the user's locale: formatted with its decimal sign and grouping,
 * read back as typed, ambiguous input refused. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <locale.h>

#include "ff-error.h"
#include "ff-number.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("the locale %s is not installed (locales-all)", name);
      return FALSE;
    }
  return TRUE;
}

static void
assert_parses (const char *text,
               const char *c_form)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  if (!ff_number_parse (text, &out, &error))
    g_test_fail_printf ("“%s” refused: %s", text, error->message);
  else
    g_assert_cmpstr (out, ==, c_form);
}

static void
assert_refused (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  if (ff_number_parse (text, &out, &error))
    g_test_fail_printf ("“%s” read as %s", text, out);
  else
    g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
}

static void
assert_formats (double      value,
                int         decimals,
                const char *expected)
{
  g_autofree char *text = ff_number_format (value, decimals);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_german (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;
  g_assert_cmpstr (ff_number_get_decimal_sign (), ==, ",");
  assert_formats (20398.56, 2, "20.398,56");
  assert_formats (600000, 0, "600.000");
  assert_formats (-1234567.891, 1, "-1.234.567,9");
  assert_formats (0.5, 2, "0,50");
  assert_formats (-0.004, 2, "0,00");
  {
    g_autofree char *input = ff_number_format_input (80.5);
    g_assert_cmpstr (input, ==, "80,5");
  }
  /* The decimal comma, grouping by points, and a point where nobody means thousands. */
  assert_parses ("80,5", "80.5");
  assert_parses ("1.234,5", "1234.5");
  assert_parses ("1.234.567", "1234567");
  assert_parses ("80.5", "80.5");
  assert_parses (" 12 ", "12");
  assert_parses ("-3,25", "-3.25");
  /* "1.234" is a thousand in German and one and a quarter in English: not guessed. */
  assert_refused ("1.234");
  assert_refused ("1,2,3");
  assert_refused ("12.34.5");
  assert_refused ("zwölf");
}

static void
test_english (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;
  assert_formats (20398.56, 2, "20,398.56");
  assert_parses ("80.5", "80.5");
  assert_parses ("1,234.5", "1234.5");
  assert_parses ("1,234,567", "1234567");
  assert_parses ("80,5", "80.5");
  assert_refused ("1,234");
}

static void
test_french (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    return;
  /* French groups with a (narrow) no-break space. */
  {
    g_autofree char *text = ff_number_format (1234.5, 1);
    g_assert_true (g_str_has_suffix (text, "234,5"));
    g_assert_false (g_str_has_prefix (text, "1234"));
  }
  assert_parses ("1 234,5", "1234.5");
  assert_parses ("1\xe2\x80\xaf" "234,5", "1234.5");
}

static void
test_c_locale (void)
{
  setlocale (LC_ALL, "C");
  /* C groups nothing; people read 1,404 better than 1404. */
  assert_formats (1404, 0, "1,404");
  assert_formats (2394730, 0, "2,394,730");
  assert_formats (12.5, 2, "12.50");
  assert_parses ("12.5", "12.5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/german", test_german);
  g_test_add_func ("/number/english", test_english);
  g_test_add_func ("/number/french", test_french);
  g_test_add_func ("/number/c-locale", test_c_locale);

  return g_test_run ();
}
