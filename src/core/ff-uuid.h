/* ff-uuid.h — UUIDv7 (time-ordered record ids), UUIDv4 (device ids) and UUIDv5 (ids derived
 * from names, for records that several devices make from the same data). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new UUIDv7 in canonical lower-case 36-character form. Within one process ids are strictly
 * increasing (as strings and as bytes), even within the same millisecond and if the wall clock
 * steps back (RFC 9562 section 6.2, method 3: the 12-bit rand_a field is a sub-millisecond
 * counter and the timestamp never goes backwards). Thread-safe. */
char   *ff_uuid_v7_new        (void);
/* The same, with the millisecond timestamp given (for tests and for the demo generator). */
char   *ff_uuid_v7_new_at     (gint64 unix_ms);
/* A new random UUIDv4. */
char   *ff_uuid_v4_new        (void);
/* The name-based UUIDv5 (RFC 9562 section 5.5, SHA-1) of @name in the namespace
 * @namespace_uuid (a canonical UUID): the same inputs give the same id on every device. */
char   *ff_uuid_v5_new        (const char *namespace_uuid,
                               const char *name);
/* TRUE when @str is a canonical UUID (8-4-4-4-12 hex digits, either case). */
gboolean ff_uuid_is_valid     (const char *str);
/* The version nibble of a valid UUID, or -1. */
int     ff_uuid_get_version   (const char *str);
/* The Unix millisecond timestamp of a UUIDv7, or -1 when @str is not one. */
gint64  ff_uuid_v7_get_unix_ms (const char *str);

G_END_DECLS
