"""benchmarks/bench.py's report: the ratios issue 20 is measured by (medians of alternated pairs)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # bench.py imports corpus.py beside it
    try:
        spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


BENCH = _bench()
MB = 1e6


def test_median_takes_the_middle_value_and_the_upper_of_two():
    assert BENCH.median([3.0, 1.0, 2.0]) == 2.0
    assert BENCH.median([4.0, 1.0, 3.0, 2.0]) == 3.0  # as median_of always took it
    assert BENCH.median_of([(5.0, (1, 2)), (4.0, (3, 1))]) == (5.0, (3, 2), [5.0, 4.0])


def test_report_gives_the_pairs_medians_and_the_index_share():
    ours = {
        "cold": (6.0, (500 * MB, 700 * MB), [6.0, 6.6, 5.9]),
        "cold without search index": (5.0, (300 * MB, 400 * MB), [5.0, 6.0, 5.0]),
        "warm": (0.5, (100 * MB, 150 * MB), [0.5, 0.5, 0.6]),
        "one change": (0.8, (200 * MB, 250 * MB), [0.8, 0.9, 0.8]),
        "pages": (14288, 0),
    }
    hugo = [6.2, 6.0, 6.5]
    peers = {"hugo": {"cold": (6.2, (1000 * MB, 1000 * MB), hugo), "pages": (13358, 0),
                      "pairs": [w / h for w, h in zip(ours["cold"][2], hugo)],
                      "bare pairs": [w / h for w, h in zip(ours["cold without search index"][2], hugo)]}}
    lines = BENCH.table(10000, ours, peers).splitlines()
    # with / Hugo by the pairs: 6.0/6.2, 6.6/6.0, 5.9/6.5 -> 0.97x, 1.10x, 0.91x, median 0.97x
    assert ("lamtheobac cold / Hugo (with the search index): wall 0.97x (medians), 0.97x by the median of the "
            "pairs (each run against Hugo's next to it: 0.97x, 1.10x, 0.91x), memory 0.50x (PSS; RSS sums 0.70x)"
            in lines)
    # without / Hugo: 5.0/6.2, 6.0/6.0, 5.0/6.5 -> 0.81x, 1.00x, 0.77x, median 0.81x
    assert any(line.startswith("lamtheobac cold without search index / Hugo (the same site as Hugo's): wall 0.81x "
                               "(medians), 0.81x by the median of the pairs (each run against Hugo's next to it: "
                               "0.81x, 1.00x, 0.77x)") for line in lines)
    # the index by the rounds' pairs: 6.0/5.0, 6.6/6.0, 5.9/5.0 -> +20 %, +10 %, +18 %, median +18 %;
    # the medians' ratio (6.0/5.0) would say +20 %
    assert lines[-1] == ("the search index's share of our cold build: +20% (medians), +18% by the median of the "
                         "pairs (each build with it against the one without it of the same round: +20%, +10%, +18%)")


def test_report_without_peers_still_gives_the_index_share():
    ours = {
        "cold": (5.5, (1, 1), [5.5, 5.4]),
        "cold without search index": (5.0, (1, 1), [5.0, 5.0]),
        "warm": (0.5, (1, 1), [0.5]),
        "one change": (0.8, (1, 1), [0.8]),
        "pages": (100, 0),
    }
    lines = BENCH.table(100, ours, {}).splitlines()
    assert lines[-1].startswith("the search index's share of our cold build: +10% (medians), +10% by the median")
    assert not any("Hugo" in line for line in lines)
