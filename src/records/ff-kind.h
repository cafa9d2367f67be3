/* ff-kind.h — the one description of each record kind, which every machinery reads: the
 * repository (CRUD and validation), list models, detail views, forms, CSV and sync. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

#include "ff-role.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

typedef enum {
  FF_FIELD_TEXT,
  FF_FIELD_INTEGER,
  FF_FIELD_REAL,
  FF_FIELD_BOOLEAN,    /* stored 0/1 */
  FF_FIELD_DATE,       /* YYYY-MM-DD */
  FF_FIELD_TIMESTAMP,  /* UTC ISO-8601, "2026-03-01T06:00:00Z" */
  FF_FIELD_ENUM,       /* one of enum_values[].value */
  FF_FIELD_MONEY,      /* integer minor units; the currency is the field named by unit_field */
  FF_FIELD_QUANTITY,   /* real; the unit of measure is the field named by unit_field */
  FF_FIELD_CURRENCY,   /* ISO 4217 code */
  FF_FIELD_UNIT,       /* unit of measure code (kg, g, l, ea, case, ...) */
  FF_FIELD_GTIN,       /* GTIN-8/12/13/14 with a valid check digit, stored as 14 digits */
  FF_FIELD_GLN,        /* GS1 Global Location Number: 13 digits with a valid check digit */
  FF_FIELD_EMAIL,
  FF_FIELD_REF,        /* the id of a record of ref_kind; CSV and forms use its code */
  FF_FIELD_BLOB,       /* binary content (photos, signatures, attachments); not in CSV */
  FF_FIELD_USER,       /* who did something: a user name of the tenant (lower case); a value
                        * recorded before the field named users stays as it was */
} FfFieldType;

typedef enum {
  FF_FIELD_REQUIRED = 1 << 0,
  FF_FIELD_UNIQUE = 1 << 1,   /* no two live records share the value */
  FF_FIELD_LIST = 1 << 2,     /* a column of the record list */
  FF_FIELD_SEARCH = 1 << 3,   /* the list's search box matches it */
  FF_FIELD_MULTILINE = 1 << 4,
  FF_FIELD_REGULATED = 1 << 5, /* a change needs a reason and lands in the audit trail */
  FF_FIELD_READONLY = 1 << 6,  /* set when created, never edited afterwards */
  FF_FIELD_IDENTIFIER = 1 << 7, /* a code: printable characters only, unique regardless of
                                 * case, found by its code whatever the case typed */
  FF_FIELD_DEFAULT_NOW = 1 << 8, /* an event's time or doer: a new record's form starts with
                                  * now (a time) or the signed-in user (a user field) */
} FfFieldFlags;

typedef struct
{
  const char *value;  /* stored */
  const char *label;  /* translatable, N_() */
} FfEnumValue;

typedef struct _FfKind FfKind;
typedef struct _FfRecord FfRecord;
typedef struct _FfRecordRepository FfRecordRepository;
typedef struct _FfActor FfActor;

typedef struct
{
  const char        *name;        /* column name, CSV header */
  const char        *label;       /* N_() */
  FfFieldType        type;
  FfFieldFlags       flags;
  const FfEnumValue *enum_values; /* FF_FIELD_ENUM: terminated by { NULL } */
  const char        *unit_field;  /* FF_FIELD_MONEY / FF_FIELD_QUANTITY: the sibling field */
  const char        *unit;        /* fixed display unit of a number ("units/h", "m²") */
  double             min;         /* range, when min < max */
  double             max;
  guint              max_length;  /* text; 0 means 200 */
  const char        *group;       /* sync field group; fields of one group merge together */
  const char        *hint;        /* N_(), shown under the form field */
  const FfKind      *ref_kind;    /* FF_FIELD_REF: the referenced kind */
  guint              write_roles; /* roles that may change this field (FF_ROLE_BIT), when
                                   * narrower than the kind's; 0: the kind's */
  const char        *default_value; /* what a new record starts with */
  const char        *related_label; /* FF_FIELD_REF, N_(): what the records referring through this
                                     * field are called in the referenced record's detail when
                                     * the kind's label would not say ("Made from"); NULL: the
                                     * kind's label */
} FfField;

/* A selection of a kind's records no single field says ("CCP readings out of limit"), named so
 * an overview's figure can open the list it counts. */
typedef struct
{
  const char *id;     /* "out-of-limit" */
  const char *label;  /* N_("Out of limit") */
  const char *where;  /* SQL over the kind's table as t; "{arg}" stands for the argument */
} FfKindCondition;

typedef enum {
  FF_SYNC_EDITABLE,     /* merged per field (group) by HLC */
  FF_SYNC_APPEND_ONLY,  /* insert-only: readings, responses, signatures */
} FfSyncClass;

