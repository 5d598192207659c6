"""The command line: a thin layer over the library.

`check` reports problems; `build` checks, renders and builds the site; `serve` previews
it; `new` scaffolds an entry. Only this module prints or chooses an exit code:
0 = clean (warnings allowed), 1 = the catalogue has errors, 2 = usage or environment.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .catalog import CatalogEnvironmentError, CheckResult, check_catalog

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
    check = sub.add_parser("check", help="check every catalogue file and report every problem")
    check.add_argument("--catalog", type=Path, default=Path("catalog"), help="catalogue directory")
    check.add_argument("--today", type=_date, default=dt.date.today(),
                       help="the date to check against (YYYY-MM-DD); makes runs reproducible")
    return p


def report(result: CheckResult, out=sys.stdout) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in result.problems:
        print(problem.format(), file=out)
        if github:
            print(problem.github_annotation(), file=out)
    print(f"{result.errors} error(s), {result.warnings} warning(s) in {result.files} "
          f"catalogue file(s)", file=out)
    if result.errors:
        print("Fix the errors above, then run `make check` again.", file=out)


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        result = check_catalog(args.catalog, args.today)
    except CatalogEnvironmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report(result)
    except BrokenPipeError:   # output piped into `head`: stop quietly
        sys.stderr.close()
    return EXIT_ERRORS if result.errors else EXIT_OK
