"""Translations of the catalogue: which strings are translated, where each translation
lives, and whether it is current.

Reads the schemas' `x-translate` annotations (which fields are prose) and the PO files in
catalog/translations/<language>/, one beside each catalogue file it translates
(projects/liquid.yaml -> translations/zh/projects/liquid.po). Writes nothing; `refresh`
returns the PO text that `make translations` writes.

English is the source of truth. A translation is current when its msgid is the English
text of that field today and it is not marked fuzzy; otherwise it is stale (or missing),
and the site shows the English instead, marked as untranslated: a reader never sees a
translation of text the English has since changed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from . import po
from .load import iter_strings
from .problems import field_path
from .schema import merged

SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh",)                         # the languages translated from English
TRANSLATIONS_DIR = "translations"


class Untranslated(str):
    """English text standing in for a missing or stale translation. Renderers mark it
    (lang="en" and a visible note) instead of passing it off as the page's language."""


# ---------------------------------------------------------------- what is translated

LOCAL_NAME = "local-name"      # x-translate value of `name`: a translation is the local name, shown beside it
NOTES = {LOCAL_NAME: "The name readers of this language use, if it differs from the English one "
                     "(shown beside it, and found by search); otherwise the English name as it is."}


def translatable_patterns(schema: dict) -> dict[tuple, str | None]:
    """Field paths marked `x-translate` in the schema, with '[]' for any list index, each with
    the note translators see: {('summary',): None, ('custody', '[]', 'detail'): None, ...}."""
    found = {}

    def walk(node: dict, path: tuple, depth: int = 0):
        node = merged(schema, node)
        if node.get("x-translate"):
            found[path] = NOTES.get(node["x-translate"])
        if depth > 12:
            return
        for branch in [node.get("then"), node.get("else"), *node.get("oneOf", ())]:
            if isinstance(branch, dict):
                walk(branch, path, depth + 1)
        for name, sub in node.get("properties", {}).items():
            walk(sub, path + (name,), depth + 1)
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + ("[]",), depth + 1)

    walk(schema, ())
    return found


@dataclass(frozen=True)
class Unit:
    """One translatable string of a catalogue file."""
    context: str          # its field path, the PO msgctxt: 'trilemma.open_membership.reason'
    english: str
    path: tuple           # the same path as data keys and indices
    note: str | None = None


def units(data, patterns: dict) -> list[Unit]:
    out = []
    for path, text in iter_strings(data):
        pattern = tuple("[]" if isinstance(p, int) else p for p in path)
        if pattern in patterns:
            out.append(Unit(field_path(path), text, path, patterns[pattern]))
    return out


def po_path(catalog_dir: Path, source: Path, language: str) -> Path:
    """catalog/projects/liquid.yaml -> catalog/translations/zh/projects/liquid.po"""
    relative = source.relative_to(catalog_dir).with_suffix(".po")
    return catalog_dir / TRANSLATIONS_DIR / language / relative


# ---------------------------------------------------------------- looking translations up

CURRENT, STALE, MISSING = "current", "stale", "missing"


@dataclass(frozen=True)
class Lookup:
    state: str
    entry: po.Entry | None     # the PO entry, when there is one


class TranslationFile:
    """The entries of one PO file, indexed for lookup by context and by English text."""

    def __init__(self, catalogue: po.Catalogue | None):
        self.entries = [e for e in (catalogue.entries if catalogue else ()) if not e.obsolete]
        self.by_context = {e.msgctxt: e for e in self.entries}
        self.by_english: dict[str, po.Entry] = {}
        for e in self.entries:
            if e.msgstr and not e.fuzzy:
                self.by_english.setdefault(e.msgid, e)

    def lookup(self, unit: Unit) -> Lookup:
        entry = self.by_context.get(unit.context)
        if entry is not None and entry.msgid == unit.english and entry.msgstr and not entry.fuzzy:
            return Lookup(CURRENT, entry)
        same_text = self.by_english.get(unit.english)    # the same English elsewhere in the file
        if same_text is not None:
            return Lookup(CURRENT, same_text)
        if entry is not None and entry.msgstr:
            return Lookup(STALE, entry)
        return Lookup(MISSING, entry)

    def orphans(self, all_units: list[Unit]) -> list[po.Entry]:
        """Entries that translate nothing any more: neither their field nor their English exists."""
        contexts = {u.context for u in all_units}
        english = {u.english for u in all_units}
        return [e for e in self.entries if e.msgctxt not in contexts and e.msgid not in english]


