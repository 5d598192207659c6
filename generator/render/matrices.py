"""The two matrices: the trilemma matrix and the comparison matrix.

Reads the clean Catalog. Writes nothing; returns {path: Markdown}. Every cell pairs a
symbol with a word, so colour is never the only cue; the trilemma matrix puts each
reason in the cell's link title (a tooltip) and on the system's page. The comparison
matrix is a plain Markdown table inside a marked <div>; site_overrides' matrix.js
adds sorting and filtering in the browser, with no network.
"""
from __future__ import annotations

from markupsafe import Markup

from ..catalog import Catalog
from ..model import CORNERS, RISK_DIMENSIONS
from .markdown import escape, front_matter, render_page, md_link_target
from .pages import CORNER_LABELS, Helpers

CELL = {"yes": "✔ Yes", "partial": "◐ Partial", "no": "✘ No"}


def _corner_cell(h: Helpers, system, corner: str) -> Markup:
    c = system.trilemma.corners[corner]
    target = md_link_target(h.src, f"projects/{system.slug}.md", "trilemma")
    return Markup(f'[{escape(CELL[c.value])}]({target} "{escape(c.reason)}")')


def trilemma_matrix(catalog: Catalog) -> str:
    h = Helpers(catalog, "matrix/trilemma.md")
    categories = catalog.vocabularies["categories"].terms
    groups = []
    for term in [t for t in categories if t.gives_up] + [None]:
        if term is None:
            members = [s for s in catalog.systems if s.trilemma.applies
                       and not catalog.vocabularies["categories"][s.category].gives_up]
            title, note = "Outside the three families", (
                "Other systems that the catalogue also rates on the three corners.")
        else:
            members = [s for s in catalog.systems if s.category == term.id]
            title, note = term.name, f"This family gives up {CORNER_LABELS[term.gives_up].lower()}."
        rows = [{"link": h.system_link(s), "category": h.page_link(
                    catalog.vocabularies["categories"][s.category].name, f"categories/{s.category}.md"),
                 "cells": [_corner_cell(h, s, c) for c in CORNERS]} for s in members]
        groups.append({"title": title, "anchor": term.id if term else "outside-the-families",
                       "note": note, "rows": rows, "family": term is not None})
    return render_page("matrix-trilemma.md.j2",
        front_matter=front_matter(title="Trilemma matrix",
                                  description="Every system in the three families against the three corners."),
        groups=groups, corners=[CORNER_LABELS[c] for c in CORNERS],
        explainer=h.page_link("the trilemma", "trilemma.md"))


def comparison_matrix(catalog: Catalog) -> str:
    h = Helpers(catalog, "matrix/comparison.md")
    v = catalog.vocabularies
    levels = v["risk"]

    def risk(rating: str) -> str:
        return f"{levels[rating].symbol} {levels[rating].name}"

    rows = []
    for s in catalog.systems:
        custody_risk = " / ".join(risk(c.risk.rating) for c in s.custody) or risk("not-applicable")
        corners = ([CELL[s.trilemma.corners[c].value] for c in CORNERS] if s.trilemma.applies
                   else ["– n/a"] * 3)
        rows.append([h.system_link(s), v["categories"][s.category].name, v["status"][s.status.value].name,
                     s.token.symbol if s.token else "None",
                     "; ".join(v["custody"][c.model].name for c in s.custody) or "Holds no BTC",
                     v["consensus"][s.consensus.value].name, v["execution"][s.execution.value].name,
                     v["data-availability"][s.data_availability.value].name, *corners, custody_risk,
                     *[risk(s.risks[d].rating) for d in RISK_DIMENSIONS]])
    headers = ["System", "Category", "Status", "Token", "BTC custody", "Consensus", "Execution",
               "Data availability", "Shared ledger", "Open membership", "No new token",
               "Custody risk", "Data risk", "Operator risk", "Finality risk", "User burden"]
    return render_page("matrix-comparison.md.j2",
        front_matter=front_matter(title="Comparison matrix", hide=["toc"],
                                  description="Every system in the catalogue against every dimension."),
        headers=headers, rows=rows, total=len(rows),
        methodology=h.page_link("methodology", "reference/methodology.md"),
        csv=h.page_link("CSV download", "data/catalog.csv"))


def render_matrices(catalog: Catalog) -> dict[str, str]:
    return {"matrix/trilemma.md": trilemma_matrix(catalog), "matrix/comparison.md": comparison_matrix(catalog)}
