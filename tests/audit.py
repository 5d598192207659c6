"""`make audit`: Lighthouse (npm lighthouse, Debian's chromium) on the home page and a
system page of the real site, served on 127.0.0.1. Writes the scores into BENCHMARKS.md
between the audit markers, and prints them. Not a test: scores depend on the machine.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .conftest import ROOT
from .site import build_and_serve

PAGES = {"home": "", "system page (Liquid)": "projects/liquid/"}
RUNS = 3   # Lighthouse's own advice: scores vary between runs, so report the median
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
START, END = "<!-- audit:start -->", "<!-- audit:end -->"


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    command = [str(ROOT / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
               f"--output-path={out}", "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-component-update --disable-sync --no-first-run"]
    subprocess.run(command, check=True, env=env, timeout=300, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text())
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def table(scores: dict) -> str:
    lines = ["| page | " + " | ".join(CATEGORIES) + " |", "|---|" + "---|" * len(CATEGORIES)]
    for page, result in scores.items():
        lines.append(f"| {page} | " + " | ".join(
            f"{result[c]} {'✔' if result[c] >= TARGETS[c] else '✘ (target ' + str(TARGETS[c]) + ')'}"
            for c in CATEGORIES) + " |")
    lines.append(f"| target | " + " | ".join(f"≥ {TARGETS[c]}" for c in CATEGORIES) + " |")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_and_serve(Path(tmp))
        scores = {}
        for n, (name, path) in enumerate(PAGES.items()):
            runs = [lighthouse(site.base_url + path, Path(tmp) / f"{n}-{r}.json") for r in range(RUNS)]
            scores[name] = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
    section = (f"{START}\n## Lighthouse\n\n`make audit`: Lighthouse 12.2.3 in Debian's chromium "
               f"(headless), default mobile settings (simulated slow 4G, 4x CPU slowdown), median of "
               f"{RUNS} runs, on this machine ({os.cpu_count()} cores, {platform.machine()}). The site is "
               f"served on 127.0.0.1 with gzip, as a static host serves it.\n\n"
               f"{table(scores)}\n{END}")
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text() if bench.exists() else "# Benchmarks\n"
    if START in text:
        text = text[:text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    bench.write_text(text)
    print(table(scores))
    return 0 if all(r[c] >= TARGETS[c] for r in scores.values() for c in CATEGORIES) else 1


if __name__ == "__main__":
    sys.exit(main())
