"""The build as a whole: atomic, and driven by the catalogue alone.

A failed check or MkDocs build leaves the previous site/ byte for byte; a new YAML file
appears on its own page, in both matrices, in the triangle and in search with no other
edit; the preview re-renders when a YAML file changes.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, TODAY, other_entry
from .site import copy_repository, free_port, run_build

pytestmark = pytest.mark.site


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository copy with one finished build, shared by the tests of this module."""
    root = copy_repository(tmp_path_factory.mktemp("build") / "repo")
    done = run_build(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@contextlib.contextmanager
def edited(path: Path, change):
    """The file rewritten as change(text) for the duration of the block, then restored."""
    text = path.read_text()
    path.write_text(change(text))
    try:
        yield text
    finally:
        path.write_text(text)


def test_failed_check_leaves_site_untouched(repo):
    before = tree_digest(repo / "site")
    with edited(repo / "catalog/projects/liquid.yaml",
                lambda t: t.replace("category: federated-sidechain", "category: federated-sidechian")):
        done = run_build(repo)
    assert done.returncode == 1
    assert "liquid.yaml" in done.stdout and "[unknown-value]" in done.stdout
    assert "site/ is unchanged" in done.stdout
    assert tree_digest(repo / "site") == before


def test_failed_mkdocs_build_leaves_site_untouched(repo):
    before = tree_digest(repo / "site")
    with edited(repo / "content/trilemma.md", lambda t: t + "\n[a broken link](no-such-page.md)\n"):
        done = run_build(repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "no-such-page.md" in done.stderr
    assert tree_digest(repo / "site") == before
    assert not list(repo.glob(".site.*")), "the temporary build directory was left behind"


def test_failed_chinese_edition_leaves_site_untouched(repo, monkeypatch, capsys):
    """The Chinese edition is built in a process of its own (forked, so it sees this patch):
    when it fails, the build fails, says why, and leaves site/ as it was. The check keeps
    Chinese pages from breaking on their own, so the failure is simulated."""
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.pages import Page

    from generator.build import build
    render = Page.render

    def failing(page, config, files):
        if page.file.src_uri == "trilemma.zh.md":
            raise MkDocsException("the Chinese trilemma page broke")
        return render(page, config, files)
    monkeypatch.setattr(Page, "render", failing)
    monkeypatch.chdir(repo)
    before = tree_digest(repo / "site")
    assert build(repo, TODAY) == 1
    assert "error: the MkDocs build failed (the 'zh' edition failed: the Chinese trilemma page broke); " \
           "site/ is unchanged." in capsys.readouterr().out
    assert tree_digest(repo / "site") == before
    assert not list(repo.glob(".site.*")), "a temporary build directory was left behind"


def test_a_failed_chinese_render_fails_the_build_and_says_where(repo, monkeypatch, capsys):
    """The Chinese docs are rendered in a forked process beside the English ones
    (generator/languages_render.py): its error reaches the build's report, located, and
    site/ stays as it was. The check keeps Chinese pages from failing to render, so the
    failure is simulated."""
    import generator.render as render
    from generator import ui
    from generator.build import build
    from generator.render import ContentError
    pages = render.render_pages

    def failing(catalog, site):
        if ui.current() == "zh":
            raise ContentError("content/trilemma.zh.md", 7, "the Chinese render broke")
        return pages(catalog, site)
    monkeypatch.setattr(render, "render_pages", failing)
    monkeypatch.chdir(repo)
    before = tree_digest(repo / "site")
    assert build(repo, TODAY) == 1
    assert "error: content/trilemma.zh.md:7:1: error [content-insert] the Chinese render broke" \
           in capsys.readouterr().out
    assert tree_digest(repo / "site") == before


def test_the_render_in_two_processes_writes_the_files_of_one(repo, tmp_path):
    """Rendering each language in its own process gives the docs directory of a sequential
    render, byte for byte, and removes what neither language produced."""
    from generator.build import load_config, site_config
    from generator.catalog import check_all
    from generator.languages_render import render_tree
    from generator.render import render_docs, sync_tree

    result = check_all(repo / "catalog", TODAY)
    site = site_config(load_config(repo / "mkdocs.yml"), repo, result.catalogs["en"], None)
    schema = repo / "catalog/schema/project.schema.json"
    (tmp_path / "parallel/projects").mkdir(parents=True)
    (tmp_path / "parallel/projects/gone.zh.md").write_text("a page no language renders")
    parallel = render_tree(tmp_path / "parallel", result.catalogs, site, repo / "content", schema, result.pages)
    sequential = sync_tree(tmp_path / "sequential",
                           render_docs(result.catalogs, site, repo / "content", schema, result.pages))
    assert parallel == sequential + 1                   # the page removed
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "sequential")
    assert (tmp_path / "parallel/projects/liquid.zh.md").is_file()
    assert not (tmp_path / "parallel/projects/gone.zh.md").exists()


def test_the_english_site_keeps_its_own_404_page(repo):
    assert '<html lang="en"' in (repo / "site/404.html").read_text()


def test_unknown_insert_is_located(repo):
    with edited(repo / "content/trilemma.md", lambda t: t + "\n<!-- insert: triangel -->\n") as text:
        done = run_build(repo)
    assert done.returncode == 1
    line = text.count("\n") + 2
    assert f"trilemma.md:{line}:1: error [content-insert] unknown insert 'triangel'" in done.stdout


def test_new_entry_appears_everywhere(repo):
    base = (ROOT / "tests/fixtures/base-entry.yaml").read_text()
    entry = (other_entry(base).replace("Other System", "Zephyr Channels").replace("[OTS]", "[ZPH, Zephyrnet]")
             .replace("other-system.example.org", "zephyr.example.org")
             .replace("related: [example-channels]", "related: [lightning]"))
    new = repo / "catalog/projects/zephyr-channels.yaml"
    new.write_text(entry)
    try:
        done = run_build(repo)
        assert done.returncode == 0, done.stdout + done.stderr
        site = repo / "site"
        page = (site / "projects/zephyr-channels/index.html").read_text()
        assert "Zephyr Channels" in page and "ZPH" in page
        for matrix in ("matrix/trilemma/index.html", "matrix/comparison/index.html"):
            assert "projects/zephyr-channels/" in (site / matrix).read_text()
        assert 'href="projects/zephyr-channels/"' in (site / "index.html").read_text()
        assert "projects/zephyr-channels/" in (site / "categories/off-chain-network/index.html").read_text()
        index = json.loads((site / "search/search_index.json").read_text())
        assert any(d["location"].startswith("projects/zephyr-channels/") and "Zephyrnet" in d["text"]
                   for d in index["docs"])
        data = json.loads((site / "data/catalog.json").read_text())
        assert "zephyr-channels" in [s["slug"] for s in data["systems"]]
        chinese = (site / "zh/projects/zephyr-channels/index.html").read_text()   # untranslated, and says so
        assert '<span lang="en" class="untranslated">An example payment-channel network' in chinese
        assert "projects/zephyr-channels/" in (site / "zh/matrix/comparison/index.html").read_text()
    finally:
        new.unlink()


LIQUID_SUMMARY = ("A Bitcoin sidechain built on Elements whose blocks and BTC peg are run by a fixed federation "
                  "of 15 hardware-secured functionaries.")


def test_changed_english_is_shown_marked_on_the_chinese_page(repo):
    chinese_before = (repo / "site/zh/projects/liquid/index.html").read_text()
    assert "由 15 个以硬件保障安全的职能节点组成的固定联盟运行" in chinese_before
    changed = LIQUID_SUMMARY.replace("a fixed federation of 15", "a fixed federation of 16")
    with edited(repo / "catalog/projects/liquid.yaml", lambda t: t.replace(LIQUID_SUMMARY, changed)):
        done = run_build(repo)
        assert done.returncode == 0, done.stdout + done.stderr
        assert ("catalog/projects/liquid.yaml:5:10: warning [translation-stale] summary: changed since its zh "
                "translation was made (catalog/translations/zh/projects/liquid.po:") in done.stdout
        page = (repo / "site/zh/projects/liquid/index.html").read_text()
    assert f'<span lang="en" class="untranslated">{changed}</span> <small class="untranslated-note">(尚未翻译)</small>' in page
    assert "由 15 个以硬件保障安全的职能节点" not in page       # never the translation of the old text
    assert changed in (repo / "site/projects/liquid/index.html").read_text()


def test_stale_page_translation_shows_the_english_page(repo):
    with edited(repo / "content/trilemma.md", lambda t: t.replace("His claim fits in one line", "His claim fits on one line")):
        done = run_build(repo)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "content/trilemma.zh.md:2:1: warning [translation-stale] translates: translates version" in done.stdout
        page = (repo / "site/zh/trilemma/index.html").read_text()
    assert '<p class="untranslated-note">本页尚未翻译，以下为英文原文。</p>' in page
    assert '<div lang="en">' in page and "His claim fits on one line" in page
    assert '<html lang="zh"' in page


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def test_preview_rerenders_on_yaml_change(repo):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    entry = repo / "catalog/projects/liquid.yaml"
    text = entry.read_text()
    url = f"http://127.0.0.1:{port}/catalogue/projects/liquid/"
    try:
        deadline = time.time() + 120
        while True:
            try:
                assert "Liquid Network" in _get(url)
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, "the preview did not start"
                time.sleep(0.3)
        entry.write_text(text.replace("name: Liquid Network", "name: Liquid Network Preview"))
        deadline = time.time() + 60
        while True:
            try:          # the server may be busy rebuilding (both languages) when asked
                if "Liquid Network Preview" in _get(url):
                    break
            except OSError:
                pass
            assert time.time() < deadline, "the preview did not show the edit"
            time.sleep(0.2)
    finally:
        entry.write_text(text)
        server.terminate()
        server.wait(timeout=20)


def _start_build(root: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--today", str(TODAY)], cwd=root,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_midway_leaves_site_intact(repo):
    assert run_build(repo).returncode == 0   # site/ as the current sources make it
    before = tree_digest(repo / "site")
    # Kill once while MkDocs writes the new site (its temporary directory exists) ...
    build = _start_build(repo)
    deadline = time.time() + 120
    while not list(repo.glob(".site.tmp-*")) and build.poll() is None:
        assert time.time() < deadline
        time.sleep(0.02)
    build.kill()
    build.wait()
    assert tree_digest(repo / "site") == before
    # ... and once early, while the catalogue is being checked and rendered.
    build = _start_build(repo)
    time.sleep(0.5)
    build.kill()
    build.wait()
    assert tree_digest(repo / "site") == before
    # The next build cleans up what the killed ones left and succeeds.
    done = run_build(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not list(repo.glob(".site.*"))
    assert tree_digest(repo / "site") == before


def test_interrupted_swap_is_recovered(repo):
    """A kill between the two renames of the swap leaves .site.old-*; the next build restores it."""
    before = tree_digest(repo / "site")
    os.rename(repo / "site", repo / ".site.old-12345")
    from generator.build import recover
    recover(repo / "site")
    assert tree_digest(repo / "site") == before and not list(repo.glob(".site.*"))


def test_two_builds_of_the_same_commit_are_identical(repo, tmp_path):
    other = copy_repository(tmp_path / "other")
    done = run_build(other)
    assert done.returncode == 0, done.stdout + done.stderr
    first, second = repo / "site", other / "site"
    cards = sorted(first.glob("cards/*/projects/*.png"))     # drawn afresh in other/, kept from repo's last build
    assert len(cards) == 2 * len(list((repo / "catalog/projects").glob("*.yaml")))
    differing = [p.relative_to(first).as_posix() for p in sorted(first.rglob("*"))
                 if p.is_file() and (not (second / p.relative_to(first)).is_file()
                                     or p.read_bytes() != (second / p.relative_to(first)).read_bytes())]
    assert differing == [], _first_difference(first, second, differing)
    assert tree_digest(first) == tree_digest(second)


def _first_difference(first: Path, second: Path, differing: list) -> str:
    if not differing:
        return ""
    import difflib
    a, b = (root / differing[0] for root in (first, second))
    if not b.is_file():
        return f"{differing[0]} is missing from the second build"
    lines = difflib.unified_diff(a.read_text(errors="replace").splitlines(), b.read_text(errors="replace").splitlines(),
                                 lineterm="", n=0)
    return f"{len(differing)} files differ, first {differing[0]}:\n" + "\n".join(list(lines)[:12])
