"""The built site: every entry has its page, the matrices and the triangle are complete,
search knows the aliases, and nothing is fetched from another host."""
from __future__ import annotations

import functools
import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

from generator.catalog import check_all
from generator.compact_html import VERBATIM, compact

from .conftest import CATALOG, ROOT, TODAY

pytestmark = pytest.mark.site



@functools.cache
def catalogues() -> dict:
    """The real catalogue in every language, checked once (not at import)."""
    return check_all(CATALOG, TODAY).catalogs


def english():
    return catalogues()["en"]
FAMILIES = {"off-chain-network", "decentralized-sidechain", "federated-sidechain"}

# Strings in the theme's JavaScript that name another host but are never fetched here:
# XML namespaces; Material's loaders for Mermaid (only for ```mermaid blocks, which the
# site has none of) and for a ResizeObserver polyfill (only in browsers without it); and
# its repository-facts requests (only when mkdocs.yml sets repo_url, which
# test_no_repository_widget keeps out).
INERT_JS_URLS = {
    "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}",
    "https://api.github.com/repos/${e}/${t}", "https://api.github.com/users/${e}",
}
LOADING_ATTRIBUTES = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
                      ("iframe", "src"), ("source", "src"), ("source", "srcset"), ("video", "src"),
                      ("video", "poster"), ("audio", "src"), ("embed", "src"), ("object", "data"),
                      ("image", "href"), ("use", "href"), ("form", "action")}


