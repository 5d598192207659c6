"""The social cards: a 1200×630 picture per page and language, for link previews.

Reads the clean Catalog, and each other page's title and description (`page_words`).
Writes nothing; `render_cards` yields a Card for every page, whose `svg()` generator/
rasterize.py turns into the PNG. A system's card shows its name, category, place in the
trilemma triangle, risk rosette, maturity level and review date; every other page's card
its title, its description and the triangle's corners. Text is laid out with the card
font's own widths (generator/card_font.py), and `Card.text` lists every string a card
prints, so a test can hold each one to the font. A page's card lives at
cards/<language>/<the page's address>.png (`card_path`), where site_overrides/main.html
points og:image; `SystemWords.alt` is a system card's alt text.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from ..card_font import card_font
from ..catalog import Catalog
from ..maturity import rate
from ..model import CORNERS, System
from ..ui import N_, _, fill
from . import rosette
from .ladder import result_label
from .markdown import environment
from .triangle import point
from .words import CORNER_HEADINGS, CORNER_LABELS, corner_clauses, system_title

WIDTH, HEIGHT = 1200, 630
LEFT, TEXT_WIDTH, FOOT = 64.0, 660.0, 590.0
INK, MUTED, ACCENT = "#1a1a1a", "#5f6368", "#f7931a"
RISK_FILL = {"low": "#2e7d32", "medium": "#f9a825", "high": "#c62828", "not-applicable": "#bdbdbd",
             "under-review": "#9e9e9e"}
SYMBOL_INK = {"low": "#ffffff", "high": "#ffffff"}          # the others are light: dark symbols
SYSTEM_TRIANGLE = {"shared_ledger": (960.0, 92.0), "open_membership": (825.0, 322.0),
                   "no_new_token": (1095.0, 322.0)}
PAGE_TRIANGLE = {"shared_ledger": (975.0, 150.0), "open_membership": (835.0, 420.0),
                 "no_new_token": (1115.0, 420.0)}
ROSETTE_CENTRE, ROSETTE_RADIUS, ROSETTE_LABELS = (960.0, 480.0), 80.0, 100.0


@dataclass(frozen=True)
class Brand:
    """The site's name and description in one language (mkdocs.yml), and its address."""
    name: str
    description: str
    address: str = ""


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float          # baseline
    size: float
    fill: str = INK
    anchor: str = "start"


@dataclass(frozen=True)
class Card:
    path: str
    lines: tuple[Line, ...]
    triangle: dict                 # corner -> (x, y)
    corner_labels: tuple[Line, ...]
    dot: tuple[float, float] | None = None
    wedges: tuple = ()
    wedge_labels: tuple[Line, ...] = ()

    def svg(self) -> str:
        return environment("html").get_template("card.svg.j2").render(
            card=self, width=WIDTH, height=HEIGHT, family=card_font().family, accent=ACCENT, muted=MUTED,
            risk_fill=RISK_FILL, symbol_ink=SYMBOL_INK, ink=INK,
            outline=" ".join(f"{x},{y}" for x, y in (self.triangle[c] for c in CORNERS)))

    @property
    def text(self) -> list[str]:
        """Every string the card prints."""
        return [line.text for line in self.lines + self.corner_labels + self.wedge_labels] + \
               [w["symbol"] for w in self.wedges]


def page_address(page: str) -> str:
    """'projects/liquid.md' -> 'projects/liquid/'; 'categories/index.md' -> 'categories/';
    'index.md' -> '': the page's address in the site, under its language's directory."""
    address = page[:-len(".md")]
    address = address[:-len("index")] if address == "index" or address.endswith("/index") else address + "/"
    return address


def card_path(page: str, language: str) -> str:
    """'projects/liquid.md' -> 'cards/en/projects/liquid.png'; 'categories/index.md' ->
    'cards/en/categories.png'; 'index.md' -> 'cards/en/index.png': the page's address
    without its language, as main.html derives it from page.url."""
    return f"cards/{language}/{page_address(page).rstrip('/') or 'index'}.png"


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")           # a heading's attribute list: { #the-trilemma }


def page_words(markdown: str) -> tuple[str, str]:
    """A page's title and description, as the theme finds them: its front matter's title,
    else its first heading; its front matter's description, else none."""
    match = FRONT_MATTER.match(markdown)
    meta = (yaml.safe_load(match.group(1)) if match else None) or {}
    heading = next((ATTRIBUTES.sub("", line[2:]).strip() for line in markdown.splitlines()
                    if line.startswith("# ")), "")
    return html.unescape(str(meta.get("title") or heading)), html.unescape(str(meta.get("description") or ""))


def _host(brand: Brand) -> str:
    parts = urlsplit(brand.address)
    return (parts.netloc + parts.path).rstrip("/")


