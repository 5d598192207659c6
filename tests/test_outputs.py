"""What the site offers besides pages: downloads that round-trip the catalogue, page
metadata, the scaffold for new entries, and a build with Zensical from the same docs."""
from __future__ import annotations

import csv
import functools
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalog import check_catalog
from generator.load import load_file
from generator.render.downloads import CSV_COLUMNS, csv_row

from .conftest import CATALOG, ROOT, TODAY, make_catalog
from .png import size as png_size

@functools.cache
def catalogue():
    """The real catalogue, checked once, when a test first needs it (not at import)."""
    return check_catalog(CATALOG, TODAY).catalog


@pytest.mark.site
def test_json_download_round_trips_every_entry(built_site):
    document = json.loads((built_site.site / "data/catalog.json").read_text())
    schema = json.loads((CATALOG / "schema/project.schema.json").read_text())
    assert document["schema_version"] == schema["x-schema-version"]
    by_slug = {item["slug"]: item["entry"] for item in document["systems"]}
    assert sorted(by_slug) == sorted(p.stem for p in (CATALOG / "projects").glob("*.yaml"))
    for path in (CATALOG / "projects").glob("*.yaml"):
        assert by_slug[path.stem] == load_file(path, path.name)[0].data, path.stem


@pytest.mark.site
def test_json_download_validates_against_the_published_schema(built_site):
    import jsonschema
    schema = json.loads((built_site.site / "schema/project.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for item in json.loads((built_site.site / "data/catalog.json").read_text())["systems"]:
        assert list(validator.iter_errors(item["entry"])) == [], item["slug"]


@pytest.mark.site
def test_json_download_carries_each_maturity_and_validates_against_the_export_schema(built_site):
    import jsonschema
    schema = json.loads((built_site.site / "schema/export.schema.json").read_text())
    document = json.loads((built_site.site / "data/catalog.json").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document)) == []
    maturity = {item["slug"]: item["maturity"] for item in document["systems"]}
    assert maturity["lightning"] == {"level": 3, "unmet": [], "under_review": [], "not_applicable": None}
    assert maturity["ordinals"] == {"level": None, "unmet": [], "under_review": [], "not_applicable": "no-custody"}
    assert maturity["arbitrum"]["not_applicable"] == "comparator"
    assert maturity["cbbtc"]["level"] == 0 and "unilateral-exit" in maturity["cbbtc"]["unmet"]
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO((built_site.site / "data/catalog.csv").read_text()))}
    assert rows["lightning"]["maturity_level"] == "3" and rows["ordinals"]["maturity_level"] == ""
    assert rows["cbbtc"]["maturity_unmet"].split("; ") == maturity["cbbtc"]["unmet"]


@pytest.mark.site
def test_csv_download_round_trips_the_matrix_columns(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site.site / "data/catalog.csv").read_text())))
    assert list(rows[0].keys()) == CSV_COLUMNS
    expected = {s.slug: csv_row(s) for s in catalogue().systems}
    assert len(rows) == len(expected)
    for row in rows:
        unquoted = {k: v[1:] if v.startswith("'") and v[1:2] in ("=", "+", "-", "@") else v for k, v in row.items()}
        assert unquoted == expected[row["slug"]]


def test_csv_cells_cannot_run_as_formulas():
    from generator.render.downloads import csv_safe
    assert csv_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and csv_safe("Liquid") == "Liquid"


@pytest.mark.site
def test_page_metadata(built_site):
    site = built_site.site
    liquid = (site / "projects/liquid/index.html").read_text()
    summary = catalogue().system("liquid").summary
    assert f'<meta name="description" content="{summary}' in liquid.replace("&#x27;", "'")
    assert f'<link rel="canonical" href="{built_site.base_url}projects/liquid/">' in liquid
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{built_site.base_url}projects/liquid/</loc>" in sitemap
    assert f"<lastmod>{catalogue().system('liquid').reviewed}</lastmod>" in sitemap
    assert (site / "404.html").is_file() and "404" in (site / "404.html").read_text()
    assert '<input class="md-option" data-md-color-media="(prefers-color-scheme: light)"' in liquid
    assert 'aria-label="Switch to dark mode"' in liquid and 'title="Switch to light mode"' in liquid
    chinese = (site / "zh/projects/liquid/index.html").read_text()
    assert 'aria-label="切换到深色模式"' in chinese and 'title="切换到浅色模式"' in chinese
    assert "Switch to" not in chinese
    assert '"clipboard.copied": "已复制"' in chinese      # the theme's JSON keeps its characters (generator/page_json.py)
    assert "__tabbed_" not in liquid + chinese            # no content tabs, so no script for them


