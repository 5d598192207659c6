"""What each forked process of the build does first: arrange to die with its parent.

The render (generator/languages_render.py) and the MkDocs build (generator/languages_build.py)
each fork a process per other language.
"""
from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1      # prctl(2)


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
