"""The chart of a figure's earlier values: which values it draws, and what it says as text."""
from __future__ import annotations

from generator.model import Figure, IsoDate, PreviousValue
from generator.render import figure_chart


def figure(value: str, *previous: tuple[str, str]) -> Figure:
    return Figure("Share of hash rate", value, IsoDate("2026-03"), ("s",),
                  tuple(PreviousValue(v, IsoDate(d), ("s",)) for v, d in previous))


def test_values_that_begin_with_a_number_are_drawn_oldest_first():
    f = figure("84.01% (Q1 2026 average)", ("81% (Q1 2025)", "2025-03"), ("more than 50%", "2021-12"),
               ("64%, the article's figure", "2022-02"))
    assert [(d, n) for d, n, _v in figure_chart.points(f)] == [("2022-02", 64.0), ("2025-03", 81.0),
                                                               ("2026-03", 84.01)]
    svg = figure_chart.render(f)
    assert svg.startswith('<svg class="figure-chart"') and svg.count("<circle") == 3
    assert ('aria-label="Share of hash rate over time: 2022-02: 64%, the article&#x27;s figure; '
            '2025-03: 81% (Q1 2025); 2026-03: 84.01% (Q1 2026 average)"') in svg


def test_no_chart_for_bounds_mixed_units_lists_or_a_single_value():
    assert figure_chart.render(figure("84%", ("more than 50%", "2021-12"))) == ""
    assert figure_chart.render(figure("84%", ("800 EH/s", "2021-12"))) == ""
    assert figure_chart.render(figure("1. first", ("2) second", "2021-12"))) == ""
    assert figure_chart.render(figure("84%")) == ""
