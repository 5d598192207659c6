"""The catalogue's rules beyond the schema: identity, trilemma consistency, references,
dates and text.

Reads entries that passed the schema (record + raw data + locations). Writes nothing.
Each rule is declared once with `rule()`: a stable id, a severity and a one-line summary.
A rule with a scope decorates the small function that finds its problems; the function
yields Findings (path, message, hint) and the registry attaches the rule and the place.
Per-entry rules see one entry; catalogue rules see all entries at once, yield the entry
with each finding, and index entries by key, so no rule is pairwise (quadratic).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .load import Document
from .model import CORNERS, IsoDate, System
from .problems import CATALOGUE, ENTRY, Finding, Problem, Rule, Severity, did_you_mean, field_path, rule

STALE_AFTER_DAYS = 548      # 18 months
MODELINE = "# yaml-language-server: $schema=../schema/project.schema.json"
RESERVED_SLUGS = {"index", "con", "prn", "aux", "nul", "search", "assets", "data", "schema",
                  *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 64


@dataclass(frozen=True)
class Entry:
    """One schema-valid entry: its record, its raw data and where each value sits."""
    system: System
    doc: Document

    @property
    def data(self) -> dict:
        return self.doc.data

    @property
    def strings(self) -> list:
        return self.doc.strings

    @functools.cached_property
    def source_refs(self) -> list:
        return list(iter_source_refs(self.data))

    @functools.cached_property
    def dates(self) -> list:
        """(path, IsoDate) for every date value: keys named as the schema names dates."""
        out = []
        for path, text in self.strings:
            if path and path[-1] in DATE_KEYS:
                date = IsoDate.parse(text)
                if date:
                    out.append((path, date))
        return out

    def release(self) -> None:
        """Drop what only the entry rules need (string walks, node tree): at 10,000 entries
        keeping them until the cross-entry rules have run costs hundreds of MB."""
        for cache, names in ((self.__dict__, ("source_refs", "dates")), (self.doc.__dict__, ("strings", "root"))):
            for name in names:
                cache.pop(name, None)


@dataclass(frozen=True)
class Context:
    today: dt.date
    categories: dict          # id -> Term (with gives_up for the three families)
    slugs: frozenset          # every slug in the catalogue, valid or not


E, W = Severity.ERROR, Severity.WARNING


# ---------------------------------------------------------------- walking raw data

def iter_source_refs(data: dict):
    """(path, id) for every source id cited anywhere in the entry."""
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sources" and path and isinstance(item, list):
                    for index, ref in enumerate(item):
                        yield path + (key, index), ref
                else:
                    yield from walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, path + (index,))
    yield from walk(data, ())      # the sources list itself cites nothing: its items hold no `sources`


def iter_sourced(data: dict):
    """(path, mapping) for every mapping that carries a `sources` list, the list of sources aside."""
    def walk(value, path):
        if isinstance(value, dict):
            if isinstance(value.get("sources"), list) and path != ():
                yield path, value
            for key, item in value.items():
                yield from walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, path + (index,))
    yield from walk(data, ())


DATE_KEYS = frozenset(("since", "as_of", "reviewed", "accessed", "published", "date"))


# ---------------------------------------------------------------- files and identity

FILE_SLUG = rule("file-slug", E, "Identity", "The file name is a slug: lower-case ASCII words joined by "
                                             "single hyphens, ending in .yaml.")
RESERVED_SLUG = rule("reserved-slug", E, "Identity", "The slug is not a reserved name (index, search, con, nul, "
                                                     "com1, ...) that would clash with a page or a device.")
MODELINE_RULE = rule("modeline", E, "Identity", "The first line names the schema for editors: "
                                                "'# yaml-language-server: $schema=../schema/project.schema.json'.")


def file_problems(path: Path, shown: str, first_line: bytes) -> list[Problem]:
    """Rules about the file itself, checked before parsing."""
    out = []
    stem = path.stem
    if path.suffix != ".yaml":
        out.append(FILE_SLUG.at(shown, 1, 1, "catalogue entries end in .yaml"))
    elif not SLUG.match(stem) or len(stem) > MAX_SLUG:
        out.append(FILE_SLUG.at(shown, 1, 1, f"the file name '{_printable(stem)}' is not a slug; rename it to "
                                             "lower-case ASCII words joined by single hyphens, such as my-system.yaml"))
    elif stem in RESERVED_SLUGS:
        out.append(RESERVED_SLUG.at(shown, 1, 1, f"'{stem}' is reserved (it would clash with a generated page "
                                                 "or a device name); choose another file name"))
    if first_line.rstrip(b"\r\n") != MODELINE.encode():
        out.append(MODELINE_RULE.at(shown, 1, 1, f"the first line must be exactly: {MODELINE}"))
    return out


def _printable(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode()


_HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
                     "\u180e\u034f\u115f\u1160\u3164\uffa0\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


INVISIBLE_CHAR = rule("invisible-char", E, "Text",
                      "Text holds no bidirectional controls, zero-width or control characters (Trojan Source).")
RAW_HTML = rule("raw-html", E, "Text", "Text fields hold plain text: no HTML tags or entities.")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?[A-Za-z0-9]+;")


def text_findings(text: str, url: bool = False) -> list[tuple[Rule, str]]:
    """(rule, message) for hidden characters and raw HTML in one text."""
    out = []
    found = _HIDDEN.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        out.append((INVISIBLE_CHAR, f"contains the invisible character {code} "
                    f"({unicodedata.name(found.group(), 'control character')}); delete it"))
    found = None if url else _HTML.search(text)
    if found:
        out.append((RAW_HTML, f"contains HTML ('{found.group()}'); write plain text"))
    return out


def text_problems(doc: Document) -> list[Problem]:
    """Hidden characters and raw HTML in any text of a catalogue file (entries, vocabularies,
    the glossary, translations): all of it reaches the site."""
    return [found.located(doc, path, message)
            for path, text in doc.strings
            for found, message in text_findings(text, url=bool(path) and path[-1] in ("url", "website"))]


TODO_PLACEHOLDER = rule("todo-placeholder", E, "Text", "No TODO placeholder from the template is left.")
_TODO = re.compile(r"\bTODO\b")


def placeholders(doc: Document) -> list[tuple]:
    """The paths of the texts that still say TODO, as the template left them."""
    return [path for path, text in doc.strings if "TODO" in text and _TODO.search(text)]


def todo_problems(doc: Document, paths: list[tuple]) -> list[Problem]:
    return [TODO_PLACEHOLDER.located(doc, path, "still says TODO; fill it in") for path in paths]


def without_placeholders(problems: list[Problem], paths: list[tuple]) -> list[Problem]:
    """The schema's problems, less those about a value that is still a TODO placeholder: the
    placeholder is reported once, as such, not also as a wrong date or an unknown value."""
    fields = {field_path(path) for path in paths}
    return [p for p in problems if p.field not in fields]


_MARKDOWN = re.compile(r"\[[^\]]*\]\(|\*\*|__|`|^#|^\s*[-*+] |!\[")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


@rule("summary-sentence", E, "Text",
      "The summary is one plain-text sentence that ends with a full stop.", scope=ENTRY)
def summary_sentence(entry: Entry, ctx: Context):
    summary = entry.system.summary
    path = ("summary",)
    if "\n" in summary.strip():
        yield Finding(path, "spans several lines; write one sentence")
    elif not summary.rstrip().endswith("."):
        yield Finding(path, "must end with a full stop")
    elif _SENTENCE_BREAK.search(summary.rstrip()[:-1]):
        yield Finding(path, "holds more than one sentence; keep the first")
    elif _MARKDOWN.search(summary):
        yield Finding(path, "contains Markdown; write plain text")


# ---------------------------------------------------------------- trilemma

@rule("trilemma-family", E, "Trilemma",
      "A family gives up its corner and keeps the other two: the given-up corner is not "
      "yes and the kept corners are not no.", scope=ENTRY)
def trilemma_family(entry: Entry, ctx: Context):
    system = entry.system
    gives_up = ctx.categories[system.category].gives_up
    if not gives_up:
        return
    if not system.trilemma.applies:
        yield Finding(("trilemma", "not_applicable"),
                      f"the category {system.category} is one of the trilemma's families; rate its "
                      "three corners instead", key=True)
        return
    for corner in CORNERS:
        value = system.trilemma.corners[corner].value
        path = ("trilemma", corner, "value")
        if corner == gives_up and value == "yes":
            yield Finding(path,
                          f"the category {system.category} gives up {corner}, so it cannot be yes; "
                          "write partial or no, or change the category")
        elif corner != gives_up and value == "no":
            yield Finding(path,
                          f"the category {system.category} keeps {corner}, so it cannot be no; "
                          "write partial or yes, or change the category")


@rule("trilemma-token", E, "Trilemma",
      "token and trilemma.no_new_token agree: a token means no_new_token is not yes, "
      "and no token means it is not no.", scope=ENTRY)
def trilemma_token(entry: Entry, ctx: Context):
    system = entry.system
    if not system.trilemma.applies:
        return
    value = system.trilemma.corners["no_new_token"].value
    path = ("trilemma", "no_new_token", "value")
    if system.token and value == "yes":
        yield Finding(path,
                      f"the entry has the token {system.token.symbol}, so no_new_token cannot be "
                      "yes; write no (or partial), or set token: null")
    elif system.token is None and value == "no":
        yield Finding(path,
                      "token is null, so no_new_token cannot be no; name the token under "
                      "token, or write yes or partial")


@rule("trilemma-all-yes", E, "Trilemma", "No system keeps all three corners: that is the trilemma.", scope=ENTRY)
def trilemma_all_yes(entry: Entry, ctx: Context):
    trilemma = entry.system.trilemma
    if trilemma.applies and all(trilemma.corners[c].value == "yes" for c in CORNERS):
        yield Finding(("trilemma",),
                      "claims all three corners; at least one must be partial or no", key=True)


# ---------------------------------------------------------------- references

@rule("unknown-source", E, "References", "Every source id cited is listed under sources.", scope=ENTRY)
def unknown_sources(entry: Entry, ctx: Context):
    listed = {s.id for s in entry.system.sources}
    for path, ref in entry.source_refs:
        if ref not in listed:
            yield Finding(path, f"cites '{ref}', which is not under sources", did_you_mean(ref, listed))


@rule("unused-source", W, "References", "Every listed source is cited by at least one fact.", scope=ENTRY)
def unused_sources(entry: Entry, ctx: Context):
    cited = {ref for _, ref in entry.source_refs}
    for index, source in enumerate(entry.system.sources):
        if source.id not in cited:
            yield Finding(("sources", index, "id"),
                          f"'{source.id}' is not cited by any fact; cite it or remove it")


@rule("duplicate-source-id", E, "References", "Source ids are unique within an entry.", scope=ENTRY)
def duplicate_source_ids(entry: Entry, ctx: Context):
    seen = set()
    for index, source in enumerate(entry.system.sources):
        if source.id in seen:
            yield Finding(("sources", index, "id"),
                          f"'{source.id}' is used by an earlier source; give each source its own id")
        seen.add(source.id)


@rule("unsourced", E, "References",
      "Every fact cites at least one source, except a value marked unconfirmed and a "
      "rating marked under-review.", scope=ENTRY)
def unsourced(entry: Entry, ctx: Context):
    for path, mapping in iter_sourced(entry.data):
        if mapping["sources"] or mapping.get("value") == "unconfirmed" or \
                mapping.get("rating") == "under-review":
            continue
        yield Finding(path + ("sources",),
                      "cites no source; add the id of a source that supports it")


@rule("unknown-related", E, "References",
      "related lists slugs of other entries in catalog/projects/, not the entry itself.", scope=ENTRY)
def unknown_related(entry: Entry, ctx: Context):
    for index, slug in enumerate(entry.system.related):
        path = ("related", index)
        if slug == entry.system.slug:
            yield Finding(path, "points at the entry itself; remove it")
        elif slug not in ctx.slugs:
            yield Finding(path, f"'{slug}' is not an entry in catalog/projects/", did_you_mean(slug, ctx.slugs))


# Where a source is cited: the publisher's own address, not a deployment preview, a staging
# server or a republisher. Hosts are classified by their labels, never by fetching them.
# Archived copies (web.archive.org, archive.ph) are left alone: they say openly that they are
# a dated copy of the publisher's page, which is the usual way to cite a page that moved.
ARCHIVE_HOSTS = frozenset(("web.archive.org", "archive.org", "archive.ph", "archive.today", "archive.is"))
# Registries whose paths are module names, not copies of the repository (pkg.go.dev/github.com/x/y).
MODULE_PATH_HOSTS = frozenset(("pkg.go.dev", "godocs.io", "godoc.org", "deps.dev", "goreportcard.com"))
# Code hosts a mirror names in its path (/github.com/owner/repo).
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
# Republishers that copy one publisher's pages under the same path, without naming it.
MIRROR_HOSTS = {"geeksrepos.com": "https://github.com", "viigoo.eu.org": "https://www.binance.com"}
_TWO_PART_SUFFIXES = frozenset(("co.uk", "org.uk", "ac.uk", "com.au", "co.jp", "com.cn", "com.br",
                                "co.in", "co.kr", "eu.org"))
# Words of a host label (split at hyphens) that name a non-production server: fe-staging,
# staging-api, l2beat-frontend2-staging-abc, stage, deploy-preview.
_STAGING_WORDS = frozenset(("staging", "stg", "preprod", "uat"))
_STAGE_WORDS = frozenset(("stage", "preview"))
_TLD_WORDS = "com|org|net|io|co|xyz|news|info|dev|app|finance|network|tech|media|us|uk|sk|de|fr|it"
_SCHEME_IN_TEXT = re.compile(r"https?:/{1,2}([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(/[^\s?#&\"']*)?", re.I)
# An address folded into a slug, as aggregators do: /35559_https-bitcoinmagazine-com-technical-...
# or /https-www-coindesk-com-...; a title such as /https-everywhere-com-guide is left alone.
_SCHEME_IN_SLUG = re.compile(rf"(?:\d_https?-|/https?-(?=www-))((?:[a-z0-9]+-)+?(?:{_TLD_WORDS}))(?:-|/|$)",
                             re.I)
# Vercel's per-deployment names: app-git-branch-team, app-h2g2vsbut-team (a 9-character hash).
_VERCEL_PREVIEW = re.compile(r"-git-|-(?=[a-z]*[0-9])[a-z0-9]{9}-[a-z0-9-]+$")


def site_of(host: str) -> str:
    """The registered domain a host belongs to: docs.example.com -> example.com."""
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_PART_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _split(url: str) -> tuple[str, str]:
    """(lower-case host without a port, everything after it) of an https:// address."""
    rest = url.split("://", 1)[-1]
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    return rest[:cut].split(":")[0].lower().rstrip("."), rest[cut:]


