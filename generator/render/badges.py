"""Badges: a small SVG per system and language that a project can show on its own pages.

Reads the clean Catalog and the site's name and address (cards.Brand). Writes nothing;
`render_badges` yields (path in the docs dir, SVG) for every system, at the stable address
badges/<language>/<slug>.svg, and `embed` gives a system page what it shows of its badge:
the picture, and the Markdown and HTML that embed it. A badge says the site's name, the
system's maturity level and the trilemma corners it keeps (its category where the
trilemma does not apply), and links back to the system's page. Its text is measured with
the cards' font and pinned with textLength, so it fits in whatever font the reader has.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import escape

from ..card_font import card_font
from ..catalog import Catalog
from ..maturity import rate
from ..model import CORNERS, System
from ..translations import SOURCE_LANGUAGE
from ..ui import N_, _, fill
from .cards import Brand, page_address
from .markdown import environment
from .words import CORNER_HEADINGS

HEIGHT, SIZE, PAD = 20, 11, 6
FONTS = "Noto Sans SC,Noto Sans CJK SC,Source Han Sans SC,PingFang SC,Microsoft YaHei,Verdana,DejaVu Sans,sans-serif"


@dataclass(frozen=True)
class Badge:
    path: str               # in the docs dir
    page: str               # the system page's absolute address
    left: str
    right: str

    @property
    def label(self) -> str:
        return f"{self.left}{_(': ')}{self.right}"

    def widths(self) -> tuple[float, float, float, float]:
        """The left part's width and its text's, the right part's and its text's."""
        font = card_font()
        left, right = (round(font.width(text, SIZE), 1) for text in (self.left, self.right))
        return left + 2 * PAD, left, right + 2 * PAD, right

    @property
    def width(self) -> int:
        outer_left, _left, outer_right, _right = self.widths()
        return int(round(outer_left + outer_right))

    def svg(self) -> str:
        outer_left, left, _outer_right, right = self.widths()
        return environment("html").get_template("badge.svg.j2").render(
            badge=self, width=self.width, height=HEIGHT, size=SIZE, pad=PAD, fonts=FONTS,
            outer_left=outer_left, left_text=left, right_text=right)


def badge_path(system: System, language: str) -> str:
    return f"badges/{language}/{system.slug}.svg"


def _kept(system: System, catalog: Catalog) -> str:
    if not system.trilemma.applies:
        return catalog.vocabularies["categories"][system.category].name
    clauses = []
    for value, template in (("yes", N_("keeps {corners}")), ("partial", N_("partly keeps {corners}"))):
        names = [_(CORNER_HEADINGS[c]).lower() for c, v in zip(CORNERS, system.trilemma.values) if v == value]
        if names:
            clauses.append(fill(template, {"corners": " + ".join(names)}, str, str))
    return _("; ").join(clauses) or _("keeps none of the three")


def badge(system: System, catalog: Catalog, brand: Brand, language: str) -> Badge:
    maturity = rate(system)
    parts = [fill(N_("maturity level {number}"), {"number": maturity.level}, str, str)] if maturity.applies else []
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    page = f"{brand.address.rstrip('/')}/{prefix}{page_address(f'projects/{system.slug}.md')}"
    return Badge(badge_path(system, language), page, brand.name, " · ".join(parts + [_kept(system, catalog)]))


def render_badges(catalog: Catalog, brand: Brand, language: str) -> Iterator[tuple[str, str]]:
    for system in catalog.systems:
        made = badge(system, catalog, brand, language)
        yield made.path, made.svg()


def embed(system: System, catalog: Catalog, brand: Brand, language: str) -> dict:
    """What a system page shows of its badge: the picture (src relative to the page) and
    the Markdown and HTML a project copies to embed it (absolute addresses)."""
    made = badge(system, catalog, brand, language)
    depth = page_address(f"projects/{system.slug}.md").count("/") + (language != SOURCE_LANGUAGE)
    image = f"{brand.address.rstrip('/')}/{made.path}"
    label = escape(made.label)
    return {"src": "../" * depth + made.path, "alt": made.label, "width": made.width, "height": HEIGHT,
            "markdown": f"[![{made.label}]({image})]({made.page})",
            "html": f'<a href="{escape(made.page)}"><img src="{escape(image)}" alt="{label}" '
                    f'width="{made.width}" height="{HEIGHT}"></a>'}
