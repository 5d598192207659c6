"""The translations stage of the check: every catalogue file against its PO files.

Reads catalog/translations/<language>/**.po. Writes nothing. For each catalogue file it
returns the file's data in each language (translated where a translation is current,
Untranslated English elsewhere) and the located problems: missing and stale translations
are warnings at the English field (the site then shows the English); a translation that
changes numbers, URLs, tickers or placeholders, breaks Chinese typography, hides
characters or translates a field that no longer exists is an error at its msgstr.
"""
from __future__ import annotations

from pathlib import Path

from . import po, rules, translation_rules as tr
from .load import Document, read_file
from .problems import Problem
from .translations import (CURRENT, LANGUAGES, MISSING, TRANSLATIONS_DIR, TranslationFile, Unit, Untranslated, localize,
                           po_path, units)


def read_po(path: Path, shown: str) -> tuple[po.Catalogue | None, list[Problem]]:
    """The PO file at path (None if there is none), or a located syntax problem."""
    if not path.exists() and not path.is_symlink():
        return None, []
    raw, problems = read_file(path, shown)
    if raw is None:
        return None, problems
    try:
        return po.parse(raw.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, 1, tr.R_PO.id, "", f"is not UTF-8 ({exc.reason} at byte {exc.start})")]
    except po.PoSyntaxError as exc:
        return None, [Problem(shown, exc.line, exc.col, tr.R_PO.id, "", exc.message)]


class TranslationCheck:
    """Checks the translations of one catalogue, file by file; collects the PO files it saw."""

    def __init__(self, catalog_dir: Path, shown_path):
        self.catalog_dir = catalog_dir
        self.shown_path = shown_path
        self.terms: dict[str, tr.Terms] = {language: tr.Terms([]) for language in LANGUAGES}
        self.seen: set[Path] = set()
        self.counts: dict[str, dict[str, int]] = {}     # PO path -> {state: count}

    def file(self, source: Path, doc: Document, patterns: frozenset,
             glossary: bool = False) -> tuple[dict, list[Problem]]:
        """({language: localized data}, problems) for one catalogue file. For the glossary,
        its translated terms become the term list before its own translations are checked."""
        found_units = units(doc.data, patterns)
        localized, problems = {}, []
        for language in LANGUAGES:
            path = po_path(self.catalog_dir, source, language)
            shown = self.shown_path(path)
            self.seen.add(path)
            catalogue, found = read_po(path, shown)
            problems += found
            translations = TranslationFile(catalogue)
            looked_up = [(unit, translations.lookup(unit)) for unit in found_units]
            localized[language] = localize(doc.data, looked_up)
            if glossary:
                self.terms[language] = tr.Terms(glossary_pairs(doc.data, localized[language]))
            counts = self.counts.setdefault(shown, {"current": 0, "stale": 0, "missing": 0})
            for unit, lookup in looked_up:
                counts[lookup.state] += 1
                problems += self._unit_problems(doc, unit, lookup, shown, language)
            for entry in translations.orphans(found_units):
                problems.append(Problem(shown, entry.line, 1, tr.R_ORPHAN.id, entry.msgctxt or "",
                                        f"translates a field that {doc.path} no longer has; "
                                        "run `make translations` to retire it"))
        return localized, problems

    def _unit_problems(self, doc: Document, unit: Unit, lookup, shown: str, language: str) -> list[Problem]:
        if lookup.state == MISSING:
            line, col = doc.locate(unit.path)
            return [Problem(doc.path, line, col, tr.R_MISSING.id, unit.context,
                            f"has no {language} translation yet ({shown}; `make translations` adds "
                            "an empty entry to fill in)")]
        entry = lookup.entry
        if lookup.state != CURRENT:
            line, col = doc.locate(unit.path)
            return [Problem(doc.path, line, col, tr.R_STALE.id, unit.context,
                            f"changed since its {language} translation was made ({shown}:{entry.line}); "
                            "the site shows the English until the translation is updated and its "
                            "fuzzy flag removed")]
        return translated_problems(unit.english, entry, shown, self.terms[language])

    def leftovers(self) -> list[Problem]:
        """PO files whose catalogue file no longer exists."""
        root = self.catalog_dir / TRANSLATIONS_DIR
        out = []
        for path in sorted(root.rglob("*.po")) if root.is_dir() else ():
            source = self.catalog_dir / path.relative_to(root).relative_to(path.relative_to(root).parts[0])
            if path not in self.seen and not source.with_suffix(".yaml").exists():
                out.append(Problem(self.shown_path(path), 1, 1, tr.R_ORPHAN.id, "",
                                   "translates a catalogue file that does not exist; delete it, or "
                                   "rename it after the file it translates"))
        return out


def translated_problems(english: str, entry: po.Entry, shown: str, terms: tr.Terms) -> list[Problem]:
    """Rules for one current translation, located at its msgstr."""
    text = entry.msgstr
    findings = tr.content_findings(english, text, terms) + tr.typography_findings(text) + \
        terms.findings(english, text)
    out = []
    single_line = "\n" not in text
    for rule_id, message, offset in findings:
        col = entry.col + 1 + offset if single_line else entry.col
        out.append(Problem(shown, entry.line, col, rule_id, entry.msgctxt or "", message))
    english_html = {found for found, _ in rules.text_findings(english) if found is rules.RAW_HTML}
    for found, message in rules.text_findings(text):
        if found not in english_html:      # <slug> in a message that says <slug> in English too
            out.append(found.at(shown, entry.line, entry.col, message, entry.msgctxt or ""))
    return out


def glossary_pairs(english: dict, localized: dict) -> list[tuple]:
    """(English term and its aliases, translated term) for each term whose translation is current."""
    return [((en["term"], *en.get("aliases", ())), tx["term"])
            for en, tx in zip(english.get("terms", ()), localized.get("terms", ()))
            if not isinstance(tx["term"], Untranslated)]


def ui_problems(shown_path, terms: dict) -> list[Problem]:
    """The site's own words (generator/locale/<language>.po) against the strings the code marks:
    a missing one warns where the code uses it; one the code no longer uses is an error."""
    from .ui import LOCALE, extract
    messages = extract()
    problems = []
    for language in LANGUAGES:
        path = LOCALE / f"{language}.po"
        shown = shown_path(path)
        catalogue, found = read_po(path, shown)
        problems += found
        entries = {e.msgid: e for e in (catalogue.entries if catalogue else ()) if not e.obsolete}
        seen = set()
        for message in messages:
            if message.msgid in seen:
                continue
            seen.add(message.msgid)
            entry = entries.get(message.msgid)
            if entry is None or not entry.msgstr:
                problems.append(Problem(message.file, message.line, message.col, tr.R_MISSING.id, "",
                                        f"'{message.msgid[:60]}' has no {language} translation in {shown}"))
            elif entry.fuzzy:
                problems.append(Problem(shown, entry.line, entry.col, tr.R_STALE.id, "",
                                        "is marked fuzzy; check the translation against its msgid and remove the flag"))
            else:
                problems += translated_problems(message.msgid, entry, shown, terms[language])
        for msgid, entry in entries.items():
            if msgid not in seen:
                problems.append(Problem(shown, entry.line, 1, tr.R_ORPHAN.id, "",
                                        f"translates '{msgid[:60]}', which the code no longer writes; "
                                        "run `make translations` to retire it"))
    return problems