def _shown(url: str) -> str:
    host, rest = _split(url)
    return f"https://{host}/..." if rest.strip("/") else f"https://{host}/"


def _environment(labels: list[str]) -> str | None:
    """'staging', 'preview' or 'development' when a subdomain label names a non-production server."""
    for position, label in enumerate(labels):
        words = label.split("-")
        if _STAGING_WORDS & set(words):
            return "staging"
        if label in _STAGE_WORDS or words[-1] in _STAGE_WORDS or words[0] in _STAGE_WORDS and len(words) > 1:
            return "staging" if "stage" in words else "preview"
        # `dev` leading a host is as often a developer portal (dev.rootstock.io) as a server,
        # so only an inner dev label (app.dev.example.com) or a -dev suffix (api-dev) counts.
        if (label == "dev" and position > 0) or (len(words) > 1 and words[-1] in ("dev", "develop", "development")):
            return "development"
    return None


def _preview(host: str) -> str | None:
    """What kind of per-deployment host this is, if it is one."""
    labels = host.split(".")
    if host.endswith(".vercel.app"):
        sub = host.removesuffix(".vercel.app")
        return "a Vercel deployment preview" if _VERCEL_PREVIEW.search(sub) or "staging" in sub \
            else "hosted on Vercel's deployment domain (vercel.app), not on its publisher's own"
    if host.endswith(".netlify.app") and "--" in labels[0]:
        return "a Netlify deploy preview"
    if host.endswith((".web.app", ".firebaseapp.com")) and "--" in labels[0]:
        return "a Firebase preview channel"
    if host.endswith(".pages.dev") and len(labels) > 3:
        return "a Cloudflare Pages preview"
    return None


