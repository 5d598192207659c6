"""The maturity ladder: every requirement with a peg that meets it, one that does not, and
one whose facts are missing (under review, never met); levels, applicability, exports."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from generator import maturity
from generator.maturity import MET, NOT_MET, UNDER_REVIEW, rate, rate_peg
from generator.load import load_file
from generator.model import Custody, IsoDate, PegFact, Rating, Signers, build_system

from .conftest import FIXTURES

DAY = IsoDate("2026-12-01")
EXPORT_SCHEMA = Path(__file__).resolve().parent.parent / "catalog" / "schema" / "export.schema.json"


def fact(value: str, window: int | None = None) -> PegFact:
    return PegFact(value, "A reason.", DAY, ("docs",), window)


def signers(count: int, threshold: int, independent: int | None = None) -> Signers:
    return Signers(count, threshold, "A reason.", DAY, ("docs",), independent)


def peg(**fields) -> Custody:
    """A federation's peg with no ladder facts, refined by fields."""
    base = Custody("Peg", "federated-multisig", DAY, ("docs",), Rating("high", "A reason.", ("docs",), DAY))
    return dataclasses.replace(base, **fields)


@pytest.fixture(scope="module")
def make_system():
    """The fixture entry's record (a channel network), with fields replaced: a status value
    by its id, anything else by value."""
    data = load_file(FIXTURES / "base-entry.yaml", "base-entry.yaml")[0].data
    base = build_system("example", "catalog/projects/example.yaml", data)

    def make(status: str | None = None, **fields):
        if status:
            fields["status"] = dataclasses.replace(base.status, value=status)
        return dataclasses.replace(base, **fields)
    return make


# requirement id -> (a peg that meets it, a peg that does not)
CASES = {
    "five-signers": (peg(signers=signers(5, 3)), peg(signers=signers(5, 2))),
    "independent-signers": (peg(signers=signers(9, 6, independent=4)), peg(signers=signers(9, 6, independent=3))),
    "one-honest-challenger": (peg(challenge=fact("allow-list")), peg(challenge=fact("nobody"))),
    "exit-window-week": (peg(upgrades=fact("delayed", 7)), peg(upgrades=fact("delayed", 6))),
    "unilateral-exit": (peg(unilateral_exit=fact("yes")), peg(unilateral_exit=fact("no"))),
    "anyone-challenges": (peg(challenge=fact("anyone")), peg(challenge=fact("allow-list"))),
    "exit-window-month": (peg(upgrades=fact("delayed", 30)), peg(upgrades=fact("delayed", 29))),
}


def verdict(requirement_id: str, p: Custody):
    return dict((r.id, v) for r, v in rate_peg(p).verdicts)[requirement_id]


def test_every_requirement_has_cases():
    assert sorted(CASES) == sorted(maturity.REQUIREMENT_IDS)


@pytest.mark.parametrize("requirement_id", sorted(CASES))
def test_requirement_met(requirement_id):
    assert verdict(requirement_id, CASES[requirement_id][0]).state == MET


@pytest.mark.parametrize("requirement_id", sorted(CASES))
def test_requirement_not_met(requirement_id):
    assert verdict(requirement_id, CASES[requirement_id][1]).state == NOT_MET


@pytest.mark.parametrize("requirement_id", sorted(CASES))
def test_requirement_under_review_without_its_facts(requirement_id):
    result = verdict(requirement_id, peg())
    assert result.state == UNDER_REVIEW
    assert result.why.startswith("The entry does not yet say")


def test_signers_without_independence_count_are_under_review():
    result = verdict("independent-signers", peg(signers=signers(15, 11)))
    assert result.state == UNDER_REVIEW
    assert result.why == "The sources do not say how many of the {count} key holders are independent of the team."
    assert dict(result.values) == {"count": 15}


