"""The trilemma triangle: where each system sits, as inline SVG and as text.

Reads System records. Writes nothing; returns HTML fragments. The corners are the three
properties. A system's point is the average of the corners weighted by how far it keeps
each (yes = 1, partial = 0.5, no = 0): a system keeping two corners sits on the edge
between them, partial values pull it inside. Systems with the same values form one
cluster, labelled by one callout; a cluster shows at most CLUSTER_CAP names and links
to the matrix for the rest, so the diagram's size does not grow with the catalogue.
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import CORNERS, System
from ..ui import N_, _, fill
from .markdown import html_href, environment
from .words import CORNER_LABELS as CORNER_NAMES, corner_clauses

WEIGHT = {"yes": 1.0, "partial": 0.5, "no": 0.0}
VERTEX = {"shared_ledger": (400.0, 90.0), "open_membership": (180.0, 470.0), "no_new_token": (620.0, 470.0)}
CLUSTER_CAP = 12
SMALL_CAP = 1            # the small figure marks each cluster with one dot
LINE = 16.0
CHAR = 8.0           # average glyph width at the label size, for layout only
CORNER_CHAR = 10.5    # the same for the bold corner names


@dataclass(frozen=True)
class Label:
    """A linked name. Drawn as an HTML link in a <foreignObject>: Material's instant
    navigation rewrites every [href] element's href property, which SVG <a> elements
    do not allow (it throws, and navigation breaks)."""
    text: str
    href: str
    x: float
    y: float          # baseline
    highlight: bool = False

    @property
    def width(self) -> float:
        return round(_width(self.text) * CHAR * (1.6 if self.highlight else 1.1) + 16, 1)

    def left(self, anchor: str) -> float:
        return round({"start": self.x, "end": self.x - self.width, "middle": self.x - self.width / 2}[anchor], 1)


@dataclass(frozen=True)
class Cluster:
    values: tuple[str, str, str]     # shared_ledger, open_membership, no_new_token
    members: tuple[System, ...]
    shown: tuple[System, ...]        # the members drawn as dots, in dot order
    dots: tuple[tuple[float, float], ...]
    labels: tuple[Label, ...]
    anchor: str                      # SVG text-anchor of the labels
    more: int                        # members not named in the diagram

    @property
    def description(self) -> str:
        text = corner_clauses(self.values)
        return text[0].upper() + text[1:]


def _point(values) -> tuple[float, float]:
    weights = [WEIGHT[v] for v in values]
    total = sum(weights)
    if total == 0:
        weights, total = [1.0, 1.0, 1.0], 3.0
    x = sum(w * VERTEX[c][0] for w, c in zip(weights, CORNERS)) / total
    y = sum(w * VERTEX[c][1] for w, c in zip(weights, CORNERS)) / total
    return x, y


def _side(values) -> str:
    """'vertex:<corner>', 'edge:<given-up corner>' or 'inside'."""
    kept = [c for c, v in zip(CORNERS, values) if v != "no"]
    if len(kept) == 1:
        return f"vertex:{kept[0]}"
    if len(kept) == 2:
        return "edge:" + next(c for c, v in zip(CORNERS, values) if v == "no")
    return "inside"


def _direction(side: str) -> tuple[float, float]:
    """Unit vector along which a cluster's dots are spread."""
    if side.startswith("edge:"):
        a, b = [VERTEX[c] for c in CORNERS if c != side[5:]]
        length = math.dist(a, b)
        return (b[0] - a[0]) / length, (b[1] - a[1]) / length
    return 1.0, 0.0


def _label_origin(side: str, dots, count: int) -> tuple[float, float, str]:
    """Where a cluster's first label line goes (clear of its dots), and its text-anchor."""
    xs, ys = [d[0] for d in dots], [d[1] for d in dots]
    y = sum(ys) / len(ys)
    half = (count - 1) * LINE / 2
    if side in ("edge:no_new_token", "vertex:open_membership"):
        return min(xs) - 14, y - half + 4, "end"
    if side == "edge:shared_ledger":
        return sum(xs) / len(xs), max(ys) + 24, "middle"
    return max(xs) + 14, y - half + 4, "start"


