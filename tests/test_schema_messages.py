"""What a contributor reads for each kind of schema problem: the exact place and message.

Each case edits the fixture entry (tests/fixtures/base-entry.yaml) and runs the schema
stage alone (the compiled schema, then the explainer), as `check` does for an entry; the
problems are compared as `check` prints them after the file name."""
from __future__ import annotations

import functools
import json

import pytest
import yaml

from generator.catalog import VALUE_CHECKS
from generator.load import parse_bytes
from generator.schema import compile_schema
from generator.validate import MAX_PER_FILE, Explainer
from generator.vocab import enums_by_vocabulary, vocabulary_path

from .conftest import BASE, CATALOG

FILE = "example-channels.yaml"


@functools.cache
def _schema():
    """The compiled entry schema and an explainer that knows the vocabularies' titles."""
    schema = json.loads((CATALOG / "schema" / "project.schema.json").read_text(encoding="utf-8"))
    titles = {key: yaml.safe_load(vocabulary_path(CATALOG, key).read_text(encoding="utf-8"))["title"]
              for key in enums_by_vocabulary(schema)}
    return compile_schema(schema, VALUE_CHECKS), Explainer(schema, titles)


def schema_problems(old: str, new: str, text: str = BASE) -> list[str]:
    assert old in text, old
    doc, problems = parse_bytes(text.replace(old, new, 1).encode(), FILE)
    assert doc is not None and not problems, [p.format() for p in problems]
    validate, explainer = _schema()
    return [p.format().removeprefix(f"{FILE}:") for p in sorted(explainer.problems(doc, validate(doc.data)))]


