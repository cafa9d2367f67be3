#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-epcis-schema.py SCHEMA — the demo tenant's whole EPCIS export, made by foodflow-cli,
validates against GS1's EPCIS 2.0 JSON Schema with ajv-cli + ajv-formats; a broken copy of it
does not (so the validator really looks); its identifiers carry valid check digits; a --lot
export holds that lot's events and validates too. Speaks TAP.

Environment: FOODFLOW_CLI (the binary), FOODFLOW_AJV (ajv-cli, from BUILD_DIR/npm: run
tools/bootstrap BUILD_DIR), FOODFLOW_NOW and TZ as every test has them."""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SCALE = "0.01"
# The Recommendation 20 codes the export writes (ff_epcis_uom_for_unit); None: a count.
UN_CEFACT = {None, "KGM", "GRM", "MGM", "TNE", "LBR", "LTR", "MLT", "CLT", "HLT", "MTR", "CMT",
             "MMT", "MTK", "MTQ", "XCS", "XBX", "XBG", "XPX"}
TENANT = "Demo Foods"
results = []


def check(ok, name, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + f" {len(results)} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:40]:
            print("# " + line)


def cli(data_dir, *args):
    env = dict(os.environ, FOODFLOW_PASSWORD="demo")
    return subprocess.run([os.environ["FOODFLOW_CLI"], "--data-dir", data_dir, *args],
                          env=env, capture_output=True, text=True)


def ajv(schema, path):
    return subprocess.run([os.environ["FOODFLOW_AJV"], "validate", "--spec=draft7",
                           "-c", "ajv-formats", "-s", schema, "-d", path],
                          capture_output=True, text=True,
                          cwd=os.path.dirname(os.environ["FOODFLOW_AJV"]))


def gs1_check_ok(digits):
    body, check_digit = digits[:-1], int(digits[-1])
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check_digit


def events_of(doc):
    return doc["epcisBody"]["eventList"]


def classes_of(event):
    for key in ("quantityList", "inputQuantityList", "outputQuantityList"):
        for q in event.get(key, []):
            yield q


def main():
    schema = os.path.abspath(sys.argv[1])
    ajv_path = os.environ.get("FOODFLOW_AJV", "")
    print("TAP version 13")
    if not os.access(ajv_path, os.X_OK):
        # Not a skip: without ajv this test would prove nothing, and CI installs it.
        print(f"Bail out! ajv-cli not found at {ajv_path!r}: run tools/bootstrap BUILD_DIR, "
              "which installs ajv-cli and ajv-formats into BUILD_DIR/npm")
        return 1
    work = tempfile.mkdtemp(prefix="ff-test-epcis-")
    try:
        data_dir = os.path.join(work, "data")
        r = cli(data_dir, "demo", "--scale", SCALE)
        check(r.returncode == 0, "the demo tenant is made", r.stderr)
        if r.returncode != 0:
            return 1

        # ajv-cli picks its parser by extension and knows no .jsonld.
        whole = os.path.join(work, "demo.json")
        r = cli(data_dir, "epcis", TENANT, "--user", "demo", "-o", whole)
        check(r.returncode == 0, "epcis exports the whole demo", r.stderr)
        if r.returncode != 0:
            return 1
        summary = r.stderr.strip().splitlines()[-1]
        print("# " + summary)
        gaps = [line for line in r.stderr.splitlines() if ": gap: " in line]
        check(all("GLN" in g or "GTIN" in g for g in gaps), "every gap is a missing GLN or GTIN",
              "\n".join(gaps))

        v = ajv(schema, whole)
        check(v.returncode == 0 and "valid" in v.stdout + v.stderr,
              "the whole export validates against GS1's EPCIS 2.0 schema", v.stdout + v.stderr)

        with open(whole, encoding="utf-8") as f:
            doc = json.load(f)
        events = events_of(doc)
        steps = {}
        for e in events:
            steps[(e["type"], e.get("bizStep"))] = steps.get((e["type"], e.get("bizStep")), 0) + 1
        check(steps.get(("ObjectEvent", "receiving"), 0) > 0
              and steps.get(("ObjectEvent", "shipping"), 0) > 0
              and steps.get(("TransformationEvent", "commissioning"), 0) > 0,
              "receiving, shipping and transformation events are there", steps)
        check(f"{len(events)} EPCIS events" in summary, "the summary counts the events written",
              summary)
        times = [(e["eventTime"], e["eventTimeZoneOffset"]) for e in events]
        check(all(t.endswith(o) and o in ("+01:00", "+02:00") for t, o in times),
              "every event is in the plants' zone, with its offset at that instant",
              [t for t in times if not t[0].endswith(t[1])][:5])
        check(len({e["eventID"] for e in events}) == len(events), "event ids are unique")

        bad = []
        for e in events:
            for q in classes_of(e):
                m = re.match(r"^https://id\.gs1\.org/01/(\d{14})/10/[^/]+$", q["epcClass"])
                if m and not gs1_check_ok(m.group(1)):
                    bad.append(q["epcClass"])
                if q.get("uom") not in UN_CEFACT:
                    bad.append(q.get("uom"))
            for ref in [e.get("readPoint", {}).get("id", "")] + \
                       [s["source"] for s in e.get("sourceList", [])] + \
                       [d["destination"] for d in e.get("destinationList", [])]:
                m = re.match(r"^https://id\.gs1\.org/414/(\d+)$", ref)
                if m and not (len(m.group(1)) == 13 and gs1_check_ok(m.group(1))):
                    bad.append(ref)
        check(not bad, "GTINs and GLNs carry valid check digits; units are UN/CEFACT codes or a count",
              bad[:10])
        glns = sum(1 for e in events if e["readPoint"]["id"].startswith("https://id.gs1.org/414/"))
        check(glns == len(events), "every event's place is a GLN (the demo has them all)")
        shipped = [e for e in events if e.get("bizStep") == "shipping"]
        check(all(d["destination"].startswith("https://id.gs1.org/414/")
                  for e in shipped for d in e["destinationList"]),
              "every recipient is a GLN (stores and distribution centres)")
        check(all(t.get("type") in ("desadv", "bol", "inv", "po", "prodorder")
                  for e in events for t in e.get("bizTransactionList", [])),
              "business transactions use CBV 2.0 types")

        # The validator must refuse what is wrong: CBV 1.x URNs where 2.0 wants bare words, a
        # missing time zone offset, a unit that is no UN/CEFACT code, an unprefixed extension.
        for name, breaks in [
            ("a CBV 1.x bizStep URN", lambda e: e.update(bizStep="urn:epcglobal:cbv:bizstep:shipping")),
            ("no eventTimeZoneOffset", lambda e: e.pop("eventTimeZoneOffset")),
            ("a unit that is no code", lambda e: e["quantityList"][0].update(uom="kg")),
            ("an extension outside any namespace", lambda e: e.update(tlcSource="x")),
        ]:
            broken = copy.deepcopy(doc)
            target = next(e for e in events_of(broken) if e.get("bizStep") == "receiving")
            breaks(target)
            path = os.path.join(work, "broken.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(broken, f)
            v = ajv(schema, path)
            check(v.returncode != 0, f"ajv refuses an export with {name}", v.stdout + v.stderr)

        # One finished lot: its own events and those of the lots traced from it.
        finished = next(e for e in shipped)
        lot_code = finished["ff:traceabilityLotCode"]
        one = os.path.join(work, "lot.json")
        r = cli(data_dir, "epcis", TENANT, "--user", "demo", "--lot", lot_code, "-o", one)
        check(r.returncode == 0, "epcis --lot exports one lot's trace", r.stderr)
        with open(one, encoding="utf-8") as f:
            lot_doc = json.load(f)
        lot_events = events_of(lot_doc)
        check(0 < len(lot_events) < len(events)
              and any(e.get("ff:traceabilityLotCode") == lot_code for e in lot_events)
              and any(e["type"] == "TransformationEvent" for e in lot_events)
              and any(e.get("bizStep") == "receiving" for e in lot_events),
              "the lot's export holds its shipments, what made it and the receipts of its inputs",
              [(e["type"], e.get("bizStep")) for e in lot_events][:20])
        v = ajv(schema, one)
        check(v.returncode == 0, "the lot's export validates", v.stdout + v.stderr)

        # Without -o the document goes to standard output, the summary to standard error.
        r = cli(data_dir, "epcis", TENANT, "--user", "demo", "--lot", lot_code)
        check(r.returncode == 0 and json.loads(r.stdout) == lot_doc,
              "without -o the same document goes to standard output", r.stderr)
        for args, what in [(["--lot", "NO-SUCH-LOT"], "NO-SUCH-LOT"),
                           (["--from", "2026-13-01"], "2026-13-01"),
                           (["--from", "2026-11-02", "--to", "2026-11-01"], "2026-11-02")]:
            r = cli(data_dir, "epcis", TENANT, "--user", "demo", *args, "-o", one)
            check(r.returncode == 1 and what in r.stderr and r.stdout == "",
                  f"epcis {' '.join(args)} fails with one line naming it", r.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