struct _FfKind
{
  const char     *name;            /* plural snake_case: "lines" (CLI KIND, stats key) */
  const char     *table;           /* SQL table */
  const char     *label;           /* N_("Lines") */
  const char     *label_singular;  /* N_("Line") */
  const char     *icon_name;
  FfWorkspace     workspace;
  FfSyncClass     sync_class;
  gboolean        regulated;       /* every record is audited: creation is logged, and any
                                    * later change needs a reason */
  const FfField  *fields;          /* terminated by { NULL } */
  const char     *code_field;      /* the human code: unique, used by CSV references */
  const char     *title_field;     /* what names a record in a title */
  const char     *default_sort;
  guint           write_roles;     /* bit (1 << FfRole) per role that may write; admin always */
  const char     *ref_label_field; /* what names a record where another refers to it; NULL:
                                    * the title field */
  const char *const *natural_key;  /* kinds without a code (time series): the fields that
                                    * identify a record, NULL-terminated; unique */
  const char     *duplicate_message; /* N_(), said of a record whose natural key is taken */
  gboolean        indexed_search;  /* a kind that grows with the work: its searchable text
                                    * fields are kept in <table>_search for fast search */
  const char     *nav_group;       /* N_(): the heading its workspace's sidebar lists it under;
                                    * NULL for a child kind */
  const char     *parent_field;    /* a child kind (an audit's responses): the reference to the
                                    * record it belongs to, in whose detail it is listed and
                                    * edited */
  const char *const *title_fields; /* when the title field alone would be a time or an id: the
                                    * fields whose shown values, joined, name a record */
  gboolean        ref_shows_title; /* a reference to it shows its title beside its code (a SKU:
                                    * "SKU-10010 · Tortilla Chips Salted 200 g") */
  const char     *new_label;       /* N_(): "New Line", the title of the form for a new one */
  gboolean        made_by_engine;  /* made by the domain (an e-signature), never typed in a
                                    * form: lists offer no New (and no @new_label) */
  const char     *empty_label;     /* N_(): "No Lines Yet", said of an empty list */
  const FfKindCondition *conditions; /* named selections, terminated by { NULL } */
  /* A rule of the domain on every write, in its transaction, after the values are valid:
   * @current is the record as stored (NULL for an insert), @record as it will be. FALSE with
   * @error refuses the write (a lot released over an open critical deviation). NULL: none. */
  gboolean      (*check_write)  (FfRecordRepository  *repo,
                                 const FfActor       *actor,
                                 FfRecord            *current,
                                 FfRecord            *record,
                                 GError             **error);
  /* What the domain writes with a local write, in its transaction, once the record is stored:
   * @current as it was (NULL for an insert), @record as stored (NULL for a delete). A genealogy
   * link writes the movement of its input lot. Sync applies the records such a hook wrote on
   * another device as they come, and never calls it. FALSE with @error undoes the write. */
  gboolean      (*after_write)  (FfRecordRepository  *repo,
                                 const FfActor       *actor,
                                 FfRecord            *current,
                                 FfRecord            *record,
                                 GError             **error);
};

#define FF_ROLE_BIT(r) (1u << (r))

guint                ff_kind_get_n_fields    (const FfKind *kind);
const FfField       *ff_kind_get_field       (const FfKind *kind,
                                              const char   *name);
int                  ff_kind_get_field_index (const FfKind *kind,
                                              const char   *name);
const char          *ff_kind_get_label       (const FfKind *kind);
const char          *ff_kind_get_label_singular (const FfKind *kind);
/* The named condition @id of @kind, or NULL. */
const FfKindCondition *ff_kind_get_condition (const FfKind *kind,
                                              const char   *id);
/* The kind's phrases, translated. */
const char          *ff_kind_get_new_label   (const FfKind *kind);
const char          *ff_kind_get_empty_label (const FfKind *kind);
const char          *ff_kind_get_nav_group   (const FfKind *kind);
/* The heading of the records of @kind that refer to another through @field. */
const char          *ff_field_get_related_label (const FfKind  *kind,
                                                 const FfField *field);
gboolean             ff_kind_role_can_write  (const FfKind *kind,
                                              FfRole        role);
/* TRUE when @role may set @field of a record of @kind. */
gboolean             ff_field_role_can_write (const FfKind  *kind,
                                              const FfField *field,
                                              FfRole         role);
/* TRUE when a change to @field of a record of @kind needs a reason and lands in the audit
 * trail: a regulated kind, or a regulated field. */
gboolean             ff_field_is_regulated   (const FfKind  *kind,
                                              const FfField *field);
/* The kind a FF_FIELD_REF field points to. */
const FfKind        *ff_field_get_ref_kind   (const FfField *field);

const char          *ff_field_get_label      (const FfField *field);
/* The translated label of an enum value, or @value itself. */
const char          *ff_field_get_enum_label (const FfField *field,
                                              const char    *value);

/* Checks and normalises one value (trims, canonical number/date/boolean form). Returns the
 * normalised value (NULL for an empty optional value) or sets @error with a message that names
 * what is wrong in words a person can act on. */
gboolean             ff_field_normalize      (const FfField  *field,
                                              const char     *input,
                                              char          **out_value,
                                              GError        **error);
/* How the stored @value reads in a list or detail view ("12.50 EUR", "Running", "Yes"). The
 * @unit_value is the value of the field's unit_field, if any. */
char                *ff_field_format         (const FfField *field,
                                              const char    *value,
                                              const char    *unit_value);
/* Digits after the decimal point of a currency's major unit (2 for EUR, 0 for JPY). */
int                  ff_currency_get_exponent (const char *currency);
/* The shortest decimal text that reads back as @d ("0.1", not "0.10000000000000001"; "100",
 * not "100.0"), in @buf of @size (G_ASCII_DTOSTR_BUF_SIZE); how numbers are kept as text. */
const char          *ff_decimal_shortest     (char          *buf,
                                              gsize          size,
                                              double         d);
/* TRUE when the column sorts as a number. */
gboolean             ff_field_is_numeric     (const FfField *field);
/* TRUE when two normalised stored values of @field are the same value (numbers by value, so
 * "12" and "12.0" are equal; codes regardless of case, as FF_CODE compares them). */
gboolean             ff_field_values_equal   (const FfField *field,
                                              const char    *a,
                                              const char    *b);

G_END_DECLS
