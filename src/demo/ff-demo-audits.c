/* ff-demo-audits.c — demo audits: the audits done with their responses, photos and signatures,
 * and the CAPAs raised for the failed items. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

/* Audits ----------------------------------------------------------------------------------- */

typedef struct
{
  guint        template;
  int          supplier;    /* -1: our own site */
  const char  *site;
  const char  *auditor;
  const char  *auditee;
  int          day;
  const char  *status;      /* planned, in_progress, completed, signed */
  double       fail_rate;
} Plan;

static const char *const auditors[] = { "Ingrid Janssens", "Lotte Maes", "Koen Wouters", "Sofie Engels" };
static const char *const managers[] = { "Pieter van Dijk", "Hanna Claes" };

static void
plan_audits (FfDemo *demo,
             GArray *plans)
{
  guint weeks = _ff_demo_scaled (demo, 26, 2);
  guint changeovers = _ff_demo_scaled (demo, 30, 2);
  /* Weekly inspections are on Tuesdays. */
  int tuesday = -((_ff_demo_weekday (demo, 0) + 7 - 2) % 7);
  static const struct {
    int         supplier;
    int         day;
    double      fail_rate;
    const char *status;
  } supplier_audits[] = {
    { FF_DEMO_SUP_TAHINI_HOUSE, -150, 0.35, "signed" },
    { FF_DEMO_SUP_CRISP_AND_CO, -160, 0.3, "signed" },
    { FF_DEMO_SUP_DIPMASTERS, -90, 0.05, "signed" },
    { FF_DEMO_SUP_PEPPER_VALLEY, -80, 0.08, "completed" },
    { FF_DEMO_SUP_CHILI_FARMS, 20, 0, "planned" },
  };

  for (guint w = 0; w <= weeks; w++)
    for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
      {
        Plan a = { 0, -1, NULL, auditors[(w + p) % 3], managers[p], 0, NULL, 0.06 };

        a.site = p == 0 ? "Plant Eindhoven, production and warehouse"
                        : "Plant Gent, production and warehouse";
        /* Next week's is planned, this week's at the first plant is under way. */
        a.day = tuesday + 7 * (1 - (int) w);
        a.status = w == 0 ? "planned" : w == 1 && p == 0 ? "in_progress"
                   : w < 4 ? "completed" : "signed";
        g_array_append_val (plans, a);
      }
  for (guint i = 0; i < G_N_ELEMENTS (supplier_audits); i++)
    {
      Plan a = { 1, supplier_audits[i].supplier, NULL, auditors[i % 2], NULL,
                 supplier_audits[i].day, supplier_audits[i].status, supplier_audits[i].fail_rate };

      a.site = ff_demo_suppliers[a.supplier].city;
      a.auditee = "Quality manager of the site";
      g_array_append_val (plans, a);
    }
  for (guint i = 0; i < changeovers; i++)
    {
      Plan a = { 2, -1, "Plant Eindhoven, line L2 (chips bagger)", "Tom Hendrickx", managers[0],
                 -1 - (int) (i * MAX (1, demo->batch_days - 1) / changeovers), "completed", 0.03 };
      g_array_append_val (plans, a);
    }
  {
    Plan a = { 3, -1, "Plant Eindhoven, whole site", "Ingrid Janssens", "Hanneke Verbeek",
               -40, "signed", 0.12 };
    g_array_append_val (plans, a);
  }
}

typedef struct
{
  char       *answer;
  double      number;
  gboolean    has_number;
  gboolean    failed;
  gboolean    na;
} Answer;

static Answer
answer_item (FfDemo     *demo,
             const FfDemoAuditItem *item,
             double      fail_rate,
             int         day)
{
  double u = _ff_demo_uniform (demo), v = _ff_demo_uniform (demo);
  Answer a = { NULL, 0, FALSE, FALSE, FALSE };
  gboolean fail = u < (item->critical ? fail_rate / 3 : fail_rate);

  if (g_str_equal (item->type, "yes_no_na"))
    {
      a.na = !fail && v < 0.03;
      a.failed = fail;
      a.answer = g_strdup (fail ? "no" : a.na ? "na" : "yes");
    }
  else if (g_str_equal (item->type, "choice"))
    {
      g_auto (GStrv) options = g_strsplit (item->choices, "|", -1);
      guint n = g_strv_length (options);

      a.failed = fail;
      a.answer = g_strdup (fail ? item->failing : options[v < 0.75 ? 0 : MIN (1u, n - 1)]);
    }
  else if (g_str_equal (item->type, "number"))
    {
      double span = item->max - item->min;

      a.failed = fail;
      a.has_number = TRUE;
      a.number = fail ? item->max + MAX (1.0, span * 0.3) * (1 + v)
                      : item->min + span * v;
      a.number = round (a.number * 10) / 10;
      a.answer = g_strdup_printf ("%.1f", a.number);
    }
  else if (g_str_equal (item->type, "date"))
    {
      char date[16];

      _ff_demo_format_day (demo, day - 1 - (int) (v * 30), date);
      a.answer = g_strdup (date);
    }
  else if (g_str_equal (item->type, "text"))
    a.answer = g_strdup (item->note);
  else if (g_str_equal (item->type, "photo"))
    a.answer = g_strdup ("Photo taken");
  return a;
}

