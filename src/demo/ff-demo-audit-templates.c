/* ff-demo-audit-templates.c — demo audit templates: sections and items of every response type
 * (yes/no, choice, number, text, date, photo, signature), with weights, critical items and a
 * follow-up question. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

#define YES_NO "yes_no_na", NULL, "no", NAN, NAN
#define GFP(fail) "choice", "good|fair|poor", fail, NAN, NAN
#define NUMBER(lo, hi) "number", NULL, NULL, lo, hi
#define TEXT "text", NULL, NULL, NAN, NAN
#define DATE "date", NULL, NULL, NAN, NAN
#define PHOTO "photo", NULL, NULL, NAN, NAN
#define SIGNATURE "signature", NULL, NULL, NAN, NAN
#define SECTION(title, weight, items) { title, weight, items, G_N_ELEMENTS (items) }

static const FfDemoAuditItem gmp_people[] = {
  { "1.01", "Are all staff wearing clean workwear, hairnets and beard snoods?", YES_NO, 1, FALSE, TRUE, NULL, NULL,
    "Two operators on the bagger without beard snoods.", "Check every person in the area, visitors and contractors included." },
  { "1.02", "Describe the non-compliance and who was involved.", TEXT, 1, FALSE, FALSE, "1.01", "no",
    "Both operators were given snoods at once and the team leader briefed the shift.", NULL },
  { "1.03", "Are hand-wash stations stocked with soap, paper towels and sanitiser?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "Paper towels empty at the hand-wash station by the filling room door.", NULL },
  { "1.04", "Are jewellery, watches and personal items absent from the production area?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "A wristwatch worn by a contractor at the oven.", NULL },
};

static const FfDemoAuditItem gmp_foreign_bodies[] = {
  { "2.01", "Were metal detector checks completed and recorded every hour on every line?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "The 10:00 check on the bagger was recorded 75 minutes after the previous one.", "Compare the CCP readings in FoodFlow with the line's run times." },
  { "2.02", "Condition of glass and hard plastic items on the register", GFP ("poor"), 1, FALSE, TRUE, NULL, NULL,
    "Cracked cover of the light fitting above the seasoning drum.", NULL },
  { "2.03", "Number of broken or missing items found on the glass and hard plastic register", NUMBER (0, 0), 1, FALSE, TRUE, NULL, NULL,
    "One scoop with a chipped edge found at the seasoning station.", NULL },
  { "2.04", "Photograph the locked reject bin of the metal detector.", PHOTO, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditItem gmp_cleaning[] = {
  { "3.01", "Were pre-start hygiene inspections signed off for all lines?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "Pre-start inspection of the case packer not signed.", NULL },
  { "3.02", "ATP swab result at the sealing jaws of the bagger (RLU)", NUMBER (0, 150), 1, FALSE, FALSE, NULL, NULL,
    "ATP 310 RLU at the sealing jaws; area cleaned again and re-swabbed at 45 RLU.", "Fail above 150 RLU." },
  { "3.03", "General cleanliness of floors, drains and walls", GFP ("poor"), 1, FALSE, TRUE, NULL, NULL,
    "Oil residue under the fryer take-out conveyor.", NULL },
};

static const FfDemoAuditItem gmp_allergens[] = {
  { "4.01", "Are allergen-containing materials stored segregated, on the lowest racks and labelled?", YES_NO, 1, TRUE, TRUE, NULL, NULL,
    "An open bag of cheese seasoning stored above the salt big bags.", NULL },
  { "4.02", "Date of the last validation of the allergen changeover clean", DATE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
  { "4.03", "Are the right labels and films loaded for the products running?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "Film for Tortilla Chips Chili staged at the Salted run; removed before use.", NULL },
};

static const FfDemoAuditItem gmp_temperatures[] = {
  { "5.01", "Cold store 1 air temperature (°C)", NUMBER (0, 5), 1, FALSE, FALSE, NULL, NULL,
    "Cold store at 6.5 °C after a long door opening during intake.", NULL },
  { "5.02", "Chilled dispatch air temperature (°C)", NUMBER (0, 5), 1, FALSE, FALSE, NULL, NULL,
    "Chilled dispatch at 7 °C; dock door left open.", NULL },
};

static const FfDemoAuditItem gmp_pests[] = {
  { "6.01", "Are bait stations and insect lights intact and free of activity?", YES_NO, 1, FALSE, TRUE, NULL, NULL,
    "Insect light by the flour silo full; tube not replaced this year.", NULL },
  { "6.02", "Observations on pest activity", TEXT, 0, FALSE, FALSE, NULL, NULL,
    "No activity seen; bait station 14 was moved back to its marked position.", NULL },
};

static const FfDemoAuditItem gmp_signoff[] = {
  { "7.01", "Auditor's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
  { "7.02", "Area manager's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditSection gmp_sections[] = {
  SECTION ("Personnel hygiene", 1.0, gmp_people),
  SECTION ("Foreign body control", 1.5, gmp_foreign_bodies),
  SECTION ("Cleaning and sanitation", 1.0, gmp_cleaning),
  SECTION ("Allergen control", 1.5, gmp_allergens),
  SECTION ("Temperature control", 1.0, gmp_temperatures),
  SECTION ("Pest control", 0.5, gmp_pests),
  SECTION ("Sign-off", 0.0, gmp_signoff),
};

static const FfDemoAuditItem supplier_management[] = {
  { "1.01", "Is there a current HACCP plan, signed by senior management?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "HACCP plan last reviewed 19 months ago; the new grinding line is not in it.", NULL },
  { "1.02", "Has the HACCP team been trained?", "choice", "fully|partly|not", "not", NAN, NAN, 1, FALSE, FALSE, NULL, NULL,
    "Only the team leader holds a HACCP certificate.", NULL },
  { "1.03", "Date of the last HACCP review", DATE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditItem supplier_traceability[] = {
  { "2.01", "Was the trace test completed within four hours?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "Trace test took six hours; the raw material intake records are on paper.", NULL },
  { "2.02", "Share of the quantity reconciled in the trace test (%)", NUMBER (98, 102), 1, FALSE, FALSE, NULL, NULL,
    "Only 93 % of the lot reconciled; rework not recorded.", NULL },
};

static const FfDemoAuditItem supplier_site[] = {
  { "3.01", "Condition of the raw material store", GFP ("poor"), 1, FALSE, TRUE, NULL, NULL,
    "Bird droppings on the sacks by the open dock door.", NULL },
  { "3.02", "Photograph the intake area.", PHOTO, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
  { "3.03", "Are a pest control contract and its visit reports in place?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "Pest control reports of the last two visits missing.", NULL },
  { "3.04", "Is there an allergen risk assessment covering every material on site?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "Sesame handled on site but not in the allergen risk assessment.", NULL },
};

static const FfDemoAuditItem supplier_signoff[] = {
  { "4.01", "Auditor's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
  { "4.02", "Supplier representative's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditSection supplier_sections[] = {
  SECTION ("Management and HACCP", 1.0, supplier_management),
  SECTION ("Traceability", 1.5, supplier_traceability),
  SECTION ("Site standards", 1.0, supplier_site),
  SECTION ("Sign-off", 0.0, supplier_signoff),
};

static const FfDemoAuditItem changeover_items[] = {
  { "1.01", "Has all product, seasoning and packaging of the previous run been removed?", YES_NO, 1, TRUE, FALSE, NULL, NULL,
    "Half a bag of cheese seasoning left on the platform.", NULL },
  { "1.02", "Were the scarf plate and the weigher buckets dismantled and washed?", YES_NO, 1, TRUE, TRUE, NULL, NULL,
    "Scarf plate cleaned in place, not dismantled.", NULL },
  { "1.03", "Are the protein swabs negative at all five points?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "Swab 3 (drum outlet) positive; cleaned again, negative on the re-swab.", NULL },
  { "1.04", "Number of swab points tested", NUMBER (5, 5), 1, FALSE, FALSE, NULL, NULL,
    "Only four points swabbed.", NULL },
  { "1.05", "Photograph the cleaned seasoning drum.", PHOTO, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
  { "1.06", "Team leader's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditSection changeover_sections[] = {
  SECTION ("Allergen clean verification", 1.0, changeover_items),
};

static const FfDemoAuditItem brc_management[] = {
  { "1.01", "Is there a food safety culture plan, reviewed in the last year?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "Culture survey done but no action plan written.", NULL },
  { "1.02", "Was a management review held in the last 12 months?", YES_NO, 1, FALSE, FALSE, NULL, NULL,
    "Management review minutes do not cover the complaint trend.", NULL },
};

static const FfDemoAuditItem brc_site[] = {
  { "2.01", "Are external areas maintained and free of pest harbourage?", YES_NO, 1, FALSE, TRUE, NULL, NULL,
    "Pallets stacked against the wall behind the boiler house.", NULL },
  { "2.02", "Condition of the segregation of the high-care filling room", GFP ("poor"), 2, TRUE, FALSE, NULL, NULL,
    "Door between low care and high care propped open.", NULL },
};

static const FfDemoAuditItem brc_product[] = {
  { "3.01", "Is the allergen risk assessment up to date for every product?", YES_NO, 2, TRUE, FALSE, NULL, NULL,
    "Chickpea snack trial product not yet in the allergen risk assessment.", NULL },
  { "3.02", "Shelf-life validation of the chilled products: what evidence was seen?", TEXT, 0, FALSE, FALSE, NULL, NULL,
    "Challenge tests for Listeria on hummus and guacamole from last year; micro results at end of life monthly.", NULL },
  { "3.03", "Auditor's signature", SIGNATURE, 0, FALSE, FALSE, NULL, NULL, NULL, NULL },
};

static const FfDemoAuditSection brc_sections[] = {
  SECTION ("Senior management commitment", 1.0, brc_management),
  SECTION ("Site standards", 1.0, brc_site),
  SECTION ("Product control", 1.0, brc_product),
};

const FfDemoAuditTemplate ff_demo_audit_templates[] = {
  { "TPL-GMP-WEEKLY", "Weekly GMP inspection", "internal", "3", 80, "active",
    "Walk of the production and storage areas each week, by QA with the area manager. A failed "
    "critical item fails the inspection; every failed item becomes a CAPA.",
    gmp_sections, G_N_ELEMENTS (gmp_sections) },
  { "TPL-SUPPLIER", "Supplier site audit", "supplier", "2", 75, "active",
    "On-site audit of a high-risk supplier or co-packer before approval and every two years "
    "after, following SOP-QA-005.",
    supplier_sections, G_N_ELEMENTS (supplier_sections) },
  { "TPL-CHANGEOVER", "Allergen changeover verification", "internal", "5", 100, "active",
    "Verification of the allergen clean when a line changes from a product with an allergen to "
    "one without (SOP-QA-002).",
    changeover_sections, G_N_ELEMENTS (changeover_sections) },
  { "TPL-BRCGS-PRE", "BRCGS Issue 9 pre-assessment", "brcgs", "1", 85, "active",
    "Internal pre-assessment against the fundamental clauses of BRCGS Food Safety Issue 9, "
    "three months before the unannounced audit window opens.",
    brc_sections, G_N_ELEMENTS (brc_sections) },
};

const guint ff_demo_n_audit_templates = G_N_ELEMENTS (ff_demo_audit_templates);

/* Templates -------------------------------------------------------------------------------- */

