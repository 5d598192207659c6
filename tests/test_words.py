"""The trilemma's and the risk scale's words are said the same way everywhere.

render/words.py names the corners, their values and the risk dimensions for the pages and
figures (translated with the site's own words, generator/locale/); the methodology prints
the same names from the catalogue's vocabularies (translated with the catalogue). The two
must agree, in English and in Chinese, or the site would disagree with itself."""
from __future__ import annotations

import functools

import pytest

from generator import ui
from generator.catalog import check_catalog
from generator.render import words

from .conftest import CATALOG, TODAY


@functools.cache
def vocabularies() -> dict:
    return {lang: catalog.vocabularies for lang, catalog in check_catalog(CATALOG, TODAY).catalogs.items()}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_corner_names_agree(language):
    trilemma = vocabularies()[language]["trilemma"]
    with ui.language(language):
        assert {c["id"]: ui._(words.CORNER_LABELS[c["id"]]) for c in trilemma.corners} == \
            {c["id"]: c["name"] for c in trilemma.corners}
        assert {t.id: ui._(words.CORNER_BADGES[t.id]) for t in trilemma.terms} == \
            {t.id: f"{t.symbol} {t.name}" for t in trilemma.terms}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_risk_dimension_names_agree(language):
    risk = vocabularies()[language]["risk"]
    with ui.language(language):
        assert {d["id"]: ui._(words.DIMENSION_LABELS[d["id"]]) for d in risk.dimensions} == \
            {d["id"]: d["name"] for d in risk.dimensions}
