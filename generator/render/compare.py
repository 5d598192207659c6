"""The compare page: chosen systems side by side, in columns, every cell sourced.

Reads the clean Catalog. Writes nothing; returns {path: text}. The page itself
(compare.md) is a plain page with a list of every system, readable and useful without
JavaScript; site_overrides' compare.js builds the columns from the selection in the URL
(`compare/?systems=liquid,rootstock`). Its data are files of the site's own: one small
index per language (names and the row labels) and one file per system and language, so
the page loads the index and only the systems it shows. Every string in them is already
in the page's language; the script writes them with textContent, never as markup.
"""
from __future__ import annotations

import json

from ..catalog import Catalog
from ..maturity import REQUIREMENTS, rate
from ..model import CORNERS, RISK_DIMENSIONS, System
from ..translations import SOURCE_LANGUAGE
from ..ui import N_, _, current, fill
from .helpers import Helpers
from .ladder import result_label
from .markdown import front_matter, render_page
from .words import CORNER_BADGES, CORNER_LABELS, DIMENSION_LABELS, risk_badge_text

PAGE = "compare.md"
MAX_SYSTEMS = 4
_NAMES = {r.id: r.name for r in REQUIREMENTS}


def data_dir(language: str) -> str:
    return f"data/compare/{language}"


def _dump(document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _item(text: str, reason: str = "", sources=()) -> dict:
    item = {"text": str(text)}
    if reason:
        item["reason"] = str(reason)
    if sources:
        item["sources"] = list(sources)
    return item


def system_cells(system: System, catalog: Catalog) -> dict:
    """{row id: [items]} for one system, in the current language."""
    v = catalog.vocabularies
    maturity = rate(system)
    cells = {
        "category": [_item(v["categories"][system.category].name)],
        "status": [_item(fill(N_("{status} since {date}"), {"status": v["status"][system.status.value].name,
                                                             "date": system.status.since}, str, str),
                         system.status.note or "", system.status.sources)],
        "token": [_item(f"{system.token.symbol} ({system.token.name})", system.token.note or "",
                        system.token.sources) if system.token else _item(_("None of its own"))],
    }
    if maturity.applies:
        parts = []
        for label, ids in ((N_("Not met: {names}."), maturity.unmet), (N_("Under review: {names}."),
                                                                         maturity.under_review)):
            if ids:
                parts.append(fill(label, {"names": _(", ").join(_(_NAMES[i]) for i in ids)}, str, str))
        reason = fill(N_("{unmet} {review}"), {"unmet": parts[0], "review": parts[1]}, str, str) \
            if len(parts) == 2 else "".join(parts)
        cells["maturity"] = [_item(result_label(maturity), reason, _peg_sources(maturity.rated.peg))]
    else:
        cells["maturity"] = [_item(_("Not applicable"))]
    for corner in CORNERS:
        if system.trilemma.applies:
            c = system.trilemma.corners[corner]
            cells[corner] = [_item(_(CORNER_BADGES[c.value]), c.reason, c.sources)]
        else:
            cells[corner] = [_item(_("Not applicable"), system.trilemma.not_applicable, system.trilemma.sources)]
    cells["custody"] = [_item(f"{peg.name}{_(': ')}{v['custody'][peg.model].name} · "
                              f"{risk_badge_text(catalog, peg.risk.rating)}",
                              peg.risk.reason, tuple(dict.fromkeys(peg.sources + peg.risk.sources)))
                        for peg in system.custody] or [_item(_("Holds no BTC"))]
    for dim in RISK_DIMENSIONS:
        r = system.risks[dim]
        cells[dim] = [_item(risk_badge_text(catalog, r.rating), r.reason, r.sources)]
    cells["figures"] = [_item(f"{f.label}{_(': ')}{f.value}", fill(N_("as of {date}"), {"date": f.as_of}, str, str),
                              f.sources) for f in system.figures] or [_item("–")]
    return cells


def _peg_sources(peg) -> tuple[str, ...]:
    out = []
    for name in ("unilateral_exit", "challenge", "signers", "upgrades"):
        fact = getattr(peg, name)
        if fact:
            out.extend(fact.sources)
    return tuple(dict.fromkeys(out))


ROWS = (("category", N_("Category")), ("status", N_("Status")), ("token", N_("Token")),
        ("maturity", N_("Maturity level")), *((c, CORNER_LABELS[c]) for c in CORNERS),
        ("custody", N_("BTC custody, per peg")), *((d, DIMENSION_LABELS[d]) for d in RISK_DIMENSIONS),
        ("figures", N_("Key figures")))


def system_data(system: System, catalog: Catalog) -> dict:
    cited = {s.id: {"title": s.title, "url": s.url} for s in system.sources}
    return {"slug": system.slug, "name": system.name, "page": f"projects/{system.slug}/",
            "sources": cited, "cells": system_cells(system, catalog)}


def index_data(catalog: Catalog) -> dict:
    systems = [{"slug": s.slug, "name": s.name, **({"local": s.local_name} if s.local_name else {})}
               for s in catalog.systems]
    return {"language": current(), "max": MAX_SYSTEMS, "systems": systems,
            "rows": [{"id": row_id, "label": _(label)} for row_id, label in ROWS]}


def compare_page(catalog: Catalog) -> str:
    h = Helpers(catalog, PAGE)
    language = current()
    return render_page("compare.md.j2",
        front_matter=front_matter(title=_("Compare systems"), hide=["toc"],
                                  description=_("Two to four Bitcoin systems side by side: trilemma, risks, "
                                                "custody per peg, maturity, token, status and key figures.")),
        # the page is compare/ in the source language and <language>/compare/ in the others
        index=("../" if language == SOURCE_LANGUAGE else "../../") + f"{data_dir(language)}/index.json",
        systems=[h.system_link(s) for s in catalog.systems],
        maximum=MAX_SYSTEMS, ladder=h.page_link(_("maturity ladder"), "ladder.md"),
        matrix=h.page_link(_("comparison matrix"), "matrix/comparison.md"))


def render_compare(catalog: Catalog) -> dict[str, str]:
    """The page and its data files, in the current language."""
    language = current()
    out = {PAGE: compare_page(catalog), f"{data_dir(language)}/index.json": _dump(index_data(catalog))}
    for system in catalog.systems:
        out[f"{data_dir(language)}/{system.slug}.json"] = _dump(system_data(system, catalog))
    return out
