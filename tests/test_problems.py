"""The rule registry and the problem format: what every rule's output goes through."""
from __future__ import annotations

import pytest

from generator import catalog  # noqa: F401  (declares every rule)
from generator.problems import (CATALOGUE, ENTRY, RULES, Finding, Problem, Severity, did_you_mean,
                                field_path, rule, rules_of)


@pytest.fixture
def registry():
    """The registry as it is, restored after the test declares its own rules."""
    saved = dict(RULES)
    yield RULES
    RULES.clear()
    RULES.update(saved)


def test_a_rule_is_declared_once(registry):
    declared = rule("test-once", Severity.WARNING, "Tests", "Declared once.", limit=3)
    assert registry["test-once"] is declared
    assert (declared.severity, declared.group, declared.summary, declared.values, declared.scope) == \
        (Severity.WARNING, "Tests", "Declared once.", (("limit", 3),), None)
    with pytest.raises(ValueError, match="rule 'test-once' is registered twice"):
        rule("test-once", Severity.ERROR, "Tests", "Again.")


def test_a_scoped_rule_takes_its_check_once(registry):
    @rule("test-scoped", Severity.ERROR, "Tests", "Checked by a function.", scope=ENTRY)
    def scoped(entry, ctx):
        yield Finding(("name",), "is wrong", " (did you mean 'x'?)")
    assert registry["test-scoped"] is scoped and scoped.check is not None
    assert scoped in rules_of(ENTRY) and scoped not in rules_of(CATALOGUE)
    with pytest.raises(TypeError, match="takes a check only once"):
        scoped(lambda entry, ctx: ())
    with pytest.raises(TypeError, match="'test-plain' takes a check only once, and only with a scope"):
        rule("test-plain", Severity.ERROR, "Tests", "Reported by a stage.")(lambda entry, ctx: ())
    with pytest.raises(ValueError, match="unknown scope 'entries'"):
        rule("test-scope", Severity.ERROR, "Tests", "A typo in the scope.", scope="entries")


def test_a_scoped_rule_without_a_check_is_refused(registry):
    rule("test-unchecked", Severity.ERROR, "Tests", "Never decorated.", scope=CATALOGUE)
    rule("test-unchecked-too", Severity.ERROR, "Tests", "Never decorated either.", scope=CATALOGUE)
    with pytest.raises(TypeError, match="rules declared with a scope but no check: test-unchecked, test-unchecked-too$"):
        rules_of(CATALOGUE)


class _Doc:
    path = "catalog/projects/x.yaml"

    @staticmethod
    def locate(path, key=False):
        return (3, 1) if key else (3, 7)


class _Entry:
    doc = _Doc()


def test_the_registry_attaches_the_rule_and_the_place(registry):
    @rule("test-place", Severity.ERROR, "Tests", "Located.", scope=ENTRY)
    def entry_check(entry, ctx):
        yield Finding(("custody", 0, "model"), "is wrong", "; write y")
        yield Finding(("custody", 0, "model"), "is a key", key=True)

    @rule("test-across", Severity.WARNING, "Tests", "Across entries.", scope=CATALOGUE)
    def catalogue_check(entries, ctx):
        for entry in entries:
            yield entry, Finding(("name",), "clashes")
    assert [p.format() for p in entry_check.run(_Entry(), None)] == [
        "catalog/projects/x.yaml:3:7: error [test-place] custody[0].model: is wrong; write y",
        "catalog/projects/x.yaml:3:1: error [test-place] custody[0].model: is a key"]
    assert [p.format() for p in catalogue_check.run([_Entry()], None)] == [
        "catalog/projects/x.yaml:3:7: warning [test-across] name: clashes"]


def test_severity_is_the_rule_s():
    assert Problem("f", 1, 1, "stale-fact", "", "m").severity is Severity.WARNING
    assert Problem("f", 1, 1, "unknown-key", "", "m").severity is Severity.ERROR


def test_github_annotation_escapes_what_would_end_it():
    problem = Problem("catalog/projects/x.yaml", 4, 9, "unknown-key", "status.value", "100% sure\r\nnext")
    assert problem.github_annotation() == ("::error file=catalog/projects/x.yaml,line=4,col=9,title=unknown-key::"
                                           "status.value: 100%25 sure%0D%0Anext")
    assert Problem("f", 1, 1, "stale-fact", "", "old").github_annotation() == \
        "::warning file=f,line=1,col=1,title=stale-fact::old"


@pytest.mark.parametrize("word, choices, expected", [
    ("Live", ["live", "winding-down"], " (did you mean 'live'?)"),            # case only
    ("lve", ["live", "love-it", "winding-down"], " (did you mean 'live'?)"),   # the closest
    ("self-custdy", ["federated-multisig", "self-custody"], " (did you mean 'self-custody'?)"),
    ("sig", ["federated-multisig", "self-custody"], " (did you mean 'federated-multisig'?)"),  # a part of one
    ("zzz", ["live", "winding-down"], ""),
    ("", ["live"], ""),
])
def test_did_you_mean(word, choices, expected):
    assert did_you_mean(word, choices) == expected


def test_field_path():
    assert field_path(("sources", 2, "url")) == "sources[2].url"
    assert field_path((0, "name")) == "[0].name"
    assert field_path(()) == ""
