"""The checker as a contributor meets it: `python -m generator check`.

The command runs in this process (generator.cli.main, as `python -m generator` calls it), so
that mutation testing sees these tests; one test runs it as a subprocess, as a shell does."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from contextlib import chdir, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from unittest import mock

from generator.catalog import check_catalog, shown_path
from generator.cli import main

from .conftest import CATALOG, ROOT, TODAY

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) "
                  r"\[(?P<rule>[a-z0-9-]+)\]( (?P<field>[^ ]+):)? (?P<message>.+)$")


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(*args, env=None):
    """`python -m generator ARGS` from the project's directory; env adds variables."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), mock.patch.dict(os.environ, env or {}), chdir(ROOT):
        try:
            code = main(list(args))
        except SystemExit as exc:     # argparse's usage errors
            code = exc.code
    return Done(code, out.getvalue(), err.getvalue())


def test_the_command_runs_from_a_shell(catalog):
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--catalog", str(catalog),
                           "--today", str(TODAY)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.splitlines()[0]) == (0, "0 error(s), 0 warning(s) in 2 catalogue file(s)")


def test_real_catalogue_has_no_errors():
    result = check_catalog(CATALOG, TODAY)
    assert result.errors == 0, "\n".join(p.format() for p in result.problems)
    assert result.catalog is not None and len(result.catalog.systems) >= 18


def test_clean_catalogue_exits_0(catalog):
    done = run("check", "--catalog", str(catalog), "--today", str(TODAY))
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().split("\n")[-2:] == [
        "0 error(s), 0 warning(s) in 2 catalogue file(s)",
        "4 of 4 sources are primary (100%): the publisher's own documentation, code, specification or posts"]


def test_every_problem_reported_sorted_with_count(catalog):
    entry = catalog / "projects/example-channels.yaml"
    text = entry.read_text()
    text = text.replace("model: self-custody", "model: multsig").replace("nmae", "x")
    text = text.replace("reviewed: 2026-11-20", "reviewd: 2026-11-20")
    entry.write_text(text)
    other = catalog / "projects/other-system.yaml"
    other.write_text(other.read_text().replace("value: live", "value: lve"))
    (catalog / "projects/broken.yaml").write_text("name: [\n")
    done = run("check", "--catalog", str(catalog), "--today", str(TODAY))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    problems = [LINE.match(line) for line in lines if LINE.match(line)]
    keys = [(m["file"], int(m["line"]), int(m["col"])) for m in problems]
    assert keys == sorted(keys)
    rules = {m["rule"] for m in problems}
    assert {"unknown-key", "missing-field", "unknown-value", "yaml-syntax"} <= rules
    assert {m["file"].rsplit("/", 1)[1] for m in problems} == {
        "broken.yaml", "example-channels.yaml", "other-system.yaml"}
    assert f"{len(problems)} error(s), 0 warning(s) in 3 catalogue file(s)" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_misspellings_get_did_you_mean(catalog):
    entry = catalog / "projects/example-channels.yaml"
    entry.write_text(entry.read_text().replace("reviewed:", "reviewd:")
                     .replace("model: self-custody", "model: self-custdy"))
    out = run("check", "--catalog", str(catalog), "--today", str(TODAY)).stdout
    assert "unknown key 'reviewd' (did you mean 'reviewed'?)" in out
    assert "(did you mean 'self-custody'?)" in out


def test_locations_point_at_key_and_value(catalog):
    entry = catalog / "projects/example-channels.yaml"
    text = entry.read_text().replace("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: nope")
    entry.write_text(text)
    out = run("check", "--catalog", str(catalog), "--today", str(TODAY)).stdout
    line_no = text.splitlines().index("    value: nope") + 1
    assert f"example-channels.yaml:{line_no}:12: error [unknown-value] trilemma.shared_ledger.value:" in out


def test_github_annotations(catalog):
    entry = catalog / "projects/example-channels.yaml"
    entry.write_text(entry.read_text().replace("model: self-custody", "model: multsig"))
    env = {"GITHUB_ACTIONS": "true"}
    out = run("check", "--catalog", str(catalog), "--today", str(TODAY), env=env).stdout
    annotation = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(annotation) == 1
    assert re.match(r"::error file=[^,]+example-channels\.yaml,line=\d+,col=\d+,title=unknown-value::"
                    r"custody\[0\]\.model: ", annotation[0])


def test_warnings_alone_exit_0(catalog):
    entry = catalog / "projects/example-channels.yaml"
    entry.write_text(entry.read_text().replace("    as_of: 2026-10\n", "    as_of: 2024-01\n"))
    done = run("check", "--catalog", str(catalog), "--today", str(TODAY))
    assert done.returncode == 0
    assert "warning [stale-fact]" in done.stdout


def test_today_makes_dates_deterministic(catalog):
    assert run("check", "--catalog", str(catalog), "--today", "2026-11-20").returncode == 0
    done = run("check", "--catalog", str(catalog), "--today", "2026-11-19")
    assert done.returncode == 1 and "[date-future]" in done.stdout


def test_usage_and_environment_errors_exit_2(tmp_path):
    assert run("check", "--today", "yesterday").returncode == 2
    assert run("frobnicate").returncode == 2
    done = run("check", "--catalog", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and "no such directory" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_failed_stage_says_what_it_skipped(catalog):
    entry = catalog / "projects/example-channels.yaml"
    entry.write_text(entry.read_text().replace("model: self-custody", "model: multsig"))
    (catalog / "projects/broken.yaml").write_text("name: [\n")
    out = run("check", "--catalog", str(catalog), "--today", str(TODAY)).stdout.splitlines()
    shown = shown_path(catalog / "projects")
    assert [line for line in out if ": note: " in line] == [
        f"{shown}/broken.yaml: note: not checked yet, because of the YAML errors above: "
        "placeholders, schema, entry rules, translations",
        f"{shown}/example-channels.yaml: note: not checked yet, because of the schema errors above: "
        "entry rules, translations"]


def test_a_broken_categories_file_says_no_entry_rule_ran(catalog):
    categories = catalog / "categories.yaml"
    categories.write_text(categories.read_text().replace("values:", "values: [", 1))
    entry = catalog / "projects/example-channels.yaml"
    summary = next(line for line in entry.read_text().splitlines() if line.startswith("summary:"))
    entry.write_text(entry.read_text().replace(summary, summary.rstrip(".")))   # summary-sentence
    done = run("check", "--catalog", str(catalog), "--today", str(TODAY))
    shown = shown_path(categories)
    assert done.returncode == 1 and "[summary-sentence]" not in done.stdout
    assert [line for line in done.stdout.splitlines() if ": note: " in line] == [
        f"{shown}: note: not checked yet, because of the YAML errors above: schema, vocabulary, translations",
        f"{shown}: note: not checked yet, because of the errors in this file: "
        "the entry rules of every entry, the catalogue rules"]