static gboolean
save_photo (FfDemo     *demo,
            const char *audit_id,
            const char *response_code,
            const char *caption,
            gint64      at,
            const char *by,
            guint       motif,
            GError    **error)
{
  FfRecord *r = ff_record_new (&ff_kind_audit_photos);
  g_autoptr (GBytes) png = _ff_demo_photo_png (demo, motif);

  _ff_demo_setf (r, "code", "%s/P1", response_code);
  _ff_demo_set (r, "audit", audit_id);
  _ff_demo_set (r, "response", _ff_demo_id (demo, &ff_kind_audit_responses, response_code));
  _ff_demo_set (r, "caption", caption);
  ff_record_set_blob (r, (guint) ff_kind_get_field_index (&ff_kind_audit_photos, "image"), png);
  _ff_demo_set (r, "mime_type", "image/png");
  _ff_demo_set_time (r, "taken_at", at);
  _ff_demo_set_user (r, "taken_by", by);
  return _ff_demo_save (demo, r, error);
}

/* A signature of the audit as recorded: a member of the tenant by user name, someone from
 * outside (a supplier's quality manager) by name as external; both drew it on the tablet. */
static gboolean
save_signature (FfDemo     *demo,
                FfRecord   *audit,
                guint       n,
                const char *name,
                const char *meaning,
                gint64      at,
                GError    **error)
{
  FfRecord *r = ff_record_new (&ff_kind_signatures);
  g_autoptr (GBytes) png = _ff_demo_signature_png (demo);
  g_autoptr (FfRecordRepository) audits = ff_record_repository_new (demo->store, &ff_kind_audits);
  g_autofree char *hash = ff_record_repository_content_hash (audits, audit, error);
  const char *username = _ff_demo_username_of (name);

  if (hash == NULL)
    return FALSE;
  _ff_demo_setf (r, "code", "%s/SIG-%u", ff_record_get_code (audit), n);
  _ff_demo_set (r, "audit", ff_record_get_id (audit));
  _ff_demo_set (r, "signer", username);
  _ff_demo_set (r, "signer_name", name);
  _ff_demo_set (r, "external", username == NULL ? "1" : "0");
  _ff_demo_set (r, "meaning", meaning);
  _ff_demo_set_time (r, "signed_at", at);
  _ff_demo_set (r, "content_hash", hash);
  ff_record_set_blob (r, (guint) ff_kind_get_field_index (&ff_kind_signatures, "signature_image"),
                      png);
  return _ff_demo_save (demo, r, error);
}

static const char *const root_causes[] = {
  "The check was not part of the shift handover, so it was missed when the team leader was busy.",
  "New starters had not yet been trained on this point of the procedure.",
  "The responsibility was not assigned after the team was reorganised.",
  "The item wore out sooner than the replacement interval in the maintenance plan.",
};

static const char *const preventive_actions[] = {
  "Point added to the start-up checklist signed by the team leader.",
  "Toolbox talk given to all shifts; included in the induction training.",
  "Responsibility written into the area's job descriptions and the cleaning schedule.",
  "Replacement interval shortened and added to the preventive maintenance plan.",
};

