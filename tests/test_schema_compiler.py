"""The compiled validator agrees with the reference implementation (`jsonschema`).

generator/schema.py exists for speed; this test keeps it honest. Real entries, and
random mutations of them, must get the same findings from both: the same (path, keyword)
pairs, with the production value checks (such as: a date that exists)
run by both, so a check the compiler adds to a pattern cannot drift from the reference.
"""
from __future__ import annotations

import copy
import functools
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import VALUE_CHECKS
from generator.load import load_file
from generator.schema import SchemaCompileError, compile_schema

from .conftest import CATALOG



@functools.cache
def schema() -> dict:
    return json.loads((CATALOG / "schema/project.schema.json").read_text())


@functools.cache
def entries() -> list:
    """The real catalogue's entries, read once, when a test first needs them (not at import)."""
    return [load_file(p, p.name)[0].data for p in sorted((CATALOG / "projects").glob("*.yaml"))]


def _pattern_with_value_check(validator, pattern, instance, schema):
    """jsonschema's pattern, followed by the production check named by the schema's x-rule."""
    found = list(jsonschema.Draft202012Validator.VALIDATORS["pattern"](validator, pattern, instance, schema))
    yield from found
    check = VALUE_CHECKS.get(schema.get("x-rule"))
    if not found and isinstance(instance, str) and check and not check(instance):
        yield jsonschema.ValidationError(f"{instance!r} fails {schema['x-rule']}")


@functools.cache
def ours():
    return compile_schema(schema(), VALUE_CHECKS)


@functools.cache
def reference():
    return jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                        {"pattern": _pattern_with_value_check})(schema())


def findings_ours(data) -> set:
    """(path, keyword) of each violation. Ours point at the unknown key and at the repeated item;
    jsonschema at the mapping and the list that hold them, so those compare one level up."""
    return {(v.path[:-1] if v.keyword in ("additionalProperties", "uniqueItems") else v.path, v.keyword)
            for v in ours()(data)}


def findings_reference(data) -> set:
    return {(tuple(e.absolute_path), e.validator) for e in reference().iter_errors(data)}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=False) |
    st.sampled_from(["", "yes", "no", "live", "2024-01-31", "2024-13", "https://x.example/",
                     "http://x", "federated-multisig", "Liquid", "a\nb", "TODO"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["value", "sources", "as_of", "name", "x", "reason", "rating"]), inner, max_size=3),
    max_leaves=6)


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, path + (index,))


@st.composite
def mutated_entries(draw):
    data = copy.deepcopy(draw(st.sampled_from(entries())))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(paths(data))))
        parent = data
        for part in where[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not where:
            continue
        key = where[-1]
        if action == "replace":
            parent[key] = draw(json_values)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent[key], dict):
            parent[key][draw(st.sampled_from(["extra", "value", "note", "detail"]))] = draw(json_values)
        elif isinstance(parent[key], list):
            parent[key].append(draw(json_values))
    return data


def test_real_entries_agree():
    assert len(entries()) >= 18
    for data in entries():
        assert findings_ours(data) == set() == findings_reference(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_entries())
def test_mutations_agree(data):
    assert findings_ours(data) == findings_reference(data)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_arbitrary_documents_agree(data):
    assert findings_ours(data) == findings_reference(data)


def test_findings_name_the_place_and_the_keyword():
    entry = copy.deepcopy(entries()[0])
    entry["status"]["as_of"] = "2024-02-30"          # matches the pattern, but no such day
    entry["extra"] = 1
    del entry["summary"]
    expected = {(("status", "as_of"), "pattern"), ((), "additionalProperties"), ((), "required")}
    assert findings_ours(entry) == expected == findings_reference(entry)


def test_unsupported_keyword_is_refused():
    with pytest.raises(SchemaCompileError):
        compile_schema({"type": "object", "patternProperties": {"^x": {}}})
