"""Turn schema violations into located problems a newcomer can act on.

Reads a loaded Document and a compiled schema. Writes nothing. Each violation becomes
one Problem with a rule id, the field path, the line and column of the offending key
or value, and a message that says what to write instead.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from .load import Document
from .problems import Problem, Severity, did_you_mean, field_path, rule
from .schema import Violation, resolve_ref

G = "Schema"
R_UNKNOWN_KEY = rule("unknown-key", Severity.ERROR, G, "Every key must be one the schema defines.")
R_MISSING = rule("missing-field", Severity.ERROR, G, "Required keys must be present.")
R_EMPTY = rule("empty-field", Severity.ERROR, G, "Required values must not be empty.")
R_TYPE = rule("wrong-type", Severity.ERROR, G,
                  "Each value has the type the schema gives: text, number, true/false, list or mapping.")
R_VALUE = rule("unknown-value", Severity.ERROR, G,
                   "A vocabulary field takes one of the ids its vocabulary file defines.")
R_LONG = rule("too-long", Severity.ERROR, G, "Text and lists stay within the schema's maximum length.")
R_SHORT = rule("too-short", Severity.ERROR, G, "Text and lists reach the schema's minimum length.")
R_RANGE = rule("out-of-range", Severity.ERROR, G, "Numbers stay within the schema's minimum and maximum.")
R_REPEAT = rule("duplicate-item", Severity.ERROR, G, "A list does not repeat an item.")
R_SLUG = rule("slug-format", Severity.ERROR, G,
                  "Ids and slugs are lower-case ASCII words joined by single hyphens.")
R_DATE = rule("date-format", Severity.ERROR, G,
                  "Dates are real ISO 8601 dates: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known.")
R_URL = rule("url-format", Severity.ERROR, G,
                 "URLs use https:// and a domain name, with no spaces, quotes or angle brackets and no user "
                 "name or password (no javascript: or data:).")
R_SYMBOL = rule("token-symbol", Severity.ERROR, G, "A token symbol is 1 to 10 capital letters or digits.")
R_LINE = rule("text-single-line", Severity.ERROR, G, "Names and short values fit on one line.")
R_TERM = rule("glossary-term", Severity.ERROR, G,
                  "A glossary term is written as it appears in text: letters, digits, spaces, hyphens, "
                  "dots, slashes and apostrophes.")

R_MANY = rule("too-many-problems", Severity.ERROR, G,
                  "A file with a great many schema problems is reported in part, so that a broken file "
                  "cannot flood the output or slow the check.")
MAX_PER_FILE = 100

_PATTERN_RULES = {r.id: r for r in (R_SLUG, R_DATE, R_URL, R_SYMBOL, R_LINE, R_TERM)}
_TYPE_NAMES = {"string": "text", "object": "a mapping of keys to values", "array": "a list",
               "null": "null", "boolean": "true or false", "integer": "a whole number",
               "number": "a number"}


def describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{_clip(value)}'"
    return "a list" if isinstance(value, list) else "a mapping"


def _in_sentence(title: str) -> str:
    """A vocabulary's title inside a sentence: 'Status' -> 'status'; 'BTC custody model' keeps BTC."""
    first, _, rest = title.partition(" ")
    return title if first.isupper() else f"{first.lower()} {rest}".rstrip()


def _clip(text: str, limit: int = 60) -> str:
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[:limit - 1] + "…"


