"""Article bodies between builds: sanitised HTML in one SQLite table, by the article's key.

A key is a digest of the source bytes and of everything reading them depends on
(digests.article_key), so a stale body can't be found under a new key: a stale
table can only cost time. Neither the main process nor the build state holds all
bodies: pages that show a body load it here.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from ..content import Article


class BodyStore:
    """Article bodies on disk, so neither the parent process nor the state holds them all.

    One SQLite table, not one file per body: creating a file costs far more system time
    than inserting a row (docs/architecture.md). Each process opens its own connection
    (forked workers don't share the parent's).
    """

    FILE = "bodies.sqlite"

    def __init__(self, root: Path):
        self.root = root
        self.file = root / self.FILE
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._made_new = False  # the file was damaged and made anew

    def exists(self) -> bool:
        return self.file.is_file()

    def prepare(self) -> bool:
        """Opens (or makes) the table before workers fork (they open it at once); whether the
        bodies of earlier builds are there. The one-file-per-body folder of earlier versions
        is removed."""
        existed = self.exists()
        self._conn()
        legacy = self.root / "bodies"
        if legacy.is_dir():
            shutil.rmtree(legacy)
        return existed and not self._made_new

    def _conn(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            self._db, self._made_new = _open_bodies(self.file)
            self._pid = os.getpid()
        return self._db

    def touch(self, key: str, at: float | None = None) -> bool:
        """Whether the body is kept; marks it as used at `at` (now): a prune leaves recent bodies alone."""
        db = self._conn()
        with db:
            return db.execute("UPDATE bodies SET used = ? WHERE key = ?",
                              (time.time() if at is None else at, key)).rowcount > 0

    def save(self, key: str, html: str) -> None:
        self.save_many([(key, html)])

    def save_many(self, items: list[tuple[str, str]]) -> None:
        """Keep bodies by key, in one transaction (the same key always holds the same body)."""
        if not items:
            return
        now = time.time()
        db = self._conn()
        with db:
            db.executemany("INSERT INTO bodies (key, html, used) VALUES (?, ?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET used = excluded.used",
                           [(key, html, now) for key, html in items])

    def load(self, key: str) -> str:
        row = self._conn().execute("SELECT html FROM bodies WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(f"no body kept for {key}")
        return row[0]

    def load_many(self, keys) -> dict[str, str]:
        """Bodies of many keys at once (a query per 500: far cheaper than one each); KeyError when
        one is missing."""
        wanted = list(dict.fromkeys(keys))
        db, found = self._conn(), {}
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            found.update(db.execute(f"SELECT key, html FROM bodies WHERE key IN ({','.join('?' * len(part))})",
                                    part).fetchall())
        if len(found) < len(wanted):
            raise KeyError(f"no body kept for {next(k for k in wanted if k not in found)}")
        return found

    def keys(self) -> list[str]:
        """Keys of every body kept."""
        if not self.exists():
            return []
        return [key for key, in self._conn().execute("SELECT key FROM bodies")]

    def prune(self, unused: list[str], older_than: float) -> int:
        """Delete the bodies of `unused` keys (no state refers to them: old versions of edited
        articles) that were not written or used in the last `older_than` seconds (a build running
        beside this one may have just made or reused them, before saving its state); how many."""
        limit = time.time() - older_than
        db = self._conn()
        with db:
            return sum(db.execute("DELETE FROM bodies WHERE key = ? AND used < ?", (key, limit)).rowcount
                       for key in unused)


def bodied(article: Article, key: str, bodies: dict[str, str]) -> Article:
    """The article with its body from `bodies` (by key; articles with the same bytes share one)."""
    return article if article.body else article.with_body(bodies[key])


def prune_bodies(store: BodyStore, live: set[str], referenced: Callable[[], set[str]],
                 slack: int = 1000, age: float = 3600) -> int:
    """Old bodies piling up (each edit keeps a new one) are deleted once they outnumber twice the
    live ones plus `slack`; bodies any saved state refers to (`referenced`: other output folders,
    the preview) or written or used in the last `age` seconds are kept."""
    kept = store.keys()
    if len(kept) <= 2 * len(live) + slack:
        return 0
    keep = set(live) | referenced()
    return store.prune([key for key in kept if key not in keep], age)


BODIES_VERSION = 2  # the table's layout (PRAGMA user_version); another one is dropped


def _open_bodies(file: Path) -> tuple[sqlite3.Connection, bool]:
    """The body table, made when missing; a damaged file or another layout is replaced (it only
    costs a cold build). Also says whether it was replaced."""
    file.parent.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        db = sqlite3.connect(file, timeout=60)  # `with db:` is one transaction; writers wait for each other
        try:
            db.execute("PRAGMA synchronous = OFF")  # a cache: a crash may lose it, never corrupt the site
            # Set before the table is made (a database made earlier keeps its own): a body (~10 KB of
            # UTF-8) spans three 4 KB pages but two 8 KB ones; saving them takes half the time.
            db.execute("PRAGMA page_size = 8192")
            db.execute("PRAGMA journal_mode = PERSIST")  # no journal file made and deleted per transaction
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables and version != BODIES_VERSION:
                raise sqlite3.DatabaseError(f"body table version {version}")
            # A rowid table: bodies are larger than a page, which WITHOUT ROWID tables handle slowly.
            db.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL, "
                       "used REAL NOT NULL)")
            db.execute(f"PRAGMA user_version = {BODIES_VERSION}")
            db.execute("SELECT count(*) FROM bodies WHERE key = ''").fetchone()
            return db, attempt == 2
        except sqlite3.DatabaseError:
            db.close()
            if attempt == 2:
                raise
            file.unlink(missing_ok=True)
    raise AssertionError("unreachable")