static gboolean
save_capa (FfDemo     *demo,
           const Plan *plan,
           const char *audit_id,
           const FfDemoAuditItem *item,
           guint       k,
           GError    **error)
{
  g_autofree char *code = _ff_demo_next_capa_code (demo, plan->day);
  FfRecord *r = ff_record_new (&ff_kind_capas);
  const char *status = plan->day < -45 ? "closed" : plan->day < -15 ? "verification"
                       : k % 2 ? "in_progress" : "open";

  _ff_demo_set (r, "code", code);
  _ff_demo_setf (r, "title", "Audit finding: %s", item->note);
  _ff_demo_set (r, "source", "audit");
  _ff_demo_set (r, "audit", audit_id);
  _ff_demo_set (r, "owner", plan->auditee ? (plan->supplier >= 0 ? ff_demo_suppliers[plan->supplier].name
                                                                 : plan->auditee)
                                          : plan->auditor);
  _ff_demo_set_day (demo, r, "due_on", plan->day + 30);
  _ff_demo_set (r, "status", status);
  if (!g_str_equal (status, "open"))
    _ff_demo_set (r, "root_cause", root_causes[k % G_N_ELEMENTS (root_causes)]);
  if (g_str_equal (status, "closed") || g_str_equal (status, "verification"))
    {
      _ff_demo_set (r, "corrective_action", "Corrected during the audit and checked again at the "
                                            "next inspection.");
      _ff_demo_set (r, "preventive_action", preventive_actions[k % G_N_ELEMENTS (preventive_actions)]);
    }
  if (g_str_equal (status, "closed"))
    _ff_demo_set_day (demo, r, "closed_on", MIN (plan->day + 21, -1));
  return _ff_demo_save (demo, r, error);
}

