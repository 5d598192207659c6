"""History from git, on fixture repositories made with `git init` in tmp_path: the semantic
diff (a rating change, a rename, a deletion, a new source), the history of each entry, the
script the pull-request workflow runs, and what happens without history."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import diff, history

from .conftest import BASE, ROOT

ENTRY = "catalog/projects/example-channels.yaml"
OPERATORS = "operators: {rating: low, reason: Anyone can route payments., sources: [docs], reviewed: 2026-11-20}"


def git(repo: Path, *args: str, date: str = "2026-11-20T12:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": "/dev/null"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(repo: Path, subject: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", subject, date=date)


def write(repo: Path, path: str, text: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path) -> Path:
    """Four commits: an entry is added, its operator risk rises, it gains a source and is
    renamed, and a second entry is added and then deleted."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, ENTRY, BASE)
    write(repo, "catalog/projects/other.yaml", BASE.replace("Example Channels", "Other One")
          .replace("https://example-channels.example.org/", "https://other.example.org/"))
    commit(repo, "Add two entries", "2026-11-01T10:00:00+00:00")
    write(repo, ENTRY, BASE.replace(OPERATORS, OPERATORS.replace("rating: low", "rating: medium")
                                    .replace("Anyone can route payments.", "Two hubs route most payments.")))
    commit(repo, "Example Channels: operators risk rises with hub concentration", "2026-11-10T10:00:00+00:00")
    text = (repo / ENTRY).read_text(encoding="utf-8")
    assert "sources:\n  - id: docs" in text
    text = text.replace("sources:\n  - id: docs", "sources:\n  - id: paper\n    title: White paper\n"
                        "    url: https://example-channels.example.org/paper\n    accessed: 2026-11-20\n"
                        "    kind: primary\n  - id: docs", 1)
    write(repo, ENTRY, text)
    git(repo, "add", "-A")
    git(repo, "mv", ENTRY, "catalog/projects/example-net.yaml")
    (repo / "catalog/projects/other.yaml").unlink()
    commit(repo, "Rename example-channels to example-net; cite the paper; drop Other One", "2026-11-20T10:00:00+00:00")
    return repo


def test_diff_reports_a_rating_change_with_its_reason(repo):
    diffs = history.diff(repo, "HEAD~2", "HEAD~1")
    assert [(d.slug, d.kind) for d in diffs] == [("example-channels", "changed")]
    assert diffs[0].changes == (diff.Change("risk", "operators", "low", "medium", "Two hubs route most payments."),)
    text = diff.markdown(diffs, "HEAD~2", "HEAD~1")
    assert "### Example Channels (`example-channels`)\n\n- operators risk: low → medium. " \
           "Reason: Two hubs route most payments.\n" in text


def test_diff_reports_rename_deletion_and_new_source(repo):
    diffs = history.diff(repo, "HEAD~1", "HEAD")
    assert [(d.slug, d.kind, d.renamed_from) for d in diffs] == [
        ("example-net", "renamed", "example-channels"), ("other", "removed", None)]
    assert diffs[0].changes == (diff.Change("source", "paper", None, "https://example-channels.example.org/paper"),)
    text = diff.markdown(diffs, "HEAD~1", "HEAD")
    assert "### Example Channels: renamed `example-channels` → `example-net`" in text
    assert "- source paper added (https://example-channels.example.org/paper)" in text
    assert "### Removed: Other One (`other`)" in text


def test_diff_of_the_working_tree_and_as_json(repo):
    write(repo, "catalog/projects/example-net.yaml",
          (repo / "catalog/projects/example-net.yaml").read_text().replace("value: live", "value: discontinued", 1))
    out = subprocess.run([sys.executable, "-m", "generator", "diff", "HEAD", "--json"], cwd=repo, check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    document = json.loads(out)
    assert document["base"] == "HEAD" and document["head"] == "working tree"
    system, = document["systems"]
    assert system["slug"] == "example-net" and system["kind"] == "changed"
    assert {"aspect": "status", "key": "status", "before": "live", "after": "discontinued",
            "reason": None} in system["changes"]
    assert {"aspect": "maturity", "key": "level", "before": "0", "after": "not applicable",
            "reason": None} in system["changes"]


def test_an_unknown_revision_is_a_usage_error(repo):
    done = subprocess.run([sys.executable, "-m", "generator", "diff", "no-such-branch"], cwd=repo,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2
    assert done.stderr == ("error: cannot compare: 'no-such-branch' is not a commit of this repository "
                           "(a shallow clone needs `git fetch --unshallow`)\n")


def test_history_follows_renames_newest_first(repo):
    found = history.read(repo)
    assert [(e.commit.date, e.slug, e.diff.kind) for e in found.events] == [
        ("2026-11-20", "example-net", "renamed"), ("2026-11-20", "other", "removed"),
        ("2026-11-10", "example-net", "changed"), ("2026-11-01", "example-net", "added"),
        ("2026-11-01", "other", "added")]
    changed = found.of("example-net")[1]
    assert changed.commit.subject == "Example Channels: operators risk rises with hub concentration"


def test_no_history_in_a_shallow_clone_or_an_archive(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    assert history.read(shallow) is None and history.head_date(shallow) is None
    archive = tmp_path / "archive"
    shutil.copytree(repo, archive, ignore=shutil.ignore_patterns(".git"))
    assert history.read(archive) is None
    assert history.read(repo) is not None and history.head_date(repo) == "2026-11-20"


def test_the_pull_request_script_writes_the_job_summary(repo, tmp_path):
    """The script .github/workflows/pull-request.yml runs, on the fixture repository."""
    shutil.copytree(ROOT / ".ci", repo / ".ci")
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier steps\n", encoding="utf-8")
    subprocess.run(["bash", ".ci/pr-summary", "HEAD~2"], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHON": sys.executable,
                        "GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier steps\n## Catalogue changes: HEAD~2 → HEAD\n")
    assert "- operators risk: low → medium. Reason: Two hubs route most payments." in text
    assert "### Example Channels: renamed `example-channels` → `example-net`" in text
    workflow = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert 'run: bash .ci/pr-summary "origin/${{ github.base_ref }}"' in workflow
    assert "fetch-depth: 0" in workflow
