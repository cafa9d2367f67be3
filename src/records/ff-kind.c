/* ff-kind.c — validation and formatting driven by the kind descriptions. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ff-error.h"
#include "ff-gtin.h"
#include "ff-kind.h"
#include "ff-users.h"
#include "ff-number.h"
#include "ff-text.h"

guint
ff_kind_get_n_fields (const FfKind *kind)
{
  guint n = 0;

  g_return_val_if_fail (kind != NULL, 0);
  while (kind->fields[n].name != NULL)
    n++;
  return n;
}

int
ff_kind_get_field_index (const FfKind *kind,
                         const char   *name)
{
  g_return_val_if_fail (kind != NULL, -1);
  /* A kind without a code field asks for field NULL: there is none. */
  if (name == NULL)
    return -1;
  for (int i = 0; kind->fields[i].name != NULL; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return i;
  return -1;
}

const FfField *
ff_kind_get_field (const FfKind *kind,
                   const char   *name)
{
  int i = ff_kind_get_field_index (kind, name);
  return i < 0 ? NULL : &kind->fields[i];
}

const char *
ff_kind_get_label (const FfKind *kind)
{
  return g_dgettext (GETTEXT_PACKAGE, kind->label);
}

const char *
ff_kind_get_label_singular (const FfKind *kind)
{
  return g_dgettext (GETTEXT_PACKAGE, kind->label_singular);
}

const FfKindCondition *
ff_kind_get_condition (const FfKind *kind,
                       const char   *id)
{
  for (const FfKindCondition *c = kind->conditions; c && c->id != NULL; c++)
    if (g_strcmp0 (c->id, id) == 0)
      return c;
  return NULL;
}

const char *
ff_kind_get_new_label (const FfKind *kind)
{
  return g_dgettext (GETTEXT_PACKAGE, kind->new_label);
}

const char *
ff_kind_get_empty_label (const FfKind *kind)
{
  return g_dgettext (GETTEXT_PACKAGE, kind->empty_label);
}

const char *
ff_kind_get_nav_group (const FfKind *kind)
{
  return kind->nav_group ? g_dgettext (GETTEXT_PACKAGE, kind->nav_group) : NULL;
}

const char *
ff_field_get_related_label (const FfKind  *kind,
                            const FfField *field)
{
  if (field->related_label != NULL)
    return g_dgettext (GETTEXT_PACKAGE, field->related_label);
  return ff_kind_get_label (kind);
}

gboolean
ff_kind_role_can_write (const FfKind *kind,
                        FfRole        role)
{
  if (role == FF_ROLE_ADMIN)
    return TRUE;
  if (role == FF_ROLE_VIEWER)
    return FALSE;
  return (kind->write_roles & FF_ROLE_BIT (role)) != 0;
}

gboolean
ff_field_role_can_write (const FfKind  *kind,
                         const FfField *field,
                         FfRole         role)
{
  if (!ff_kind_role_can_write (kind, role))
    return FALSE;
  if (role == FF_ROLE_ADMIN || field->write_roles == 0)
    return TRUE;
  return (field->write_roles & FF_ROLE_BIT (role)) != 0;
}

gboolean
ff_field_is_regulated (const FfKind  *kind,
                       const FfField *field)
{
  return kind->regulated || (field->flags & FF_FIELD_REGULATED) != 0;
}

const FfKind *
ff_field_get_ref_kind (const FfField *field)
{
  g_return_val_if_fail (field->type == FF_FIELD_REF, NULL);
  return field->ref_kind;
}

