"""Property-based tests (hypothesis): arbitrary and mutated input never makes the checker
raise, every problem it reports is located inside the file, and any entry it accepts
renders its text as text."""
from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import check_catalog

from .conftest import BASE, CATALOG, TODAY, make_catalog
from .render_support import render_system, to_html

ENTRY = "projects/example-channels.yaml"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def real_entries() -> tuple[str, ...]:
    """The real catalogue's entries, read once, when a test first needs them."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted((CATALOG / "projects").glob("*.yaml")))


@pytest.fixture(scope="module")
def scratch():
    """A fixture catalogue to overwrite, removed after the module's tests."""
    with tempfile.TemporaryDirectory(prefix="properties-") as workdir:
        yield make_catalog(Path(workdir))


def check_bytes(catalog: Path, content: bytes):
    (catalog / ENTRY).write_bytes(content)
    result = check_catalog(catalog, TODAY)   # must not raise, whatever the bytes
    lines = content.count(b"\n") + 1
    for problem in result.problems:
        if problem.file.endswith(ENTRY):
            assert 1 <= problem.line <= lines and problem.col >= 1, problem.format()
    return result


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(scratch, content):
    check_bytes(scratch, content)


@SETTINGS
@given(st.text(max_size=600))
def test_arbitrary_text(scratch, text):
    check_bytes(scratch, text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated_text(draw):
    """A real entry with a few line-level or character-level edits."""
    lines = draw(st.sampled_from(real_entries() + (BASE,))).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert", "truncate"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip()
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(min_size=1, max_size=5)) + lines[i][at:]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        if not lines:
            break
    return "".join(lines)


@SETTINGS
@given(mutated_text())
def test_mutated_real_entries(scratch, text):
    check_bytes(scratch, text.encode("utf-8", "surrogatepass"))


FIELDS = ["name: Example Channels", "summary: An example payment-channel network used by the checker's tests.",
          "reason: Payments are made in BTC.", "    detail: Each party can close the channel alone.",
          "  - {date: 2020-06, event: Specification published., sources: [spec]}",
          "    title: Example Channels documentation"]


def put(line: str, text: str) -> str:
    """The line with its text replaced by `text`, written as a YAML double-quoted string."""
    quoted = json.dumps(text)
    if line.startswith("  - {date"):
        return f"  - {{date: 2020-06, event: {quoted}, sources: [spec]}}"
    key, _, _ = line.partition(": ")
    return f"{key}: {quoted}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), st.text(min_size=1, max_size=60))
def test_accepted_text_renders_as_text(scratch, field, text):
    result = check_bytes(scratch, BASE.replace(field, put(field, text), 1).encode("utf-8", "surrogatepass"))
    if result.catalog is None:
        return   # rejected with located problems: checked above
    plain = check_bytes(scratch, BASE.replace(field, put(field, "plain words"), 1).encode()).catalog
    found, _ = to_html(render_system(result.catalog, "example-channels"))
    expected, _ = to_html(render_system(plain, "example-channels"))
    assert found.tags == expected.tags
    assert not [h for h in found.hrefs if h.lower().startswith(("javascript:", "data:", "vbscript:"))]
    assert " ".join(text.split()) in " ".join("".join(found.text).split())


_SEGMENT = st.sampled_from(["projects", "liquid.md", "index.md", "matrix", "zh", "a", "b.md", "."])


@SETTINGS
@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4))
def test_relative_path_agrees_with_posixpath(target, start):
    """generator.render.markdown.relative_path is posixpath.relpath, without the system calls."""
    import posixpath

    from generator.render.markdown import relative_path
    target, start = "/".join(target) or ".", "/".join(start) or "."
    assert relative_path(target, start) == posixpath.relpath(target, start)
