/* ff-tenant-name.c — what makes a tenant name, and when two names are the same name. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-error.h"
#include "ff-tenant-name.h"

/* Unicode's White_Space property. g_unichar_isspace() leaves out VT and NEL. */
static gboolean
is_white_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x0b || c == 0x85;
}

/* A copy of @name without white space at either end; NULL for invalid UTF-8. */
static char *
trim (const char *name)
{
  const char *start = name;
  const char *end;

  if (!g_utf8_validate (name, -1, &end))
    return NULL;
  while (start < end && is_white_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_white_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

static gboolean
is_forbidden (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
ff_tenant_name_normalize (const char  *name,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *nfc = NULL;
  glong length;

  g_return_val_if_fail (name != NULL, NULL);

  trimmed = trim (name);
  if (trimmed == NULL)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("The tenant name is not valid text (UTF-8)"));
      return NULL;
    }
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    if (is_forbidden (g_utf8_get_char (p)))
      {
        g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                     _("A tenant name cannot hold control or formatting characters such as "
                       "line breaks, tabs or text-direction marks (U+%04X)"),
                     g_utf8_get_char (p));
        return NULL;
      }
  nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  length = g_utf8_strlen (nfc, -1);
  if (length == 0 || length > FF_TENANT_NAME_MAX_CHARS)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("A tenant name needs 1 to %d characters"), FF_TENANT_NAME_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&nfc);
}

char *
ff_tenant_name_key (const char *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *compatible = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  trimmed = trim (name);
  if (trimmed == NULL)
    return NULL;
  /* Case folding can undo a normalisation (and NFKC can make new foldable characters), so
   * fold between two NFKC passes. */
  compatible = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (compatible, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}
