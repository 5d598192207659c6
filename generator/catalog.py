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

from . import rules, stages
from .load import R_FILE, load_file, parse_bytes, read_file
from .model import IsoDate, System, build_system
from .problems import CATALOGUE, ENTRY, Problem, Severity, rules_of
from .schema import SchemaCompileError, compile_schema
from .split_check import check_entries
from .stages import Skipped
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
    skipped: tuple[Skipped, ...] = ()        # stages that did not run, because an earlier one failed

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


def check_all(catalog_dir: Path, today: dt.date, split: bool = False) -> CheckResult:
    """What `make check` and `make site` check: the catalogue with its translations, then the
    translations of the hand-written pages (content/ beside the catalogue) and, for the
    project's own catalogue, of the site's own words (generator/locale/). split: check the
    entries in two processes (generator/split_check.py), where nothing else runs threads."""
    result = check_catalog(catalog_dir, today, split)
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


def check_catalog(catalog_dir: Path, today: dt.date, split: bool = False) -> CheckResult:
    """Check every file under catalog_dir, and its translations. Raises
    CatalogEnvironmentError only when the catalogue's own configuration (directory,
    schemas) is missing or broken.

    The stages, in order: the glossary (its translated terms are the term list every other
    translation is held to); each vocabulary; each entry (file, YAML, placeholders, schema,
    entry rules, translations); the catalogue rules across entries; the translations left
    over. A stage that fails skips the later stages of its file, and says so; a broken
    categories.yaml skips every entry's rules and the catalogue rules."""
    projects_dir = catalog_dir / "projects"
    if not projects_dir.is_dir():
        raise CatalogEnvironmentError(f"{shown_path(projects_dir)}: no such directory")
    schema_path = catalog_dir / "schema" / "project.schema.json"
    schema = _read_json(schema_path)
    translation = TranslationCheck(catalog_dir, shown_path)
    paths = sorted(projects_dir.iterdir())
    slugs = frozenset(p.stem for p in paths)

    glossary, problems, skipped = _check_glossary(catalog_dir, slugs, translation)
    vocabularies, found, skips = _check_vocabularies(catalog_dir, schema, translation)
    problems += found
    skipped += skips
    categories = vocabularies.get("categories")
    context = rules.Context(today, {t.id: t for t in categories[SOURCE_LANGUAGE].terms}, slugs) \
        if categories else None
    if context is None:
        skipped.append(Skipped(shown_path(vocabulary_path(catalog_dir, "categories")), "categories",
                               ("the entry rules of every entry", "the catalogue rules"),
                               "the errors in this file"))
    explainer = Explainer(schema, {key: v[SOURCE_LANGUAGE].title for key, v in vocabularies.items()})
    entry_check = _EntryCheck(os.path.realpath(catalog_dir), _compile(schema, schema_path), explainer, context,
                              translation, translatable_patterns(schema))
    entries: list[rules.Entry] = []
    translated_systems: dict[str, list[System]] = {lang: [] for lang in LANGUAGES}
    for checked, found, skips in check_entries(paths, entry_check.run, translation, split):
        problems += found
        skipped += skips
        if checked:
            entry, localized = checked
            entries.append(entry)
            for lang, system in localized.items():
                translated_systems[lang].append(system)

    if context:
        for catalogue_rule in rules_of(CATALOGUE):
            problems += catalogue_rule.run(entries, context)
    problems += translation.leftovers()

    problems.sort()
    sources = _source_kinds(entries)
    if any(p.severity is Severity.ERROR for p in problems):
        return CheckResult(tuple(problems), len(paths), None, terms=translation.terms, sources=sources,
                           skipped=tuple(sorted(skipped)))
    data = {e.system.slug: e.data for e in entries}

    def catalog(language: str, systems) -> Catalog:
        return Catalog(tuple(sorted(systems, key=lambda s: s.slug)),
                       {key: v[language] for key, v in vocabularies.items()}, schema,
                       glossary[language], data, language)
    return CheckResult(tuple(problems), len(paths), catalog(SOURCE_LANGUAGE, [e.system for e in entries]),
                       {lang: catalog(lang, translated_systems[lang]) for lang in LANGUAGES},
                       terms=translation.terms, sources=sources)