def _embedded(host: str, rest: str) -> str | None:
    """What a republisher's URL carries of another site's address, and what to cite instead."""
    if host in ARCHIVE_HOSTS or host.endswith(".archive.org"):
        return None
    path = rest.split("?")[0].split("#")[0]
    for mirror, canonical in MIRROR_HOSTS.items():
        if host == mirror or host.endswith("." + mirror):
            return f"it mirrors {canonical}{path.rstrip('/')}; cite that address instead"
    if host not in MODULE_PATH_HOSTS:
        for code_host in CODE_HOSTS:
            if path.lower().startswith(f"/{code_host}/") and site_of(host) != code_host:
                owner_repo = "/".join(path.split("/")[2:4])
                return f"it embeds https://{code_host}/{owner_repo}; cite that address instead"
    decoded = rest
    for _ in range(2):                          # https%253A%252F%252F is encoded twice
        decoded = urllib.parse.unquote(decoded)
    for found in _SCHEME_IN_TEXT.finditer(decoded):
        other = found.group(1).lower()
        if site_of(other) != site_of(host):
            return f"it embeds https://{other}{(found.group(2) or '').rstrip('/')}; cite that address instead"
    for found in _SCHEME_IN_SLUG.finditer(rest):
        other = found.group(1).lower().replace("-", ".")
        if site_of(other) != site_of(host):
            return f"it embeds an address on {other}; cite the page on {other} instead"
    return None


