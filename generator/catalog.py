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
from dataclasses import dataclass, replace
from pathlib import Path

from . import rules
from .load import load_file, parse_bytes, read_file
from .model import IsoDate, System, build_system
from .problems import Problem, Severity
from .schema import SchemaCompileError, compile_schema
from .content_translation import content_problems
from .translation_check import TranslationCheck, ui_problems
from .translations import LANGUAGES, SOURCE_LANGUAGE, Untranslated, translatable_patterns
from .validate import Explainer
from .vocab import Vocabulary, build_vocabulary, enums_by_vocabulary, sync_problems, vocabulary_path

VALUE_CHECKS = {"date-format": lambda text: IsoDate.parse(text) is not None}


class CatalogEnvironmentError(Exception):
    """The catalogue cannot be checked at all (a missing directory, a broken schema)."""


@dataclass(frozen=True)
class GlossaryTerm:
    term: str                    # in the catalogue's language
    definition: str
    aliases: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    english: str = ""            # the English term, for anchors that are the same in every language

    @property
    def key(self) -> str:
        return self.english or self.term


@dataclass(frozen=True)
class Catalog:
    """Clean records only, in one language: built when the check found no errors. In a
    translated catalogue, prose fields hold the translation, or Untranslated English."""
    systems: tuple[System, ...]              # sorted by slug
    vocabularies: dict[str, Vocabulary]      # 'categories', 'status', 'custody', ...
    schema: dict
    glossary: tuple[GlossaryTerm, ...]
    data: dict[str, dict]                    # slug -> the entry exactly as written (for downloads)
    language: str = "en"

    def system(self, slug: str) -> System:
        return next(s for s in self.systems if s.slug == slug)


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]            # sorted by file, line, column
    files: int
    catalog: Catalog | None                  # None when there is any error
    translated: dict | None = None           # language -> Catalog, when there is no error
    terms: dict | None = None                # language -> the glossary's term list (translation_rules.Terms)
    pages: dict | None = None                # language -> {English page: current translated Page}
    sources: tuple = (0, 0)                  # (sources cited by the valid entries, of which primary)

    @property
    def catalogs(self) -> dict:
        """Every language's catalogue, English first (when there is no error)."""
        return {self.catalog.language: self.catalog, **self.translated} if self.catalog else {}

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


PROJECT_CATALOG = Path(__file__).resolve().parent.parent / "catalog"


def check_all(catalog_dir: Path, today: dt.date) -> CheckResult:
    """What `make check` and `make site` check: the catalogue with its translations, then the
    translations of the hand-written pages (content/ beside the catalogue) and, for the
    project's own catalogue, of the site's own words (generator/locale/)."""
    result = check_catalog(catalog_dir, today)
    problems = list(result.problems)
    if catalog_dir.resolve() == PROJECT_CATALOG:    # the site's own words are checked with its own glossary
        problems += ui_problems(shown_path, result.terms)
    content_dir = catalog_dir.parent / "content"
    pages = {}
    if content_dir.is_dir():
        found, pages = content_problems(content_dir, shown_path, result.terms)
        problems += found
    problems.sort()
    clean = not any(p.severity is Severity.ERROR for p in problems)
    return replace(result, problems=tuple(problems), pages=pages,
                   catalog=result.catalog if clean else None, translated=result.translated if clean else None)