static gboolean
make_audit (FfDemo     *demo,
            const Plan *plan,
            guint       seq,
            GError    **error)
{
  const FfDemoAuditTemplate *tpl = &ff_demo_audit_templates[plan->template];
  gint64 start = _ff_demo_day_start (demo, plan->day) + 8 * 3600 + (seq % 6) * 1200;
  gboolean planned = g_str_equal (plan->status, "planned");
  gboolean partial = g_str_equal (plan->status, "in_progress");
  gboolean done = !planned && !partial;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree Answer *answers = NULL;
  g_autofree int *section_of = NULL;
  double earned = 0, possible = 0;
  gboolean critical_failed = FALSE;
  guint n_findings = 0, n_answered = 0, n_signatures = 0;
  char code[32], supplier[16];
  const char *audit_id;
  g_autoptr (FfRecord) audit = NULL;
  FfRecord *r;
  int y, m, d;

  for (guint s = 0; s < tpl->n_sections; s++)
    for (guint i = 0; i < tpl->sections[s].n_items; i++)
      g_ptr_array_add (items, (gpointer) &tpl->sections[s].items[i]);
  answers = g_new0 (Answer, items->len);
  section_of = g_new0 (int, items->len);
  for (guint s = 0, k = 0; s < tpl->n_sections; s++)
    for (guint i = 0; i < tpl->sections[s].n_items; i++)
      section_of[k++] = (int) s;

  /* The answers first: the audit carries their score. */
  for (guint k = 0; k < items->len; k++)
    {
      const FfDemoAuditItem *item = g_ptr_array_index (items, k);
      double weight = tpl->sections[section_of[k]].weight * item->weight;
      gboolean asked = !planned && (!partial || k < items->len / 2);

      answers[k] = answer_item (demo, item, plan->fail_rate, plan->day);
      g_ptr_array_add (strings, answers[k].answer);
      if (item->follow_up_of != NULL)
        for (guint j = 0; j < k; j++)
          {
            const FfDemoAuditItem *parent = g_ptr_array_index (items, j);
            if (g_str_equal (parent->number, item->follow_up_of))
              asked = asked && g_strcmp0 (answers[j].answer, item->follow_up_when) == 0;
          }
      if (g_str_equal (item->type, "signature"))
        {
          answers[k].answer = g_strdup (n_signatures++ == 0 ? plan->auditor
                                        : plan->auditee ? plan->auditee : plan->auditor);
          g_ptr_array_add (strings, answers[k].answer);
        }
      if (!asked)
        {
          answers[k].answer = NULL;
          answers[k].failed = FALSE;
          continue;
        }
      n_answered++;
      if (answers[k].failed)
        {
          n_findings++;
          critical_failed = critical_failed || item->critical;
        }
      if (weight > 0 && !answers[k].na && (g_str_equal (item->type, "yes_no_na")
                                           || g_str_equal (item->type, "choice")
                                           || g_str_equal (item->type, "number")))
        {
          possible += weight;
          earned += answers[k].failed ? 0 : weight;
        }
    }

  _ff_demo_ymd (demo, plan->day, &y, &m, &d);
  g_snprintf (code, sizeof code, "AUD-%04d-%03u", y, seq);
  r = ff_record_new (&ff_kind_audits);
  _ff_demo_set (r, "code", code);
  _ff_demo_set (r, "template", _ff_demo_id (demo, &ff_kind_audit_templates, tpl->code));
  if (plan->supplier >= 0)
    {
      _ff_demo_supplier_code ((guint) plan->supplier, supplier);
      _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, supplier));
      _ff_demo_setf (r, "site", "%s, %s", ff_demo_suppliers[plan->supplier].name, plan->site);
    }
  else
    _ff_demo_set (r, "site", plan->site);
  _ff_demo_set_user (r, "auditor", plan->auditor);
  _ff_demo_set (r, "auditee", plan->auditee);
  _ff_demo_set_day (demo, r, "scheduled_on", plan->day);
  if (!planned)
    _ff_demo_set_time (r, "started_at", start);
  if (done)
    {
      double score = possible > 0 ? 100.0 * earned / possible : 100.0;

      _ff_demo_set_time (r, "completed_at", start + (gint64) (n_answered * 150 + 900));
      _ff_demo_set_real (r, "score_pct", score, 1);
      _ff_demo_set (r, "result", critical_failed || score < tpl->pass ? "fail" : "pass");
      if (n_findings > 0)
        _ff_demo_setf (r, "notes", "%u finding%s raised as CAPA%s.%s", n_findings,
                       n_findings == 1 ? "" : "s", n_findings == 1 ? "" : "s",
                       critical_failed ? " A critical item failed, which fails the audit." : "");
    }
  _ff_demo_set (r, "status", plan->status);
  /* Kept to be signed once its answers are in. */
  audit = g_object_ref (r);
  if (!_ff_demo_save (demo, r, error))
    return FALSE;
  audit_id = _ff_demo_id (demo, &ff_kind_audits, code);

  for (guint k = 0, n = 0; k < items->len; k++)
    {
      const FfDemoAuditItem *item = g_ptr_array_index (items, k);
      const Answer *a = &answers[k];
      gint64 at = start + (gint64) (n * 150);
      char response[80];

      if (a->answer == NULL)
        continue;
      n++;
      g_snprintf (response, sizeof response, "%s/%s", code, item->number);
      r = ff_record_new (&ff_kind_audit_responses);
      _ff_demo_set (r, "code", response);
      _ff_demo_set (r, "audit", audit_id);
      {
        char item_id[48];
        _ff_demo_audit_item_code (tpl, item, item_id);
        _ff_demo_set (r, "item", _ff_demo_id (demo, &ff_kind_audit_template_items, item_id));
      }
      _ff_demo_set (r, "answer", a->answer);
      if (a->has_number)
        _ff_demo_set_real (r, "numeric_value", a->number, 1);
      _ff_demo_set (r, "is_failure", a->failed ? "1" : "0");
      if (a->failed)
        _ff_demo_set (r, "comment", item->note);
      _ff_demo_set_time (r, "answered_at", at);
      _ff_demo_set_user (r, "answered_by", plan->auditor);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
      if ((g_str_equal (item->type, "photo") && !a->failed)
          && !save_photo (demo, audit_id, response, item->prompt, at + 30, plan->auditor, k, error))
        return FALSE;
      if (a->failed && item->photo_on_fail
          && !save_photo (demo, audit_id, response, item->note, at + 30, plan->auditor, k, error))
        return FALSE;
      if (a->failed && done && !save_capa (demo, plan, audit_id, item, k, error))
        return FALSE;
    }

  /* Signatures: who performed it, and for signed audits who reviewed and approved it. */
  if (done)
    {
      gint64 end = start + (gint64) (n_answered * 150 + 900);

      if (!save_signature (demo, audit, 1, plan->auditor, "auditor", end, error))
        return FALSE;
      if (g_str_equal (plan->status, "signed")
          && (!save_signature (demo, audit, 2, plan->auditee ? plan->auditee : plan->auditor,
                               "auditee", end + 600, error)
              || !save_signature (demo, audit, 3, "Hanneke Verbeek", "approved", end + 86400,
                                  error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_audits (FfDemo  *demo,
                      GError **error)
{
  g_autoptr (GArray) plans = g_array_new (FALSE, TRUE, sizeof (Plan));

  if (!_ff_demo_make_audit_templates (demo, error))
    return FALSE;
  plan_audits (demo, plans);
  for (guint i = 0; i < plans->len; i++)
    if (!make_audit (demo, &g_array_index (plans, Plan, i), i + 31, error))
      return FALSE;
  return TRUE;
}
