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


def _polar(angle: float, radius: float, centre=CENTRE) -> tuple[float, float]:
    return (round(centre[0] + radius * math.sin(angle), 1), round(centre[1] - radius * math.cos(angle), 1))


def _wedge(start: float, end: float, centre, radius: float) -> str:
    x0, y0 = _polar(start, radius, centre)
    x1, y1 = _polar(end, radius, centre)
    large = 1 if end - start > math.pi else 0
    return f"M{centre[0]},{centre[1]} L{x0},{y0} A{radius},{radius} 0 {large} 1 {x1},{y1} Z"


def slices(system: System):
    """(dimension, label, rating) for each slice, custody first, clockwise from the top."""
    custody = _(DIMENSION_LABELS["custody"])
    out = [("custody", f"{custody}{_(': ')}{c.name}", c.risk.rating) for c in system.custody]
    if not system.custody:
        out.append(("custody", custody, "not-applicable"))
    out += [(dim, _(DIMENSION_SHORT[dim]), system.risks[dim].rating) for dim in RISK_DIMENSIONS]
    return out


def wedges(system: System, catalog, centre=CENTRE, radius: float = RADIUS) -> list[dict]:
    """Each slice's outline, rating, label, rating name and symbol, and where its symbol goes,
    for a rosette centred at centre (the social cards draw one too)."""
    levels = catalog.vocabularies["risk"]
    step = 2 * math.pi / 5
    out = []
    custody = [s for s in slices(system) if s[0] == "custody"]
    for index, (dim, label, rating) in enumerate(slices(system)):
        if dim == "custody":
            width = step / len(custody)
            start = -step / 2 + index * width
        else:
            start = -step / 2 + (RISK_DIMENSIONS.index(dim) + 1) * step
            width = step
        middle = start + width / 2
        out.append({"path": _wedge(start, start + width, centre, radius), "rating": rating, "label": label,
                    "name": levels[rating].name, "symbol": levels[rating].symbol,
                    "mark": _polar(middle, radius * 0.62, centre)})
    return out


def labels(centre=CENTRE, radius: float = LABEL_RADIUS) -> list[dict]:
    """Each dimension's name, placed outside the rosette."""
    out = []
    for index, dim in enumerate(("custody",) + RISK_DIMENSIONS):
        x, y = _polar(index * 2 * math.pi / 5, radius, centre)
        anchor = "middle" if abs(x - centre[0]) < 5 else ("start" if x > centre[0] else "end")
        out.append({"x": x, "y": round(y + 4, 1), "anchor": anchor, "text": _(DIMENSION_SHORT[dim])})
    return out


def summary(system: System, slices_drawn: list[dict]) -> str:
    """'Risk ratings of Liquid Network. BTC custody: Liquid federation: high risk; ...'"""
    ratings = _("; ").join(f"{w['label']}{_(': ')}{w['name'].lower()}" for w in slices_drawn)
    return fill(N_("Risk ratings of {name}. {ratings}."), {"name": system.name, "ratings": ratings}, str, str)


def render(system: System, catalog) -> str:
    drawn = wedges(system, catalog)
    return environment("html").get_template("rosette.html.j2").render(wedges=drawn, labels=labels(),
                                                                      summary=summary(system, drawn))
