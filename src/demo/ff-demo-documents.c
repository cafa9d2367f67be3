/* ff-demo-documents.c — the demo's controlled documents: the food safety policy and the
 * standard operating procedures, written out in full so that search and the copilot can quote
 * them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

static const char policy[] =
  "Demo Foods makes tortilla chips, vegetable crisps, dips, hummus and flatbread for retailers "
  "in the Netherlands, Belgium and the United Kingdom. Everything we make must be safe, legal "
  "and exactly what the label says. This policy states how we keep that promise at the "
  "Eindhoven and Gent plants and at the co-packers that work for us.\n\n"
  "Food safety comes before output, cost and delivery. Every employee, temporary worker and "
  "contractor has the authority and the duty to stop a line when product may be unsafe, and "
  "nobody will be blamed for stopping a line in good faith. Supervisors restart a stopped line "
  "only after quality assurance has agreed what happens to the product made since the last "
  "good check.\n\n"
  "We run a food safety management system certified to BRCGS Food Safety, built on HACCP "
  "principles and supported by prerequisite programmes for hygiene, pest control, maintenance, "
  "allergen management, foreign body control, supplier approval and training. Each HACCP plan "
  "is reviewed at least once a year by the multidisciplinary HACCP team, and immediately "
  "whenever a recipe, a supplier, a line or the intended consumer changes.\n\n"
  "We buy only from approved suppliers whose certificates are valid, and we verify what they "
  "deliver. We keep full traceability from every raw material lot to every finished lot and "
  "the customers that received it, and we prove it with a mock recall at least twice a year, "
  "completed within four hours.\n\n"
  "We set measurable objectives every year: zero product recalls, fewer than two consumer "
  "complaints per million packs, no critical non-conformities at certification audits, CAPAs "
  "closed on time, and scrap and giveaway below the targets agreed for each line. Progress is "
  "reviewed monthly by the management team and shared on the notice boards of both plants.\n\n"
  "We build a food safety culture in which people speak up. New starters are trained before "
  "they work unsupervised, refresher training is given every year, and every near miss is "
  "reported and discussed without blame. The managing director reviews this policy every "
  "year and signs it on behalf of the management team.";

static const char sop_metal_detection[] =
  "Purpose. This procedure describes how line operators verify that the metal detectors on the "
  "packing lines reject contaminated packs, and what to do when a check fails. Metal detection "
  "is a critical control point in the HACCP plans for fried snacks, dips, hummus and flatbread. "
  "It applies to detectors MD-202 on the chips baggers, MD-402 on the hummus fillers, and the "
  "detectors on the salsa and flatbread lines in Eindhoven and Gent.\n\n"
  "Test pieces. Use only the certified test pieces kept in the locked box at the line: ferrous "
  "2.0 mm, non-ferrous 2.5 mm and stainless steel 316 3.0 mm for chips and flatbread; ferrous "
  "2.5 mm, non-ferrous 3.0 mm and stainless 3.5 mm for jars and tubs, whose product effect is "
  "larger. Each test piece is embedded in a labelled card and counted at the start and end of "
  "every shift. A missing test piece is a foreign body incident: stop the line and call the "
  "shift supervisor.\n\n"
  "When to check. Check at the start of production, after every product changeover, after any "
  "repair or adjustment of the detector or the reject mechanism, every 60 minutes during "
  "production, and at the end of the run. The hourly interval is the critical limit for "
  "frequency: a check that is more than 60 minutes late counts as a failed check.\n\n"
  "How to check. Place each test piece in turn on top of a pack in the middle of the belt, then "
  "inside the leading edge and the trailing edge of a pack, and let it pass through the aperture "
  "at normal line speed. The pack must be rejected into the locked reject bin and the reject "
  "confirmation light must show. Open the bin with the key held by the team leader, remove the "
  "test pack and record the result in FoodFlow as a CCP reading: 1 for pass, 0 for fail, with "
  "your initials and the detector number. Check that the bin-full sensor and the belt-stop "
  "alarm work once per shift.\n\n"
  "When a check fails. Stop the line immediately. Put on hold every pack made since the last "
  "good check: mark the pallets with red hold labels and set the lots to hold in FoodFlow. "
  "Raise a deviation of category critical limit missed, naming the CCP and the lots. The "
  "engineer repairs or re-tunes the detector; the line restarts only after three consecutive "
  "passes with all three test pieces. Everything on hold is passed through a verified detector "
  "again before quality assurance releases it; packs rejected on the second pass are opened "
  "and examined, and the finding recorded on the deviation.\n\n"
  "Records and verification. The team leader reviews the CCP readings of the shift before "
  "signing the shift report. Quality assurance reviews the records daily, audits one check per "
  "line each week, and has the detectors validated yearly by the manufacturer. Records are kept "
  "for two years beyond the shelf life of the product.";

static const char sop_allergen_changeover[] =
  "Purpose. This procedure prevents undeclared allergens reaching a product when a line changes "
  "from a product that contains an allergen to one that does not. It covers the milk in the "
  "cheese seasoning on the Eindhoven fryer line, sesame in the hummus and baba ganoush lines, "
  "and gluten on the flatbread lines. The allergen matrix on the quality notice board lists "
  "which products contain or may contain each of the fourteen regulated allergens.\n\n"
  "Planning. The production planner sequences products from allergen-free to allergen-"
  "containing within a shift wherever possible, so that an allergen clean is needed at most "
  "once a day. Tortilla Chips Cheese is scheduled last on the Eindhoven fryer and bagger, "
  "followed by the nightly full clean. When a changeover from an allergen-containing product "
  "to a product without that allergen cannot be avoided, the planner books 60 minutes for the "
  "allergen clean in the production plan.\n\n"
  "The clean. Run the line empty and remove all product, seasoning and packaging of the "
  "previous run from the area, including the seasoning hopper, the drum and the open bags on "
  "the weigher. Dry-clean with dedicated yellow allergen brushes and the vacuum cleaner; never "
  "use compressed air, which spreads powder. Dismantle the seasoning applicator, the scarf "
  "plate and the weigher buckets and wash them in the parts washer at 60 °C with the "
  "alkaline detergent. Wipe down the frame, the guards and the conveyor belt with a damp cloth "
  "and detergent, then with potable water.\n\n"
  "Verification. The team leader inspects the line with a torch, paying attention to the "
  "dead spots listed on the line's inspection card, and signs the changeover record. Quality "
  "assurance then swabs five points named on the card with the protein swab test and, for milk "
  "and sesame, the specific lateral-flow test. The line may restart only when every swab is "
  "negative. A positive swab means the clean is repeated and the swabs taken again.\n\n"
  "Label check. Before the first packs of the new product leave the line, the operator checks "
  "that the film or label on the line is the right artwork for the product, with the correct "
  "allergen statement in bold, and records the check. The first pack is kept as the line "
  "sample for the run.\n\n"
  "Records. The changeover, the swab results and the label check are recorded in FoodFlow "
  "against the batch. A failed verification is raised as a deviation of category allergen. "
  "The allergen management procedure is validated yearly by laboratory analysis of the first "
  "packs after a clean.";

static const char sop_cooking_ccp[] =
  "Purpose. Salsa is an acidified, hot-filled product. The cooking step destroys vegetative "
  "pathogens such as Salmonella and Listeria monocytogenes carried in on fresh tomatoes, onions "
  "and jalapeños, and the hot fill with an inverted cool-down sterilises the jar and the lid. "
  "This procedure covers the kettles and the jar filler of the salsa cook and fill lines in "
  "Eindhoven and Gent.\n\n"
  "Critical limits. The salsa must reach a core temperature of at least 90 °C and be held at "
  "that temperature for at least two minutes before filling, and the equilibrium pH of the "
  "finished product must not exceed 4.2. Filling temperature must not fall below 85 °C. The "
  "kettle temperature probe TT-301 gives a continuous reading on the panel; the critical limit "
  "is verified with the calibrated hand-held probe.\n\n"
  "Monitoring. Every 30 minutes the operator takes the core temperature of the salsa in the "
  "kettle at the outlet with the calibrated probe, waits until the reading is stable, and "
  "records it in FoodFlow with the probe number and initials. Every two hours the operator "
  "takes a sample from the filler and measures the pH with the bench meter after two-point "
  "calibration with pH 4.0 and 7.0 buffers. Probes are checked against the reference "
  "thermometer in ice water and boiling water every morning; a probe more than 0.5 °C out is "
  "taken out of use.\n\n"
  "Corrective action. When the core temperature is below 90 °C, stop filling and keep heating "
  "the kettle until the salsa has held at least 90 °C for two minutes, then record a new "
  "reading. Jars filled since the last good reading are put on hold and assessed by quality "
  "assurance; they are either re-processed by emptying and re-cooking the salsa, or destroyed. "
  "When the pH is above 4.2, stop the filler, check the citric acid addition against the batch "
  "sheet and the scale, correct the batch with citric acid under the supervision of the team "
  "leader and measure again. Raise a deviation for every critical limit that was missed.\n\n"
  "Verification. The team leader reviews the cooking records at the end of each batch. Quality "
  "assurance reviews all records daily, calibrates the reference thermometer every year at an "
  "accredited laboratory, and has finished product tested monthly for pH and water activity. "
  "The process was validated with a heat-penetration study in the slowest-heating zone of the "
  "kettle, which is repeated after any change to the kettles or the recipe.";

static const char sop_cleaning[] =
  "Purpose. This procedure describes the daily cleaning and sanitation of the tortilla chips "
  "fryer, the seasoning drum and the bagger. The fryer area is a low-moisture environment: most "
  "cleaning is dry, and water is used only where it is written here, because standing water "
  "in a dry area encourages Salmonella and other organisms to grow.\n\n"
  "Safety first. Cleaning starts only after the fryer has been switched off and the oil has "
  "cooled below 60 °C. The operator locks out the fryer, the conveyors, the seasoning drum and "
  "the bagger at the isolators and puts their personal padlock and tag on each. Hot oil burns "
  "are the most serious injury risk in the plant: wear the face shield, the heat-resistant "
  "gloves and the apron for every task near the fryer.\n\n"
  "Fryer. Remove the fines from the oil with the skimmer and empty the fines bin. Drain the oil "
  "to the filter only when the oil is due for filtering according to the oil quality record "
  "(free fatty acids above 0.5 % or total polar compounds above 24 %). Scrape carbon from the "
  "hood and the take-out conveyor with plastic scrapers. Once a week the fryer is boiled out "
  "with the caustic cleaner at 90 °C for two hours, rinsed twice with water, dried and "
  "re-filled with fresh oil; the rinse water must show neutral pH before the fryer is "
  "closed.\n\n"
  "Seasoning drum and bagger. Brush and vacuum the drum, the seasoning applicator and the "
  "conveyors with the dedicated brushes. Wash the removable parts in the parts washer and let "
  "them dry on the rack before fitting them again. Vacuum the weigher, open the buckets and "
  "wipe them with the alcohol-based sanitiser, which leaves no water behind. Wipe the forming "
  "collar and the sealing jaws once they are cold.\n\n"
  "Inspection and release. The team leader inspects the cleaned equipment against the "
  "inspection card, removes the locks only after all tools and cloths have been counted back, "
  "and signs the cleaning record. Quality assurance takes ATP swabs at five points on the "
  "bagger each week; a result above 150 RLU means the area is cleaned again. Environmental "
  "swabs for Salmonella are taken monthly in the fryer area according to the environmental "
  "monitoring plan.\n\n"
  "Chemicals. Only chemicals approved for food areas and supplied by CleanChem Hygiene are "
  "used, at the concentrations on the wall chart. Chemicals are kept in the locked chemical "
  "store and decanted only into labelled containers.";

static const char sop_supplier_approval[] =
  "Purpose. Raw materials, packaging and services that can affect food safety are bought only "
  "from approved suppliers. This procedure describes how a supplier is approved, how it is "
  "monitored, and when it is suspended. It applies to purchasing, quality assurance and the "
  "co-packers that buy on our behalf.\n\n"
  "Risk assessment. Before a new material is bought, quality assurance assesses its risk: "
  "microbiological, chemical, physical, allergen, fraud and origin risks, and whether the "
  "material is on the FDA Food Traceability List. The result is low, medium or high risk and "
  "decides the approval route and how often the supplier is reviewed.\n\n"
  "Approval. Every supplier completes the supplier questionnaire and provides a valid GFSI-"
  "benchmarked certificate (BRCGS, IFS, FSSC 22000, SQF or PrimusGFS) whose scope covers the "
  "material, with the latest audit report. High-risk suppliers without such a certificate, or "
  "with a recent serious finding, are audited on site by our own auditors with the supplier "
  "audit template before the first delivery. Specifications are agreed and signed before "
  "approval. The approval is recorded in FoodFlow as approved, conditionally approved (with "
  "the conditions written in the notes) or pending.\n\n"
  "Monitoring. Certificates are tracked in FoodFlow with their expiry dates. Purchasing and "
  "quality assurance receive a warning 60 days before a certificate expires and ask the "
  "supplier for the new one. A supplier whose certificate has expired is suspended until a "
  "valid certificate is received; no new orders are placed and deliveries are refused at "
  "the gate. Each delivery is checked on arrival against the specification and the "
  "certificate of analysis, and non-conforming deliveries are rejected and recorded as a "
  "deviation of category supplier. Every year the supplier's performance is reviewed: "
  "deliveries rejected, complaints, audit results and the timeliness of corrective actions.\n\n"
  "Suspension and delisting. A supplier is suspended when its certificate lapses, when it "
  "fails an audit, when a material it delivered caused a product hold or a recall, or when it "
  "does not close corrective actions on time. Quality assurance records the reason in the "
  "supplier's notes, informs purchasing the same day, and identifies an alternative supplier. "
  "A suspended supplier is approved again only after an on-site audit.\n\n"
  "Emergency purchases. When an unapproved supplier must be used, the quality manager may "
  "approve a single delivery after reviewing the certificate of analysis; the lot is tested "
  "before use and the supplier goes through the full approval within 30 days.";

static const char sop_hold_release[] =
  "Purpose. This procedure makes sure that product whose safety or quality is in doubt cannot "
  "be used or shipped until a competent person has decided what happens to it. It applies to "
  "raw materials, work in progress and finished goods in both plants and in the warehouses "
  "that ship for us.\n\n"
  "Putting product on hold. Anyone may put product on hold. Mark every pallet with a red HOLD "
  "label giving the reason, the date and your name, move it to the hold area when it can be "
  "moved safely, and set the lots to hold in FoodFlow with the reason. A lot on hold cannot "
  "be picked for an order: the warehouse system blocks it. Raise a deviation unless the hold "
  "is the routine positive release of a raw material, and link the lots to it.\n\n"
  "Positive release. Some materials are held until test results are known. Tahini is held "
  "until our own Salmonella analysis of 375 g is negative; fresh cooked chickpeas are held "
  "until the Listeria result of the supplier's certificate of analysis has been checked. "
  "These lots arrive in quarantine status and are released by quality assurance.\n\n"
  "Assessment. Quality assurance decides the disposition of held product within five working "
  "days, based on the deviation investigation. The options are: release, when the "
  "investigation shows the product is safe and legal; rework, when a validated rework process "
  "makes it safe, such as passing packs through a verified metal detector again; destroy, "
  "when the product cannot be made safe; and return to the supplier for raw materials. The "
  "decision, the evidence and the name of the person deciding are recorded on the deviation, "
  "and the lot status in FoodFlow is changed with the reason.\n\n"
  "Release. Only quality assurance may release a lot from hold. The red labels are removed "
  "by the person who releases the lot, and the release is recorded in the lot's audit trail. "
  "Product that has been reworked is released only after the rework has been recorded and "
  "checked.\n\n"
  "Destruction. Product to be destroyed is denatured so that it cannot re-enter the food "
  "chain and collected by the licensed waste contractor; the waste transfer note is filed "
  "with the deviation. Product containing animal by-products, such as the cheese seasoning, is "
  "disposed of as category 3 material.";

static const char sop_traceability[] =
  "Purpose. We must be able to trace every finished lot back to the raw material lots that "
  "went into it and forward to every customer that received it, within four hours, so that a "
  "recall can be targeted and fast. This procedure describes how lots are coded and recorded, "
  "and how we test the system with a mock recall.\n\n"
  "Lot codes. Raw materials keep the supplier's lot code, recorded at goods receipt together "
  "with the supplier, quantity, receiving location and the delivery documents. Work in "
  "progress gets a lot code per batch from the line and shift, and finished goods per line "
  "and production hour, printed on every pack with the best-before date. A traceability lot "
  "code is assigned only when a product is made or first received, never at shipping, as FDA "
  "FSMA section 204 requires for foods on the Food Traceability List such as fresh tomatoes "
  "and peppers.\n\n"
  "Recording. Each transformation is recorded in FoodFlow as one link per input lot, with the "
  "quantity used, the time, the location and the production order. Operators scan the lot "
  "label of every raw material they tip into the process; a material that is not scanned "
  "cannot be booked. Shipments record the lot, quantity, ship-from and ship-to locations, date "
  "and delivery note. Records are kept for at least two years beyond the shelf life.\n\n"
  "Mock recall. Twice a year, and whenever the recall team changes, quality assurance runs a "
  "mock recall without warning: once forward from a raw material lot and once backward from a "
  "finished lot chosen by the auditor. The clock starts when the lot is named. The team traces "
  "the lot through FoodFlow, reconciles quantities so that produced equals shipped plus in "
  "stock plus scrapped plus sampled, and contacts the first customer in the list to confirm "
  "their records. The target is 100 % of the quantity accounted for within four hours; every "
  "gap is explained in the report.\n\n"
  "Recall. In a real recall the managing director leads the recall team. The team informs the "
  "food safety authority (NVWA in the Netherlands, FAVV in Belgium, FSA in the United Kingdom) "
  "and the affected customers within 24 hours, and records every action and decision in the "
  "incident log.";

const FfDemoDocument ff_demo_documents[] = {
  { "POL-FS-001", "Food safety and quality policy", "policy", "4", "Hanneke Verbeek", -210, policy },
  { "SOP-QA-001", "Metal detector verification", "sop", "7", "Ingrid Janssens", -160, sop_metal_detection },
  { "SOP-QA-002", "Allergen changeover and cleaning verification", "sop", "5", "Ingrid Janssens", -95, sop_allergen_changeover },
  { "SOP-PRD-003", "Salsa cooking and pH, critical control point", "sop", "3", "Pieter van Dijk", -300, sop_cooking_ccp },
  { "SOP-SAN-004", "Cleaning and sanitation of the fryer, seasoning drum and bagger", "sop", "6", "Koen Wouters", -120, sop_cleaning },
  { "SOP-QA-005", "Supplier approval and monitoring", "sop", "4", "Ingrid Janssens", -250, sop_supplier_approval },
  { "SOP-QA-006", "Hold, release and disposition of product", "sop", "3", "Ingrid Janssens", -180, sop_hold_release },
  { "SOP-QA-007", "Traceability and mock recall", "sop", "5", "Ingrid Janssens", -140, sop_traceability },
  { "SPEC-RM-1003", "Raw material specification: sea salt, fine", "spec", "2", "Lotte Maes", -400, ff_demo_text_spec_salt },
  { "SPEC-FG-10010", "Finished product specification: Casa Crunch Tortilla Chips Salted 200 g", "spec", "6", "Marta Jiménez", -75, ff_demo_text_spec_chips },
  { "HACCP-CHIPS", "HACCP plan: fried snacks", "haccp_plan", "9", "Ingrid Janssens", -150, ff_demo_text_haccp_chips },
  { "HACCP-DIPS", "HACCP plan: salsa and guacamole", "haccp_plan", "6", "Ingrid Janssens", -190, ff_demo_text_haccp_dips },
  { "HACCP-HUMMUS", "HACCP plan: hummus and baba ganoush", "haccp_plan", "7", "Ingrid Janssens", -170, ff_demo_text_haccp_hummus },
  { "HACCP-BREAD", "HACCP plan: flatbread", "haccp_plan", "4", "Ingrid Janssens", -230, ff_demo_text_haccp_bread },
};

const guint ff_demo_n_documents = G_N_ELEMENTS (ff_demo_documents);

gboolean
_ff_demo_make_documents (FfDemo  *demo,
                         GError **error)
{
  for (guint i = 0; i < ff_demo_n_documents; i++)
    {
      const FfDemoDocument *doc = &ff_demo_documents[i];
      FfRecord *r = ff_record_new (&ff_kind_documents);

      _ff_demo_set (r, "code", doc->code);
      _ff_demo_set (r, "title", doc->title);
      _ff_demo_set (r, "doc_type", doc->doc_type);
      _ff_demo_set (r, "version", doc->version);
      _ff_demo_set (r, "status", "effective");
      _ff_demo_set_day (demo, r, "effective_on", doc->effective_day);
      _ff_demo_set_day (demo, r, "review_due", doc->effective_day + (i % 5 == 3 ? 200 : 365));
      _ff_demo_set (r, "owner", doc->owner);
      _ff_demo_set (r, "body", doc->body);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}