def host_finding(url: str) -> str | None:
    """Why a source's address is not its publisher's own, as the message to show; None if it is."""
    host, rest = _split(url)
    shown = _shown(url)
    kind = _preview(host)
    if kind:
        return f"'{shown}' is {kind}; cite the publisher's own address (the same page on its own domain)"
    labels = host.split(".")
    subdomains = labels[:-len(site_of(host).split("."))]
    environment = _environment(subdomains)
    if environment:
        return (f"'{shown}' is a {environment} server; cite the same page on the publisher's production site "
                f"({site_of(host)})")
    embedded = _embedded(host, rest)
    return f"'{shown}' republishes another site's page: {embedded}" if embedded else None


@rule("source-host", W, "References",
      "Sources are cited at their publisher's own address: no deploy previews, staging or "
      "development hosts, and no republisher whose URL embeds another site's address.", scope=ENTRY)
def source_hosts(entry: Entry, ctx: Context):
    for index, source in enumerate(entry.system.sources):
        finding = host_finding(source.url)
        if finding:
            yield Finding(("sources", index, "url"), finding)


# ---------------------------------------------------------------- dates

@rule("date-future", E, "Dates", "No date lies in the future (see --today).", scope=ENTRY)
def future_dates(entry: Entry, ctx: Context):
    for path, date in entry.dates:
        if date.earliest > ctx.today:
            yield Finding(path,
                          f"{date} is after today ({ctx.today}); record only what has happened")


