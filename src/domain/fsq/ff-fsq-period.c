/* ff-fsq-period.c — checking an export's period. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ff-error.h"
#include "ff-fsq-period-private.h"

static gboolean
check_date (const char  *date,
            GError     **error)
{
  int y, m, d;
  char end;

  if (date == NULL)
    return TRUE;
  if (strlen (date) == 10 && date[4] == '-' && date[7] == '-'
      && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
      && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return TRUE;
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
               /* Translators: %s is what was given as a date */
               _("“%s” is not a date: give it as YYYY-MM-DD"), date);
  return FALSE;
}

gboolean
_ff_fsq_check_period (const char  *from,
                      const char  *to,
                      GError     **error)
{
  if (!check_date (from, error) || !check_date (to, error))
    return FALSE;
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   /* Translators: the two dates of a period, first and last */
                   _("The period starts (%s) after it ends (%s)"), from, to);
      return FALSE;
    }
  return TRUE;
}
