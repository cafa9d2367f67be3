/* ff-demo-texts.c — the demo's specifications and HACCP plans, and the certificate and
 * co-packing contract texts filled in for each supplier. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

const char ff_demo_text_spec_salt[] =
  "Scope. This specification covers fine sea salt (material RM-1003) used as an ingredient in "
  "the masa dough and as the topping salt on tortilla chips, vegetable crisps and lentil puffs "
  "in Eindhoven and Gent. It is supplied by Zeeuwse Zoutwinning in 1,000 kg big bags with a "
  "food-grade polyethylene liner, sealed and labelled with the supplier's lot code.\n\n"
  "Composition. Sodium chloride at least 99.5 % on dry matter. Moisture at most 0.3 %. "
  "Insoluble matter at most 0.05 %. No anti-caking agents, no added iodine and no other "
  "additives. Particle size: at least 90 % between 0.2 and 0.8 mm, because coarser crystals "
  "bounce off the chips in the seasoning drum and finer ones dust.\n\n"
  "Contaminants. Lead at most 1 mg/kg, cadmium at most 0.5 mg/kg, mercury at most 0.1 mg/kg "
  "and arsenic at most 0.5 mg/kg, in line with the Codex standard for food grade salt. "
  "Microplastics are monitored by the supplier twice a year and reported to us. The salt is "
  "free from foreign matter larger than 1 mm; the supplier screens at 1.2 mm and passes the "
  "salt over a magnet before packing.\n\n"
  "Allergens and claims. The salt contains none of the fourteen regulated allergens and is "
  "handled in a plant that processes no allergens. It is suitable for vegetarians and vegans "
  "and may be declared as sea salt on the label.\n\n"
  "Delivery and storage. Each delivery comes with a certificate of analysis stating the lot, "
  "sodium chloride, moisture and particle size. Big bags must be intact, dry and free from "
  "pests on arrival; torn bags are rejected. Salt is stored in the dry goods store off the "
  "floor and used first in, first out. One big bag lasts about a month on a fryer line, so a "
  "single salt lot ends up in several hundred finished lots; the lot code must therefore be "
  "scanned every time a bag is hung on the dosing station.\n\n"
  "Shelf life. Five years from production when stored dry and sealed. Opened bags are closed "
  "with a tie and used within four weeks.";

const char ff_demo_text_spec_chips[] =
  "Product. Casa Crunch Tortilla Chips Salted, 200 g, SKU-10010, GTIN 8712345001001. Fried "
  "triangular corn tortilla chips with sea salt, packed in a nitrogen-flushed metallised bag. "
  "Made on the fryer and bagger lines in Eindhoven and Gent.\n\n"
  "Ingredients as labelled. Corn (72 %), high-oleic sunflower oil (26 %), sea salt (1.2 %). "
  "Allergens: none. May be labelled gluten free: every lot of masa flour is tested below "
  "20 mg/kg gluten, and the line does not handle wheat.\n\n"
  "Physical characteristics. Chip thickness 1.3 to 1.6 mm; fewer than 10 % broken chips by "
  "weight; colour within the approved colour card range 3 to 5; no burnt or blistered chips "
  "above 2 % by count. Net weight 200 g, average system per the e-mark directive: the "
  "tolerable negative error is 9 g and the target fill is 203 g, which keeps giveaway near "
  "1.5 %.\n\n"
  "Chemical characteristics. Moisture at most 2.0 %. Fat 24 to 27 %. Salt 1.0 to 1.4 %. Free "
  "fatty acids in the extracted fat at most 0.5 %; peroxide value at most 5 meq/kg at the "
  "end of shelf life. Acrylamide below the EU benchmark level of 750 µg/kg, with an internal "
  "target below 400 µg/kg, checked monthly on each line.\n\n"
  "Microbiological criteria. Salmonella absent in 25 g; Enterobacteriaceae at most 100 cfu/g; "
  "yeasts and moulds at most 1,000 cfu/g. Tested on a composite sample per production week "
  "per line.\n\n"
  "Packaging. Printed metallised OPP film PM-2001; residual oxygen at most 4 % after "
  "flushing, checked hourly with the headspace analyser; seal strength checked at start-up "
  "and after every film change. Twelve bags to a shipping case, 60 cases to a pallet, one lot "
  "code per production hour printed on the bag with the best-before date.\n\n"
  "Shelf life and storage. Best before 26 weeks from production, stored cool and dry, out of "
  "direct sunlight. Minimum remaining shelf life at delivery to the customer's distribution "
  "centre: 16 weeks.\n\n"
  "Nutrition per 100 g. Energy 2,070 kJ / 495 kcal; fat 25 g, of which saturates 2.4 g; "
  "carbohydrate 61 g, of which sugars 1.0 g; fibre 5.2 g; protein 6.5 g; salt 1.2 g.";

const char ff_demo_text_haccp_chips[] =
  "Scope. This plan covers tortilla chips, vegetable crisps and lentil puffs made on the fryer "
  "lines L1 and L7 and packed on the baggers L2 and L8, from the intake of raw materials to "
  "dispatch of finished pallets. The products are ready to eat, low in moisture (water "
  "activity below 0.3) and sold at ambient temperature to the general population, including "
  "children.\n\n"
  "HACCP team. Ingrid Janssens (quality manager, team leader), Pieter van Dijk (production "
  "manager), Koen Wouters (hygiene and sanitation), Anouk Bakker (engineering) and an "
  "operator from each shift. The team was trained in HACCP to level 3.\n\n"
  "Hazard analysis. Biological hazards are Salmonella in seasonings and in the dry "
  "environment after wet cleaning, and pathogens on fresh beetroot and sweet potato, which the "
  "frying step at 175 to 185 °C controls. Chemical hazards are acrylamide, formed at high "
  "frying temperature and controlled by the oil temperature and moisture targets in the "
  "process specification; mycotoxins in maize, controlled through supplier approval and the "
  "certificate of analysis of every masa lot; and undeclared milk from the cheese seasoning, "
  "controlled by the allergen changeover procedure SOP-QA-002. Physical hazards are metal "
  "from the sheeter, the cutter and the weigher, and hard plastic from equipment.\n\n"
  "Critical control points. CCP 1 is metal detection on the baggers (MD-202). Critical limit: "
  "every check detects and rejects the ferrous 2.0 mm, non-ferrous 2.5 mm and stainless "
  "3.0 mm test pieces, checked at start-up, every 60 minutes, at changeover and at the end "
  "of the run. Monitoring, corrective action and verification follow SOP-QA-001: a failed "
  "check puts on hold all product made since the last good check.\n\n"
  "Prerequisite programmes. Frying temperature and residual oxygen are controlled as quality "
  "points; glass and hard plastic, pest control, cleaning (SOP-SAN-004), maintenance and "
  "supplier approval (SOP-QA-005) are managed as prerequisite programmes and verified by the "
  "weekly GMP audit.\n\n"
  "Verification and review. Quality assurance reviews CCP records daily; detectors are "
  "validated yearly; finished product is tested weekly for Salmonella and monthly for "
  "acrylamide. The plan is reviewed yearly and after any change of product, process, line or "
  "supplier.";

const char ff_demo_text_haccp_dips[] =
  "Scope. This plan covers Casa Crunch Salsa Mild and Salsa Hot, hot-filled into glass jars, "
  "and Guacamole Dip, cold-filled into tubs, made on the cook and fill lines L3 and L9. The "
  "salsas are acidified, shelf-stable products with a pH of at most 4.2; the guacamole is a "
  "chilled product made from high-pressure processed avocado and kept at 0 to 5 °C.\n\n"
  "Hazard analysis. Fresh tomatoes, onions and jalapeños may carry Salmonella, Listeria "
  "monocytogenes and pathogenic E. coli; tomatoes and peppers are on the FDA Food Traceability "
  "List. Clostridium botulinum is the hazard of a low-acid product in a sealed jar and is "
  "controlled by acidification to pH 4.2 or below. In guacamole, Listeria is the main hazard; "
  "it is controlled by the supplier's high-pressure process, verified by the certificate of "
  "analysis of every lot, and by chilled storage. Glass is a physical hazard on the jar line; "
  "metal comes from the kettles, the filler and the capper.\n\n"
  "Critical control points. CCP 1, cooking: the salsa reaches at least 90 °C at the core and "
  "is held for at least two minutes before filling, monitored every 30 minutes with a "
  "calibrated probe. CCP 2, acidification: the equilibrium pH of the finished product is at "
  "most 4.2, measured every two hours. CCP 3, metal detection of the filled jars and tubs "
  "with ferrous 2.5 mm, non-ferrous 3.0 mm and stainless 3.5 mm test pieces every 60 minutes. "
  "SOP-PRD-003 gives the monitoring and the corrective actions for CCP 1 and 2, SOP-QA-001 "
  "for CCP 3.\n\n"
  "Glass control. The glass breakage procedure applies: when a jar breaks on the line, the "
  "filler stops, every open jar within two metres is discarded, the area is cleaned and "
  "inspected by the team leader, and the incident is recorded before restarting.\n\n"
  "Verification. Quality assurance reviews the cooking and pH records daily and calibrates "
  "probes and the pH meter against references. Finished salsa is tested monthly for pH, water "
  "activity and a challenge with acid-tolerant spoilage organisms; guacamole is tested weekly "
  "for Listeria at the end of its shelf life. The heat-penetration study is repeated after any "
  "change to the kettles or the recipe.";

const char ff_demo_text_haccp_hummus[] =
  "Scope. This plan covers Levant Kitchen Hummus Classic, Red Pepper and Garlic and Baba "
  "Ganoush, made on the mixer and filler lines L4 and L10 and sold chilled with a shelf life "
  "of 42 days. The products are ready to eat and not heated by the consumer; pregnant women "
  "and elderly people are among the consumers, which makes Listeria monocytogenes the hazard "
  "the plan is built around.\n\n"
  "Hazard analysis. Listeria can enter with cooked chickpeas and aubergine purée and can "
  "establish itself in the wet, cold filling room. It is controlled by buying from approved "
  "suppliers with a Listeria-negative certificate of analysis per lot, by acidifying the "
  "product to a pH of at most 4.6 with lemon juice, by chilling it to 5 °C or below right "
  "after mixing, and by the environmental monitoring programme in the high-care filling room. "
  "Salmonella in tahini is controlled by positive release of each lot on our own analysis. "
  "Sesame is an allergen present in every product of the plan; sulphites come with the lemon "
  "juice concentrate and are declared.\n\n"
  "Critical control points. CCP 1, chilling: the product temperature after the scraped-"
  "surface chiller is at most 5 °C, monitored by the probe TT-401 and checked hourly with a "
  "calibrated hand probe. Product above 5 °C is diverted back to the chiller; product filled "
  "above the limit is held and assessed. CCP 2, metal detection of the filled tubs, as in "
  "SOP-QA-001. CCP 3, label verification: the lidding film and label carry the correct "
  "product name and allergen statement, checked at the start of every batch and every two "
  "hours, because a hummus with the wrong label could reach a consumer allergic to an "
  "allergen it does not declare.\n\n"
  "Verification. Weekly Listeria swabs in the filling room in zones 2 and 3, monthly in zone "
  "1; shelf-life testing of every product each month; daily review of CCP records by quality "
  "assurance; yearly review of the plan.";

const char ff_demo_text_haccp_bread[] =
  "Scope. This plan covers Levant Kitchen Flatbread Original and Wholemeal, made on the oven "
  "lines L5 and L11 from mixing to bagging, and sold at ambient temperature with a shelf life "
  "of 14 days. Flatbread is eaten as it is or warmed by the consumer.\n\n"
  "Hazard analysis. Flour may carry pathogenic E. coli and Salmonella; baking to a core "
  "temperature above 92 °C destroys them and is validated for the thickest flatbread, so it "
  "is controlled as a quality point with continuous oven temperature recording (TT-501) "
  "rather than as a critical control point. Mould growth after baking is controlled by "
  "cooling hygiene in the spiral cooler and by the water activity of the product. Gluten is "
  "present in every product and declared; sesame is not handled on the oven lines and the "
  "sesame-containing hummus is kept in a separate room. Mycotoxins in wheat are controlled "
  "through supplier approval and the certificate of analysis of each flour lot. Metal can "
  "come from the divider, the sheeter and the bag clipper.\n\n"
  "Critical control point. CCP 1 is metal detection of the bagged flatbread, with ferrous "
  "2.0 mm, non-ferrous 2.5 mm and stainless 3.0 mm test pieces, checked at start-up, every "
  "60 minutes, at changeover and at the end of the run, according to SOP-QA-001. A failed "
  "check puts on hold all product made since the last good check.\n\n"
  "Prerequisite programmes. Flour dust is controlled by extraction at the mixer, which also "
  "protects the operators against flour asthma. Pest control pays particular attention to "
  "stored product insects in the flour silo and the dry store. Clips and other small parts "
  "are counted at the start and end of each shift.\n\n"
  "Verification. Oven temperature profiles are reviewed daily, the core temperature is "
  "verified weekly with a data logger run through the oven, detectors are validated yearly, "
  "and the plan is reviewed yearly or after any change of product, process or supplier.";

char *
_ff_demo_certificate_text (const char *supplier,
                           const char *country,
                           const char *scheme,
                           const char *body,
                           const char *number,
                           const char *grade,
                           const char *issued,
                           const char *expires,
                           const char *scope)
{
  return g_strdup_printf (
    "Certificate of registration. %s certifies that the food safety management system of "
    "%s (%s) has been assessed and found to conform to %s. Certificate number %s, grade %s, "
    "issued on %s and valid until %s, subject to the continued satisfactory operation of the "
    "system and to surveillance by %s.\n\n"
    "Scope of certification. %s Exclusions from scope: none. The audit covered the whole site, "
    "including raw material intake, storage, production, packing, dispatch, the laboratory and "
    "the site's documented procedures and records for the twelve months before the audit.\n\n"
    "Summary of the audit. The audit was carried out over two days by a qualified auditor "
    "registered with the scheme owner, with an opening and a closing meeting attended by the "
    "site's senior management. The auditor reviewed the HACCP plan and its critical control "
    "points, the prerequisite programmes for cleaning, pest control, maintenance, allergen "
    "management and foreign body control, supplier approval, traceability, and the site's "
    "food safety culture plan. A vertical audit traced one finished lot from the raw material "
    "intake records through production to dispatch, and a traceability test was completed "
    "within four hours with all quantities accounted for.\n\n"
    "Non-conformities. The non-conformities raised at the audit, with their root causes and "
    "the corrective actions taken, were reviewed and accepted by the certification body before "
    "this certificate was issued. Minor non-conformities concerned the calibration records of "
    "two temperature probes and the frequency of the glass and hard plastic audit in the "
    "packing area.\n\n"
    "Validity. This certificate remains the property of %s. Its validity can be checked in the "
    "scheme owner's public directory under the certificate number. A copy is kept by Demo "
    "Foods quality assurance as part of the supplier approval file, and the expiry date is "
    "monitored in FoodFlow so that a renewed certificate is requested before this one lapses.",
    body, supplier, country, scheme, number, grade ? grade : "not graded", issued, expires, body,
    scope, body);
}

char *
_ff_demo_contract_text (const char *co_packer,
                        const char *country,
                        const char *products,
                        const char *starts,
                        const char *ends,
                        const char *fee,
                        const char *min_volume)
{
  return g_strdup_printf (
    "Parties. This co-packing agreement is made between Demo Foods B.V., Hurksestraat 44, "
    "Eindhoven, the Netherlands (the brand owner), and %s (%s) (the co-packer). It takes effect "
    "on %s and runs until %s, unless ended earlier under the termination clause.\n\n"
    "Products and specifications. The co-packer manufactures and packs %s for the brand owner, "
    "exactly to the finished product specifications, recipes and artwork issued by the brand "
    "owner's quality assurance, as amended in writing from time to time. The co-packer may not "
    "change a raw material, a supplier of a raw material, the process or the site without "
    "written approval from the brand owner.\n\n"
    "Materials and volumes. The brand owner supplies the printed packaging; the co-packer buys "
    "the other raw materials from suppliers approved by the brand owner. The brand owner "
    "commits to a minimum volume of %s per contract year, called off by weekly orders with five "
    "working days' notice. Orders are delivered on time and in full to the distribution centre "
    "named on the order; on-time-in-full performance, right-first-time batches, "
    "non-conformances and complaints are reported monthly and reviewed quarterly in a "
    "scorecard meeting.\n\n"
    "Price. The brand owner pays a conversion fee of %s per unit, covering labour, energy, "
    "overheads and the co-packer's margin. The fee is reviewed once a year against the "
    "published labour and energy indices; any change needs both parties' written agreement.\n\n"
    "Quality and food safety. The co-packer holds a valid GFSI-benchmarked certificate for the "
    "site throughout the agreement and informs the brand owner within 24 hours of any audit "
    "failure, regulatory visit, positive pathogen result or incident that may affect the "
    "products. The brand owner may audit the site with 48 hours' notice, or unannounced after a "
    "serious complaint. Lot coding and traceability records allow every lot to be traced one "
    "step back and one step forward within four hours. Product that does not meet the "
    "specification is held and is not shipped without the brand owner's written release.\n\n"
    "Recall and liability. The co-packer bears the cost of a recall or withdrawal caused by its "
    "own failure to follow the specification or good manufacturing practice, and holds product "
    "liability insurance of at least five million euro.\n\n"
    "Termination. Either party may end the agreement with six months' written notice. The "
    "brand owner may end it with immediate effect when the co-packer loses its certification, "
    "fails an audit and does not recover within 90 days, or repeatedly misses the agreed "
    "service level.",
    co_packer, country, starts, ends ? ends : "further notice", products, min_volume, fee);
}
