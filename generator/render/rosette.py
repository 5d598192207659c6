"""The risk rosette: five wedges, one per dimension, shaded by rating.

Reads one System and the risk vocabulary. Writes nothing; returns an SVG fragment.
The BTC custody wedge is split into one slice per custody item, so a system with
several pegs shows each peg's rating. Every wedge also carries the rating's symbol,
and the page repeats the ratings in a table, so colour is never the only cue.
"""
from __future__ import annotations

import math

from ..model import RISK_DIMENSIONS, System
from ..ui import N_, _, fill
from .markdown import environment
from .words import DIMENSION_LABELS, DIMENSION_SHORT

CENTRE, RADIUS, LABEL_RADIUS = (150.0, 120.0), 78.0, 100.0


def _polar(angle: float, radius: float) -> tuple[float, float]:
    return (round(CENTRE[0] + radius * math.sin(angle), 1), round(CENTRE[1] - radius * math.cos(angle), 1))


def _wedge(start: float, end: float) -> str:
    x0, y0 = _polar(start, RADIUS)
    x1, y1 = _polar(end, RADIUS)
    large = 1 if end - start > math.pi else 0
    return f"M{CENTRE[0]},{CENTRE[1]} L{x0},{y0} A{RADIUS},{RADIUS} 0 {large} 1 {x1},{y1} Z"


def slices(system: System):
    """(dimension, label, rating) for each slice, custody first, clockwise from the top."""
    custody = _(DIMENSION_LABELS["custody"])
    out = [("custody", f"{custody}{_(': ')}{c.name}", c.risk.rating) for c in system.custody]
    if not system.custody:
        out.append(("custody", custody, "not-applicable"))
    out += [(dim, _(DIMENSION_SHORT[dim]), system.risks[dim].rating) for dim in RISK_DIMENSIONS]
    return out


def render(system: System, catalog) -> str:
    levels = catalog.vocabularies["risk"]
    step = 2 * math.pi / 5
    wedges, labels = [], []
    custody = [s for s in slices(system) if s[0] == "custody"]
    for index, (dim, label, rating) in enumerate(slices(system)):
        if dim == "custody":
            width = step / len(custody)
            start = -step / 2 + index * width
        else:
            start = -step / 2 + (RISK_DIMENSIONS.index(dim) + 1) * step
            width = step
        middle = start + width / 2
        wedges.append({"path": _wedge(start, start + width), "rating": rating, "label": label,
                       "name": levels[rating].name, "symbol": levels[rating].symbol,
                       "mark": _polar(middle, RADIUS * 0.62)})
    for index, dim in enumerate(("custody",) + RISK_DIMENSIONS):
        x, y = _polar(index * step, LABEL_RADIUS)
        anchor = "middle" if abs(x - CENTRE[0]) < 5 else ("start" if x > CENTRE[0] else "end")
        labels.append({"x": x, "y": round(y + 4, 1), "anchor": anchor, "text": _(DIMENSION_SHORT[dim])})
    ratings = _("; ").join(f"{w['label']}{_(': ')}{w['name'].lower()}" for w in wedges)
    summary = fill(N_("Risk ratings of {name}. {ratings}."), {"name": system.name, "ratings": ratings}, str, str)
    return environment("html").get_template("rosette.html.j2").render(wedges=wedges, labels=labels, summary=summary)
