"""Rendering: golden Markdown for one system of each family, and YAML text that stays text."""
from __future__ import annotations

import html
import os

import pytest

from generator.render.markdown import escape, external, html_href, md_link_target

from .conftest import BASE
from .render_support import fixture_catalog, mkdocs_markdown, render_system, replace_text, to_html, with_system

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")

SIDECHAIN = (BASE.replace("Example Channels", "Example Sidechain").replace("[EXC, Example Network]", "[EXS]")
             .replace("example-channels.example.org", "example-sidechain.example.org")
             .replace("category: off-chain-network", "category: decentralized-sidechain")
             .replace("token: null", "token: {symbol: EXS, name: Example coin, as_of: 2026-11-20, sources: [docs]}")
             .replace("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: yes")
             .replace("  no_new_token:\n    value: yes", "  no_new_token:\n    value: no"))
FEDERATION = (BASE.replace("Example Channels", "Example Federation").replace("[EXC, Example Network]", "[]")
              .replace("example-channels.example.org", "example-federation.example.org")
              .replace("category: off-chain-network", "category: federated-sidechain")
              .replace("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: yes")
              .replace("  open_membership:\n    value: yes", "  open_membership:\n    value: no")
              .replace("model: self-custody", "model: federated-multisig"))
FAMILIES = {"example-channels": None, "example-sidechain": SIDECHAIN, "example-federation": FEDERATION}

HOSTILE = [
    "- dash start", "+ plus start", "* star start", "> quote start", ": definition start", "=== setext",
    "--- rule", "*** rule", "___ rule", "2) paren list", "10. ten", "#hashtag", "!!!note", "~~~ fence",
    "``` fence", "    indented code", "<div>html</div>", "&amp; entity", "[link]: https://x.example/ref",
    "x  \n  y", "a\\\nb",
    "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}x{% endraw %}", "[click](javascript:alert(1))",
    "*emph* **bold** _under_ ~~gone~~ ==mark==", "`code` and ```fence```", "<img src=x onerror=alert(1)>",
    "&lt;b&gt;bold&lt;/b&gt; &amp; &#60;i&#62;", "cell | split | table", '{: onclick="alert(1)" }',
    '--8<-- "/etc/passwd"', "note[^1] and [^1]: footnote", "*[HTML]: Hyper Text", "<!-- insert: triangle -->",
    "# heading", "- list item", "1. numbered", "> quoted", "\\ backslash \\*", "![img](https://evil.example/x.png)",
    "line one\nline two\n\n# new block", "<https://evil.example>", "javascript:alert(1)", "$x$ and \\(y\\)",
    '"quotes" and \'single\'', "ünïcødé ✓ — dash", "::: block\n:   definition", "!!! note \"Admonition\"",
]


@pytest.fixture(scope="module")
def families(tmp_path_factory):
    return fixture_catalog(tmp_path_factory.mktemp("golden"),
                           {slug: text for slug, text in FAMILIES.items() if text})


@pytest.mark.parametrize("slug", sorted(FAMILIES))
def test_golden_markdown(families, slug):
    rendered = render_system(families, slug)
    path = os.path.join(GOLDEN, f"{slug}.md")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(rendered)
    with open(path, encoding="utf-8") as handle:
        assert rendered == handle.read(), f"{slug} changed; check it, then rerun with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("text", HOSTILE)
def test_yaml_text_never_becomes_markup(families, text):
    plain = with_system(families, "example-channels",
                        replace_text(families.data["example-channels"], "plain words"))
    hostile = with_system(families, "example-channels",
                          replace_text(families.data["example-channels"], text))
    expected, _ = to_html(render_system(plain, "example-channels"))
    found, meta = to_html(render_system(hostile, "example-channels"))
    assert found.tags == expected.tags, "YAML text changed the page's markup"
    assert not [h for h in found.hrefs if h.lower().startswith(("javascript:", "data:", "vbscript:"))]
    literal = " ".join(text.split())
    assert literal in " ".join("".join(found.text).split())
    assert meta["title"] == html.escape(literal) and meta["description"] == html.escape(literal)


