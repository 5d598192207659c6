"""Shared fixtures: the repository's paths and small catalogues built in tmp_path."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "catalog"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 12, 2)     # the catalogue was last reviewed on this day; checks run against it
BASE = (FIXTURES / "base-entry.yaml").read_text(encoding="utf-8")


GLOSSARY = """title: Glossary
description: Test terms.
terms:
  - term: channel
    aliases: [payment channel]
    definition: A two-party contract that moves BTC off-chain.
    see: [example-channels]
"""


def other_entry(text: str = BASE, name: str = "Other System", aliases: str = "[OTS]") -> str:
    """A second valid entry, derived from the base one, that the base entry relates to."""
    return (text.replace("Example Channels", name)
                .replace("[EXC, Example Network]", aliases)
                .replace("example-channels.example.org", "other-system.example.org")
                .replace("related: [other-system]", "related: [example-channels]"))


def make_catalog(root: Path, base: str = BASE, translated: bool = True) -> Path:
    """A catalogue with the real schema and vocabularies and two valid fixture entries; with
    translated=True, every string also has a current Chinese translation (see translate_all)."""
    catalog = root / "catalog"
    catalog.mkdir(parents=True)
    shutil.copytree(CATALOG / "schema", catalog / "schema")
    shutil.copytree(CATALOG / "vocabularies", catalog / "vocabularies")
    shutil.copy(CATALOG / "categories.yaml", catalog / "categories.yaml")
    (catalog / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (catalog / "projects").mkdir()
    (catalog / "projects" / "example-channels.yaml").write_text(base, encoding="utf-8")
    (catalog / "projects" / "other-system.yaml").write_text(other_entry(base), encoding="utf-8")
    if translated:
        translate_all(catalog)
    return catalog


def translate_all(catalog: Path, translation=lambda english: english) -> None:
    """Fill every empty translation of the catalogue's PO files (made by `make translations`)
    with translation(english). The English itself is a valid stand-in: same numbers, tickers
    and terms, and no Chinese punctuation to get wrong. The glossary's term 'channel' gets
    the Chinese term 通道."""
    from generator import po
    from generator.translate import refresh_all
    refresh_all(catalog)
    for path in (catalog / "translations").rglob("*.po"):
        parsed = po.parse(path.read_text(encoding="utf-8"))
        for entry in parsed.entries:
            if not entry.msgstr:
                entry.msgstr = "通道" if entry.msgid == "channel" else translation(entry.msgid)
        path.write_text(po.dump(parsed), encoding="utf-8")


@pytest.fixture
def catalog(tmp_path) -> Path:
    return make_catalog(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real catalogue and content, built once and served on 127.0.0.1."""
    from .site import build_and_serve
    return build_and_serve(tmp_path_factory.mktemp("built"))


def require_tool(path: str, what: str) -> None:
    """Skip when a tool is missing locally; under CI=true a missing tool fails the run."""
    if not Path(path).exists():
        message = f"{what} is missing at {path}; `make test` installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
