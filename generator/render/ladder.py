"""The maturity ladder on the site: its rule book, each system's result, the ladder page.

Reads the clean Catalog and generator.maturity. Writes nothing; returns Markdown. The
rule book (levels and requirements) is printed from the same objects that compute the
results, so the published rules and the levels shown cannot disagree. A requirement's
reason is the verdict's own sentence followed by the reasons and sources of the peg facts
it rests on.
"""
from __future__ import annotations

from markupsafe import Markup

from ..catalog import Catalog
from ..maturity import LEVELS, MET, NOT_APPLICABLE, NOT_MET, REQUIREMENTS, TOP, UNDER_REVIEW, Maturity, \
    PegResult, Verdict, rate
from ..model import System
from ..ui import N_, _, fill
from .markdown import escape, escape_inline, front_matter, render_page
from .helpers import Helpers

LADDER_PAGE = "ladder.md"
STATE_BADGES = {MET: N_("✔ Met"), NOT_MET: N_("✘ Not met"), UNDER_REVIEW: N_("? Under review")}


def level_label(number: int) -> str:
    level = LEVELS[number]
    return fill(N_("Level {number}: {name}"), {"number": level.number, "name": _(level.name)}, str, str)


def next_label(number: int) -> str:
    return fill(N_("level {number} ({name})"), {"number": number, "name": _(LEVELS[number].name)}, str, str)


def result_label(maturity: Maturity) -> str:
    """'Level 1: Distributed custody', with '(level 2 under review)' when nothing known blocks it."""
    if not maturity.applies:
        return _("Not applicable")
    rated = maturity.rated
    label = level_label(rated.level)
    if rated.pending:
        label += fill(N_(" (level {number} under review)"), {"number": rated.level + 1}, str, str)
    return label


def verdict_text(verdict: Verdict) -> Markup:
    return Markup(fill(verdict.why, dict(verdict.values), escape_inline, escape))


FACT_LABELS = (("unilateral_exit", N_("Exit alone")), ("challenge", N_("Who can challenge")),
               ("signers", N_("Key holders")), ("upgrades", N_("Upgrades")))


def _fact_value(name: str, fact, h: Helpers) -> Markup:
    if name == "unilateral_exit":
        return Markup(escape(_("Yes") if fact.value == "yes" else _("No")))
    if name == "signers":
        values = {"threshold": fact.threshold, "count": fact.count}
        if fact.independent is None:
            return Markup(fill(N_("{threshold} of {count} must sign"), values, escape_inline, escape))
        return Markup(fill(N_("{threshold} of {count} must sign; {independent} independent of the team"),
                           {**values, "independent": fact.independent}, escape_inline, escape))
    term = h.term(name, fact.value)
    if name == "upgrades" and fact.exit_window_days is not None:
        days = fill(N_("{days} days' notice"), {"days": fact.exit_window_days}, escape_inline, escape)
        return Markup(fill(N_("{name} ({state})"), {"name": term, "state": Markup(days)}, escape_inline, _markup))
    return term


def _markup(value) -> str:
    """A filled value that is already Markdown (a link, a filled template) stays as it is."""
    return str(value) if isinstance(value, Markup) else escape(value)


def _facts(peg, h: Helpers) -> list[dict]:
    """The peg's four ladder facts, each with its value, reason, sources and date, or 'not sourced yet'."""
    rows = []
    for name, label in FACT_LABELS:
        fact = getattr(peg, name)
        if fact is None:
            rows.append({"label": _(label), "value": _(STATE_BADGES[UNDER_REVIEW]),
                         "why": _("Not sourced yet."), "sources": (), "as_of": None})
        else:
            rows.append({"label": _(label), "value": _fact_value(name, fact, h), "why": fact.reason,
                         "sources": fact.sources, "as_of": fact.as_of})
    return rows


def _rows(peg_result: PegResult) -> list[dict]:
    return [{"level": r.level, "name": _(r.name), "requirement": _(r.text), "id": r.id,
             "state": _(STATE_BADGES[v.state]), "why": verdict_text(v)} for r, v in peg_result.verdicts]


def system_section(system: System, catalog: Catalog, h: Helpers) -> dict:
    """What a system page shows about the ladder: its level, every requirement, the next step."""
    maturity = rate(system)
    if not maturity.applies:
        return {"applies": False, "reason": _(NOT_APPLICABLE[maturity.not_applicable]),
                "ladder": h.page_link(_("How the maturity ladder works"), LADDER_PAGE)}
    rated = maturity.rated
    level = LEVELS[rated.level]
    others = [{"name": p.peg.name, "label": level_label(p.level), "facts": _facts(p.peg, h)}
              for p in maturity.pegs[1:]]
    return {
        "applies": True, "label": result_label(maturity), "summary": _(level.summary),
        "peg": rated.peg.name, "facts": _facts(rated.peg, h), "rows": _rows(rated), "others": others,
        "next": next_label(rated.level + 1) if rated.level < TOP else None,
        "steps": [{"name": _(r.name), "why": verdict_text(v), "state": _(STATE_BADGES[v.state])}
                  for r, v in rated.next_steps],
        "ladder": h.page_link(_("How the maturity ladder works"), LADDER_PAGE),
    }


def _rule_book() -> list[dict]:
    return [{"label": level_label(level.number), "summary": _(level.summary),
             "requirements": [{"id": r.id, "name": _(r.name), "text": _(r.text)}
                              for r in REQUIREMENTS if r.level == level.number]}
            for level in LEVELS]


def rules_section() -> str:
    """The rule book, each level with what it asks, for the methodology page's insert."""
    return render_page("ladder-rules.md.j2", levels=_rule_book())


def ladder_page(catalog: Catalog) -> str:
    h = Helpers(catalog, LADDER_PAGE)
    results = [(s, rate(s)) for s in catalog.systems]
    groups = []
    for level in reversed(LEVELS):
        members = [(s, m) for s, m in results if m.applies and m.level == level.number]
        rows = [{"link": h.system_link(s, "maturity"), "peg": m.rated.peg.name,
                 "next": Markup(escape_inline(_("; "))).join(
                     Markup(fill(N_("{name} ({state})"), {"name": _(r.name), "state": _(STATE_BADGES[v.state])},
                                 escape_inline, escape))
                     for r, v in m.rated.next_steps)}
                for s, m in members]
        groups.append({"label": level_label(level.number), "anchor": f"level-{level.number}",
                       "summary": _(level.summary), "rows": rows, "top": level.number == TOP})
    outside = [{"link": h.system_link(s), "reason": _(NOT_APPLICABLE[m.not_applicable])}
               for s, m in results if not m.applies]
    return render_page("ladder.md.j2",
        front_matter=front_matter(title=_("Maturity ladder"),
                                  description=_("How much trust each Bitcoin system asks for its users' BTC, "
                                                "level by level, from checks over sourced facts.")),
        levels=_rule_book(), groups=groups, outside=outside,
        rated=sum(m.applies for _s, m in results), total=len(results),
        methodology=h.page_link(_("methodology"), "reference/methodology.md", "maturity-ladder"))


def render_ladder(catalog: Catalog) -> dict[str, str]:
    return {LADDER_PAGE: ladder_page(catalog)}
