"""Boxes that must not overlap: where the trilemma figures put their words.

Reads nothing. Writes nothing. A Box is a rectangle in SVG user units. `place_all` picks,
for each label, among its candidate boxes (best first), the one that clears every obstacle
and every label already placed after the smallest vertical nudge, a later candidate paying
`penalty` units; so a label stays beside what it names instead of drifting down the figure.
The figures have a dozen labels at most, so a plain scan is cheap.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

STEP = 3.0
BOLD_EM = 0.7          # average width of a bold Latin glyph (DejaVu Sans Bold), in em


@dataclass(frozen=True)
class Box:
    """A rectangle in SVG user units (y grows downwards)."""
    x0: float          # left
    y0: float          # top
    x1: float          # right
    y1: float          # bottom

    def within(self, frame: Box) -> bool:
        return frame.x0 <= self.x0 and frame.y0 <= self.y0 and self.x1 <= frame.x1 and self.y1 <= frame.y1

    def shifted(self, dy: float) -> Box:
        return Box(self.x0, self.y0 + dy, self.x1, self.y1 + dy)

    @staticmethod
    def around(boxes, pad: float) -> Box:
        """The smallest box holding every one of boxes, widened by pad on each side."""
        return Box(min(b.x0 for b in boxes) - pad, min(b.y0 for b in boxes) - pad,
                   max(b.x1 for b in boxes) + pad, max(b.y1 for b in boxes) + pad)


@dataclass(frozen=True)
class Choice:
    """Where a label goes: one of its candidate boxes, moved down (or up, if dy < 0)."""
    candidate: int     # index in the label's list of candidates
    dy: float


def left_edge(x: float, width: float, anchor: str) -> float:
    """The left edge of a line of text of that width drawn at x with SVG's text-anchor."""
    return {"start": x, "end": x - width, "middle": x - width / 2}[anchor]


@dataclass(frozen=True)
class Text:
    """One line of bold SVG text (a corner name) and the box it covers."""
    text: str
    x: float
    y: float           # baseline
    anchor: str        # SVG text-anchor
    size: float        # font size, in user units

    @property
    def box(self) -> Box:
        width = text_width(self.text) * BOLD_EM * self.size
        x0 = left_edge(self.x, width, self.anchor)
        return Box(x0, self.y - self.size, x0 + width, self.y + self.size * 0.3)


def text_width(text: str) -> int:
    """Text width in Latin-character units: a Chinese character is as wide as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clear(box: Box, others) -> bool:
    """Whether box overlaps none of others (touching edges do not overlap). The test is
    written out here, not a method called per pair: it runs some 300,000 times per build."""
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    return not any(x0 < o.x1 and o.x0 < x1 and y0 < o.y1 and o.y0 < y1 for o in others)


def nudge(box: Box, taken, limit: float) -> float | None:
    """The smallest vertical shift (down or up, down first) within limit that clears taken."""
    column = [o for o in taken if box.x0 < o.x1 and o.x0 < box.x1]    # a vertical shift keeps these alone in the way
    for step in range(int(limit / STEP) * 2 + 1):
        dy = (step + 1) // 2 * STEP * (1 if step % 2 else -1)
        if clear(box.shifted(dy), column):
            return dy
    return None


def place(candidates: list[Box], taken, limit: float, penalty: float) -> Choice | None:
    """The cheapest position clear of taken within limit, or None."""
    best, best_cost = None, 0.0
    for index, box in enumerate(candidates):
        dy = nudge(box, taken, limit)
        if dy is not None and (best is None or abs(dy) + index * penalty < best_cost):
            best, best_cost = Choice(index, dy), abs(dy) + index * penalty
    return best


def place_all(candidates: list[list[Box]], obstacles: list[tuple[int | None, Box]], limit: float = 30.0,
              penalty: float = 24.0) -> list[Choice]:
    """For each label (a list of candidate boxes, possibly empty), its Choice.
    Labels are placed in the given order, each clear of the obstacles (an obstacle owned by
    label i does not count for label i) and of the labels before it. A label that finds no
    room within limit is moved to the front and the placement redone, so the most hemmed-in
    labels choose first; if some never fit, the attempt with the fewest misfits stands, each
    misfit at its first candidate shifted as far as it takes."""
    order, best, fewest_failed = list(range(len(candidates))), {}, None
    for _attempt in range(len(candidates) + 1):
        chosen, failed, placed = {}, [], []
        for i in order:
            if not candidates[i]:
                chosen[i] = Choice(0, 0.0)
                continue
            taken = [box for owner, box in obstacles if owner != i] + placed
            found = place(candidates[i], taken, limit, penalty)
            if found is None:
                failed.append(i)
                found = Choice(0, nudge(candidates[i][0], taken, 1200.0) or 0.0)
            chosen[i] = found
            placed.append(candidates[i][found.candidate].shifted(found.dy))
        if fewest_failed is None or len(failed) < fewest_failed:
            best, fewest_failed = chosen, len(failed)
        reordered = failed + [i for i in order if i not in failed]
        if not failed or reordered == order:
            break
        order = reordered
    return [best[i] for i in range(len(candidates))]
