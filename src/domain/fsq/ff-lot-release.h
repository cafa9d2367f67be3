/* ff-lot-release.h — putting a lot on hold with a reason, saying why it is held, and releasing
 * it: refused while an open critical deviation is on the lot or on any lot it was made from,
 * unless a QA user overrides with an e-signature (DOMAIN.md, E-signatures). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-actor.h"
#include "ff-session.h"
#include "ff-store.h"
#include "ff-vault.h"

G_BEGIN_DECLS

/* An open critical deviation that stands in the way of a release. */
typedef struct
{
  char     *deviation_id;
  char     *deviation_code;  /* DEV-2026-0117 */
  char     *description;
  char     *lot_id;          /* the lot it is on: the one released, or one of its inputs */
  char     *lot_code;
  gboolean  on_input;        /* on a lot this one was made from, not on this one */
} FfReleaseBlocker;

void       ff_release_blocker_free (FfReleaseBlocker *blocker);

/* What holds a lot: who put it on hold, when and why, and the open deviations and CCP readings
 * out of limit that refer to it. */
typedef struct
{
  char      *status;       /* the lot's status */
  char      *held_by;      /* NULL when the lot was put on hold before this was recorded */
  char      *held_at;
  char      *reason;
  GPtrArray *deviations;   /* char*: "DEV-2026-0117 (critical, open): Metal detector ..." */
  GPtrArray *readings;     /* char*: "HP-CHIPS-CCP1-L2 · 2026-11-28 14:02 · 176.5 °C" */
} FfLotHold;

void       ff_lot_hold_free        (FfLotHold *hold);

/* The open critical deviations on @lot_id and on the lots upstream of it in the genealogy
 * (FfReleaseBlocker*, the lot's own first). */
GPtrArray *ff_lot_release_blockers (FfStore     *store,
                                    const char  *lot_id,
                                    GError     **error);
/* Why @lot_id is held (for its detail view). */
FfLotHold *ff_lot_hold_explain     (FfStore     *store,
                                    const char  *lot_id,
                                    GError     **error);
/* Puts the lot on hold ("hold"; "quarantine" for a lot not yet inspected) with @reason, as
 * @actor, now; the change is audited with the reason. */
gboolean   ff_lot_hold             (FfStore        *store,
                                    const FfActor  *actor,
                                    const char     *lot_id,
                                    const char     *status,
                                    const char     *reason,
                                    GError        **error);
/* Releases the lot as the session's user, with @reason, through @store (NULL: the session's;
 * a worker passes a connection of its own). With open critical deviations in the
 * way (FF_ERROR_PERMISSION naming them) only a QA user may release it: @override_user and
 * @override_password sign the release (meaning "released", the reason, a hash of the lot as
 * released); a wrong password fails with FF_VAULT_ERROR_AUTH. All or nothing: a refused
 * release writes no signature. Slow with an override (the key derivation): call it from a
 * worker in a UI. */
gboolean   ff_lot_release          (FfVault      *vault,
                                    FfSession    *session,
                                    FfStore      *store,
                                    const char   *lot_id,
                                    const char   *reason,
                                    const char   *override_user,
                                    const char   *override_password,
                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfLotHold, ff_lot_hold_free)

G_END_DECLS
