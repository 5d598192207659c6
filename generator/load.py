"""Load one YAML file safely: bytes -> plain data + the node tree that locates it.

Reads one file. Writes nothing. Guarantees, for any input whatsoever:
- no Python object is constructed from a tag, and any explicit tag is reported;
- the file is read only if it is a regular file (not a symlink) under the size limit;
- text must be UTF-8 without a byte-order mark or NUL bytes;
- duplicate keys, at any depth, are reported (PyYAML would silently keep the last);
- aliases may expand to at most MAX_NODES nodes and MAX_DEPTH levels (no billion laughs);
- scalars are typed by the YAML 1.2 core schema, so `no`, `yes`, `on` and `2024-01-31`
  stay text, and only true/false are booleans;
- problems come back located (line and column, from 1); no exception escapes.
"""
from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.resolver import BaseResolver

from .problems import Problem, Severity, rule

MAX_BYTES = 256 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 40

R_SYNTAX = rule("yaml-syntax", Severity.ERROR, "YAML",
                    "The file must be valid YAML holding a single document.")
R_DUPLICATE = rule("yaml-duplicate-key", Severity.ERROR, "YAML",
                       "A key may appear only once in a mapping, at any depth.")
R_TAG = rule("yaml-tag", Severity.ERROR, "YAML",
                 "Explicit tags (!!python/object, !!binary, !custom) are not allowed: plain YAML only.")
R_EMPTY = rule("yaml-empty", Severity.ERROR, "YAML",
                   "The file must contain a document, not only whitespace or comments.")
R_ENCODING = rule("yaml-encoding", Severity.ERROR, "YAML",
                      "The file must be UTF-8 with LF or CRLF line endings, no byte-order mark and no NUL bytes.")
R_SIZE = rule("yaml-too-large", Severity.ERROR, "YAML",
                  "The file must be at most {kib} KiB.", kib=MAX_BYTES // 1024)
R_EXPANSION = rule("yaml-alias-limit", Severity.ERROR, "YAML",
                       "Anchors and aliases may expand to at most {nodes} nodes and {depth} levels, "
                       "and may not refer to themselves.", nodes=f"{MAX_NODES:,}", depth=MAX_DEPTH)
R_KEY = rule("yaml-key-type", Severity.ERROR, "YAML",
                 "Mapping keys must be plain text, not numbers, lists or mappings.")
R_FILE = rule("file-type", Severity.ERROR, "Files",
                  "Catalogue files must be regular files inside the catalogue: no symlinks.")

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ODD_LINE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_UNTAGGED = "!untagged"   # what our resolver answers for every node that carries no tag

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), plain scalars only.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


class _NoResolution(BaseResolver):
    """Answers the same sentinel for every untagged node, so explicit tags stand out."""

    def resolve(self, kind, value, implicit):
        return _UNTAGGED


if yaml.__with_libyaml__:   # libyaml: parsing and composing happen in C
    from yaml.cyaml import CParser

    class _NodeLoader(CParser, _NoResolution):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            _NoResolution.__init__(self)
else:   # pragma: no cover - PyYAML built without libyaml; same behaviour, slower
    class _NodeLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                      yaml.composer.Composer, _NoResolution):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _NoResolution.__init__(self)


