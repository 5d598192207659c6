"""The site's own words: every string the templates and the generator write, in each language.

Reads generator/locale/<language>.po, whose msgids are the English exactly as written in
the code. Writes nothing. Templates call `_("...")` for a plain string and
`t("... {name} ...", name=value)` for one with placeholders; Python code calls `_()` at
render time, and marks constants with `N_()` so the extractor finds them. `language()` sets
the language of the block being rendered. A string without a current translation falls
back to its English (and `check` warns).
"""
from __future__ import annotations

import ast
import json
import contextlib
import contextvars
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import po
from .translations import Untranslated

PACKAGE = Path(__file__).resolve().parent
LOCALE = PACKAGE / "locale"
_LANGUAGE: contextvars.ContextVar = contextvars.ContextVar("language", default="en")
PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")


def N_(text: str) -> str:
    """Mark a constant for translation; it is translated where it is printed, with _()."""
    return text


def current() -> str:
    return _LANGUAGE.get()


@contextlib.contextmanager
def language(code: str):
    """Within this block, _() answers in `code`."""
    token = _LANGUAGE.set(code)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@functools.cache
def catalogue(code: str) -> dict[str, str]:
    """{English: translation} of the current (non-fuzzy, non-empty) entries of a language."""
    path = LOCALE / f"{code}.po"
    if not path.exists():
        return {}
    try:
        entries = po.parse(path.read_text(encoding="utf-8")).entries
    except (po.PoSyntaxError, UnicodeDecodeError):
        return {}     # `check` reports the file; the site falls back to English
    return {e.msgid: e.msgstr for e in entries if e.msgstr and not e.fuzzy and not e.obsolete}


def _(text: str) -> str:
    code = _LANGUAGE.get()
    return text if code == "en" else catalogue(code).get(text, text)


def translated(text: str) -> str:
    """The translation of text, or the English marked as Untranslated (shown with a note)."""
    code = _LANGUAGE.get()
    if code == "en" or not text:
        return text
    found = catalogue(code).get(text)
    return found if found is not None else Untranslated(text)


def fill(template: str, values: dict, literal, value) -> str:
    """The translated template with its {placeholders} filled: literal text goes through
    `literal` (an escaping function), each value through `value`."""
    parts = PLACEHOLDER.split(_(template))
    return "".join(value(values[p[1:-1]]) if PLACEHOLDER.fullmatch(p) else literal(p) for p in parts)


# ---------------------------------------------------------------- extraction, for check and make translations

@dataclass(frozen=True)
class Message:
    msgid: str
    file: str         # relative to the repository, e.g. generator/render/pages.py
    line: int
    col: int


_TEMPLATE_CALL = re.compile(r"""\b(?:_|t|N_)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def extract() -> list[Message]:
    """Every string the code marks with _(), t() or N_(), in file order."""
    out = []
    root = PACKAGE.parent
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            # _("...") and N_("..."); a rule's group and summary, as declared with rule()
            arguments = {"_": (0,), "N_": (0,), "rule": (2, 3)}.get(name, ())
            for index in arguments:
                if index < len(node.args) and isinstance(node.args[index], ast.Constant) \
                        and isinstance(node.args[index].value, str):
                    arg = node.args[index]
                    out.append(Message(arg.value, path.relative_to(root).as_posix(), arg.lineno, arg.col_offset + 1))
    schema_path = root / "catalog" / "schema" / "project.schema.json"
    if schema_path.exists():      # field descriptions, shown on the entry reference page
        lines = schema_path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if stripped.startswith('"description": '):
                value = json.loads(stripped[len('"description": '):].rstrip(","))
                out.append(Message(value, schema_path.relative_to(root).as_posix(), number,
                                   len(line) - len(stripped) + 1))
    for path in sorted((PACKAGE / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for match in _TEMPLATE_CALL.finditer(text):
            raw = match.group(1) if match.group(1) is not None else match.group(2)
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            out.append(Message(raw.encode().decode("unicode_escape") if "\\" in raw else raw,
                               path.relative_to(root).as_posix(), line, col))
    out.sort(key=lambda m: (m.file, m.line, m.col))
    return out
