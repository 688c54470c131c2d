#!/usr/bin/env python3
"""Search index benchmark: build cost, bytes a query downloads, time to results.

    python3 benchmarks/search_bench.py [--articles 10000] [--dir DIR] [--browser]

1. Makes a bench site in DIR (site.toml + content/articles from
   /work/shared/bench/make_corpus.py, or $LAMTHEOBAC_CORPUS_SCRIPT).
2. Cold builds (cache and output removed first), each in its own process:
   without the search index (BuildOptions.search off) and with it, --repeat (3)
   pairs in A B, B A order (the machine's speed drifts under sustained load).
   Reports the median wall time of each kind, the median of the pairs' ratios
   (what the index adds), peak memory
   (max RSS of the build process and its workers),
   then a build after one article changed (the search stage's own seconds too).
   The load average before and after is printed: other work on the machine skews
   the times.
3. Runs typical queries through search.js under node, each on a fresh engine
   (a cold page): bytes and files it loads (index parts + records of the first
   10 results), plus the script itself, and the compute time. Then the worst
   case of typing: every prefix of the query searched on one cold page (a slow
   typist; the page waits 60 ms after a key), with its first 10 records each.
4. With --browser (Playwright + /usr/bin/chromium): serves the output, types each
   query into a fresh search page (one key at a time, so every prefix is searched
   as a reader's typing would be), measures inside the page the time from the
   last keydown to the last change of the results, and the bytes the page
   fetched for the query (index parts, record groups and the script).
"""
from __future__ import annotations

import argparse
import json
import re
import os
import subprocess
import sys
from pathlib import Path

from corpus import Trash, compile_package, native_site

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["lam theo bac", "Lào Cai", "05-CT/TW", "\"làm theo Bác\"", "chi thi 05 dak nong",
           "tấm gương đạo đức Hồ Chí Minh", "khoá XII", "nêu gương cán bộ đảng viên"]

BUILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
import generator.build as B
started = time.perf_counter()
B.build(Path({root!r}), output={output!r}, search=not {stub})
seconds = time.perf_counter() - started
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
peak = max(me.ru_maxrss, kids.ru_maxrss)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime  # steadier than wall time on a busy machine
print(json.dumps({{"seconds": seconds, "cpu_seconds": round(cpu, 1), "peak_mb": peak / 1024}}))
"""


def make_site(root: Path, n: int) -> None:
    native_site(root, n, 'title = "Học tập và làm theo Bác"\nbase_url = "http://127.0.0.1:8765/"\n')


def cold_build(root: Path, output: Path, stub: bool, trash: Trash) -> dict:
    """Both kinds start alike: no cache, no output of either kind (moved aside, not deleted: see
    corpus.Trash), nothing left to write back."""
    for old in (root / ".cache", root / "output-nosearch", root / "output"):
        trash.put(old)
    os.sync()
    return run_build(root, output, stub)


def run_build(root: Path, output: Path, stub: bool = False) -> dict:
    """One build in its own process; the seconds of its search stage from LAMTHEOBAC_TIMINGS."""
    code = BUILD.format(repo=str(REPO), stub=stub, root=str(root), output=str(output))
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                          env={**os.environ, "LAMTHEOBAC_TIMINGS": "1"})
    result = json.loads(done.stdout.strip().splitlines()[-1])
    stage = re.search(r"^  search index: ([\d.]+)s", done.stderr, re.MULTILINE)
    if stage:
        result["search_stage_seconds"] = float(stage.group(1))
    return result


def median_run(runs: list[dict]) -> dict:
    """The run with the median wall time."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def one_change(root: Path, output: Path) -> dict:
    """Edit one article (a sentence added), build with the cache of the cold build, then put it back."""
    article = sorted((root / "content" / "articles").rglob("*.md"))[len(QUERIES)]
    original = article.read_bytes()
    try:
        article.write_bytes(original + "\nMột câu mới về bảo tàng Hồ Chí Minh.\n".encode("utf-8"))
        changed = run_build(root, output)
    finally:
        article.write_bytes(original)
    run_build(root, output)  # back to the corpus as it was
    return changed


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
                requests: list = []
                page.on("requestfinished", lambda r: requests.append(r)
                        if "/tim-kiem/du-lieu/" in r.url or r.url.endswith(".js") else None)

                def fetched() -> int:
                    return sum(r.sizes()["responseBodySize"] for r in list(requests))

                page.goto(base + "tim-kiem/")
                page.wait_for_function("window.LTBSearch !== undefined")
                page.locator("#q").press_sequentially(q[:-1], delay=30)  # typed: every prefix searched
                page.wait_for_timeout(400)
                fetched_before = fetched()
                # Timed inside the page: last keydown to the last change of the results and status.
                page.evaluate("""() => {
                    const t = window.__timing = {};
                    document.querySelector('#q').addEventListener('keydown', () => { t.key = performance.now(); },
                                                                  {once: true});
                    for (const id of ['#search-results', '#search-status'])
                        new MutationObserver(() => { t.done = performance.now(); }).observe(
                            document.querySelector(id), {childList: true, characterData: true, subtree: true});
                }""")
                page.locator("#q").press(q[-1])
                page.wait_for_function(
                    """q => new URL(location.href).searchParams.get('q') === q.trim() &&
                           document.querySelector('#search-status').textContent !== '' &&
                           (document.querySelectorAll('#search-results li').length >= 10 ||
                            (document.querySelectorAll('#search-results li').length > 0 &&
                             document.querySelector('#search-more').hidden) ||
                            /Không tìm thấy/.test(document.querySelector('#search-status').textContent))""", arg=q)
                page.wait_for_timeout(500)  # later changes (records still coming) count too
                ms = page.evaluate("() => window.__timing.done - window.__timing.key")
                out.append({"q": q, "ms_after_last_key": round(ms), "bytes_total": fetched(),
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
    parser.add_argument("--repeat", type=int, default=3,
                        help="cold build pairs (without, with search), alternated; medians reported")
    args = parser.parse_args()
    compile_package()
    root = (args.dir or Path(f"/tmp/lamtheobac-search-bench-{args.articles}")).resolve()
    make_site(root, args.articles)
    output = root / "output"
    report: dict = {"articles": args.articles, "cores": os.cpu_count(), "load_before": os.getloadavg()}
    if not args.skip_builds:
        trash = Trash(root.with_name(root.name + "-trash"))
        trash.empty(settle=True)  # left by an interrupted run
        bases, fulls = [], []
        for i in range(args.repeat):  # pairs in A B, B A order: the machine's drift hits both kinds alike
            for stub in ((True, False) if i % 2 == 0 else (False, True)):
                if stub:
                    bases.append(cold_build(root, root / "output-nosearch", stub=True, trash=trash))
                else:
                    fulls.append(cold_build(root, output, stub=False, trash=trash))
        base, full = median_run(bases), median_run(fulls)
        ratios = sorted(f["seconds"] / b["seconds"] for b, f in zip(bases, fulls))
        report["build_without_search"] = {**base, "all_seconds": [round(r["seconds"], 2) for r in bases]}
        report["build_with_search"] = {**full, "all_seconds": [round(r["seconds"], 2) for r in fulls]}
        report["search_adds_seconds"] = round(full["seconds"] - base["seconds"], 2)
        report["search_adds_percent"] = round(100 * (ratios[len(ratios) // 2] - 1), 1)  # median of the pairs
        report["search_adds_percent_each_pair"] = [round(100 * (r - 1), 1) for r in ratios]
        report["search_adds_peak_mb"] = round(full["peak_mb"] - base["peak_mb"], 1)
        report["search_adds_cpu_percent"] = round(100 * (full["cpu_seconds"] / base["cpu_seconds"] - 1), 1)
        report["one_change_build"] = one_change(root, output)
        trash.empty()
    data = output / "tim-kiem" / "du-lieu"
    files = list(data.rglob("*"))
    report["index_files"] = sum(1 for f in files if f.is_file())
    report["index_mb"] = round(sum(f.stat().st_size for f in files if f.is_file()) / 2**20, 1)
    report["manifest_bytes"] = (data / "index.bin").stat().st_size
    script = next((output / "assets").glob("search.*.js"))
    report["script_bytes"] = script.stat().st_size
    report["queries_node"] = [
        {"q": r["q"], "results": r["total"], "files": r["files"], "bytes": r["bytes"],
         "bytes_with_script": r["bytes"] + report["script_bytes"], "compute_ms": round(r["ms"], 1),
         "top": r["titles"][:2]}
        for r in node_queries(data, QUERIES)]
    request = {"script": str(REPO / "themes/default/static/search.js"), "op": "typing", "dir": str(data),
               "queries": [{"q": q} for q in QUERIES]}
    done = subprocess.run(["node", str(REPO / "tests/js/search_harness.js")], input=json.dumps(request),
                          check=True, capture_output=True, text=True)
    report["queries_typed_every_prefix"] = [
        {"q": r["q"], "bytes_with_script": r["bytes"] + report["script_bytes"], "by_kind": r["kinds"]}
        for r in json.loads(done.stdout)]
    if args.browser:
        report["queries_browser"] = browser_queries(output, QUERIES)
    report["load_after"] = os.getloadavg()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
