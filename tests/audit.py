"""`make audit`: Lighthouse (npm lighthouse, Debian's chromium) on the home page, a system
page, both matrices and the compare page of the real site, in English and in Chinese, served
on 127.0.0.1. Each page is run RUNS times and reported as the median, with the machine's load
average before and after (a noisy run can then be told apart from a regression) and what
explains a performance score: total blocking time, the largest contentful paint and the
page's DOM size. Writes the table into BENCHMARKS.md between the audit markers, and prints
it. Not a test: scores depend on the machine.
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

PAGES = {"home": "", "system page (Liquid)": "projects/liquid/", "trilemma matrix": "matrix/trilemma/",
         "comparison matrix": "matrix/comparison/", "compare page": "compare/?systems=liquid,rootstock,stacks"}
LANGUAGES = {"en": "", "zh": "zh/"}
RUNS = 5   # scores vary between runs, so report the median
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
    audits = report["audits"]
    return {**{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
            "tbt": audits["total-blocking-time"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "dom": audits["dom-size"]["numericValue"]}


def table(scores: dict) -> str:
    lines = ["| page | " + " | ".join(CATEGORIES) + " | total blocking time | LCP | DOM elements | load before / after |",
             "|---|" + "---|" * (len(CATEGORIES) + 4)]
    for page, result in scores.items():
        lines.append(f"| {page} | " + " | ".join(
            f"{result[c]:.0f} {'✔' if result[c] >= TARGETS[c] else '✘ (target ' + str(TARGETS[c]) + ')'}"
            for c in CATEGORIES) + f" | {result['tbt']:.0f} ms | {result['lcp']:.1f} s | {result['dom']:.0f} | "
            f"{result['load'][0]:.1f} / {result['load'][1]:.1f} |")
    lines.append(f"| target | " + " | ".join(f"≥ {TARGETS[c]}" for c in CATEGORIES) + " | | | | |")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_and_serve(Path(tmp))
        scores = {}
        for language, prefix in LANGUAGES.items():
            for n, (name, path) in enumerate(PAGES.items()):
                before = os.getloadavg()[0]
                runs = [lighthouse(site.base_url + prefix + path, Path(tmp) / f"{language}-{n}-{r}.json")
                        for r in range(RUNS)]
                scores[f"{name}, {language}"] = {**{key: statistics.median(run[key] for run in runs)
                                                    for key in runs[0]}, "load": (before, os.getloadavg()[0])}
    section = (f"{START}\n## Lighthouse\n\n`make audit`: Lighthouse 12.2.3 in Debian's chromium "
               f"(headless), default mobile settings (simulated slow 4G, 4x CPU slowdown), median of "
               f"{RUNS} runs, on this machine ({os.cpu_count()} cores, {platform.machine()}). The site is "
               f"served on 127.0.0.1 with gzip, as a static host serves it. Load is the 1-minute load "
               f"average before and after a page's runs.\n\n"
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
