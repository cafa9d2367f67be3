/* ff-password.c — password policy and a strength estimate. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-error.h"
#include "ff-password.h"

static const char * const common_passwords[] = {
  "password", "password1", "12345678", "123456789", "1234567890", "qwertyuiop", "qwerty123",
  "iloveyou", "11111111", "00000000", "abcdefgh", "abc12345", "passw0rd", "letmein1",
  "welcome1", "football", "baseball", "sunshine", "princess", "admin123", "changeme",
  "foodflow", "trustno1", "superman", "1q2w3e4r", "87654321", "aaaaaaaa",
};

static gboolean
is_common (const char *password)
{
  g_autofree char *lower = g_utf8_strdown (password, -1);

  for (guint i = 0; i < G_N_ELEMENTS (common_passwords); i++)
    if (g_str_equal (lower, common_passwords[i]))
      return TRUE;
  return FALSE;
}

FfPasswordStrength
ff_password_estimate (const char *password)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  glong len, distinct = 0;
  guint pool = 0;
  double bits;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (password == NULL)
    return FF_PASSWORD_TOO_SHORT;
  len = g_utf8_strlen (password, -1);
  if (len < FF_PASSWORD_MIN_LENGTH)
    return FF_PASSWORD_TOO_SHORT;
  if (is_common (password))
    return FF_PASSWORD_WEAK;

  for (const char *p = password; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
      if (!g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (c));
          distinct++;
        }
    }
  pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
  /* Repeated characters add little: count length by distinct characters, softened. */
  bits = log2 (MAX (pool, 2)) * MIN ((double) len, distinct * 1.5);

  if (bits < 36)
    return FF_PASSWORD_WEAK;
  if (bits < 50)
    return FF_PASSWORD_FAIR;
  if (bits < 70)
    return FF_PASSWORD_GOOD;
  return FF_PASSWORD_STRONG;
}

const char *
ff_password_describe (FfPasswordStrength strength)
{
  switch (strength)
    {
    case FF_PASSWORD_TOO_SHORT:
      return _("Too short: use at least 8 characters");
    case FF_PASSWORD_WEAK:
      return _("Weak: easy to guess");
    case FF_PASSWORD_FAIR:
      return _("Fair: longer or more varied would be better");
    case FF_PASSWORD_GOOD:
      return _("Good");
    case FF_PASSWORD_STRONG:
      return _("Strong");
    default:
      g_assert_not_reached ();
    }
}

gboolean
ff_password_is_acceptable (const char  *password,
                           GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < FF_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD,
                   _("The password is too short: use at least %d characters"),
                   FF_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (is_common (password))
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD,
                           _("The password is one of the most common passwords; choose another"));
      return FALSE;
    }
  return TRUE;
}
