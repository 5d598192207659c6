"""Reference pages generated from the catalogue's own definitions.

Reads the clean Catalog and the rule registry. Writes nothing; returns Markdown. The
glossary page and the tooltips come from catalog/glossary.yaml; the entry reference
from the JSON Schema and the registered rules; the vocabulary and risk-scale sections
of the methodology page from the vocabulary files; the "what changed" page from the
catalogue's dated history (milestones, earlier figures, tokens).
"""
from __future__ import annotations

from markupsafe import Markup

from ..catalog import Catalog
from ..problems import RULES
from ..schema import merged
from ..translations import Untranslated
from ..ui import N_, _, fill, translated
from .markdown import front_matter, html_href, render_page, environment
from .helpers import Helpers, vocabulary_anchor
from .words import CELL, RISK_LEVELS

ARTICLE_DATE = "2023-11"


def glossary_page(catalog: Catalog) -> str:
    src = "reference/glossary.md"
    terms = sorted(catalog.glossary, key=lambda t: t.term.casefold())
    html = environment("html").get_template("glossary.html.j2").render(
        terms=terms, href=lambda slug: html_href(src, f"projects/{slug}.md"),
        names={s.slug: s.name for s in catalog.systems})
    return render_page("glossary.md.j2",
        front_matter=front_matter(title=_("Glossary"), description=_("The words this site uses, in plain English.")),
        count=len(terms), body=Markup(html))


def _schema_rows(catalog: Catalog, h: Helpers) -> list[dict]:
    """One row per field path of an entry, read from the JSON Schema itself."""
    schema = catalog.schema

    def resolve(node: dict) -> dict:
        return merged(schema, node)

    def type_of(node: dict) -> str:
        if "oneOf" in node:
            return _(" or ").join(type_of(resolve(b)) for b in node["oneOf"])
        if "x-vocabulary" in node:
            return _("vocabulary id")
        return _({"string": N_("text"), "array": N_("list"), "object": N_("mapping"), "null": N_("null"),
                  "boolean": N_("true/false"), "integer": N_("whole number")}.get(node.get("type"), N_("value")))

    def values(node: dict):
        if "x-vocabulary" in node:
            key = node["x-vocabulary"]
            anchor = "risk-ratings" if key == "risk" else f"vocabulary-{key}"
            return h.page_link(catalog.vocabularies[key].title, "reference/methodology.md", anchor)
        if "enum" in node:
            return ", ".join(node["enum"])
        if node.get("x-rule") == "date-format":
            return _("YYYY-MM-DD, YYYY-MM or YYYY") if "(-" in node["pattern"] else "YYYY-MM-DD"
        return ""

    def objects(node: dict):
        """The mapping shapes a value may take: itself, its if/then/else branches, its oneOf objects."""
        shapes = [node] + [resolve(node[k]) for k in ("then", "else") if k in node]
        shapes += [resolve(b) for b in node.get("oneOf", []) if resolve(b).get("type") == "object"]
        if node.get("type") == "array" and "items" in node:
            shapes.append(resolve(node["items"]))
        return shapes

    rows = []

    def walk(node: dict, path: str, required: bool):
        node = resolve(node)
        rows.append({"path": path, "type": type_of(node), "required": _("yes") if required else "",
                     "description": translated(node.get("description", "")), "allowed": values(node)})
        seen = set()
        for shape in objects(node):
            prefix = f"{path}[]" if shape is not node and node.get("type") == "array" else path
            for name, sub in shape.get("properties", {}).items():
                if (prefix, name) not in seen:
                    seen.add((prefix, name))
                    walk(sub, f"{prefix}.{name}", name in shape.get("required", ()))

    for name, sub in schema["properties"].items():
        walk(sub, name, name in schema["required"])
    return rows


def rule_summary(rule) -> str:
    """The rule's summary in the page's language, its values filled in (Untranslated if need be)."""
    text = translated(rule.summary)
    filled = fill(text, dict(rule.values), str, str) if rule.values else text
    return type(text)(filled) if isinstance(text, Untranslated) else filled


def entry_reference(catalog: Catalog) -> str:
    h = Helpers(catalog, "reference/entry-reference.md")
    groups = {}
    for rule in RULES.values():
        groups.setdefault(_(rule.group), []).append({"id": rule.id, "severity": _(rule.severity.value),
                                                    "summary": rule_summary(rule)})
    return render_page("entry-reference.md.j2",
        front_matter=front_matter(title=_("Entry reference"),
                                  description=_("Every field of a catalogue entry and every rule the checker applies.")),
        version=catalog.schema.get("x-schema-version", ""), rows=_schema_rows(catalog, h), groups=groups,
        rule_count=len(RULES), contributing=h.page_link(_("contributing guide"), "reference/contributing.md"))


def vocabularies_section(catalog: Catalog, src: str) -> str:
    vocabularies = [catalog.vocabularies[k] for k in ("categories", "status", "custody", "challenge", "upgrades",
                                                      "consensus", "execution", "data-availability", "trilemma")]
    h = Helpers(catalog, src)
    return render_page("vocabularies.md.j2",
        vocabularies=vocabularies, anchor=vocabulary_anchor,
        category_link=lambda term_id: h.page_link(_("its systems"), f"categories/{term_id}.md"))


def risk_scale_section(catalog: Catalog) -> str:
    risk = catalog.vocabularies["risk"]
    return render_page("risk-scale.md.j2", risk=risk, anchor=vocabulary_anchor, levels=RISK_LEVELS)


def trilemma_criteria_section(catalog: Catalog) -> str:
    return render_page("trilemma-criteria.md.j2", trilemma=catalog.vocabularies["trilemma"], cell=CELL)


def changes_page(catalog: Catalog) -> str:
    h = Helpers(catalog, "changes.md")
    events = []
    for s in catalog.systems:
        for m in s.milestones:
            if m.date.latest.isoformat()[:7] >= ARTICLE_DATE:
                events.append({"date": m.date, "system": h.system_link(s, "timeline"), "event": m.event})
        if s.token and s.token.since and s.token.since.latest.isoformat()[:7] >= ARTICLE_DATE:
            events.append({"date": s.token.since, "system": h.system_link(s, "key-facts"),
                           "event": fill(N_("Token {symbol} ({name}) in place."),
                                         {"symbol": s.token.symbol, "name": s.token.name}, str, str)})
    events.sort(key=lambda e: (e["date"].earliest, e["system"]), reverse=True)
    years = {}
    for event in events:
        years.setdefault(str(event["date"])[:4], []).append(event)
    figures = [{"system": h.system_link(s, "figures"), "label": f.label, "now": f.value, "as_of": f.as_of,
                "previous": f.previous} for s in catalog.systems for f in s.figures if f.previous]
    return render_page("changes.md.j2",
        front_matter=front_matter(title=_("What changed since 2023"),
                                  description=_("Dated changes to Bitcoin layer 2s since the trilemma article.")),
        years=years, figures=figures, total=len(events),
        trilemma=h.page_link(_("The trilemma"), "trilemma.md"))


def render_reference(catalog: Catalog) -> dict[str, str]:
    return {"reference/glossary.md": glossary_page(catalog),
            "reference/entry-reference.md": entry_reference(catalog),
            "changes.md": changes_page(catalog)}
