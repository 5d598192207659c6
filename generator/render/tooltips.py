"""Glossary tooltips: every glossary term shows its definition where it appears.

Reads the glossary. Writes nothing. Two ways, one per kind of page:
- generated pages: while a page renders (`active`), the Markdown escaping of catalogue
  text wraps the first occurrence of each term on the page in <abbr title="definition">
  (later occurrences stay plain, so a long page does not carry the same definition
  a dozen times);
- hand-written pages: Python-Markdown abbreviation lines (`*[term]: definition`) are
  appended for the terms the page contains, and the abbr extension marks them.
"""
from __future__ import annotations

import contextlib
import contextvars
import html
import re

from ..catalog import Catalog

_ACTIVE: contextvars.ContextVar = contextvars.ContextVar("tooltips", default=None)


class Tooltips:
    WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'./-]*")

    def __init__(self, catalog: Catalog):
        self.definitions: dict[str, str] = {}
        for term in catalog.glossary:
            for word in (term.term,) + term.aliases:
                for variant in (word, word[0].upper() + word[1:]):
                    self.definitions.setdefault(variant, " ".join(term.definition.split()))
        self.phrases: dict[str, list[str]] = {}    # first word -> multi-word terms starting with it
        for term in self.definitions:
            if " " in term:
                self.phrases.setdefault(term.split(" ", 1)[0], []).append(term)
        words = sorted(self.definitions, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")

    def candidates(self, text: str) -> set[str]:
        """The terms that occur in text, found with one tokenising pass (C speed)."""
        words = set(self.WORD.findall(text))
        words |= {w.rstrip(".") for w in words}
        found = {w for w in words if w in self.definitions}
        for first in words & self.phrases.keys():
            found.update(phrase for phrase in self.phrases[first] if phrase in text)
        return found

    def abbreviations(self, text: str) -> str:
        """Abbreviation lines for a hand-written page, one per term it contains."""
        return "".join(f"\n\n*[{w}]: {self.definitions[w]}" for w in sorted(self.candidates(text)))

    @contextlib.contextmanager
    def active(self):
        """Within this block, rendering a page marks each term's first occurrence."""
        token = _ACTIVE.set((self, set()))
        try:
            yield
        finally:
            _ACTIVE.reset(token)


def new_page() -> None:
    """Start a page: every term may be marked once more."""
    state = _ACTIVE.get()
    if state:
        state[1].clear()


def mark(text: str, escape) -> str:
    """Escape plain text for Markdown, wrapping first occurrences of glossary terms."""
    state = _ACTIVE.get()
    if not state:
        return escape(text)
    tooltips, seen = state
    fresh = tooltips.candidates(text) - seen
    if not fresh:
        return escape(text)
    out, last = [], 0
    for match in tooltips.pattern.finditer(text):
        term = match.group()
        if term in fresh and term not in seen:
            seen.add(term)
            out.append(escape(text[last:match.start()]) if last < match.start() else "")
            out.append(f'<abbr title="{html.escape(tooltips.definitions[term], quote=True)}">'
                       f"{escape(term)}</abbr>")
            last = match.end()
    out.append(escape(text[last:]) if last < len(text) else "")
    return "".join(out)
