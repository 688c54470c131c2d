#!/usr/bin/env python3
"""Search index benchmark: build cost, bytes a query downloads, time to results.

    python3 benchmarks/search_bench.py [--articles 10000] [--dir DIR] [--browser]

1. Makes a bench site in DIR (site.toml + content/articles from
   /work/shared/bench/make_corpus.py, or $LAMTHEOBAC_CORPUS_SCRIPT).
2. Two cold builds (cache and output removed first), each in its own process:
   without the search index (search_files stubbed out) and with it. Reports
   wall time and peak memory (max RSS of the build process and its workers).
3. Runs typical queries through search.js under node, each on a fresh engine
   (a cold page): bytes and files it loads (index parts + records of the first
   10 results), plus the script itself, and the compute time.
4. With --browser (Playwright + /usr/bin/chromium): serves the output, types each
   query into the search page, measures the time from the last keystroke to the
   rendered results and the bytes the page fetched for the query.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_SCRIPT = Path(os.environ.get("LAMTHEOBAC_CORPUS_SCRIPT", "/work/shared/bench/make_corpus.py"))
QUERIES = ["lam theo bac", "Lào Cai", "05-CT/TW", "\"làm theo Bác\"", "chi thi 05 dak nong",
           "tấm gương đạo đức Hồ Chí Minh", "khoá XII", "nêu gương cán bộ đảng viên"]

BUILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
import generator.build as B
if {stub}:
    B.search_files = lambda site, registries=None: iter(())
started = time.perf_counter()
B.build(Path({root!r}), output={output!r})
seconds = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": seconds, "peak_mb": peak / 1024}}))
"""


def make_site(root: Path, n: int) -> None:
    articles = root / "content" / "articles"
    if articles.is_dir() and sum(1 for _ in articles.rglob("*.md")) == n:
        return
    shutil.rmtree(root, ignore_errors=True)
    tmp = root / "corpus"
    subprocess.run([sys.executable, str(CORPUS_SCRIPT), str(n), str(tmp)], check=True, stdout=subprocess.DEVNULL)
    articles.parent.mkdir(parents=True)
    (tmp / "articles").rename(articles)
    shutil.rmtree(tmp)
    (root / "site.toml").write_text('title = "Học tập và làm theo Bác"\nbase_url = "http://127.0.0.1:8765/"\n',
                                    encoding="utf-8")


def cold_build(root: Path, output: Path, stub: bool) -> dict:
    shutil.rmtree(root / ".cache", ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    code = BUILD.format(repo=str(REPO), stub=stub, root=str(root), output=str(output))
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def node_queries(data: Path, queries: list[str]) -> list[dict]:
    request = {"script": str(REPO / "themes/default/static/search.js"), "op": "search", "dir": str(data),
               "queries": [{"q": q} for q in queries]}
    done = subprocess.run(["node", str(REPO / "tests/js/search_harness.js")], input=json.dumps(request),
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def browser_queries(output: Path, queries: list[str]) -> list[dict]:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
            for q in queries:
                context = browser.new_context()  # cold: empty cache
                page = context.new_page()
                fetched: list[int] = []
                page.on("requestfinished", lambda r: fetched.append(
                    (r.sizes()["responseBodySize"]) if ("/tim-kiem/du-lieu/" in r.url or r.url.endswith(".js")) else 0))
                page.goto(base + "tim-kiem/")
                page.wait_for_function("window.LTBSearch !== undefined")
                page.fill("#q", q[:-1])
                page.wait_for_timeout(400)
                fetched_before = sum(fetched)
                page.type("#q", q[-1])
                start = time.perf_counter()
                page.wait_for_function("document.querySelector('#search-status').textContent.length > 0 && "
                                       "(document.querySelectorAll('#search-results li').length > 0 || "
                                       "/Không tìm thấy/.test(document.querySelector('#search-status').textContent))")
                ms = (time.perf_counter() - start) * 1000
                page.wait_for_timeout(300)
                out.append({"q": q, "ms_after_last_key": round(ms), "bytes_total": sum(fetched),
                            "bytes_before_last_key": fetched_before,
                            "status": page.text_content("#search-status")})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--skip-builds", action="store_true", help="reuse the last output")
    args = parser.parse_args()
    root = (args.dir or Path(f"/tmp/lamtheobac-search-bench-{args.articles}")).resolve()
    make_site(root, args.articles)
    output = root / "output"
    report: dict = {"articles": args.articles}
    if not args.skip_builds:
        base = cold_build(root, root / "output-nosearch", stub=True)
        shutil.rmtree(root / "output-nosearch", ignore_errors=True)
        full = cold_build(root, output, stub=False)
        report["build_without_search"] = base
        report["build_with_search"] = full
        report["search_adds_seconds"] = round(full["seconds"] - base["seconds"], 2)
        report["search_adds_percent"] = round(100 * (full["seconds"] / base["seconds"] - 1), 1)
        report["search_adds_peak_mb"] = round(full["peak_mb"] - base["peak_mb"], 1)
    data = output / "tim-kiem" / "du-lieu"
    files = list(data.rglob("*"))
    report["index_files"] = sum(1 for f in files if f.is_file())
    report["index_mb"] = round(sum(f.stat().st_size for f in files if f.is_file()) / 2**20, 1)
    report["manifest_bytes"] = (data / "index.json").stat().st_size
    script = next((output / "assets").glob("search.*.js"))
    report["script_bytes"] = script.stat().st_size
    report["queries_node"] = [
        {"q": r["q"], "results": r["total"], "files": r["files"], "bytes": r["bytes"],
         "bytes_with_script": r["bytes"] + report["script_bytes"], "compute_ms": round(r["ms"], 1),
         "top": r["titles"][:2]}
        for r in node_queries(data, QUERIES)]
    if args.browser:
        report["queries_browser"] = browser_queries(output, QUERIES)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
