"""Glossary tooltips: every glossary term shows its definition where it appears.

Reads the glossary. Writes nothing. Two ways, one per kind of page:
- generated pages: while a page renders (`active`), the Markdown escaping of catalogue
  text wraps the first occurrence of each term on the page in <abbr title="definition">
  (later occurrences stay plain, so a long page does not carry the same definition
  a dozen times);
- hand-written pages: the first occurrence of each term in the page's prose is wrapped
  the same way, in the Markdown text (code, headings, links and HTML are left alone).
"""
from __future__ import annotations

import contextlib
import contextvars
import html
import re

from ..catalog import Catalog

# Inline Markdown that must stay as written: code spans, links and images with their targets,
# footnote references, HTML tags, attribute lists, bare URLs. Between them is plain prose.
PROTECTED = re.compile(r"(?P<protected>`[^`]*`|!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?|<[^>]*>|\{[^}]*\}"
                       r"|https?://\S+)|(?:[^`\[!<{h]|!(?!\[)|h(?!ttps?://))+")
# Lines that are not prose: headings, HTML, admonition titles, link and footnote definitions.
NOT_PROSE = re.compile(r"\s*(#|<|!!!|\?\?\?|\[[^\]]+\]:)")
_ACTIVE: contextvars.ContextVar = contextvars.ContextVar("tooltips", default=None)


_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


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
        # Chinese terms have no spaces around them: they are found anywhere, longest first
        self.chinese = [w for w in self.definitions if _CJK.search(w)]
        latin = sorted((w for w in self.definitions if not _CJK.search(w)), key=len, reverse=True)
        chinese = sorted(self.chinese, key=len, reverse=True)
        alternatives = [r"(?<![\w-])(?:" + "|".join(map(re.escape, latin)) + r")(?![\w-])"] if latin else []
        alternatives += ["|".join(map(re.escape, chinese))] if chinese else []
        self.pattern = re.compile("|".join(alternatives) or r"(?!)")

    def candidates(self, text: str) -> set[str]:
        """The terms that occur in text, found with one tokenising pass (C speed)."""
        words = set(self.WORD.findall(text))
        words |= {w.rstrip(".") for w in words}
        found = {w for w in words if w in self.definitions}
        for first in words & self.phrases.keys():
            found.update(phrase for phrase in self.phrases[first] if phrase in text)
        found.update(w for w in self.chinese if w in text)
        return found

    def mark_markdown(self, text: str) -> str:
        """A hand-written page with the first occurrence of each term in its prose wrapped in
        <abbr title="definition">. Code, headings, HTML, links and front matter stay as written."""
        seen: set[str] = set()
        lines = text.split("\n")
        fence = "---" if lines[0] == "---" else None      # front matter is skipped like a code block
        for number, line in enumerate(lines[1:] if fence else lines, start=1 if fence else 0):
            stripped = line.lstrip()
            if fence:
                fence = None if stripped.startswith(fence) else fence
            elif stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
            elif not NOT_PROSE.match(line) and self.fresh(line, seen):
                lines[number] = PROTECTED.sub(lambda part: self._mark_words(part, seen), line)
        return "\n".join(lines)

    def _mark_words(self, part: re.Match, seen: set[str]) -> str:
        if part.group("protected"):
            return part.group(0)

        return self.pattern.sub(lambda match: self.first(match.group(), match.group(), seen), part.group(0))

    def fresh(self, text: str, seen: set[str]) -> bool:
        """Does text hold a term whose definition the page has not shown yet?"""
        return bool({self.definitions[term] for term in self.candidates(text)} - seen)

    def first(self, term: str, shown: str, seen: set[str]) -> str:
        """`shown` (the term as Markdown) in an <abbr> if its definition is new to the page."""
        definition = self.definitions[term]
        if definition in seen:
            return shown
        seen.add(definition)
        return f'<abbr title="{html.escape(definition, quote=True)}">{shown}</abbr>'

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
    if not tooltips.fresh(text, seen):
        return escape(text)
    text = " ".join(text.split())
    out, last = [], 0
    for match in tooltips.pattern.finditer(text):
        out.append(_between(text[last:match.start()], escape))
        out.append(tooltips.first(match.group(), escape(match.group()), seen))
        last = match.end()
    out.append(_between(text[last:], escape))
    return "".join(out)


def _between(piece: str, escape) -> str:
    """Escape the text between two terms; escape() trims, so put back the spaces at its ends."""
    core = escape(piece)
    return (" " if piece[:1] == " " and core else "") + core + (" " if piece[-1:] == " " else "")
