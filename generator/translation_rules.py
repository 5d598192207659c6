"""The rules a translation must follow, whatever file it lives in (PO entries, Chinese pages).

Reads an English text and its translation. Writes nothing; returns findings as
(rule id, message, offset in the translation). A translation may reword, but never
change what can be checked: its numbers, dates, tickers, URLs and placeholders are those
of the English; its punctuation is Chinese; each glossary term keeps its one Chinese term.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from .problems import Severity, rule

E, W = Severity.ERROR, Severity.WARNING
R_MISSING = rule("translation-missing", W, "Translations",
                     "Every English string and page has a translation (a warning: the site shows the English meanwhile).")
R_STALE = rule("translation-stale", W, "Translations",
                   "A translation was made from the current English (a warning: the site shows the English until it is updated).")
R_ORPHAN = rule("translation-orphan", E, "Translations",
                    "A translation translates a field, file or page that still exists (`make translations` drops the rest).")
R_NUMBERS = rule("translation-numbers", E, "Translations",
                     "A translation has the same numbers, dates, tickers and URLs as its English source.")
R_MARKUP = rule("translation-markup", E, "Translations",
                    "A translation keeps the markup and placeholders of its English source.")
R_TYPOGRAPHY = rule("translation-typography", E, "Translations",
                        "Chinese prose uses full-width punctuation and no spaces between Chinese characters.")
R_TERM = rule("translation-term", W, "Translations",
                  "Each glossary term is translated by its one Chinese term (catalog/translations/zh/glossary.po).")
R_PO = rule("po-syntax", E, "Translations", "A PO file is well-formed gettext: msgctxt, msgid, msgstr, comments.")

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_MONTHS = {name: str(number) for number, name in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
# Month names count as their numbers; "May" only beside a number ("May 2026"), not as a verb.
_MONTH_WORDS = re.compile(r"\b(" + "|".join(m for m in _MONTHS if m != "May") + r"|May(?= \d)|(?<=\d )May)\b")
_URL = re.compile(r"https?://[^\s)\]>\"'，。）]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TICKER = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]*[A-Z]{2,}[A-Za-z0-9]*(?![A-Za-z0-9])")
_NOT_TICKERS = {"US", "UK", "EU"}      # abbreviations that a translation says in its own words
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_ASCII_AFTER_CJK = re.compile(f"[{CJK}]([,.;:?!])(?=\\s|$|[{CJK}])|([,;:?!]) *[{CJK}]|[{CJK}]([()])|([()])[{CJK}]")
_SPACE_BETWEEN_CJK = re.compile(f"[{CJK}] +[{CJK}]")


_MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?) ?(billion|million|亿|万)")
_SCALE = {"billion": 10**9, "million": 10**6, "亿": 10**8, "万": 10**4}


def _scaled(match: re.Match) -> str:
    value = float(match.group(1)) * _SCALE[match.group(2)]
    return f" {value:.0f} "


def numbers(text: str) -> Counter:
    """The numbers a reader could check: month names count as their numbers, and
    "10 billion" is the same number as "100 亿"."""
    text = _URL.sub(" ", text)
    text = _MONTH_WORDS.sub(lambda m: f" {_MONTHS[m.group()]} ", text)
    text = _MAGNITUDE.sub(_scaled, _THOUSANDS.sub("", text))
    return Counter(_NUMBER.findall(text))


def _difference(english: Counter, translated: Counter) -> str:
    missing, extra = english - translated, translated - english
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing)))
    if extra:
        parts.append("has " + ", ".join(sorted(extra)) + " that the English does not")
    return "; ".join(parts)


def content_findings(english: str, translated: str, terms: "Terms | None" = None) -> list[tuple]:
    """Numbers, URLs, tickers and placeholders that differ between the two texts. Glossary
    terms are translated, not kept: their digits ("layer 2" -> 二层网络) and upper-case
    words (HSM -> 硬件安全模块) are not required in the translation."""
    out = []
    gap = _difference(Counter(_URL.findall(english)), Counter(_URL.findall(translated)))
    if gap:
        out.append((R_NUMBERS.id, f"URLs differ from the English: {gap}", 0))
    gap = _difference(Counter(_PLACEHOLDER.findall(english)), Counter(_PLACEHOLDER.findall(translated)))
    if gap:
        out.append((R_MARKUP.id, f"placeholders differ from the English: {gap}", 0))
    english, translated = _URL.sub(" ", english), _URL.sub(" ", translated)
    if terms:
        english, translated = terms.without(english, translated)
    gap = _difference(numbers(english), numbers(translated))
    if gap:
        out.append((R_NUMBERS.id, f"numbers differ from the English: {gap}", 0))
    tickers = {_singular(t) for t in _TICKER.findall(english)} - _NOT_TICKERS
    lost = sorted(t for t in tickers if t not in translated)
    if lost:
        out.append((R_NUMBERS.id, f"keep {', '.join(lost)} as written in the English", 0))
    return out


def _singular(word: str) -> str:
    """HSMs -> HSM, PowHSMs -> PowHSM: the English plural ending is not part of the name."""
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[-2].isupper() else word


def typography_findings(translated: str) -> list[tuple]:
    """ASCII punctuation beside Chinese characters, and spaces between Chinese characters."""
    out = []
    prose = _URL.sub(lambda m: " " * len(m.group()), translated)
    for match in _ASCII_AFTER_CJK.finditer(prose):
        mark = next(g for g in match.groups() if g)
        wide = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}[mark]
        out.append((R_TYPOGRAPHY.id, f"use the full-width '{wide}' instead of '{mark}' in Chinese prose",
                    match.start() + match.group().index(mark)))
    for match in _SPACE_BETWEEN_CJK.finditer(prose):
        out.append((R_TYPOGRAPHY.id, f"remove the space between Chinese characters in '{match.group()}'",
                    match.start() + 1))
    return out


class Terms:
    """The glossary's English terms (with aliases) and the one Chinese term of each."""

    def __init__(self, pairs: list[tuple[tuple[str, ...], str]]):
        self.chinese: dict[str, str] = {}
        for words, chinese in pairs:
            for word in words:
                self.chinese.setdefault(word.casefold(), chinese)
        # A term written with a capital (Simplicity, Clarity) is a name: "simplicity" is not it.
        names = {w for words, _ in pairs for w in words if w[:1].isupper()}
        alternatives = sorted(self.chinese, key=len, reverse=True)
        parts = [re.escape(w) if w not in {n.casefold() for n in names} else
                 "(?-i:" + "|".join(re.escape(n) for n in names if n.casefold() == w) + ")" for w in alternatives]
        # A term may start a hyphenated compound ("UTXO-based"), which the translation rewords.
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?!\w)", re.IGNORECASE) if parts else None
        self._spans = functools.lru_cache(maxsize=256)(self._find)    # each text is asked twice
        self._latin: dict[str, re.Pattern] = {}

    def _find(self, english: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((m.start(), m.end(), m.group()) for m in self.pattern.finditer(english)) if self.pattern else ()

    def found(self, english: str) -> list[str]:
        return [word for _, _, word in self._spans(english)]

    def _remove(self, kept: str, text: str) -> str:
        """text without `kept`: anywhere if it is Chinese, as a whole word if it is Latin."""
        if re.search(f"[{CJK}]", kept):
            return text.replace(kept, " ")
        if kept not in self._latin:
            self._latin[kept] = re.compile(r"(?<![\w-])" + re.escape(kept) + r"(?!\w)", re.IGNORECASE)
        return self._latin[kept].sub(" ", text)

    def without(self, english: str, translated: str) -> tuple[str, str]:
        """Both texts with the glossary terms of the English (and their Chinese) taken out."""
        spans = self._spans(english)
        for _, _, word in spans:            # the Chinese term, or the English word kept as it is
            translated = self._remove(word, self._remove(self.chinese[word.casefold()], translated))
        pieces, last = [], 0
        for start, end, _ in spans:
            pieces.append(english[last:start])
            last = end
        return " ".join(pieces + [english[last:]]), translated

    def findings(self, english: str, translated: str) -> list[tuple]:
        out, reported = [], set()
        folded = translated.casefold()
        for word in self.found(english):
            chinese = self.chinese[word.casefold()]
            if chinese in translated or word.casefold() in folded or chinese in reported:
                continue
            reported.add(chinese)
            out.append((R_TERM.id, f"'{word}' is translated as '{chinese}' everywhere (glossary)", 0))
        return out
