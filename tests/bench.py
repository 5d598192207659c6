"""`make bench`: how check, render and the full build scale with the catalogue.

For each size (100, 1,000, 10,000 systems) it writes a deterministic synthetic catalogue
(the real entries plus copies of them with new names, aliases, websites and slugs, so
every entry is valid and the content pages still resolve; each copy keeps its original's Chinese
translation, so both languages are built as for the real catalogue), then measures, as the median
of RUNS runs, each in a fresh process:
  check (wall time, peak RSS) · render (YAML to Markdown, keeping the social cards already
  drawn) · the full build · the floor
  (loading the same files with PyYAML's C loader and nothing else) · the engine floor (MkDocs
  Material building the same site with minimal system pages, taken in turn with the full
  build) · check-jsonschema on the same files, for comparison;
plus, once, the render drawing every social card and keeping them all (their cost, and their
number and bytes), page sizes, the site's size, the search index and the home page gzipped, and the
time `serve` takes to show an edit to one YAML file of the real catalogue.
It writes the table to BENCHMARKS.md, keeping its marked sections (`make audit`'s Lighthouse
scores, the notes on targets not met).
Not a test: the figures depend on the machine. tests/test_bench.py runs it at the
smallest size to show that it works.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from .conftest import ROOT, TODAY
from .site import copy_repository, free_port

MODELINE = "# yaml-language-server: $schema=../schema/project.schema.json\n"
TARGETS = {"check_ratio": 3.0, "render_share": 0.05, "floor_ratio": 2.0}
KEPT = re.compile(r"<!-- (\w+):start -->.*?<!-- \1:end -->", re.DOTALL)  # `make audit`'s section, notes


def synthesise(repo: Path, size: int) -> None:
    """Fill repo/catalog/projects with `size` valid entries: the real ones, then copies."""
    from generator.load import load_file
    projects = repo / "catalog" / "projects"
    real = sorted(projects.glob("*.yaml"))
    templates = [(p.stem, load_file(p, p.name)[0].data) for p in real]
    for i in range(max(0, size - len(real))):
        slug, data = templates[i % len(templates)]
        copy = json.loads(json.dumps(data))
        copy["name"] = f"{data['name'][:50]} Synthetic {i:05d}"
        copy["aliases"] = [f"SYN{i:05d}"]
        copy["website"] = f"https://synthetic-{i:05d}.example.org/"
        text = MODELINE + yaml.safe_dump(copy, sort_keys=False, allow_unicode=True, width=100)
        (projects / f"{slug}-synthetic-{i:05d}.yaml").write_text(text, encoding="utf-8")
        translation = repo / "catalog" / "translations" / "zh" / "projects"   # the copy is translated too
        if (translation / f"{slug}.po").exists():
            shutil.copy(translation / f"{slug}.po", translation / f"{slug}-synthetic-{i:05d}.po")


def _python(code: str, cwd: Path) -> dict:
    """Run code in a fresh interpreter; it prints one JSON object (its figures)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


PEAK = "import resource, json; peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"

FLOOR = f"""
import time, yaml, pathlib, json
files = sorted(pathlib.Path('catalog/projects').glob('*.yaml'))
start = time.perf_counter()
for f in files:
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
seconds = time.perf_counter() - start
{PEAK}
print(json.dumps({{"seconds": seconds, "rss_mb": peak}}))
"""

CHECK = f"""
import time, datetime, pathlib, json
start = time.perf_counter()
from generator.catalog import check_all
result = check_all(pathlib.Path('catalog'), datetime.date.fromisoformat('{TODAY}'), split=True)   # as make check
seconds = time.perf_counter() - start
assert result.errors == 0, [p.format() for p in result.problems if p.severity.value == 'error'][:5]
{PEAK}
print(json.dumps({{"seconds": seconds, "rss_mb": peak}}))
"""

# Check, then render build/docs, timing the render alone: shared by RENDER and ENGINE. The
# docs are rendered afresh but for the social cards, which are kept where their drawing has
# not changed, as in every build after the first (CARDS measures drawing them all).
RENDER_DOCS = f"""
import time, datetime, pathlib, json, shutil
from generator.build import load_config, site_config
from generator.catalog import check_all
from generator.languages_render import render_tree
config = load_config(pathlib.Path('mkdocs.yml'))
pathlib.Path('build/docs').mkdir(parents=True, exist_ok=True)
for child in pathlib.Path('build/docs').iterdir():
    if child.name != 'cards':
        shutil.rmtree(child) if child.is_dir() else child.unlink()
result = check_all(pathlib.Path('catalog'), datetime.date.fromisoformat('{TODAY}'))
start = time.perf_counter()
site = site_config(config, pathlib.Path('.'), result.catalogs['en'], None)   # a bench copy has no history
render_tree(pathlib.Path('build/docs'), result.catalogs, site, pathlib.Path('content'),   # as the build renders
            pathlib.Path('catalog/schema/project.schema.json'), result.pages)
rendered = time.perf_counter() - start
"""

