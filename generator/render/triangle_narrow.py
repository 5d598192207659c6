"""The trilemma triangle for narrow screens: a numbered key beside each cluster of dots.

Reads the clusters the wide figure laid out (their dots, in reading order), the corner
positions and the translated corner names. Writes nothing; returns the Narrow figure that
triangle.html.j2 draws, with the list of names under it keyed by the same numbers.

Why: the wide figure scales its 14-unit names to about 6 CSS px on a 360 px phone. This
figure draws no names in the SVG, only the corner names and one number per cluster, sized
so that at TARGET_WIDTH CSS px wide (the figure on a 360 px phone) they are drawn at least
12 px tall; the viewBox is kept narrow for that by anchoring the bottom corner names
inward. Each key sits just beside its cluster, outside the triangle for a cluster on a
slanted edge, inside it for one on the bottom edge (the bottom corner names are below), and clears every dot, corner name and other key (boxes.place).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import boxes

TARGET_WIDTH = 328.0       # CSS px: the content width of a 360 px wide screen
CORNER_SIZE = 22.0         # font size of the corner names, in user units
KEY_RADIUS = 17.0
KEY_SIZE = 21.0            # font size of a key's number
DOT_RADIUS = 5.0
GAP = 4.0
COMPASS = [(math.cos(a * math.pi / 4), math.sin(a * math.pi / 4)) for a in range(8)]
OUTWARD = {"edge:no_new_token": (-0.866, -0.5), "edge:open_membership": (0.866, -0.5),
           "edge:shared_ledger": (0.0, -1.0), "vertex:shared_ledger": (1.0, 0.0),
           "vertex:open_membership": (-1.0, 0.0), "vertex:no_new_token": (1.0, 0.0), "inside": (1.0, 0.0)}


@dataclass(frozen=True)
class Key:
    number: int
    x: float           # centre
    y: float
    lead: tuple[float, float] | None     # the dot a leader line joins, when the key moved off

    @property
    def box(self) -> boxes.Box:
        return _key_box(self.x, self.y)


@dataclass(frozen=True)
class Narrow:
    corners: tuple[boxes.Text, ...]
    keys: tuple[Key, ...]          # keys[i] belongs to clusters[i]
    view_box: str


def corners(vertex: dict, names: dict) -> tuple[boxes.Text, ...]:
    """The corner names, in large type: the top one centred, the bottom ones reading inward
    from their vertex (the small figure on system pages uses them too)."""
    (tx, ty), (lx, ly), (rx, ry) = vertex["shared_ledger"], vertex["open_membership"], vertex["no_new_token"]
    return (boxes.Text(names["shared_ledger"], tx, ty - 24, "middle", CORNER_SIZE),
            boxes.Text(names["open_membership"], lx - 12, ly + 36, "start", CORNER_SIZE),
            boxes.Text(names["no_new_token"], rx + 12, ry + 36, "end", CORNER_SIZE))


def frame(placed_corners, vertex) -> boxes.Box:
    """The box around the triangle and its corner names."""
    return boxes.Box.around([c.box for c in placed_corners] + _vertex_boxes(vertex), 10)


def _vertex_boxes(vertex: dict) -> list[boxes.Box]:
    return [boxes.Box(x, y, x, y) for x, y in vertex.values()]


def _candidates(dots, side: str) -> list[tuple[float, float]]:
    """Key centres around a cluster, the side facing away from the triangle first."""
    mx = sum(x for x, _y in dots) / len(dots)
    my = sum(y for _x, y in dots) / len(dots)
    ox, oy = OUTWARD[side]
    found = []
    for ux, uy in sorted(COMPASS + [(ox, oy)], key=lambda u: -(u[0] * ox + u[1] * oy)):
        reach = max((x - mx) * ux + (y - my) * uy for x, y in dots)
        d = reach + DOT_RADIUS + GAP + KEY_RADIUS
        found.append((mx + ux * d, my + uy * d))
    return found


def narrow(clusters, sides, vertex: dict, names: dict) -> Narrow:
    """Keys for clusters (in reading order; sides[i] is clusters[i]'s side of the triangle)."""
    placed_corners = corners(vertex, names)
    obstacles = [(i, box) for i, cluster in enumerate(clusters) for box in _dot_boxes(cluster)]
    obstacles += [(None, c.box) for c in placed_corners]
    candidates = [_candidates(cluster.dots, side) for cluster, side in zip(clusters, sides)]
    chosen = boxes.place_all([[_key_box(x, y) for x, y in centres] for centres in candidates], obstacles,
                             limit=36.0, penalty=10.0)
    keys = []
    for number, (cluster, centres, choice) in enumerate(zip(clusters, candidates, chosen), start=1):
        x, y = centres[choice.candidate]
        y += choice.dy
        near = min(cluster.dots, key=lambda d: math.dist(d, (x, y)))
        lead = near if math.dist(near, (x, y)) > DOT_RADIUS + GAP + KEY_RADIUS + 8 else None
        keys.append(Key(number, round(x, 1), round(y, 1), lead))
    return Narrow(placed_corners, tuple(keys), _view_box(placed_corners, keys, vertex, [b for _o, b in obstacles]))


def _dot_boxes(cluster) -> list[boxes.Box]:
    pad = DOT_RADIUS + 2
    return [boxes.Box(x - pad, y - pad, x + pad, y + pad) for x, y in cluster.dots]


def _key_box(x: float, y: float) -> boxes.Box:
    return boxes.Box(x - KEY_RADIUS, y - KEY_RADIUS, x + KEY_RADIUS, y + KEY_RADIUS)


def _view_box(placed_corners, keys, vertex, dot_boxes) -> str:
    every = [c.box for c in placed_corners] + [k.box for k in keys] + dot_boxes + _vertex_boxes(vertex)
    b = boxes.Box.around(every, 6)
    return f"{b.x0:.0f} {b.y0:.0f} {b.x1 - b.x0:.0f} {b.y1 - b.y0:.0f}"