def _previews(page: str) -> dict:
    """A page's OpenGraph and Twitter metadata: {property: [content, ...]}."""
    found = {}
    for key, content in re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z_:]+)" content="([^"]*)">', page):
        found.setdefault(key, []).append(html.unescape(content))
    return found


def test_every_page_describes_its_link_preview_in_its_language(built_site):
    """Every page, in both languages, names its title, description, type, absolute address
    and locale for link previews (OpenGraph, and X's card, which takes the title, description
    and image from OpenGraph's and has its own only for the rest), the other language as the
    alternate locale, and its own social card: an absolute address on the site, a 1200×630
    PNG that is there, with its alt text. Each value is escaped once (an apostrophe reads
    as one)."""
    wrong, cards, pages = [], set(), sorted(built_site.site.rglob("index.html"))
    for path in pages:
        address = path.parent.relative_to(built_site.site).as_posix() + "/"
        chinese = address.startswith("zh/")
        page = path.read_text(encoding="utf-8")
        found = _previews(page)
        expected_url = built_site.base_url + ("" if address == "./" else address)
        card = "cards/" + ("zh/" if chinese else "en/") + (address.removeprefix("zh/").strip("/.") or "index") + ".png"
        description = html.unescape(re.search(r'<meta name="description" content="([^"]*)">', page).group(1))
        if (found.get("og:url") != [expected_url]
                or found.get("og:locale") != (["zh_CN"] if chinese else ["en_US"])
                or found.get("og:locale:alternate") != (["en_US"] if chinese else ["zh_CN"])
                or found.get("og:type") != (["website"] if address in ("./", "zh/") else ["article"])
                or found.get("twitter:card") != ["summary_large_image"]
                or found.get("og:image") != [built_site.base_url + card]
                or found.get("og:image:width") != ["1200"] or found.get("og:image:height") != ["630"]
                or "og:image:type" in found
                or found.get("og:image:alt") != found.get("twitter:image:alt")
                or found.get("og:description") != [description]
                or any(key in found for key in ("twitter:title", "twitter:description", "twitter:image"))
                or any(len(found.get(key, [])) != 1 or not found[key][0].strip()
                       for key in ("og:title", "og:description", "og:site_name", "og:image:alt"))):
            wrong.append((address, found))
        cards.add(card)
    assert wrong == [] and len(pages) > 150
    assert all(png_size((built_site.site / card).read_bytes()) == (1200, 630) for card in cards)
    assert sorted(p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("cards/**/*.png")) == sorted(cards)
    for prefix, site_name, title in (("", "Bitcoin L2 Trilemma", "Liquid Network"),
                                     ("zh/", "比特币 L2 不可能三角", "Liquid Network")):
        found = _previews((built_site.site / prefix / "projects/liquid/index.html").read_text(encoding="utf-8"))
        assert found["og:site_name"] == [site_name] and found["og:title"] == [title]
    chinese = _previews((built_site.site / "zh/projects/liquid/index.html").read_text(encoding="utf-8"))
    assert re.search("[\u4e00-\u9fff]", chinese["og:description"][0])
    assert chinese["og:image:alt"][0].startswith("Liquid Network：联合侧链。保有共享公共账本和无新代币；放弃开放成员资格。成熟度：")
    english = _previews((built_site.site / "projects/liquid/index.html").read_text(encoding="utf-8"))
    assert english["og:image:alt"][0].startswith("Liquid Network: Federated sidechains. Keeps shared public ledger")
    assert _previews((built_site.site / "trilemma/index.html").read_text(encoding="utf-8"))["og:image:alt"] == \
        ["The trilemma · Bitcoin L2 Trilemma"]
    rootstock = _previews((built_site.site / "projects/powpeg/index.html").read_text(encoding="utf-8"))
    assert rootstock["og:description"][0].startswith("Rootstock's BTC peg")


def test_new_writes_a_template_that_check_flags_until_filled(tmp_path):
    catalog = make_catalog(tmp_path)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "generator", *args], cwd=tmp_path, env=env,
                                       capture_output=True, text=True, timeout=60)
    done = run("new", "fresh-system", "--category", "rollup", "--catalog", str(catalog))
    assert done.returncode == 0, done.stderr
    text = (catalog / "projects/fresh-system.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/project.schema.json\n")
    assert "category: rollup" in text
    check = run("check", "--catalog", str(catalog), "--today", str(TODAY))
    assert check.returncode == 1
    todo = [line for line in check.stdout.splitlines() if "[todo-placeholder]" in line]
    assert len(todo) >= 10 and all("fresh-system.yaml:" in line for line in todo)
    assert run("new", "fresh-system", "--category", "rollup", "--catalog", str(catalog)).returncode == 2
    assert run("new", "Bad_Slug", "--category", "rollup", "--catalog", str(catalog)).returncode == 2
    assert run("new", "other-one", "--category", "rollups", "--catalog", str(catalog)).returncode == 2


