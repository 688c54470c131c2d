"""Both cores for the per-article work: forked workers that inherit the build's state.

Forking (rather than spawning) lets workers see the config, registries, site and
jobs without pickling them; only small results travel back.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import mmap
import multiprocessing  # its pool module is imported by the first Pool: one-change builds make none
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .errors import SiteError

T = TypeVar("T")
R = TypeVar("R")

# What forked workers call: (func, task), set just before a pool starts and inherited through the
# fork, so that the task (config, registries, jobs…) is never pickled. Only this module reads it.
_INHERITED: list[tuple[Callable, Any]] = []


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


def tapered(items: Sequence[T], size: int, workers: int) -> list[Sequence[T]]:
    """Chunks of `size`, the last `workers` chunks' worth cut in quarters: workers take chunks
    as they free up, so the last one to finish keeps the others waiting for less."""
    head = max(0, (len(items) - workers * size) // size * size)
    return chunks(items[:head], size) + chunks(items[head:], max(1, size // 4))


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


def fork_map(func: Callable[[Any, Sequence[T]], R], parts: list[Sequence[T]], task: Any,
             workers: int, progress: Progress | None = None, label: str = "",
             meanwhile: Callable[[], None] | None = None) -> Iterator[R]:
    """func(task, part) over parts, in forked workers when there is enough work; results in order,
    as they come: the caller's work on each overlaps the workers' on the next, rather than
    following the last one.

    meanwhile: work of this process that needs none of the results, done while the workers
    run (else before the parts, in this process)."""
    total = sum(len(p) for p in parts)
    done = 0
    for part, result in zip(parts, fork_imap(func, parts, task, workers, meanwhile)):
        done += len(part)
        if progress:
            progress.update(label, done, total)
        yield result


def fork_imap(func: Callable[[Any, Sequence[T]], R], parts: list[Sequence[T]], task: Any,
              workers: int, meanwhile: Callable[[], None] | None = None) -> Iterator[R]:
    """func(task, part) over parts, results in order as they come: in forked workers, which
    inherit task (never pickled), when `forks` says so, else in this process."""
    if not forks(workers, parts):
        if meanwhile is not None:
            meanwhile()
        for part in parts:
            yield func(task, part)
        return
    _INHERITED[:] = [(func, task)]
    try:
        with worker_pool(workers) as pool:
            started = list(pool._pool)  # noqa: SLF001 - the workers as forked (see _lost_worker)
            pending = pool.imap(_inherited_call, parts, chunksize=1)
            if meanwhile is not None:
                meanwhile()
            while True:
                try:
                    result = pending.next(0.2)
                except StopIteration:
                    break
                except multiprocessing.TimeoutError:
                    _lost_worker(started)
                    continue
                yield result
    finally:
        _INHERITED.clear()


def fork_claims(func: Callable[[Any, Sequence[T]], R], items: Sequence[T], task: Any, workers: int, size: int,
                progress: Progress | None = None, label: str = "",
                meanwhile: Callable[[], None] | None = None) -> list[R]:
    """func(task, chunk) over chunks of items, in forked workers when `forks` says so: the first
    worker takes its chunks from the front of the list, the second from the back (a third from
    the front …), each chunk a share of what is left (at most `size`), until the two ends meet.
    Items near each other stay in one worker, and with them what it caches for them: the render's
    article cards, made once per worker that shows them (article pages at one end of the pages,
    lists at the other: each card made once, not once in each worker). Results in the items'
    order. meanwhile: as in fork_imap."""
    if not forks(workers, items):
        if meanwhile is not None:
            meanwhile()
        return [func(task, chunk) for chunk in chunks(items, size)]
    _INHERITED[:] = [(func, task)]
    _CLAIMS[:] = [_Claims(items, size, workers)]
    claims = _CLAIMS[0]
    try:
        with worker_pool(workers) as pool:
            pending = pool.map_async(_claiming_call, range(workers), chunksize=1)
            if meanwhile is not None:
                meanwhile()
            started = list(pool._pool)  # noqa: SLF001 - the workers as forked (see _lost_worker)
            while not pending.ready():
                pending.wait(0.2)
                if progress:
                    progress.update(label, claims.done(), len(items))
                if not pending.ready():
                    _lost_worker(started)
            done = [taken for worker in pending.get() for taken in worker]
    finally:
        _INHERITED.clear()
        _CLAIMS.clear()
    return [result for _, result in sorted(done, key=lambda taken: taken[0])]


class _Claims:
    """fork_claims' items, taken from both ends under a lock by the forked workers: shared
    (front, back, items done) made before they fork."""

    def __init__(self, items: Sequence, size: int, workers: int):
        context = multiprocessing.get_context("fork")
        self.items, self.size, self.workers = items, size, workers
        self.state = context.RawArray("q", 3)
        self.state[1] = len(items)
        self.lock = context.Lock()

    def take(self, back: bool) -> tuple[int, int] | None:
        """[start, stop) of the next chunk from one end, None once the ends have met."""
        with self.lock:
            front, end = self.state[0], self.state[1]
            if front >= end:
                return None
            n = max(1, min(self.size, (end - front) // (2 * self.workers)))
            if back:
                self.state[1] = end - n
                return end - n, end
            self.state[0] = front + n
            return front, front + n

    def finished(self, count: int) -> None:
        with self.lock:
            self.state[2] += count

    def done(self) -> int:
        return self.state[2]


_CLAIMS: list[_Claims] = []  # fork_claims' shared state, inherited through the fork as _INHERITED


def _claiming_call(end: int) -> list[tuple[int, Any]]:
    """Worker: chunks taken from one end (even: the front) until none is left, each with its start."""
    func, task = _INHERITED[0]
    claims = _CLAIMS[0]
    done = []
    while (taken := claims.take(back=end % 2 == 1)) is not None:
        start, stop = taken
        done.append((start, func(task, claims.items[start:stop])))
        claims.finished(stop - start)
    return done


def _inherited_call(part):
    """Worker: the function and task its pool was forked with, over one part."""
    func, task = _INHERITED[0]
    return func(task, part)


class WorkerLost(SiteError):
    """A forked worker ended in the middle of the build's work: reported as the build's error."""


def _lost_worker(started: list) -> None:
    """Raises WorkerLost when a worker the pool was made with has ended: killed (the system, out of
    memory, ended it; someone ran kill) or exited. The pool forks another in its place but the part
    it was working on is never done: the build waited for it for ever (was: a template filling the
    memory got its worker killed, and `lamtheobac build` hung with no word)."""
    for process in started:
        code = process.exitcode
        if code is not None:
            how = f"bị dừng bởi tín hiệu {-code}" if code < 0 else f"thoát với mã {code}"
            hint = (" (tín hiệu 9 thường là do hệ thống hết bộ nhớ: một mẫu trang hay một tệp quá lớn?)"
                    if code == -signal.SIGKILL else "")
            raise WorkerLost(f"một tiến trình dựng trang {how} giữa chừng{hint}; trang chưa được dựng xong, "
                             f"thư mục kết quả cũ được giữ nguyên: hãy dựng lại")


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """The objects made so far frozen while processes are forked from this one: left out of the
    children's collections, which would otherwise walk them and so copy every page they sit on
    into each child."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[multiprocessing.pool.Pool]:
    """Forked workers (see _frozen)."""
    with _frozen(), multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start,
                                                              initargs=(os.getpid(),)) as pool:
        yield pool


