"""Frozen records of the catalogue, built from data that already passed the schema.

Reads plain data. Writes nothing. Renderers see only these records; they never see raw
YAML. Field names follow the YAML keys, so an entry and its record read alike.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

CORNERS = ("shared_ledger", "open_membership", "no_new_token")
RISK_DIMENSIONS = ("data_availability", "operators", "finality", "user_burden")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class IsoDate:
    """An ISO 8601 calendar date of year, month or day precision ('2018', '2018-10', '2018-10-11')."""
    text: str

    @classmethod
    def parse(cls, text: str) -> "IsoDate | None":
        """The date, or None if text is not a real calendar date."""
        match = _DATE.match(text)
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(text) if year >= 1970 else None

    @property
    def earliest(self) -> dt.date:
        parts = [int(p) for p in self.text.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def latest(self) -> dt.date:
        parts = [int(p) for p in self.text.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            year, month = parts
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 12, 31)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    accessed: IsoDate
    kind: str
    publisher: str | None = None
    published: IsoDate | None = None


@dataclass(frozen=True)
class Fact:
    """A vocabulary value with its detail, date and sources."""
    value: str
    as_of: IsoDate
    sources: tuple[str, ...]
    detail: str | None = None


@dataclass(frozen=True)
class Status:
    value: str
    since: IsoDate
    as_of: IsoDate
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Token:
    symbol: str
    name: str
    as_of: IsoDate
    sources: tuple[str, ...]
    since: IsoDate | None = None
    note: str | None = None


@dataclass(frozen=True)
class Corner:
    value: str
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Trilemma:
    """Either three corners (with as_of) or a reason why the trilemma does not apply."""
    corners: dict = field(default_factory=dict)     # corner name -> Corner
    as_of: IsoDate | None = None
    not_applicable: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def applies(self) -> bool:
        return self.not_applicable is None

    @property
    def values(self) -> tuple[str, ...]:
        """The corners' values in CORNERS order: ('yes', 'no', 'partial')."""
        return tuple(self.corners[c].value for c in CORNERS)


@dataclass(frozen=True)
class Rating:
    rating: str
    reason: str
    sources: tuple[str, ...]
    reviewed: IsoDate


@dataclass(frozen=True)
class PegFact:
    """One sourced fact about a peg that the maturity ladder reads: a value (yes/no for
    unilateral_exit, a vocabulary id for challenge and upgrades), its reason and date."""
    value: str
    reason: str
    as_of: IsoDate
    sources: tuple[str, ...]
    exit_window_days: int | None = None     # upgrades: days users have to leave, when delayed


@dataclass(frozen=True)
class Signers:
    """The keys that together can move users' BTC without them."""
    count: int
    threshold: int
    reason: str
    as_of: IsoDate
    sources: tuple[str, ...]
    independent: int | None = None          # None: the sources do not say


@dataclass(frozen=True)
class Custody:
    name: str
    model: str
    as_of: IsoDate
    sources: tuple[str, ...]
    risk: Rating
    detail: str | None = None
    unilateral_exit: PegFact | None = None
    challenge: PegFact | None = None
    signers: Signers | None = None
    upgrades: PegFact | None = None


@dataclass(frozen=True)
class EventDate:
    date: IsoDate
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PreviousValue:
    value: str
    as_of: IsoDate
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    as_of: IsoDate
    sources: tuple[str, ...]
    previous: tuple[PreviousValue, ...] = ()