def check_catalog(catalog_dir: Path, today: dt.date) -> CheckResult:
    """Check every file under catalog_dir, and its translations. Raises
    CatalogEnvironmentError only when the catalogue's own configuration (directory,
    schemas) is missing or broken."""
    projects_dir = catalog_dir / "projects"
    if not projects_dir.is_dir():
        raise CatalogEnvironmentError(f"{shown_path(projects_dir)}: no such directory")
    schema_path = catalog_dir / "schema" / "project.schema.json"
    vocab_schema_path = catalog_dir / "schema" / "vocabulary.schema.json"
    schema = _read_json(schema_path)
    vocab_schema = _read_json(vocab_schema_path)
    validate_entry = _compile(schema, schema_path)
    validate_vocabulary = _compile(vocab_schema, vocab_schema_path)
    translation = TranslationCheck(catalog_dir, shown_path)
    paths = sorted(projects_dir.iterdir())
    slugs = frozenset(p.stem for p in paths)

    problems: list[Problem] = []
    glossary, found = _check_glossary(catalog_dir, slugs, translation)
    problems += found

    vocabularies: dict[str, dict] = {}               # key -> {language: Vocabulary}
    vocabulary_patterns = translatable_patterns(vocab_schema)
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
        english = build_vocabulary(key, doc.data)
        problems += sync_problems(english, expected, doc)
        problems += rules.text_problems(doc)
        localized, found = translation.file(path, doc, vocabulary_patterns)
        problems += found
        vocabularies[key] = {SOURCE_LANGUAGE: english,
                             **{lang: build_vocabulary(key, data) for lang, data in localized.items()}}

    titles = {key: v[SOURCE_LANGUAGE].title for key, v in vocabularies.items()}
    explainer = Explainer(schema, titles)
    context = rules.Context(today, {t.id: t for t in vocabularies["categories"][SOURCE_LANGUAGE].terms},
                            slugs) if "categories" in vocabularies else None
    entry_patterns = translatable_patterns(schema)
    root = os.path.realpath(catalog_dir)
    entries: list[rules.Entry] = []
    translated_systems: dict[str, list[System]] = {lang: [] for lang in LANGUAGES}
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
        localized, found = translation.file(path, doc, entry_patterns)
        problems += found
        for lang, data in localized.items():   # names stay as written; a local name is shown beside it
            local = data["name"] if data["name"] != doc.data["name"] and \
                not isinstance(data["name"], Untranslated) else None
            translated_systems[lang].append(build_system(path.stem, shown, {**data, "name": doc.data["name"]}, local))
        entry.release()
        entries.append(entry)

    if context:
        for rule in rules.CATALOG_RULES:
            problems += rule(entries, context)
    problems += translation.leftovers()

    problems.sort()
    clean = not any(p.severity is Severity.ERROR for p in problems)
    if not clean:
        return CheckResult(tuple(problems), len(paths), None, terms=translation.terms, sources=_source_kinds(entries))
    data = {e.system.slug: e.data for e in entries}

    def catalog(language: str, systems) -> Catalog:
        return Catalog(tuple(sorted(systems, key=lambda s: s.slug)),
                       {key: v[language] for key, v in vocabularies.items()}, schema,
                       glossary[language], data, language)
    return CheckResult(tuple(problems), len(paths), catalog(SOURCE_LANGUAGE, [e.system for e in entries]),
                       {lang: catalog(lang, translated_systems[lang]) for lang in LANGUAGES},
                       terms=translation.terms, sources=_source_kinds(entries))


def _source_kinds(entries) -> tuple[int, int]:
    kinds = [s.kind for e in entries for s in e.system.sources]
    return len(kinds), kinds.count("primary")


def _glossary_terms(data: dict) -> tuple[GlossaryTerm, ...]:
    return tuple(GlossaryTerm(t["term"], t["definition"], tuple(t.get("aliases", ())),
                              tuple(t.get("see", ()))) for t in data["terms"])


def _check_glossary(catalog_dir: Path, slugs: frozenset, translation: TranslationCheck):
    """({language: glossary terms}, problems). Checked first: its translated terms are the
    term list every other translation is held to."""
    path = catalog_dir / "glossary.yaml"
    schema_path = catalog_dir / "schema" / "glossary.schema.json"
    glossary_schema = _read_json(schema_path)
    empty = {lang: () for lang in (SOURCE_LANGUAGE, *LANGUAGES)}
    if not path.exists():
        raise CatalogEnvironmentError(f"{shown_path(path)}: missing")
    doc, problems = load_file(path, shown_path(path))
    if doc is None:
        return empty, problems
    violations = _compile(glossary_schema, schema_path)(doc.data)
    if violations:
        return empty, problems + Explainer(glossary_schema, {}).problems(doc, violations)
    terms = _glossary_terms(doc.data)
    problems += rules.glossary_problems(doc, terms, slugs) + rules.text_problems(doc)
    localized, found = translation.file(path, doc, translatable_patterns(glossary_schema), glossary=True)
    out = {SOURCE_LANGUAGE: terms}
    for lang, data in localized.items():
        out[lang] = tuple(GlossaryTerm(t["term"], t["definition"],
                                       (english["term"],) if t["term"].casefold() != english["term"].casefold() else (),
                                       tuple(t.get("see", ())), english["term"])
                          for t, english in zip(data["terms"], doc.data["terms"]))
    return out, problems + found
