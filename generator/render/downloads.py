"""Downloads: the catalogue as JSON and CSV, and the entry schema.

Reads the clean Catalog. Writes nothing; returns {path: bytes}. data/catalog.json holds
every entry exactly as written in its YAML file (validated), keyed by slug, with the
schema version and each system's computed `maturity` (catalog/schema/export.schema.json
documents the file); data/catalog.csv holds one row per system with the comparison matrix's
columns. Output is deterministic: sorted, no timestamps.
"""
from __future__ import annotations

import csv
import io
import json

from ..catalog import Catalog
from ..maturity import Maturity, rate
from ..model import CORNERS, RISK_DIMENSIONS

CSV_COLUMNS = ["slug", "name", "aliases", "category", "status", "status_since", "token",
               "custody_models", "custody_risks", "consensus", "execution", "data_availability",
               *CORNERS, *(f"risk_{d}" for d in RISK_DIMENSIONS), "maturity_level", "maturity_unmet",
               "maturity_under_review", "website", "reviewed"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading ' stops that."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def maturity_json(maturity: Maturity) -> dict:
    """A system's place on the ladder, as the export schema documents it."""
    return {"level": maturity.level, "unmet": list(maturity.unmet), "under_review": list(maturity.under_review),
            "not_applicable": maturity.not_applicable}


def csv_row(s) -> dict[str, str]:
    maturity = rate(s)
    corners = {c: s.trilemma.corners[c].value if s.trilemma.applies else "not-applicable" for c in CORNERS}
    return {
        "slug": s.slug, "name": s.name, "aliases": "; ".join(s.aliases), "category": s.category,
        "status": s.status.value, "status_since": str(s.status.since),
        "token": s.token.symbol if s.token else "",
        "custody_models": "; ".join(c.model for c in s.custody),
        "custody_risks": "; ".join(c.risk.rating for c in s.custody),
        "consensus": s.consensus.value, "execution": s.execution.value,
        "data_availability": s.data_availability.value, **corners,
        **{f"risk_{d}": s.risks[d].rating for d in RISK_DIMENSIONS},
        "maturity_level": "" if maturity.level is None else str(maturity.level),
        "maturity_unmet": "; ".join(maturity.unmet), "maturity_under_review": "; ".join(maturity.under_review),
        "website": s.website, "reviewed": str(s.reviewed),
    }


def catalog_json(catalog: Catalog) -> bytes:
    document = {
        "schema_version": catalog.schema.get("x-schema-version"),
        "schema": "../schema/project.schema.json",
        "export_schema": "../schema/export.schema.json",
        "systems": [{"slug": s.slug, "entry": catalog.data[s.slug], "maturity": maturity_json(rate(s))}
                    for s in catalog.systems],
    }
    # Compact: Python's C encoder is used only without indent (ten times faster at scale).
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def catalog_csv(catalog: Catalog) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in catalog.systems:
        writer.writerow({k: csv_safe(v) for k, v in csv_row(s).items()})
    return out.getvalue().encode()


def render_downloads(catalog: Catalog, schema_bytes: bytes, export_schema_bytes: bytes) -> dict[str, bytes]:
    return {"data/catalog.json": catalog_json(catalog), "data/catalog.csv": catalog_csv(catalog),
            "schema/project.schema.json": schema_bytes, "schema/export.schema.json": export_schema_bytes}
