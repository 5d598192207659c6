"""The catalogue's history and freshness on the site: a "Changes" section on every system
page (a long history gets a page of its own), the recent-changes page with the stalest
facts, and an Atom feed per language.

Reads the clean Catalog and a SiteHistory (the git history, or None where the copy has
none, and the date facts are judged against). Writes nothing; returns {path: text}.
Output depends only on commits and entries, never on the clock: the date facts are judged
against is the last commit's, so one commit always builds the same site. Commit subjects
are printed as written; what changed is described in the page's language.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from ..catalog import Catalog
from ..diff import Change, EntryDiff
from ..history import History
from ..model import IsoDate, System
from ..rules import STALE_AFTER_DAYS
from ..ui import N_, _, current, fill
from .helpers import Helpers
from .ladder import FACT_LABELS
from .markdown import escape, escape_inline, front_matter, render_page
from .words import CELL, CORNER_LABELS, DIMENSION_LABELS, KEY_FACT_LABELS

ON_PAGE = 10          # changes listed on a system page; a longer history gets its own page
ON_RECENT = 50        # changes on the recent-changes page
IN_FEED = 100
STALEST = 25
RECENT_PAGE = "history/index.md"


@dataclass(frozen=True)
class SiteHistory:
    history: History | None         # None: this copy has no (full) git history
    today: dt.date                  # the date facts are judged against
    site_url: str = ""

    def stale(self, as_of: IsoDate) -> bool:
        return (self.today - as_of.latest).days > STALE_AFTER_DAYS


def judged_on(head_date: str | None, catalog: Catalog) -> dt.date:
    """The last commit's date, or without history the newest review date in the catalogue."""
    if head_date:
        return dt.date.fromisoformat(head_date)
    return max((s.reviewed.latest for s in catalog.systems), default=dt.date(1970, 1, 1))


# ---------------------------------------------------------------- freshness

def dated_facts(system: System) -> list[tuple[str, IsoDate]]:
    """(what, as_of) for every dated fact of an entry, in page order, in the current language."""
    out = [(_("Status"), system.status.as_of)]
    if system.token:
        out.append((_("Token"), system.token.as_of))
    if system.trilemma.applies:
        out.append((_("The trilemma"), system.trilemma.as_of))
    for peg in system.custody:
        out.append((fill(N_("{peg}: custody"), {"peg": peg.name}, str, str), peg.as_of))
        for name, label in FACT_LABELS:
            fact = getattr(peg, name)
            if fact:
                out.append((fill(N_("{peg}: {fact}"), {"peg": peg.name, "fact": _(label)}, str, str), fact.as_of))
    for key, label in KEY_FACT_LABELS.items():
        out.append((_(label), getattr(system, key).as_of))
    for figure in system.figures:
        out.append((figure.label, figure.as_of))
    return out


def stale_facts(system: System, site: SiteHistory) -> list[tuple[str, IsoDate]]:
    return [(what, date) for what, date in dated_facts(system) if site.stale(date)]


def as_of_label(site: SiteHistory):
    """For templates: 'as of 2026-11' or, past the stale threshold, a visible warning."""
    def label(date: IsoDate, bare: bool = False) -> Markup:
        if site.stale(date):
            text = fill(N_("⚠ not re-checked since {date}"), {"date": date}, escape_inline, escape)
            return Markup(f'<small class="stale">{text}</small>')
        if bare:
            return Markup(escape(date))
        return Markup(f"<small>{fill(N_('as of {date}'), {'date': date}, escape_inline, escape)}</small>")
    return label


def stale_note(system: System, site: SiteHistory) -> Markup:
    """What a matrix row says about a system with stale facts (empty when all are fresh)."""
    stale = stale_facts(system, site)
    if not stale:
        return Markup("")
    oldest = min(date for _w, date in stale)
    text = fill(N_("⚠ not re-checked since {date}"), {"date": oldest}, escape_inline, escape)
    return Markup(f' <small class="stale">{text}</small>')


# ---------------------------------------------------------------- describing a change

