"""Process-level settings of a build: the garbage collector, stage timings, leaving objects at exit.

These are speed measures of the process that runs builds, kept out of the
pipeline's code (docs/architecture.md says why each one pays):

- the main process builds with the cyclic garbage collector off: it makes many
  long-lived objects and next to no cyclic garbage;
- a command that exits right after its build leaves the build's objects to the
  OS instead of freeing them one by one (``keep`` and ``exit``);
- each stage's wall and CPU seconds go to the ``lamtheobac.timings`` logger
  (shown on stderr with ``LAMTHEOBAC_TIMINGS=1``, see ``cli``).
"""
from __future__ import annotations

import contextlib
import gc
import logging
import os
import resource
import sys
import time
from collections.abc import Iterator
from typing import NoReturn

TIMINGS = logging.getLogger("lamtheobac.timings")


class Clock:
    """Seconds since the build started, and per stage (logged at DEBUG)."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.cpu = _cpu() if TIMINGS.isEnabledFor(logging.DEBUG) else (0.0, 0.0)

    def stage(self, name: str) -> None:
        now = time.perf_counter()
        if TIMINGS.isEnabledFor(logging.DEBUG):
            cpu = _cpu()
            user, system = (b - a for a, b in zip(self.cpu, cpu))
            TIMINGS.debug("  %s: %.2fs (cpu user %.2fs, sys %.2fs)", name, now - self.last, user, system)
            self.cpu = cpu
        self.last = now

    def seconds(self) -> float:
        return time.perf_counter() - self.started


def _cpu() -> tuple[float, float]:
    """User and system seconds of this process and its finished workers."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + kids.ru_utime, me.ru_stime + kids.ru_stime


class Runtime:
    """How this process runs builds. `exiting`: the process ends right after its builds."""

    def __init__(self, exiting: bool = False):
        self.exiting = exiting
        self._left: list[object] = []

    @contextlib.contextmanager
    def building(self) -> Iterator[Clock]:
        """One build: the collector off in this process (forked workers collect as usual)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield Clock()
        finally:
            if enabled:
                gc.enable()
            if not self.exiting:
                # A process that goes on (the preview server, tests) frees the build's cycles now:
                # the collector, back on in a server that then allocates next to nothing, never
                # reached them, and the next build turned it off again. Under `serve` every rebuild
                # left its garbage (50,000 articles: 454 -> 653 -> 792 -> 892 MB over three edits).
                gc.collect()

    def keep(self, objects: object) -> None:
        """What a build made, kept alive until the process exits when it exits right after."""
        if self.exiting:
            self._left.append(objects)

    @property
    def kept(self) -> int:
        return len(self._left)

    @staticmethod
    def exit(code: int) -> NoReturn:
        """Ends the process without freeing its objects one by one: the OS reclaims the memory at once."""
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def log_timings_to_stderr() -> None:
    """LAMTHEOBAC_TIMINGS=1: stage timings on stderr (benchmarks read them)."""
    if os.environ.get("LAMTHEOBAC_TIMINGS") == "1" and not TIMINGS.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        TIMINGS.addHandler(handler)
        TIMINGS.setLevel(logging.DEBUG)
        TIMINGS.propagate = False
