"""The bench site every benchmark builds: ../shared/bench/make_corpus.py laid out as a site.

make_corpus.py writes DIR/articles/*.md; a site wants content/articles/ and a
site.toml. One function does that for bench.py, serve_bench.py, search_bench.py
and lighthouse.py.
"""
from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_TOML = 'title = "Học tập và làm theo Bác"\nbase_url = "https://example.org/"\nper_page = 20\n'


def corpus_script() -> Path:
    """$LAMTHEOBAC_CORPUS_SCRIPT, or make_corpus.py in the shared/ folder beside the repository."""
    for candidate in (os.environ.get("LAMTHEOBAC_CORPUS_SCRIPT"), REPO.parent / "shared/bench/make_corpus.py",
                      "/work/shared/bench/make_corpus.py"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise SystemExit("needs ../shared/bench/make_corpus.py (or LAMTHEOBAC_CORPUS_SCRIPT)")


def make_corpus(n: int, out: Path, flavor: str = "native", script: Path | None = None) -> None:
    """make_corpus.py N OUT --flavor FLAVOR (the same N always gives the same articles)."""
    subprocess.run([sys.executable, str(script or corpus_script()), str(n), str(out), "--flavor", flavor],
                   check=True, stdout=subprocess.DEVNULL)


def native_site(root: Path, n: int, site_toml: str = SITE_TOML, script: Path | None = None) -> Path:
    """root/ as a site of n bench articles; kept as it is when it already has n articles."""
    articles = root / "content" / "articles"
    if articles.is_dir() and sum(1 for _ in articles.glob("*.md")) == n and (root / "site.toml").is_file():
        return root
    shutil.rmtree(root, ignore_errors=True)
    make_corpus(n, root / "corpus", script=script)
    articles.parent.mkdir(parents=True)
    (root / "corpus" / "articles").rename(articles)
    shutil.rmtree(root / "corpus")
    (root / "site.toml").write_text(site_toml, encoding="utf-8")
    return root


def compile_package() -> None:
    """The project's bytecode, as ``pip install`` leaves it: a machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile ~7,000 lines of
    source at the start of every measured build (~0.1 s)."""
    compileall.compile_dir(str(REPO / "generator"), quiet=1, force=False)