SITE = "website: https://example-channels.example.org/"
TOKEN = "token:\n  symbol: EXT\n  name: Example token\n  note: Pays fees.\n  as_of: 2026-11-20\n  sources: [docs]"
CASES = {
    # url-format: each way an address can be wrong gets its own advice
    "script": (SITE, "website: javascript:alert(1)",
               "6:10: error [url-format] website: 'javascript:alert(1)' is not a web address; give an https:// URL"),
    "http": (SITE, "website: http://example-channels.example.org/",
             "6:10: error [url-format] website: 'http://example-channels.example.org/' uses http://; "
             "use the https:// address"),
    "ftp": (SITE, "website: ftp://example-channels.example.org/",
            "6:10: error [url-format] website: 'ftp://example-channels.example.org/' is not an https:// URL"),
    "space": (SITE, "website: https://example channels.org/",
              "6:10: error [url-format] website: 'https://example channels.org/' contains a space; encode it as %20"),
    "user": (SITE, "website: https://me@example-channels.org/",
             "6:10: error [url-format] website: 'https://me@example-channels.org/' contains a user name or "
             "password; remove them"),
    "unicode-host": (SITE, "website: https://exämple.org/",
                     "6:10: error [url-format] website: 'https://exämple.org/' has letters outside ASCII in its "
                     "domain; write it as punycode (xn--...)"),
    "localhost": (SITE, "website: https://localhost:8000/",
                  "6:10: error [url-format] website: 'https://localhost:8000/' does not name a domain such as "
                  "example.org (no IP addresses or localhost)"),
    "characters": (SITE, "website: https://example.org/a^b<c",
                   "6:10: error [url-format] website: 'https://example.org/a^b<c' contains characters URLs do not "
                   "allow; percent-encode them (< as %3C, ^ as %5E)"),
    # dates, slugs, one-line names
    "impossible-date": ("launched: {date: 2021-03-01", "launched: {date: 2021-02-30",
                        "51:18: error [date-format] launched.date: '2021-02-30' is not a real ISO 8601 date; write "
                        "YYYY-MM-DD (or YYYY-MM, or YYYY, when only that is known)"),
    "year-as-number": ("launched: {date: 2021-03-01", "launched: {date: 2021",
                       "51:18: error [wrong-type] launched.date: expected text, found the number 2021 (a year alone "
                       "reads as a number; quote it: '2021')"),
    "slug": ("related: [other-system]", "related: [Other_System]",
             "65:11: error [slug-format] related[0]: 'Other_System' is not a slug; use lower-case ASCII words "
             "joined by single hyphens, such as federated-sidechain"),
    "tab-in-name": ("name: Example Channels", 'name: "Example\\tChannels"',
                    "2:7: error [text-single-line] name: must fit on one line: remove the line breaks and tabs"),
    # types, each with the hint for the usual YAML slip
    "boolean": ("name: Example Channels", "name: true",
                "2:7: error [wrong-type] name: expected text, found the boolean true (write the word in quotes "
                "if you meant text)"),
    "number": ("name: Example Channels", "name: 42",
               "2:7: error [wrong-type] name: expected text, found the number 42 (quote it if you meant text: '42')"),
    "null": ("name: Example Channels", "name:",
             "2:1: error [empty-field] name: is empty; write text (A short name on one line.)"),
    "empty-text": ("name: Example Channels", 'name: ""',          # one problem, not also text-single-line
                   "2:7: error [empty-field] name: is empty; write text (A short name on one line.)"),
    "text-for-list": ("aliases: [EXC, Example Network]", "aliases: EXC",
                      "3:10: error [wrong-type] aliases: expected a list, found the text 'EXC' (write it as a "
                      "list: [EXC])"),
    "one-of": ("token: null", "token: 5",
               "15:8: error [wrong-type] token: expected null or a mapping of keys to values, found the number 5"),
    "one-of-list": ("token: null", "token: [BTC]",
                    "15:8: error [wrong-type] token: expected null or a mapping of keys to values, found a list"),
    # inside a oneOf: the branch the value was meant for explains it
    "one-of-branch": ("token: null", TOKEN.replace("symbol: EXT", "symbol: ext"),
                      "16:11: error [token-symbol] token.symbol: 'ext' is not a token symbol; write 1 to 10 capital "
                      "letters or digits"),
    "one-of-branch-type": ("token: null", TOKEN.replace("symbol: EXT", "symbol: 1.5"),
                           "16:11: error [wrong-type] token.symbol: expected text, found the number 1.5 (quote it "
                           "if you meant text: '1.5')"),
    "one-of-branch-key": ("token: null", TOKEN.replace("  name: Example token\n", ""),
                          "16:3: error [missing-field] token.name: missing required key 'name' (A short name on "
                          "one line.)"),
    "list-for-text": ("  value: live", "  value: [live]",
                      "10:10: error [wrong-type] status.value: expected text, found a list"),
    "mapping-for-text": ("  value: live", "  value: {a: 1}",
                         "10:10: error [wrong-type] status.value: expected text, found a mapping"),
    "number-for-list": ("related: [other-system]", "related: 5",
                        "65:10: error [wrong-type] related: expected a list, found the number 5"),
    "date-empty": ("reviewed: 2026-11-20", "reviewed: null",
                   "7:1: error [empty-field] reviewed: is empty; write text (An ISO 8601 date: YYYY-MM-DD.)"),
    # lists and lengths
    "empty-list": ("sources:\n  - id: docs", "sources: []\nunused:\n  - id: docs",
                   "67:10: error [empty-field] sources: is an empty list; give at least 1 item(s)",
                   "68:1: error [unknown-key] unused: unknown key 'unused'; allowed here: aliases, announced, category, "
                   "consensus, custody, data_availability, execution, figures, in_article, launched, milestones, "
                   "name, related, reviewed, risks, sources, status, summary, token, trilemma, website"),
    "short": ("summary: An example payment-channel network used by the checker's tests.", "summary: Too short.",
              "5:10: error [too-short] summary: has 10 characters; write at least 20"),
    "many-items": ("aliases: [EXC, Example Network]", "aliases: [" + ", ".join(f"A{i}" for i in range(13)) + "]",
                   "3:10: error [too-long] aliases: has 13 items; the limit is 12"),
    "item-type": ("aliases: [EXC, Example Network]", "aliases: [EXC, 7]",
                  "3:16: error [wrong-type] aliases[1]: expected text, found the number 7 (quote it if you meant "
                  "text: '7')"),
    "repeat": ("aliases: [EXC, Example Network]", "aliases: [EXC, EXC]",
               "3:16: error [duplicate-item] aliases[1]: the text 'EXC' is already in this list; remove the repeat"),
    "long": ("summary: An example payment-channel network used by the checker's tests.", "summary: " + "A" * 210 + ".",
             "5:10: error [too-long] summary: has 211 characters; the limit is 200"),
    # values: a vocabulary's title names what was expected; close values are suggested
    "vocabulary": ("model: self-custody", "model: multsig",
                   "34:12: error [unknown-value] custody[0].model: the text 'multsig' is not a known BTC custody model"),
    "listed": ("  value: live", "  value: zzz",      # a short vocabulary is listed when nothing is close
               "10:10: error [unknown-value] status.value: the text 'zzz' is not a known status; one of: live, beta, "
               "testnet, development, research, proposal, winding-down, discontinued"),
    "suggestion": ("  value: live", "  value: lve",
                   "10:10: error [unknown-value] status.value: the text 'lve' is not a known status "
                   "(did you mean 'live'?)"),
    "clipped": ("model: self-custody", "model: " + "x" * 70,
                "34:12: error [unknown-value] custody[0].model: the text '" + "x" * 59 + "…' is not a known BTC "
                "custody model"),
    # keys
    "misspelt-key": ("reviewed: 2026-11-20\n", "reviewed: 2026-11-20\nreviewd: 2026-11-20\n",
                     "8:1: error [unknown-key] reviewd: unknown key 'reviewd' (did you mean 'reviewed'?)"),
    "unknown-key": ("reviewed: 2026-11-20\n", "reviewed: 2026-11-20\nzzz: 1\n",
                    "8:1: error [unknown-key] zzz: unknown key 'zzz'; allowed here: aliases, announced, category, "
                    "consensus, custody, data_availability, execution, figures, in_article, launched, milestones, "
                    "name, related, reviewed, risks, sources, status, summary, token, trilemma, website"),
    "missing-key": (SITE + "\n", "",
                    "2:1: error [missing-field] website: missing required key 'website' (The system's own website.)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_schema_problem_is_explained_at_its_place(case):
    old, new, *expected = CASES[case]
    assert schema_problems(old, new) == expected


def test_a_flood_of_problems_is_cut_at_the_limit():
    keys = "".join(f"extra{i}: 1\n" for i in range(MAX_PER_FILE + 5))
    found = schema_problems("reviewed: 2026-11-20\n", "reviewed: 2026-11-20\n" + keys)
    assert len(found) == MAX_PER_FILE + 1
    assert found[0] == (f"1:1: error [too-many-problems] more than {MAX_PER_FILE} schema problems; fix those "
                        "listed, then check again")
    assert found[1] == "8:1: error [unknown-key] extra0: unknown key 'extra0'" + found[1].split("'extra0'", 1)[1]
    assert found[-1].startswith(f"{8 + MAX_PER_FILE - 1}:1: error [unknown-key] extra{MAX_PER_FILE - 1}:")


def test_clipping_starts_after_sixty_characters_and_shows_line_breaks():
    sixty = "x" * 60
    assert schema_problems("model: self-custody", f"model: {sixty}") == [
        f"34:12: error [unknown-value] custody[0].model: the text '{sixty}' is not a known BTC custody model"]
    assert schema_problems("model: self-custody", 'model: "self\\ncustody"') == [
        "34:12: error [unknown-value] custody[0].model: the text 'self\\ncustody' is not a known BTC custody "
        "model (did you mean 'self-custody'?)"]


def test_a_wrong_type_hides_only_its_own_value_s_other_problems():
    assert schema_problems("  value: live", "  value: [live]", BASE.replace("reviewed: 2026-11-20\n",
                                                                           "reviewed: 2026-11-20\nzzz: 1\n")) == [
        "8:1: error [unknown-key] zzz: unknown key 'zzz'; allowed here: aliases, announced, category, consensus, "
        "custody, data_availability, execution, figures, in_article, launched, milestones, name, related, "
        "reviewed, risks, sources, status, summary, token, trilemma, website",
        "11:10: error [wrong-type] status.value: expected text, found a list"]


ONE_OF = {"type": "object", "properties": {"x": {"oneOf": [{"type": "string", "maxLength": 3},
                                                           {"type": "array", "maxItems": 1},
                                                           {"type": "object", "required": ["y"]}]}}}


@pytest.mark.parametrize("text, expected", [
    ("x: toolong", "1:4: error [too-long] x: has 7 characters; the limit is 3"),    # the text branch explains
    ("x: [a, b]", "1:4: error [too-long] x: has 2 items; the limit is 1"),          # the list branch
    ("x: {z: 1}", "1:4: error [missing-field] x.y: missing required key 'y'"),     # the mapping branch
    ("x: 5", "1:4: error [wrong-type] x: expected text or a list or a mapping of keys to values, found the number 5"),
    ("x: ~", "1:4: error [wrong-type] x: expected text or a list or a mapping of keys to values, found nothing"),
    ("x: true", "1:4: error [wrong-type] x: expected text or a list or a mapping of keys to values, "
                "found the boolean true"),
])
def test_one_of_is_explained_by_the_branch_the_value_was_meant_for(text, expected):
    doc, _ = parse_bytes(text.encode(), "f.yaml")
    found = Explainer(ONE_OF, {}).problems(doc, compile_schema(ONE_OF)(doc.data))
    assert [p.format().removeprefix("f.yaml:") for p in found] == [expected]



def _object(x, **keywords) -> dict:
    return {"type": "object", "properties": {"x": x}, **keywords}


@pytest.mark.parametrize("schema, text, expected", [
    # a wrong type hides the other problems of its value (here, the enum's)
    (_object({"oneOf": [{"type": "string"}, {"type": "array"}], "enum": ["a", ["b"]]}), "x: 5",
     "1:4: error [wrong-type] x: expected text or a list, found the number 5"),
    # an empty text hides only its own emptiness's echoes: a pattern alone still reports it
    (_object({"type": "string", "pattern": "^a+$", "x-rule": "slug-format"}), 'x: ""',
     "1:4: error [slug-format] x: '' is not a slug; use lower-case ASCII words joined by single hyphens, "
     "such as federated-sidechain"),
    (_object({"oneOf": [{"type": "string"}, {"enum": [1, 2]}]}), "x: []",
     "1:4: error [wrong-type] x: expected text or another shape, found a list"),
    (_object({"oneOf": [{"type": "integer", "maximum": 3}, {"type": "string", "maxLength": 1}]}), "x: [1]",
     "1:4: error [wrong-type] x: expected a whole number or text, found a list"),
    ({"type": "object", "additionalProperties": False}, "a: 1",
     "1:1: error [unknown-key] a: unknown key 'a'; no key is allowed here"),
    (_object({"type": ["string", "null"]}), "x: 5",
     "1:4: error [wrong-type] x: expected text, found the number 5 (quote it if you meant text: '5')"),
    (_object({"const": "x"}), "x: y", "1:4: error [unknown-value] x: the text 'y' is not allowed here; one of: x"),
    (_object({"enum": ["a", "b"]}), "x: c",
     "1:4: error [unknown-value] x: the text 'c' is not allowed here; one of: a, b"),
    (_object({"enum": [f"v{i}" for i in range(8)]}), "x: zzzzzz",      # eight values are listed, nine are not
     "1:4: error [unknown-value] x: the text 'zzzzzz' is not allowed here; one of: v0, v1, v2, v3, v4, v5, v6, v7"),
    (_object({"enum": [f"v{i}" for i in range(9)]}), "x: zzzzzz",
     "1:4: error [unknown-value] x: the text 'zzzzzz' is not allowed here"),
    (_object({"type": "integer", "maximum": 3}), "x: 5", "1:4: error [out-of-range] x: is 5; the largest allowed is 3"),
    (_object({"type": "integer", "minimum": 3}), "x: 1", "1:4: error [out-of-range] x: is 1; the smallest allowed is 3"),
    (_object(False), "x: 1", "1:4: error [wrong-type] x: does not fit the schema here"),
    (_object({"type": "array"}), "x: " + "w" * 40,
     "1:4: error [wrong-type] x: expected a list, found the text '" + "w" * 40 + "' (write it as a list: ["
     + "w" * 29 + "…])"),
])
def test_every_keyword_is_explained(schema, text, expected):
    doc, _ = parse_bytes(text.encode(), "f.yaml")
    found = Explainer(schema, {}).problems(doc, compile_schema(schema)(doc.data))
    assert [p.format().removeprefix("f.yaml:") for p in found] == [expected]


@pytest.mark.parametrize("url, expected", [
    ("data:text/html,hi", "is not a web address; give an https:// URL"),
    ("vbscript:x", "is not a web address; give an https:// URL"),
    ("FILE:///etc/passwd", "is not a web address; give an https:// URL"),
    ("https://EXAMPLE.ORG/a^b", "contains characters URLs do not allow; percent-encode them (^ as %5E)"),
    ("https://example.org/A^b", "contains characters URLs do not allow; percent-encode them (^ as %5E)"),
    ("https://example.org:123456/", "is not a valid https:// URL"),
])
def test_every_way_an_address_is_wrong_is_named(url, expected):
    assert schema_problems(SITE, f"website: '{url}'") == [f"6:10: error [url-format] website: '{url}' {expected}"]
