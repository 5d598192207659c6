"""The check as a list of stages, and what a failed stage made it skip.

Reads nothing. Writes nothing. A file goes through its stages in order (file, YAML,
schema, entry rules, translations, ...); each stage takes what the one before it made
and returns what it makes, with its problems. A stage that found errors it cannot go past
returns None: the later stages do not run on that file, and the check says which, and why,
so a contributor knows that fixing these errors may bring others to light.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .problems import Problem

Stage = tuple[str, Callable]      # (name shown to the user, function: value -> (value | None, problems))


@dataclass(frozen=True, order=True)
class Skipped:
    file: str
    stage: str                    # the stage that found the errors
    skipped: tuple[str, ...]      # the stages that did not run, in order
    reason: str = ""              # when they were skipped for another file's errors

    def format(self) -> str:
        why = self.reason or f"the {self.stage} errors above"
        return f"{self.file}: note: not checked yet, because of {why}: {', '.join(self.skipped)}"


def run(file: str, stages: tuple[Stage, ...], value) -> tuple[object | None, list[Problem], list[Skipped]]:
    """(the last stage's result, or None if a stage stopped, problems, what was skipped)."""
    problems: list[Problem] = []
    for index, (name, stage) in enumerate(stages):
        value, found = stage(value)
        problems += found
        if value is None:
            later = tuple(n for n, _ in stages[index + 1:])
            return None, problems, [Skipped(file, name, later)] if later else []
    return value, problems, []
