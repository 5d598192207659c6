"""Problems and the rule registry.

Reads nothing and prints nothing. A Problem is one located finding about one file;
a Rule is one object: a stable id, a severity, a one-line description and, for the rules
that a function of their own checks, that function. Every module that can find something
wrong declares its rules here with `rule()`, so the checker, the contributor reference
page and the tests all see the same list.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# What a rule applies to, when a function of its own finds its problems: one schema-valid
# entry (with the catalogue's context), or every entry at once. Rules without a scope are
# reported by the stage that can see them: the file reader, the YAML loader, the schema
# explainer, the translation checks.
ENTRY, CATALOGUE = "entry", "catalogue"


@dataclass(frozen=True)
class Finding:
    """What a rule's function yields; the registry attaches the rule and the place."""
    path: tuple                  # into the file's data: ('custody', 0, 'risk', 'rating')
    message: str
    hint: str = ""               # what to write instead, when there is a suggestion
    key: bool = False            # point at the key rather than at its value


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    group: str
    summary: str                 # may hold {placeholders}, filled from values
    values: tuple = ()           # ((name, value), ...)
    scope: str | None = None     # ENTRY or CATALOGUE when `check` finds its problems
    check: Callable | None = None

    def __call__(self, check: Callable) -> "Rule":
        """Used as a decorator: the function becomes the rule's check, and its name the Rule."""
        if self.scope is None or self.check is not None:
            raise TypeError(f"rule {self.id!r} takes a check only once, and only with a scope")
        RULES[self.id] = with_check = replace(self, check=check)
        return with_check

    def at(self, file: str, line: int, col: int, message: str, field: str = "") -> Problem:
        return Problem(file, line, col, self.id, field, message)

    def located(self, doc, path: tuple, message: str, key: bool = False) -> Problem:
        """A problem at the value (or key) that `path` names in a loaded document."""
        line, col = doc.locate(path, key=key)
        return Problem(doc.path, line, col, self.id, field_path(path), message)

    def run(self, subject, context) -> list[Problem]:
        """The check's findings as located problems. An entry rule's subject is one entry and
        its findings lie in it; a catalogue rule's subject is every entry, and it yields
        (entry, finding) pairs."""
        found = self.check(subject, context)
        pairs = found if self.scope == CATALOGUE else ((subject, finding) for finding in found)
        return [self.located(entry.doc, f.path, f.message + f.hint, f.key) for entry, f in pairs]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, group: str, summary: str, *, scope: str | None = None,
         **values) -> Rule:
    """The one way to declare a rule, at import time. Ids are stable: tools and docs rely on
    them. The summary is a literal (so it can be translated); numbers it names are passed as
    values. With a scope, decorate the function that finds the rule's problems:

        @rule("date-future", Severity.ERROR, "Dates", "No date lies in the future.", scope=ENTRY)
        def future_dates(entry, ctx): yield Finding(path, message)
    """
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id!r} is registered twice")
    if scope not in (None, ENTRY, CATALOGUE):
        raise ValueError(f"rule {rule_id!r}: unknown scope {scope!r}")
    declared = Rule(rule_id, severity, group, summary, tuple(values.items()), scope)
    RULES[rule_id] = declared
    return declared


def rules_of(scope: str) -> list[Rule]:
    """The rules of a scope with their checks, in the order they were declared."""
    found = [r for r in RULES.values() if r.scope == scope]
    missing = [r.id for r in found if r.check is None]
    if missing:
        raise TypeError(f"rules declared with a scope but no check: {', '.join(missing)}")
    return found


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    rule: str
    field: str
    message: str

    @property
    def severity(self) -> Severity:
        return RULES[self.rule].severity

    def format(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return (f"{self.file}:{self.line}:{self.col}: {self.severity.value} "
                f"[{self.rule}]{field} {self.message}")

    def github_annotation(self) -> str:
        message = f"{self.field}: {self.message}" if self.field else self.message
        for raw, escaped in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A")):
            message = message.replace(raw, escaped)
        return (f"::{self.severity.value} file={self.file},line={self.line},"
                f"col={self.col},title={self.rule}::{message}")


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' when one choice is close to word, else ''."""
    choices = list(choices)
    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded:
        return f" (did you mean '{folded[word.casefold()]}'?)"
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        by_part = [c for c in choices if word and (word in c or c in word)]
        close = by_part[:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def field_path(path) -> str:
    """('sources', 2, 'url') -> 'sources[2].url'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
