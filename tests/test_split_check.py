"""The entries checked in two processes give the check of one process, problem for problem."""
from __future__ import annotations

import shutil

from generator import split_check
from generator.catalog import check_all

from .conftest import CATALOG, TODAY


def test_the_real_catalogue_checks_the_same_in_two_processes():
    assert len(list((CATALOG / "projects").glob("*.yaml"))) >= split_check.SPLIT_FROM
    one, two = check_all(CATALOG, TODAY), check_all(CATALOG, TODAY, split=True)
    assert one.errors == 0 and one.problems == two.problems and one.skipped == two.skipped
    assert one.catalogs == two.catalogs and one.pages == two.pages


def test_errors_in_both_halves_are_reported_in_file_order(tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG, catalog)
    entries = sorted((catalog / "projects").glob("*.yaml"))
    first, last = entries[0], entries[-1]
    first.write_text(first.read_text(encoding="utf-8").replace("category:", "categry:", 1), encoding="utf-8")
    last.write_text(last.read_text(encoding="utf-8") + "stray: [\n", encoding="utf-8")
    (catalog / "translations/zh/projects" / f"{entries[-2].stem}.po").unlink()
    one, two = check_all(catalog, TODAY), check_all(catalog, TODAY, split=True)
    assert one.problems == two.problems and one.skipped == two.skipped and one.catalogs == {} == two.catalogs
    shown = [p.format() for p in two.problems if p.severity.value == "error"]
    assert any(f"projects/{first.name}:" in line for line in shown), shown
    assert any(f"projects/{last.name}:" in line for line in shown), shown
    assert [p.file for p in two.problems] == sorted(p.file for p in two.problems)
