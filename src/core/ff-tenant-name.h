/* ff-tenant-name.h — what makes a tenant name, and when two names are the same name. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FF_TENANT_NAME_MAX_CHARS 120

/* The name a new tenant gets for @name: Unicode white space trimmed at both ends, in NFC.
 * Refuses (FF_ERROR_INVALID) invalid UTF-8, an empty name, one longer than
 * FF_TENANT_NAME_MAX_CHARS, and any control, format (bidirectional overrides, zero-width
 * joiners), line or paragraph separator character left inside it. */
char *ff_tenant_name_normalize (const char  *name,
                                GError     **error);
/* The key under which @name is stored and looked up: trimmed as above, NFKC, case-folded,
 * NFKC again, so “Café”, “CAFÉ” and a decomposed “Cafe\u0301” share one key. NULL for invalid
 * UTF-8. */
char *ff_tenant_name_key       (const char *name);

G_END_DECLS
