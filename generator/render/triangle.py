"""The trilemma triangle: where each system sits, as inline SVG and as text.

Reads System records. Writes nothing; returns HTML fragments. The corners are the three
properties. A system's point is the average of the corners weighted by how far it keeps
each (yes = 1, partial = 0.5, no = 0): a system keeping two corners sits on the edge
between them, partial values pull it inside. Systems with the same values form one
cluster, labelled by one callout; a cluster shows at most CLUSTER_CAP names and links
to the matrix for the rest, so the diagram's size does not grow with the catalogue.
Guarantees: each callout sits beside its cluster and clears every dot, corner name and
other callout when there is any room (boxes.place_all); clusters come in reading order,
numbered for the narrow figure (triangle_narrow.py) that phones get instead.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import CORNERS, System
from ..ui import N_, _, fill
from . import boxes, triangle_narrow
from .boxes import left_edge, text_width
from .markdown import html_href, environment
from .words import CORNER_LABELS, corner_clauses

WEIGHT = {"yes": 1.0, "partial": 0.5, "no": 0.0}
VERTEX = {"shared_ledger": (400.0, 90.0), "open_membership": (180.0, 470.0), "no_new_token": (620.0, 470.0)}
CLUSTER_CAP = 12
SMALL_CAP = 1            # the small figure marks each cluster with one dot
LINE = 16.0
CHAR = 8.0           # average glyph width at the label size, for layout only
CORNER_TEXT = {"shared_ledger": (400.0, 68.0), "open_membership": (172.0, 504.0), "no_new_token": (628.0, 504.0)}
CORNER_SIZE = 16.0


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
        return round(text_width(self.text) * CHAR * (1.6 if self.highlight else 1.1) + 16, 1)

    def left(self, anchor: str) -> float:
        return round(left_edge(self.x, self.width, anchor), 1)


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


def point(values, vertex=VERTEX) -> tuple[float, float]:
    """Where a (shared_ledger, open_membership, no_new_token) triple sits in a triangle
    whose corners are at vertex (the social cards draw a smaller one)."""
    weights = [WEIGHT[v] for v in values]
    total = sum(weights)
    if total == 0:
        weights, total = [1.0, 1.0, 1.0], 3.0
    corners = [vertex[c] for c in CORNERS]
    x = sum(w * cx for w, (cx, _cy) in zip(weights, corners)) / total
    y = sum(w * cy for w, (_cx, cy) in zip(weights, corners)) / total
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
        (ax, ay), (bx, by) = [VERTEX[c] for c in CORNERS if c != side[5:]]
        length = math.dist((ax, ay), (bx, by))
        return (bx - ax) / length, (by - ay) / length
    return 1.0, 0.0


@dataclass(frozen=True)
class Origin:
    """Where a cluster's label lines may start: the first baseline's anchor point."""
    x: float
    y: float
    anchor: str                      # SVG text-anchor of the lines

    def box(self, texts, big: bool) -> boxes.Box:
        """The box the label lines cover (big: the highlight, in large type)."""
        size = 1.5 if big else 1.0
        width = max(text_width(t) for t in texts) * CHAR * (1.6 if big else 1.1)
        x0 = left_edge(self.x, width, self.anchor)
        return boxes.Box(x0, self.y - 11 * size, x0 + width, self.y - 11 * size + LINE * size * len(texts))


def _origins(side: str, dots, count: int) -> list[Origin]:
    """Where a cluster's first label line may go (clear of its dots), best first: beside
    the dots on the outer side of the triangle (level with them, then hanging from or
    standing on their level), then the other side, then below, above."""
    xs, ys = [x for x, _y in dots], [y for _x, y in dots]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    levels = (cy - (count - 1) * LINE / 2 + 4, cy + 4, cy + 4 - (count - 1) * LINE)
    right = [Origin(max(xs) + 14, y, "start") for y in levels]
    left = [Origin(min(xs) - 14, y, "end") for y in levels]
    below, above = Origin(cx, max(ys) + 24, "middle"), Origin(cx, min(ys) + 3 - LINE * count, "middle")
    if side in ("edge:no_new_token", "vertex:open_membership"):
        return left + right[:1] + [below, above]
    if side == "edge:shared_ledger":
        return [below, above] + right[:1] + left[:1]
    return right + left[:1] + [below, above]


def wide_corners() -> tuple[boxes.Text, ...]:
    """The corner names of the wide figure, centred under (or over) their vertex."""
    return tuple(boxes.Text(_(CORNER_LABELS[c]), x, y, "middle", CORNER_SIZE) for c, (x, y) in CORNER_TEXT.items())


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
                groups[system.trilemma.values].append(system)
        ordered = tuple((values, tuple(sorted(members, key=lambda s: s.name.casefold())))
                        for values, members in sorted(groups.items()))
        return cls(ordered, {s.slug: values for values, members in ordered for s in members})


@dataclass(frozen=True)
class _Plan:
    """A cluster before its labels are placed."""
    values: tuple[str, str, str]
    members: tuple[System, ...]
    shown: tuple[System, ...]
    dots: tuple[tuple[float, float], ...]
    named: tuple[System, ...]
    texts: tuple[str, ...]
    origins: tuple[Origin, ...]      # best first; only those whose labels fit the frame, if any do
    more: int

    @property
    def reading_order(self) -> tuple[int, float]:
        """Top to bottom (by the dots' centre, to the unit), then left to right."""
        x = sum(x for x, _y in self.dots) / len(self.dots)
        y = sum(y for _x, y in self.dots) / len(self.dots)
        return round(y), x


def _plan(values, members, cap, highlight, label_all, frame) -> _Plan:
    shown = list(members[:cap])
    if highlight and highlight in {s.slug for s in members}:
        chosen = next(s for s in members if s.slug == highlight)
        shown = [chosen] + [s for s in shown if s is not chosen][:cap - 1]
    side = _side(values)
    x, y = point(values)
    dx, dy = _direction(side)
    spacing = 11.0
    dots = tuple((round(x + (i - (len(shown) - 1) / 2) * spacing * dx, 1),
                  round(y + (i - (len(shown) - 1) / 2) * spacing * dy, 1)) for i in range(len(shown)))
    named = tuple(shown if label_all else [s for s in shown if s.slug == highlight])
    more = len(members) - len(shown)
    texts = tuple(s.name for s in named) + ((_more(more),) if label_all and more else ())
    origins = _origins(side, dots, len(texts))
    if frame and texts:
        big = not label_all          # the small figure names one system, in large type
        origins = [o for o in origins if o.box(texts, big).within(frame)] or origins
    return _Plan(values, members, tuple(shown), dots, named, texts, tuple(origins), more)


def layout(placement: Placement, from_src: str, cap: int = CLUSTER_CAP, highlight: str | None = None,
           label_all: bool = True, corners=None, frame: boxes.Box | None = None) -> list[Cluster]:
    """Clusters with dots and label positions, for the page at from_src, in reading order
    (top to bottom, then left to right): the order of the text version and of the keys.
    With a frame, a label goes only where it fits inside the frame, when it can."""
    plans = [_plan(values, members, cap, highlight, label_all, frame) for values, members in placement.groups]
    plans.sort(key=lambda p: p.reading_order)
    big = not label_all          # the small figure names one system, in large type
    obstacles = [(None, boxes.Box(x - 6, y - 6, x + 6, y + 6)) for plan in plans for x, y in plan.dots]
    obstacles += [(None, corner.box) for corner in (corners or wide_corners())]
    chosen = boxes.place_all([[o.box(p.texts, big) for o in p.origins] if p.texts else [] for p in plans],
                             obstacles)
    clusters = []
    for plan, choice in zip(plans, chosen):
        origin = plan.origins[choice.candidate]
        lx, ly, anchor = origin.x, origin.y + choice.dy, origin.anchor
        labels = [Label(s.name, html_href(from_src, f"projects/{s.slug}.md"), round(lx, 1),
                        round(ly + i * LINE, 1), s.slug == highlight) for i, s in enumerate(plan.named)]
        if label_all and plan.more:
            labels.append(Label(_more(plan.more), html_href(from_src, "matrix/trilemma.md"),
                                round(lx, 1), round(ly + len(plan.named) * LINE, 1)))
        clusters.append(Cluster(plan.values, plan.members, plan.shown, plan.dots, tuple(labels), anchor, plan.more))
    return clusters


def _more(count: int) -> str:
    return fill(N_("+ {count} more"), {"count": count}, str, str)


def _view_box(clusters, corners) -> str:
    """The viewBox around the triangle, the corner names and every label."""
    xs, ys = [], [40.0, VERTEX["no_new_token"][1] + 10]
    for corner in corners:
        xs += [corner.box.x0, corner.box.x1]
        ys += [corner.box.y0, corner.box.y1]
    for cluster in clusters:
        for label in cluster.labels:
            x0 = label.left(cluster.anchor)
            xs += [x0, x0 + label.width]
            ys += [label.y - (20 if label.highlight else 14), label.y + (16 if label.highlight else 6)]
    x0, x1, y0, y1 = min(xs) - 10, max(xs) + 10, min(ys) - 4, max(ys) + 10
    return f"{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}"


def render(placement: Placement, from_src: str, *, highlight: str | None = None, small: bool = False) -> str:
    """The figure. The wide SVG, names beside the dots; unless small, the narrow SVG with
    numbered keys and the list of names they key (site.css shows one or the other by the
    screen's width); then a text alternative listing the same placement. The small figure
    names one system and uses the narrow figure's large corner names and frame (its name
    goes inside the frame, over the triangle if need be), so that it stays readable on a
    phone."""
    names = {c: _(CORNER_LABELS[c]) for c in CORNERS}
    corners = triangle_narrow.corners(VERTEX, names) if small else wide_corners()
    frame = triangle_narrow.frame(corners, VERTEX) if small else None
    clusters = layout(placement, from_src, cap=SMALL_CAP if small else CLUSTER_CAP,
                      highlight=highlight, label_all=not small, corners=corners, frame=frame)
    narrow = None if small else triangle_narrow.narrow(clusters, [_side(c.values) for c in clusters], VERTEX, names)
    env = environment("html")
    return env.get_template("triangle.html.j2").render(
        clusters=clusters, vertex=VERTEX, corners=CORNERS, corner_texts=corners,
        view_box=_view_box(clusters, corners), small=small, highlight=highlight, narrow=narrow,
        key_radius=triangle_narrow.KEY_RADIUS, key_size=triangle_narrow.KEY_SIZE,
        dot_radius=triangle_narrow.DOT_RADIUS,
        matrix_href=html_href(from_src, "matrix/trilemma.md"), from_src=from_src,
        more_link=lambda count: Markup(f'<a href="{escape(html_href(from_src, "matrix/trilemma.md"))}">'
                                       f'{escape(fill(N_("{count} more"), {"count": count}, str, str))}</a>'),
        href=lambda slug: html_href(from_src, f"projects/{slug}.md"))
