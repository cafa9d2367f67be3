/* ff-demo-fsq.c — demo FSQ masters: suppliers with their certificates (a few about to expire,
 * one expired), raw and packaging materials, allergens and which materials carry them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include <stdlib.h>

#include "ff-demo-private.h"
#include "ff-gtin.h"

/* GLNs: the GS1 prefix of the supplier's country and an invented company number. The Tahini
 * House has no GS1 membership, so none. */
const FfDemoSupplier ff_demo_suppliers[] = {
  { "Agro Maíz Jalisco", "ingredient", "MX", "Guadalajara", "approved", "medium", "primusgfs", "7503000000016" },
  { "Nordic Oils", "ingredient", "DK", "Aarhus", "approved", "low", "fssc22000", "5703001000011" },
  { "Zeeuwse Zoutwinning", "ingredient", "NL", "Vlissingen", "approved", "low", "fssc22000", "8713002000016" },
  { "Levant Chickpea Co.", "ingredient", "TR", "Gaziantep", "approved", "medium", "brcgs", "8693003000010" },
  { "Valle Verde Tomates", "ingredient", "ES", "Badajoz", "approved", "medium", "ifs", "8413004000013" },
  { "Pfalz Gewürze", "ingredient", "DE", "Neustadt an der Weinstraße", "approved", "low", "ifs", "4003005000019" },
  { "Tahini House Nablus", "ingredient", "PS", "Nablus", "conditional", "high", "brcgs", NULL },
  { "Garlic Growers Drôme", "ingredient", "FR", "Valence", "approved", "low", "ifs", "3003007000018" },
  { "Sunflower Mills Szeged", "ingredient", "HU", "Szeged", "approved", "low", "fssc22000", "5993008000019" },
  { "Citrus Acid Solutions", "processing_aid", "BE", "Tienen", "approved", "low", "fssc22000", "5413009000011" },
  { "PolyFlex Films", "packaging", "PL", "Łódź", "approved", "low", "brcgs", "5903010000013" },
  { "Kartonfabriek Twente", "packaging", "NL", "Hengelo", "approved", "low", "brcgs", "8713011000014" },
  { "GlassJar Europe", "packaging", "CZ", "Teplice", "approved", "low", "fssc22000", "8593012000011" },
  { "CapSeal Closures", "packaging", "IT", "Parma", "approved", "low", "brcgs", "8003013000014" },
  { "Label Print Gent", "packaging", "BE", "Gent", "approved", "low", "brcgs", "5413014000013" },
  { "PestAway Services", "service", "NL", "Utrecht", "approved", "low", "none", "8713015000010" },
  { "LabTest Analytics", "service", "DE", "Bremen", "approved", "low", "none", "4003016000015" },
  { "CleanChem Hygiene", "processing_aid", "DK", "Odense", "approved", "low", "none", "5703017000012" },
  { "FlatBread Partners", "co_packer", "GB", "Leicester", "approved", "low", "brcgs", "5013018000011" },
  { "DipMasters Co-Pack", "co_packer", "PL", "Poznań", "approved", "medium", "brcgs", "5903019000014" },
  { "Chili Farms Sinaloa", "ingredient", "MX", "Culiacán", "suspended", "high", "primusgfs", "7503020000010" },
  { "Olive Grove Jaén", "ingredient", "ES", "Jaén", "approved", "low", "ifs", "8413021000010" },
  { "Yeast & Cultures BV", "ingredient", "NL", "Delft", "approved", "low", "fssc22000", "8713022000010" },
  { "Wheat Mill Wallonie", "ingredient", "BE", "Namur", "approved", "low", "ifs", "5413023000011" },
  { "Crisp & Co Manufacturing", "co_packer", "BE", "Kortrijk", "conditional", "medium", "ifs", "5413024000010" },
  { "Picardie Légumes", "ingredient", "FR", "Amiens", "approved", "low", "ifs", "3003025000014" },
  { "Aguacates Málaga", "ingredient", "ES", "Vélez-Málaga", "approved", "medium", "primusgfs", "8413026000015" },
  { "Pepper Valley Almería", "ingredient", "ES", "El Ejido", "approved", "medium", "primusgfs", "8413027000014" },
};

const guint ff_demo_n_suppliers = G_N_ELEMENTS (ff_demo_suppliers);

