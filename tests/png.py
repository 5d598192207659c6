"""Read the PNGs the cards are: 8-bit RGBA, not interlaced (what resvg writes).

Enough of the format for the tests to look at a card's pixels without an imaging library.
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    pixels: bytes          # RGBA, row after row

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        i = (y * self.width + x) * 4
        return tuple(self.pixels[i:i + 3])

    def ink(self, x0: int, y0: int, x1: int, y1: int) -> set[tuple[int, int]]:
        """The points of the box that are not (near) white."""
        return {(x, y) for y in range(y0, y1) for x in range(x0, x1) if sum(self.rgb(x, y)) < 600}


def chunks(png: bytes):
    assert png.startswith(SIGNATURE), "not a PNG"
    at = len(SIGNATURE)
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        yield kind, png[at + 8:at + 8 + length]
        at += 12 + length


def size(png: bytes) -> tuple[int, int]:
    kind, header = next(chunks(png))
    assert kind == b"IHDR"
    return struct.unpack(">II", header[:8])


def decode(png: bytes) -> Image:
    parts = list(chunks(png))
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", parts[0][1])
    assert (depth, colour, interlace) == (8, 6, 0), "only 8-bit RGBA, not interlaced"
    raw = zlib.decompress(b"".join(data for kind, data in parts if kind == b"IDAT"))
    stride, out, previous = width * 4, bytearray(), bytearray(width * 4)
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - 4] if i >= 4 else 0
            up, corner = previous[i], previous[i - 4] if i >= 4 else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        out += line
        previous = line
    return Image(width, height, bytes(out))
