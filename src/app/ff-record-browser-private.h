/* ff-record-browser-private.h — what the record browser's files share: the instance, its
 * reload, and the import and export actions (ff-record-browser-files.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record-browser.h"
#include "ff-record-detail.h"
#include "ff-record-list-model.h"

G_BEGIN_DECLS

struct _FfRecordBrowser
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkLabel           *title_label;
  GtkButton          *scope_button;
  GtkLabel           *scope_label;
  GtkDropDown        *facet_dropdown;
  GtkStringList      *facet_labels;
  GtkButton          *new_button;
  GtkMenuButton      *more_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkSpinner         *loading_spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  FfRecordDetail     *detail;

  /* owned */
  FfSession          *session;
  FfRecordListModel  *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  guint               n_file_jobs;  /* imports and exports running */
  FfRecordQuery      *query;
  FfRecord           *probe[2];     /* compared by the view's sorter to learn its order */
  int                 probed_field; /* set by a column sorter while probing */

  gint64              reveal_rowid;  /* select this record once the list has loaded */
  gboolean            frozen;        /* several changes at once: reload once, after them */
  gboolean            showing_detail;

  /* borrowed */
  const FfKind       *kind;
  const FfField      *facet;         /* the enum the drop-down filters by, or NULL */
};

/* Runs the current query again, keeping the selection where it can. */
void _ff_record_browser_reload              (FfRecordBrowser *self);
/* browser.import, browser.export, browser.export-xlsx */
void _ff_record_browser_import_action      (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void _ff_record_browser_export_action      (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void _ff_record_browser_export_xlsx_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

G_END_DECLS
