"""Hostile catalogue input: every case is rejected with an error located in the file
that holds it, or (where the text is legitimate) accepted and rendered inert.

Each case writes one file into a fresh two-entry fixture catalogue and runs the real
checker. Work on YAML bombs is bounded by node count, not by time: tests never time
anything (BENCHMARKS.md records how long the worst bomb takes).
"""
from __future__ import annotations

import os
import tracemalloc

import pytest

from generator.catalog import check_catalog
from generator.load import MAX_NODES

from .conftest import BASE, CATALOG, GLOSSARY, TODAY, make_catalog, other_entry
from .render_support import render_system, to_html

MODELINE = "# yaml-language-server: $schema=../schema/project.schema.json\n"
ENTRY = "projects/example-channels.yaml"


def base_with(old: str, new: str) -> bytes:
    assert old in BASE
    return BASE.replace(old, new, 1).encode()


def bomb(width: int, depth: int, mapping: bool = False) -> bytes:
    lines = [MODELINE, "l0: &l0 [" + ", ".join(["lol"] * width) + "]\n"]
    for level in range(1, depth):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} " + ("{" + ", ".join(f"k{i}: *l{level - 1}" for i in range(width)) + "}"
                                                 if mapping else f"[{refs}]") + "\n")
    return "".join(lines).encode()


def vocabulary_with(old: str, new: str) -> bytes:
    """The real status vocabulary with one text replaced."""
    text = (CATALOG / "vocabularies/status.yaml").read_text()
    assert old in text
    return text.replace(old, new, 1).encode()


def named(name: str) -> bytes:
    """The fixture entry under another name (the YAML text after `name: `)."""
    return base_with("name: Example Channels", "name: " + name)


def source_url(line: str) -> bytes:
    """The fixture entry with its first source's url line replaced."""
    return base_with("url: https://example-channels.example.org/docs", line)


# name -> the YAML text of a source's url line; each is rejected by url-format
BAD_SOURCE_URLS = {
    "javascript-url": "url: javascript:alert(document.cookie)",
    "credentials-url": "url: https://user:secret@example-channels.example.org/docs",
    "space-in-url": "url: https://example-channels.example.org/a b",
    "http-url": "url: http://example-channels.example.org/docs",
    "protocol-relative": "url: //evil.example/x",
    "backslash-host": "url: 'https:\\\\evil.example\\x'",
    "quote-in-url": 'url: \'https://example-channels.example.org/"onmouseover="alert(1)\'',
    "angle-brackets-in-url": "url: https://example-channels.example.org/<script>",
    "ip-address-host": "url: https://127.0.0.1:8000/admin",
    "localhost-host": "url: https://localhost/x",
    "unicode-host": "url: https://exаmple.org/docs",
    "newline-in-url": 'url: "https://example-channels.example.org/docs\\njavascript:x"',
}


