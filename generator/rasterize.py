"""SVG to PNG for the social cards: resvg, given the card font and no system font.

Reads the card font (generator/card_font.py) and, to keep cards already made, the PNGs of
a previous render. Writes nothing: returns PNG bytes. resvg runs in this process (no
system library, no service), so a card's pixels depend only on its SVG, the font and
resvg's version: one commit gives the same bytes on every machine. Each PNG carries a
digest of those three in a tEXt chunk, so `Rasterizer.png` returns a previous render's
card unchanged when nothing it depends on changed; its bytes are a fresh render's.
"""
from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

from .card_font import card_font

SIGNATURE = b"\x89PNG\r\n\x1a\n"
IHDR_END = len(SIGNATURE) + 8 + 13 + 4          # signature, then IHDR's length, type, data, CRC
KEYWORD = b"card-source"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def identity(svg: str) -> str:
    """What a card's pixels depend on, as one digest: its SVG, the font, resvg's version."""
    import resvg_py
    font = card_font()
    return hashlib.sha256(f"{resvg_py.__version__}\n{font.digest}\n{svg}".encode()).hexdigest()


def stamped_identity(png: bytes) -> str | None:
    """The identity a card PNG carries (None for any other file)."""
    start = IHDR_END + 8
    if not png.startswith(SIGNATURE) or png[IHDR_END + 4:start] != b"tEXt":
        return None
    length = struct.unpack(">I", png[IHDR_END:IHDR_END + 4])[0]
    keyword, _, value = png[start:start + length].partition(b"\0")
    return value.decode("ascii", "replace") if keyword == KEYWORD else None


def render_png(svg: str) -> bytes:
    """The PNG of svg, stamped with its identity."""
    import resvg_py
    font = card_font()
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=[str(font.path)],
                                      font_family=font.family, sans_serif_family=font.family))
    stamp = _chunk(b"tEXt", KEYWORD + b"\0" + identity(svg).encode("ascii"))
    return png[:IHDR_END] + stamp + png[IHDR_END:]


class Rasterizer:
    """Cards as PNG, keeping those of the previous render (in `previous`, a docs directory)
    whose identity has not changed."""

    def __init__(self, previous: Path | None = None):
        self.previous = previous

    def png(self, path: str, svg: str) -> bytes:
        if self.previous is not None:
            old = self.previous / path
            try:
                kept = old.read_bytes()
            except OSError:
                kept = b""
            if kept and stamped_identity(kept) == identity(svg):
                return kept
        return render_png(svg)