def _width(text: str) -> int:
    """Text width in Latin-character units: a Chinese character is as wide as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _box(x, y, anchor, texts):
    width = max(_width(t) for t in texts) * CHAR
    x0 = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return [x0, y - 11, x0 + width, y - 11 + LINE * len(texts)]


def _clear(box, others) -> bool:
    return not any(o[0] < box[2] and box[0] < o[2] and o[1] < box[3] and box[1] < o[3] for o in others)


def _separate(boxes, obstacles):
    """Place label boxes one by one (top first) at the nearest height, up or down, where
    they clear the dots and the labels already placed. Few clusters, so a scan is cheap."""
    placed = []
    for i in sorted(range(len(boxes)), key=lambda i: boxes[i][1]):
        box = boxes[i]
        if box[0] == box[2]:
            continue   # a cluster without labels (small figures label one system only)
        for step in range(400):
            shift = (step + 1) // 2 * 3 * (1 if step % 2 else -1)
            candidate = [box[0], box[1] + shift, box[2], box[3] + shift]
            if _clear(candidate, obstacles + placed):
                box[1], box[3] = candidate[1], candidate[3]
                break
        placed.append(box)
    return boxes


@dataclass(frozen=True)
class Placement:
    """Systems grouped by their trilemma values, computed once per catalogue: each page's
    figure then costs time in proportion to the number of clusters, not of systems."""
    groups: tuple                      # ((values, (System, ...) sorted by name), ...)
    values_of: dict                    # slug -> values

    @classmethod
    def of(cls, systems) -> "Placement":
        groups = defaultdict(list)
        for system in systems:
            if system.trilemma.applies:
                groups[tuple(system.trilemma.corners[c].value for c in CORNERS)].append(system)
        ordered = tuple((values, tuple(sorted(members, key=lambda s: s.name.casefold())))
                        for values, members in sorted(groups.items()))
        return cls(ordered, {s.slug: values for values, members in ordered for s in members})


def layout(placement: Placement, from_src: str, cap: int = CLUSTER_CAP, highlight: str | None = None,
           label_all: bool = True) -> list[Cluster]:
    """Clusters with dots and label positions, for the page at from_src."""
    plans = []
    for values, members in placement.groups:
        shown = list(members[:cap])
        if highlight and placement.values_of.get(highlight) == values:
            chosen = next(s for s in members if s.slug == highlight)
            shown = [chosen] + [s for s in shown if s is not chosen][:cap - 1]
        side = _side(values)
        x, y = _point(values)
        dx, dy = _direction(side)
        spacing = 11.0
        dots = tuple((round(x + (i - (len(shown) - 1) / 2) * spacing * dx, 1),
                      round(y + (i - (len(shown) - 1) / 2) * spacing * dy, 1)) for i in range(len(shown)))
        named = shown if label_all else [s for s in shown if s.slug == highlight]
        more = len(members) - len(shown)
        texts = [s.name for s in named] + ([_more(more)] if label_all and more else [])
        lx, ly, anchor = _label_origin(side, dots, len(texts))
        plans.append((values, members, tuple(shown), dots, named, texts, anchor, lx, ly, more))
    obstacles = [(x - 6, y - 6, x + 6, y + 6) for plan in plans for x, y in plan[3]]
    boxes = _separate([_box(p[7], p[8], p[6], p[5]) if p[5] else [0.0, 0.0, 0.0, 0.0] for p in plans], obstacles)
    clusters = []
    for plan, box in zip(plans, boxes):
        values, members, shown, dots, named, texts, anchor, lx, ly, more = plan
        top = box[1] + 11
        labels = [Label(s.name, html_href(from_src, f"projects/{s.slug}.md"), round(lx, 1),
                        round(top + i * LINE, 1), s.slug == highlight) for i, s in enumerate(named)]
        if label_all and more:
            labels.append(Label(_more(more), html_href(from_src, "matrix/trilemma.md"),
                                round(lx, 1), round(top + len(named) * LINE, 1)))
        clusters.append(Cluster(values, members, shown, dots, tuple(labels), anchor, more))
    return clusters


def _more(count: int) -> str:
    return fill(N_("+ {count} more"), {"count": count}, str, str)


def _view_box(clusters) -> str:
    xs = [VERTEX["open_membership"][0] - 8 - _width(_(CORNER_NAMES["open_membership"])) * CORNER_CHAR / 2,
          VERTEX["no_new_token"][0] + 8 + _width(_(CORNER_NAMES["no_new_token"])) * CORNER_CHAR / 2]
    ys = [40.0, VERTEX["no_new_token"][1] + 44]
    for cluster in clusters:
        for label in cluster.labels:
            x0 = label.left(cluster.anchor)
            xs += [x0, x0 + label.width]
            ys += [label.y + (16 if label.highlight else 6)]
    x0, x1 = min(xs) - 10, max(xs) + 10
    return f"{x0:.0f} 40 {x1 - x0:.0f} {max(ys) - 40:.0f}"


def render(placement: Placement, from_src: str, *, highlight: str | None = None, small: bool = False) -> str:
    """The figure: the SVG plus a text alternative listing the same placement."""
    clusters = layout(placement, from_src, cap=SMALL_CAP if small else CLUSTER_CAP,
                      highlight=highlight, label_all=not small)
    env = environment("html")
    return env.get_template("triangle.html.j2").render(
        clusters=clusters, vertex=VERTEX, corners=CORNERS, corner_names=CORNER_NAMES,
        view_box=_view_box(clusters), small=small, highlight=highlight,
        matrix_href=html_href(from_src, "matrix/trilemma.md"), from_src=from_src,
        more_link=lambda count: Markup(f'<a href="{escape(html_href(from_src, "matrix/trilemma.md"))}">'
                                       f'{escape(fill(N_("{count} more"), {"count": count}, str, str))}</a>'),
        href=lambda slug: html_href(from_src, f"projects/{slug}.md"))
