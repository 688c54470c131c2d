"""Both cores for the per-article work: forked workers that inherit the build's state.

Forking (rather than spawning) lets workers see the config, registries, site and
jobs without pickling them; only small results travel back.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.pool
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: dict[str, Any] = {}   # what the forked workers read: set just before the pool starts


def worker_count() -> int:
    """LAMTHEOBAC_WORKERS, or one per core (at most 8: the work is short)."""
    wanted = os.environ.get("LAMTHEOBAC_WORKERS")
    if wanted and wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def forks(workers: int, parts: Sequence) -> bool:
    """Whether work in these parts goes to forked workers (else it runs in this process)."""
    return workers > 1 and len(parts) > 1 and "fork" in multiprocessing.get_all_start_methods()


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class Progress:
    """One line on a terminal for builds longer than a second; silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.shown = False

    def update(self, label: str, done: int, total: int) -> None:
        if not self.enabled or time.monotonic() - self.started < 1.0:
            return
        sys.stderr.write(f"\r{label}: {done}/{total}\033[K")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def fork_map(func: Callable[[Sequence[T]], R], parts: list[Sequence[T]], task: dict[str, Any],
             workers: int, progress: Progress | None = None, label: str = "",
             meanwhile: Callable[[], None] | None = None) -> list[R]:
    """func over parts, in forked workers when there is enough work; results in order.

    meanwhile: work of this process that needs none of the results, done while the workers
    run (else before the parts, in this process)."""
    _TASK.clear()
    _TASK.update(task)
    total = sum(len(p) for p in parts)
    results: list[R] = []
    done = 0
    try:
        if not forks(workers, parts):
            if meanwhile is not None:
                meanwhile()
            for part in parts:
                results.append(func(part))
                done += len(part)
                if progress:
                    progress.update(label, done, total)
            return results
        with worker_pool(workers) as pool:
            pending = pool.imap(func, parts)
            if meanwhile is not None:
                meanwhile()
            for part, result in zip(parts, pending):
                results.append(result)
                done += len(part)
                if progress:
                    progress.update(label, done, total)
        return results
    finally:
        _TASK.clear()


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[multiprocessing.pool.Pool]:
    """Forked workers. The objects made so far are frozen while they run: left out of the
    workers' collections, which would otherwise walk them and so copy every page they sit on
    into each worker."""
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _worker_start() -> None:
    """A worker collects garbage as usual, whatever its parent does (Builder.build turns it off)."""
    gc.enable()
    gc.set_threshold(50_000, 20, 20)  # its many long-lived objects are frozen; its own are short-lived
