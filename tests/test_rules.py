"""Every rule: one fixture it rejects, exactly as the user sees it, and one neighbouring
fixture it accepts.

Each case edits the two-entry fixture catalogue (tests/fixtures/base-entry.yaml and a
copy of it). `reject` must produce, for the rule's id, exactly the problem lines in
`expect`: each is what `check` prints after the file name (`line:col: severity [rule]
field: message`), and the file is the one `reject` names, relative to the catalogue.
`accept`, a small step away, must produce no problem with that id and no error at all.
A rule registered without a case, or a case without its expected lines, fails
test_every_rule_has_a_case.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from generator import catalog as catalog_module  # noqa: F401  (registers every rule)
from generator.catalog import check_catalog
from generator.load import MAX_BYTES
from generator.problems import RULES, Severity
from generator.rules import _site_key, fold, host_finding, iter_source_refs, iter_sourced, site_of, text_findings

from .conftest import TODAY, make_catalog

ENTRY = "projects/example-channels.yaml"
OTHER = "projects/other-system.yaml"
PO = "translations/zh/projects/example-channels.po"


PEG_RISK = "    risk: {rating: low, reason: Either party can exit alone., sources: [docs], reviewed: 2026-11-20}\n"


def peg_fact(key: str, values: str) -> str:
    """One of the ladder's facts on the fixture's peg, in flow style on one line."""
    return f"    {key}: {{{values}, reason: A reason., as_of: 2026-11-20, sources: [docs]}}\n"


@dataclass(frozen=True)
class Case:
    reject: Callable[[Path], str]   # edits the catalogue, returns the file the problem is in
    accept: Callable[[Path], str]
    expect: str | tuple[str, ...] = ()   # each problem of the rule, as printed after "file:"

    @property
    def expected(self) -> tuple[str, ...]:
        return (self.expect,) if isinstance(self.expect, str) else self.expect


def edit(old: str, new: str, file: str = ENTRY, count: int = 1):
    def apply(catalog: Path) -> str:
        path = catalog / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text not found: {old!r}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return file
    return apply


def edit_bytes(old: bytes, new: bytes, file: str = ENTRY):
    def apply(catalog: Path) -> str:
        path = catalog / file
        path.write_bytes(path.read_bytes().replace(old, new, 1))
        return file
    return apply


def edits(*steps):
    def apply(catalog: Path) -> str:
        return [step(catalog) for step in steps][0]
    return apply


def write(file: str, content: bytes):
    def apply(catalog: Path) -> str:
        (catalog / file).write_bytes(content)
        return file
    return apply


def rename(old: str, new: str, related: str | None = None):
    """Rename an entry, and its translation with it."""
    def apply(catalog: Path) -> str:
        os.rename(catalog / old, catalog / new)
        translations = catalog / "translations" / "zh"
        os.rename(translations / Path(old).with_suffix(".po"), translations / Path(new).with_suffix(".po"))
        if related:
            edit("related: [other-system]", f"related: [{related}]")(catalog)
        return new
    return apply


def unchanged(catalog: Path) -> str:
    return ENTRY


def reported_in(file: str, *steps):
    """Apply the steps; the problem is expected in `file` (say, the YAML for a PO edit)."""
    def apply(catalog: Path) -> str:
        for step in steps:
            step(catalog)
        return file
    return apply


def po_edit(old: str, new: str):
    return edit(old, new, file=PO)


ORPHAN = '\nmsgctxt "milestones[7].event"\nmsgid "Gone."\nmsgstr "没了。"\n'


def symlink(catalog: Path) -> str:
    os.symlink(catalog / ENTRY, catalog / "projects/linked.yaml")
    return "projects/linked.yaml"


def pad_to(size: int):
    def apply(catalog: Path) -> str:
        path = catalog / ENTRY
        text = path.read_bytes()
        path.write_bytes(text + b"#" * (size - len(text) - 1) + b"\n")
        return ENTRY
    return apply


BOMB = b"""# yaml-language-server: $schema=../schema/project.schema.json
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
"""
LONG = ("An example payment-channel network " + "that keeps going " * 12)[:199] + "."   # 200 characters
TOKEN = "token: {symbol: EXT, name: Example token, as_of: 2026-11-20, sources: [docs]}"
PARTIAL_TOKEN = """  no_new_token:
    value: partial"""

CASES: dict[str, Case] = {
    # YAML
    "yaml-syntax": Case(edit("name: Example Channels", "name: [Example Channels"),
                        edit("name: Example Channels", "name: '[Example Channels'"),
                        # the '[' opened on line 2 runs on until 'aliases:' on line 3, where libyaml gives up
                        expect="3:8: error [yaml-syntax] not valid YAML: while parsing a flow sequence "
                               "did not find expected ',' or ']'"),
    "yaml-duplicate-key": Case(edit("  as_of: 2026-11-20\n  shared_ledger:",
                                    "  as_of: 2026-11-20\n  as_of: 2026-11-21\n  shared_ledger:"),
                               unchanged,
                               expect="19:3: error [yaml-duplicate-key] duplicate key 'as_of' "
                                      "(first written on line 18); keep only one"),
    "yaml-tag": Case(edit("name: Example Channels", "name: !!python/object/apply:os.system [echo]"),
                     edit("name: Example Channels", "name: Example Channels  # !!python/object"),
                     expect="2:7: error [yaml-tag] the tag '!!python/object/apply:os.system' is not allowed; "
                            "remove it and write plain YAML"),
    "yaml-empty": Case(write(ENTRY, b"# yaml-language-server: $schema=../schema/project.schema.json\n"
                                    b"# nothing else\n"), unchanged,
                       expect="1:1: error [yaml-empty] is empty; a catalogue file holds one YAML mapping"),
    "yaml-encoding": Case(edit_bytes(b"Example Channels", "Example Channéls".encode("latin-1")),
                          edit_bytes(b"Example Channels", "Example Channéls".encode("utf-8")),
                          expect="2:20: error [yaml-encoding] is not valid UTF-8 (byte 0xe9); save it as UTF-8"),
    "yaml-too-large": Case(pad_to(MAX_BYTES + 1), pad_to(MAX_BYTES),
                           expect="1:1: error [yaml-too-large] is 262,145 bytes; the limit is 262,144"),
    "yaml-alias-limit": Case(write(ENTRY, BOMB),
                             edits(edit("  sources: [docs]\n\ntoken", "  sources: &docs [docs]\n\ntoken"),
                                   edit("execution: {value: payments-only, as_of: 2026-11-20, sources: [docs]}",
                                        "execution: {value: payments-only, as_of: 2026-11-20, sources: *docs}")),
                             # an alias shares its anchor's nodes, so the place is the first x under &a
                             expect="2:8: error [yaml-alias-limit] anchors and aliases expand to more than "
                                    "50,000 nodes; write the values out"),
    "yaml-key-type": Case(edit("reviewed: 2026-11-20", "reviewed: 2026-11-20\n[a, b]: list key"),
                          edit("reviewed: 2026-11-20", "'reviewed': 2026-11-20"),
                          expect="8:1: error [yaml-key-type] keys must be plain text"),
    "file-type": Case(symlink, unchanged,
                      expect="1:1: error [file-type] is a symbolic link; commit the file itself"),
    # Vocabularies
    "vocabulary-sync": Case(edit("  - id: beta\n    name: Mainnet beta\n    definition:", "  # beta\n    #",
                                 file="vocabularies/status.yaml"),
                            edit("name: Mainnet beta", "name: Beta on mainnet", file="vocabularies/status.yaml"),
                            expect="3:1: error [vocabulary-sync] values: define beta (the schema allows it)"),
    # Schema
    "unknown-key": Case(edit("announced:", "anounced:"), unchanged,
                        expect="50:1: error [unknown-key] anounced: unknown key 'anounced' "
                               "(did you mean 'announced'?)"),
    "too-many-problems": Case(edit("reviewed: 2026-11-20", "reviewed: 2026-11-20\n"
                                   + "".join(f"extra{i}: x\n" for i in range(120))), unchanged,
                              expect="1:1: error [too-many-problems] more than 100 schema problems; "
                                     "fix those listed, then check again"),
    "missing-field": Case(edit("website: https://example-channels.example.org/\n", ""), unchanged,
                          # the mapping that lacks the key starts at name:, on the line after the modeline
                          expect="2:1: error [missing-field] website: missing required key 'website' "
                                 "(The system's own website.)"),
    "empty-field": Case(edit("summary: An example payment-channel network used by the checker's tests.",
                             "summary:"), unchanged,
                        expect="5:1: error [empty-field] summary: is empty; write text "
                               "(One plain-text sentence, at most 200 characters, ending with a full stop.)"),
    "wrong-type": Case(edit("aliases: [EXC, Example Network]", "aliases: EXC"),
                       edit("aliases: [EXC, Example Network]", "aliases: [EXC]"),
                       expect="3:10: error [wrong-type] aliases: expected a list, found the text 'EXC' "
                              "(write it as a list: [EXC])"),
    "out-of-range": Case(edit(PEG_RISK, PEG_RISK + peg_fact("signers", "count: 0, threshold: 1")),
                         edit(PEG_RISK, PEG_RISK + peg_fact("signers", "count: 1, threshold: 1")),
                         expect="39:22: error [out-of-range] custody[0].signers.count: is 0; "
                                "the smallest allowed is 1"),
    "unknown-value": Case(edit("model: self-custody", "model: self-custodial"),
                          edit("model: self-custody", "model: shared-key-with-exit"),
                          expect="34:12: error [unknown-value] custody[0].model: the text 'self-custodial' "
                                 "is not a known BTC custody model (did you mean 'self-custody'?)"),
    "too-long": Case(edit("An example payment-channel network used by the checker's tests.", "A" + LONG),
                     edit("An example payment-channel network used by the checker's tests.", LONG),
                     expect="5:10: error [too-long] summary: has 201 characters; the limit is 200"),
    "too-short": Case(edit("An example payment-channel network used by the checker's tests.", "Too short."),
                      edit("An example payment-channel network used by the checker's tests.",
                           "Just long enough now."),
                      expect="5:10: error [too-short] summary: has 10 characters; write at least 20"),
    "duplicate-item": Case(edit("aliases: [EXC, Example Network]", "aliases: [EXC, EXC]"),
                           edit("aliases: [EXC, Example Network]", "aliases: [EXC, EXC2]"),
                           expect="3:16: error [duplicate-item] aliases[1]: the text 'EXC' is already in "
                                  "this list; remove the repeat"),
    "slug-format": Case(edit("related: [other-system]", "related: [Other_System]"), unchanged,
                        expect="65:11: error [slug-format] related[0]: 'Other_System' is not a slug; use "
                               "lower-case ASCII words joined by single hyphens, such as federated-sidechain"),
    "date-format": Case(edit("reviewed: 2026-11-20", "reviewed: 2026-02-30"),
                        edit("reviewed: 2026-11-20", "reviewed: 2026-02-28"),
                        expect="7:11: error [date-format] reviewed: '2026-02-30' is not a real ISO 8601 date; "
                               "write YYYY-MM-DD (or YYYY-MM, or YYYY, when only that is known)"),
    "url-format": Case(edit("url: https://example-channels.example.org/docs", "url: javascript:alert(1)"),
                       edit("url: https://example-channels.example.org/docs",
                            "url: https://example-channels.example.org/docs?q=alert(1)"),
                       expect="70:10: error [url-format] sources[0].url: 'javascript:alert(1)' is not a web "
                              "address; give an https:// URL"),
    "token-symbol": Case(edits(edit("token: null", TOKEN.replace("EXT", "ext")),
                               edit("  no_new_token:\n    value: yes", PARTIAL_TOKEN)),
                         edits(edit("token: null", TOKEN), edit("  no_new_token:\n    value: yes", PARTIAL_TOKEN)),
                         expect="15:17: error [token-symbol] token.symbol: 'ext' is not a token symbol; "
                                "write 1 to 10 capital letters or digits"),
    "text-single-line": Case(edit("name: Example Channels", 'name: "Example\\nChannels"'),
                             edit("name: Example Channels", 'name: "Example\\u0020Channels"'),
                             expect="2:7: error [text-single-line] name: must fit on one line: "
                                    "remove the line breaks and tabs"),
    # Identity
    "file-slug": Case(rename(OTHER, "projects/Other_System.yaml", related="Other_System"), unchanged,
                      expect="1:1: error [file-slug] the file name 'Other_System' is not a slug; rename it to "
                             "lower-case ASCII words joined by single hyphens, such as my-system.yaml"),
    "reserved-slug": Case(rename(OTHER, "projects/index.yaml", related="index"),
                          rename(OTHER, "projects/index-of-things.yaml", related="index-of-things"),
                          expect="1:1: error [reserved-slug] 'index' is reserved (it would clash with a "
                                 "generated page or a device name); choose another file name"),
    "modeline": Case(edit("# yaml-language-server: $schema=../schema/project.schema.json\n", ""), unchanged,
                     expect="1:1: error [modeline] the first line must be exactly: "
                            "# yaml-language-server: $schema=../schema/project.schema.json"),
    "duplicate-name": Case(edit("aliases: [OTS]", "aliases: [OTS, example  CHANNELS]", file=OTHER),
                           edit("aliases: [OTS]", "aliases: [OTS, Example Channels Two]", file=OTHER),
                           expect="3:16: error [duplicate-name] aliases[1]: 'example  CHANNELS' is already a "
                                  "name of projects/example-channels.yaml (Example Channels); "
                                  "names and aliases must be unique"),
    "confusable-name": Case(edit("aliases: [OTS]", "aliases: [OTS, Exаmple Channels]", file=OTHER),
                            edit("aliases: [OTS]", "aliases: [OTS, Example Channel]", file=OTHER),
                            expect=("3:16: error [confusable-name] aliases[1]: 'Ex\\u0430mple Channels' looks "
                                    "like 'Example Channels' in projects/example-channels.yaml; "
                                    "use a name readers can tell apart",
                                    "3:16: error [confusable-name] aliases[1]: 'Ex\\u0430mple Channels' mixes "
                                    "letters from CYRILLIC, LATIN scripts; write it in one script")),
    "duplicate-website": Case(edit("website: https://other-system.example.org/",
                                   "website: https://WWW.example-channels.example.org", file=OTHER),
                              edit("website: https://other-system.example.org/",
                                   "website: https://example-channels.example.org/other", file=OTHER),
                              expect="6:10: error [duplicate-website] website: "
                                     "https://WWW.example-channels.example.org is already the website of "
                                     "projects/example-channels.yaml; give this entry its own page"),
    # Text (a text rule points at the start of the text, not at the character inside it)
    "invisible-char": Case(edit("name: Example Channels", "name: Example\u202eChannels"),
                           edit("name: Example Channels", "name: Example\u00a0Channels"),
                           expect="2:7: error [invisible-char] name: contains the invisible character U+202E "
                                  "(RIGHT-TO-LEFT OVERRIDE); delete it"),
    "raw-html": Case(edit("reason: Payments are made in BTC.", "reason: Payments <script>alert(1)</script>"),
                     edit("reason: Payments are made in BTC.", "reason: Payments are made in BTC, 1 < 2."),
                     expect="29:13: error [raw-html] trilemma.no_new_token.reason: contains HTML ('<s'); "
                            "write plain text"),
    "todo-placeholder": Case(edit("reason: Payments are made in BTC.", "reason: TODO why"),
                             edit("reason: Payments are made in BTC.", "reason: Payments need no todo list."),
                             expect="29:13: error [todo-placeholder] trilemma.no_new_token.reason: "
                                    "still says TODO; fill it in"),
    "summary-sentence": Case(edit("used by the checker's tests.", "used by tests. It is fake."),
                             edit("used by the checker's tests.", "used by tests, i.e. a fake one."),
                             expect="5:10: error [summary-sentence] summary: holds more than one sentence; "
                                    "keep the first"),
    # Trilemma
    "trilemma-family": Case(edit("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: yes"),
                            edit("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: partial"),
                            expect="20:12: error [trilemma-family] trilemma.shared_ledger.value: the category "
                                   "off-chain-network gives up shared_ledger, so it cannot be yes; "
                                   "write partial or no, or change the category"),
    "trilemma-token": Case(edit("token: null", TOKEN),
                           edits(edit("token: null", TOKEN), edit("  no_new_token:\n    value: yes", PARTIAL_TOKEN)),
                           expect="28:12: error [trilemma-token] trilemma.no_new_token.value: the entry has the "
                                  "token EXT, so no_new_token cannot be yes; write no (or partial), "
                                  "or set token: null"),
    "trilemma-all-yes": Case(edits(edit("category: off-chain-network", "category: rollup"),
                                   edit("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: yes")),
                             edits(edit("category: off-chain-network", "category: rollup"),
                                   edit("  shared_ledger:\n    value: no", "  shared_ledger:\n    value: partial")),
                             expect="17:1: error [trilemma-all-yes] trilemma: claims all three corners; "
                                    "at least one must be partial or no"),
    # References
    "unknown-source": Case(edit("  value: live\n  since: 2021-03\n  as_of: 2026-11-20\n  sources: [docs]",
                                "  value: live\n  since: 2021-03\n  as_of: 2026-11-20\n  sources: [dosc]"),
                           unchanged,
                           expect="13:13: error [unknown-source] status.sources[0]: cites 'dosc', which is not "
                                  "under sources (did you mean 'docs'?)"),
    "unused-source": Case(edit("sources:\n  - id: docs", "sources:\n  - {id: extra, title: Extra, "
                               "url: 'https://example-channels.example.org/x', accessed: 2026-11-20, kind: primary}"
                               "\n  - id: docs"), unchanged,
                          expect="68:10: warning [unused-source] sources[0].id: 'extra' is not cited by any fact; "
                                 "cite it or remove it"),
    "duplicate-source-id": Case(edit("  - id: spec", "  - id: docs"), unchanged,
                                expect="73:9: error [duplicate-source-id] sources[1].id: 'docs' is used by an "
                                       "earlier source; give each source its own id"),
    "unsourced": Case(edit("consensus: {value: channel-parties, as_of: 2026-11-20, sources: [docs]}",
                           "consensus: {value: channel-parties, as_of: 2026-11-20, sources: []}"),
                      edit("consensus: {value: channel-parties, as_of: 2026-11-20, sources: [docs]}",
                           "consensus: {value: unconfirmed, as_of: 2026-11-20, sources: []}"),
                      expect="40:65: error [unsourced] consensus.sources: cites no source; "
                             "add the id of a source that supports it"),
    "unknown-related": Case(edit("related: [other-system]", "related: [example-channels]"), unchanged,
                            expect="65:11: error [unknown-related] related[0]: points at the entry itself; "
                                   "remove it"),
    "source-host": Case(edit("url: https://example-channels.example.org/docs",
                             "url: https://mirror.example.net/github.com/example/channels"),
                        edit("url: https://example-channels.example.org/docs",
                             "url: https://github.com/example/channels"),
                        expect="70:10: warning [source-host] sources[0].url: 'https://mirror.example.net/...' "
                               "republishes another site's page: it embeds https://github.com/example/channels; "
                               "cite that address instead"),
    # Glossary
    "glossary-term": Case(edit("  - term: channel", "  - term: <b>channel</b>", file="glossary.yaml"),
                          edit("  - term: channel", "  - term: payment-channel", file="glossary.yaml"),
                          expect="4:11: error [glossary-term] terms[0].term: '<b>channel</b>' cannot be a glossary "
                                 "term; use letters, digits, spaces, hyphens, dots, slashes and apostrophes"),
    "glossary-duplicate": Case(edit("[payment channel]", "[Channel]", file="glossary.yaml"),
                               edit("[payment channel]", "[channels]", file="glossary.yaml"),
                               expect="5:15: error [glossary-duplicate] terms[0].aliases[0]: 'Channel' is already "
                                      "defined as 'channel'; merge the two"),
    "glossary-reference": Case(edit("see: [example-channels]", "see: [example-chanels]", file="glossary.yaml"),
                               edit("see: [example-channels]", "see: [other-system]", file="glossary.yaml"),
                               expect="7:11: error [glossary-reference] terms[0].see[0]: 'example-chanels' is not "
                                      "an entry in catalog/projects/ (did you mean 'example-channels'?)"),
    # Maturity (the added fact is line 39, after the peg's risk on line 38)
    "peg-model": Case(edit(PEG_RISK, PEG_RISK + peg_fact("unilateral_exit", "value: no")),
                      edit(PEG_RISK, PEG_RISK + peg_fact("unilateral_exit", "value: yes")),
                      expect="39:30: error [peg-model] custody[0].unilateral_exit.value: the model self-custody "
                             "means unilateral_exit is yes; change one of the two"),
    "peg-rating": Case(edits(edit("model: self-custody", "model: federated-multisig"),
                             edit(PEG_RISK, PEG_RISK + peg_fact("unilateral_exit", "value: no")
                                  + peg_fact("challenge", "value: nobody"))),
                       edits(edit("model: self-custody", "model: federated-multisig"),
                             edit(PEG_RISK, PEG_RISK.replace("rating: low", "rating: high")
                                  + peg_fact("unilateral_exit", "value: no") + peg_fact("challenge", "value: nobody"))),
                       expect="38:20: error [peg-rating] custody[0].risk.rating: low custody risk needs users who "
                              "can exit alone or a challenge anyone may make, but unilateral_exit is no and "
                              "challenge is nobody; rate it medium or high, or correct those fields"),
    "signer-numbers": Case(edit(PEG_RISK, PEG_RISK + peg_fact("signers", "count: 3, threshold: 4")),
                           edit(PEG_RISK, PEG_RISK + peg_fact("signers", "count: 3, threshold: 2")),
                           expect="39:36: error [signer-numbers] custody[0].signers.threshold: threshold 4 is more "
                                  "than count 3"),
    "upgrade-window": Case(edit(PEG_RISK, PEG_RISK + peg_fact("upgrades", "value: delayed")),
                           edit(PEG_RISK, PEG_RISK + peg_fact("upgrades", "value: delayed, exit_window_days: 7")),
                           expect="39:23: error [upgrade-window] custody[0].upgrades.value: delayed upgrades need "
                                  "exit_window_days: the days users have to leave before a change takes effect"),
    # Dates
    "date-future": Case(edit("  - {date: 2021-03-01, event: Mainnet launch., sources: [docs]}",
                             "  - {date: 2027-01, event: Mainnet launch., sources: [docs]}"),
                        edit("  - {date: 2021-03-01, event: Mainnet launch., sources: [docs]}",
                             "  - {date: 2026-12, event: Mainnet launch., sources: [docs]}"),
                        expect="63:12: error [date-future] milestones[1].date: 2027-01 is after today "
                               "(2026-12-02); record only what has happened"),
    "date-order": Case(edit("announced: {date: 2020-06, sources: [docs]}", "announced: {date: 2021-04, sources: [docs]}"),
                       edit("announced: {date: 2020-06, sources: [docs]}", "announced: {date: 2021-03, sources: [docs]}"),
                       expect="51:18: error [date-order] launched.date: launched 2021-03-01 is before "
                              "announced 2021-04"),
    "stale-fact": Case(edit("    as_of: 2026-10\n", "    as_of: 2025-04\n"),
                       edit("    as_of: 2026-10\n", "    as_of: 2025-06\n"),
                       expect="56:12: warning [stale-fact] figures[0].as_of: as_of 2025-04 is more than 18 months "
                              "old; check the fact again and update as_of"),
    # Translations (catalog/translations/zh/...: the fixture's translations copy the English; an entry is
    # located at its msgstr, on line 93 for milestones[1].event, 78 for figures[0].value, 43 for custody[0].detail)
    "translation-missing": Case(reported_in(ENTRY, po_edit('msgstr "Mainnet launch."', 'msgstr ""')),
                                po_edit('msgstr "Mainnet launch."', 'msgstr "主网上线。"'),
                                expect="63:31: warning [translation-missing] milestones[1].event: has no zh "
                                       "translation yet (translations/zh/projects/example-channels.po; "
                                       "`make translations` adds an empty entry to fill in)"),
    "translation-stale": Case(edit("event: Mainnet launch.", "event: Mainnet opened."),
                              edits(edit("event: Mainnet launch.", "event: Mainnet opened."),
                                    po_edit('msgid "Mainnet launch."\nmsgstr "Mainnet launch."',
                                            'msgid "Mainnet opened."\nmsgstr "主网开放。"')),
                              expect="63:31: warning [translation-stale] milestones[1].event: changed since its zh "
                                     "translation was made (translations/zh/projects/example-channels.po:93); the "
                                     "site shows the English until the translation is updated and its fuzzy flag "
                                     "removed"),
    "translation-orphan": Case(po_edit('msgstr "Mainnet launch."\n', 'msgstr "Mainnet launch."\n' + ORPHAN),
                               unchanged,
                               # the orphan's msgctxt is line 95, its msgstr line 97
                               expect="97:1: error [translation-orphan] milestones[7].event: translates a field "
                                      "that projects/example-channels.yaml no longer has; "
                                      "run `make translations` to retire it"),
    "translation-numbers": Case(po_edit('msgstr "about 100"', 'msgstr "约 1000"'),
                                po_edit('msgstr "about 100"', 'msgstr "约 100"'),
                                expect="78:9: error [translation-numbers] figures[0].value: numbers differ from the "
                                       "English: missing 100; has 1000 that the English does not"),
    "translation-markup": Case(po_edit('msgstr "about 100"', 'msgstr "约 100 {count}"'),
                               po_edit('msgstr "about 100"', 'msgstr "约 100（count）"'),
                               expect="78:9: error [translation-markup] figures[0].value: placeholders differ from "
                                      "the English: has {count} that the English does not"),
    "translation-typography": Case(po_edit('msgstr "Mainnet launch."', 'msgstr "主网上线."'),
                                   po_edit('msgstr "Mainnet launch."', 'msgstr "主网上线。"'),
                                   # the '.' itself: msgstr "主网上线. (four characters after the quote)
                                   expect="93:13: error [translation-typography] milestones[1].event: use the "
                                          "full-width '。' instead of '.' in Chinese prose"),
    "translation-term": Case(po_edit('msgstr "Each party can close the channel alone."', 'msgstr "每一方都可以独自关闭它。"'),
                             po_edit('msgstr "Each party can close the channel alone."', 'msgstr "每一方都可以独自关闭通道。"'),
                             expect="43:9: warning [translation-term] custody[0].detail: 'channel' is translated as "
                                    "'通道' everywhere (glossary)"),
    "po-syntax": Case(po_edit('msgstr "Mainnet launch."', 'msgstr "Mainnet launch.'), unchanged,
                      # the opening quote of the string that never closes
                      expect="93:8: error [po-syntax] expected a string in double quotes"),
}


@pytest.fixture
def fresh(tmp_path):
    return make_catalog(tmp_path)


def test_every_rule_has_a_case():
    assert sorted(RULES) == sorted(CASES), "every registered rule needs a reject/accept case"
    assert [rule_id for rule_id, case in CASES.items() if not case.expected] == [], \
        "every case needs the problem lines it expects"


def test_base_fixture_is_clean(fresh):
    result = check_catalog(fresh, TODAY)
    assert result.problems == ()
    assert result.catalog is not None and len(result.catalog.systems) == 2


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_rejects_with_the_exact_place_and_message(rule_id, fresh, monkeypatch):
    case = CASES[rule_id]
    file = case.reject(fresh)
    monkeypatch.chdir(fresh)   # paths print relative to the working directory: here, the catalogue
    result = check_catalog(fresh, TODAY)
    found = [p.format() for p in result.problems if p.rule == rule_id]
    assert found == [f"{file}:{line}" for line in case.expected], \
        f"all problems: {[p.format() for p in result.problems]}"
    if RULES[rule_id].severity is Severity.ERROR:
        assert result.catalog is None


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_accepts_neighbour(rule_id, fresh):
    CASES[rule_id].accept(fresh)
    result = check_catalog(fresh, TODAY)
    assert not [p for p in result.problems if p.rule == rule_id]
    assert result.errors == 0, [p.format() for p in result.problems]


@pytest.mark.parametrize("url, expected", [
    # per-deployment previews
    ("https://l2beat-frontend2-staging-h2g2vsbut-l2beat.vercel.app/scaling/projects/bob",
     "'https://l2beat-frontend2-staging-h2g2vsbut-l2beat.vercel.app/...' is a Vercel deployment preview; "
     "cite the publisher's own address (the same page on its own domain)"),
    ("https://docs-git-fix-typo-acme.vercel.app/guide", "is a Vercel deployment preview;"),
    ("https://finwiki-lemon.vercel.app/en/fintech/cbbtc/",
     "is hosted on Vercel's deployment domain (vercel.app), not on its publisher's own; "
     "cite the publisher's own address"),
    ("https://deploy-preview-412--bitcoinops.netlify.app/en/newsletters/", "is a Netlify deploy preview;"),
    ("https://6543a1b2c3d4e5f6a7b8c9d0--bitcoinops.netlify.app/", "is a Netlify deploy preview;"),
    ("https://a1b2c3d4.bitcoin-institute.pages.dev/entries/", "is a Cloudflare Pages preview;"),
    ("https://fix-nav.bitcoin-institute.pages.dev/", "is a Cloudflare Pages preview;"),
    ("https://docs--pr12-x1y2z3.web.app/", "is a Firebase preview channel;"),
    # staging, preview and development servers
    ("https://fe-staging.l2beat.com/scaling/projects/hemi",
     "'https://fe-staging.l2beat.com/...' is a staging server; cite the same page on the publisher's "
     "production site (l2beat.com)"),
    ("https://staging.docs.example.com/x", "is a staging server; cite the same page on the publisher's "
                                           "production site (example.com)"),
    ("https://staging-api.example.co.uk/v1", "production site (example.co.uk)"),
    ("https://stage.gobob.xyz/", "is a staging server;"),
    ("https://preview.docs.example.com/", "is a preview server;"),
    ("https://app.dev.example.com/", "is a development server;"),
    ("https://docs-dev.example.com/", "is a development server;"),
    # republishers that embed or mirror another site's address
    ("https://geeksrepos.com/rsksmart/rsk-powhsm",
     "'https://geeksrepos.com/...' republishes another site's page: it mirrors "
     "https://github.com/rsksmart/rsk-powhsm; cite that address instead"),
    ("https://bbapi.viigoo.eu.org/en/square/post/23950471111226",
     "it mirrors https://www.binance.com/en/square/post/23950471111226;"),
    ("https://gitmirror.example/github.com/rsksmart/rsk-powhsm/blob/master/README.md",
     "it embeds https://github.com/rsksmart/rsk-powhsm;"),
    ("https://mirror.example/https://blog.foo.com/post/1", "it embeds https://blog.foo.com/post/1;"),
    ("https://reader.example/view?url=https%3A%2F%2Fblog.foo.com%2Fpost%2F1&x=1",
     "it embeds https://blog.foo.com/post/1;"),
    ("https://reader.example/view?u=https%253A%252F%252Fblog.foo.com%252Fa", "it embeds https://blog.foo.com/a;"),
    ("https://www.ibitcoin.sk/2023/10/09/35559_https-bitcoinmagazine-com-technical-the-big-deal-with-bitvm/",
     "it embeds an address on bitcoinmagazine.com; cite the page on bitcoinmagazine.com instead"),
    ("https://news.example/2024/https-www-coindesk-com-markets-2024-01-01-story/", "an address on www.coindesk.com;"),
])
def test_host_finding_flags(url, expected):
    finding = host_finding(url)
    assert finding is not None and expected in finding, finding


@pytest.mark.parametrize("url", [
    "https://l2beat.com/scaling/projects/hemi",
    "https://www.l2beat.com/scaling/projects/bob",
    "https://developer.bitcoin.org/devguide/",            # 'developer' is not 'dev'
    "https://web.dev/articles/vitals",                    # a .dev domain
    "https://zenn.dev/someone/articles/abc",
    "https://research.rsk.dev/",
    "https://dev.rootstock.io/concepts/powpeg/",          # a leading dev label is a developer portal
    "https://devcon.org/en/",
    "https://devs.example.com/",
    "https://backstage.example.com/",
    "https://bitcoin-institute.pages.dev/entries/aftermath/",   # a Pages production site
    "https://bitcoinops.netlify.app/",                    # a Netlify production site
    "https://github.com/rsksmart/rsk-powhsm",
    "https://gist.github.com/someone/abc123",
    "https://raw.githubusercontent.com/OffchainLabs/bold/main/docs/ARCHITECTURE.md",
    "https://pkg.go.dev/github.com/lightningnetwork/lnd",  # a module path, not a mirror
    "https://web.archive.org/web/2023/https://bitcoinmagazine.com/technical/x",   # an archive, openly a copy
    "https://offchain.medium.com/mainnet-for-everyone-27ce0f67c85e?ref=bankless.ghost.io",   # no scheme
    "https://medium.com/m/global-identity?redirectUrl=https%3A%2F%2Foffchain.medium.com%2Fx",   # same site
    "https://www.tradingview.com/news/the_block:56d60bfad094b:0-ark-labs-launches/",
    "https://bitcoinmagazine.com/technical/https-everywhere-com-guide",   # a title, not an address
    "https://docs.stacks.co/concepts/sbtc",
])
def test_host_finding_accepts(url):
    assert host_finding(url) is None


@pytest.mark.parametrize("url, expected", [
    ("https://stage.gobob.xyz", "'https://stage.gobob.xyz/' is a staging server;"),        # no path: shown bare
    ("https://stage.gobob.xyz/", "'https://stage.gobob.xyz/' is a staging server;"),
    ("https://stage.gobob.xyz/?x=1", "'https://stage.gobob.xyz/...' is a staging server;"),
    ("https://STAGE.Gobob.XYZ./docs", "'https://stage.gobob.xyz/...' is a staging server; cite the same page "
                                      "on the publisher's production site (gobob.xyz)"),
    ("https://stage.gobob.xyz:8443/docs", "'https://stage.gobob.xyz/...' is a staging server;"),
    ("https://stage.gobob.xyz#top", "'https://stage.gobob.xyz/...' is a staging server;"),
    ("https://stage.gobob.xyz/X", "'https://stage.gobob.xyz/...' is a staging server;"),
    ("https://stage.news.bbc.co.uk/x", "'https://stage.news.bbc.co.uk/...' is a staging server; cite the same page "
                                       "on the publisher's production site (bbc.co.uk)"),
])
def test_host_finding_shows_the_host_it_judged(url, expected):
    finding = host_finding(url)
    assert finding is not None and finding.startswith(expected), finding


@pytest.mark.parametrize("host, site", [
    ("docs.example.com", "example.com"), ("example.com", "example.com"),
    ("bbc.co.uk", "bbc.co.uk"), ("news.bbc.co.uk", "bbc.co.uk"), ("a.news.bbc.co.uk", "bbc.co.uk"),
])
def test_site_of(host, site):
    assert site_of(host) == site


@pytest.mark.parametrize("first, second", [
    ("https://example.org/a", "https://EXAMPLE.org/a/"),
    ("https://example.org/a", "https://www.example.org/a?ref=x"),
    ("https://example.org/a", "https://example.org/a#top"),
    ("https://example.org/", "https://example.org"),
])
def test_one_website_written_two_ways_is_a_duplicate(first, second):
    assert _site_key(first) == _site_key(second)


@pytest.mark.parametrize("first, second", [
    ("https://example.org/a", "https://example.org/b"),
    ("https://example.org/a", "https://example.org/A"),        # paths are case-sensitive
    ("https://docs.example.org/", "https://example.org/docs"),
    ("https://example.org/aX", "https://example.org/a"),
    ("https://a.example.org/r/https://b.example.org", "https://b.example.org"),   # an address inside another
])
def test_different_websites_are_not_duplicates(first, second):
    assert _site_key(first) != _site_key(second)


def test_every_cited_source_is_found_with_its_place():
    data = {"status": {"value": "live", "sources": ["a"]},
            "trilemma": {"shared_ledger": {"value": "no", "sources": ["b", "c"]}},
            "custody": [{"name": "Peg", "sources": ["d"], "risk": {"rating": "low", "sources": ["e"]}}],
            "sources": [{"id": "a"}, {"id": "b"}]}
    assert list(iter_source_refs(data)) == [
        (("status", "sources", 0), "a"), (("trilemma", "shared_ledger", "sources", 0), "b"),
        (("trilemma", "shared_ledger", "sources", 1), "c"), (("custody", 0, "sources", 0), "d"),
        (("custody", 0, "risk", "sources", 0), "e")]
    assert [path for path, _ in iter_sourced(data)] == [
        ("status",), ("trilemma", "shared_ledger"), ("custody", 0), ("custody", 0, "risk")]


def test_a_placeholder_is_reported_once(fresh):
    edit("launched: {date: 2021-03-01", "launched: {date: TODO")(fresh)
    result = check_catalog(fresh, TODAY)
    assert [p.format() for p in result.problems if p.severity is Severity.ERROR] == [
        f"{fresh / ENTRY}:51:18: error [todo-placeholder] launched.date: still says TODO; fill it in"]


def test_a_clash_of_names_points_at_the_name(fresh):
    edit("name: Other System", "name: Example Channels", file=OTHER)(fresh)
    result = check_catalog(fresh, TODAY)
    assert [p.format() for p in result.problems if p.rule == "duplicate-name"] == [
        f"{fresh / OTHER}:2:7: error [duplicate-name] name: 'Example Channels' is already a name of "
        f"{fresh / ENTRY} (Example Channels); names and aliases must be unique"]


def _errors(result, rule_id: str) -> list[str]:
    return [p.format() for p in result.problems if p.rule == rule_id]


@pytest.mark.parametrize("url, expected", [
    ("https://stage-api.example.com/", "is a staging server;"),       # a stage word leading a label
    ("https://api-preview.example.com/", "is a preview server;"),     # ... or ending it
    ("https://api-develop.example.com/", "is a development server;"),
    ("https://api-development.example.com/", "is a development server;"),
    ("https://app-h2g2vsbut-team.vercel.app/docs", "is a Vercel deployment preview;"),   # a deployment's hash
    ("https://myapp-staging.vercel.app/", "is a Vercel deployment preview;"),
    ("https://myapp--pr12-abc.firebaseapp.com/", "is a Firebase preview channel;"),
    ("https://geeksrepos.com/rsksmart/rsk-powhsm/?tab=readme#top", "it mirrors https://github.com/rsksmart/rsk-powhsm;"),
    ("https://mirror.example/https://blog.foo.com/post/1/", "it embeds https://blog.foo.com/post/1; cite"),
    ("https://mirror.example/https://blog.foo.com/postX", "it embeds https://blog.foo.com/postX; cite"),
    ("https://geeksrepos.com/rsksmart/rsk-powhsm#readme", "it mirrors https://github.com/rsksmart/rsk-powhsm;"),
    ("https://geeksrepos.com/rsksmart/rsk-powhsmX", "it mirrors https://github.com/rsksmart/rsk-powhsmX;"),
    ("https://reader.example/view?url=https://blog.foo.com", "it embeds https://blog.foo.com; cite"),
])
def test_host_finding_names_the_kind_of_host(url, expected):
    finding = host_finding(url)
    assert finding is not None and expected in finding, finding


@pytest.mark.parametrize("url", [
    "https://myapp.firebaseapp.com/",              # a Firebase production site
    "https://my-dev-site.example.com/",            # dev inside a name, not ending it
    "https://x--y.example.com/",                   # a double hyphen alone is no preview channel
    "https://archive.ph/2024.01.01/https://blog.foo.com/post",    # an archive, openly a copy
    "https://wayback.archive.org/web/2023/https://blog.foo.com/x",
])
def test_host_finding_accepts_these_too(url):
    assert host_finding(url) is None


def test_a_file_that_is_not_yaml_is_named(fresh):
    (fresh / "projects/notes.txt").write_text("not an entry\n")
    assert _errors(check_catalog(fresh, TODAY), "file-slug") == [
        f"{fresh}/projects/notes.txt:1:1: error [file-slug] catalogue entries end in .yaml"]


@pytest.mark.parametrize("length, ok", [(64, True), (65, False)])
def test_a_slug_has_at_most_64_characters(fresh, length, ok):
    slug = ("a" * 30 + "-" + "b" * 40)[:length]
    rename(OTHER, f"projects/{slug}.yaml", related=slug)(fresh)
    assert bool(_errors(check_catalog(fresh, TODAY), "file-slug")) is not ok


def test_the_modeline_may_end_a_crlf_line_but_not_with_spaces(fresh):
    path = fresh / ENTRY
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _errors(check_catalog(fresh, TODAY), "modeline") == []
    path.write_bytes(path.read_bytes().replace(b".json\r\n", b".json  \r\n", 1))
    assert _errors(check_catalog(fresh, TODAY), "modeline") == [
        f"{fresh / ENTRY}:1:1: error [modeline] the first line must be exactly: "
        "# yaml-language-server: $schema=../schema/project.schema.json"]


def test_a_control_character_is_named_as_such(fresh):
    edit("reason: Payments are made in BTC.", 'reason: "Payments are made\\a in BTC."')(fresh)
    [found] = _errors(check_catalog(fresh, TODAY), "invisible-char")
    assert found.endswith("trilemma.no_new_token.reason: contains the invisible character U+0007 "
                          "(control character); delete it")


def test_an_address_may_hold_an_entity_like_text(fresh):
    edit("url: https://example-channels.example.org/docs", "url: https://example-channels.example.org/docs?a=1&lt;b")(fresh)
    edit("website: https://example-channels.example.org/", "website: https://example-channels.example.org/?x&amp;")(fresh)
    result = check_catalog(fresh, TODAY)
    assert _errors(result, "raw-html") == [] and result.errors == 0, [p.format() for p in result.problems]


def test_an_accent_does_not_hide_a_lookalike_name(fresh):
    edit("aliases: [OTS]", "aliases: [OTS, Exämple Channels]", file=OTHER)(fresh)
    assert _errors(check_catalog(fresh, TODAY), "confusable-name") == [
        f"{fresh / OTHER}:3:16: error [confusable-name] aliases[1]: 'Ex\\xe4mple Channels' looks like "
        f"'Example Channels' in {fresh / ENTRY}; use a name readers can tell apart"]


def test_a_glossary_duplicate_points_at_the_term_or_the_alias(fresh):
    glossary = fresh / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "  - term: Payment Channel\n    definition: Defined again.\n"
                        "  - term: bridge\n    aliases: [CHANNEL]\n    definition: Defined again.\n")
    assert _errors(check_catalog(fresh, TODAY), "glossary-duplicate") == [
        f"{glossary}:8:11: error [glossary-duplicate] terms[1].term: 'Payment Channel' is already defined as "
        "'payment channel'; merge the two",
        f"{glossary}:11:15: error [glossary-duplicate] terms[2].aliases[0]: 'CHANNEL' is already defined as "
        "'channel'; merge the two"]


def test_an_entry_lets_go_of_what_only_its_rules_needed(fresh):
    from generator.load import load_file
    from generator.model import build_system
    from generator.rules import Entry
    doc = load_file(fresh / ENTRY, ENTRY)[0]
    entry = Entry(build_system("example-channels", ENTRY, doc.data), doc)
    assert entry.source_refs and entry.dates and doc.strings and doc.root
    entry.release()
    assert not {"source_refs", "dates"} & set(entry.__dict__) and not {"strings", "root"} & set(doc.__dict__)


def test_names_are_folded_for_case_spacing_and_width():
    assert fold("Example Channels") == fold("example  channels") == fold("ExampleChannels") == fold("ＥｘａｍｐｌｅＣｈａｎｎｅｌｓ")
    assert fold("Example Channels") != fold("Example Channel")


def test_two_addresses_inside_one_path_are_told_apart():
    assert _site_key("https://a.example.org/r/https://b.example.org") != \
        _site_key("https://a.example.org/r/https://c.example.org")


def test_only_a_whole_word_todo_is_a_placeholder(fresh):
    edit("reason: Payments are made in BTC.", "reason: Payments are made in BTC (see TODOS).")(fresh)
    result = check_catalog(fresh, TODAY)
    assert [p.format() for p in result.problems if p.rule == "todo-placeholder"] == []


def test_text_outside_addresses_is_checked_for_html():
    assert [(found.id, message) for found, message in text_findings("a <b>bold</b> claim")] == [
        ("raw-html", "contains HTML ('<b'); write plain text")]
    assert text_findings("https://example.org/?a=1&amp;b", url=True) == []
