/* test-clock.c — FOODFLOW_NOW fixes the clock; a value without a zone is refused, loudly. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-clock.h"

static char *
now_text (void)
{
  g_autoptr (GDateTime) now = ff_clock_now ();

  return ff_clock_format_utc (now);
}

static void
test_fixed (void)
{
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_setenv ("FOODFLOW_NOW", "2026-11-30T00:15:00+01:00", TRUE);
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  text = now_text ();
  /* Kept in UTC; the local date is the one of the site. */
  g_assert_cmpstr (text, ==, "2026-11-29T23:15:00Z");
  local = ff_clock_now_local ();
  date = ff_clock_format_date (local);
  g_assert_cmpstr (date, ==, "2026-11-30");
  g_unsetenv ("TZ");
  g_unsetenv ("FOODFLOW_NOW");
}

static void
test_real (void)
{
  g_autoptr (GDateTime) real = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) now = NULL;

  g_unsetenv ("FOODFLOW_NOW");
  now = ff_clock_now ();
  g_assert_cmpint (ABS (g_date_time_difference (now, real)), <, 5 * G_TIME_SPAN_SECOND);
}

/* "2026-11-30 09:15" means another moment on each machine: the real clock, and a warning. */
static void
test_without_zone (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GDateTime) real = g_date_time_new_now_utc ();
      g_autoptr (GDateTime) now = NULL;

      g_setenv ("FOODFLOW_NOW", "2026-11-30T09:15:00", TRUE);
      now = ff_clock_now ();
      g_assert_cmpint (ABS (g_date_time_difference (now, real)), <, 5 * G_TIME_SPAN_SECOND);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*FOODFLOW_NOW=2026-11-30T09:15:00 is not an ISO 8601 time with a "
                             "zone*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/real", test_real);
  g_test_add_func ("/clock/without-zone", test_without_zone);
  return g_test_run ();
}
