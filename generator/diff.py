"""What a change to the catalogue means: a semantic diff of entries, not of text.

Reads two states of the catalogue's entries as plain data ({slug: entry as parsed from its
YAML}). Writes nothing. Compares what a reader relies on: name, category, status, token,
trilemma corners, each peg's model, rating and ladder facts, consensus, execution, data
availability, the risk ratings, the maturity level, figures, milestones and sources. A
rewording that changes none of these is not a change here. Entries whose slug changed
are matched by name or website and reported as renamed.

Entries are read as written, so an old revision in an older format still compares:
anything the comparison cannot read counts as absent.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from .model import CORNERS, RISK_DIMENSIONS, build_system

PEG_FACTS = ("unilateral_exit", "challenge", "signers", "upgrades")


@dataclass(frozen=True)
class Change:
    """One change of meaning. `aspect` names what changed (status, corner, risk, ...);
    `key` which one (a corner, a dimension, a peg's name, a figure's label, a source id)."""
    aspect: str
    key: str
    before: str | None
    after: str | None
    reason: str | None = None       # the new reason, where the entry gives one


@dataclass(frozen=True)
class EntryDiff:
    slug: str
    name: str
    kind: str                        # added | removed | renamed | changed
    changes: tuple[Change, ...] = ()
    renamed_from: str | None = None


def _get(data, *path):
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def _maturity(slug: str, data: dict) -> str | None:
    """The maturity level as text ('2', 'not applicable'), or None if the entry cannot be read."""
    from .maturity import rate
    try:
        result = rate(build_system(slug, f"catalog/projects/{slug}.yaml", data))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None
    return "not applicable" if result.level is None else str(result.level)


def _peg_facts(peg: dict) -> dict[str, str]:
    out = {}
    for name in PEG_FACTS:
        fact = peg.get(name)
        if not isinstance(fact, dict):
            continue
        if name == "signers":
            text = f"{fact.get('threshold')} of {fact.get('count')}"
            if fact.get("independent") is not None:
                text += f", {fact['independent']} independent"
        else:
            text = str(fact.get("value"))
            if fact.get("exit_window_days") is not None:
                text += f" ({fact['exit_window_days']} days)"
        out[name] = text
    return out


def _pegs(data: dict) -> dict[str, dict]:
    pegs = data.get("custody")
    return {str(p.get("name", i)): p for i, p in enumerate(pegs)} if isinstance(pegs, list) else {}


def compare_entries(slug: str, old: dict, new: dict) -> tuple[Change, ...]:
    """Every change of meaning from old to new, in the order a reader meets them on the page."""
    out: list[Change] = []

    def add(aspect, key, before, after, reason=None):
        before, after = _text(before), _text(after)
        if before != after:
            out.append(Change(aspect, key, before, after, reason))

    add("name", "name", old.get("name"), new.get("name"))
    add("category", "category", old.get("category"), new.get("category"))
    add("status", "status", _get(old, "status", "value"), _get(new, "status", "value"), _get(new, "status", "note"))
    add("token", "token", _get(old, "token", "symbol"), _get(new, "token", "symbol"), _get(new, "token", "note"))
    for corner in CORNERS:
        add("corner", corner, _get(old, "trilemma", corner, "value"), _get(new, "trilemma", corner, "value"),
            _get(new, "trilemma", corner, "reason"))
    old_pegs, new_pegs = _pegs(old), _pegs(new)
    for name in [*old_pegs, *(n for n in new_pegs if n not in old_pegs)]:
        before, after = old_pegs.get(name), new_pegs.get(name)
        if before is None or after is None:
            add("peg", name, _get(before, "model"), _get(after, "model"))
            continue
        add("custody-model", name, before.get("model"), after.get("model"), after.get("detail"))
        add("custody-rating", name, _get(before, "risk", "rating"), _get(after, "risk", "rating"),
            _get(after, "risk", "reason"))
        old_facts, new_facts = _peg_facts(before), _peg_facts(after)
        for fact in PEG_FACTS:
            add("peg-fact", f"{name}: {fact}", old_facts.get(fact), new_facts.get(fact),
                _get(after, fact, "reason"))
    for fact in ("consensus", "execution", "data_availability"):
        add(fact, fact, _get(old, fact, "value"), _get(new, fact, "value"), _get(new, fact, "detail"))
    for dim in RISK_DIMENSIONS:
        add("risk", dim, _get(old, "risks", dim, "rating"), _get(new, "risks", dim, "rating"),
            _get(new, "risks", dim, "reason"))
    add("maturity", "level", _maturity(slug, old), _maturity(slug, new))
    old_figures = {f.get("label"): f.get("value") for f in old.get("figures") or () if isinstance(f, dict)}
    new_figures = {f.get("label"): f.get("value") for f in new.get("figures") or () if isinstance(f, dict)}
    for label in [*old_figures, *(x for x in new_figures if x not in old_figures)]:
        add("figure", str(label), old_figures.get(label), new_figures.get(label))
    old_events = {(str(m.get("date")), m.get("event")) for m in old.get("milestones") or () if isinstance(m, dict)}
    for m in new.get("milestones") or ():
        if isinstance(m, dict) and (str(m.get("date")), m.get("event")) not in old_events:
            add("milestone", str(m.get("date")), None, m.get("event"))
    old_sources = {s.get("id"): s.get("url") for s in old.get("sources") or () if isinstance(s, dict)}
    new_sources = {s.get("id"): s.get("url") for s in new.get("sources") or () if isinstance(s, dict)}
    for source_id in [*old_sources, *(x for x in new_sources if x not in old_sources)]:
        add("source", str(source_id), old_sources.get(source_id), new_sources.get(source_id))
    return tuple(out)


def _identity(data: dict) -> set:
    return {("name", data.get("name")), ("website", data.get("website"))} - {("name", None), ("website", None)}


def compare_catalogues(old: dict[str, dict], new: dict[str, dict]) -> list[EntryDiff]:
    """One EntryDiff per entry that changed, sorted by slug; a removed entry whose name or
    website reappears under a new slug is reported once, as renamed."""
    removed = [slug for slug in old if slug not in new]
    added = [slug for slug in new if slug not in old]
    renamed: dict[str, str] = {}
    for slug in added:
        match = next((r for r in removed if r not in renamed.values() and _identity(old[r]) & _identity(new[slug])),
                     None)
        if match:
            renamed[slug] = match
    out = []
    for slug in sorted(set(old) | set(new)):
        if slug in renamed:
            previous = renamed[slug]
            out.append(EntryDiff(slug, str(new[slug].get("name")), "renamed",
                                 compare_entries(slug, old[previous], new[slug]), previous))
        elif slug in renamed.values():
            continue
        elif slug not in old:
            out.append(EntryDiff(slug, str(new[slug].get("name")), "added"))
        elif slug not in new:
            out.append(EntryDiff(slug, str(old[slug].get("name")), "removed"))
        else:
            changes = compare_entries(slug, old[slug], new[slug])
            if changes:
                out.append(EntryDiff(slug, str(new[slug].get("name")), "changed", changes))
    return out


# ---------------------------------------------------------------- reports (English: for reviewers)

ASPECTS = {"name": "name", "category": "category", "status": "status", "token": "token",
           "corner": "trilemma {key}", "peg": "peg {key}", "custody-model": "{key}: custody model",
           "custody-rating": "{key}: custody risk", "peg-fact": "{key}", "consensus": "consensus",
           "execution": "execution", "data_availability": "data availability",
           "risk": "{key} risk", "maturity": "maturity level", "figure": "figure {key}",
           "milestone": "milestone {key}", "source": "source {key}"}


def describe(change: Change) -> str:
    """'operators risk: high → medium', 'source bs-docs added (https://...)'."""
    what = ASPECTS[change.aspect].format(key=change.key.replace("_", " ") if change.aspect in ("corner", "risk")
                                         else change.key)
    if change.before is None:
        return f"{what} added: {change.after}" if change.aspect != "source" else f"{what} added ({change.after})"
    if change.after is None:
        return f"{what} removed (was {change.before})"
    return f"{what}: {change.before} → {change.after}"


def markdown(diffs: list[EntryDiff], base: str, head: str) -> str:
    lines = [f"## Catalogue changes: {base} → {head}", ""]
    if not diffs:
        return "\n".join(lines + ["No change of meaning in any entry.", ""])
    for d in diffs:
        title = {"added": f"New: {d.name} (`{d.slug}`)", "removed": f"Removed: {d.name} (`{d.slug}`)",
                 "renamed": f"{d.name}: renamed `{d.renamed_from}` → `{d.slug}`",
                 "changed": f"{d.name} (`{d.slug}`)"}[d.kind]
        lines += [f"### {title}", ""]
        for change in d.changes:
            line = f"- {describe(change)}"
            if change.reason and change.aspect in ("corner", "custody-rating", "risk", "status", "peg-fact"):
                line += f". Reason: {change.reason}"
            lines.append(line)
        lines.append("")
    return "\n".join(lines)


def as_json(diffs: list[EntryDiff], base: str, head: str) -> str:
    document = {"base": base, "head": head, "systems": [
        {**{k: v for k, v in asdict(d).items() if k != "changes"},
         "changes": [asdict(c) for c in d.changes]} for d in diffs]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
