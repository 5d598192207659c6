"""The entries of a large catalogue checked in two processes at once, half each.

Reads the entry files, through the stages catalog.py gives it. Writes nothing. The first
half is checked here and the second in a forked process at the same time, which sends
back its results (records, problems, skips) and the translation files it read, pickled;
they are joined in file order, so the result is exactly that of one process checking every
file in turn. Below SPLIT_FROM entries the fork costs more than it saves, and a process
with other threads (the preview's server) must not fork: both check every file here.
"""
from __future__ import annotations

import os
import pickle
import signal
import traceback
from collections.abc import Callable

from .forks import die_with

SPLIT_FROM = 64


class SplitCheckError(Exception):
    """The other process failed; the message is its traceback."""


def check_entries(paths: list, check_one: Callable, translation, split: bool) -> list:
    """[check_one(path) for path in paths], the second half in a forked process when split
    and there are enough paths; translation (the TranslationCheck both halves used) learns
    which PO files the other half read."""
    if not split or len(paths) < SPLIT_FROM or not hasattr(os, "fork"):
        return [check_one(path) for path in paths]
    half = (len(paths) + 1) // 2
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:                                    # the second half
        os.close(read)
        payload = b""
        try:
            die_with(parent)
            results = [check_one(path) for path in paths[half:]]
            payload = pickle.dumps((None, results, translation.seen, translation.counts), pickle.HIGHEST_PROTOCOL)
        except BaseException:
            payload = pickle.dumps((traceback.format_exc(), None, None, None))
        finally:            # a child never returns into its parent's code
            try:
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
    os.close(write)
    try:
        first = [check_one(path) for path in paths[:half]]
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        raise
    with os.fdopen(read, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    if not payload:
        raise SplitCheckError("the check of the second half of the entries died")
    failure, second, seen, counts = pickle.loads(payload)
    if failure:
        raise SplitCheckError(failure)
    translation.seen |= seen
    translation.counts.update(counts)
    return first + second
