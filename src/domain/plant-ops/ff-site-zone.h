/* ff-site-zone.h — the time zone of the site a record belongs to, in which its times are shown
 * and typed. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-record.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* The zone of the plant @record names, or of the plant of a record it names (a reading's CCP's
 * line's plant), up to three references away; for a record that names none, the zone every
 * plant of the tenant shares; otherwise the computer's. @record may be NULL. Reads a few
 * records by id. */
GTimeZone *ff_site_zone_for_record (FfStore      *store,
                                    const FfKind *kind,
                                    FfRecord     *record);

G_END_DECLS
