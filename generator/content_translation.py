"""Translated hand-written pages: content/X.zh.md beside content/X.md.

Reads content/. Writes nothing. A translated page starts with front matter that records
which English version it translates (`translates: <first 12 hex digits of the English
file's SHA-256>`). It is current when that matches the English file as it is now; a
stale or missing page is shown in English, marked (see render/content.py). Checks, for
current pages: the same blocks, headings, links, footnotes, code, inserts and HTML as the
English; the same numbers in each block; Chinese punctuation; the text rules.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import rules, translation_rules as tr
from .problems import Problem
from .translations import LANGUAGES

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
INSERT_LINE = re.compile(r"^<!-- insert: .* -->\s*$")


def version(english: bytes) -> str:
    return hashlib.sha256(english).hexdigest()[:12]


@dataclass(frozen=True)
class Page:
    english_path: Path
    path: Path                 # content/X.zh.md
    language: str
    recorded: str | None       # the English version it says it translates
    body: str                  # the Markdown after the front matter
    body_line: int             # line number of the body's first line

    @property
    def translates(self) -> str:
        return version(self.english_path.read_bytes())

    @property
    def current(self) -> bool:
        return self.recorded == self.translates


def read_page(path: Path, english_path: Path, language: str) -> Page:
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    recorded = None
    if match:
        for line in match.group(1).split("\n"):
            key, _, value = line.partition(":")
            if key.strip() == "translates":
                recorded = value.strip()
        body = text[match.end():]
        body_line = match.group(0).count("\n") + 1
    else:
        body, body_line = text, 1
    return Page(english_path, path, language, recorded, body, body_line)


def translated_pages(content_dir: Path) -> list[Page]:
    out = []
    for language in LANGUAGES:
        for path in sorted(content_dir.rglob(f"*.{language}.md")):
            english = path.with_name(path.name[: -len(f".{language}.md")] + ".md")
            out.append(read_page(path, english, language))
    return out


# ---------------------------------------------------------------- structure

def blocks(body: str) -> list[tuple[int, str]]:
    """(first line, text) of each block: paragraphs, lists, tables, fences, separated by blank lines."""
    out, current, start, fence = [], [], 0, False
    for number, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not line.strip() and not fence:
            if current:
                out.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        out.append((start, "\n".join(current)))
    return out


def _without_code(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    return re.sub(r"`[^`\n]+`", "X", text)


def shape(text: str) -> dict:
    """What a translation must keep from its English block."""
    lines = text.split("\n")
    plain = re.sub(r"<!--.*?-->", "", text)
    return {
        "headings": [len(m.group(1)) for line in lines for m in [re.match(r"(#{1,6}) ", line)] if m],
        "inserts": [line.strip() for line in lines if INSERT_LINE.match(line)],
        "links": sorted(re.findall(r"\]\(([^)\s]+)", text)),
        "footnotes": sorted(re.findall(r"\[\^[^\]]+\]", text)),
        "code": sorted(re.findall(r"`[^`\n]+`", re.sub(r"```.*?```", "", text, flags=re.S))),
        "fences": re.findall(r"```.*?```", text, flags=re.S),
        "list items": sum(1 for line in lines if re.match(r"\s*([-*+]|\d+\.) ", line)),
        "table rows": sum(1 for line in lines if line.lstrip().startswith("|")),
        "definitions": sum(1 for line in lines if line.startswith(":   ")),
        "admonitions": [line.split()[0] for line in lines if line.startswith(("!!!", "???"))],
        "ids": re.findall(r"\{ ?#[a-z0-9-]+ ?\}", text),
        "html": sorted(re.findall(r"</?([a-z]+)", plain)),
    }


def _describe(kind: str, english, translated) -> str:
    if isinstance(english, int):
        return f"has {translated} {kind} where the English has {english}"
    missing = Counter(english) - Counter(translated)
    extra = Counter(translated) - Counter(english)
    parts = [f"lacks {', '.join(map(str, missing))}" if missing else "",
             f"adds {', '.join(map(str, extra))}" if extra else ""]
    return f"{kind} differ from the English: " + "; ".join(p for p in parts if p) if missing or extra else \
        f"{kind} are in another order than in the English"


def page_problems(page: Page, shown, terms: tr.Terms) -> list[Problem]:
    """Problems of one translated page (its staleness included)."""
    path = shown(page.path)
    if not page.english_path.exists():
        return [Problem(path, 1, 1, tr.R_ORPHAN.id, "", f"translates {shown(page.english_path)}, which does "
                        "not exist; delete this page or rename it after the page it translates")]
    if page.recorded is None:
        return [Problem(path, 1, 1, tr.R_STALE.id, "", f"does not say which English version it translates; "
                        f"start it with front matter 'translates: {page.translates}' once it matches "
                        f"{shown(page.english_path)}")]
    if not page.current:
        return [Problem(path, 2, 1, tr.R_STALE.id, "translates",
                        f"translates version {page.recorded} of {shown(page.english_path)}, which is now "
                        f"{page.translates}; update the translation, then write translates: {page.translates}. "
                        "Until then the site shows the English page")]
    english = page.english_path.read_text(encoding="utf-8")
    out = []
    source_blocks, target_blocks = blocks(english), blocks(page.body)
    if len(source_blocks) != len(target_blocks):
        return [Problem(path, page.body_line, 1, tr.R_MARKUP.id, "",
                        f"has {len(target_blocks)} blocks (paragraphs, lists, tables, headings) where "
                        f"{shown(page.english_path)} has {len(source_blocks)}; translate block by block")]
    for (_, source), (start, target) in zip(source_blocks, target_blocks):
        line = page.body_line + start
        a, b = shape(source), shape(target)
        for kind in a:
            if a[kind] != b[kind]:
                out.append(Problem(path, line, 1, tr.R_MARKUP.id, "", _describe(kind, a[kind], b[kind])))
        if INSERT_LINE.match(source.strip()) or source.lstrip().startswith("```"):
            continue
        flat_source, flat_target = (" ".join(_without_code(b).split()) for b in (source, target))
        for rule_id, message, _offset in tr.content_findings(flat_source, flat_target, terms):
            out.append(Problem(path, line, 1, rule_id, "", message))
        for offset, text_line in enumerate(target.split("\n")):
            prose = _prose(text_line)
            for rule_id, message, col in tr.typography_findings(prose):
                out.append(Problem(path, line + offset, col + 1, rule_id, "", message))
            for found, message in rules.text_findings(re.sub(r"<[^>]*>", "", text_line)):
                out.append(found.at(path, line + offset, 1, message))
        out += [Problem(path, line, 1, rule_id, "", message)
                for rule_id, message, _o in terms.findings(flat_source, flat_target)]
    return out


def _prose(line: str) -> str:
    """The line with code, link targets, HTML and attributes blanked (same length, so columns hold)."""
    def blank(match):
        return "X" * len(match.group())
    return re.sub(r"^:   |`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?://\S+", blank, line)


def content_problems(content_dir: Path, shown, terms: dict) -> tuple[list[Problem], dict]:
    """(problems, {language: {english path: current Page}}) for every translated page, and a
    missing-translation warning for every English page without one."""
    problems, current = [], {language: {} for language in LANGUAGES}
    pages = translated_pages(content_dir)
    have = {(p.language, p.english_path) for p in pages}
    for page in pages:
        problems += page_problems(page, shown, terms[page.language])
        if page.english_path.exists() and page.current:
            current[page.language][page.english_path] = page
    for english in sorted(content_dir.rglob("*.md")):
        if any(english.name.endswith(f".{language}.md") for language in LANGUAGES):
            continue
        for language in LANGUAGES:
            if (language, english) not in have:
                problems.append(Problem(shown(english), 1, 1, tr.R_MISSING.id, "",
                                        f"has no {language} translation; write {shown(english)[:-3]}.{language}.md "
                                        "(the site shows the English page meanwhile)"))
    return problems, current