const FfDemoIngredient ff_demo_ingredients[FF_DEMO_N_MATERIALS] = {
  [FF_DEMO_RM_MASA] = { "RM-1001", "Corn masa flour, nixtamalised", 0, "kg", "ambient", 180, "MX", FALSE, 4, 1000,
    "Moisture ≤ 12 %; particle size 90 % through 0.5 mm; aflatoxin B1 ≤ 2 µg/kg, total ≤ 4 µg/kg; "
    "fumonisins ≤ 1,000 µg/kg; no GMO above 0.9 %." },
  [FF_DEMO_RM_SUNFLOWER_OIL] = { "RM-1002", "High-oleic sunflower oil", 8, "kg", "ambient", 365, "HU", FALSE, 7, 1000,
    "Oleic acid ≥ 80 %; free fatty acids ≤ 0.1 %; peroxide value ≤ 1 meq/kg on delivery; "
    "delivered in dedicated food-grade tankers with wash certificates." },
  [FF_DEMO_RM_SALT] = { "RM-1003", "Sea salt, fine", 2, "kg", "ambient", 1825, "NL", FALSE, 30, 1000,
    "NaCl ≥ 99.5 % dry basis; moisture ≤ 0.3 %; no anti-caking agent; free from foreign matter "
    "over 1 mm; delivered in 1,000 kg big bags with liners." },
  [FF_DEMO_RM_CHILI_SEASONING] = { "RM-1004", "Chili lime seasoning blend", 5, "kg", "ambient", 365, "DE", FALSE, 21, 25,
    "Salmonella absent in 25 g; Sudan dyes not detected; may contain celery and mustard "
    "(shared blending line)." },
  [FF_DEMO_RM_CHEESE_SEASONING] = { "RM-1005", "Cheddar cheese seasoning", 5, "kg", "ambient", 270, "DE", FALSE, 21, 25,
    "Contains milk. Salmonella absent in 25 g; Enterobacteriaceae ≤ 100 cfu/g." },
  [FF_DEMO_RM_BEETROOT] = { "RM-1006", "Beetroot, washed and sliced", 25, "kg", "chilled", 5, "FR", FALSE, 3, 500,
    "Slices 1.4 ± 0.2 mm; product temperature ≤ 5 °C on arrival; E. coli ≤ 100 cfu/g." },
  [FF_DEMO_RM_SWEET_POTATO] = { "RM-1007", "Sweet potato, washed and sliced", 4, "kg", "chilled", 5, "ES", FALSE, 3, 500,
    "Slices 1.4 ± 0.2 mm; product temperature ≤ 5 °C on arrival; no sprouting or soft rot." },
  [FF_DEMO_RM_LENTIL_FLOUR] = { "RM-1008", "Red lentil flour", 3, "kg", "ambient", 270, "TR", FALSE, 14, 1000,
    "Moisture ≤ 13 %; may contain soya and wheat (shared mill)." },
  [FF_DEMO_RM_RICE_FLOUR] = { "RM-1009", "Rice flour", 23, "kg", "ambient", 365, "IT", FALSE, 21, 1000,
    "Moisture ≤ 13 %; inorganic arsenic ≤ 0.25 mg/kg." },
  [FF_DEMO_RM_TOMATOES] = { "RM-1010", "Tomatoes, fresh, diced", 4, "kg", "chilled", 4, "ES", TRUE, 2, 1000,
    "Brix ≥ 4.5; product temperature ≤ 7 °C on arrival; pesticide residues within EU MRLs." },
  [FF_DEMO_RM_JALAPENO] = { "RM-1011", "Jalapeño peppers, fresh", FF_DEMO_SUP_PEPPER_VALLEY, "kg", "chilled", 10, "ES", TRUE, 4, 100,
    "Whole, firm, green; pesticide residues within EU MRLs; chlorpyrifos not detected." },
  [FF_DEMO_RM_ONION] = { "RM-1012", "Onions, peeled and diced", 25, "kg", "chilled", 7, "FR", FALSE, 5, 250,
    "Dice 6 mm; product temperature ≤ 7 °C on arrival." },
  [FF_DEMO_RM_GARLIC] = { "RM-1013", "Garlic purée", 7, "kg", "chilled", 60, "FR", FALSE, 7, 20,
    "pH ≤ 4.6 (acidified); Clostridium botulinum controls per supplier HACCP." },
  [FF_DEMO_RM_CHICKPEAS] = { "RM-1014", "Chickpeas, cooked", 3, "kg", "chilled", 10, "TR", FALSE, 4, 1000,
    "Cooked and chilled to ≤ 5 °C within 4 hours; Listeria absent in 25 g; may contain sesame." },
  [FF_DEMO_RM_TAHINI] = { "RM-1015", "Tahini (sesame paste)", FF_DEMO_SUP_TAHINI_HOUSE, "kg", "ambient", 365, "PS", FALSE, 10, 200,
    "Contains sesame. Salmonella absent in 375 g (positive release per lot, certificate of "
    "analysis required before use)." },
  [FF_DEMO_RM_LEMON] = { "RM-1016", "Lemon juice concentrate", 4, "kg", "chilled", 180, "ES", FALSE, 14, 25,
    "Brix 40; contains sulphites (preservative E223)." },
  [FF_DEMO_RM_CITRIC] = { "RM-1017", "Citric acid, anhydrous", 9, "kg", "ambient", 1095, "BE", FALSE, 45, 25,
    "Food grade E330, purity ≥ 99.5 %." },
  [FF_DEMO_RM_OLIVE_OIL] = { "RM-1018", "Extra virgin olive oil", 21, "kg", "ambient", 540, "ES", FALSE, 14, 200,
    "Free acidity ≤ 0.8 %; peroxide value ≤ 20 meq/kg." },
  [FF_DEMO_RM_RED_PEPPER] = { "RM-1019", "Roasted red peppers", 27, "kg", "chilled", 30, "ES", TRUE, 5, 100,
    "Skinned, roasted; pH ≤ 4.2 in brine; pesticide residues within EU MRLs." },
  [FF_DEMO_RM_AUBERGINE] = { "RM-1020", "Aubergine purée, fire-roasted", 4, "kg", "chilled", 21, "ES", FALSE, 4, 100,
    "Smoky; pH ≤ 4.5; Listeria absent in 25 g." },
  [FF_DEMO_RM_AVOCADO] = { "RM-1021", "Avocado pulp, high-pressure processed", 26, "kg", "chilled", 45, "ES", FALSE, 3, 100,
    "HPP 600 MPa for 3 min; Listeria absent in 25 g; colour L* ≥ 60." },
  [FF_DEMO_RM_WHEAT_FLOUR] = { "RM-1022", "Wheat flour type 550", 23, "kg", "ambient", 270, "BE", FALSE, 5, 1000,
    "Contains gluten. Protein 11.5–12.5 %; moisture ≤ 15 %; deoxynivalenol ≤ 750 µg/kg." },
  [FF_DEMO_RM_WHOLEMEAL] = { "RM-1023", "Wholemeal wheat flour", 23, "kg", "ambient", 180, "BE", FALSE, 10, 1000,
    "Contains gluten. Moisture ≤ 15 %; deoxynivalenol ≤ 750 µg/kg." },
  [FF_DEMO_RM_YEAST] = { "RM-1024", "Fresh baker's yeast", 22, "kg", "chilled", 28, "NL", FALSE, 7, 25,
    "Stored at 2–6 °C; dry matter 30–32 %." },
  [FF_DEMO_RM_PAPRIKA] = { "RM-1025", "Smoked paprika seasoning", 5, "kg", "ambient", 365, "DE", FALSE, 30, 25,
    "Salmonella absent in 25 g; ochratoxin A ≤ 15 µg/kg." },
  [FF_DEMO_PM_FILM] = { "PM-2001", "Metallised OPP film, printed, 320 mm", 10, "m", "ambient", 730, "PL", FALSE, 14, 1000,
    "Food-contact compliant to Regulation (EU) 10/2011; declaration of compliance on file; "
    "oxygen transmission ≤ 20 cm³/m²/day." },
  [FF_DEMO_PM_TUB] = { "PM-2002", "PP tub 200 g, white", 10, "ea", "ambient", 1095, "PL", FALSE, 10, 5000,
    "Food-contact compliant to Regulation (EU) 10/2011." },
  [FF_DEMO_PM_JAR] = { "PM-2003", "Glass jar 300 g, twist-off 63 mm", 12, "ea", "ambient", 1825, "CZ", FALSE, 10, 5000,
    "Flint glass; no checks, stones or blisters per AQL 0.65." },
  [FF_DEMO_PM_LID] = { "PM-2004", "Twist-off lid 63 mm, PVC-free liner", 13, "ea", "ambient", 730, "IT", FALSE, 14, 10000,
    "Liner free from phthalates; vacuum button." },
  [FF_DEMO_PM_LIDDING] = { "PM-2005", "Peelable lidding film 95 mm", 10, "m", "ambient", 730, "PL", FALSE, 14, 1000,
    "Seal strength 8–12 N/15 mm on PP." },
  [FF_DEMO_PM_CARTON] = { "PM-2006", "Mezze box gift carton", 11, "ea", "ambient", 1095, "NL", FALSE, 21, 500,
    "FSC-certified board; food-safe inks." },
  [FF_DEMO_PM_LABEL] = { "PM-2007", "Front and back labels, allergen bold", 14, "ea", "ambient", 730, "BE", FALSE, 30, 10000,
    "Artwork version checked against the approved label file before each print run." },
};