@rule("date-order", E, "Dates",
      "Dates are in order: announced before launched, milestones oldest first, earlier "
      "figures before the current one, sources published before they were accessed.", scope=ENTRY)
def date_order(entry: Entry, ctx: Context):
    s = entry.system
    if s.announced and s.launched and s.announced.date.earliest > s.launched.date.latest:
        yield Finding(("launched", "date"),
                      f"launched {s.launched.date} is before announced {s.announced.date}")
    for index in range(1, len(s.milestones)):
        if s.milestones[index].date.latest < s.milestones[index - 1].date.earliest:
            yield Finding(("milestones", index, "date"),
                          f"{s.milestones[index].date} comes after "
                          f"{s.milestones[index - 1].date}; list milestones oldest first")
    for f_index, figure in enumerate(s.figures):
        for p_index, previous in enumerate(figure.previous):
            if previous.as_of.earliest > figure.as_of.latest:
                yield Finding(("figures", f_index, "previous", p_index, "as_of"),
                              f"an earlier value dated {previous.as_of} is newer than the "
                              f"current one ({figure.as_of})")
    for index, source in enumerate(s.sources):
        if source.published and source.published.earliest > source.accessed.latest:
            yield Finding(("sources", index, "published"),
                          f"published {source.published} is after accessed {source.accessed}")


@rule("stale-fact", W, "Dates", "A fact whose as_of is more than 18 months old is flagged for review.", scope=ENTRY)
def stale_facts(entry: Entry, ctx: Context):
    limit = ctx.today - dt.timedelta(days=STALE_AFTER_DAYS)
    for path, date in entry.dates:
        if path[-1] == "as_of" and "previous" not in path and date.latest < limit:
            yield Finding(path,
                          f"as_of {date} is more than 18 months old; check the fact again "
                          "and update as_of")


# ---------------------------------------------------------------- the maturity ladder's fields

EXIT_ALONE_MODELS = ("self-custody", "shared-key-with-exit", "timelocked-stake")
NO_EXIT_MODELS = ("federated-multisig", "hardware-federation", "threshold-signer-set", "collateralized-vaults",
                  "bitvm-bridge", "miner-escrow", "centralized-custodian")


