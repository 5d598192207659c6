"""The words for the trilemma, the risk scale, the key facts and a system's title, in one
place for every page and figure.

Reads the risk vocabulary, for the risk badges. Writes nothing. Corner names, the badges
of a corner's value, the names of the risk dimensions and of the key facts, and their
shorter forms (the comparison matrix's column headings, the rosette's wedge names) are
marked for translation here and translated where they are printed. The trilemma sentence
("keeps ...; gives up ...") is built here for system pages and for the triangle's text
version alike, and a risk badge ("◐ Medium risk") for every page and data file that shows
a rating.
"""
from __future__ import annotations

from markupsafe import Markup

from ..catalog import Catalog
from ..model import CORNERS
from ..ui import N_, _, fill
from .markdown import escape, text

CORNER_LABELS = {"shared_ledger": N_("Shared public ledger"), "open_membership": N_("Open membership"),
                 "no_new_token": N_("No new token")}
CORNER_BADGES = {"yes": N_("✔ Keeps it"), "partial": N_("◐ Partly"), "no": N_("✘ Gives it up")}
CELL = {"yes": N_("✔ Yes"), "partial": N_("◐ Partial"), "no": N_("✘ No")}
RISK_LEVELS = {"low": N_("● Low"), "medium": N_("◐ Medium"), "high": N_("○ High")}
DIMENSION_LABELS = {"custody": N_("BTC custody"), "data_availability": N_("Data availability"),
                    "operators": N_("Network operators"), "finality": N_("Finality and settlement"),
                    "user_burden": N_("User burden")}
KEY_FACT_LABELS = {"consensus": N_("Consensus / operators"), "execution": N_("Execution"),
                   "data_availability": N_("Data availability")}     # in page order
# Column headings: the same words, shorter where they are long
KEY_FACT_HEADINGS = {**KEY_FACT_LABELS, "consensus": N_("Consensus")}
CORNER_HEADINGS = {**CORNER_LABELS, "shared_ledger": N_("Shared ledger")}
DIMENSION_HEADINGS = {"custody": N_("Custody risk"), "data_availability": N_("Data risk"),
                      "operators": N_("Operator risk"), "finality": N_("Finality risk"),
                      "user_burden": DIMENSION_LABELS["user_burden"]}
# The rosette's wedge names: shorter still
DIMENSION_SHORT = {"custody": N_("Custody"), "data_availability": N_("Data"), "operators": N_("Operators"),
                   "finality": N_("Finality"), "user_burden": DIMENSION_LABELS["user_burden"]}


def system_title(system) -> str:
    """The name, with the local name beside it where readers use one (search ranks titles first)."""
    return fill(N_("{name} ({local})"), {"name": system.name, "local": system.local_name}, str, str) \
        if system.local_name else system.name


def corner_clauses(values) -> str:
    """'keeps shared public ledger and open membership; gives up no new token' for a
    (shared_ledger, open_membership, no_new_token) triple, in the current language."""
    clauses = []
    for value, template in (("yes", N_("keeps {corners}")), ("partial", N_("partly keeps {corners}")),
                            ("no", N_("gives up {corners}"))):
        names = [_(CORNER_LABELS[c]).lower() for c, v in zip(CORNERS, values) if v == value]
        if names:
            clauses.append(fill(template, {"corners": _(" and ").join(names)}, str, str))
    return _("; ").join(clauses)


def trilemma_sentence(system) -> str:
    clauses = corner_clauses(system.trilemma.values)
    return fill(N_("{name} {clauses}."), {"name": system.name, "clauses": clauses}, str, str)


def risk_badge(catalog: Catalog, rating: str) -> Markup:
    """'◐ Medium risk' as Markdown: the rating's symbol and name in the risk vocabulary."""
    term = catalog.vocabularies["risk"][rating]
    return Markup(f"{escape(term.symbol)} {text(term.name)}")


def risk_badge_text(catalog: Catalog, rating: str) -> str:
    """'◐ Medium risk' as plain text."""
    term = catalog.vocabularies["risk"][rating]
    return f"{term.symbol} {term.name}"