void
_ff_demo_supplier_code (guint supplier,
                        char  buf[16])
{
  g_snprintf (buf, 16, "SUP-%04u", 101 + supplier * 7);
}

/* "Agro Maíz Jalisco" -> "agro-maiz-jalisc": ASCII letters and digits, dashes between words. */
static char *
email_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p && slug->len < 16; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

static const char *const supplier_notes[] = {
  [FF_DEMO_SUP_TAHINI_HOUSE] = "Conditional approval after the Salmonella finding of last year: "
                               "positive release of every lot on our own analysis until two "
                               "clean audits.",
  [FF_DEMO_SUP_CHILI_FARMS] = "Suspended: PrimusGFS certificate lapsed and chlorpyrifos found in "
                              "a jalapeño lot. Jalapeños moved to Pepper Valley Almería.",
  [FF_DEMO_SUP_CRISP_AND_CO] = "New co-packer for GreenBite crisps; approval conditional on "
                               "closing the allergen-control findings of the onboarding audit.",
};

static gboolean
make_suppliers (FfDemo  *demo,
                GError **error)
{
  for (guint i = 0; i < ff_demo_n_suppliers; i++)
    {
      const FfDemoSupplier *s = &ff_demo_suppliers[i];
      FfRecord *r = ff_record_new (&ff_kind_suppliers);
      g_autofree char *slug = email_slug (s->name);
      char code[16];
      int due = _ff_demo_int (demo, -30, 330);

      _ff_demo_supplier_code (i, code);
      _ff_demo_set (r, "code", code);
      _ff_demo_set (r, "name", s->name);
      _ff_demo_set (r, "category", s->category);
      _ff_demo_set (r, "approval_status", s->approval);
      _ff_demo_set (r, "risk_level", s->risk);
      _ff_demo_set (r, "gfsi_scheme", s->scheme);
      _ff_demo_set (r, "country", s->country);
      _ff_demo_setf (r, "contact_email", "quality@%s.example", slug);
      _ff_demo_set (r, "gln", s->gln);
      _ff_demo_set_day (demo, r, "next_audit_due", due);
      if (i < G_N_ELEMENTS (supplier_notes))
        _ff_demo_set (r, "notes", supplier_notes[i]);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* Certificates ----------------------------------------------------------------------------- */

static const char *const certification_bodies[] = {
  "SGS", "Bureau Veritas", "DNV", "LRQA", "TÜV SÜD", "Kiwa", "Intertek", "Control Union",
};

static const struct {
  const char *scheme;     /* supplier_certificates.scheme */
  const char *tag;        /* in the code */
  const char *label;
  const char *grades[3];
} schemes[] = {
  { "brcgs", "BRC", "BRCGS Food Safety, Issue 9", { "AA", "A", "B" } },
  { "sqf", "SQF", "SQF Food Safety Code, Edition 9", { "Excellent", "Good", "Good" } },
  { "fssc22000", "FSSC", "FSSC 22000, version 6", { NULL, NULL, NULL } },
  { "ifs", "IFS", "IFS Food, version 8", { "Higher level", "Higher level", "Foundation level" } },
  { "primusgfs", "PGFS", "PrimusGFS, version 3.2", { "97 %", "94 %", "91 %" } },
};

/* Suppliers whose main certificate is about to lapse: (supplier, days left). */
static const int expiring[][2] = {
  { 5, 12 },   /* Pfalz Gewürze */
  { 10, 35 },  /* PolyFlex Films */
  { 3, 52 },   /* Levant Chickpea Co. */
};

/* Certificates beyond the main one: (supplier, scheme). */
static const struct {
  guint       supplier;
  const char *scheme;
  const char *tag;
  const char *label;
} extra_certificates[] = {
  { 21, "organic", "ORG", "EU organic production (Regulation (EU) 2018/848)" },
  { 3, "halal", "HAL", "Halal certification" },
  { 1, "kosher", "KOS", "Kosher certification (OU)" },
  { 16, "other", "17025", "ISO/IEC 17025 laboratory accreditation" },
  { 10, "iso9001", "9001", "ISO 9001:2015 quality management" },
};

static gboolean
make_certificate_document (FfDemo      *demo,
                           const char  *code,
                           guint        supplier,
                           const char  *scheme_label,
                           const char  *body,
                           const char  *number,
                           const char  *grade,
                           const char  *issued,
                           const char  *expires,
                           const char  *scope,
                           int          issued_day,
                           GError     **error)
{
  FfRecord *r = ff_record_new (&ff_kind_documents);
  g_autofree char *text = _ff_demo_certificate_text (ff_demo_suppliers[supplier].name,
                                                     ff_demo_suppliers[supplier].country,
                                                     scheme_label, body, number, grade,
                                                     issued, expires, scope);

  _ff_demo_set (r, "code", code);
  _ff_demo_setf (r, "title", "%s certificate — %s", scheme_label, ff_demo_suppliers[supplier].name);
  _ff_demo_set (r, "doc_type", "certificate");
  _ff_demo_set (r, "version", "1");
  _ff_demo_set (r, "status", "effective");
  _ff_demo_set_day (demo, r, "effective_on", issued_day);
  _ff_demo_set (r, "owner", "Ingrid Janssens");
  _ff_demo_set (r, "body", text);
  return _ff_demo_save (demo, r, error);
}

static gboolean
save_certificate (FfDemo      *demo,
                  guint        supplier,
                  const char  *scheme,
                  const char  *tag,
                  const char  *label,
                  const char  *grade,
                  int          expires_day,
                  gboolean     with_document,
                  GError     **error)
{
  FfRecord *r = ff_record_new (&ff_kind_supplier_certificates);
  const char *body = certification_bodies[_ff_demo_int (demo, 0, G_N_ELEMENTS (certification_bodies))];
  int issued_day = expires_day - 365;
  int number = _ff_demo_int (demo, 100000, 9999999);
  char supplier_code[16], issued[16], expires[16];
  g_autofree char *number_s = NULL;
  g_autofree char *scope = NULL;
  gboolean packaging;
  int y, m, d;

  _ff_demo_supplier_code (supplier, supplier_code);
  _ff_demo_ymd (demo, expires_day, &y, &m, &d);
  _ff_demo_format_day (demo, issued_day, issued);
  _ff_demo_format_day (demo, expires_day, expires);
  number_s = g_strdup_printf ("%s-%07d", tag, number);
  packaging = g_str_equal (ff_demo_suppliers[supplier].category, "packaging");
  scope = g_strdup_printf ("%s at the %s site: %s.",
                           packaging ? "Manufacture of food-contact packaging"
                                     : "Production, packing and dispatch of food products",
                           ff_demo_suppliers[supplier].city,
                           packaging ? "printing, laminating and slitting of films and rigid "
                                       "containers"
                                     : "intake, processing, packing and storage of ingredients "
                                       "supplied to food manufacturers");
  _ff_demo_setf (r, "code", "CERT-%s-%s-%04d", supplier_code, tag, y);
  if (with_document)
    {
      g_autofree char *doc = g_strdup_printf ("DOC-CERT-%s-%s", supplier_code, tag);

      if (!make_certificate_document (demo, doc, supplier, label, body, number_s, grade, issued,
                                      expires, scope, issued_day, error))
        {
          g_object_unref (r);
          return FALSE;
        }
      _ff_demo_set (r, "document", _ff_demo_id (demo, &ff_kind_documents, doc));
    }
  _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, supplier_code));
  _ff_demo_set (r, "scheme", scheme);
  _ff_demo_set (r, "certificate_number", number_s);
  _ff_demo_set (r, "certification_body", body);
  _ff_demo_set (r, "grade", grade);
  _ff_demo_set (r, "scope", scope);
  _ff_demo_set (r, "issued_on", issued);
  _ff_demo_set (r, "expires_on", expires);
  return _ff_demo_save (demo, r, error);
}

