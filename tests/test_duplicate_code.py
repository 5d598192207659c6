"""No logic is repeated in generator/: pylint's similarity checker over the whole package.

The settings are pylint's defaults, spelled out so that a config file cannot change them,
but for one: a block is reported when MIN_LINES lines or more are the same once comments,
docstrings, imports and function signatures are left out. pylint reports only blocks longer
than its min-similarity-lines, so its default of 4 finds repeats of 5 lines; it is given
MIN_LINES - 1 to find repeats of 4. The failure lists each repeat as pylint does
(`==generator.module:[start:end]`, lines counted from 0, end excluded) and prints the
command that re-checks.
"""
from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

MIN_LINES = 4
FINDER = ("-m", "pylint", "--disable=all", "--enable=duplicate-code", f"--min-similarity-lines={MIN_LINES - 1}",
          "--ignore-comments=yes", "--ignore-docstrings=yes", "--ignore-imports=yes", "--ignore-signatures=yes",
          "--score=no", "--persistent=no", "--msg-template={msg}")
REFACTOR = 8      # pylint's exit status when it reports a refactor message (R0801 is one) and nothing worse


def duplicates(package: Path) -> str:
    """pylint's report of the repeated blocks in package: '' when there are none."""
    done = subprocess.run([sys.executable, *FINDER, package.name], cwd=package.parent,
                          capture_output=True, text=True, check=False)
    assert done.returncode in (0, REFACTOR), done.stdout + done.stderr
    return "\n".join(line for line in done.stdout.splitlines() if not line.startswith("*" * 13)).strip()


def test_generator_repeats_no_logic():
    report = duplicates(ROOT / "generator")
    command = shlex.join(["python", *FINDER, "generator"])
    assert report == "", f"give each repeated block one home:\n{report}\n(re-check: {command})"


def test_the_finder_names_both_places_of_a_repeated_block(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    body = "    total = 0\n    for x in xs:\n        total += x * x\n    return total\n"
    (package / "first.py").write_text(f'def squares(xs):\n    """Sum of squares."""\n{body}')
    (package / "second.py").write_text(f"import os\n\n\ndef energy(xs):  # same body\n{body}")
    (package / "short.py").write_text("def one(xs):\n    for x in xs:\n        total += x * x\n    return total\n"
                                      "\n\ndef two(xs):\n    for x in xs:\n        total += x * x\n    return total\n")
    report = duplicates(package)
    assert "Similar lines in 2 files" in report and "==pkg.first:[2:6]" in report and "==pkg.second:[4:8]" in report
    assert "pkg.short" not in report           # three repeated lines are below the minimum
