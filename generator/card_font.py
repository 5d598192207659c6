"""The social cards' one font: Noto Sans SC (SIL OFL 1.1), for Latin and Chinese alike.

Reads the font file that `make site` installs with the site's pinned packages
(pylopdf-fonts-zh-cn in requirements/site.txt); nothing is fetched at build time. Writes
nothing. Gives the file, a digest of its bytes (part of every card's identity), the width
a text takes at a size, line breaks to a width, and the characters it has no glyph for.
Widths are the font's own advances, without kerning: lines are broken with a margin.
"""
from __future__ import annotations

import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ELLIPSIS = "…"
MARGIN = 0.97            # lines are broken at this share of the width: kerning is not counted
NO_LINE_START = set("，。、；：！？）」』》〉”’,.;:!?)")       # punctuation that ends the line before it
OPENING, CLOSING = set("（「『《〈"), set("）」』》〉")      # a Chinese bracketed group stays whole


@dataclass(frozen=True)
class CardFont:
    path: Path
    family: str
    digest: str
    units_per_em: int
    advances: dict          # code point -> advance width in font units
    measured: dict = field(default_factory=dict, compare=False, repr=False)   # text -> units: words recur

    def width(self, text: str, size: float) -> float:
        """The advance of text at size (px), characters without a glyph counted as 1 em."""
        units = self.measured.get(text)
        if units is None:
            units = self.measured[text] = sum(self.advances.get(ord(ch), self.units_per_em) for ch in text)
        return units * size / self.units_per_em

    def missing(self, text: str) -> set[str]:
        """The characters of text this font has no glyph for (they would print as boxes)."""
        return {ch for ch in text if ord(ch) not in self.advances and not unicodedata.category(ch).startswith("C")}

    def wrap(self, text: str, size: float, width: float, max_lines: int) -> list[str]:
        """text in at most max_lines lines of at most width px: breaks between words, and
        between Chinese characters (never before closing punctuation); the last line ends
        with an ellipsis when text does not fit."""
        lines, line = [], ""
        tokens = [piece for token in _tokens(" ".join(text.split()))       # a token too wide breaks anywhere
                  for piece in (token if self.width(token.rstrip(), size) > width * MARGIN else [token])]
        used = 0.0                  # the width of line, trailing space included
        for token in tokens:
            if line and used + self.width(token.rstrip(), size) > width * MARGIN:
                lines.append(line.rstrip())
                line = token.lstrip()
                used = self.width(line, size)
            else:
                line += token
                used += self.width(token, size)
        if line.strip():
            lines.append(line.rstrip())
        if len(lines) <= max_lines:
            return lines
        kept, last = lines[:max_lines - 1], lines[max_lines - 1]
        while last and self.width(last + ELLIPSIS, size) > width * MARGIN:
            last = last[:-1]
        return kept + [last.rstrip(" ,;:，；：、") + ELLIPSIS]

    def fit(self, text: str, sizes, width: float) -> float:
        """The largest of sizes at which text fits on one line of width px (else the smallest)."""
        return next((size for size in sizes if self.width(text, size) <= width * MARGIN), sizes[-1])


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: a word with its trailing space, one wide character,
    or a bracketed group ('（闪电网络）'); closing punctuation stays with what it closes."""
    tokens: list[str] = []
    depth = 0
    for ch in text:
        if ch in OPENING:
            if depth == 0 or not tokens:
                tokens.append(ch)
            else:
                tokens[-1] += ch
            depth += 1
        elif depth or (ch in NO_LINE_START and tokens):
            tokens[-1] += ch
            depth = max(0, depth - (ch in CLOSING))
        elif _wide(ch) or not tokens or _wide(tokens[-1][-1]) or tokens[-1].endswith(" "):
            tokens.append(ch)
        else:
            tokens[-1] += ch
    return tokens


@functools.cache
def card_font() -> CardFont:
    from fontTools.ttLib import TTFont
    from pylopdf_fonts_zh_cn import sans_path
    path = Path(sans_path())
    font = TTFont(str(path), lazy=True)
    metrics = font["hmtx"].metrics
    advances = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    return CardFont(path=path, family=font["name"].getBestFamilyName(),
                    digest=hashlib.sha256(path.read_bytes()).hexdigest(),
                    units_per_em=font["head"].unitsPerEm, advances=advances)
