#!/usr/bin/env python3
"""How long after saving an article does `lamtheobac serve` show it updated?

Generates a corpus (../shared/bench/make_corpus.py N), makes a site of it,
starts `lamtheobac serve` on a free loopback port, then edits one article's
body EDITS times and measures, for each save, the time until the article's
page in the preview folder contains the new text. Prints every figure and the
median. Target: median under 0.3 s for 10,000 articles.

    python3 benchmarks/serve_bench.py [N] [--edits 5] [--work benchmarks/work/serve]
"""
from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from corpus import native_site

REPO = Path(__file__).resolve().parent.parent
SITE_TOML = 'title = "Học tập và làm theo Bác (đo tốc độ)"\nbase_url = "https://example.org/"\n'


def make_site(n: int, work: Path) -> Path:
    """work/site with n articles; the generated corpus is kept and reused."""
    corpus = native_site(work / f"corpus-{n}", n, SITE_TOML)
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site, ignore=shutil.ignore_patterns(".cache", "output"))  # edits must not touch the corpus
    return site


class Server:
    def __init__(self, site: Path):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--root", str(site), "--port", "0"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            print(f"  serve [{time.strftime('%H:%M:%S')}]: {line}", flush=True)  # everything, errors too
            self.lines.put(line)

    def wait_line(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            if line.startswith(prefix):
                return line
        raise SystemExit(f"no line starting with {prefix!r} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def page_contains(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # between the two renames of a publish, or mid-write


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "work" / "serve")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed for one build")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"corpus: {args.n} articles; machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}", flush=True)
    site = make_site(args.n, args.work.resolve())
    articles = sorted((site / "content" / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    page = site / ".cache" / "preview" / "bai-viet" / article.stem / "index.html"
    original = article.read_text(encoding="utf-8")
    server = Server(site)
    times: list[float] = []
    try:
        server.wait_line("Xem trước tại ", 60)
        started = time.perf_counter()
        server.wait_line("Đã dựng xong", args.timeout)
        print(f"first build: {time.perf_counter() - started:.2f} s", flush=True)
        if not page.is_file():
            raise SystemExit(f"{page} was not built")
        for i in range(1, args.edits + 1):
            marker = f"Đoạn sửa thử số {i} lúc {time.time_ns()}."
            text = original.rstrip("\n") + f"\n\n{marker}\n"
            begun = time.perf_counter()
            article.write_text(text, encoding="utf-8")
            deadline = begun + args.timeout
            while not page_contains(page, marker):
                if time.perf_counter() > deadline or server.proc.poll() is not None:
                    raise SystemExit(f"edit {i}: page not updated within {args.timeout:.0f} s")
                time.sleep(0.002)
            elapsed = time.perf_counter() - begun
            times.append(elapsed)
            print(f"edit {i}: {elapsed * 1000:.0f} ms", flush=True)
            server.wait_line("Đã dựng lại", args.timeout)  # the whole rebuild is over before the next save
    finally:
        article.write_text(original, encoding="utf-8")
        server.stop()
    median = statistics.median(times)
    print(f"median of {len(times)} edits: {median * 1000:.0f} ms (target < 300 ms: "
          f"{'met' if median < 0.3 else 'not met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