def localize(data, found: list[tuple[Unit, Lookup]]):
    """A copy of data with each translatable string replaced by its translation, or by
    Untranslated English where there is no current one."""
    replacements = {u.path: (l.entry.msgstr if l.state == CURRENT else Untranslated(u.english))
                    for u, l in found}

    def walk(value, path):
        if path in replacements:
            return replacements[path]
        if isinstance(value, dict):
            return {k: walk(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, path + (i,)) for i, v in enumerate(value)]
        return value
    return walk(data, ())


# ---------------------------------------------------------------- make translations

HEADER = {"Project-Id-Version": "bitcoin-l2-catalogue", "Language": "", "MIME-Version": "1.0",
          "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}


def _closest(english: str, candidates: list[po.Entry], same_field: po.Entry | None) -> po.Entry | None:
    """The old translation to start from when a text changed, as msgmerge does: the one whose
    English is most like the new English (a list item may have moved), else the same field's."""
    scored = [(difflib.SequenceMatcher(None, english, c.msgid).ratio(), c) for c in candidates]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    if best[0] >= 0.6:
        return best[1]
    return same_field if same_field is not None and same_field.msgstr else None


def refresh(catalogue: po.Catalogue | None, source_units: list[Unit], language: str,
            reference) -> po.Catalogue:
    """The PO file brought up to date with the English: one entry per field in file order;
    a changed English text keeps its translation, marked fuzzy with the previous English;
    entries that translate nothing any more become obsolete (#~), so no work is lost."""
    old = TranslationFile(catalogue)
    obsolete = [e for e in (catalogue.entries if catalogue else ()) if e.obsolete]
    english_now = {u.english for u in source_units}
    unmatched = [e for e in old.entries if e.msgstr and e.msgid not in english_now]
    entries = []
    for unit in source_units:
        entry = old.by_context.get(unit.context)
        same_text = old.by_english.get(unit.english)
        if entry is not None and entry.msgid == unit.english:
            new = po.Entry(unit.english, entry.msgstr, unit.context, entry.flags, entry.previous)
        elif same_text is not None:
            new = po.Entry(unit.english, same_text.msgstr, unit.context)
        elif (base := _closest(unit.english, unmatched, entry if entry in unmatched else None)) is not None:
            new = po.Entry(unit.english, base.msgstr, unit.context,
                           tuple(sorted({*base.flags, "fuzzy"})), base.previous or base.msgid)
        else:
            new = po.Entry(unit.english, "", unit.context)
        new.references = (reference(unit),)
        new.comments = (unit.note,) if unit.note else ()
        if not new.fuzzy:
            new.previous = None
        entries.append(new)
    for entry in unmatched:            # translations of text that is gone: kept, as obsolete (#~)
        entry.obsolete, entry.references = True, ()
        obsolete.append(entry)
    return po.Catalogue(entries + obsolete, {**HEADER, "Language": language})


def source_files(catalog_dir: Path) -> list[Path]:
    """Every catalogue file that has prose to translate, in the order the check reads them."""
    return [catalog_dir / "glossary.yaml", catalog_dir / "categories.yaml",
            *sorted((catalog_dir / "vocabularies").glob("*.yaml")),
            *sorted((catalog_dir / "projects").glob("*.yaml"))]