static gboolean
make_certificates (FfDemo  *demo,
                   GError **error)
{
  for (guint i = 0; i < ff_demo_n_suppliers; i++)
    {
      const char *scheme = ff_demo_suppliers[i].scheme;
      int expires = _ff_demo_int (demo, 75, 420);
      guint grade = (guint) _ff_demo_int (demo, 0, 3);
      gboolean document = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (expiring); k++)
        if (expiring[k][0] == (int) i)
          {
            expires = expiring[k][1];
            document = k == 0;
          }
      if (i == FF_DEMO_SUP_CHILI_FARMS)
        {
          expires = -23;
          document = TRUE;
        }
      for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
        if (g_str_equal (schemes[s].scheme, scheme)
            && !save_certificate (demo, i, scheme, schemes[s].tag, schemes[s].label,
                                  schemes[s].grades[grade], expires, document, error))
          return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra_certificates); i++)
    if (!save_certificate (demo, extra_certificates[i].supplier, extra_certificates[i].scheme,
                           extra_certificates[i].tag, extra_certificates[i].label, NULL,
                           _ff_demo_int (demo, 90, 700), FALSE, error))
      return FALSE;
  return TRUE;
}

/* Materials and allergens ------------------------------------------------------------------ */

/* The supplier's GTIN-13 of a raw material: its company prefix (the first seven digits of its
 * GLN) and the material's number. Packaging materials, and what comes from a supplier without
 * a GS1 membership, have none: the EPCIS export shows what it does then. */
