"""The command line: a thin layer over the library.

`check` reports problems; `build` checks, renders and builds the site; `serve` previews
it; `diff` says what a change means; `new` scaffolds an entry. Only this module prints or chooses an exit code:
0 = clean (warnings allowed), 1 = the catalogue has errors, 2 = usage or environment.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .catalog import CatalogEnvironmentError, CheckResult, check_all

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator",
                                description="Check the Bitcoin L2 catalogue and build its site.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    today = {"type": _date, "default": dt.date.today(),
             "help": "the date to check against (YYYY-MM-DD); makes runs reproducible"}
    check = sub.add_parser("check", help="check every catalogue file and report every problem")
    check.add_argument("--catalog", type=Path, default=Path("catalog"), help="catalogue directory")
    check.add_argument("--today", **today)
    build = sub.add_parser("build", help="check, render and build site/ (atomically)")
    build.add_argument("--today", **today)
    build.add_argument("--site-dir", type=Path, help="where to build (default: site/)")
    build.add_argument("--site-url", help="override site_url, e.g. for a local test server")
    serve = sub.add_parser("serve", help="preview on 127.0.0.1, re-rendering when YAML or content change")
    serve.add_argument("--today", **today)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    translations = sub.add_parser("translations", help="list what needs translating, per file")
    translations.add_argument("--catalog", type=Path, default=Path("catalog"), help="catalogue directory")
    translations.add_argument("--refresh", action="store_true",
                              help="bring the PO files up to date with the English (make translations)")
    translations.add_argument("files", nargs="*", type=Path,
                              help="with --refresh: only the PO files of these catalogue files")
    diff = sub.add_parser("diff", help="what a change means: ratings, corners, status, sources (not a text diff)")
    diff.add_argument("base", help="the git revision to compare from, e.g. origin/main")
    diff.add_argument("head", nargs="?", help="the revision to compare to (default: the working tree)")
    diff.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    new = sub.add_parser("new", help="write a template entry to fill in")
    new.add_argument("slug", help="file name of the entry, e.g. my-system")
    new.add_argument("--category", required=True, help="an id from catalog/categories.yaml")
    new.add_argument("--catalog", type=Path, default=Path("catalog"), help="catalogue directory")
    return p


def report(result: CheckResult, out=None) -> None:
    out = out or sys.stdout
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in result.problems:
        print(problem.format(), file=out)
        if github:
            print(problem.github_annotation(), file=out)
    for skipped in result.skipped:
        print(skipped.format(), file=out)
    print(f"{result.errors} error(s), {result.warnings} warning(s) in {result.files} "
          f"catalogue file(s)", file=out)
    total, primary = result.sources
    if total:
        print(f"{primary} of {total} sources are primary ({100 * primary / total:.0f}%): the "
              "publisher's own documentation, code, specification or posts", file=out)
    if result.errors:
        print("Fix the errors above, then run `make check` again.", file=out)


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.command == "build":
        from .build import BuildError, build
        try:
            return build(Path.cwd(), args.today, site_dir=args.site_dir, site_url=args.site_url)
        except BuildError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.command == "serve":
        from .build import serve
        host = args.dev_addr.rsplit(":", 1)[0]
        if host not in ("127.0.0.1", "localhost", "::1"):
            print("error: the preview binds to 127.0.0.1 only", file=sys.stderr)
            return EXIT_USAGE
        return serve(Path.cwd(), args.today, args.dev_addr)
    if args.command == "new":
        return _new(args)
    if args.command == "translations":
        return _translations(args)
    if args.command == "diff":
        return _diff(args)
    try:
        result = check_all(args.catalog, args.today, split=True)     # the CLI runs no other thread
    except CatalogEnvironmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report(result)
    except BrokenPipeError:   # output piped into `head`: stop quietly
        sys.stderr.close()
    return EXIT_ERRORS if result.errors else EXIT_OK


def _diff(args) -> int:
    from . import diff, history
    try:
        diffs = history.diff(Path.cwd(), args.base, args.head)
    except history.GitError as exc:
        print(f"error: cannot compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    head = args.head or "working tree"
    print((diff.as_json if args.json else diff.markdown)(diffs, args.base, head), end="")
    return EXIT_OK


def _new(args) -> int:
    from .scaffold import ScaffoldError, new_entry
    from .vocab import vocabulary_path
    from .load import load_file
    doc, problems = load_file(vocabulary_path(args.catalog, "categories"), "categories.yaml")
    categories = tuple(v["id"] for v in doc.data["values"]) if doc else ()
    try:
        path = new_entry(args.catalog, args.slug, args.category, categories, dt.date.today())
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote {path}. Fill in every TODO, then run `make check`.")
    return EXIT_OK


def _translations(args) -> int:
    from .translate import refresh_all, refresh_ui, status
    if args.refresh:
        changed = refresh_all(args.catalog, args.files) + ([] if args.files else refresh_ui())
        for path in changed:
            print(f"updated {path}")
        print(f"{len(changed)} translation file(s) updated. Translate the empty and fuzzy entries "
              "(Poedit, Weblate or any text editor), then run `make check`.")
        return EXIT_OK
    rows = status(args.catalog)
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'file':<{width}}  current  stale  missing")
    for path, current, stale, missing in rows:
        if stale or missing:
            print(f"{path:<{width}}  {current:>7}  {stale:>5}  {missing:>7}")
    totals = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    print(f"{'total':<{width}}  {totals[0]:>7}  {totals[1]:>5}  {totals[2]:>7}")
    return EXIT_OK