RENDER = RENDER_DOCS + f"""
seconds = rendered
{PEAK}
print(json.dumps({{"seconds": seconds, "rss_mb": peak}}))
"""

# The social cards: the render into an empty docs directory, which draws every card, then
# the same render again, which keeps them all; their number and bytes.
CARDS = f"""
import time, datetime, pathlib, json, tempfile
from generator.build import load_config, site_config
from generator.catalog import check_all
from generator.languages_render import render_tree
config = load_config(pathlib.Path('mkdocs.yml'))
result = check_all(pathlib.Path('catalog'), datetime.date.fromisoformat('{TODAY}'))
site = site_config(config, pathlib.Path('.'), result.catalogs['en'], None)
def render(docs):
    start = time.perf_counter()
    render_tree(docs, result.catalogs, site, pathlib.Path('content'), pathlib.Path('catalog/schema/project.schema.json'),
                result.pages)
    return time.perf_counter() - start
with tempfile.TemporaryDirectory() as out:
    docs = pathlib.Path(out)
    drawn, kept = render(docs), render(docs)
    cards = sorted((docs / 'cards').rglob('*.png'))
    print(json.dumps({{"drawn": drawn, "kept": kept, "cards": len(cards),
                       "card_mb": sum(p.stat().st_size for p in cards) / 1024 / 1024}}))
"""

SITE = f"""
import time, datetime, pathlib, json, sys, io, contextlib
from generator.build import build
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    code = build(pathlib.Path.cwd(), datetime.date.fromisoformat('{TODAY}'))
seconds = time.perf_counter() - start
assert code == 0
{PEAK}
print(json.dumps({{"seconds": seconds, "rss_mb": peak}}))
"""

# The engine floor: MkDocs Material building the same site, in both languages, with every
# generated system page replaced by a minimal one (its title and one paragraph). The listing
# pages, explainers and navigation are those of the real build, so build ÷ floor is what
# the system pages, the check and the render cost on top of the engine itself.
ENGINE = RENDER_DOCS + f"""
import tempfile, logging
from mkdocs.commands.build import build
logging.getLogger('mkdocs').setLevel(logging.ERROR)
for language, catalog in result.catalogs.items():
    suffix = '' if language == 'en' else '.' + language
    for system in catalog.systems:
        page = pathlib.Path('build/docs/projects') / (system.slug + suffix + '.md')
        page.write_text('---\\ntitle: ' + json.dumps(system.name) + '\\n---\\n\\n# ' + system.name +
                        '\\n\\nOne paragraph stands here for the page about this system.\\n', encoding='utf-8')
del result
with tempfile.TemporaryDirectory() as out:
    start = time.perf_counter()
    build(load_config(pathlib.Path('mkdocs.yml'), site_dir=out, strict=False))   # anchors into systems are gone
    seconds = time.perf_counter() - start
{PEAK}
print(json.dumps({{"seconds": seconds, "rss_mb": peak}}))
"""


def check_jsonschema(repo: Path) -> float:
    exe = Path(sys.executable).parent / "check-jsonschema"
    files = sorted(str(p) for p in (repo / "catalog/projects").glob("*.yaml"))
    start = time.perf_counter()
    # one process for all files, as in a pre-commit hook; split only to keep the command line short
    for chunk in range(0, len(files), 2000):
        done = subprocess.run([str(exe), "--schemafile", str(repo / "catalog/schema/project.schema.json"),
                               *files[chunk:chunk + 2000]], capture_output=True, text=True, timeout=3600)
        assert done.returncode == 0, done.stdout[-2000:]
    return time.perf_counter() - start