def _die_with_parent(parent: int) -> None:
    """A forked process ends when the build that forked it is killed (even by SIGKILL, which lets
    the build clean nothing up): else it would wait on its pipe for ever, holding the build's
    stdout open (`lamtheobac build | tee` would never end). Linux's PR_SET_PDEATHSIG; a parent
    gone before it was set is caught by the parent-pid check."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pipe's end-of-file still ends the process
        return
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _worker_start(parent: int | None = None) -> None:
    """A worker dies with its parent and collects garbage as usual, whatever its parent does
    (the build turns it off)."""
    if parent is not None:
        _die_with_parent(parent)
    gc.enable()
    gc.set_threshold(50_000, 20, 20)  # its many long-lived objects are frozen; its own are short-lived


class SharedArrays:
    """Arrays forked workers hand back through memory shared with their parent (an anonymous
    shared mapping made before they fork) instead of the result pipe: written once by the worker,
    seen by the parent and by what it forks later without pickling or copying. Space is taken
    from the mapping's start under a lock; once it is full put() says so and the arrays travel
    the usual way. Unmapped when the last array seen through it is gone."""

    HEADER = 64  # the first 8 bytes: where free space starts
    WAIT = 5.0   # seconds a worker waits for the lock (held for microseconds) before using the pipe

    def __init__(self, size: int):
        self.buffer = mmap.mmap(-1, size, flags=mmap.MAP_SHARED | getattr(mmap, "MAP_NORESERVE", 0))
        self.lock = multiprocessing.get_context("fork").Lock()

    @classmethod
    def make(cls, size: int) -> "SharedArrays | None":
        """None where no such mapping can be had (the arrays then travel through the pipe)."""
        try:
            return cls(size)
        except (OSError, ValueError):
            return None

    def put(self, arrays: Sequence) -> tuple | None:
        """Worker: the arrays copied into the shared space; where they are (for get), or None
        when they don't fit."""
        import numpy as np
        sizes = [-(-a.nbytes // 8) * 8 for a in arrays]
        if not self.lock.acquire(timeout=self.WAIT):  # held by a worker that died holding it
            return None
        try:
            start = max(int.from_bytes(self.buffer[:8], "little"), self.HEADER)
            if start + sum(sizes) > len(self.buffer):
                return None
            self.buffer[:8] = (start + sum(sizes)).to_bytes(8, "little")
        finally:
            self.lock.release()
        where, at = [], start
        for a, size in zip(arrays, sizes):
            np.frombuffer(self.buffer, dtype=a.dtype, count=a.size, offset=at)[:] = a.ravel()
            where.append((at, a.dtype.str, a.size))
            at += size
        return tuple(where)

    def get(self, where: tuple) -> list:
        """Parent: the arrays put() placed there, as views of the shared space."""
        import numpy as np
        return [np.frombuffer(self.buffer, dtype=np.dtype(dtype), count=count, offset=at)
                for at, dtype, count in where]


class BackgroundError(RuntimeError):
    """A background process failed; its traceback is the message."""


class Background:
    """func(send) run in a forked process while this one goes on.

    What func sends is what result() returns; func may go on working after it has sent
    (saving a cache, say), and finish() waits for that. An exception in func is raised
    again here (by result() if nothing was sent yet, else by finish()).
    """

    def __init__(self, func: Callable[..., None], inbox: bool = False):
        """With inbox, func(send, receive): receive() returns what give() sent."""
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe(duplex=False)
        inbox_end, self._inbox = context.Pipe(duplex=False) if inbox else (None, None)
        with _frozen():
            self._process = context.Process(target=_background_main, args=(func, child_end, inbox_end, os.getpid()))
            self._process.start()
        child_end.close()
        if inbox_end is not None:
            inbox_end.close()
        self._received = False
        self._giving: threading.Thread | None = None

    def give(self, value: Any) -> None:
        """Sends value to the process's receive(), from a thread: a value larger than the pipe
        holds would block this process until the other one reads."""
        self._giving = threading.Thread(target=_give, args=(self._inbox, value), daemon=True)
        self._giving.start()

    def result(self) -> Any:
        self._received = True
        # Waited for in short polls: Ctrl-C's signal may be taken by another thread of this
        # process (the one giving to the inbox), and a blocking recv() would then hold the
        # KeyboardInterrupt until the index is done, minutes on a large site.
        while not self._conn.poll(0.2):
            pass
        try:
            kind, value = self._conn.recv()
        except EOFError:
            self._process.join()
            raise self._ended_badly() from None
        if kind == "error":
            self._process.join()
            raise BackgroundError(value)
        return value

    def finish(self) -> None:
        """Waits for the process to end; raises what it raised after sending its result."""
        self._process.join()
        self._given()
        try:
            message = self._conn.recv() if self._received and self._conn.poll() else None
        except EOFError:  # closed without a further message: it ended well
            message = None
        self._conn.close()
        if message is not None and message[0] == "error":
            raise BackgroundError(message[1])
        if self._process.exitcode != 0:
            raise self._ended_badly()

    def _ended_badly(self) -> BackgroundError:
        return BackgroundError(f"tiến trình nền dừng bất thường (mã {self._process.exitcode})")

    def cancel(self) -> None:
        """Stops the process (a failed build needs no result)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._given()
        self._conn.close()

    def _given(self) -> None:
        if self._giving is not None:
            self._giving.join()  # the process has ended: the send is done or has failed
            self._giving = None
        if self._inbox is not None:
            self._inbox.close()


def _give(conn, value: Any) -> None:
    try:
        conn.send(value)
    except (BrokenPipeError, ConnectionResetError):
        return  # the process was stopped (a failed build) before it read: there is no one to give to


def _background_main(func: Callable[..., None], conn, inbox, parent: int) -> None:
    _worker_start(parent)
    try:
        send = lambda value: conn.send(("ok", value))  # noqa: E731
        func(send) if inbox is None else func(send, inbox.recv)
    except BaseException:  # noqa: BLE001 - every failure goes to the parent, which raises it
        conn.send(("error", traceback.format_exc()))
        conn.close()
        sys.exit(1)
    conn.close()