static gboolean
ingredient_gtin (const FfDemoIngredient *ing,
                 char                    buf[16])
{
  const char *gln = ff_demo_suppliers[ing->supplier].gln;
  char digits[13];

  if (gln == NULL || ing->code[0] != 'R')
    return FALSE;
  g_snprintf (digits, sizeof digits, "%.7s%05d", gln, atoi (ing->code + 3));
  g_snprintf (buf, 16, "%s%d", digits, ff_gtin_check_digit (digits));
  return TRUE;
}

static gboolean
make_ingredients (FfDemo  *demo,
                  GError **error)
{
  for (guint i = 0; i < FF_DEMO_N_MATERIALS; i++)
    {
      const FfDemoIngredient *ing = &ff_demo_ingredients[i];
      FfRecord *r = ff_record_new (&ff_kind_ingredients);
      char supplier[16], gtin[16];

      _ff_demo_supplier_code (ing->supplier, supplier);
      _ff_demo_set (r, "code", ing->code);
      if (ingredient_gtin (ing, gtin))
        _ff_demo_set (r, "gtin", gtin);
      _ff_demo_set (r, "name", ing->name);
      _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, supplier));
      _ff_demo_set (r, "unit", ing->unit);
      _ff_demo_set (r, "storage", ing->storage);
      _ff_demo_set_int (r, "shelf_life_days", ing->shelf_life_days);
      _ff_demo_set (r, "country_of_origin", ing->origin);
      _ff_demo_set (r, "on_traceability_list", ing->traceability_list ? "1" : "0");
      _ff_demo_set (r, "specification", ing->specification);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *code;
  const char *name;
  const char *regulation;
  const char *notes;
} allergens[] = {
  { "GLUTEN", "Cereals containing gluten", "eu14_us9", "Wheat is the US major allergen; rye, barley and oats count in the EU." },
  { "CRUSTACEANS", "Crustaceans", "eu14_us9", NULL },
  { "EGGS", "Eggs", "eu14_us9", NULL },
  { "FISH", "Fish", "eu14_us9", NULL },
  { "PEANUTS", "Peanuts", "eu14_us9", "Not handled on any site; peanut-free declaration from every supplier." },
  { "SOYBEANS", "Soybeans", "eu14_us9", NULL },
  { "MILK", "Milk", "eu14_us9", "Only in the cheese seasoning (Eindhoven fryer line)." },
  { "NUTS", "Tree nuts", "eu14_us9", NULL },
  { "CELERY", "Celery", "eu14", NULL },
  { "MUSTARD", "Mustard", "eu14", NULL },
  { "SESAME", "Sesame seeds", "eu14_us9", "Tahini in hummus and baba ganoush; sesame is on both plants' allergen matrix." },
  { "SULPHITES", "Sulphur dioxide and sulphites", "eu14", "Declared above 10 mg/kg as SO2." },
  { "LUPIN", "Lupin", "eu14", NULL },
  { "MOLLUSCS", "Molluscs", "eu14", NULL },
};

