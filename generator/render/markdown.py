"""The one place where catalogue text enters Markdown, and the template environments.

Reads templates from generator/templates/. Writes nothing. Guarantees: every value a
Markdown template prints goes through `escape`, unless the code that made it marked it
as generated markup (a `Markup` built by `link`, `cite` or `raw`). Escaping turns every
character with a meaning in Markdown or HTML into a numeric character reference, so
`<script>`, `{{ 7*7 }}`, `{% raw %}`, `*emphasis*` or `[x](javascript:...)` from a
YAML file reach the reader as the same characters, and never as markup. The references
are HTML as well, so the same gate serves the system pages' verbatim HTML. YAML text is
only ever data passed to a template, never a template itself.
"""
from __future__ import annotations

import functools
import html
import json
import re
import posixpath
from pathlib import Path

import jinja2
import markupsafe
from markupsafe import Markup

from .. import ui
from ..translations import Untranslated
from . import tooltips

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Characters with a meaning anywhere in a line, to Python-Markdown, the extensions in
# mkdocs.yml (attr_list, footnotes, tables, md_in_html, admonition, def_list) or
# HTML: emphasis, code, links and images, footnotes and abbr definitions (all need [ ]),
# attribute lists ({ }), raw HTML and entities, table cells (|), escapes (\), the
# quotes of link titles, and the marks of extensions a later config might add (~ ^ = $).
_INLINE = "&<>\"`*_{}[]|\\~^=$"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _INLINE}
# What makes a block when it starts a line: headings, lists, quotes, rules, definition
# lists, admonitions, setext underlines. Text is collapsed onto one line, so only its
# first character can ever start one; that character is escaped too.
_LEADING = re.compile(r"^(?:[#>+\-:!]|\d+(?=[.)]))")


def escape(text) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line.

    Escaping uses numeric character references, which Markdown passes through and the
    browser shows as the character. Only characters that could start markup are
    escaped, so most text (letters, digits, '.', '-', ':', parentheses) stays as is."""
    line = " ".join(str(text).split()).translate(_TABLE)
    match = _LEADING.match(line)
    if not match:
        return line
    if match.group()[0].isdigit():
        end = match.end()
        return line[:end] + f"&#{ord(line[end])};" + line[end + 1:]
    return f"&#{ord(line[0])};" + line[1:]


def _finalize(value):
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        raise ValueError("a template printed None; guard optional fields with {% if %}")
    if isinstance(value, Untranslated):
        return untranslated(value)
    return tooltips.mark(str(value), escape)


def text(value) -> Markup:
    """Catalogue text as Markdown, for code that composes cells before the page renders (so
    without tooltips: the page's first occurrences are marked as the template prints)."""
    return Markup(untranslated(value) if isinstance(value, Untranslated) else escape(value))


def untranslated(english: str) -> str:
    """English standing in for a missing translation: marked as English, with a visible note."""
    note = escape(ui._("not yet translated"))
    return (f'<span lang="en" class="untranslated">{escape(english)}</span>'
            f' <small class="untranslated-note">({note})</small>')


def escape_inline(text: str) -> str:
    """Escape literal template text without trimming it (it sits between placeholders)."""
    return text.translate(_TABLE)


def render_page(template: str, **context) -> str:
    """Render one generated Markdown page (each page marks each glossary term once)."""
    tooltips.new_page()
    return environment("markdown").get_template(template).render(**context)


def raw(markup: str) -> Markup:
    """Mark text that the generator itself produced (never YAML text) as markup."""
    return Markup(markup)


_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def anchor_id(text: str) -> Markup:
    """An HTML id built by the generator from slugs and constants; refuses anything else."""
    if not _ID.match(text):
        raise ValueError(f"not a safe anchor id: {text!r}")
    return Markup(text)


def code(text) -> Markup:
    """Inline code. A Markdown code span would show the escapes literally; <code> decodes them."""
    return Markup(f"<code>{escape(text)}</code>")


def link(text, target: str) -> Markup:
    """A Markdown link to a page or anchor of ours; target is a path the generator built."""
    return Markup(f"[{escape(text)}]({target})")


def external(text, url: str) -> Markup:
    """A link to another site. The URL passed the schema (https, no spaces, no credentials);
    anything else reaching here is a bug, so it is refused rather than linked."""
    if not url.startswith("https://") or any(ch.isspace() for ch in url):
        raise ValueError(f"refusing to link a non-https URL: {url!r}")
    return Markup(f'<a href="{html.escape(url, quote=True)}">{escape(text)}</a>')


def front_matter(**fields) -> Markup:
    """YAML front matter. Values are HTML-escaped because the theme prints them unescaped."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}: {json.dumps([html.escape(str(v)) for v in value])}")
        elif value is not None:
            lines.append(f"{key}: {json.dumps(html.escape(' '.join(str(value).split())))}")
    lines.append("---")
    return Markup("\n".join(lines))


@functools.cache
def environment(kind: str) -> jinja2.Environment:
    """The one template environment of each kind, per process (templates compile once).

    'markdown': generated Markdown; every printed value goes through the escaping gate.
    'html': SVG and HTML fragments; ordinary HTML autoescaping applies to every value.
    Both give templates `_("...")` and `t("... {name} ...", name=value)` in the language
    being rendered (see generator/ui.py).
    'text': a file written as it is (the YAML of a new entry): values are printed unchanged."""
    if kind not in ("markdown", "html", "text"):
        raise ValueError(f"no template environment of kind {kind!r}")
    markdown = kind == "markdown"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             autoescape=kind == "html", finalize=_finalize if markdown else None,
                             auto_reload=False)    # no stat() of the template file at every page
    if markdown:
        env.globals["_"] = lambda text: Markup(escape_inline(ui._(text)))
        env.globals["t"] = lambda template, **values: Markup(ui.fill(template, values, escape_inline, _finalize))
        env.filters["code"] = code
        env.filters["strong"] = lambda value: Markup(f"<strong>{_finalize(value)}</strong>")  # Markdown and HTML
        env.filters["attribute"] = lambda value: Markup(html.escape(str(value), quote=True))   # no tooltips inside
        env.filters["id"] = anchor_id
    elif kind == "html":
        env.globals["_"] = ui._
        env.globals["t"] = lambda template, **values: Markup(
            ui.fill(template, values, html.escape, lambda v: str(markupsafe.escape(v))))
    return env


# ---------------------------------------------------------------- paths between pages

def page_url(src: str) -> str:
    """'index.md' -> '', 'projects/liquid.md' -> 'projects/liquid/' (use_directory_urls)."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for the generator's own paths (relative, no '..'), in pure string
    work: relpath asks the operating system for the working directory twice per call, and a
    render makes some 60,000 of them at 1,000 systems."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    at = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < len(to) and common < len(at) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def md_link_target(from_src: str, to_src: str, anchor: str = "") -> str:
    """The relative .md path MkDocs expects in a Markdown link (it checks and rewrites it)."""
    target = relative_path(to_src, posixpath.dirname(from_src) or ".")
    return target + (f"#{anchor}" if anchor else "")


def html_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """The relative URL for raw HTML (SVG, system pages), where MkDocs rewrites nothing."""
    here, there = page_url(from_src), page_url(to_src)
    rel = relative_path(there or ".", here.rstrip("/") or ".")
    rel = "" if rel == "." else rel + "/"
    return (rel or "./") + (f"#{anchor}" if anchor else "")
