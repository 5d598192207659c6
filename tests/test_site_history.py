"""History on the built site, from a fixture git repository: a rating change shows on the
system's page and on the recent-changes page in both languages, the Atom feeds parse and
carry stable ids, every page links its language's feed, two clones of one commit build
byte-identical sites, and a copy without history says so."""
from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from .site import copy_repository, run_build
from .test_build import tree_digest

pytestmark = pytest.mark.site
ATOM = "{http://www.w3.org/2005/Atom}"
SUBJECT = "Liquid: operators risk lowered after the review (fixture)"


def git(repo, *args, date="2026-11-30T09:00:00+00:00"):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": "/dev/null"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory):
    """The repository's files in two commits: all of it, then Liquid's operators risk lowered."""
    root = copy_repository(tmp_path_factory.mktemp("history") / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The catalogue as it is", date="2026-11-29T09:00:00+00:00")
    entry = root / "catalog/projects/liquid.yaml"
    text = entry.read_text(encoding="utf-8")
    old = "  operators:\n    rating: high\n"
    assert old in text
    entry.write_text(text.replace(old, "  operators:\n    rating: medium\n", 1), encoding="utf-8")
    git(root, "commit", "-q", "-am", SUBJECT)
    done = run_build(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def text_of(path) -> str:
    import re
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"</?(?:abbr|a|code|small|strong|em|span)\b[^>]*>", "", raw)
    return " ".join(re.sub(r"<[^>]+>", " ", raw).split())


@pytest.mark.parametrize("prefix, change", [
    ("", "Network operators: High risk → Medium risk"),
    ("zh/", "网络运营方：高风险 → 中风险"),
])
def test_a_rating_change_shows_on_the_page_and_the_recent_changes(history_repo, prefix, change):
    site = history_repo / "site"
    page = text_of(site / f"{prefix}projects/liquid/index.html")
    assert f"2026-11-30: {change}" in page or f"2026-11-30：{change}" in page
    assert f"({SUBJECT})" in page
    recent = text_of(site / f"{prefix}history/index.html")
    assert change in recent and SUBJECT in recent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_feed_is_atom_with_stable_ids(history_repo, language):
    feed = ET.parse(history_repo / "site" / "feeds" / f"{language}.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert 60 <= len(entries) <= 100
    first = entries[0]
    assert first.find(f"{ATOM}updated").text == "2026-11-30T00:00:00Z"
    entry_id = first.find(f"{ATOM}id").text        # the commit and the slug: the same in every build
    assert entry_id.startswith("tag:bitcoin-l2-catalogue.github.io,2026:") and entry_id.endswith("/liquid")
    assert SUBJECT in first.find(f"{ATOM}content").text
    href = first.find(f"{ATOM}link").get("href")
    prefix = "" if language == "en" else "zh/"
    assert href == f"https://bitcoin-l2-catalogue.github.io/catalogue/{prefix}projects/liquid/"
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(ids) == len(set(ids))


def test_every_page_links_its_languages_feed(history_repo):
    site = history_repo / "site"
    for path, feed in (("index.html", "feeds/en.xml"), ("projects/liquid/index.html", "feeds/en.xml"),
                       ("zh/index.html", "feeds/zh.xml"), ("zh/projects/liquid/index.html", "feeds/zh.xml")):
        html = (site / path).read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml"' in html, path
        assert f'{feed}">' in html, path


def test_two_clones_of_one_commit_build_the_same_bytes(history_repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history_repo), str(clone)], check=True)
    done = run_build(clone)
    assert done.returncode == 0, done.stdout + done.stderr
    assert tree_digest(clone / "site") == tree_digest(history_repo / "site")


def test_a_copy_without_history_says_so(tmp_path):
    """A copy without .git (like `git archive`) builds, and says the history is unavailable;
    a shallow clone reads as no history too (tests/test_history.py)."""
    root = copy_repository(tmp_path / "archive")
    assert not (root / ".git").exists()
    done = run_build(root)
    assert done.returncode == 0, done.stdout + done.stderr
    page = text_of(root / "site/projects/liquid/index.html")
    assert "The history of this entry is unavailable in this copy of the site" in page
    zh = text_of(root / "site/zh/projects/liquid/index.html")
    assert "此站点副本中没有该条目的历史：构建时没有仓库的 git 历史。" in zh
    feed = ET.parse(root / "site/feeds/en.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == [] and feed.find(f"{ATOM}updated") is not None