class Explainer:
    """Knows the schema and the vocabularies, so messages can name and suggest values."""

    def __init__(self, schema: dict, vocabulary_titles: dict[str, str]):
        self.schema = schema
        self.vocabulary_titles = vocabulary_titles

    def problems(self, doc: Document, violations: list[Violation]) -> list[Problem]:
        typed = {v.path for v in violations if v.keyword in ("type", "oneOf")}
        empty = {v.path for v in violations if v.keyword == "minLength" and v.instance == ""}
        out = []
        for violation in violations:
            if violation.keyword not in ("type", "oneOf") and violation.path in typed or \
                    violation.keyword != "minLength" and violation.path in empty:
                continue   # one problem per value: a wrong type, or an empty text, says it all
            if len(out) >= MAX_PER_FILE:
                out.append(Problem(doc.path, 1, 1, R_MANY.id, "",
                                   f"more than {MAX_PER_FILE} schema problems; fix those listed, "
                                   "then check again"))
                break
            out.extend(self.explain(doc, violation))
        return out

    def explain(self, doc: Document, v: Violation) -> list[Problem]:
        if v.keyword == "oneOf":
            return self._one_of(doc, v)
        rule, message, at_key, path = self._message(v)
        line, col = doc.locate(path, key=at_key)
        return [Problem(doc.path, line, col, rule.id, field_path(path), message)]

    def _one_of(self, doc, v: Violation) -> list[Problem]:
        matching = [(errors, branch) for errors, branch in v.extra
                    if branch.get("type") and _type_matches(v.instance, branch["type"])]
        if len(matching) == 1:
            return [p for error in matching[0][0] for p in self.explain(doc, error)]
        wanted = " or ".join(_TYPE_NAMES.get(b.get("type"), "another shape") for _, b in v.extra)
        line, col = doc.locate(v.path)
        return [Problem(doc.path, line, col, R_TYPE.id, field_path(v.path),
                        f"expected {wanted}, found {describe(v.instance)}")]

    def _message(self, v: Violation):   # noqa: C901 - one branch per keyword, each a sentence
        s, inst, path = v.schema, v.instance, v.path
        if v.keyword == "additionalProperties":
            allowed = sorted(s.get("properties", {}))
            hint = did_you_mean(v.extra, allowed) or (f"; allowed here: {', '.join(allowed)}" if allowed
                                                      else "; no key is allowed here")
            return R_UNKNOWN_KEY, f"unknown key '{v.extra}'{hint}", True, path
        if v.keyword == "required":
            about = self._description(s.get("properties", {}).get(v.extra, {}))
            where = path + (v.extra,)
            return R_MISSING, f"missing required key '{v.extra}'{about}", True, where
        if v.keyword == "type":
            expected = s["type"] if isinstance(s["type"], str) else s["type"][0]
            if inst is None:
                return R_EMPTY, f"is empty; write {_TYPE_NAMES[expected]}{self._description(s)}", True, path
            return R_TYPE, self._type_message(expected, inst, s), False, path
        if v.keyword in ("enum", "const"):
            allowed = [str(e) for e in s.get("enum", [s.get("const")])]
            title = self.vocabulary_titles.get(s.get("x-vocabulary"), "")
            what = f"a known {_in_sentence(title)}" if title else "allowed here"
            hint = did_you_mean(str(inst), allowed)
            listing = f"; one of: {', '.join(allowed)}" if len(allowed) <= 8 and not hint else ""
            return R_VALUE, f"{describe(inst)} is not {what}{hint}{listing}", False, path
        if v.keyword == "pattern":
            rule = _PATTERN_RULES[s["x-rule"]]
            return rule, self._pattern_message(rule, inst), False, path
        if v.keyword == "minLength":
            if s["minLength"] == 1:
                return R_EMPTY, f"is empty; write {_TYPE_NAMES['string']}{self._description(s)}", False, path
            return R_SHORT, f"has {len(inst)} characters; write at least {s['minLength']}", False, path
        if v.keyword == "maxLength":
            return R_LONG, f"has {len(inst)} characters; the limit is {s['maxLength']}", False, path
        if v.keyword == "minItems":
            return R_EMPTY, f"is an empty list; give at least {s['minItems']} item(s)", False, path
        if v.keyword == "maxItems":
            return R_LONG, f"has {len(inst)} items; the limit is {s['maxItems']}", False, path
        if v.keyword == "minimum":
            return R_RANGE, f"is {inst}; the smallest allowed is {s['minimum']}", False, path
        if v.keyword == "maximum":
            return R_RANGE, f"is {inst}; the largest allowed is {s['maximum']}", False, path
        if v.keyword == "uniqueItems":
            return R_REPEAT, f"{describe(inst)} is already in this list; remove the repeat", False, path
        return R_TYPE, "does not fit the schema here", False, path

    def _type_message(self, expected: str, inst, s: dict) -> str:
        message = f"expected {_TYPE_NAMES[expected]}, found {describe(inst)}"
        if expected == "string" and isinstance(inst, bool):
            message += " (write the word in quotes if you meant text)"
        elif expected == "string" and isinstance(inst, (int, float)) and s.get("x-rule") == "date-format":
            message += f" (a year alone reads as a number; quote it: '{inst}')"
        elif expected == "string" and isinstance(inst, (int, float)):
            message += f" (quote it if you meant text: '{inst}')"
        elif expected == "array" and isinstance(inst, str):
            message += f" (write it as a list: [{_clip(inst, 30)}])"
        return message

    @staticmethod
    def _pattern_message(rule, inst: str) -> str:
        if rule is R_URL:
            lowered = inst.strip().lower()
            if lowered.startswith(("javascript:", "data:", "vbscript:", "file:")):
                return f"'{_clip(inst)}' is not a web address; give an https:// URL"
            if lowered.startswith("http://"):
                return f"'{_clip(inst)}' uses http://; use the https:// address"
            if not lowered.startswith("https://"):
                return f"'{_clip(inst)}' is not an https:// URL"
            if any(ch.isspace() for ch in inst):
                return f"'{_clip(inst)}' contains a space; encode it as %20"
            host = inst.split("/")[2]
            if "@" in host:
                return f"'{_clip(inst)}' contains a user name or password; remove them"
            if not host.isascii():
                return f"'{_clip(inst)}' has letters outside ASCII in its domain; write it as punycode (xn--...)"
            if not re.search(r"\.[A-Za-z]{2,}(:[0-9]+)?$", host):
                return f"'{_clip(inst)}' does not name a domain such as example.org (no IP addresses or localhost)"
            bad = sorted({ch for ch in inst if not re.match(r"[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]", ch)})
            if bad:
                codes = ", ".join(f"{ch} as {quote(ch, safe='')}" for ch in bad)
                return f"'{_clip(inst)}' contains characters URLs do not allow; percent-encode them ({codes})"
            return f"'{_clip(inst)}' is not a valid https:// URL"
        if rule is R_DATE:
            return (f"'{_clip(inst)}' is not a real ISO 8601 date; write YYYY-MM-DD "
                    "(or YYYY-MM, or YYYY, when only that is known)")
        if rule is R_SLUG:
            return (f"'{_clip(inst)}' is not a slug; use lower-case ASCII words joined by single "
                    "hyphens, such as federated-sidechain")
        if rule is R_TERM:
            return (f"'{_clip(inst)}' cannot be a glossary term; use letters, digits, spaces, hyphens, "
                    "dots, slashes and apostrophes")
        if rule is R_SYMBOL:
            return f"'{_clip(inst)}' is not a token symbol; write 1 to 10 capital letters or digits"
        return "must fit on one line: remove the line breaks and tabs"

    def _description(self, s: dict) -> str:
        text = s.get("description")
        if not text and "$ref" in s:
            text = resolve_ref(self.schema, s["$ref"]).get("description")
        return f" ({text})" if text else ""


def _type_matches(instance, type_name: str) -> bool:
    return {"null": instance is None, "object": isinstance(instance, dict),
            "array": isinstance(instance, list), "string": isinstance(instance, str)}.get(type_name, False)