def test_escape_covers_every_markdown_and_html_character():
    for ch in "&<>\"`*_{}[]|\\~^=$":
        assert escape(f"a{ch}b") == f"a&#{ord(ch)};b"
    for start in "#>+-:!":
        assert escape(f"{start} x") == f"&#{ord(start)}; x"
    assert escape("12. twelve") == "12&#46; twelve" and escape("3) three") == "3&#41; three"
    assert escape("a - b. c: (d)") == "a - b. c: (d)"
    assert escape("a\n\nb\t c") == "a b c"


def test_external_links_refuse_anything_but_https():
    with pytest.raises(ValueError):
        external("x", "javascript:alert(1)")
    assert 'href="https://a.example/?q=1&amp;r=2"' in external("x", "https://a.example/?q=1&r=2")


def test_relative_links_between_pages():
    assert md_link_target("projects/liquid.md", "matrix/trilemma.md", "x") == "../matrix/trilemma.md#x"
    assert html_href("index.md", "projects/liquid.md") == "projects/liquid/"
    assert html_href("projects/liquid.md", "projects/rootstock.md") == "../rootstock/"
    assert html_href("projects/liquid.md", "index.md") == "../../"


@pytest.fixture(scope="module")
def tooltips():
    from generator.catalog import check_catalog
    from generator.render.tooltips import Tooltips

    from .conftest import CATALOG, TODAY
    return Tooltips(check_catalog(CATALOG, TODAY).catalog)


def test_hand_written_pages_mark_each_term_once(tooltips):
    page = tooltips.mark_markdown("A layer 2 is a layer 2.\n\nLayer 2s and L2s again; a peg, pegged BTC.\n")
    assert page.count("<abbr") == 2                     # layer 2 (its variants share the title), peg
    assert page.startswith('A <abbr title="A system built on top of Bitcoin')
    assert "is a layer 2." in page and "Layer 2s and L2s again" in page
    rendered = to_html(page)[0]
    assert [tag for tag, _ in rendered.tags].count("abbr") == 2
    assert "".join(rendered.text).split() == "A layer 2 is a layer 2. Layer 2s and L2s again; a peg, pegged BTC.".split()


@pytest.mark.parametrize("text", [
    "---\ntitle: A layer 2\n---\n", "# A layer 2 heading", "```\na layer 2\n```", "    ```sh\n    layer 2\n    ```",
    "`layer 2`", "[a layer 2](trilemma.md)", "[layer 2][ref]", '<div title="layer 2">x</div>', "{ #layer 2 }",
    "https://example.org/layer 2", "!!! note \"A layer 2\"", "[^layer 2]: note", "[ref]: https://x.example/layer 2",
])
def test_hand_written_markup_keeps_its_terms_plain(tooltips, text):
    assert tooltips.mark_markdown(text) == text
    assert "<abbr" in tooltips.mark_markdown(text + "\n\nThen a layer 2 in prose.\n")


def test_tables_are_wrapped_when_built_as_material_would_wrap_them():
    """generator/wrapped_tables.py: a Markdown table, also one inside a marked <div>, comes
    out classed inside Material's scroll wrapper; a table that has a class is left alone."""
    convert = mkdocs_markdown().convert
    page = convert("Before.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.\n")
    assert page == ('<p>Before.</p>\n<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                    '<table class="data-table">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n'
                    '<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table></div></div>\n<p>After.</p>')
    nested = convert('<div class="matrix" markdown>\n\n| a |\n|---|\n| 1 |\n\n</div>\n')
    assert nested.startswith('<div class="matrix">\n<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                             '<table class="data-table">')
    assert convert('<table class="compare-table"><tr><td>1</td></tr></table>\n').count("scrollwrap") == 0
