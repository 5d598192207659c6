"""Vocabularies: the allowed values of each dimension, with their definitions.

Reads catalog/categories.yaml and catalog/vocabularies/*.yaml. Writes nothing.
Guarantees that each vocabulary named by an `x-vocabulary` annotation in the entry
schema defines exactly the values of that schema enum, so the schema (what editors
and the checker accept) and the definitions (what the site shows) cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, Severity, rule

R_SYNC = rule("vocabulary-sync", Severity.ERROR, "Vocabularies",
                  "A vocabulary file defines exactly the values its schema enum allows, in the same order.")


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    definition: str
    gives_up: str | None = None     # categories: the trilemma corner a family gives up
    symbol: str | None = None       # risk levels: a symbol, so colour is never the only cue


@dataclass(frozen=True)
class Vocabulary:
    key: str                # 'categories', 'status', 'custody', ...
    title: str
    description: str
    terms: tuple[Term, ...]
    dimensions: tuple[dict, ...] = field(default=())   # risk.yaml: criteria per rated dimension
    corners: tuple[dict, ...] = field(default=())      # trilemma.yaml: criteria per corner

    def __getitem__(self, term_id: str) -> Term:
        return next(t for t in self.terms if t.id == term_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)


def vocabulary_path(catalog: Path, key: str) -> Path:
    return catalog / "categories.yaml" if key == "categories" else catalog / "vocabularies" / f"{key}.yaml"


def build_vocabulary(key: str, data: dict) -> Vocabulary:
    terms = tuple(Term(v["id"], v["name"], v["definition"], v.get("gives_up"), v.get("symbol"))
                  for v in data["values"])
    return Vocabulary(key, data["title"], data["description"], terms, tuple(data.get("dimensions", ())),
                      tuple(data.get("corners", ())))


def enums_by_vocabulary(schema: dict) -> dict[str, tuple[str, ...]]:
    """{'custody': ('self-custody', ...), ...} from the schema's x-vocabulary annotations."""
    return {d["x-vocabulary"]: tuple(d["enum"]) for d in schema["$defs"].values() if "x-vocabulary" in d}


def sync_problems(vocabulary: Vocabulary, expected: tuple[str, ...], document) -> list[Problem]:
    """Problems when a vocabulary's ids differ from the schema enum it defines."""
    if vocabulary.ids == expected:
        return []
    line, col = document.locate(("values",), key=True)
    missing = [v for v in expected if v not in vocabulary.ids]
    extra = [v for v in vocabulary.ids if v not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"define {', '.join(missing)} (the schema allows {'it' if len(missing) == 1 else 'them'})")
        if extra:
            parts.append(f"add {', '.join(extra)} to the schema enum of x-vocabulary "
                         f"'{vocabulary.key}' in catalog/schema/project.schema.json, or remove them here")
        message = "; ".join(parts)
    else:
        message = (f"list the values in the schema's order: {', '.join(expected)}")
    return [Problem(document.path, line, col, R_SYNC.id, "values", message)]
