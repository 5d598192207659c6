"""Build the real site once per test session, in a copy of the repository, and serve it.

The copy keeps tests away from the working tree's build/ and site/. The site is built
with site_url pointing at the local server, so Material's instant navigation works as
it does in production. Servers bind to 127.0.0.1 only.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .conftest import ROOT, TODAY

COPIED = ("catalog", "content", "site_overrides", "mkdocs.yml")


@dataclass(frozen=True)
class BuiltSite:
    root: Path          # the repository copy
    site: Path          # its site/
    base_url: str       # http://127.0.0.1:PORT/


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def run_build(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", "build", "--today", str(TODAY), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like a static host does (GitHub Pages compresses text with gzip)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(self.COMPRESSIBLE)
                or not os.path.isfile(path) or not self.path.split("?")[0].endswith(("/",) + self.COMPRESSIBLE)):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host answers
        # with a "LinkChecker" header, its documented way to lift the limit for one's own
        # server (then maxrequestspersecond in tests/tools/linkcheckerrc applies).
        self.send_header("LinkChecker", "unthrottled test server")
        super().end_headers()


@functools.cache
def _server(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_and_serve(workdir: Path) -> BuiltSite:
    port = free_port()
    root = copy_repository(workdir / "repo")
    done = run_build(root, "--site-url", f"http://127.0.0.1:{port}/")
    assert done.returncode == 0, done.stdout + done.stderr
    _server(root / "site", port)
    return BuiltSite(root, root / "site", f"http://127.0.0.1:{port}/")
