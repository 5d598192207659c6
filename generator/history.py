"""The catalogue's history, read from git: the entries at any revision, and every commit
that changed the meaning of an entry.

Reads the repository with read-only git commands (`ls-tree`, `log`, `cat-file`). Writes
nothing. History is unavailable (None) when the directory is not a git work tree, git is
missing, or the clone is shallow: a partial history would misstate when things changed.
Everything returned depends only on commits (their dates and subjects), never on the
clock, so the same commit always gives the same history.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .diff import EntryDiff, compare_catalogues, compare_entries
from .load import parse_bytes

PROJECTS = "catalog/projects/"


class GitError(Exception):
    """A revision or path that git cannot read."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True)
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise GitError(exc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed") from exc
    return done.stdout


def available(root: Path) -> bool:
    """A full git history is there to read."""
    try:
        return (_git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
                and _git(root, "rev-parse", "--is-shallow-repository").strip() == b"false")
    except GitError:
        return False


def head_date(root: Path) -> str | None:
    """The date of the last commit (YYYY-MM-DD), or None without history."""
    if not available(root):
        return None
    return _git(root, "log", "-1", "--format=%cs").decode().strip() or None


def _slug(path: str) -> str | None:
    if path.startswith(PROJECTS) and path.endswith(".yaml") and "/" not in path[len(PROJECTS):]:
        return path[len(PROJECTS):-len(".yaml")]
    return None


def _parse(raw: bytes | None, shown: str) -> dict | None:
    if raw is None:
        return None
    doc, _problems = parse_bytes(raw, shown)
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


def _blobs(root: Path, specs: list[str]) -> dict[str, bytes | None]:
    """{'REV:path': content or None} read by one `git cat-file --batch`."""
    if not specs:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in specs).encode())
    found, at = {}, 0
    for spec in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[spec] = out[at:at + size]
            at += size + 1
        else:
            found[spec] = None
    return found


def entries_at(root: Path, revision: str) -> dict[str, dict]:
    """{slug: entry data} of catalog/projects/ at a revision."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        raise GitError(f"'{revision}' is not a commit of this repository (a shallow clone needs "
                       "`git fetch --unshallow`)") from None
    names = _git(root, "ls-tree", "--name-only", revision, PROJECTS).decode().splitlines()
    paths = [p for p in names if _slug(p)]
    blobs = _blobs(root, [f"{revision}:{p}" for p in paths])
    return {_slug(p): _parse(blobs[f"{revision}:{p}"], p) for p in paths}


def working_entries(root: Path) -> dict[str, dict]:
    """{slug: entry data} of catalog/projects/ in the working tree."""
    return {p.stem: _parse(p.read_bytes(), f"{PROJECTS}{p.name}")
            for p in sorted((root / PROJECTS).glob("*.yaml"))}


def diff(root: Path, base: str, head: str | None = None) -> list[EntryDiff]:
    """The semantic diff from base to head (a revision, or the working tree when None)."""
    new = working_entries(root) if head is None else entries_at(root, head)
    return compare_catalogues(entries_at(root, base), new)


@dataclass(frozen=True)
class Commit:
    id: str
    date: str          # YYYY-MM-DD, the commit's date
    subject: str


@dataclass(frozen=True)
class Event:
    """A commit's change of meaning to one entry; `slug` is the entry's slug today."""
    commit: Commit
    slug: str
    diff: EntryDiff


@dataclass(frozen=True)
class History:
    events: tuple[Event, ...]        # newest commit first; within a commit, in file order

    def of(self, slug: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.slug == slug)


def _commits(root: Path) -> list[tuple[Commit, list[tuple[str, str, str]]]]:
    """Oldest first: each commit touching catalog/projects/, with (status, old path, new path)."""
    raw = _git(root, "log", "--reverse", "-M", "--name-status", "--format=%x01%H%x00%cs%x00%s", "--", PROJECTS)
    out = []
    for block in raw.decode("utf-8", errors="replace").split("\x01")[1:]:
        head, _, rest = block.partition("\n")
        commit_id, date, subject = head.split("\x00", 2)
        files = []
        for line in rest.splitlines():
            parts = line.split("\t")
            if len(parts) == 2:
                files.append((parts[0][0], parts[1], parts[1]))
            elif len(parts) == 3:
                files.append((parts[0][0], parts[1], parts[2]))
        out.append((Commit(commit_id, date, subject), files))
    return out


def read(root: Path) -> History | None:
    """Every change of meaning to an entry, commit by commit, or None without full history."""
    if not available(root):
        return None
    commits = _commits(root)
    specs = []
    for commit, files in commits:
        for status, old, new in files:
            if _slug(old) and status != "A":
                specs.append(f"{commit.id}^:{old}")
            if _slug(new) and status != "D":
                specs.append(f"{commit.id}:{new}")
    blobs = _blobs(root, specs)
    renamed: dict[str, str] = {}            # slug then -> slug later
    found: list[tuple[Commit, str, EntryDiff]] = []
    for commit, files in commits:
        for status, old, new in files:
            old_slug, new_slug = _slug(old), _slug(new)
            if not (old_slug or new_slug):
                continue
            before = _parse(blobs.get(f"{commit.id}^:{old}"), old) if old_slug and status != "A" else None
            after = _parse(blobs.get(f"{commit.id}:{new}"), new) if new_slug and status != "D" else None
            if status == "R" and old_slug != new_slug:
                renamed[old_slug] = new_slug
                entry = EntryDiff(new_slug, str(after.get("name")), "renamed",
                                  compare_entries(new_slug, before, after), old_slug)
            elif before is None and after is not None:
                entry = EntryDiff(new_slug, str(after.get("name")), "added")
            elif after is None and before is not None:
                entry = EntryDiff(old_slug, str(before.get("name")), "removed")
            elif before is not None and after is not None:
                changes = compare_entries(new_slug, before, after)
                if not changes:
                    continue
                entry = EntryDiff(new_slug, str(after.get("name")), "changed", changes)
            else:
                continue
            found.append((commit, entry.slug, entry))

    def today(slug: str) -> str:
        seen = set()
        while slug in renamed and slug not in seen:
            seen.add(slug)
            slug = renamed[slug]
        return slug
    by_commit: dict[str, list[Event]] = {}
    for commit, slug, entry in found:
        by_commit.setdefault(commit.id, []).append(Event(commit, today(slug), entry))
    newest_first = [event for commit, _files in reversed(commits) for event in by_commit.get(commit.id, ())]
    return History(tuple(newest_first))
