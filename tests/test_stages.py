"""The check's stages: a failed stage stops its file and names the stages it skipped."""
from __future__ import annotations

from generator import stages
from generator.problems import Problem
from generator.stages import Skipped

FOUND = Problem("f.yaml", 1, 1, "yaml-syntax", "", "broken")


def passes(value):
    return value + 1, []


def fails(value):
    return None, [FOUND]


def test_every_stage_runs_in_order_when_none_fails():
    assert stages.run("f.yaml", (("one", passes), ("two", passes), ("three", passes)), 0) == (3, [], [])


def test_a_failed_stage_names_the_stages_it_skipped():
    assert stages.run("f.yaml", (("YAML", passes), ("schema", fails), ("entry rules", passes),
                                 ("translations", passes)), 0) == (
        None, [FOUND], [Skipped("f.yaml", "schema", ("entry rules", "translations"))])


def test_the_last_stage_failing_skips_nothing():
    assert stages.run("f.yaml", (("YAML", passes), ("translations", fails)), 0) == (None, [FOUND], [])


def test_a_skip_note_says_why():
    assert Skipped("f.yaml", "schema", ("entry rules", "translations")).format() == \
        "f.yaml: note: not checked yet, because of the schema errors above: entry rules, translations"
    assert Skipped("c.yaml", "categories", ("the catalogue rules",), "the errors in this file").format() == \
        "c.yaml: note: not checked yet, because of the errors in this file: the catalogue rules"