@dataclass(frozen=True)
class Milestone:
    date: IsoDate
    event: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ArticleMention:
    said: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class System:
    """One catalogue entry. `slug` and `path` are computed from the file name."""
    slug: str
    path: str
    name: str
    aliases: tuple[str, ...]
    category: str
    summary: str
    website: str
    reviewed: IsoDate
    status: Status
    token: Token | None
    trilemma: Trilemma
    custody: tuple[Custody, ...]
    consensus: Fact
    execution: Fact
    data_availability: Fact
    risks: dict                                   # dimension -> Rating
    sources: tuple[Source, ...]
    launched: EventDate | None = None
    announced: EventDate | None = None
    figures: tuple[Figure, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    in_article: ArticleMention | None = None
    related: tuple[str, ...] = ()
    local_name: str | None = None     # what readers of a translation call it, if not `name` (闪电网络)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


def _date(text):
    return None if text is None else IsoDate(text)


def _ids(items) -> tuple[str, ...]:
    return tuple(items or ())


def _rating(d) -> Rating:
    return Rating(d["rating"], d["reason"], _ids(d["sources"]), IsoDate(d["reviewed"]))


def _fact(d) -> Fact:
    return Fact(d["value"], IsoDate(d["as_of"]), _ids(d["sources"]), d.get("detail"))


def _peg_fact(d) -> PegFact | None:
    if d is None:
        return None
    window = d.get("exit_window_days")
    return PegFact(d["value"], d["reason"], IsoDate(d["as_of"]), _ids(d["sources"]),
                   None if window is None else int(window))


def _signers(d) -> Signers | None:
    if d is None:
        return None
    independent = d.get("independent")
    return Signers(int(d["count"]), int(d["threshold"]), d["reason"], IsoDate(d["as_of"]),
                   _ids(d["sources"]), None if independent is None else int(independent))


def _custody(c) -> Custody:
    return Custody(c["name"], c["model"], IsoDate(c["as_of"]), _ids(c["sources"]), _rating(c["risk"]),
                   c.get("detail"), _peg_fact(c.get("unilateral_exit")), _peg_fact(c.get("challenge")),
                   _signers(c.get("signers")), _peg_fact(c.get("upgrades")))


def _event(d) -> EventDate | None:
    return None if d is None else EventDate(IsoDate(d["date"]), _ids(d["sources"]))


def build_system(slug: str, path: str, d: dict, local_name: str | None = None) -> System:
    """Build the record for one entry that passed the schema (dates already checked)."""
    t = d["trilemma"]
    if "not_applicable" in t:
        trilemma = Trilemma(not_applicable=t["not_applicable"], sources=_ids(t.get("sources")))
    else:
        trilemma = Trilemma(
            corners={c: Corner(t[c]["value"], t[c]["reason"], _ids(t[c]["sources"])) for c in CORNERS},
            as_of=IsoDate(t["as_of"]))
    s = d["status"]
    tok = d["token"]
    art = d.get("in_article")
    return System(
        slug=slug, path=path, name=d["name"], aliases=tuple(d["aliases"]),
        category=d["category"], summary=d["summary"], website=d["website"],
        reviewed=IsoDate(d["reviewed"]),
        status=Status(s["value"], IsoDate(s["since"]), IsoDate(s["as_of"]), _ids(s["sources"]),
                      s.get("note")),
        token=None if tok is None else Token(tok["symbol"], tok["name"], IsoDate(tok["as_of"]),
                                             _ids(tok["sources"]), _date(tok.get("since")),
                                             tok.get("note")),
        trilemma=trilemma,
        custody=tuple(_custody(c) for c in d["custody"]),
        consensus=_fact(d["consensus"]), execution=_fact(d["execution"]),
        data_availability=_fact(d["data_availability"]),
        risks={dim: _rating(d["risks"][dim]) for dim in RISK_DIMENSIONS},
        sources=tuple(Source(x["id"], x["title"], x["url"], IsoDate(x["accessed"]), x["kind"],
                             x.get("publisher"), _date(x.get("published"))) for x in d["sources"]),
        launched=_event(d.get("launched")), announced=_event(d.get("announced")),
        figures=tuple(Figure(f["label"], f["value"], IsoDate(f["as_of"]), _ids(f["sources"]),
                             tuple(PreviousValue(p["value"], IsoDate(p["as_of"]), _ids(p["sources"]))
                                   for p in f.get("previous", ())))
                      for f in d.get("figures", ())),
        milestones=tuple(Milestone(IsoDate(m["date"]), m["event"], _ids(m["sources"]))
                         for m in d.get("milestones", ())),
        in_article=None if art is None else ArticleMention(art["said"], _ids(art["sources"])),
        related=tuple(d.get("related", ())), local_name=local_name,
    )
