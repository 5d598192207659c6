"""Gettext PO files: read with locations, write deterministically.

Reads and writes the PO format that Poedit, Weblate and Crowdin open (msgctxt, msgid,
msgstr, `#,` flags, `#|` previous msgid, `#.` and `#:` comments, `#~` obsolete entries).
Guarantees: every entry comes back with the line and column of its msgstr, so a problem
in a translation is reported where the translator must fix it; a malformed file is
reported located, never raised; writing the same entries gives the same bytes.

Our own reader rather than polib or Babel: both give an entry's starting line only (not
its msgstr's), and both raise on the first malformed line, where the checker must report
and go on. Plural forms are not used by the catalogue and are refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_QUOTED = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*$')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgstr)\s+(.*)$")


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    flags: tuple[str, ...] = ()
    previous: str | None = None        # `#| msgid`: the English the translation was made from
    comments: tuple[str, ...] = ()     # `#.` extracted comments
    references: tuple[str, ...] = ()   # `#:` where the English comes from
    line: int = 0                      # of the msgstr keyword
    col: int = 1
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


@dataclass
class Catalogue:
    entries: list[Entry] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)


class PoSyntaxError(ValueError):
    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def _unquote(text: str, line: int, col: int) -> str:
    match = _QUOTED.match(text)
    if not match:
        raise PoSyntaxError(line, col, "expected a string in double quotes")
    raw = match.group(1)
    if "\\" not in raw:
        return raw
    out, i = [], 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            nxt = raw[i + 1]
            if nxt not in _ESCAPES:
                raise PoSyntaxError(line, col + i + 1, f"unknown escape '\\{nxt}'")
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def parse(text: str) -> Catalogue:
    """The entries of a PO file. Raises PoSyntaxError (with line and column) when malformed."""
    catalogue = Catalogue()
    pending: dict = {}
    current: str | None = None        # the keyword whose string continues on the next lines
    fields: dict = {}

    def finish():
        nonlocal fields, pending, current
        if fields:
            if "msgid" not in fields or "msgstr" not in fields:
                line = fields.get("_line", 1)
                raise PoSyntaxError(line, 1, "an entry needs both msgid and msgstr")
            entry = Entry(fields["msgid"], fields["msgstr"], fields.get("msgctxt"),
                          tuple(pending.get("flags", ())), pending.get("previous"),
                          tuple(pending.get("comments", ())), tuple(pending.get("references", ())),
                          fields["_msgstr_line"], fields["_msgstr_col"], fields.get("_obsolete", False))
            if entry.msgid == "" and entry.msgctxt is None:
                catalogue.header = dict(part.split(": ", 1) for part in entry.msgstr.split("\n") if ": " in part)
            else:
                catalogue.entries.append(entry)
        fields, pending, current = {}, {}, None

    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
        stripped = line.strip()
        if not stripped:
            finish()
            continue
        if stripped.startswith("#") and not obsolete:
            if fields and current is not None and "msgstr" in fields:
                finish()
            kind, rest = stripped[:2], stripped[2:].strip()
            if kind == "#,":
                pending.setdefault("flags", []).extend(f.strip() for f in rest.split(",") if f.strip())
            elif kind == "#|":
                match = re.match(r"^msgid\s+(.*)$", rest)
                if match:
                    pending["previous"] = _unquote(match.group(1), number, len(raw_line) - len(match.group(1)) + 1)
                elif rest.startswith('"') and "previous" in pending:
                    pending["previous"] += _unquote(rest, number, len(raw_line) - len(rest) + 1)
            elif kind == "#.":
                pending.setdefault("comments", []).append(rest)
            elif kind == "#:":
                pending.setdefault("references", []).extend(rest.split())
            continue
        if stripped.startswith('"'):
            if current is None:
                raise PoSyntaxError(number, 1, "a continued string must follow msgctxt, msgid or msgstr")
            col = len(line) - len(line.lstrip()) + 1
            fields[current] += _unquote(stripped, number, col)
            continue
        match = _KEYWORD.match(stripped)
        if not match:
            word = stripped.split()[0]
            if word.startswith(("msgid_plural", "msgstr[")):
                raise PoSyntaxError(number, 1, "plural forms are not used by the catalogue")
            raise PoSyntaxError(number, 1, f"unexpected '{word[:20]}'; expected msgctxt, msgid, msgstr or a comment")
        keyword, rest = match.groups()
        if keyword in fields or (keyword == "msgctxt" and "msgid" in fields):
            finish()
        if keyword == "msgstr" and "msgid" not in fields:
            raise PoSyntaxError(number, 1, "msgstr without a msgid before it")
        col = len(raw_line) - len(rest) + 1
        fields.setdefault("_line", number)
        fields[keyword] = _unquote(rest, number, col)
        if keyword == "msgstr":
            fields["_msgstr_line"], fields["_msgstr_col"] = number, col
        fields["_obsolete"] = obsolete
        current = keyword
    finish()
    return catalogue


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _field(keyword: str, text: str, prefix: str = "") -> list[str]:
    if "\n" in text.rstrip("\n"):
        parts = text.splitlines(keepends=True)
        return [f"{prefix}{keyword} \"\""] + [prefix + _quote(p) for p in parts]
    return [f"{prefix}{keyword} {_quote(text)}"]


def dump(catalogue: Catalogue) -> str:
    """PO text for the catalogue: header first, then entries in the given order."""
    lines = ['msgid ""', 'msgstr ""'] + [_quote(f"{key}: {value}\n") for key, value in catalogue.header.items()]
    for entry in catalogue.entries:
        lines.append("")
        prefix = "#~ " if entry.obsolete else ""
        lines += [f"#. {c}" for c in entry.comments]
        if entry.references:
            lines.append("#: " + " ".join(entry.references))
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        if entry.previous is not None:
            lines += _field("msgid", entry.previous, "#| ")
        if entry.msgctxt is not None:
            lines += _field("msgctxt", entry.msgctxt, prefix)
        lines += _field("msgid", entry.msgid, prefix)
        lines += _field("msgstr", entry.msgstr, prefix)
    return "\n".join(lines) + "\n"
