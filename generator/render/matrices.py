"""The two matrices: the trilemma matrix and the comparison matrix.

Reads the clean Catalog. Writes nothing; returns {path: Markdown}. Every cell pairs a
symbol with a word, so colour is never the only cue; the trilemma matrix puts each
reason in the cell's link title (a tooltip) and on the system's page. Each matrix is
plain Markdown tables inside one marked <div> (templates/matrix-box.md.j2);
site_overrides' matrix.js adds sorting, filters and a search box in the browser, with no
network, and keeps the view in the page's address. For that address to read the same in
every language, the <div> names each column by a stable id (`data-columns`) and maps
each filter value shown in a cell to its vocabulary id (`data-values`), so that
`?category=federated-sidechain` selects the same systems on the English and the Chinese
page.
"""
from __future__ import annotations

import html
import json

from markupsafe import Markup

from ..catalog import Catalog
from ..model import CORNERS, RISK_DIMENSIONS
from ..translations import Untranslated
from ..ui import N_, _, fill
from .compare import MAX_SYSTEMS
from .helpers import Helpers
from .history import SiteHistory, stale_note
from .markdown import escape, front_matter, render_page, md_link_target, text
from .words import (CELL, CORNER_HEADINGS, CORNER_LABELS, DIMENSION_HEADINGS, DIMENSION_LABELS, KEY_FACT_HEADINGS,
                    KEY_FACT_LABELS, RISK_LEVELS, risk_badge)

CORNER_COLUMNS = {"shared_ledger": "shared-ledger", "open_membership": "open-membership",
                  "no_new_token": "no-new-token"}
RISK_COLUMNS = {"custody": "custody-risk", "data_availability": "data-risk", "operators": "operator-risk",
                "finality": "finality-risk", "user_burden": "user-burden"}
# (column id, heading): the ids name columns in the page's address (?sort=custody-risk)
COLUMNS = (("system", N_("System")), ("category", N_("Category")), ("status", N_("Status")),
           ("token", N_("Token")), ("btc-custody", DIMENSION_LABELS["custody"]),
           *((key.replace("_", "-"), KEY_FACT_HEADINGS[key]) for key in KEY_FACT_LABELS),
           *((CORNER_COLUMNS[c], CORNER_HEADINGS[c]) for c in CORNERS),
           *((RISK_COLUMNS[d], DIMENSION_HEADINGS[d]) for d in ("custody", *RISK_DIMENSIONS)))
FILTERS = ("category", "status", "btc-custody", "consensus")
TRILEMMA_COLUMNS = ("system", *CORNER_COLUMNS.values())


def _shown(name: str) -> str:
    """A cell's text as the reader sees it (an untranslated name carries its note)."""
    if isinstance(name, Untranslated):
        return f"{name} ({_('not yet translated')})"
    return " ".join(str(name).split())


def values_attribute(values: dict[str, dict[str, str]]) -> Markup:
    """`data-values`: {column id: {text shown in a cell: value id}} as JSON in an HTML
    attribute (braces as character references, so Markdown never reads them)."""
    encoded = html.escape(json.dumps(values, ensure_ascii=False, sort_keys=True), quote=True)
    return Markup(encoded.replace("{", "&#123;").replace("}", "&#125;"))


def _vocabulary_values(vocabulary, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**{_shown(t.name): t.id for t in vocabulary.terms}, **(extra or {})}


def _corner_cell(h: Helpers, system, corner: str) -> Markup:
    c = system.trilemma.corners[corner]
    target = md_link_target(h.src, f"projects/{system.slug}.md", "trilemma")
    return Markup(f'[{escape(_(CELL[c.value]))}]({target} "{escape(c.reason)}")')


def _system_cell(h: Helpers, system, site: SiteHistory) -> Markup:
    """The system's link, marked when any of its facts is past the stale threshold."""
    return Markup(h.system_link(system) + stale_note(system, site))


def _pick_box(system) -> Markup:
    """The comparison matrix's checkbox that adds a system to the link to the compare page."""
    label = html.escape(fill(N_("Compare {name}"), {"name": _shown(system.name)}, str, str), quote=True)
    return Markup(f'<input type="checkbox" class="compare-pick-box" value="{system.slug}" aria-label="{label}" autocomplete="off">')


