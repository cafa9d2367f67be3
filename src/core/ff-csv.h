/* ff-csv.h — RFC 4180 CSV: quoting for writers. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value to @out as one CSV field: quoted when it holds a comma, quote, CR or LF (or
 * leading/trailing space), with quotes doubled. NULL is the empty field. */
void ff_csv_append_field  (GString    *out,
                           const char *value);
/* Appends a whole record: fields separated by commas, ended by CRLF as RFC 4180 says. */
void ff_csv_append_record (GString           *out,
                           const char *const *fields,
                           guint              n_fields);

G_END_DECLS
