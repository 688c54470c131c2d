"""Shared fixtures: built sites (the bundled one, under a sub-path, a 1,000-article one),
a static server that behaves like the host in netlify.toml, and Debian's chromium.

Tools that are not Python packages (chromium, java, node tools) are checked with
`need()`: a missing tool skips the test locally and fails it in CI (CI=true).
"""
from __future__ import annotations

import fnmatch
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build
from generator.config import Security
from generator.hostheaders import header_rules
from generator.vietnamese import VN

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"          # screenshots and reports (git-ignored)
NODE_TOOLS = ROOT / "tests" / "node"              # package.json with pinned axe-core and lighthouse
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
IN_CI = os.environ.get("CI") == "true"
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=VN)     # pinned clock for reproducible sites
SUB_PATH_BASE = "https://example.org/hoc-tap/"
BENCH_ARTICLES = 1000


def write_site_toml(folder: Path, text: str) -> Path:
    """folder, with a site.toml of this text."""
    (folder / "site.toml").write_text(text, encoding="utf-8")
    return folder


def config_errors(folder: Path, text: str) -> list[str]:
    """The messages of a site.toml of this text (written in folder), which must be refused."""
    from generator.config import load_config
    from generator.errors import BuildFailed
    with pytest.raises(BuildFailed) as info:
        load_config(write_site_toml(folder, text))
    return [str(e) for e in info.value.errors]


def need(ok: bool, what: str) -> None:
    """Skip (locally) or fail (CI=true) when a tool the test drives is missing."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"missing in CI: {what}")
    pytest.skip(f"needs {what}; it always runs in CI (.ci/run installs it)")


@dataclass(frozen=True)
class Site:
    root: Path
    output: Path
    base_url: str

    @property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def html_pages(self) -> list[str]:
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))

    def first(self, pattern: str) -> str:
        """URL path (under base_path) of the first page matching a glob like 'tinh/*/index.html'."""
        found = sorted(p.relative_to(self.output).as_posix() for p in self.output.glob(pattern))
        assert found, f"no page {pattern} in {self.output}"
        return found[0][: -len("index.html")]


def base_url_of(root: Path) -> str:
    return tomllib.loads((root / "site.toml").read_text(encoding="utf-8"))["base_url"]


def copy_project(dst: Path) -> Path:
    """The repository's own site (site.toml, content, themes, templates) in a fresh folder."""
    dst.mkdir(parents=True)
    shutil.copy2(ROOT / "site.toml", dst / "site.toml")
    for folder in ("content", "themes", "templates"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, dst / folder)
    return dst


def build_site(root: Path, output: Path, base_url: str | None = None) -> Site:
    result = build(root, output=str(output), base_url=base_url, now=NOW)
    return Site(root, result.output, base_url or base_url_of(root))


@pytest.fixture(scope="session")
def registries():
    """The shipped registries (provinces, directives, tags), as the importer reads them."""
    from generator.taxonomy import load_registries
    return load_registries(None)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Site:
    """The repository's content built as published (base_url of site.toml)."""
    tmp = tmp_path_factory.mktemp("bundled")
    return build_site(copy_project(tmp / "site"), tmp / "out")


@pytest.fixture(scope="session")
def bundled_site_sub_path(tmp_path_factory) -> Site:
    """The same site built for https://example.org/hoc-tap/."""
    tmp = tmp_path_factory.mktemp("bundled-sub-path")
    return build_site(copy_project(tmp / "site"), tmp / "out", SUB_PATH_BASE)


def corpus_script() -> Path | None:
    """../shared/bench/make_corpus.py beside the repository (or $LAMTHEOBAC_CORPUS_SCRIPT)."""
    for candidate in (os.environ.get("LAMTHEOBAC_CORPUS_SCRIPT"), ROOT.parent / "shared/bench/make_corpus.py",
                      "/work/shared/bench/make_corpus.py"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _numbered_copies(articles: Path, count: int) -> None:
    """Fallback corpus: the bundled articles copied with numbered titles and shifted dates."""
    sources = sorted((ROOT / "content" / "articles").glob("*.md"))
    for i in range(count):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        text = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} (số {i + 1})"', text, count=1,
                      flags=re.M)
        text = re.sub(r"^date: (\d{4})-", lambda m: f"date: {2000 + i % 25:04d}-", text, count=1, flags=re.M)
        (articles / f"{src.stem}-{i + 1:04d}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def bench_site(tmp_path_factory) -> Site:
    """1,000 articles (../shared/bench/make_corpus.py, else numbered copies of the bundled ones)."""
    tmp = tmp_path_factory.mktemp("bench")
    root = tmp / "site"
    (root / "content").mkdir(parents=True)
    shutil.copy2(ROOT / "site.toml", root / "site.toml")
    shutil.copytree(ROOT / "content" / "images", root / "content" / "images")
    script = corpus_script()
    if script:
        subprocess.run([sys.executable, str(script), str(BENCH_ARTICLES), str(tmp / "corpus")], check=True,
                       capture_output=True)
        shutil.move(tmp / "corpus" / "articles", root / "content" / "articles")
    else:
        (root / "content" / "articles").mkdir()
        _numbered_copies(root / "content" / "articles", BENCH_ARTICLES)
    assert len(list((root / "content" / "articles").glob("*.md"))) == BENCH_ARTICLES
    return build_site(root, tmp / "out")


# --- a static host like the one netlify.toml describes ---------------------------------------

def netlify_header_rules() -> list[tuple[str, dict[str, str]]]:
    """The rules of the _headers file a build publishes for a site at the domain's root (paths below
    the mount are matched against them)."""
    return header_rules("/", Security().iframe_hosts)


class HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves one output folder mounted at `mount`, with netlify.toml's headers and its 404 page."""

    mount = "/"
    rules: list[tuple[str, dict[str, str]]] = []

    def site_path(self) -> str | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.mount):
            return None
        return "/" + path[len(self.mount):]

    def translate_path(self, path: str) -> str:
        return super().translate_path(self.site_path() or "/")

    def send_head(self):
        if self.site_path() is None:  # outside the mount: nothing is served there
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self) -> None:
        inside = self.site_path() or ""
        for pattern, values in self.rules:
            if fnmatch.fnmatch(inside, pattern):
                for name, value in values.items():
                    self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output quiet
        return


class Host:
    def __init__(self, directory: Path, mount: str = "/"):
        mount = mount if mount.endswith("/") else mount + "/"
        handler = type("Handler", (HostHandler,), {"mount": mount, "rules": netlify_header_rules()})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                      functools.partial(handler, directory=str(directory)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + mount

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def host():
    """host(directory, mount='/') -> Host with .url; every server stops at the end of the session."""
    started: list[Host] = []

    def start(directory: Path, mount: str = "/") -> Host:
        started.append(Host(directory, mount))
        return started[-1]

    yield start
    for h in started:
        h.close()


# --- Debian's chromium through Playwright ------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    """One browser per test file: Playwright's driver, left running for the session, kept its event
    loop (and a child process) alive into later files that start their own loop or Playwright, or
    count the test process's children."""
    need(CHROMIUM.exists(), "/usr/bin/chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