@rule("peg-model", E, "Maturity",
      "A peg's model agrees with its ladder fields: self-custody, shared keys with exit and timelocked "
      "stake let users exit alone, the other models do not; no one can challenge a single custodian.", scope=ENTRY)
def peg_model(entry: Entry, ctx: Context):
    for index, peg in enumerate(entry.system.custody):
        exit_alone = peg.unilateral_exit
        if exit_alone and (peg.model in EXIT_ALONE_MODELS and exit_alone.value == "no"
                           or peg.model in NO_EXIT_MODELS and exit_alone.value == "yes"):
            want = "yes" if peg.model in EXIT_ALONE_MODELS else "no"
            yield Finding(("custody", index, "unilateral_exit", "value"),
                          f"the model {peg.model} means unilateral_exit is {want}; "
                          "change one of the two")
        challenge = peg.challenge
        if challenge and peg.model == "centralized-custodian" and challenge.value != "nobody":
            yield Finding(("custody", index, "challenge", "value"),
                          "no one can challenge a centralized-custodian's withdrawals: write nobody, "
                          "or change the model")


@rule("peg-rating", E, "Maturity",
      "A peg's custody rating agrees with its ladder fields: low needs an exit alone or a challenge "
      "anyone may make; high rules out an exit alone and any challenge.", scope=ENTRY)
def peg_rating(entry: Entry, ctx: Context):
    for index, peg in enumerate(entry.system.custody):
        exit_alone = peg.unilateral_exit.value if peg.unilateral_exit else None
        challenge = peg.challenge.value if peg.challenge else None
        path = ("custody", index, "risk", "rating")
        if peg.risk.rating == "low" and exit_alone == "no" and challenge in ("allow-list", "nobody"):
            yield Finding(path,
                          f"low custody risk needs users who can exit alone or a challenge anyone may "
                          f"make, but unilateral_exit is no and challenge is {challenge}; "
                          "rate it medium or high, or correct those fields")
        elif peg.risk.rating == "high" and (exit_alone == "yes" or challenge in ("anyone", "allow-list",
                                                                                  "not-needed")):
            held = "unilateral_exit is yes" if exit_alone == "yes" else f"challenge is {challenge}"
            yield Finding(path,
                          f"high custody risk means a group relying on trust alone can move the BTC, "
                          f"but {held}; rate it medium or low, or correct that field")


@rule("signer-numbers", E, "Maturity",
      "A signer set's threshold, and its number of independent signers, are at most its count.", scope=ENTRY)
def signer_numbers(entry: Entry, ctx: Context):
    for index, peg in enumerate(entry.system.custody):
        signers = peg.signers
        if signers is None:
            continue
        for key, value in (("threshold", signers.threshold), ("independent", signers.independent)):
            if value is not None and value > signers.count:
                yield Finding(("custody", index, "signers", key),
                              f"{key} {value} is more than count {signers.count}")


@rule("upgrade-window", E, "Maturity",
      "exit_window_days is given when upgrades are delayed, and only then.", scope=ENTRY)
def upgrade_window(entry: Entry, ctx: Context):
    for index, peg in enumerate(entry.system.custody):
        upgrades = peg.upgrades
        if upgrades is None:
            continue
        if upgrades.value == "delayed" and upgrades.exit_window_days is None:
            yield Finding(("custody", index, "upgrades", "value"),
                          "delayed upgrades need exit_window_days: the days users have to leave "
                          "before a change takes effect")
        elif upgrades.value != "delayed" and upgrades.exit_window_days is not None:
            yield Finding(("custody", index, "upgrades", "exit_window_days"),
                          f"exit_window_days applies only to delayed upgrades, not {upgrades.value}; "
                          "remove it, or write value: delayed", key=True)


# ---------------------------------------------------------------- across entries

