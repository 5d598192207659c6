"""Boxes that must not overlap: where the trilemma figures put their words.

Reads nothing. Writes nothing. A box is (x0, y0, x1, y1) in SVG user units. `place_all` picks,
for each label, among its candidate boxes (best first), the one that clears every obstacle
and every label already placed after the smallest vertical nudge, a later candidate paying
`penalty` units; so a label stays beside what it names instead of drifting down the figure.
The figures have a dozen labels at most, so a plain scan is cheap.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

Box = tuple[float, float, float, float]
STEP = 3.0
BOLD_EM = 0.7          # average width of a bold Latin glyph (DejaVu Sans Bold), in em


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
        x0 = {"start": self.x, "end": self.x - width, "middle": self.x - width / 2}[self.anchor]
        return (x0, self.y - self.size, x0 + width, self.y + self.size * 0.3)


def text_width(text: str) -> int:
    """Text width in Latin-character units: a Chinese character is as wide as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def within(box: Box, frame: Box) -> bool:
    return frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2] and box[3] <= frame[3]


def clear(box: Box, others) -> bool:
    return not any(overlaps(box, other) for other in others)


def shifted(box: Box, dy: float) -> Box:
    return (box[0], box[1] + dy, box[2], box[3] + dy)


def nudge(box: Box, taken, limit: float) -> float | None:
    """The smallest vertical shift (down or up, down first) within limit that clears taken."""
    for step in range(int(limit / STEP) * 2 + 1):
        dy = (step + 1) // 2 * STEP * (1 if step % 2 else -1)
        if clear(shifted(box, dy), taken):
            return dy
    return None


def place(candidates: list[Box], taken, limit: float, penalty: float) -> tuple[int, float] | None:
    """(index of the candidate, vertical shift) of the cheapest position clear of taken
    within limit, or None."""
    best = None
    for index, box in enumerate(candidates):
        dy = nudge(box, taken, limit)
        if dy is not None and (best is None or abs(dy) + index * penalty < best[0]):
            best = (abs(dy) + index * penalty, index, dy)
    return None if best is None else (best[1], best[2])


def place_all(candidates: list[list[Box]], obstacles: list[tuple[int | None, Box]], limit: float = 30.0,
              penalty: float = 24.0) -> list[tuple[int, float]]:
    """For each label (a list of candidate boxes, possibly empty), its (candidate, shift).
    Labels are placed in the given order, each clear of the obstacles (an obstacle owned by
    label i does not count for label i) and of the labels before it. A label that finds no
    room within limit is moved to the front and the placement redone, so the most hemmed-in
    labels choose first; if some never fit, the attempt with the fewest misfits stands, each
    misfit at its first candidate shifted as far as it takes."""
    order, best = list(range(len(candidates))), None
    for _attempt in range(len(candidates) + 1):
        chosen, failed, placed = {}, [], []
        for i in order:
            if not candidates[i]:
                chosen[i] = (0, 0.0)
                continue
            taken = [box for owner, box in obstacles if owner != i] + placed
            found = place(candidates[i], taken, limit, penalty)
            if found is None:
                failed.append(i)
                found = (0, nudge(candidates[i][0], taken, 1200.0) or 0.0)
            chosen[i] = found
            placed.append(shifted(candidates[i][found[0]], found[1]))
        if best is None or len(failed) < best[0]:
            best = (len(failed), chosen)
        reordered = failed + [i for i in order if i not in failed]
        if not failed or reordered == order:
            break
        order = reordered
    return [best[1][i] for i in range(len(candidates))]