@pytest.mark.site
def test_the_same_docs_build_with_zensical(built_site, tmp_path):
    zensical = Path(sys.executable).parent / "zensical"
    assert zensical.exists(), "zensical is pinned in requirements/test.txt"
    work = tmp_path / "zensical"
    work.mkdir()
    shutil.copy(built_site.root / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(built_site.root / "site_overrides", work / "site_overrides")
    shutil.copytree(built_site.root / "build/docs", work / "build/docs")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}     # mkdocs.yml names a Markdown extension of generator/
    done = subprocess.run([str(zensical), "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    site = work / "site"
    for system in catalogue().systems:
        assert (site / "projects" / system.slug / "index.html").is_file(), system.slug
    home = (site / "index.html").read_text()
    assert home.count('class="tri-label') >= 20
    liquid = (site / "projects/liquid/index.html").read_text()
    assert "Liquid Network" in liquid
    assert "<!-- verbatim -->" not in liquid      # generator.verbatim ran: its regions arrive as HTML
    assert re.search(r'<dt>Category</dt>\n<dd><a href="[./]*categories/federated-sidechain/">', liquid)
    assert '<li id="fn:owens-2023">' in liquid and 'href="#fn:owens-2023"' in liquid
    assert (site / "matrix/comparison/index.html").is_file() and (site / "data/catalog.json").is_file()
    assert '<table class="data-table">' in (site / "matrix/comparison/index.html").read_text()


def test_every_system_has_a_badge_in_each_language_that_links_back_to_its_page(built_site):
    """badges/<language>/<slug>.svg: well-formed SVG, named for what it says, linking to the
    system's page in its language, which exists; the page embeds it."""
    import xml.etree.ElementTree as ET
    svg, xlink = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
    slugs = {s.slug for s in catalogue().systems}
    for language, prefix in (("en", ""), ("zh", "zh/")):
        found = {p.stem for p in (built_site.site / "badges" / language).glob("*.svg")}
        assert found == slugs, language
        for slug in sorted(slugs):
            root = ET.fromstring((built_site.site / "badges" / language / f"{slug}.svg").read_bytes())
            link = root.find(f"{svg}a")
            page = built_site.base_url + f"{prefix}projects/{slug}/"
            assert root.tag == f"{svg}svg" and root.get("height") == "20" and int(root.get("width")) > 100
            assert link.get("href") == link.get(f"{xlink}href") == page, slug
            assert (built_site.site / prefix / "projects" / slug / "index.html").is_file()
            title = root.find(f"{svg}title").text
            texts = [t.text for t in link.iter(f"{svg}text")]
            assert root.get("aria-label") == title == texts[0] + ("：" if prefix else ": ") + texts[1], slug
            embedded = (built_site.site / prefix / "projects" / slug / "index.html").read_text(encoding="utf-8")
            assert f'src="{"../" * (2 + bool(prefix))}badges/{language}/{slug}.svg" alt="{html.escape(title)}"' \
                in embedded, slug
    english = ET.fromstring((built_site.site / "badges/en/liquid.svg").read_bytes())
    assert [t.text for t in english.iter(f"{svg}text")] == ["Bitcoin L2 Trilemma",
                                                           "maturity level 0 · keeps shared ledger + no new token"]
    chinese = ET.fromstring((built_site.site / "badges/zh/liquid.svg").read_bytes())
    assert [t.text for t in chinese.iter(f"{svg}text")] == ["比特币 L2 不可能三角", "成熟度第 0 级 · 保有共享公共账本 + 无新代币"]