@dataclass(frozen=True)
class Document:
    """One loaded file: its data, and (on demand) the node tree that says where each value
    came from. The tree is rebuilt only when a problem needs a location: keeping it for
    every file would cost about as much memory as the rest of the check."""
    path: str          # as shown to the user, e.g. catalog/projects/liquid.yaml
    data: object
    text: str

    @functools.cached_property
    def strings(self) -> list:
        """(path, text) of every string value, walked once and shared by the text rules."""
        return list(iter_strings(self.data))

    @functools.cached_property
    def root(self) -> yaml.Node:
        loader = _NodeLoader(self.text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    def locate(self, path, key: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the value at path, or of its key when key=True.
        A path that does not exist (a missing key) locates the nearest existing parent."""
        node, key_node = self.root, None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        else:
            if key and key_node is not None:
                node = key_node
        mark = node.start_mark
        return mark.line + 1, mark.column + 1


def iter_strings(value, path=()):
    """(path, text) for every string in plain data, keys excluded."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, path + (index,))


def _child(node, part):
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def read_file(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file under the size limit, or a located problem."""
    def problem(rule, message):
        return None, [Problem(shown, 1, 1, rule.id, "", message)]

    try:
        info = os.lstat(path)
    except OSError as exc:
        return problem(R_FILE, f"cannot read the file: {exc.strerror}")
    if stat.S_ISLNK(info.st_mode):
        return problem(R_FILE, "is a symbolic link; commit the file itself")
    if not stat.S_ISREG(info.st_mode):
        return problem(R_FILE, "is not a regular file")
    if info.st_size > MAX_BYTES:
        return problem(R_SIZE, f"is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return problem(R_FILE, f"cannot read the file: {exc.strerror}")
    if len(raw) > MAX_BYTES:
        return problem(R_SIZE, f"is more than {MAX_BYTES:,} bytes")
    return raw, []


def load_file(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file. Returns (document or None, problems)."""
    raw, problems = read_file(path, shown)
    return (None, problems) if raw is None else parse_bytes(raw, shown)


def parse_bytes(raw: bytes, shown: str) -> tuple[Document | None, list[Problem]]:
    """Decode and parse bytes already read from a file called `shown`."""
    def problem(rule, message, line=1, col=1):
        return None, [Problem(shown, line, col, rule.id, "", message)]

    if raw.startswith(_BOMS):
        return problem(R_ENCODING, "starts with a byte-order mark; save it as UTF-8 without BOM")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _position(raw, nul)
        return problem(R_ENCODING, "contains a NUL byte; save it as UTF-8 text", line, col)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        return problem(R_ENCODING, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                   "save it as UTF-8", line, col)
    odd_break = _ODD_LINE_BREAK.search(text)
    if odd_break:   # YAML counts these as line breaks, editors and tools often do not
        line, col = _position(raw, len(text[:odd_break.start()].encode()))
        return problem(R_ENCODING, f"contains the line break U+{ord(odd_break.group()):04X}; save the file "
                                   "with ordinary (LF or CRLF) line endings", line, col)
    try:
        loader = _NodeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.split("\n")
        if line > len(lines):   # libyaml points past the end when the last line has no newline
            line, col = len(lines), len(lines[-1]) + 1
        what = " ".join(filter(None, [exc.context, exc.problem]))
        return problem(R_SYNTAX, f"not valid YAML: {what}", line, col)
    except yaml.YAMLError as exc:
        return problem(R_SYNTAX, f"not valid YAML: {exc}")
    except (RecursionError, MemoryError):   # the pure-Python parser on absurd nesting
        return problem(R_EXPANSION, f"nested more than {MAX_DEPTH} levels deep")
    if root is None:
        return problem(R_EMPTY, "is empty; a catalogue file holds one YAML mapping")
    builder = _Builder(shown)
    data = builder.build(root)
    if builder.problems:
        return None, builder.problems
    return Document(shown, data, text), []


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


class _Builder:
    """Turns a node tree into dicts, lists and scalars, collecting located problems."""

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []
        self.visited = 0
        self.stack: set[int] = set()

    def report(self, rule, node, message):
        mark = node.start_mark
        self.problems.append(Problem(self.shown, mark.line + 1, mark.column + 1, rule.id, "", message))

    def build(self, node, depth: int = 0):
        self.visited += 1
        if self.visited > MAX_NODES:
            if self.visited == MAX_NODES + 1:
                self.report(R_EXPANSION, node, f"anchors and aliases expand to more than "
                                               f"{MAX_NODES:,} nodes; write the values out")
            return None
        if depth > MAX_DEPTH:
            self.report(R_EXPANSION, node, f"nested more than {MAX_DEPTH} levels deep")
            self.visited = MAX_NODES + 2   # stop here: everything below is deeper still
            return None
        if id(node) in self.stack:
            self.report(R_EXPANSION, node, "an alias refers to the anchor that contains it")
            self.visited = MAX_NODES + 2
            return None
        if node.tag != _UNTAGGED:
            self.report(R_TAG, node, f"the tag '{_short_tag(node.tag)}' is not allowed; "
                                     "remove it and write plain YAML")
            return None
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        self.stack.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, depth + 1) for item in node.value]
            return self.build_mapping(node, depth)
        finally:
            self.stack.discard(id(node))

    def build_mapping(self, node, depth):
        out: dict = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _UNTAGGED:
                self.report(R_TAG, key_node, f"the tag '{_short_tag(key_node.tag)}' is not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(_scalar(key_node), str):
                self.report(R_KEY, key_node, "keys must be plain text")
                continue
            key = key_node.value
            if key in first_line:
                self.report(R_DUPLICATE, key_node,
                            f"duplicate key '{key}' (first written on line {first_line[key]}); "
                            "keep only one")
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, depth + 1)
        return out


def _scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:   # quoted or block scalars are always text (plain: None, or '' from libyaml)
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        try:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        except ValueError:   # longer than Python's int-parsing limit: keep it as text
            return value
    if _FLOAT.match(value):
        return float(value.replace(".", "", 1) if value.lower().lstrip("+-") in (".inf", ".nan")
                     else value)
    return value


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
