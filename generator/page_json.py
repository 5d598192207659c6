"""A MkDocs hook: the JSON the theme writes into each page keeps its characters as they are.

Jinja's tojson writes every non-ASCII character as an escape (\\u5df2, six bytes where
UTF-8 takes three), and Material writes its configuration, with its labels in the page's
language, into every page that way: 0.7 KB more on every Chinese page. With ensure_ascii
off the JSON parses to the same values; tojson still escapes <, >, & and ' as it did, which
is what keeps it safe inside a script.

Registered as a plugin on every MkDocs configuration the build loads (generator/hooks.py).
Changes only the theme's Jinja environment, once per build.
"""
from __future__ import annotations


def on_env(env, config, files):
    env.policies["json.dumps_kwargs"] = {**env.policies["json.dumps_kwargs"], "ensure_ascii": False}
    return env