# name -> (file name, bytes, rule ids of which at least one must fire)
CASES: dict[str, tuple[str, bytes, set[str]]] = {
    # YAML bombs
    "billion-laughs": (ENTRY, bomb(10, 10), {"yaml-alias-limit"}),
    "billion-laughs-mappings": (ENTRY, bomb(9, 9, mapping=True), {"yaml-alias-limit"}),
    "quadratic-blowup": (ENTRY, (MODELINE + "a: &a [" + ", ".join(["x"] * 5000) + "]\nb: ["
                                 + ", ".join(["*a"] * 2000) + "]\n").encode(), {"yaml-alias-limit"}),
    "recursive-alias": (ENTRY, (MODELINE + "a: &a [1, *a]\n").encode(), {"yaml-alias-limit", "yaml-syntax"}),
    "recursive-mapping": (ENTRY, (MODELINE + "a: &a {b: *a}\n").encode(), {"yaml-alias-limit", "yaml-syntax"}),
    # tags
    "python-object-apply": (ENTRY, named("!!python/object/apply:os.system ['touch /tmp/pwned']"), {"yaml-tag"}),
    "python-name": (ENTRY, base_with("summary:", "summary: !!python/name:os.system\nx:"), {"yaml-tag"}),
    "python-module": (ENTRY, (MODELINE + "a: !!python/module:os\n").encode(), {"yaml-tag"}),
    "binary-tag": (ENTRY, named("!!binary RXhhbXBsZQ=="), {"yaml-tag"}),
    "custom-tag": (ENTRY, named("!Ref Example"), {"yaml-tag"}),
    "tag-on-key": (ENTRY, base_with("name: Example Channels", "!!python/str name: Example Channels"),
                   {"yaml-tag"}),
    "set-tag": (ENTRY, base_with("aliases: [EXC, Example Network]", "aliases: !!set {EXC: null}"), {"yaml-tag"}),
    "tag-directive": (ENTRY, ("%TAG !py! tag:yaml.org,2002:python/\n---\n" + MODELINE
                              + "a: !py!object/apply:os.system [ls]\n").encode(), {"yaml-tag", "modeline"}),
    # duplicate keys at any depth
    "duplicate-top": (ENTRY, base_with("website:", "name: Again\nwebsite:"), {"yaml-duplicate-key"}),
    "duplicate-nested": (ENTRY, base_with("    reason: Anyone may open", "    value: no\n    reason: Anyone may open"),
                         {"yaml-duplicate-key"}),
    "duplicate-in-list-item": (ENTRY, base_with("  - id: docs\n", "  - id: docs\n    id: docs2\n"),
                               {"yaml-duplicate-key"}),
    "duplicate-flow": (ENTRY, base_with("{rating: low, reason: Either", "{rating: low, rating: high, reason: Either"),
                       {"yaml-duplicate-key"}),
    "merge-key": (ENTRY, base_with("website:", "<<: {name: Merged}\nwebsite:"), {"unknown-key"}),
    # size and nesting
    "ten-megabytes": (ENTRY, BASE.encode() + b"# " + b"x" * (10 * 1024 * 1024) + b"\n", {"yaml-too-large"}),
    "just-over-limit": (ENTRY, BASE.encode() + b"#" * (300 * 1024) + b"\n", {"yaml-too-large"}),
    "deep-flow-nesting": (ENTRY, (MODELINE + "a: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
                          {"yaml-syntax", "yaml-alias-limit"}),
    "deep-block-nesting": (ENTRY, (MODELINE + "".join("  " * i + f"k{i}:\n" for i in range(200))
                                   + "  " * 200 + "v\n").encode(), {"yaml-alias-limit", "yaml-syntax"}),
    "moderate-nesting": (ENTRY, (MODELINE + "a: " + "[" * 60 + "]" * 60 + "\n").encode(), {"yaml-alias-limit"}),
    "many-keys": (ENTRY, (MODELINE + "".join(f"k{i}: {i}\n" for i in range(20000))).encode(), {"unknown-key"}),
    "long-string": (ENTRY, base_with("summary: An example", "summary: " + "A" * 200_000 + " example"), {"too-long"}),
    "huge-integer": (ENTRY, base_with("name: Example Channels", "name: " + "9" * 5000), {"wrong-type", "too-long"}),
    # encodings
    "latin-1": (ENTRY, BASE.replace("Example Channels", "Exämple Channels").encode("latin-1"), {"yaml-encoding"}),
    "utf-16-bom": (ENTRY, BASE.encode("utf-16"), {"yaml-encoding"}),
    "utf-16-no-bom": (ENTRY, BASE.encode("utf-16-le"), {"yaml-encoding"}),
    "utf-32": (ENTRY, BASE.encode("utf-32"), {"yaml-encoding"}),
    "utf-8-bom": (ENTRY, b"\xef\xbb\xbf" + BASE.encode(), {"yaml-encoding"}),
    "nul-byte": (ENTRY, base_with("Example Channels", "Example\x00Channels"), {"yaml-encoding"}),
    "overlong-utf-8": (ENTRY, base_with("Example Channels", "Example").replace(b"Example\n", b"Ex\xc0\xafample\n", 1),
                       {"yaml-encoding"}),
    "c1-control": (ENTRY, base_with("Example Channels", "Example\x9bChannels"), {"invisible-char", "yaml-syntax"}),
    "bell-character": (ENTRY, base_with("Example Channels", "Example\x07Channels"), {"yaml-syntax", "invisible-char"}),
    "lone-carriage-return": (ENTRY, BASE.replace("\n", "\r").encode(), {"yaml-encoding"}),
    "line-separator": (ENTRY, named("Example\u2028Channels"), {"yaml-encoding"}),
    "next-line-character": (ENTRY, named("Example\x85Channels"), {"yaml-encoding"}),
    "crlf-is-fine-but-tabs-are-not": (ENTRY, BASE.replace("\n", "\r\n").replace("  value: live", "\tvalue: live")
                                      .encode(), {"yaml-syntax"}),
    "empty-file": (ENTRY, b"", {"yaml-empty"}),
    "only-comments": (ENTRY, MODELINE.encode() + b"# nothing\n", {"yaml-empty"}),
    "null-document": (ENTRY, MODELINE.encode() + b"~\n", {"wrong-type", "empty-field"}),
    "list-document": (ENTRY, MODELINE.encode() + b"- a\n- b\n", {"wrong-type"}),
    "two-documents": (ENTRY, BASE.encode() + b"---\nname: second\n", {"yaml-syntax"}),
    "tabs-indentation": (ENTRY, base_with("  value: live", "\tvalue: live"), {"yaml-syntax"}),
    # slugs and file names
    "reserved-index": ("projects/index.yaml", BASE.replace("Example Channels", "Index Thing")
                       .replace("example-channels.example.org", "index.example.org").encode(), {"reserved-slug"}),
    "reserved-con": ("projects/con.yaml", b"", {"reserved-slug", "yaml-empty"}),
    "reserved-search": ("projects/search.yaml", b"", {"reserved-slug", "yaml-empty"}),
    "upper-case-slug": ("projects/Liquid.yaml", b"", {"file-slug", "yaml-empty"}),
    "dots-in-slug": ("projects/a..b.yaml", b"", {"file-slug", "yaml-empty"}),
    "hidden-file": ("projects/.hidden.yaml", b"", {"file-slug", "yaml-empty"}),
    "wrong-extension": ("projects/notes.yml", b"", {"file-slug", "yaml-empty"}),
    "traversal-related": (ENTRY, base_with("related: [other-system]", "related: ['../../etc/passwd']"),
                          {"slug-format"}),
    "traversal-source-id": (ENTRY, base_with("  - id: spec", "  - id: ../spec").replace(b"[spec]", b"['../spec']"),
                            {"slug-format"}),
    # injection that the gate rejects (the rest is in test_inert_text)
    "script-in-summary": (ENTRY, base_with("used by the checker's tests.", "<script>alert(1)</script>."),
                          {"raw-html"}),
    "img-onerror-in-reason": (ENTRY, base_with("reason: Payments are made in BTC.",
                                               'reason: <img src=x onerror="alert(1)">'), {"raw-html"}),
    "entity-in-name": (ENTRY, named("Example &#60;Channels&#62;"), {"raw-html"}),
    "html-comment": (ENTRY, base_with("reason: Payments are made in BTC.", "reason: a <!-- b --> c"),
                     {"raw-html"}),
    "closing-title": (ENTRY, named("</title><script>x</script>"), {"raw-html"}),
    "script-in-glossary": ("glossary.yaml", GLOSSARY.replace("A two-party", "<script>alert(1)</script> A two-party")
                           .encode(), {"raw-html"}),
    "attribute-break-in-glossary": ("glossary.yaml", GLOSSARY.replace("A two-party", 'A "two"><img src=x onerror=alert(1)>')
                                    .encode(), {"raw-html"}),
    "bidi-in-glossary": ("glossary.yaml", GLOSSARY.replace("A two-party", "A two-\u202eparty").encode(),
                         {"invisible-char"}),
    "html-in-vocabulary": ("vocabularies/status.yaml", vocabulary_with(
        "definition: Running on mainnet", "definition: <b onmouseover=alert(1)>Running</b> on mainnet"), {"raw-html"}),
    "entity-in-category": ("categories.yaml", (CATALOG / "categories.yaml").read_text().replace(
        "name: Off-chain networks", "name: Off-chain &lt;networks&gt;").encode(), {"raw-html"}),
    # URLs
    "data-url": (ENTRY, base_with("website: https://example-channels.example.org/",
                                  "website: 'data:text/html,<script>alert(1)</script>'"), {"url-format"}),
    **{name: (ENTRY, source_url(line), {"url-format"}) for name, line in BAD_SOURCE_URLS.items()},
    # Trojan Source and homoglyphs
    "bidi-override-name": (ENTRY, named("Example\u202eslennahC"), {"invisible-char"}),
    "bidi-isolate-reason": (ENTRY, base_with("reason: Payments are made in BTC.",
                                             "reason: Payments \u2066are\u2069 made in BTC."), {"invisible-char"}),
    "zero-width-space-name": (ENTRY, named("Example\u200bChannels"), {"invisible-char"}),
    "zero-width-joiner-alias": (ENTRY, base_with("[EXC, Example Network]", "[E\u200dXC, Example Network]"),
                                {"invisible-char"}),
    "bom-inside-text": (ENTRY, named("Example\ufeffChannels"), {"invisible-char"}),
    "soft-hyphen": (ENTRY, named("Exam\u00adple Channels"), {"invisible-char"}),
    "cyrillic-homoglyph": ("projects/other-system.yaml", other_entry(name="Ехаmple Channels").encode(),
                           {"confusable-name"}),
    "greek-homoglyph-alias": ("projects/other-system.yaml", other_entry(aliases="[ΕΧC]").encode(),
                              {"confusable-name"}),
    "full-width-duplicate": ("projects/other-system.yaml", other_entry(name="Ｅｘａｍｐｌｅ Ｃｈａｎｎｅｌｓ").encode(),
                             {"duplicate-name"}),
    "digit-homoglyph": ("projects/other-system.yaml", other_entry(name="Examp1e Channe1s").encode(),
                        {"confusable-name"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_rejected_with_a_location(name, tmp_path):
    file, content, rules = CASES[name]
    catalog = make_catalog(tmp_path)
    (catalog / file).write_bytes(content)
    result = check_catalog(catalog, TODAY)
    assert result.catalog is None and result.errors > 0
    hits = [p for p in result.problems if p.rule in rules]
    assert hits, f"expected one of {rules}, got {[p.format() for p in result.problems][:5]}"
    lines = content.count(b"\n") + 1
    for problem in hits:
        assert problem.file.endswith(os.path.basename(file))
        assert 1 <= problem.line <= lines and problem.col >= 1


def test_symlink_out_of_the_catalogue_is_rejected(tmp_path):
    catalog = make_catalog(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text(BASE.replace("Example Channels", "Outside"))
    os.symlink(outside, catalog / "projects/outside.yaml")
    os.symlink("/etc/passwd", catalog / "projects/passwd.yaml")
    result = check_catalog(catalog, TODAY)
    found = {(p.file.rsplit("/", 1)[1], p.rule) for p in result.problems}
    assert {("outside.yaml", "file-type"), ("passwd.yaml", "file-type")} <= found
    assert result.catalog is None


def test_symlinked_projects_directory_is_rejected(tmp_path):
    catalog = make_catalog(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    os.rename(catalog / "projects", elsewhere)
    os.symlink(elsewhere, catalog / "projects")
    result = check_catalog(catalog, TODAY)
    assert result.catalog is None and {p.rule for p in result.problems} == {"file-type"}


def test_bomb_work_and_memory_are_bounded(tmp_path):
    catalog = make_catalog(tmp_path)
    (catalog / ENTRY).write_bytes(bomb(12, 12))     # 12**12 nodes if expanded
    tracemalloc.start()
    result = check_catalog(catalog, TODAY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [p.rule for p in result.problems if p.file.endswith(ENTRY)] == ["yaml-alias-limit"]
    assert f"more than {MAX_NODES:,} nodes" in result.problems[0].message
    assert peak < 64 * 1024 * 1024, f"peak traced memory {peak / 1e6:.1f} MB"


INERT = ["{{ 7*7 }}", "{% raw %}{{ x }}{% endraw %}", "[click](javascript:alert(1))", "*bold* and _under_",
         "`code`", "| a | b |", '{: onclick="alert(1)" }', "[^1]", "*[TERM]: tooltip", "# not a heading",
         "1) not a list", "a > b", '--8<-- "/etc/passwd"', "![x](https://evil.example/x.png)",
         "https://evil.example/", "$x$", "==mark== ~~del~~ ^^ins^^", "!!! warning"]


@pytest.mark.parametrize("text", INERT)
def test_legitimate_text_is_accepted_and_inert(tmp_path, text):
    catalog_dir = make_catalog(tmp_path)
    quoted = text.replace("'", "''")
    (catalog_dir / ENTRY).write_bytes(base_with("reason: Payments are made in BTC.", f"reason: '{quoted}'"))
    result = check_catalog(catalog_dir, TODAY)
    assert result.catalog is not None, [p.format() for p in result.problems]
    page = render_system(result.catalog, "example-channels")
    structure, _ = to_html(page)
    baseline_dir = make_catalog(tmp_path / "baseline")
    baseline, _ = to_html(render_system(check_catalog(baseline_dir, TODAY).catalog, "example-channels"))
    assert structure.tags == baseline.tags
    assert " ".join(text.split()) in "".join(structure.text)
    assert not [h for h in structure.hrefs if h.lower().startswith(("javascript:", "data:"))]
