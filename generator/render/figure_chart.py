"""A small chart for a figure with earlier values: its numbers over time, as inline SVG.

Reads a Figure record. Writes nothing; returns an SVG fragment, or "" when fewer than two
of the figure's values begin with a number in the same unit ("84.01% (Q1 2026)" does;
"more than 50%" does not: a bound is not a value, so it stays in the text only). The
values are also given as text: in the figure table beside it, and in the chart's own
accessible description, so nothing is only visual.
"""
from __future__ import annotations

import html
import re

from ..model import Figure
from ..ui import N_, _, fill

_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)*)\s*(%?)(?=$|[\s,(])")   # "84.01% (Q1)", not "1. first"
WIDTH, HEIGHT, PAD = 360, 150, 36


def points(figure: Figure) -> list[tuple[str, float, str]]:
    """(as_of, number, value text) oldest first, when every charted value shares a unit."""
    found, units = [], set()
    for as_of, value in [(p.as_of, p.value) for p in figure.previous] + [(figure.as_of, figure.value)]:
        match = _NUMBER.match(value)
        if match:
            found.append((as_of, float(match.group(1).replace(",", "")), value))
            units.add(match.group(2))
    found.sort(key=lambda p: p[0].earliest)
    return [(str(a), n, v) for a, n, v in found] if len(found) >= 2 and len(units) == 1 else []


def render(figure: Figure) -> str:
    data = points(figure)
    if not data:
        return ""
    percent = _NUMBER.match(data[0][2]).group(2) == "%"
    top = 100.0 if percent else max(n for _a, n, _v in data) * 1.15 or 1.0
    span = max(len(data) - 1, 1)
    e = html.escape
    described = _("; ").join(fill(N_("{date}: {value}"), {"date": a, "value": v}, str, str) for a, _n, v in data)
    title = fill(N_("{label} over time"), {"label": figure.label}, str, str)
    parts = [f'<svg class="figure-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{e(title)}{e(_(": "))}{e(described)}">',
             f"<title>{e(title)}</title>",
             f'<line class="figure-axis" x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}"/>']
    coordinates = []
    for index, (as_of, number, _value) in enumerate(data):   # evenly spaced: dates are labels, not a scale
        x = PAD + (WIDTH - 2 * PAD) * index / span
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * number / top
        coordinates.append((x, y, as_of, number))
    parts.append('<polyline class="figure-line" points="'
                 + " ".join(f"{x:.1f},{y:.1f}" for x, y, _a, _n in coordinates) + '"/>')
    for x, y, as_of, number in coordinates:
        shown = f"{number:g}{'%' if percent else ''}"
        parts += [f'<circle class="figure-dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>',
                  f'<text class="figure-value" x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{e(shown)}</text>',
                  f'<text class="figure-date" x="{x:.1f}" y="{HEIGHT - PAD + 16}" text-anchor="middle">{e(as_of)}</text>']
    parts.append("</svg>")
    return "".join(parts)
