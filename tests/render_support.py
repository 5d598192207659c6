"""Render fixture catalogues to Markdown and HTML without MkDocs (fast, for unit tests)."""
from __future__ import annotations

import copy
from html.parser import HTMLParser

import markdown
from mkdocs.utils.meta import get_data

from generator.catalog import Catalog, check_catalog
from generator.load import load_file
from generator.model import build_system
from generator.render.cards import Brand
from generator.render.pages import SiteConfig, system_page

from .conftest import ROOT, TODAY, make_catalog

SITE = SiteConfig("https://github.com/example/catalogue", "main",
                  brands={"en": Brand("Bitcoin L2 Trilemma", "A catalogue.", "https://example.org/catalogue/"),
                          "zh": Brand("比特币 L2 不可能三角", "一个目录。", "https://example.org/catalogue/")})


def mkdocs_markdown() -> markdown.Markdown:
    """Python-Markdown configured with exactly the extensions of mkdocs.yml."""
    config = load_file(ROOT / "mkdocs.yml", "mkdocs.yml")[0].data
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def fixture_catalog(tmp_path, entries: dict[str, str] | None = None) -> Catalog:
    """The two-entry fixture catalogue, plus any extra {slug: yaml text} entries."""
    catalog_dir = make_catalog(tmp_path)
    for slug, text in (entries or {}).items():
        (catalog_dir / "projects" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    result = check_catalog(catalog_dir, TODAY)
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def with_system(catalog: Catalog, slug: str, data: dict) -> Catalog:
    """The catalogue with one entry rebuilt from data that did NOT pass the check."""
    system = build_system(slug, f"catalog/projects/{slug}.yaml", data)
    systems = tuple(system if s.slug == slug else s for s in catalog.systems)
    return Catalog(systems, catalog.vocabularies, catalog.schema, catalog.glossary,
                   {**catalog.data, slug: data})


def render_system(catalog: Catalog, slug: str) -> str:
    from generator.render.triangle import Placement
    index = {s.slug: s for s in catalog.systems}
    return system_page(index[slug], catalog, SITE, index, Placement.of(catalog.systems))


TEXT_KEYS = {"name", "summary", "note", "reason", "detail", "label", "event", "said", "title", "publisher"}


def replace_text(data, text: str):
    """A copy of an entry with every free-text field (and every alias) set to text."""
    data = copy.deepcopy(data)

    def walk(node, in_figures=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and (key in TEXT_KEYS or (in_figures and key == "value")):
                    node[key] = text
                else:
                    walk(value, in_figures or key in ("figures", "previous"))
        elif isinstance(node, list):
            for item in node:
                walk(item, in_figures)
    walk(data)
    data["aliases"] = [text]
    return data


class Structure(HTMLParser):
    """The markup of a page (tags and attribute names), its text and its links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(k for k, _ in attrs))))
        self.hrefs += [v for k, v in attrs if k in ("href", "src") and v]

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text.append(data)


def to_html(page: str) -> tuple[Structure, dict]:
    """A rendered Markdown page as MkDocs would convert it: (its structure, its front matter)."""
    body, meta = get_data(page)
    parser = Structure()
    parser.feed(mkdocs_markdown().convert(body))
    return parser, meta
