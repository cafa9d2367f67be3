/* ff-lot-trace-view-private.h — what the Trace page's files share: its state, the trace read
 * in a worker, the pages, the actions and the helpers they use. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-lot-trace-view.h"

G_BEGIN_DECLS

typedef struct
{
  FfTrace       *traces[2];   /* by FfTraceDirection */
  GListModel    *trees[2];
  JsonNode      *balance;
} TraceResult;

struct _FfLotTraceView
{
  AdwBin                parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  GtkWidget            *recall_button;
  GtkWidget            *hold_button;
  GtkWidget            *export_button;

  /* owned */
  FfSession            *session;
  FfRecord             *lot;
  GCancellable         *load_cancellable;  /* of the trace being read */
  GCancellable         *cancellable;       /* of the exports and holds, cancelled on dispose */
  TraceResult          *result;
  GtkTreeListModel     *trees[2];
  guint                 n_jobs;

  /* borrowed */
  GtkWidget            *pages[2];  /* in view_stack */
};

/* ff-lot-trace-view.c */
void              _ff_lot_trace_view_toast            (FfLotTraceView   *self,
                                                       const char       *message);
GtkWindow        *_ff_lot_trace_view_get_window       (FfLotTraceView   *self);
/* Opens a record in the window the trace was opened from. */
void              _ff_lot_trace_view_open_record      (FfLotTraceView   *self,
                                                       const char       *kind,
                                                       const char       *id);
void              _ff_lot_trace_view_update_actions   (FfLotTraceView   *self);
FfTraceDirection  _ff_lot_trace_view_shown_direction  (FfLotTraceView   *self);

/* ff-lot-trace-view-page.c: one direction's page, from self->result. */
GtkWidget        *_ff_lot_trace_view_page_new         (FfLotTraceView   *self,
                                                       FfTraceDirection  direction);

/* ff-lot-trace-view-actions.c */
void              _ff_lot_trace_view_mock_recall_action    (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *param);
void              _ff_lot_trace_view_hold_reached_action   (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *param);
void              _ff_lot_trace_view_export_fsma204_action (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *param);
void              _ff_lot_trace_view_export_epcis_action   (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *param);
void              _ff_lot_trace_view_reload_action         (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *param);

G_END_DECLS