_VOCABULARY = {"status": "status", "category": "categories", "custody-model": "custody", "consensus": "consensus",
               "execution": "execution", "data_availability": "data-availability", "custody-rating": "risk",
               "risk": "risk"}
_FACT_NAMES = dict(FACT_LABELS)


def _value(catalog: Catalog, change: Change, value: str) -> str:
    key = _VOCABULARY.get(change.aspect)
    vocabulary = catalog.vocabularies.get(key) if key else None
    if vocabulary and value in vocabulary.ids:
        return vocabulary[value].name
    if change.aspect == "corner" and value in CELL:
        return _(CELL[value])
    if change.aspect == "maturity" and value == "not applicable":
        return _("Not applicable")
    return value


def _what(change: Change) -> str:
    a, key = change.aspect, change.key
    if a == "corner" and key in CORNER_LABELS:
        return _(CORNER_LABELS[key])
    if a == "risk" and key in DIMENSION_LABELS:
        return _(DIMENSION_LABELS[key])
    if a in ("custody-model", "custody-rating"):
        template = N_("{peg}: custody model") if a == "custody-model" else N_("{peg}: custody risk")
        return fill(template, {"peg": key}, str, str)
    if a == "peg-fact":
        peg, _sep, fact = key.rpartition(": ")
        return fill(N_("{peg}: {fact}"), {"peg": peg, "fact": _(_FACT_NAMES.get(fact, fact))}, str, str)
    named = {"name": N_("Name"), "category": N_("Category"), "status": N_("Status"), "token": N_("Token"),
             **KEY_FACT_LABELS, "maturity": N_("Maturity level")}
    if a in named:
        return _(named[a])
    template = {"peg": N_("Peg {key}"), "figure": N_("Figure {key}"), "milestone": N_("Milestone {key}")}[a]
    return fill(template, {"key": key}, str, str)


def describe(change: Change, catalog: Catalog) -> str:
    if change.aspect == "source":       # the id says enough: the page lists each source in full
        template = N_("Source {key} added") if change.before is None else \
            N_("Source {key} removed") if change.after is None else N_("Source {key} moved to a new address")
        return fill(template, {"key": change.key}, str, str)
    values = {"what": _what(change)}
    if change.before is not None:
        values["before"] = _value(catalog, change, change.before)
    if change.after is not None:
        values["after"] = _value(catalog, change, change.after)
    if change.before is None:
        return fill(N_("{what} added: {after}"), values, str, str)
    if change.after is None:
        return fill(N_("{what} removed (was {before})"), values, str, str)
    return fill(N_("{what}: {before} → {after}"), values, str, str)


def summary(entry: EntryDiff, catalog: Catalog) -> list[str]:
    lead = {"added": [_("Added to the catalogue.")], "removed": [_("Removed from the catalogue.")],
            "renamed": [fill(N_("Renamed from {slug}."), {"slug": entry.renamed_from or ""}, str, str)]}
    return lead.get(entry.kind, []) + [describe(c, catalog) for c in entry.changes]


def _items(events, catalog: Catalog, h: Helpers, with_system: bool) -> list[dict]:
    slugs = {s.slug: s for s in catalog.systems}
    items = []
    for event in events:
        system = slugs.get(event.slug)
        name = h.system_link(system, "changes") if with_system and system else Markup(escape(event.diff.name))
        items.append({"date": event.commit.date, "subject": event.commit.subject, "system": name,
                      "lines": summary(event.diff, catalog)})
    return items


def history_page_path(slug: str) -> str:
    return f"history/{slug}.md"


def system_section(system: System, catalog: Catalog, site: SiteHistory, h: Helpers) -> dict:
    if site.history is None:
        return {"available": False}
    events = site.history.of(system.slug)
    return {"available": True, "items": _items(events[:ON_PAGE], catalog, h, False), "total": len(events),
            "all": h.page_link(fill(N_("All {count} changes"), {"count": len(events)}, str, str),
                               history_page_path(system.slug)) if len(events) > ON_PAGE else None}