@dataclass(frozen=True)
class _EntryCheck:
    """The stages of one entry file. Each takes what the stage before it made."""
    root: str                     # the catalogue's real path: an entry may not resolve outside it
    validate: object              # the compiled entry schema
    explainer: Explainer
    context: rules.Context | None   # None when categories.yaml is broken: the entry rules cannot run
    translation: TranslationCheck
    patterns: object              # the entry's translatable fields

    def run(self, path: Path):
        """(the checked entry or None, problems, what was skipped) for one entry file."""
        return stages.run(shown_path(path), self.stages, path)

    @property
    def stages(self) -> tuple:
        return (("file", self.read), ("YAML", self.parse), ("placeholders", self.placeholders),
                ("schema", self.schema), ("entry rules", self.rules), ("translations", self.translate))

    def read(self, path: Path):
        shown = shown_path(path)
        raw, problems = read_file(path, shown)
        if raw is None:
            return None, problems
        if not os.path.realpath(path).startswith(self.root + os.sep):
            return None, problems + [R_FILE.at(shown, 1, 1, "resolves outside the catalogue")]
        return (path, shown, raw), problems + rules.file_problems(path, shown, raw.split(b"\n", 1)[0])

    @staticmethod
    def parse(read):
        path, shown, raw = read
        doc, problems = parse_bytes(raw, shown)
        return ((path, doc) if doc else None), problems

    @staticmethod
    def placeholders(parsed):
        path, doc = parsed
        paths = rules.placeholders(doc)
        return (path, doc, paths), rules.todo_problems(doc, paths)

    def schema(self, found):
        path, doc, placeholders = found
        violations = self.validate(doc.data)
        if violations:
            return None, rules.without_placeholders(self.explainer.problems(doc, violations), placeholders)
        return (path, doc), []

    def rules(self, valid):
        path, doc = valid
        entry = rules.Entry(build_system(path.stem, doc.path, doc.data), doc)
        problems = rules.text_problems(doc)
        if self.context:
            for entry_rule in rules_of(ENTRY):
                problems += entry_rule.run(entry, self.context)
        return (path, entry), problems

    def translate(self, checked):
        path, entry = checked
        localized, problems = self.translation.file(path, entry.doc, self.patterns)
        systems = {}
        for lang, data in localized.items():   # names stay as written; a local name is shown beside it
            name = entry.data["name"]
            local = data["name"] if data["name"] != name and not isinstance(data["name"], Untranslated) else None
            systems[lang] = build_system(path.stem, entry.doc.path, {**data, "name": name}, local)
        entry.release()
        return (entry, systems), problems


def _check_vocabularies(catalog_dir: Path, schema: dict, translation: TranslationCheck):
    """({key: {language: Vocabulary}} of the vocabularies that passed, problems, skipped)."""
    schema_path = catalog_dir / "schema" / "vocabulary.schema.json"
    vocab_schema = _read_json(schema_path)
    schema_stage = _schema_stage(_compile(vocab_schema, schema_path), Explainer(vocab_schema, {}))
    patterns = translatable_patterns(vocab_schema)
    vocabularies: dict[str, dict] = {}
    problems, skipped = [], []
    for key, expected in enums_by_vocabulary(schema).items():
        path = vocabulary_path(catalog_dir, key)
        if not path.exists():
            raise CatalogEnvironmentError(f"{shown_path(path)}: missing; the schema names the "
                                          f"vocabulary '{key}'")

        def values(doc, key=key, expected=expected):
            english = build_vocabulary(key, doc.data)
            return (doc, english), sync_problems(english, expected, doc) + rules.text_problems(doc)

        def translate(checked, key=key, path=path):
            doc, english = checked
            localized, found = translation.file(path, doc, patterns)
            return {SOURCE_LANGUAGE: english, **{lang: build_vocabulary(key, data)
                                                 for lang, data in localized.items()}}, found

        vocabulary, found, skips = stages.run(shown_path(path), (
            ("YAML", _load), ("schema", schema_stage), ("vocabulary", values), ("translations", translate)), path)
        problems += found
        skipped += skips
        if vocabulary:
            vocabularies[key] = vocabulary
    return vocabularies, problems, skipped


def _load(path: Path):
    return load_file(path, shown_path(path))


def _schema_stage(validate, explainer: Explainer):
    """The schema stage of a vocabulary or the glossary: the document, or its problems."""
    def check(doc):
        violations = validate(doc.data)
        return (None, explainer.problems(doc, violations)) if violations else (doc, [])
    return check


def _source_kinds(entries) -> tuple[int, int]:
    kinds = [s.kind for e in entries for s in e.system.sources]
    return len(kinds), kinds.count("primary")


def _glossary_terms(data: dict) -> tuple[GlossaryTerm, ...]:
    return tuple(GlossaryTerm(t["term"], t["definition"], tuple(t.get("aliases", ())),
                              tuple(t.get("see", ()))) for t in data["terms"])


def _check_glossary(catalog_dir: Path, slugs: frozenset, translation: TranslationCheck):
    """({language: glossary terms}, problems, skipped). Checked first: its translated terms are
    the term list every other translation is held to."""
    path = catalog_dir / "glossary.yaml"
    schema_path = catalog_dir / "schema" / "glossary.schema.json"
    glossary_schema = _read_json(schema_path)
    if not path.exists():
        raise CatalogEnvironmentError(f"{shown_path(path)}: missing")

    def glossary_rules(doc):
        terms = _glossary_terms(doc.data)
        return (doc, terms), rules.glossary_problems(doc, terms, slugs) + rules.text_problems(doc)

    def translate(checked):
        doc, terms = checked
        localized, found = translation.file(path, doc, translatable_patterns(glossary_schema), glossary=True)
        out = {SOURCE_LANGUAGE: terms}
        for lang, data in localized.items():
            out[lang] = tuple(GlossaryTerm(t["term"], t["definition"],
                                           (english["term"],) if t["term"].casefold() != english["term"].casefold()
                                           else (), tuple(t.get("see", ())), english["term"])
                              for t, english in zip(data["terms"], doc.data["terms"]))
        return out, found

    glossary, problems, skipped = stages.run(shown_path(path), (
        ("YAML", _load),
        ("schema", _schema_stage(_compile(glossary_schema, schema_path), Explainer(glossary_schema, {}))),
        ("glossary rules", glossary_rules), ("translations", translate)), path)
    return glossary or {lang: () for lang in (SOURCE_LANGUAGE, *LANGUAGES)}, problems, skipped
