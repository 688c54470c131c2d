"""Forked helpers: work in a background process, its result and its failures."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.parallel import Background, BackgroundError, SharedArrays, fork_claims, fork_map


def test_background_result_comes_before_the_work_ends(tmp_path: Path):
    done = tmp_path / "done"

    def work(send):
        send([os.getpid(), "kết quả"])
        time.sleep(0.3)  # still working (saving a cache, say) after sending
        done.write_text("xong", encoding="utf-8")

    job = Background(work)
    pid, value = job.result()
    assert pid != os.getpid() and value == "kết quả"
    assert not done.exists()
    job.finish()
    assert done.read_text(encoding="utf-8") == "xong"


def test_background_failures_are_raised_here():
    def before(send):
        raise ValueError("hỏng trước khi gửi")

    with pytest.raises(BackgroundError, match="hỏng trước khi gửi"):
        Background(before).result()

    def after(send):
        send(1)
        raise ValueError("hỏng sau khi gửi")

    job = Background(after)
    assert job.result() == 1
    with pytest.raises(BackgroundError, match="hỏng sau khi gửi"):
        job.finish()


def test_a_cancelled_background_process_is_gone():
    job = Background(lambda send: time.sleep(30))
    started = time.monotonic()
    job.cancel()
    job.cancel()  # twice is harmless (a build's cleanup after a finish)
    assert time.monotonic() - started < 10
    assert not job._process.is_alive()


def test_background_receives_what_it_is_given():
    def work(send, receive):
        rows = receive()
        send(sum(len(r) for r in rows))

    job = Background(work, inbox=True)
    rows = [("bài viết", "x" * 100)] * 20_000  # larger than a pipe holds: given from a thread
    job.give(rows)
    assert job.result() == sum(len(r) for r in rows)
    job.finish()


def test_a_process_stopped_before_reading_what_it_was_given(capfd):
    job = Background(lambda send, receive: time.sleep(30), inbox=True)
    job.give(["x" * 1000] * 10_000)
    job.cancel()
    assert "Traceback" not in capfd.readouterr().err


def _put_some(shared: SharedArrays, part):
    import numpy as np
    arrays = [np.arange(n, dtype=np.uint32) * 3 for n in part] + [np.full(5, len(part), dtype=np.uint8)]
    return os.getpid(), shared.put(arrays)


def test_shared_arrays_put_by_workers_are_seen_by_the_parent():
    """Arrays forked workers put in the shared space are what the parent gets back, each in a
    place of its own; arrays that no longer fit are refused (None), not cut."""
    import numpy as np
    shared = SharedArrays(64 + 4096)
    results = list(fork_map(_put_some, [[10, 3], [7], [1, 2], [2000]], shared, workers=2))
    assert os.getpid() not in {pid for pid, _ in results}  # put by the forked workers
    placed = [where for _, where in results if where is not None]
    assert len(placed) == 3 and results[3][1] is None  # 8,000 bytes: more than the whole space
    for part, (_, where) in zip([[10, 3], [7], [1, 2]], results):
        got = shared.get(where)
        assert [a.tolist() for a in got] == [list(range(0, 3 * n, 3)) for n in part] + [[len(part)] * 5]
        assert got[-1].dtype == np.uint8
    spans = sorted((at, at + count * np.dtype(dtype).itemsize) for where in placed for at, dtype, count in where)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:]))  # no two overlap
    # A worker that died holding the lock (for microseconds) leaves the others the pipe, not a hang.
    shared = SharedArrays(64 + 4096)
    shared.WAIT = 0.2
    shared.lock.acquire()
    assert shared.put([np.arange(3)]) is None
    shared.lock.release()
    assert [a.tolist() for a in shared.get(shared.put([np.arange(3)]))] == [[0, 1, 2]]


def test_tapered_chunks_keep_every_item_in_order_and_end_small():
    """The work is cut into chunks of the size asked, but the last workers' worth in quarters
    (the workers then finish close together); nothing is lost, repeated or reordered."""
    from generator.parallel import tapered
    for n, size, workers in [(10000, 256, 2), (9965, 256, 2), (700, 256, 2), (100, 256, 2), (3, 1, 2), (0, 5, 2)]:
        parts = tapered(list(range(n)), size, workers)
        assert [x for part in parts for x in part] == list(range(n))
        assert all(len(part) <= size for part in parts)
    parts = tapered(list(range(10000)), 256, 2)
    assert [len(p) for p in parts[:37]] == [256] * 37 and [len(p) for p in parts[37:]] == [64] * 8 + [16]


def _pid_and_chunk(task, chunk) -> tuple[int, list]:
    time.sleep(0.002)  # both workers get to take chunks
    return os.getpid(), list(chunk)


def test_claimed_chunks_come_from_both_ends_and_keep_every_item_once():
    """fork_claims: one worker takes chunks from the front, the other from the back, so what is
    near in the list stays in one process (the render's cards: article pages at one end, lists
    at the other); every item once, results in the items' order, chunks smaller as the ends meet."""
    items = list(range(3000))
    results = fork_claims(_pid_and_chunk, items, None, 2, 100)
    assert [x for _, chunk in results for x in chunk] == items
    sizes = [len(chunk) for _, chunk in results]
    assert sizes[0] == sizes[-1] == 100 and min(sizes) == 1  # the ends in full chunks, where they meet in ones
    runs = [pid for k, (pid, _) in enumerate(results) if k == 0 or results[k - 1][0] != pid]
    assert len(runs) <= 2 and len(set(runs)) == len(runs)  # each worker's items in one run, at one end
    assert os.getpid() not in runs
    # in this process when forking does not pay: the same chunks of `size`
    assert [len(c) for _, c in fork_claims(_pid_and_chunk, items[:250], None, 1, 100)] == [100, 100, 50]


def _slow_result(send) -> None:
    time.sleep(20)
    send("fini")


def test_ctrl_c_taken_by_another_thread_stops_the_wait_for_a_background_result():
    """Was: a build interrupted while it waited for its search index went on until the index was
    done (minutes on a large site) when the signal was taken by one of its other threads."""
    import signal
    import threading

    background = Background(_slow_result)
    helper = threading.Thread(target=time.sleep, args=(3,))
    helper.start()
    threading.Timer(0.5, signal.pthread_kill, (helper.ident, signal.SIGINT)).start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            background.result()
        assert time.monotonic() - started < 5
    finally:
        background.cancel()
        helper.join()
