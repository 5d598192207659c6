"""The Bitcoin maturity ladder: its levels, their requirements, and each system's result.

Reads System records. Writes nothing. A level is never typed in an entry: it is the
highest level whose requirements, and those of every level below it, the system's own peg
meets. The peg rated is the first in `custody` (the system's own way in and out); every
peg gets its own result too. Key holders who can move the BTC without its owners count
against a peg even where users can also exit alone (a statechain operator with a previous
owner, an Ark server after expiry): an exit alone meets the signer requirements only when
no such keys exist. Each requirement reads sourced fields of the peg
(unilateral_exit, challenge, signers, upgrades). A field the entry does not give leaves
its requirement under review: it is never assumed met.

The ladder starts from L2BEAT's Stages (exit without the operators, one honest challenger,
exit windows of 7 and 30 days before upgrades) and from Bitcoin Layers' bar for a
sidesystem's bridge (at least 5 signers, at least 4 of them outside the team), adapted to
how Bitcoin systems hold BTC: pre-signed exits, BitVM challenges, federations, threshold
signer sets and custodians.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .model import Custody, System
from .ui import N_

MET, NOT_MET, UNDER_REVIEW = "met", "not-met", "under-review"
STATES = (MET, NOT_MET, UNDER_REVIEW)
MIN_SIGNERS = 5
MIN_INDEPENDENT = 4
WEEK, MONTH = 7, 30


@dataclass(frozen=True)
class Level:
    number: int
    name: str           # marked for translation
    summary: str        # marked for translation


LEVELS = (
    Level(0, N_("Trusted custody"), N_("Users trust whoever holds the keys to their BTC.")),
    Level(1, N_("Distributed custody"),
          N_("No small group can move the BTC: several independent parties hold the keys, and a majority "
             "of them must sign.")),
    Level(2, N_("Challengeable"),
          N_("One honest party can stop a wrong withdrawal, and nobody can change the peg without giving "
             "users a week to leave.")),
    Level(3, N_("Self-sovereign exit"),
          N_("Every user can leave with their BTC alone, anyone can challenge, and changes give users "
             "30 days to leave.")),
)
TOP = LEVELS[-1].number


@dataclass(frozen=True)
class Verdict:
    """Whether one peg meets one requirement, and why. `why` is a template marked for
    translation, filled from `values`; `fields` names the peg facts it rests on, whose own
    reasons and sources the page shows beside it."""
    state: str
    why: str
    values: tuple = ()              # ((placeholder, value), ...)
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Requirement:
    id: str
    level: int
    name: str                       # a short name, marked for translation
    text: str                       # what the level asks, marked for translation
    check: Callable[[Custody], Verdict]


def _exits_alone(peg: Custody) -> bool:
    return peg.unilateral_exit is not None and peg.unilateral_exit.value == "yes"


_EXIT_ALONE = N_("Every user can take their BTC back to Bitcoin alone, so no set of key holders can move it "
                 "without them.")


def _without_signers(peg: Custody) -> Verdict:
    """A signer requirement where the entry names no key holders: met by an exit alone, else under review."""
    if _exits_alone(peg):
        return Verdict(MET, _EXIT_ALONE, fields=("unilateral_exit",))
    return Verdict(UNDER_REVIEW, N_("The entry does not yet say how many parties hold the keys."))


def _enough_signers(peg: Custody) -> Verdict:
    signers = peg.signers
    if signers is None:
        return _without_signers(peg)
    met = signers.count >= MIN_SIGNERS and 2 * signers.threshold > signers.count
    return Verdict(MET if met else NOT_MET, N_("{threshold} of {count} key holders must sign."),
                   (("threshold", signers.threshold), ("count", signers.count)), ("signers",))


def _independent_signers(peg: Custody) -> Verdict:
    signers = peg.signers
    if signers is None:
        return _without_signers(peg)
    if signers.independent is None:
        return Verdict(UNDER_REVIEW, N_("The sources do not say how many of the {count} key holders are "
                                        "independent of the team."), (("count", signers.count),), ("signers",))
    met = signers.independent >= MIN_INDEPENDENT
    return Verdict(MET if met else NOT_MET, N_("{independent} of the {count} key holders are independent of "
                                               "the team."),
                   (("independent", signers.independent), ("count", signers.count)), ("signers",))


_CHALLENGE_WHY = {
    "anyone": N_("Anyone may challenge a wrong withdrawal on Bitcoin, without asking permission."),
    "allow-list": N_("Members of an approved set may challenge a wrong withdrawal; one honest member is enough."),
    "nobody": N_("No one can stop a withdrawal that enough key holders sign."),
    "not-needed": N_("Only the owner can ever spend the BTC, so there is nothing to challenge."),
}


def _challenge(accepted: tuple[str, ...]) -> Callable[[Custody], Verdict]:
    def check(peg: Custody) -> Verdict:
        if peg.challenge is None:
            return Verdict(UNDER_REVIEW, N_("The entry does not yet say who can challenge a withdrawal."))
        value = peg.challenge.value
        return Verdict(MET if value in accepted else NOT_MET, _CHALLENGE_WHY[value], fields=("challenge",))
    return check


def _exit_window(days: int) -> Callable[[Custody], Verdict]:
    def check(peg: Custody) -> Verdict:
        upgrades = peg.upgrades
        if upgrades is None:
            return Verdict(UNDER_REVIEW, N_("The entry does not yet say who can change the peg."))
        if upgrades.value == "none":
            return Verdict(MET, N_("No one can change the rules that hold the BTC."), fields=("upgrades",))
        if upgrades.value == "immediate":
            return Verdict(NOT_MET, N_("Key holders can change the peg at once, without notice."),
                           fields=("upgrades",))
        window = upgrades.exit_window_days or 0
        return Verdict(MET if window >= days else NOT_MET,
                       N_("A change takes effect {days} days after it is announced, and users can leave "
                          "in the meantime."), (("days", window),), ("upgrades",))
    return check


def _unilateral_exit(peg: Custody) -> Verdict:
    if peg.unilateral_exit is None:
        return Verdict(UNDER_REVIEW, N_("The entry does not yet say whether users can exit alone."))
    if peg.unilateral_exit.value == "yes":
        return Verdict(MET, N_("Every user can take their BTC back to Bitcoin alone."), fields=("unilateral_exit",))
    return Verdict(NOT_MET, N_("Users cannot take their BTC back to Bitcoin without someone else's signature."),
                   fields=("unilateral_exit",))


REQUIREMENTS = (
    Requirement("five-signers", 1, N_("5 or more signers, majority threshold"),
                N_("At least 5 parties hold the keys that can move the BTC without its owners, and more than "
                   "half of them must sign (or no one holds such keys: every user exits alone)."), _enough_signers),
    Requirement("independent-signers", 1, N_("4 or more independent signers"),
                N_("At least 4 of those parties are independent of the team that builds or runs the system "
                   "(or no one holds such keys)."), _independent_signers),
    Requirement("one-honest-challenger", 2, N_("One honest challenger"),
                N_("One honest party can stop a wrong withdrawal: anyone or an allow-list may challenge it on "
                   "Bitcoin, or only the owner can spend the BTC."),
                _challenge(("anyone", "allow-list", "not-needed"))),
    Requirement("exit-window-week", 2, N_("7-day exit window"),
                N_("No one can change the peg's rules or keys without giving users at least 7 days to leave."),
                _exit_window(WEEK)),
    Requirement("unilateral-exit", 3, N_("Unilateral exit"),
                N_("Every user can take their BTC back to Bitcoin alone, through pre-signed transactions or "
                   "a script on Bitcoin."), _unilateral_exit),
    Requirement("anyone-challenges", 3, N_("Anyone can challenge"),
                N_("Anyone may challenge, without permission (or only the owner can spend the BTC)."),
                _challenge(("anyone", "not-needed"))),
    Requirement("exit-window-month", 3, N_("30-day exit window"),
                N_("No one can change the peg's rules or keys without giving users at least 30 days to leave."),
                _exit_window(MONTH)),
)
REQUIREMENT_IDS = tuple(r.id for r in REQUIREMENTS)


@dataclass(frozen=True)
class PegResult:
    """The ladder's result for one peg: every requirement's verdict, and the level reached."""
    peg: Custody
    verdicts: tuple[tuple[Requirement, Verdict], ...]

    @property
    def level(self) -> int:
        reached = 0
        for level in LEVELS[1:]:
            if any(v.state != MET for r, v in self.verdicts if r.level == level.number):
                break
            reached = level.number
        return reached

    def ids(self, state: str) -> tuple[str, ...]:
        return tuple(r.id for r, v in self.verdicts if v.state == state)

    @property
    def next_steps(self) -> tuple[tuple[Requirement, Verdict], ...]:
        """What the next level asks that this peg does not yet meet (empty at the top)."""
        return tuple((r, v) for r, v in self.verdicts if r.level == self.level + 1 and v.state != MET)

    @property
    def pending(self) -> bool:
        """The next level is only under review: nothing it asks is known to be unmet."""
        steps = self.next_steps
        return bool(steps) and all(v.state == UNDER_REVIEW for _, v in steps)


def rate_peg(peg: Custody) -> PegResult:
    return PegResult(peg, tuple((r, r.check(peg)) for r in REQUIREMENTS))


NOT_APPLICABLE = {
    "comparator": N_("An Ethereum system, listed for comparison: the ladder rates how Bitcoin systems hold BTC."),
    "proposal": N_("A proposal or a research design: there is no running system holding BTC to rate yet."),
    "discontinued": N_("No longer operating, so there is nothing to rate."),
    "no-custody": N_("It holds no BTC for its users (its assets live on Bitcoin itself or elsewhere), so there is "
                     "no custody to rate."),
}


@dataclass(frozen=True)
class Maturity:
    """A system's place on the ladder: the result of its own peg, or why the ladder does not fit."""
    pegs: tuple[PegResult, ...] = ()
    not_applicable: str | None = None     # a key of NOT_APPLICABLE

    @property
    def applies(self) -> bool:
        return self.not_applicable is None

    @property
    def rated(self) -> PegResult | None:
        return self.pegs[0] if self.applies else None

    @property
    def level(self) -> int | None:
        return self.rated.level if self.applies else None

    @property
    def unmet(self) -> tuple[str, ...]:
        return self.rated.ids(NOT_MET) if self.applies else ()

    @property
    def under_review(self) -> tuple[str, ...]:
        return self.rated.ids(UNDER_REVIEW) if self.applies else ()


def why_not_applicable(system: System) -> str | None:
    if system.category == "ethereum-comparator":
        return "comparator"
    if system.status.value in ("proposal", "research"):
        return "proposal"
    if system.status.value == "discontinued":
        return "discontinued"
    if not system.custody:
        return "no-custody"
    return None


def rate(system: System) -> Maturity:
    reason = why_not_applicable(system)
    if reason:
        return Maturity(not_applicable=reason)
    return Maturity(pegs=tuple(rate_peg(peg) for peg in system.custody))
