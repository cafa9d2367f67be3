/* ff-signatures-private.h — what the signatures kind and its engine share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

/* The rule on every signature written (sign, sync, a restore from CSV): it signs exactly one
 * record; it names the user who signed, or is external and names none. */
gboolean _ff_signature_check_write (FfRecordRepository  *repo,
                                    const FfActor       *actor,
                                    FfRecord            *current,
                                    FfRecord            *record,
                                    GError             **error);
/* The field of a signature that refers to a record of @kind ("audit" for audits), or NULL when
 * records of that kind are not signed. */
const char *_ff_signature_subject_field (const FfKind *kind);

G_END_DECLS