def test_a_minority_threshold_fails_even_with_many_signers():
    assert verdict("five-signers", peg(signers=signers(100, 50))).state == NOT_MET
    assert verdict("five-signers", peg(signers=signers(100, 51))).state == MET


def test_an_exit_alone_meets_the_signer_requirements():
    p = peg(model="self-custody", unilateral_exit=fact("yes"))
    assert verdict("five-signers", p).state == MET
    assert verdict("independent-signers", p).state == MET
    assert verdict("five-signers", p).fields == ("unilateral_exit",)


def test_upgrades_none_meet_and_immediate_fail_both_windows():
    for requirement_id in ("exit-window-week", "exit-window-month"):
        assert verdict(requirement_id, peg(upgrades=fact("none"))).state == MET
        assert verdict(requirement_id, peg(upgrades=fact("immediate"))).state == NOT_MET


def test_not_needed_challenge_meets_both_challenge_requirements():
    p = peg(challenge=fact("not-needed"))
    assert verdict("one-honest-challenger", p).state == MET
    assert verdict("anyone-challenges", p).state == MET


def test_levels_are_cumulative():
    level1 = dict(signers=signers(7, 5, independent=7))
    level2 = dict(level1, challenge=fact("allow-list"), upgrades=fact("delayed", 14))
    assert rate_peg(peg()).level == 0
    assert rate_peg(peg(**level1)).level == 1
    assert rate_peg(peg(**level2)).level == 2
    # level 3's requirements met, but level 1's not: the level stays 0
    top = peg(model="self-custody", unilateral_exit=fact("yes"), challenge=fact("anyone"), upgrades=fact("none"))
    assert rate_peg(top).level == 3
    # level 3's requirements met, but level 1's not: the level stays 0
    assert rate_peg(dataclasses.replace(top, unilateral_exit=fact("no"))).level == 0
    # an operator who can move coins with a previous owner counts, despite the exit alone
    assert rate_peg(dataclasses.replace(top, signers=signers(1, 1))).level == 0


def test_pending_when_the_next_level_is_only_under_review():
    under_review = rate_peg(peg(signers=signers(15, 11)))
    assert under_review.level == 0 and under_review.pending
    blocked = rate_peg(peg(signers=signers(3, 2)))
    assert blocked.level == 0 and not blocked.pending
    assert [r.id for r, _ in blocked.next_steps] == ["five-signers", "independent-signers"]


def test_the_ladder_rates_the_first_peg(make_system):
    first = peg(signers=signers(7, 5, independent=7))
    system = make_system(custody=(first, peg()))
    result = rate(system)
    assert result.level == 1 and [p.level for p in result.pegs] == [1, 0]
    assert result.unmet == ()
    assert result.under_review == ("one-honest-challenger", "exit-window-week", "unilateral-exit",
                                   "anyone-challenges", "exit-window-month")


@pytest.mark.parametrize("change, reason", [
    ({"category": "ethereum-comparator"}, "comparator"),
    ({"status": "proposal"}, "proposal"),
    ({"status": "research"}, "proposal"),
    ({"status": "discontinued"}, "discontinued"),
    ({"custody": ()}, "no-custody"),
])
def test_where_the_ladder_does_not_fit(make_system, change, reason):
    result = rate(make_system(**change))
    assert result.not_applicable == reason and result.level is None
    assert result.unmet == () and result.under_review == ()
    assert reason in maturity.NOT_APPLICABLE


def test_export_schema_lists_exactly_the_requirements_and_reasons():
    schema = json.loads(EXPORT_SCHEMA.read_text())
    props = schema["properties"]["systems"]["items"]["properties"]["maturity"]["properties"]
    assert tuple(props["unmet"]["items"]["enum"]) == maturity.REQUIREMENT_IDS
    assert tuple(props["under_review"]["items"]["enum"]) == maturity.REQUIREMENT_IDS
    assert props["not_applicable"]["enum"] == [*maturity.NOT_APPLICABLE, None]
    assert props["level"]["maximum"] == maturity.TOP