def median_of(runs: int, measure) -> dict:
    results = [measure() for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def paired(runs: int, first, second) -> tuple[dict, dict]:
    """Medians of two measurements taken in turn, so both see the same machine state."""
    pairs = [(first(), second()) for _ in range(runs)]
    return tuple({key: statistics.median(p[i][key] for p in pairs) for key in pairs[0][i]} for i in (0, 1))


def site_sizes(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    home_total = max(page_load(site / prefix / "index.html") for prefix in ("", "zh"))
    return {"pages": len(pages), "median_kb": statistics.median(pages) / 1024, "largest_kb": max(pages) / 1024,
            "compare_kb": compare_load(site) / 1024,
            "largest_page": largest.relative_to(site).as_posix(),
            "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024,
            "search_kb": (site / "search/search_index.json").stat().st_size / 1024,
            "home_gzip_kb": home_total / 1024}


def page_load(page: Path) -> int:
    """Bytes (gzip) a page loads: its HTML and the stylesheets and scripts it names. The
    search worker and its language files come later, when the reader opens the search."""
    text = page.read_text(encoding="utf-8")
    named = re.findall(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', text)
    files = {(page.parent / (stylesheet or script)).resolve() for stylesheet, script in named}
    return len(gzip.compress(text.encode("utf-8"))) + sum(len(gzip.compress(f.read_bytes())) for f in files)


def compare_load(site: Path) -> int:
    """Bytes (gzip) the compare page fetches at most: its language's index and the four
    largest system files, in the language where that is most."""
    most = 0
    for language in (site / "data" / "compare").iterdir():
        systems = sorted(len(gzip.compress(p.read_bytes())) for p in language.glob("*.json") if p.name != "index.json")
        most = max(most, len(gzip.compress((language / "index.json").read_bytes())) + sum(systems[-4:]))
    return most


def serve_latency(runs: int) -> float:
    """Seconds from saving an edit to one real YAML file until the preview serves it."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = copy_repository(Path(tmp) / "repo")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/catalogue/projects/liquid/"
        entry = repo / "catalog/projects/liquid.yaml"
        original = entry.read_text()
        times = []
        try:
            _wait_for(url, "Liquid Network", 180)
            for run in range(runs):
                marker = f"Liquid Network Edit {run}"
                start = time.perf_counter()
                entry.write_text(original.replace("name: Liquid Network", f"name: {marker}"))
                _wait_for(url, marker, 120)
                times.append(time.perf_counter() - start)
                time.sleep(1.0)
        finally:
            server.terminate()
            server.wait(timeout=30)
        return statistics.median(times)


def _wait_for(url: str, text: str, limit: float) -> None:
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not show {text!r}")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(next(l for l in Path("/proc/meminfo").read_text().splitlines()
                          if l.startswith("MemTotal")).split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, Python {platform.python_version()}"


def verdict(ok: bool) -> str:
    return "✔" if ok else "✘"


def report(rows: dict, serve: float | None, runs: int) -> str:
    lines = [f"Machine: {machine()}. Median of {runs} run(s) per figure; every run is a fresh process.",
             "", "| systems | floor: YAML load (C) | check | check ÷ floor | check peak RSS | check-jsonschema "
             "| ÷ floor | render | full build | render ÷ build | build peak RSS | pages | page HTML median / largest "
             "| site/ | search index | home page, gzip | compare data, gzip |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, r in rows.items():
        lines.append(
            f"| {size:,} | {r['floor']:.2f} s | {r['check']:.2f} s | {r['check'] / r['floor']:.2f}× "
            f"{verdict(r['check'] / r['floor'] <= TARGETS['check_ratio'])} | {r['check_rss']:.0f} MB | "
            f"{r['jsonschema']:.1f} s | {r['jsonschema'] / r['floor']:.1f}× | {r['render']:.2f} s | "
            f"{r['site']:.1f} s | {100 * r['render'] / r['site']:.1f}% "
            f"{verdict(r['render'] / r['site'] <= TARGETS['render_share'])} | {r['site_rss']:.0f} MB | "
            f"{r['pages']:,} | {r['median_kb']:.1f} / {r['largest_kb']:.0f} KB ({r['largest_page']}) | "
            f"{r['site_mb']:.1f} MB | {r['search_kb']:.0f} KB | {r['home_gzip_kb']:.0f} KB | "
            f"{r['compare_kb']:.0f} KB |")
    lines += ["", "The engine floor: MkDocs Material building the same site, both languages, with every system "
              "page replaced by a minimal one; measured in turn with the full build, in the same run.", "",
              "| systems | engine floor | full build | build ÷ floor | floor peak RSS | build peak RSS |",
              "|---|---|---|---|---|---|"]
    for size, r in rows.items():
        ratio = r["site"] / r["engine"]
        lines.append(f"| {size:,} | {r['engine']:.1f} s | {r['site']:.1f} s | {ratio:.2f}× "
                     f"{verdict(ratio <= TARGETS['floor_ratio'])} | {r['engine_rss']:.0f} MB | {r['site_rss']:.0f} MB |")
    lines += ["", "The social cards (one PNG per page and language): the render drawing every card, into an "
              "empty docs directory, and the same render keeping them all, as every build after the first does "
              "for the cards whose drawing has not changed; one run each.", "",
              "| systems | cards | PNG bytes | render, drawing them | render, keeping them | drawing adds | "
              "per card (2 processes) |", "|---|---|---|---|---|---|---|"]
    for size, r in rows.items():
        added = r["cards_drawn"] - r["cards_kept"]
        lines.append(f"| {size:,} | {r['cards']:,} | {r['card_mb']:.1f} MB | {r['cards_drawn']:.1f} s | "
                     f"{r['cards_kept']:.1f} s | {added:.1f} s | {1000 * added / r['cards']:.0f} ms |")
    lines += ["", "Targets (2-core machine):", "", "| target | result |", "|---|---|"]
    for size, r in rows.items():
        lines.append(f"| full build ≤ {TARGETS['floor_ratio']:.0f}× the engine floor at {size:,} | "
                     f"{r['site'] / r['engine']:.2f}× {verdict(r['site'] / r['engine'] <= TARGETS['floor_ratio'])} |")
    if 100 in rows:
        lines.append(f"| full build at 100 < 10 s | {rows[100]['site']:.1f} s {verdict(rows[100]['site'] < 10)} |")
    for size, r in rows.items():
        lines.append(f"| check ≤ 3× floor at {size:,} | {r['check'] / r['floor']:.2f}× "
                     f"{verdict(r['check'] / r['floor'] <= 3)} |")
        lines.append(f"| render ≤ 5% of the full build at {size:,} | {100 * r['render'] / r['site']:.1f}% "
                     f"{verdict(r['render'] / r['site'] <= 0.05)} |")
        lines.append(f"| page HTML < 50 KB at {size:,} (median / largest) | {r['median_kb']:.1f} / "
                     f"{r['largest_kb']:.0f} KB {verdict(r['median_kb'] < 50)} / {verdict(r['largest_kb'] < 50)} |")
    for size, limit in ((1000, 15.0), (10000, 120.0)):
        if size in rows:
            lines.append(f"| full site at {size:,} < {limit:.0f} s | {rows[size]['site']:.1f} s "
                         f"{verdict(rows[size]['site'] < limit)} |")
    if 10000 in rows:
        peak = max(rows[10000]["check_rss"], rows[10000]["site_rss"])
        lines.append(f"| peak RSS at 10,000 < 1 GB | {peak:.0f} MB {verdict(peak < 1024)} |")
    lines.append(f"| search index of the real site < 1 MB | {REAL['search_kb']:.0f} KB "
                 f"{verdict(REAL['search_kb'] < 1024)} |")
    lines.append(f"| home page gzip < 300 KB (real site, the larger language; HTML + the CSS and JS it names) | {REAL['home_gzip_kb']:.0f} KB "
                 f"{verdict(REAL['home_gzip_kb'] < 300)} |")
    lines.append(f"| compare page data < 200 KB gzip (real site; index and four systems) | "
                 f"{REAL['compare_kb']:.0f} KB {verdict(REAL['compare_kb'] < 200)} |")
    if serve is not None:
        lines.append(f"| `make serve` shows a YAML edit < 2 s (real catalogue) | {serve:.2f} s "
                     f"{verdict(serve < 2)} |")
    return "\n".join(lines)


REAL: dict = {}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview latency measurement")
    args = parser.parse_args(argv)
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        real = copy_repository(Path(tmp) / "real")
        _python(SITE, real)
        REAL.update(site_sizes(real / "site"))
        for size in args.sizes:
            repo = copy_repository(Path(tmp) / f"size-{size}")
            synthesise(repo, size)
            print(f"{size:,} systems ...", flush=True)
            floor = median_of(args.runs, lambda: _python(FLOOR, repo))
            check = median_of(args.runs, lambda: _python(CHECK, repo))
            render = median_of(args.runs, lambda: _python(RENDER, repo))
            site, engine = paired(args.runs, lambda: _python(SITE, repo), lambda: _python(ENGINE, repo))
            jsonschema = statistics.median(check_jsonschema(repo) for _ in range(args.runs))
            cards = _python(CARDS, repo)
            rows[size] = {"floor": floor["seconds"], "check": check["seconds"], "check_rss": check["rss_mb"],
                          "render": render["seconds"], "site": site["seconds"], "site_rss": site["rss_mb"],
                          "engine": engine["seconds"], "engine_rss": engine["rss_mb"],
                          "jsonschema": jsonschema, "cards": cards["cards"], "card_mb": cards["card_mb"],
                          "cards_drawn": cards["drawn"], "cards_kept": cards["kept"], **site_sizes(repo / "site")}
            shutil.rmtree(repo)
    serve = None if args.no_serve else serve_latency(args.runs)
    table = report(rows, serve, args.runs)
    text = args.output.read_text() if args.output.exists() else ""
    kept = "".join("\n" + match.group(0) + "\n" for match in KEPT.finditer(text))
    args.output.write_text("# Benchmarks\n\n`make bench` (tests/bench.py). Synthetic catalogues are the real "
                           "entries plus renamed copies of them, so every entry is valid and shaped like a real one."
                           "\n\n" + table + "\n" + kept)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
