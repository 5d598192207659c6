"""`make mutation`: mutation testing of the gate (the checker's load, schema, validate, rules).

Runs mutmut 3 as configured in pyproject.toml's [tool.mutmut]: mutmut copies generator/,
tests/ and catalog/ into mutants/ (ignored by git), mutates the listed modules there, and
runs only the fast tests (no browser, no site build) against each mutant. The working
tree's sources are never edited. Starts from an empty mutants/ unless --resume is given,
so every run measures the same thing.

Prints, per module, killed / total and the other outcomes, and the run's wall time; writes
every surviving mutant, located as file:line with the line it changed, to
test-output/mutation-survivors.md (the material TESTING.md summarises).
Not a test: `make test` does not run it.
"""
from __future__ import annotations

import argparse
import ast
import collections
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
OUTPUT = ROOT / "test-output"
SEPARATOR = "ǁ"          # mutmut's separator in the mangled names of methods


def mutmut(*args: str, log=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, text=True,
                          stdout=log or subprocess.PIPE, stderr=subprocess.STDOUT)


def statuses() -> dict[str, str]:
    """Every mutant's name -> mutmut's verdict ('killed', 'survived', 'no tests', ...)."""
    found = {}
    for line in mutmut("results", "--all", "true").stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            found[name] = status
    return found


def module_of(name: str) -> str:
    """'generator.rules.x_slug__mutmut_3' -> 'generator/rules.py'."""
    dotted = name.split("__mutmut_")[0].rsplit(".", 1)[0]
    return dotted.replace(".", "/") + ".py"


def def_lines(path: Path) -> dict[str, int]:
    """Mangled function name as mutmut spells it -> the line of its `def` in the source."""
    lines = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines[f"x_{node.name}"] = node.lineno
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    lines[f"x{SEPARATOR}{node.name}{SEPARATOR}{item.name}"] = item.lineno
    return lines


def locate(name: str, diff: str, starts: dict[str, int]) -> tuple[int | None, str, str]:
    """The source line a mutant changes, the original line and the mutated one."""
    function = name.split("__mutmut_")[0].rsplit(".", 1)[1]
    offset, before, after = None, "", ""
    number = 0
    for line in diff.splitlines():
        if line.startswith("@@"):
            number = int(line.split()[1].split(",")[0].lstrip("-")) - 1
        elif line.startswith("---") or line.startswith("+++"):
            continue
        elif line.startswith("-"):
            number += 1
            if offset is None:
                offset, before = number, line[1:].strip()
        elif line.startswith("+"):
            if not after:
                after = line[1:].strip()
        else:
            number += 1
    start = starts.get(function)
    # The diff numbers lines from the function's own first line (its decorators excluded).
    line = start + offset - 1 if start is not None and offset is not None else None
    return line, before, after


def survivors_report(found: dict[str, str]) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant   # needs mutants/ in place

    out = ["# Surviving mutants", "", "Written by `make mutation` (tests/mutation.py).", ""]
    starts_by_module: dict[str, dict[str, int]] = {}
    for name in sorted(n for n, s in found.items() if s in ("survived", "no tests")):
        module = module_of(name)
        starts = starts_by_module.setdefault(module, def_lines(ROOT / module))
        line, before, after = locate(name, get_diff_for_mutant(name), starts)
        where = f"{module}:{line}" if line else module
        tag = "" if found[name] == "survived" else " (no test calls it)"
        out.append(f"- `{where}` {name}{tag}\n  - `{before}`\n  + `{after}`")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=2,
                        help="parallel mutant workers (default 2: the machine has 2 cores)")
    parser.add_argument("--resume", action="store_true",
                        help="keep mutants/ and its results; test only the mutants not yet checked")
    args = parser.parse_args(argv)

    if not args.resume and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    OUTPUT.mkdir(exist_ok=True)
    started = time.monotonic()
    with open(OUTPUT / "mutation-run.log", "w", encoding="utf-8") as log:
        done = mutmut("run", "--max-children", str(args.max_children), log=log)
    elapsed = time.monotonic() - started

    found = statuses()
    if done.returncode != 0 or not found:
        print(f"mutmut run failed (exit {done.returncode}); see test-output/mutation-run.log")
        return 1
    by_module: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, status in found.items():
        by_module[module_of(name)][status] += 1
    print("| module | killed / mutants | score | survived | no tests | timeout | other |")
    print("|---|---|---|---|---|---|---|")
    total = collections.Counter()
    for module, counts in sorted(by_module.items()) + [("all", None)]:
        counts = counts if counts is not None else total
        if module != "all":
            total.update(counts)
        n = sum(counts.values())
        other = n - sum(counts[k] for k in ("killed", "survived", "no tests", "timeout"))
        print(f"| {module} | {counts['killed']} / {n} | {counts['killed'] / n:.1%} | "
              f"{counts['survived']} | {counts['no tests']} | {counts['timeout']} | {other} |")
    minutes, seconds = divmod(round(elapsed), 60)
    print(f"\nwall time {minutes} min {seconds:02d} s with --max-children {args.max_children}")
    (OUTPUT / "mutation-survivors.md").write_text(survivors_report(found), encoding="utf-8")
    print("surviving mutants: test-output/mutation-survivors.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
