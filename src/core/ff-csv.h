/* ff-csv.h — RFC 4180 CSV: quoting for writers, a strict reader that says where it fails. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Appends @value to @out as one CSV field: quoted when it holds a comma, quote, CR or LF (or
 * leading/trailing space), with quotes doubled. NULL is the empty field. */
void ff_csv_append_field  (GString    *out,
                           const char *value);
/* Appends a whole record: fields separated by commas, ended by CRLF as RFC 4180 says. */
void ff_csv_append_record (GString           *out,
                           const char *const *fields,
                           guint              n_fields);

/* Reads CSV a piece at a time from a stream: fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, quotes (doubled) and line breaks. A UTF-8 byte-order mark at
 * the start is skipped. */
typedef struct _FfCsvReader FfCsvReader;

FfCsvReader *ff_csv_reader_new_for_stream (GInputStream *stream);
/* Reads @length bytes of @text, which must stay alive as long as the reader. */
FfCsvReader *ff_csv_reader_new      (const char *text,
                                     gsize       length);
void         ff_csv_reader_free     (FfCsvReader *reader);
/* The next record's fields (a NULL-terminated array owned by the reader, valid until the next
 * call), or NULL at the end or on an error (then @error is set). @out_line is the 1-based line
 * on which the record starts. A stray quote inside an unquoted field, text after a closing
 * quote, an unterminated quoted field or a NUL byte is an error naming its line and column (in
 * characters); a failing stream's error is passed on. */
char       **ff_csv_reader_next     (FfCsvReader   *reader,
                                     guint         *out_line,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfCsvReader, ff_csv_reader_free)

G_END_DECLS