class ResourceParser(HTMLParser):
    """Collects every URL an HTML page would load by itself (links to follow aside)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value and (tag, name) in LOADING_ATTRIBUTES:
                if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                    continue   # identifies the page; a browser does not fetch it
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")]
            if name == "style" and value:
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((attrs.get("content") or "").partition("url=")[2])


def other_host(url: str, own: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.netloc != own or parsed.scheme not in ("", "http", "https", "data")


def test_every_entry_has_its_page(built_site):
    for system in english().systems:
        page = built_site.site / "projects" / system.slug / "index.html"
        assert page.is_file(), system.slug
        text = page.read_text()
        assert "<h1" in text and system.name.replace("&", "&amp;") in text


def test_matrices_and_triangle_show_every_family_system(built_site):
    trilemma = (built_site.site / "matrix/trilemma/index.html").read_text()
    comparison = (built_site.site / "matrix/comparison/index.html").read_text()
    home = (built_site.site / "index.html").read_text()
    for system in english().systems:
        href = f"projects/{system.slug}/"
        assert href in comparison, system.slug
        if system.category in FAMILIES:
            assert href in trilemma, system.slug
            assert f'href="{href}"' in home, f"{system.slug} is not placed in the home triangle"


def test_glossary_terms_show_as_tooltips_once_per_page(built_site):
    definitions = {" ".join(term.definition.split()) for catalog in catalogues().values() for term in catalog.glossary}
    marked = {}
    for page in built_site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        titles = [html.unescape(t) for t in re.findall(r'<abbr title="([^"]*)">', text)]
        # Latin words keep their spaces ("a sidechain built"); Chinese has none to keep
        assert not re.search(r"[A-Za-z0-9]<abbr [^>]*>[A-Za-z0-9]|[A-Za-z0-9]</abbr>[A-Za-z0-9]", text), \
            f"{page}: a term lost the space beside it"
        assert len(titles) == len(set(titles)), f"{page}: a definition is repeated"
        assert set(titles) <= definitions, page
        marked[page.relative_to(built_site.site).as_posix()] = len(titles)
    for page in ("index.html", "trilemma/index.html", "mining-vs-bridging/index.html",   # hand-written
                 "projects/liquid/index.html", "matrix/comparison/index.html"):         # generated
        assert marked[page] >= 5, (page, marked[page])
        assert marked[f"zh/{page}"] >= 5, (f"zh/{page}", marked[f"zh/{page}"])
    assert "&lt;abbr" not in "".join(p.read_text(encoding="utf-8") for p in built_site.site.rglob("*.html"))


def test_no_page_loads_anything_from_another_host(built_site):
    own = urlparse(built_site.base_url).netloc
    offenders = []
    for page in built_site.site.rglob("*.html"):
        parser = ResourceParser()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [(page.name, url) for url in parser.urls if other_host(url, own)]
    for sheet in built_site.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        offenders += [(sheet.name, url) for url in urls if other_host(url, own)]
    for script in built_site.site.rglob("*.js"):
        literals = re.findall(r"""["'`](https?://[^"'`\s]+)["'`]""", script.read_text(encoding="utf-8"))
        offenders += [(script.name, url) for url in literals
                      if url not in INERT_JS_URLS and not url.startswith(built_site.base_url)]
    assert offenders == []


def test_no_repository_widget():
    from generator.load import load_file
    config = load_file(ROOT / "mkdocs.yml", "mkdocs.yml")[0].data
    assert "repo_url" not in config and config["theme"]["font"] is False
    assert "analytics" not in config.get("extra", {})


def test_no_font_or_analytics_configuration(built_site):
    home = (built_site.site / "index.html").read_text()
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    assert "googletagmanager" not in home and "gtag(" not in home


def test_search_index_knows_names_aliases_and_concepts(built_site):
    index = json.loads((built_site.site / "search/search_index.json").read_text())
    pages = {doc["location"]: (doc["title"] + " " + doc["text"]) for doc in index["docs"]}
    liquid = " ".join(text for location, text in pages.items() if location.startswith("projects/liquid/"))
    assert "L-BTC" in liquid
    for slug, words in {"rootstock": ["RSK", "merge"], "stacks": ["STX"], "liquid": ["federation"]}.items():
        text = " ".join(t for loc, t in pages.items() if loc.startswith(f"projects/{slug}/"))
        for word in words:
            assert word.lower() in text.lower(), (slug, word)


def test_project_pages_stay_out_of_the_sidebar(built_site):
    home = (built_site.site / "index.html").read_text()
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index("</nav>", home.index('md-nav--primary'))]
    assert "projects/" not in nav


def test_system_page_has_facts_card_sources_and_edit_link(built_site):
    html = (built_site.site / "projects/liquid/index.html").read_text()
    for anchor in ("key-facts", "trilemma", "risks", "sources"):
        assert f'id="{anchor}"' in html
    assert 'class="footnote"' in html and "accessed" in html
    assert "/edit/main/catalog/projects/liquid.yaml" in html
    assert "Last reviewed" in html
    assert '<meta name="description" content="' in html
    assert 'class="trilemma trilemma--small"' in html and "tri-highlight" in html


def test_compact_cuts_white_space_runs_but_not_inside_tags_or_verbatim_elements():
    page = ('<div>\n    <p>a  b</p>\n  \n</div>  <pre><code>x<span class="w">   </span>y\n    z</code></pre>\n'
            '  <script>if (a)  {\n    b()\n}</script>\n\t<textarea>\n  kept\n</textarea> <b>x</b>'
            '<a title="one  two\n  three" href="#x">\n    Home\n  \n  </a> <code>make  check</code>'
            '<kbd>Ctrl  C</kbd>')
    assert compact(page) == ('<div>\n<p>a b</p>\n</div> <pre><code>x<span class="w">   </span>y\n    z</code></pre>\n'
                             '<script>if (a)  {\n    b()\n}</script>\n<textarea>\n  kept\n</textarea> <b>x</b>'
                             '<a title="one  two\n  three" href="#x">\nHome\n</a> <code>make  check</code>'
                             '<kbd>Ctrl  C</kbd>')


def test_verbatim_regions_pass_through_markdown_untouched():
    """generator/verbatim.py: what the generator wrote between the markers is not parsed as
    Markdown (no emphasis, no table, no link rewriting); the text around it still is."""
    import markdown
    md = markdown.Markdown(extensions=["generator.verbatim", "tables", "footnotes"])
    page = ("# Title\n\n<!-- verbatim -->\n<p>*kept* | [x](y.md) [^a]</p>\n<dl>\n<dt>a</dt>\n</dl>\n"
            "<!-- /verbatim -->\n\n*emphasis*\n")
    assert md.convert(page) == ('<h1>Title</h1>\n<p>*kept* | [x](y.md) [^a]</p>\n<dl>\n<dt>a</dt>\n</dl>\n'
                                '<p><em>emphasis</em></p>')
    with pytest.raises(ValueError, match="a '<!-- verbatim -->' region has no '<!-- /verbatim -->' line"):
        md.reset().convert("<!-- verbatim -->\n<p>open</p>\n")


def _search_sections(html_text: str) -> list:
    """What Material's search plugin makes of a page: its sections, with white space runs as one."""
    from material.plugins.search.plugin import Parser
    parser = Parser()
    parser.feed(html_text)
    parser.close()
    return [(section.id, "".join(section.title).strip(), " ".join("".join(section.text).split()),
             section.is_excluded()) for section in parser.data]


def test_the_search_plugin_reads_lean_pages_into_the_same_sections(built_site, tmp_path):
    """generator/search_lean.py hands the search plugin each page without the tags it ignores.
    On every page of the site, in both languages, the plugin finds the same sections, titles
    and text in the lean page as in the full one; the built pages keep their full HTML."""
    from mkdocs.commands.build import build
    from mkdocs.plugins import event_priority

    from generator.build import load_config
    from generator.search_lean import lean

    contents = {}

    class Recorder:
        @event_priority(2)        # before the hook's first half (1) and the search plugin (0)
        def on_page_context(self, context, page, config, nav):
            contents[page.url] = page.content
            return context

    config = load_config(built_site.root / "mkdocs.yml", site_dir=str(tmp_path / "site"))
    config.plugins["recorder"] = Recorder()
    build(config)
    assert len(contents) == 2 * len({url.removeprefix("zh/") for url in contents}) > 200
    different = [url for url, content in contents.items() if _search_sections(lean(content)) != _search_sections(content)]
    assert different == []
    liquid = contents["zh/projects/liquid/"]
    assert lean(liquid).count("<") < liquid.count("<") / 3       # what the plugin is spared
    page = (built_site.site / "zh/projects/liquid/index.html").read_text(encoding="utf-8")
    assert '<abbr title="' in page and 'class="headerlink"' in page and "data-search-exclude" not in page


@pytest.mark.parametrize("prefix, back", [("", "Back to the text"), ("zh/", "返回正文")])
def test_system_pages_number_their_citations_and_link_both_ways(built_site, prefix, back):
    """A system page's footnotes are written by the generator: each citation shows its
    source's number in the entry's list and links to it; the source links back to each
    citation, in the page's language."""
    system = next(s for s in english().systems if s.slug == "liquid")
    page = (built_site.site / prefix / "projects/liquid/index.html").read_text(encoding="utf-8")
    citations = re.findall(r'<sup id="(fnref:(\d+)-\d+)"><a href="#fn:([a-z0-9-]+)">(\d+)</a></sup>',
                           page)
    numbers = {source.id: str(n) for n, source in enumerate(system.sources, 1)}
    assert len(citations) > 30 and len({ref for ref, *_ in citations}) == len(citations)
    assert {(source, number) for _ref, _n, source, number in citations} <= set(numbers.items())
    assert all(n == number for _ref, n, _source, number in citations)
    for source in system.sources:
        entry = re.search(rf'<li id="fn:{source.id}">\n<p>(.*?)</p>\n</li>', page).group(1)
        backs = re.findall(rf'<a class="footnote-backref" href="#([^"]+)" title="{back}">↩</a>', entry)
        assert backs == [ref for ref, _n, cited, _number in citations if cited == source.id], source.id
    assert page.index('<div class="sources">') < page.index('<li id="fn:owens-2023">')


def test_pages_leave_the_build_without_the_themes_indentation(built_site):
    """generator/compact_html.py (a page hook) cuts every run of white space to one character;
    the white space of code blocks is content and stays."""
    indented = []
    for path in built_site.site.rglob("*.html"):
        if path.name == "404.html":     # MkDocs renders it outside the page hooks
            continue
        text = VERBATIM.sub("<verbatim/>", path.read_text(encoding="utf-8"))
        if re.search(r"\s{2,}(?![^<>]*>)", text):    # a run outside a tag
            indented.append(path.relative_to(built_site.site).as_posix())
    assert indented == []
    for prefix in ("", "zh/"):
        contributing = (built_site.site / prefix / "reference/contributing/index.html").read_text(encoding="utf-8")
        assert 'make<span class="w"> </span>check<span class="w">   </span><span class="c1">' in contributing


def test_tables_leave_the_build_wrapped(built_site):
    """Material's script moves every table:not([class]) into a scroll wrapper after loading,
    laying the table out twice; generator/wrapped_tables.py writes that wrapper at build time."""
    wrapped = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
    for page in ("matrix/comparison", "matrix/trilemma", "projects/liquid", "reference/entry-reference"):
        for prefix in ("", "zh/"):
            text = (built_site.site / prefix / page / "index.html").read_text(encoding="utf-8")
            assert text.count(wrapped) >= 1, (prefix, page)
    bare = [path.relative_to(built_site.site).as_posix() for path in built_site.site.rglob("*.html")
            if re.search(r"<table(?![^>]*\bclass=)[^>]*>", path.read_text(encoding="utf-8"))]
    assert bare == []