def trilemma_matrix(catalog: Catalog, site: SiteHistory) -> str:
    h = Helpers(catalog, "matrix/trilemma.md")
    categories = catalog.vocabularies["categories"].terms
    groups = []
    for term in [t for t in categories if t.gives_up] + [None]:
        if term is None:
            members = [s for s in catalog.systems if s.trilemma.applies
                       and not catalog.vocabularies["categories"][s.category].gives_up]
            title, note = _("Outside the three families"), _(
                "Other systems that the catalogue also rates on the three corners.")
        else:
            members = [s for s in catalog.systems if s.category == term.id]
            title, note = term.name, fill(N_("This family gives up {corner}."),
                                          {"corner": _(CORNER_LABELS[term.gives_up]).lower()}, str, str)
        rows = [{"link": _system_cell(h, s, site), "category": h.page_link(
                    catalog.vocabularies["categories"][s.category].name, f"categories/{s.category}.md"),
                 "cells": [_corner_cell(h, s, c) for c in CORNERS]} for s in members]
        groups.append({"title": title, "anchor": term.id if term else "outside-the-families",
                       "note": note, "rows": rows, "family": term is not None})
    cells = {_shown(_(label)): value for value, label in CELL.items()}
    corners = [_(CORNER_LABELS[c]) for c in CORNERS]
    return render_page("matrix-trilemma.md.j2",
        front_matter=front_matter(title=_("Trilemma matrix"),
                                  description=_("Every system in the three families against the three corners.")),
        groups=groups, corners=corners, cell=CELL, total=sum(len(g["rows"]) for g in groups),
        controls=list(zip(CORNER_COLUMNS.values(), corners)),
        explainer=h.page_link(_("the trilemma"), "trilemma.md"),
        columns=",".join(TRILEMMA_COLUMNS),
        values=values_attribute({column: cells for column in CORNER_COLUMNS.values()}))


def comparison_matrix(catalog: Catalog, site: SiteHistory) -> str:
    h = Helpers(catalog, "matrix/comparison.md")
    v = catalog.vocabularies

    def risk(rating: str) -> Markup:
        return risk_badge(catalog, rating)

    def names(parts) -> Markup:   # several values in one cell, split by the filters on '; '
        return Markup("; ".join(text(p) for p in parts))

    rows = []
    for s in catalog.systems:
        custody_risk = Markup(" / ".join(risk(c.risk.rating) for c in s.custody)) or risk("not-applicable")
        corners = ([_(CELL[s.trilemma.corners[c].value]) for c in CORNERS] if s.trilemma.applies
                   else [_("– n/a")] * 3)
        rows.append([_pick_box(s) + _system_cell(h, s, site), v["categories"][s.category].name, v["status"][s.status.value].name,
                     s.token.symbol if s.token else _("None"),
                     names(v["custody"][c.model].name for c in s.custody) or _("Holds no BTC"),
                     *(v[key.replace("_", "-")][getattr(s, key).value].name for key in KEY_FACT_LABELS),
                     *corners, custody_risk,
                     *[risk(s.risks[d].rating) for d in RISK_DIMENSIONS]])
    return render_page("matrix-comparison.md.j2",
        front_matter=front_matter(title=_("Comparison matrix"), hide=["toc"],
                                  description=_("Every system in the catalogue against every dimension.")),
        headers=[_(name) for _id, name in COLUMNS], rows=rows, total=len(rows), levels=RISK_LEVELS,
        controls=[(column, _(name)) for column, name in COLUMNS if column in FILTERS], pick_max=MAX_SYSTEMS,
        columns=",".join(column for column, _name in COLUMNS),
        values=values_attribute({"category": _vocabulary_values(v["categories"]),
                                 "status": _vocabulary_values(v["status"]),
                                 "btc-custody": _vocabulary_values(v["custody"], {_shown(_("Holds no BTC")): "none"}),
                                 "consensus": _vocabulary_values(v["consensus"])}),
        methodology=h.page_link(_("methodology"), "reference/methodology.md"),
        csv=h.page_link(_("CSV download"), "data/catalog.csv"),
        compare=h.page_link(_("Compare chosen systems side by side"), "compare.md"))


def render_matrices(catalog: Catalog, site: SiteHistory) -> dict[str, str]:
    return {"matrix/trilemma.md": trilemma_matrix(catalog, site),
            "matrix/comparison.md": comparison_matrix(catalog, site)}