def _block(texts: Iterable[str], size: float, y: float, fill_colour: str = INK, gap: float = 1.3) -> list[Line]:
    return [Line(text, LEFT, y + i * size * gap, size, fill_colour) for i, text in enumerate(texts)]


def _corner_labels(vertex: dict, size: float, names: dict) -> tuple[Line, ...]:
    top, left, right = (vertex[c] for c in CORNERS)
    return (Line(_(names["shared_ledger"]), top[0], top[1] - 16, size, MUTED, "middle"),
            Line(_(names["open_membership"]), left[0], left[1] + size + 10, size, MUTED, "middle"),
            Line(_(names["no_new_token"]), right[0], right[1] + size + 10, size, MUTED, "middle"))


@dataclass(frozen=True)
class SystemWords:
    """What a system's card says, and the same as one text (the card's alt text)."""
    title: str
    category: str
    trilemma: str
    maturity: str
    as_of: str
    alt: str

    @classmethod
    def of(cls, system: System, catalog: Catalog) -> SystemWords:
        title = system_title(system)
        category = catalog.vocabularies["categories"][system.category].name
        if system.trilemma.applies:
            clauses = corner_clauses(system.trilemma.values)
            trilemma = clauses[0].upper() + clauses[1:] + _(".")
        else:
            trilemma = fill(N_("The trilemma does not apply here: {reason}"),
                            {"reason": system.trilemma.not_applicable}, str, str)
        maturity = fill(N_("Maturity: {level}"), {"level": result_label(rate(system))}, str, str)
        as_of = fill(N_("As of {date}"), {"date": system.reviewed.text}, str, str)
        risks = rosette.summary(system, rosette.wedges(system, catalog))
        alt = fill(N_("{title}: {category}. {trilemma} {maturity}. {risks} {as_of}."),
                   {"title": title, "category": category, "trilemma": trilemma, "maturity": maturity,
                    "risks": risks, "as_of": as_of}, str, str)
        return cls(title, category, trilemma, maturity, as_of, alt)


def system_card(system: System, catalog: Catalog, brand: Brand, language: str) -> Card:
    font, words = card_font(), SystemWords.of(system, catalog)
    size = font.fit(words.title, (64, 58, 52, 46), TEXT_WIDTH)
    lines = [Line(brand.name, LEFT, 86, 26, MUTED)]
    lines += _block(font.wrap(words.title, size, TEXT_WIDTH, 2), size, 110 + size, gap=1.15)
    lines.append(Line(words.category, LEFT, lines[-1].y + 56, 32))
    lines += _block(font.wrap(words.trilemma, 27, TEXT_WIDTH, 3), 27, lines[-1].y + 54)
    lines += _block(font.wrap(words.maturity, 27, TEXT_WIDTH, 2), 27, lines[-1].y + 58)
    lines.append(Line(" · ".join(filter(None, (words.as_of, _host(brand)))), LEFT, FOOT, 22, MUTED))
    labels = tuple(Line(label["text"], label["x"], label["y"] + 2, 18, MUTED, label["anchor"])
                   for label in rosette.labels(ROSETTE_CENTRE, ROSETTE_LABELS))
    dot = point(system.trilemma.values, SYSTEM_TRIANGLE) if system.trilemma.applies else None
    return Card(card_path(f"projects/{system.slug}.md", language), tuple(lines), SYSTEM_TRIANGLE,
                _corner_labels(SYSTEM_TRIANGLE, 18, CORNER_HEADINGS), dot,
                tuple(rosette.wedges(system, catalog, ROSETTE_CENTRE, ROSETTE_RADIUS)), labels)


def page_card(page: str, title: str, description: str, brand: Brand, language: str) -> Card:
    font = card_font()
    size = font.fit(title, (60, 54, 48), TEXT_WIDTH)
    heading = font.wrap(title, size, TEXT_WIDTH, 3)
    lines = [Line(brand.name, LEFT, 86, 26, MUTED)] + _block(heading, size, 110 + size, gap=1.15)
    lines += _block(font.wrap(description or brand.description, 28, TEXT_WIDTH, 5), 28, lines[-1].y + 64, MUTED)
    if _host(brand):
        lines.append(Line(_host(brand), LEFT, FOOT, 22, MUTED))
    return Card(card_path(page, language), tuple(lines), PAGE_TRIANGLE,
                _corner_labels(PAGE_TRIANGLE, 20, CORNER_LABELS))


def render_cards(catalog: Catalog, brand: Brand, language: str, pages) -> Iterator[Card]:
    """The card of every system page, then of every other page: pages gives each other
    page's (path, title, description)."""
    for system in catalog.systems:
        yield system_card(system, catalog, brand, language)
    for page, title, description in pages:
        yield page_card(page, title, description, brand, language)