void
_ff_demo_audit_item_code (const FfDemoAuditTemplate *tpl,
                          const FfDemoAuditItem     *item,
                          char                       buf[48])
{
  g_snprintf (buf, 48, "%s-%s", tpl->code, item->number);
}

gboolean
_ff_demo_make_audit_templates (FfDemo  *demo,
                GError **error)
{
  for (guint t = 0; t < ff_demo_n_audit_templates; t++)
    {
      const FfDemoAuditTemplate *tpl = &ff_demo_audit_templates[t];
      FfRecord *r = ff_record_new (&ff_kind_audit_templates);

      _ff_demo_set (r, "code", tpl->code);
      _ff_demo_set (r, "name", tpl->name);
      _ff_demo_set (r, "standard", tpl->standard);
      _ff_demo_set (r, "version", tpl->version);
      _ff_demo_set_real (r, "pass_threshold_pct", tpl->pass, 0);
      _ff_demo_set (r, "status", tpl->status);
      _ff_demo_set (r, "description", tpl->description);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
      for (guint s = 0; s < tpl->n_sections; s++)
        {
          const FfDemoAuditSection *section = &tpl->sections[s];
          char section_code[40];

          g_snprintf (section_code, sizeof section_code, "%s-S%u", tpl->code, s + 1);
          r = ff_record_new (&ff_kind_audit_template_sections);
          _ff_demo_set (r, "code", section_code);
          _ff_demo_set (r, "template", _ff_demo_id (demo, &ff_kind_audit_templates, tpl->code));
          _ff_demo_set_int (r, "position", s + 1);
          _ff_demo_set (r, "title", section->title);
          _ff_demo_set_real (r, "weight", section->weight, 1);
          if (!_ff_demo_save (demo, r, error))
            return FALSE;
          for (guint i = 0; i < section->n_items; i++)
            {
              const FfDemoAuditItem *item = &section->items[i];
              char code[48];

              _ff_demo_audit_item_code (tpl, item, code);
              r = ff_record_new (&ff_kind_audit_template_items);
              _ff_demo_set (r, "code", code);
              _ff_demo_set (r, "section", _ff_demo_id (demo, &ff_kind_audit_template_sections, section_code));
              _ff_demo_set_int (r, "position", i + 1);
              _ff_demo_set (r, "prompt", item->prompt);
              _ff_demo_set (r, "guidance", item->guidance);
              _ff_demo_set (r, "response_type", item->type);
              _ff_demo_set (r, "choices", item->choices);
              _ff_demo_set (r, "failing_answers", item->failing);
              if (!isnan (item->min))
                _ff_demo_set_real (r, "number_min", item->min, 1);
              if (!isnan (item->max))
                _ff_demo_set_real (r, "number_max", item->max, 1);
              _ff_demo_set_real (r, "weight", item->weight, 1);
              _ff_demo_set (r, "critical", item->critical ? "1" : "0");
              _ff_demo_set (r, "photo_required_on_fail", item->photo_on_fail ? "1" : "0");
              _ff_demo_set (r, "comment_required_on_fail", "1");
              if (item->follow_up_of)
                {
                  char parent[48];

                  g_snprintf (parent, sizeof parent, "%s-%s", tpl->code, item->follow_up_of);
                  _ff_demo_set (r, "follow_up_of", _ff_demo_id (demo, &ff_kind_audit_template_items, parent));
                  _ff_demo_set (r, "follow_up_when", item->follow_up_when);
                }
              if (!_ff_demo_save (demo, r, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}
