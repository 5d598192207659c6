"""`python -m generator translations`: what needs translating, and `--refresh` to bring the
PO files up to date with the English (what `make translations` runs).

Reads the catalogue, its schemas and its PO files. Writes PO files only with --refresh:
one per catalogue file, new fields added with an empty translation, changed English
marked fuzzy with the previous English kept, retired fields moved to obsolete entries,
and PO files of deleted catalogue files removed. Translations are never discarded
otherwise, and never invented.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import po
from .catalog import shown_path
from .load import load_file
from .translation_check import read_po
from .translations import (HEADER, LANGUAGES, TRANSLATIONS_DIR, TranslationFile, po_path, refresh, source_files,
                           translatable_patterns, units)

SCHEMAS = {"glossary.yaml": "glossary.schema.json", "projects": "project.schema.json"}


def _patterns(catalog_dir: Path, source: Path) -> dict:
    relative = source.relative_to(catalog_dir)
    name = SCHEMAS.get(relative.name, SCHEMAS.get(relative.parts[0], "vocabulary.schema.json"))
    schema = json.loads((catalog_dir / "schema" / name).read_text(encoding="utf-8"))
    return translatable_patterns(schema)


def _po_files(catalog_dir: Path, only=None):
    """(document, its translatable units, language, PO path) for every catalogue file that
    loads (or only those given), in each language."""
    for source in source_files(catalog_dir):
        if only is not None and source.resolve() not in only:
            continue
        doc, _problems = load_file(source, shown_path(source))
        if doc is None:
            continue        # `check` reports why
        found = units(doc.data, _patterns(catalog_dir, source))
        for language in LANGUAGES:
            yield doc, found, language, po_path(catalog_dir, source, language)


def status(catalog_dir: Path) -> list[tuple[str, int, int, int]]:
    """(PO file, current, stale, missing) for every catalogue file and language."""
    rows = []
    for _doc, found, _language, path in _po_files(catalog_dir):
        catalogue, _problems = read_po(path, shown_path(path))
        states = [TranslationFile(catalogue).lookup(u).state for u in found]
        rows.append((shown_path(path), states.count("current"), states.count("stale"), states.count("missing")))
    return rows


def refresh_all(catalog_dir: Path, only: list[Path] | None = None) -> list[str]:
    """Bring every PO file up to date (or those of the given catalogue files); returns the
    files written or removed."""
    changed = []
    wanted = set()
    chosen = None if not only else {Path(p).resolve() for p in only}
    for doc, found, language, path in _po_files(catalog_dir, chosen):
        wanted.add(path)
        old, problems = read_po(path, shown_path(path))
        if problems:
            continue     # a malformed file is left for its author; `check` says where
        text = po.dump(refresh(old, found, language, lambda unit: f"{doc.path}:{doc.locate(unit.path)[0]}"))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(shown_path(path))
    root = catalog_dir / TRANSLATIONS_DIR
    for path in sorted(root.rglob("*.po")) if root.is_dir() and chosen is None else ():
        if path not in wanted:
            path.unlink()
            changed.append(f"{shown_path(path)} (removed: its catalogue file is gone)")
    return changed


def refresh_ui() -> list[str]:
    """generator/locale/<language>.po brought up to date with the strings the code marks."""
    from .ui import LOCALE, extract
    messages = extract()
    changed = []
    for language in LANGUAGES:
        path = LOCALE / f"{language}.po"
        old, problems = read_po(path, shown_path(path))
        if problems:
            continue
        known = {e.msgid: e for e in (old.entries if old else ()) if not e.obsolete}
        where: dict[str, list[str]] = {}
        for m in messages:
            where.setdefault(m.msgid, []).append(f"{m.file}:{m.line}")
        entries = []
        for msgid, places in where.items():
            entry = known.get(msgid)
            entries.append(po.Entry(msgid, entry.msgstr if entry else "", None,
                                    entry.flags if entry else (), None, (), tuple(places)))
        retired = [e for e in (old.entries if old else ()) if e.obsolete or e.msgid not in where]
        for entry in retired:
            entry.obsolete, entry.references = True, ()
        text = po.dump(po.Catalogue(entries + retired, {**HEADER, "Language": language}))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(shown_path(path))
    return changed
