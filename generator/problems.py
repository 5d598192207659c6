"""Problems and the rule registry.

Reads nothing and prints nothing. A Problem is one located finding about one file;
a Rule is a stable id with a severity and a one-line description. Every module that
can find something wrong registers its rules here, so the checker, the contributor
reference page and the tests all see the same list.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    group: str
    summary: str                 # may hold {placeholders}, filled from values
    values: tuple = ()           # ((name, value), ...)


RULES: dict[str, Rule] = {}


def register(rule_id: str, severity: Severity, group: str, summary: str, **values) -> Rule:
    """Declare a rule once, at import time. Ids are stable: tools and docs rely on them.
    The summary is a literal (so it can be translated); numbers it names are passed as values."""
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id!r} is registered twice")
    rule = Rule(rule_id, severity, group, summary, tuple(values.items()))
    RULES[rule_id] = rule
    return rule


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
