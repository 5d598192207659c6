"""Check the whole catalogue and, when it is clean, hand back its records.

Reads catalog/ (schema, vocabularies, projects). Writes nothing. This is the one path
from YAML to records: `check` reports its problems, `build` renders its records, so the
two can never disagree about what is valid. Every file is read, and every problem
reported, even after the first.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import rules
from .load import load_file, parse_bytes, read_file
from .model import IsoDate, System, build_system
from .problems import Problem, Severity
from .schema import SchemaCompileError, compile_schema
from .validate import Explainer
from .vocab import Vocabulary, build_vocabulary, enums_by_vocabulary, sync_problems, vocabulary_path

VALUE_CHECKS = {"date-format": lambda text: IsoDate.parse(text) is not None}


class CatalogEnvironmentError(Exception):
    """The catalogue cannot be checked at all (a missing directory, a broken schema)."""


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """Clean records only: built when the check found no errors."""
    systems: tuple[System, ...]              # sorted by slug
    vocabularies: dict[str, Vocabulary]      # 'categories', 'status', 'custody', ...
    schema: dict
    glossary: tuple[GlossaryTerm, ...]
    data: dict[str, dict]                    # slug -> the entry exactly as written (for downloads)

    def system(self, slug: str) -> System:
        return next(s for s in self.systems if s.slug == slug)


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]            # sorted by file, line, column
    files: int
    catalog: Catalog | None                  # None when there is any error

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def shown_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogEnvironmentError(f"{shown_path(path)}: cannot read the schema: {exc}") from exc


def _compile(schema: dict, path: Path):
    try:
        return compile_schema(schema, VALUE_CHECKS)
    except (SchemaCompileError, KeyError, TypeError) as exc:
        raise CatalogEnvironmentError(f"{shown_path(path)}: unsupported schema: {exc}") from exc


def check_catalog(catalog_dir: Path, today: dt.date) -> CheckResult:
    """Check every file under catalog_dir. Raises CatalogEnvironmentError only when the
    catalogue's own configuration (directory, schemas) is missing or broken."""
    projects_dir = catalog_dir / "projects"
    if not projects_dir.is_dir():
        raise CatalogEnvironmentError(f"{shown_path(projects_dir)}: no such directory")
    schema_path = catalog_dir / "schema" / "project.schema.json"
    vocab_schema_path = catalog_dir / "schema" / "vocabulary.schema.json"
    schema = _read_json(schema_path)
    validate_entry = _compile(schema, schema_path)
    validate_vocabulary = _compile(_read_json(vocab_schema_path), vocab_schema_path)

    problems: list[Problem] = []
    vocabularies: dict[str, Vocabulary] = {}
    for key, expected in enums_by_vocabulary(schema).items():
        path = vocabulary_path(catalog_dir, key)
        if not path.exists():
            raise CatalogEnvironmentError(f"{shown_path(path)}: missing; the schema names the "
                                          f"vocabulary '{key}'")
        doc, found = load_file(path, shown_path(path))
        problems += found
        if doc is None:
            continue
        violations = validate_vocabulary(doc.data)
        if violations:
            problems += Explainer(schema, {}).problems(doc, violations)
            continue
        vocabularies[key] = build_vocabulary(key, doc.data)
        problems += sync_problems(vocabularies[key], expected, doc)
        problems += rules.text_problems(doc)

    titles = {key: v.title for key, v in vocabularies.items()}
    explainer = Explainer(schema, titles)
    paths = sorted(projects_dir.iterdir())
    context = rules.Context(today, {t.id: t for t in vocabularies["categories"].terms},
                            frozenset(p.stem for p in paths)) if "categories" in vocabularies else None
    root = os.path.realpath(catalog_dir)
    entries: list[rules.Entry] = []
    for path in paths:
        shown = shown_path(path)
        raw, found = read_file(path, shown)
        problems += found
        if raw is None:
            continue
        if not os.path.realpath(path).startswith(root + os.sep):
            problems.append(Problem(shown, 1, 1, "file-type", "", "resolves outside the catalogue"))
            continue
        problems += rules.file_problems(path, shown, raw.split(b"\n", 1)[0])
        doc, found = parse_bytes(raw, shown)
        problems += found
        if doc is None:
            continue
        problems += rules.todo_problems(doc)
        violations = validate_entry(doc.data)
        if violations:
            problems += explainer.problems(doc, violations)
            continue
        entry = rules.Entry(build_system(path.stem, shown, doc.data), doc)
        problems += rules.text_problems(doc)
        if context:
            for rule in rules.ENTRY_RULES:
                problems += rule(entry, context)
        entry.release()
        entries.append(entry)

    if context:
        for rule in rules.CATALOG_RULES:
            problems += rule(entries, context)

    glossary, found = _check_glossary(catalog_dir, schema, frozenset(p.stem for p in paths))
    problems += found

    problems.sort()
    clean = not any(p.severity is Severity.ERROR for p in problems)
    catalog = Catalog(tuple(sorted((e.system for e in entries), key=lambda s: s.slug)),
                      vocabularies, schema, glossary,
                      {e.system.slug: e.data for e in entries}) if clean else None
    return CheckResult(tuple(problems), len(paths), catalog)


def _check_glossary(catalog_dir: Path, schema: dict, slugs: frozenset):
    path = catalog_dir / "glossary.yaml"
    schema_path = catalog_dir / "schema" / "glossary.schema.json"
    glossary_schema = _read_json(schema_path)
    if not path.exists():
        raise CatalogEnvironmentError(f"{shown_path(path)}: missing")
    doc, problems = load_file(path, shown_path(path))
    if doc is None:
        return (), problems
    violations = _compile(glossary_schema, schema_path)(doc.data)
    if violations:
        return (), problems + Explainer(glossary_schema, {}).problems(doc, violations)
    terms = tuple(GlossaryTerm(t["term"], t["definition"], tuple(t.get("aliases", ())),
                               tuple(t.get("see", ()))) for t in doc.data["terms"])
    return terms, problems + rules.glossary_problems(doc, terms, slugs) + rules.text_problems(doc)