def fold(name: str) -> str:
    """Case and spacing folded, compatibility forms (full-width letters) normalised."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


# Letters from other scripts that render like Latin ones (a subset of Unicode's confusables).
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g", "α": "a", "β": "b", "ε": "e", "η": "n",
    "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    "ı": "i", "ℓ": "l", "0": "o", "1": "l", "|": "l", "$": "s", "ß": "ss",
})


def skeleton(name: str) -> str:
    """What a name looks like: folded, lookalike letters mapped, accents stripped."""
    folded = unicodedata.normalize("NFKD", fold(name).translate(_LOOKALIKES))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_LOOKALIKES)


def _scripts(text: str) -> set[str]:
    scripts = set()
    for ch in text:
        if ch.isalpha():
            scripts.add(unicodedata.name(ch, "UNKNOWN").split(" ")[0])
    return scripts


@rule("duplicate-name", E, "Identity",
      "Names and aliases are unique across entries after folding case and spaces.", scope=CATALOGUE)
def duplicate_names(entries: list[Entry], ctx: Context):
    owners: dict[str, list] = defaultdict(list)
    for entry in entries:
        seen_here = set()
        for path, name in _names(entry):
            key = fold(name)
            if key not in seen_here:
                owners[key].append((entry, path, name))
                seen_here.add(key)
    for key, holders in owners.items():
        if len({h[0].system.slug for h in holders}) > 1:
            first = holders[0]
            for entry, path, name in holders[1:]:
                yield entry, Finding(path,
                                     f"'{name}' is already a name of {first[0].doc.path} "
                                     f"({first[2]}); names and aliases must be unique")


@rule("confusable-name", E, "Identity",
      "A name may not mix scripts (Latin with Cyrillic or Greek) or look like another "
      "entry's name (homoglyphs).", scope=CATALOGUE)
def confusable_names(entries: list[Entry], ctx: Context):
    by_skeleton: dict[str, list] = defaultdict(list)
    for entry in entries:
        for path, name in _names(entry):
            scripts = _scripts(name) - {"DIGIT"}
            if len(scripts) > 1:
                yield entry, Finding(path,
                                     f"'{_printable(name)}' mixes letters from {', '.join(sorted(scripts))} "
                                     "scripts; write it in one script")
            by_skeleton[skeleton(name)].append((entry, path, name))
    for holders in by_skeleton.values():
        folded = {fold(h[2]) for h in holders}
        if len(folded) > 1 and len({h[0].system.slug for h in holders}) > 1:
            first = holders[0]
            for entry, path, name in holders[1:]:
                if fold(name) != fold(first[2]):
                    yield entry, Finding(path,
                                         f"'{_printable(name)}' looks like '{first[2]}' in "
                                         f"{first[0].doc.path}; use a name readers can tell apart")


def _names(entry: Entry):
    yield ("name",), entry.system.name
    for index, alias in enumerate(entry.system.aliases):
        yield ("aliases", index), alias


def _site_key(url: str) -> str:
    host_and_path = url.split("://", 1)[1].split("#")[0].split("?")[0]
    host, _, rest = host_and_path.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{rest}".rstrip("/")


@rule("duplicate-website", E, "Identity", "No two entries share a website.", scope=CATALOGUE)
def duplicate_websites(entries: list[Entry], ctx: Context):
    first: dict[str, Entry] = {}
    for entry in entries:
        key = _site_key(entry.system.website)
        if key in first:
            yield entry, Finding(("website",),
                                 f"{entry.system.website} is already the website of "
                                 f"{first[key].doc.path}; give this entry its own page")
        else:
            first[key] = entry


# ---------------------------------------------------------------- the glossary

GLOSSARY_DUPLICATE = rule("glossary-duplicate", E, "Glossary", "Each glossary term and alias is defined once.")
GLOSSARY_REFERENCE = rule("glossary-reference", E, "Glossary",
                          "A glossary term's `see` list names entries in catalog/projects/.")


def glossary_problems(doc: Document, terms, slugs) -> list[Problem]:
    out, first = [], {}
    for index, term in enumerate(terms):
        for a_index, word in enumerate((term.term,) + term.aliases):
            path = ("terms", index, "term") if a_index == 0 else ("terms", index, "aliases", a_index - 1)
            key = fold(word)
            if key in first:
                out.append(GLOSSARY_DUPLICATE.located(doc, path,
                                                      f"'{word}' is already defined as '{first[key]}'; merge the two"))
            first.setdefault(key, word)
        for s_index, slug in enumerate(term.see):
            if slug not in slugs:
                path = ("terms", index, "see", s_index)
                out.append(GLOSSARY_REFERENCE.located(doc, path, f"'{slug}' is not an entry in catalog/projects/"
                                                                 f"{did_you_mean(slug, slugs)}"))
    return out