static const struct {
  FfDemoMaterial material;
  const char    *allergen;
  const char    *presence;
  const char    *source;
} material_allergens[] = {
  { FF_DEMO_RM_CHEESE_SEASONING, "MILK", "contains", "Cheddar cheese powder; supplier specification" },
  { FF_DEMO_RM_CHILI_SEASONING, "CELERY", "may_contain", "Shared blending line at the supplier" },
  { FF_DEMO_RM_CHILI_SEASONING, "MUSTARD", "may_contain", "Shared blending line at the supplier" },
  { FF_DEMO_RM_PAPRIKA, "CELERY", "may_contain", "Shared blending line at the supplier" },
  { FF_DEMO_RM_TAHINI, "SESAME", "contains", "Sesame paste" },
  { FF_DEMO_RM_CHICKPEAS, "SESAME", "may_contain", "Cooked in a plant that also roasts sesame" },
  { FF_DEMO_RM_LENTIL_FLOUR, "SOYBEANS", "may_contain", "Shared mill; supplier declaration" },
  { FF_DEMO_RM_LENTIL_FLOUR, "GLUTEN", "may_contain", "Shared mill; supplier declaration" },
  { FF_DEMO_RM_WHEAT_FLOUR, "GLUTEN", "contains", "Wheat" },
  { FF_DEMO_RM_WHOLEMEAL, "GLUTEN", "contains", "Wheat" },
  { FF_DEMO_RM_LEMON, "SULPHITES", "contains", "Preservative E223, 120 mg/kg in the concentrate" },
  { FF_DEMO_RM_MASA, "GLUTEN", "free_from", "Dedicated maize mill; tested below 20 mg/kg" },
  { FF_DEMO_RM_SALT, "PEANUTS", "free_from", "Supplier allergen declaration" },
  { FF_DEMO_RM_SUNFLOWER_OIL, "PEANUTS", "free_from", "Dedicated tankers; supplier allergen declaration" },
  { FF_DEMO_RM_RICE_FLOUR, "GLUTEN", "free_from", "Tested below 20 mg/kg" },
};

static gboolean
make_allergens (FfDemo  *demo,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (allergens); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_allergens);

      _ff_demo_set (r, "code", allergens[i].code);
      _ff_demo_set (r, "name", allergens[i].name);
      _ff_demo_set (r, "regulation", allergens[i].regulation);
      _ff_demo_set (r, "notes", allergens[i].notes);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (material_allergens); i++)
    {
      const FfDemoIngredient *ing = &ff_demo_ingredients[material_allergens[i].material];
      FfRecord *r = ff_record_new (&ff_kind_ingredient_allergens);

      _ff_demo_setf (r, "code", "%s-%s", ing->code, material_allergens[i].allergen);
      _ff_demo_set (r, "ingredient", _ff_demo_id (demo, &ff_kind_ingredients, ing->code));
      _ff_demo_set (r, "allergen", _ff_demo_id (demo, &ff_kind_allergens, material_allergens[i].allergen));
      _ff_demo_set (r, "presence", material_allergens[i].presence);
      _ff_demo_set (r, "source", material_allergens[i].source);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_fsq_masters (FfDemo  *demo,
                           GError **error)
{
  return make_suppliers (demo, error)
         && make_certificates (demo, error)
         && make_ingredients (demo, error)
         && make_allergens (demo, error);
}
