/* ff-kinds-private.h — the kind descriptions each workspace module defines. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

/* The flags of every kind's human code. */
#define FF_CODE_FLAGS (FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH \
                       | FF_FIELD_IDENTIFIER)

/* PlantOps (plant-ops/ff-plant-ops-kinds.c, plant-ops/ff-production-kinds.c) */
extern const FfKind ff_kind_plants;
extern const FfKind ff_kind_lines;
extern const FfKind ff_kind_shifts;
extern const FfKind ff_kind_sensors;
extern const FfKind ff_kind_sensor_readings;
extern const FfKind ff_kind_batches;
extern const FfKind ff_kind_trials;
extern const FfKind ff_kind_downtime_events;
extern const FfKind ff_kind_money_leaks;

/* FSQ (fsq/ff-fsq-kinds.c, fsq/ff-fsq-lot-kinds.c, fsq/ff-haccp-kinds.c) */
extern const FfKind ff_kind_suppliers;
extern const FfKind ff_kind_documents;
extern const FfKind ff_kind_supplier_certificates;
extern const FfKind ff_kind_ingredients;
extern const FfKind ff_kind_allergens;
extern const FfKind ff_kind_ingredient_allergens;
extern const FfKind ff_kind_lots;
extern const FfKind ff_kind_lot_links;
extern const FfKind ff_kind_shipments;
extern const FfKind ff_kind_receipts;
extern const FfKind ff_kind_lot_movements;
extern const FfKind ff_kind_recall_exercises;
extern const FfKind ff_kind_haccp_plans;
extern const FfKind ff_kind_ccps;
extern const FfKind ff_kind_ccp_readings;
extern const FfKind ff_kind_deviations;
extern const FfKind ff_kind_capas;

/* Audits, part of FSQ (fsq/ff-audit-kinds.c) */
extern const FfKind ff_kind_audit_templates;
extern const FfKind ff_kind_audit_template_sections;
extern const FfKind ff_kind_audit_template_items;
extern const FfKind ff_kind_audits;
extern const FfKind ff_kind_audit_responses;
extern const FfKind ff_kind_audit_photos;

/* E-signatures, used by lot release, CCP review and audits (signatures/ff-signature-kinds.c) */
extern const FfKind ff_kind_signatures;

/* Planning (planning/ff-planning-kinds.c) */
extern const FfKind ff_kind_forecast_versions;
extern const FfKind ff_kind_forecasts;
extern const FfKind ff_kind_production_plans;
extern const FfKind ff_kind_safety_stocks;
extern const FfKind ff_kind_inventory_levels;

/* Brand (brand/ff-brand-kinds.c) */
extern const FfKind ff_kind_brands;
extern const FfKind ff_kind_products;
extern const FfKind ff_kind_skus;
extern const FfKind ff_kind_co_packers;
extern const FfKind ff_kind_contracts;
extern const FfKind ff_kind_copacker_performance;

/* Retail (retail/ff-retail-kinds.c) */
extern const FfKind ff_kind_banners;
extern const FfKind ff_kind_stores;
extern const FfKind ff_kind_categories;
extern const FfKind ff_kind_pos_sales;
extern const FfKind ff_kind_waste;
extern const FfKind ff_kind_osa_alerts;
extern const FfKind ff_kind_promotions;

G_END_DECLS
