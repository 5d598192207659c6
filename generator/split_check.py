"""The entries of a large catalogue checked in two processes at once, half each.

Reads the entry files, through the stages catalog.py gives it. Writes nothing. The first
half is checked here and the second in a forked process at the same time (forks.Child),
which sends back its results (records, problems, skips) and the translation files it
read; they are joined in file order, so the result is exactly that of one process checking
every file in turn (a test). Below SPLIT_FROM entries the fork costs more than it saves,
and a process with other threads (the preview's server) must not fork: both check every
file here. At 1,000 systems on 2 cores: 10.1 → 6.6 s (BENCHMARKS.md).
"""
from __future__ import annotations

import os
from collections.abc import Callable

from .forks import Child

SPLIT_FROM = 64


def check_entries(paths: list, check_one: Callable, translation, split: bool) -> list:
    """[check_one(path) for path in paths], the second half in a forked process when split
    and there are enough paths; translation (the TranslationCheck both halves used) learns
    which PO files the other half read. A failure in the other half raises forks.ChildFailed."""
    if not split or len(paths) < SPLIT_FROM or not hasattr(os, "fork"):
        return [check_one(path) for path in paths]
    half = (len(paths) + 1) // 2
    child = Child(lambda: ([check_one(path) for path in paths[half:]], translation.seen, translation.counts))
    try:
        first = [check_one(path) for path in paths[:half]]
    except BaseException:
        child.kill()
        raise
    second, seen, counts = child.result()
    translation.seen |= seen
    translation.counts.update(counts)
    return first + second
