/* ff-log.h — structured logging: one JSON object per line when FOODFLOW_LOG=json. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Installs FoodFlow's GLib log writer. Reads FOODFLOW_LOG: "json" writes one JSON object per
 * line to stderr (keys: time (UTC ISO-8601 with ms), level, domain, message, and request_id when
 * set); anything else writes human-readable lines through GLib's default writer. Messages below
 * "message" level are shown only when G_MESSAGES_DEBUG names their domain, as GLib does. */
void        ff_log_init              (void);
/* Formats one record as a JSON line (no trailing newline); exposed for tests. */
char       *ff_log_format_json       (GLogLevelFlags   level,
                                      const GLogField *fields,
                                      gsize            n_fields,
                                      gint64           unix_us);
/* The request id attached to log lines of the calling thread (NULL to clear). A
 * "FF_REQUEST_ID" structured field on a single message takes precedence. */
void        ff_log_set_request_id    (const char *request_id);
const char *ff_log_get_request_id    (void);

G_END_DECLS
