"""A function run in a forked process while this one goes on, its result sent back.

The render (generator/languages_render.py) renders the other languages in one, the check
(generator/split_check.py) the second half of the entries; the MkDocs build
(generator/languages_build.py) forks a process per other language too. Every forked
process first arranges to die with its parent (`die_with`). A Child pickles its result,
or its error, into a pipe that the parent reads once its own half is done.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import signal
import traceback
from collections.abc import Callable

PR_SET_PDEATHSIG = 1      # prctl(2)


class ChildFailed(Exception):
    """The forked process failed; the message is its error (or its traceback)."""


def die_with(parent: int) -> None:
    """Have the kernel kill this process if its parent dies (Linux), so an interrupted build
    leaves no edition writing on; where that is not available, the next build's recovery
    removes what an orphan wrote."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        return
    if os.getppid() != parent:       # the parent died before the request took effect
        os._exit(1)


class Child:
    """work() running in a forked process. `result()` waits for its value; an exception of
    the kinds in `expected` comes back as its message, any other as its traceback."""

    def __init__(self, work: Callable[[], object], expected: tuple = ()):
        read, write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            payload = b""
            try:
                die_with(parent)
                payload = pickle.dumps((None, work()), pickle.HIGHEST_PROTOCOL)
            except expected as exc:
                payload = pickle.dumps((str(exc), None))
            except BaseException:
                payload = pickle.dumps((traceback.format_exc(), None))
            finally:            # a child never returns into its parent's code
                try:
                    with os.fdopen(write, "wb") as out:
                        out.write(payload)
                finally:
                    os._exit(0)
        os.close(write)
        self.pid, self.read = pid, read

    def kill(self) -> None:
        """Stop it (this process failed first)."""
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.read)

    def result(self):
        with os.fdopen(self.read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(self.pid, 0)
        if not payload:
            raise ChildFailed("the process stopped before it reported")
        failure, value = pickle.loads(payload)
        if failure is not None:
            raise ChildFailed(failure)
        return value