const char *
ff_field_get_label (const FfField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
ff_field_get_enum_label (const FfField *field,
                         const char    *value)
{
  if (field->enum_values == NULL || value == NULL)
    return value;
  for (const FfEnumValue *e = field->enum_values; e->value; e++)
    if (g_str_equal (e->value, value))
      return g_dgettext (GETTEXT_PACKAGE, e->label);
  return value;
}

gboolean
ff_field_is_numeric (const FfField *field)
{
  switch (field->type)
    {
    case FF_FIELD_INTEGER:
    case FF_FIELD_REAL:
    case FF_FIELD_MONEY:
    case FF_FIELD_QUANTITY:
    case FF_FIELD_BOOLEAN:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
ff_field_values_equal (const FfField *field,
                       const char    *a,
                       const char    *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (ff_field_is_numeric (field))
    return g_ascii_strtod (a, NULL) == g_ascii_strtod (b, NULL);
  if (field->flags & FF_FIELD_IDENTIFIER)
    return ff_text_code_compare (a, -1, b, -1) == 0;
  return g_str_equal (a, b);
}

/* Validation -------------------------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID, "");
  if (error && *error)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

static gboolean
check_range (const FfField  *field,
             double          v,
             GError        **error)
{
  if (field->min < field->max && (v < field->min || v > field->max))
    return invalid (error, _("must be between %g and %g"), field->min, field->max);
  return TRUE;
}

static gboolean
parse_date (const char *s,
            int        *y,
            int        *m,
            int        *d)
{
  char *end;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  *y = (int) strtol (s, &end, 10);
  *m = (int) strtol (s + 5, &end, 10);
  *d = (int) strtol (s + 8, &end, 10);
  return g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y);
}

static gboolean
is_currency (const char *s)
{
  return strlen (s) == 3 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1])
         && g_ascii_isupper (s[2]);
}

static gboolean
is_email (const char *s)
{
  const char *at = strchr (s, '@');
  return at != NULL && at != s && strchr (at + 1, '.') != NULL && strchr (at + 1, '@') == NULL
         && at[1] != '.' && s[strlen (s) - 1] != '.' && strpbrk (s, " \t\n,;<>") == NULL;
}

/* A number as a person writes it in a file: optional sign, digits with an optional decimal
 * point, an optional exponent. Not hexadecimal, "inf" or "nan", which strtod also takes. */
static gboolean
is_decimal (const char *s)
{
  gboolean digits = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  while (g_ascii_isdigit (*s))
    s++, digits = TRUE;
  if (*s == '.')
    {
      s++;
      while (g_ascii_isdigit (*s))
        s++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

const char *
ff_decimal_shortest (char   *buf,
                     gsize   size,
                     double  d)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, (int) size, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                       d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  return buf;
}

/* A character no code may hold: controls, format characters (byte-order marks, zero-width
 * spaces, bidirectional overrides), separators other than the space, unassigned code points. */
static gboolean
is_unprintable_in_code (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    case G_UNICODE_SPACE_SEPARATOR:
      return c != ' ';
    default:
      return FALSE;
    }
}

/* Control characters have no place in text, but for line breaks and tabs in multi-line
 * fields. */
static gboolean
check_text (const FfField  *field,
            const char     *v,
            GError        **error)
{
  for (const char *p = v; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (field->flags & FF_FIELD_IDENTIFIER)
        {
          if (is_unprintable_in_code (c))
            return invalid (error, _("holds the invisible or control character U+%04X; a code "
                                     "may hold only printable characters"), c);
        }
      else if (g_unichar_type (c) == G_UNICODE_CONTROL && c != '\t'
               && !(c == '\n' && (field->flags & FF_FIELD_MULTILINE)))
        return invalid (error, _("holds the control character U+%04X"), c);
    }
  return TRUE;
}

/* "2026-03-31T14:05:00Z" or with an offset ("+02:00"); seconds may be left out. Anything else
 * that GLib would take (a space for the T, no zone, a leap second, fractions) is refused: a
 * time without a zone is a guess, and a changed time is not the time recorded. */
static gboolean
parse_timestamp (const char  *v,
                 char       **out_value,
                 GError     **error)
{
  g_autoptr (GRegex) shape = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GDateTime) dt_utc = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *zone = NULL;

  shape = g_regex_new ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:(\\d{2})(\\.\\d+)?)?"
                       "(Z|[+-]\\d{2}:?\\d{2})?$", G_REGEX_OPTIMIZE, 0, NULL);
  if (!g_regex_match (shape, v, 0, &match))
    return invalid (error, _("“%s” is not a time like 2026-03-31T14:05:00Z"), v);
  seconds = g_match_info_fetch (match, 2);
  zone = g_match_info_fetch (match, 4);
  if (zone == NULL || *zone == '\0')
    return invalid (error, _("“%s” has no time zone: add Z for UTC or an offset such as "
                             "+02:00"), v);
  if (seconds != NULL && g_str_equal (seconds, "60"))
    return invalid (error, _("“%s” is a leap second, which FoodFlow cannot record; use :59"), v);
  {
    g_autofree char *fraction = g_match_info_fetch (match, 3);
    if (fraction != NULL && *fraction != '\0')
      return invalid (error, _("“%s” has fractions of a second; FoodFlow records times to the "
                               "second"), v);
  }
  if (seconds == NULL || *seconds == '\0')
    {
      /* GLib wants the seconds: "14:05Z" is "14:05:00Z". */
      g_autofree char *minutes = g_strndup (v, 16);
      g_autofree char *full = g_strconcat (minutes, ":00", zone, NULL);
      dt = g_date_time_new_from_iso8601 (full, NULL);
    }
  else
    dt = g_date_time_new_from_iso8601 (v, NULL);
  if (dt == NULL)
    return invalid (error, _("“%s” is not a time that exists"), v);
  dt_utc = g_date_time_to_utc (dt);
  *out_value = g_date_time_format (dt_utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

gboolean
ff_field_normalize (const FfField  *field,
                    const char     *input,
                    char          **out_value,
                    GError        **error)
{
  g_autofree char *v = g_strstrip (g_strdup (input ? input : ""));
  guint max_length = field->max_length ? field->max_length : 200;

  *out_value = NULL;
  if (!g_utf8_validate (v, -1, NULL))
    return invalid (error, _("is not valid UTF-8 text"));
  if (*v == '\0')
    {
      if (field->flags & FF_FIELD_REQUIRED)
        return invalid (error, _("is required"));
      return TRUE;
    }

  switch (field->type)
    {
    case FF_FIELD_TEXT:
    case FF_FIELD_UNIT:
      if (field->flags & FF_FIELD_MULTILINE)
        {
          /* Line breaks as the file or the platform wrote them become one kind. */
          GString *text = g_string_new (v);
          g_string_replace (text, "\r\n", "\n", 0);
          g_string_replace (text, "\r", "\n", 0);
          g_free (v);
          v = g_string_free (text, FALSE);
        }
      if ((guint) g_utf8_strlen (v, -1) > max_length)
        return invalid (error, _("is longer than %u characters"), max_length);
      if (!check_text (field, v, error))
        return FALSE;
      break;

    case FF_FIELD_INTEGER:
    case FF_FIELD_MONEY:
      {
        char *end;
        gint64 n;

        errno = 0;
        n = g_ascii_strtoll (v, &end, 10);
        if (*end != '\0' || end == v || !(g_ascii_isdigit (*v) || *v == '+' || *v == '-'))
          return invalid (error, field->type == FF_FIELD_MONEY
                                   ? _("“%s” is not a whole amount in minor units (cents)")
                                   : _("“%s” is not a whole number"), v);
        if (errno == ERANGE)
          return invalid (error, _("“%s” is too large a number to store"), v);
        if (!check_range (field, (double) n, error))
          return FALSE;
        *out_value = g_strdup_printf ("%" G_GINT64_FORMAT, n);
        return TRUE;
      }

    case FF_FIELD_REAL:
    case FF_FIELD_QUANTITY:
      {
        char *end;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        double d;

        if (!is_decimal (v))
          return invalid (error, _("“%s” is not a number"), v);
        errno = 0;
        d = g_ascii_strtod (v, &end);
        if (*end != '\0' || !isfinite (d) || errno == ERANGE)
          return invalid (error, _("“%s” is too large or too small a number to store"), v);
        if (!check_range (field, d, error))
          return FALSE;
        *out_value = g_strdup (ff_decimal_shortest (buf, sizeof buf, d));
        return TRUE;
      }

    case FF_FIELD_BOOLEAN:
      {
        static const char *const yes[] = { "1", "true", "yes", "y", "t", NULL };
        static const char *const no[] = { "0", "false", "no", "n", "f", NULL };
        g_autofree char *lower = g_ascii_strdown (v, -1);
        if (g_strv_contains (yes, lower))
          *out_value = g_strdup ("1");
        else if (g_strv_contains (no, lower))
          *out_value = g_strdup ("0");
        else
          return invalid (error, _("“%s” is not yes or no"), v);
        return TRUE;
      }

    case FF_FIELD_DATE:
      {
        int y, m, d;
        if (!parse_date (v, &y, &m, &d))
          return invalid (error, _("“%s” is not a date like 2026-03-31"), v);
        break;
      }

    case FF_FIELD_TIMESTAMP:
      return parse_timestamp (v, out_value, error);

    case FF_FIELD_ENUM:
      for (const FfEnumValue *e = field->enum_values; e && e->value; e++)
        if (g_ascii_strcasecmp (e->value, v) == 0
            || g_utf8_collate (g_dgettext (GETTEXT_PACKAGE, e->label), v) == 0)
          {
            *out_value = g_strdup (e->value);
            return TRUE;
          }
      {
        g_autoptr (GString) allowed = g_string_new (NULL);
        for (const FfEnumValue *e = field->enum_values; e && e->value; e++)
          g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", e->value);
        return invalid (error, _("“%s” is not one of: %s"), v, allowed->str);
      }

    case FF_FIELD_CURRENCY:
      {
        g_autofree char *upper = g_ascii_strup (v, -1);
        if (!is_currency (upper))
          return invalid (error, _("“%s” is not a three-letter currency code like EUR"), v);
        *out_value = g_steal_pointer (&upper);
        return TRUE;
      }

    case FF_FIELD_GTIN:
      if (!ff_gtin_is_valid (v))
        return invalid (error, _("“%s” is not a valid GTIN (8, 12, 13 or 14 digits with a "
                                 "correct check digit)"), v);
      /* One article, one form: a GTIN-13 and the same GTIN-14 with a leading zero are the same
       * number, so they compare (and are unique) as 14 digits, as GS1 keeps them. */
      *out_value = ff_gtin_to_14 (v);
      return TRUE;

    case FF_FIELD_GLN:
      if (strlen (v) != 13 || !ff_gtin_is_valid (v))
        return invalid (error, _("“%s” is not a valid GLN (13 digits with a correct check "
                                 "digit)"), v);
      break;

    case FF_FIELD_EMAIL:
      if (!is_email (v))
        return invalid (error, _("“%s” is not an e-mail address"), v);
      break;

    case FF_FIELD_REF:
      /* Whether the record exists is the repository's check. */
      if ((guint) strlen (v) > 64)
        return invalid (error, _("is not a record reference"));
      break;

    case FF_FIELD_BLOB:
      break;

    case FF_FIELD_USER:
      {
        /* Whether the user exists is the repository's check. */
        g_autofree char *lower = g_utf8_strdown (v, -1);
        if ((guint) g_utf8_strlen (v, -1) > 120)
          return invalid (error, _("is not a user name"));
        if (ff_users_name_is_valid (lower))
          {
            *out_value = g_steal_pointer (&lower);
            return TRUE;
          }
        break;
      }

    default:
      g_assert_not_reached ();
    }

  *out_value = g_steal_pointer (&v);
  return TRUE;
}

/* Formatting -------------------------------------------------------------------------------- */

int
ff_currency_get_exponent (const char *currency)
{
  static const char *const zero[] = { "JPY", "KRW", "ISK", "CLP", "VND", "HUF", NULL };
  return currency && g_strv_contains (zero, currency) ? 0 : 2;
}

char *
ff_field_format (const FfField *field,
                 const char    *value,
                 const char    *unit_value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("");

  switch (field->type)
    {
    case FF_FIELD_ENUM:
      return g_strdup (ff_field_get_enum_label (field, value));

    case FF_FIELD_BOOLEAN:
      return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));

    case FF_FIELD_MONEY:
      {
        gint64 minor = g_ascii_strtoll (value, NULL, 10);
        int exp = ff_currency_get_exponent (unit_value);
        g_autofree char *amount = ff_number_format ((double) minor / pow (10, exp), exp);
        return unit_value ? g_strdup_printf ("%s %s", amount, unit_value) : g_steal_pointer (&amount);
      }

    case FF_FIELD_QUANTITY:
    case FF_FIELD_REAL:
      {
        const char *unit = field->type == FF_FIELD_QUANTITY ? unit_value : field->unit;
        g_autofree char *num = ff_number_format_auto (g_ascii_strtod (value, NULL));
        return unit ? g_strdup_printf ("%s %s", num, unit) : g_steal_pointer (&num);
      }

    case FF_FIELD_INTEGER:
      {
        g_autofree char *num = ff_number_format ((double) g_ascii_strtoll (value, NULL, 10), 0);
        return field->unit ? g_strdup_printf ("%s %s", num, field->unit) : g_steal_pointer (&num);
      }

    case FF_FIELD_GTIN:
      return ff_gtin_to_shortest (value);

    case FF_FIELD_BLOB:
      return g_format_size ((guint64) g_ascii_strtoull (value, NULL, 10));

    case FF_FIELD_TIMESTAMP:
      {
        g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
        g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (value, utc);
        g_autoptr (GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;
        return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (value);
      }

    default:
      return g_strdup (value);
    }
}
