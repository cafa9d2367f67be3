/* ff-store-private.h — what the files of FfStore share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-store.h"

G_BEGIN_DECLS

/* @key as SQLCipher's raw-key literal x'<64 hex digits>' in sodium_malloc'd memory (free it
 * with sodium_free, which wipes it); *out_len is its length. */
char *_ff_store_format_key (const guint8  *key,
                            gsize         *out_len,
                            GError       **error);

G_END_DECLS
