/* ff-lot-movements-private.h — the rules of lot movements, and the movements a genealogy link
 * and a shipment write with themselves (ff-lot-movements.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

/* A movement's quantity fits its type; a use names its genealogy link and a shipment its
 * shipment, of the same lot. */
gboolean _ff_lot_movement_check_write (FfRecordRepository  *repo,
                                       const FfActor       *actor,
                                       FfRecord            *current,
                                       FfRecord            *record,
                                       GError             **error);
/* A lot is shipped only under the lot code it was given where FSMA 204 assigns one. */
gboolean _ff_shipment_check_write     (FfRecordRepository  *repo,
                                       const FfActor       *actor,
                                       FfRecord            *current,
                                       FfRecord            *record,
                                       GError             **error);
/* The input lot's "consumed" movement follows its genealogy link. */
gboolean _ff_lot_link_after_write     (FfRecordRepository  *repo,
                                       const FfActor       *actor,
                                       FfRecord            *current,
                                       FfRecord            *record,
                                       GError             **error);
/* The lot's "shipped" movement follows its shipment. */
gboolean _ff_shipment_after_write     (FfRecordRepository  *repo,
                                       const FfActor       *actor,
                                       FfRecord            *current,
                                       FfRecord            *record,
                                       GError             **error);

G_END_DECLS
