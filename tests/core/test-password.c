/* test-password.c — the password policy and the strength estimate shown under the entry. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "ff-error.h"
#include "ff-password.h"

static void
test_too_short (void)
{
  const char *const examples[] = { "", "a", "abc", "Ab1!", "Xy7$kq2", "ééééééé" };

  g_assert_cmpint (ff_password_estimate (NULL), ==, FF_PASSWORD_TOO_SHORT);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    g_assert_cmpint (ff_password_estimate (examples[i]), ==, FF_PASSWORD_TOO_SHORT);
  /* Length is counted in characters: eight two-byte characters are long enough. */
  g_assert_cmpint (ff_password_estimate ("éèêëàâäç"), !=, FF_PASSWORD_TOO_SHORT);
}

static void
test_weak (void)
{
  const char *const examples[] = {
    "password", "PASSWORD", "Password1", "12345678", "qwertyuiop", "FoodFlow", "aaaaaaaa",
    /* not on the list, but repetitive */
    "aaaaaaaaaaaa", "abababababab", "12121212", "zzzzzzzzzzzzzzzzzzzz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    g_assert_cmpint (ff_password_estimate (examples[i]), ==, FF_PASSWORD_WEAK);
}

static void
test_levels (void)
{
  g_assert_cmpint (ff_password_estimate ("kitchen42"), ==, FF_PASSWORD_FAIR);
  g_assert_cmpint (ff_password_estimate ("Kitchen42x"), ==, FF_PASSWORD_GOOD);
  g_assert_cmpint (ff_password_estimate ("Tr0ub4dor&3"), ==, FF_PASSWORD_STRONG);
  g_assert_cmpint (ff_password_estimate ("correct horse battery staple"), ==,
                   FF_PASSWORD_STRONG);
  g_assert_cmpint (ff_password_estimate ("Grated-Carrot-Sky-41"), ==, FF_PASSWORD_STRONG);
}

static void
test_more_variety_is_not_weaker (void)
{
  /* Each step adds a character class or length to the one before. */
  const char *const ladder[] = {
    "kitchens", "kitchens4", "Kitchens4", "Kitchens4!", "Kitchens4!Vault", "Kitchens4!Vault&Q9z",
  };

  for (guint i = 1; i < G_N_ELEMENTS (ladder); i++)
    g_assert_cmpint (ff_password_estimate (ladder[i]), >=, ff_password_estimate (ladder[i - 1]));
  g_assert_cmpint (ff_password_estimate (ladder[G_N_ELEMENTS (ladder) - 1]), >,
                   ff_password_estimate (ladder[0]));
}

static void
test_describe (void)
{
  const char *seen[FF_PASSWORD_STRONG + 1];

  for (int s = FF_PASSWORD_TOO_SHORT; s <= FF_PASSWORD_STRONG; s++)
    {
      seen[s] = ff_password_describe ((FfPasswordStrength) s);
      g_assert_nonnull (seen[s]);
      g_assert_cmpstr (seen[s], !=, "");
      for (int t = FF_PASSWORD_TOO_SHORT; t < s; t++)
        g_assert_cmpstr (seen[t], !=, seen[s]);
    }
}

static void
test_acceptable (void)
{
  const char *const refused[] = {
    "", "short", "1234567", "ééééééé", "password", "Password", "PASSWORD1", "12345678",
    "foodflow", "changeme", "Letmein1",
  };
  const char *const accepted[] = {
    "Kitchen42x", "correct horse battery staple", "éèêëàâäç",
    /* The policy is length and the list of common passwords; a weak estimate alone does not
     * refuse. */
    "aaaaaaaaaaaa", "kitchens",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (ff_password_is_acceptable (refused[i], &error));
      g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
      g_assert_cmpstr (error->message, !=, "");
    }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (ff_password_is_acceptable (NULL, &error));
    g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
  }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (ff_password_is_acceptable (accepted[i], &error));
      g_assert_no_error (error);
    }
  /* The error is optional. */
  g_assert_false (ff_password_is_acceptable ("short", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/password/too-short", test_too_short);
  g_test_add_func ("/password/weak", test_weak);
  g_test_add_func ("/password/levels", test_levels);
  g_test_add_func ("/password/more-variety-is-not-weaker", test_more_variety_is_not_weaker);
  g_test_add_func ("/password/describe", test_describe);
  g_test_add_func ("/password/acceptable", test_acceptable);

  return g_test_run ();
}
