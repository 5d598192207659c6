"""System pages and category pages.

Reads the clean Catalog. Writes nothing; returns {path in the docs dir: Markdown}.
Every system gets projects/<slug>.md; every category gets categories/<id>.md, and
categories/index.md lists them all. A category page links with relative .md links, which
MkDocs checks in --strict mode; a system page is verbatim HTML between its headings
(generator/verbatim.py), whose links are the built site's relative URLs (HtmlHelpers),
checked in the built site by the link test.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from markupsafe import Markup

from ..catalog import Catalog
from ..model import CORNERS, RISK_DIMENSIONS, System
from .. import ui
from ..ui import N_, _
from . import badges, figure_chart, history, ladder, rosette, triangle
from .cards import SystemWords
from .history import SiteHistory
from .helpers import METHODOLOGY, TABLE_FOOT, Footnotes, Helpers, HtmlHelpers, table_head
from .markdown import escape, escape_inline, external, front_matter, html_href, raw, render_page, text
from .words import CORNER_BADGES, CORNER_LABELS, DIMENSION_LABELS, KEY_FACT_LABELS, risk_badge, system_title, \
    trilemma_sentence


def _host_link(url: str) -> Markup:
    """A link to another site, labelled by its host name."""
    return external(url.split("/")[2], url)


def _source_entry(source) -> Markup:
    """A source as its footnote says it: title, publisher, dates, a link to it, its kind."""
    title = escape(source.title)
    parts = [title if ui.current() == "en" else f'<span lang="en">{title}</span>']   # titles stay as published
    if source.publisher:
        parts.append(escape(source.publisher))
    if source.published:
        parts.append(ui.fill(N_("published {date}"), {"date": source.published}, escape_inline, str))
    parts.append(str(_host_link(source.url)))
    parts.append(ui.fill(N_("accessed {date}"), {"date": source.accessed}, escape_inline, str))
    parts.append(escape_inline(_("primary source") if source.kind == "primary" else _("secondary source")))
    return Markup(escape_inline(_(", ")).join(parts) + escape_inline(_(".")))


@dataclass(frozen=True)
class SiteConfig:
    """What the pages need from mkdocs.yml (where the entries can be edited, the site's
    address and name) and from the repository (its history; without it, nothing is judged stale)."""
    repository: str
    branch: str
    history: SiteHistory = SiteHistory(None, dt.date.min)
    brands: dict = field(default_factory=dict)      # language -> cards.Brand: the site's name, for the cards


def system_page(system: System, catalog: Catalog, site: SiteConfig, related_index: dict,
                placement: triangle.Placement) -> str:
    src = f"projects/{system.slug}.md"
    notes = Footnotes.of(source.id for source in system.sources)
    h = HtmlHelpers(catalog, src, notes)
    category = catalog.vocabularies["categories"][system.category]
    corners, summary = [], ""
    if system.trilemma.applies:
        for c in CORNERS:
            corner = system.trilemma.corners[c]
            corners.append({"name": _(CORNER_LABELS[c]), "badge": _(CORNER_BADGES[corner.value]),
                            "reason": corner.reason, "sources": corner.sources})
        summary = trilemma_sentence(system)
    risk_rows = [{"dimension": Markup(escape_inline(_(DIMENSION_LABELS["custody"]) + _(": ")) + text(c.name)),
                  "badge": risk_badge(catalog, c.risk.rating), "reason": c.risk.reason,
                  "sources": c.risk.sources, "reviewed": c.risk.reviewed} for c in system.custody]
    if not system.custody:
        risk_rows.append({"dimension": _(DIMENSION_LABELS["custody"]),
                          "badge": risk_badge(catalog, "not-applicable"),
                          "reason": _("The system holds no BTC."), "sources": (), "reviewed": system.reviewed})
    for dim in RISK_DIMENSIONS:
        r = system.risks[dim]
        risk_rows.append({"dimension": _(DIMENSION_LABELS[dim]), "badge": risk_badge(catalog, r.rating),
                          "reason": r.reason, "sources": r.sources, "reviewed": r.reviewed})
    related = [{"link": h.system_link(other), "summary": other.summary}
               for other in (related_index[slug] for slug in system.related)]
    return render_page("system.md.j2",
        s=system, title=system_title(system),
        front_matter=front_matter(title=system_title(system), description=system.summary, lastmod=system.reviewed,
                                  card_alt=SystemWords.of(system, catalog).alt),
        aliases=system.aliases + ((system.local_name,) if system.local_name else ()),
        category_link=h.page_link(category.name, f"categories/{system.category}.md"),
        term=h.term, cite=h.cite, website=_host_link(system.website),
        facts=[(label, key, getattr(system, key)) for key, label in KEY_FACT_LABELS.items()],
        corners=corners, trilemma_summary=summary,
        matrix_link=h.page_link(_("Compare in the trilemma matrix"), "matrix/trilemma.md"),
        small_triangle=Markup(triangle.render(placement, src, highlight=system.slug, small=True)),
        rosette=Markup(rosette.render(system, catalog)), risk_rows=risk_rows,
        scale_link=h.page_link(_("How ratings are decided"), METHODOLOGY, "risk-ratings"),
        charts=[Markup(svg) for svg in map(figure_chart.render, system.figures) if svg],
        maturity=ladder.system_section(system, catalog, h), as_of=history.as_of_label(site.history),
        changes=history.system_section(system, catalog, site.history, h),
        related=related, source_entry=_source_entry, backlinks=notes.backlinks,
        badge=badges.embed(system, catalog, site.brands[ui.current()], ui.current()),
        table_head=table_head, table_foot=TABLE_FOOT,
        edit_link=external(_("Edit this entry"), f"{site.repository.rstrip('/')}/edit/{site.branch}/"
                                              f"catalog/projects/{system.slug}.yaml"),
        json_link=h.page_link(_("All entries as JSON"), "reference/data.md"),
        compare_link=raw(f'<a class="compare-action" href="{html_href(src, "compare.md")}?systems={system.slug}">'
                         f'{escape(_("Compare with other systems"))}</a>'))


def category_page(category_id: str, catalog: Catalog) -> str:
    src = f"categories/{category_id}.md"
    h = Helpers(catalog, src)
    term = catalog.vocabularies["categories"][category_id]
    members = [s for s in catalog.systems if s.category == category_id]
    rows = [{"link": h.system_link(s), "status": h.term("status", s.status.value), "summary": s.summary,
             "token": s.token.symbol if s.token else _("None")} for s in members]
    return render_page("category.md.j2",
        front_matter=front_matter(title=term.name, description=term.definition), term=term, rows=rows,
        gives_up=_(CORNER_LABELS[term.gives_up]) if term.gives_up else "",
        explainer=h.page_link(ui.fill(N_("Read the explainer on {family}"), {"family": term.name.lower()}, str, str),
                              FAMILY_EXPLAINERS[category_id]) if category_id in FAMILY_EXPLAINERS else None,
        matrix=h.page_link(_("comparison matrix"), "matrix/comparison.md"))


FAMILY_EXPLAINERS = {"off-chain-network": "families/off-chain-networks.md",
                     "decentralized-sidechain": "families/decentralized-sidechains.md",
                     "federated-sidechain": "families/federated-sidechains.md"}


def category_index(catalog: Catalog) -> str:
    src = "categories/index.md"
    h = Helpers(catalog, src)
    counts = {t.id: sum(s.category == t.id for s in catalog.systems) for t in catalog.vocabularies["categories"].terms}
    rows = [{"link": h.page_link(t.name, f"categories/{t.id}.md"), "count": counts[t.id],
             "gives_up": _(CORNER_LABELS[t.gives_up]) if t.gives_up else "–", "definition": t.definition}
            for t in catalog.vocabularies["categories"].terms]
    return render_page("categories.md.j2",
        front_matter=front_matter(title=_("Systems by category"),
                                  description=_("Every kind of Bitcoin layer 2 in the catalogue.")),
        rows=rows, total=len(catalog.systems),
        comparison=h.page_link(_("comparison matrix"), "matrix/comparison.md"),
        trilemma=h.page_link(_("trilemma matrix"), "matrix/trilemma.md"))


def render_pages(catalog: Catalog, site: SiteConfig) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of every system page and category page, one at a time."""
    related_index = {s.slug: s for s in catalog.systems}
    placement = triangle.Placement.of(catalog.systems)
    for s in catalog.systems:
        yield f"projects/{s.slug}.md", system_page(s, catalog, site, related_index, placement)
    for term in catalog.vocabularies["categories"].terms:
        yield f"categories/{term.id}.md", category_page(term.id, catalog)
    yield "categories/index.md", category_index(catalog)
