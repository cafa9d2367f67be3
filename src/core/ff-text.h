/* ff-text.h — how codes and searched text compare: regardless of case, in any script. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the @len bytes of @text (-1: up to its NUL) are all ASCII. */
gboolean  ff_text_is_ascii      (const char *text,
                                 gssize      len);
/* Codes compare regardless of case: "L3" and "l3" are one code. ASCII (nearly every code) is
 * compared in place; other text after NFKC normalisation and Unicode case folding, so "CAFÉ"
 * and "café" are one code too. A total order (<0, 0, >0), as an index needs; the SQL collation
 * FF_CODE is this. Lengths of -1 mean up to the NUL. */
int       ff_text_code_compare  (const char *a,
                                 gssize      len_a,
                                 const char *b,
                                 gssize      len_b);
/* @text as searches compare it (the SQL function ff_search_fold() does the same): case folded
 * in any script after NFKC normalisation. */
char     *ff_text_search_fold   (const char *text);

G_END_DECLS