def _stalest(catalog: Catalog, site: SiteHistory, h: Helpers) -> list[dict]:
    rows = [(date, s, what) for s in catalog.systems for what, date in dated_facts(s)]
    rows.sort(key=lambda row: (row[0].latest, row[1].slug, row[2]))
    return [{"date": date, "system": h.system_link(s), "fact": what, "stale": site.stale(date)}
            for date, s, what in rows[:STALEST]]


def recent_page(catalog: Catalog, site: SiteHistory) -> str:
    h = Helpers(catalog, RECENT_PAGE)
    events = site.history.events[:ON_RECENT] if site.history else ()
    return render_page("recent-changes.md.j2",
        front_matter=front_matter(title=_("Recent changes"),
                                  description=_("What changed in the catalogue, when and why, and which facts are "
                                                "the oldest.")),
        available=site.history is not None, items=_items(events, catalog, h, True),
        stalest=_stalest(catalog, site, h), days=STALE_AFTER_DAYS, today=IsoDate(site.today.isoformat()),
        feed=Markup(f'<a href="../feeds/{current()}.xml">{escape(_("Atom feed"))}</a>'))


def system_history_page(system: System, catalog: Catalog, site: SiteHistory) -> str:
    src = history_page_path(system.slug)
    h = Helpers(catalog, src)
    events = site.history.of(system.slug)
    title = fill(N_("Changes to {name}"), {"name": system.name}, str, str)
    return render_page("system-history.md.j2",
        front_matter=front_matter(title=title, description=system.summary), title=title,
        back=h.system_link(system), items=_items(events, catalog, h, False))


SITE_NAME = N_("Bitcoin L2 Trilemma")


def feed(catalog: Catalog, site: SiteHistory) -> str:
    """An Atom feed of the latest changes, newest first; an entry's id is its commit and slug."""
    language = current()
    base = site.site_url.rstrip("/") + "/"
    prefix = "" if language == "en" else f"{language}/"
    host = urlsplit(base).hostname or "localhost"
    events = site.history.events[:IN_FEED] if site.history else ()
    updated = f"{events[0].commit.date}T00:00:00Z" if events else f"{site.today.isoformat()}T00:00:00Z"
    slugs = {s.slug for s in catalog.systems}
    e = html.escape
    site_name = _(SITE_NAME)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
             f"  <id>{e(base)}feeds/{language}.xml</id>",
             f"  <title>{e(site_name)}{e(_(': '))}{e(_('Catalogue changes'))}</title>",
             f"  <updated>{updated}</updated>",
             f'  <link rel="self" type="application/atom+xml" href="{e(base)}feeds/{language}.xml"/>',
             f'  <link rel="alternate" type="text/html" href="{e(base)}{prefix}{RECENT_PAGE[:-len("index.md")]}"/>',
             f"  <author><name>{e(site_name)}</name></author>"]
    for event in events:
        page = f"{base}{prefix}projects/{event.slug}/" if event.slug in slugs else f"{base}{prefix}history/"
        said = summary(event.diff, catalog)
        title = f"{event.diff.name}{_(': ')}{said[0] if said else event.commit.subject}"
        body = "\n".join(said + [event.commit.subject])
        lines += ["  <entry>",
                  f"    <id>tag:{e(host)},2026:{event.commit.id}/{e(event.slug)}</id>",
                  f"    <title>{e(title)}</title>",
                  f"    <updated>{event.commit.date}T00:00:00Z</updated>",
                  f'    <link rel="alternate" type="text/html" href="{e(page)}"/>',
                  f'    <content type="text">{e(body)}</content>',
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def render_history(catalog: Catalog, site: SiteHistory) -> dict[str, str]:
    out = {RECENT_PAGE: recent_page(catalog, site), f"feeds/{current()}.xml": feed(catalog, site)}
    if site.history:
        for system in catalog.systems:
            if len(site.history.of(system.slug)) > ON_PAGE:
                out[history_page_path(system.slug)] = system_history_page(system, catalog, site)
    return out
