"""The words that find a system's page: its name, aliases, ticker and, in a translation, its
local name.

Reads clean catalogue records (one Catalog per language). Writes nothing. Guarantees: for
each language, every system page's location as that language's search index names it
(`projects/<slug>/`, relative to the language's root) maps to its words in catalogue order,
each once. Spellings that differ only in spacing stay apart ("BIP 347" and "BIP347"): lunr
tokenises them differently, and a reader may type either.
search_index.py gives them to the page's entry in the index, and the search worker
(site_overrides/assets/javascripts/workers/names-first.js) ranks the page first when the
query is one of them.
"""
from __future__ import annotations


def system_words(system) -> list[str]:
    """Name, aliases, ticker, local name: what a reader may type to find this system."""
    words = [system.name, *system.aliases]
    if system.token:
        words.append(system.token.symbol)
    if system.local_name:
        words.append(system.local_name)
    return list(dict.fromkeys(words))


def names_by_location(catalogs: dict) -> dict[str, dict[str, list[str]]]:
    """language -> {'projects/<slug>/': words} for every language's catalogue."""
    return {language: {f"projects/{s.slug}/": system_words(s) for s in catalog.systems}
            for language, catalog in catalogs.items()}
