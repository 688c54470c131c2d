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
import time
import uuid
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


class Trash:
    """Old outputs are moved aside before a measured build (one rename) and deleted when the
    benchmark ends, never just before a build.

    This machine's root file system is ext4 without a journal: allocating an inode, it skips
    every free inode whose deletion is under 5 s old (30 s while its table block is not yet
    written back), reading each one's deletion time (``recently_deleted()`` under
    ``find_inode_bit()``, seen with perf). Creating 5,000 empty files right after 5,000 were
    deleted took 3.4-3.7 s of system time instead of 0.15-0.2 s; a build of 14,000 files
    started right after its previous output was deleted spent 9-26 s of system time writing
    instead of ~2 s, by an amount that changed from run to run, and more for us than for Hugo.
    A cold build on a fresh checkout (CI, Netlify) deletes nothing first.
    """

    SETTLE = 31  # seconds after which ext4 reuses deleted inodes without looking at them

    def __init__(self, root: Path):
        self.root = root

    def put(self, path: Path) -> None:
        if path.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            path.rename(self.root / uuid.uuid4().hex)

    def empty(self, settle: bool = False) -> None:
        """Deletes what was put aside; with settle, waits until those inodes are no longer recent
        (before measuring anything)."""
        if not self.root.exists():
            return
        had = any(self.root.iterdir())
        shutil.rmtree(self.root)
        os.sync()
        if had and settle:
            print(f"(waiting {self.SETTLE} s after deleting old outputs, see benchmarks/corpus.py: Trash)",
                  file=sys.stderr)
            time.sleep(self.SETTLE)


def compile_package() -> None:
    """The project's bytecode, as ``pip install`` leaves it: a machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile ~7,000 lines of
    source at the start of every measured build (~0.1 s)."""
    compileall.compile_dir(str(REPO / "generator"), quiet=1, force=False)
    # The search kernels, as pip install compiles them (setup.py; again when _kernels.c changed);
    # the numpy way is used without them.
    built = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=REPO,
                           capture_output=True, text=True)
    if built.returncode:
        print("warning: the search kernels were not compiled (no C compiler?); the numpy way is measured:\n"
              + built.stderr[-2000:], file=sys.stderr)
