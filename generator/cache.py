"""The persistent build cache (``.cache/lamtheobac/``).

Two things are kept between builds:

- article bodies as sanitised HTML in one SQLite table (``bodies.sqlite``), by the
  article's key: a digest of its source bytes and of everything reading depends on
  (generator version, the config values reading uses, the registries). A stale
  body can't be found under a new key, so a stale cache can only cost time.
- the state of the last build of one output folder: source stats and keys,
  articles without bodies, and a signature for every output file. A job whose
  signature is unchanged is not rendered again: its file is linked from the
  previous output.

Deleting the folder only makes the next build a cold one.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date, datetime
from operator import attrgetter, is_
from pathlib import Path
from typing import Any, Iterator

from . import __version__
from .content import Article

CACHE_DIR = ".cache/lamtheobac"
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_ARTICLE_META = tuple(name for name in _ARTICLE_FIELDS if name not in ("body", "key", "meta"))
_ROW = attrgetter(*_ARTICLE_FIELDS)  # an article as the plain row the state stores
_BODY, _KEY, _META = (_ARTICLE_FIELDS.index(name) for name in ("body", "key", "meta"))
_PROVINCES, _DIRECTIVES = _ARTICLE_FIELDS.index("provinces"), _ARTICLE_FIELDS.index("directives")
STATE_VERSION = 13
# A state pickled with another Article layout would unpickle into broken objects: its fields are part of the version.
_STATE_TAG = (STATE_VERSION, __version__, _ARTICLE_FIELDS)


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def article_key(raw: bytes, read_fingerprint: str) -> str:
    return digest(read_fingerprint, raw)


class BodyStore:
    """Article bodies on disk, so neither the parent process nor the state holds them all.

    One SQLite file, not one file per body: creating a file costs about 1 ms of system
    time on this project's machines (ext4 under a VM), 10 s for a cold build of 10,000
    articles; inserting the same bodies into one table costs about 0.6 s. Each process
    opens its own connection (forked workers don't share the parent's).
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

    def with_bodies(self, articles) -> list[Article]:
        """with_body of many articles, their bodies loaded at once."""
        bodies = self.load_many(a.key for a in articles if not a.body)
        return [bodied(a, bodies) for a in articles]

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

    def with_body(self, article: Article) -> Article:
        return article if article.body else replace(article, body=self.load(article.key))


def bodied(article: Article, bodies: dict[str, str]) -> Article:
    """The article with its body from `bodies` (by key; articles with the same bytes share one)."""
    return article if article.body else replace(article, body=bodies[article.key])


@dataclass
class State:
    """What the last successful build of one output folder was made from."""
    fingerprint: str = ""                                          # read + render settings
    read_fp: str = ""                                              # what reading depended on
    inputs: str = ""                                               # digest of every input of the site
    sources: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # path -> (mtime_ns, size, key)
    articles: dict[str, Article] = field(default_factory=dict)    # source path as shown -> article without body
    signatures: dict[str, str] = field(default_factory=dict)      # output path -> job signature
    shape: str = ""                                                # digest of what every job context is made of
    related_fp: str = ""                                           # digest of what related articles depend on
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> related slugs
    bodyless: dict[str, str] = field(default_factory=dict)        # output path -> signature before body keys
    image_sizes: dict[str, tuple[int, int, tuple[int, int] | None]] = field(default_factory=dict)
    # image output path -> (mtime_ns, size, (width, height) or None): headers are read once per change
    extras: dict[str, bytes] = field(default_factory=dict)        # search file path -> digest of its bytes
    output_id: tuple[int, int] = (0, 0)                            # (inode, mtime_ns) of the published folder
    outputs: frozenset[str] = frozenset()                          # every file the build wrote
    # The articles as they were loaded, by chunk: (paths, pickled rows); pack_state reuses a chunk
    # whose articles the next state holds as they are.
    chunks: dict[int, tuple[tuple[str, ...], bytes]] = field(default_factory=dict, compare=False, repr=False)


PRUNE_SLACK = 1000  # bodies beyond twice the live ones (plus this) trigger a prune
PRUNE_AGE = 3600    # seconds a body stays after it was last written or used, whatever the states say


def prune_bodies(store: BodyStore, cache: Path, live: set[str]) -> int:
    """Old bodies piling up (each edit keeps a new one) are deleted once they outnumber the live
    ones; bodies any saved state refers to (other output folders, the preview) are kept."""
    kept = store.keys()
    if len(kept) <= 2 * len(live) + PRUNE_SLACK:
        return 0
    keep = set(live)
    for path in cache.glob("state-*.pickle"):
        keep.update(a.key for a in load_state(path).articles.values())
    return store.prune([key for key in kept if key not in keep], PRUNE_AGE)


BODIES_VERSION = 2  # the table's layout (PRAGMA user_version); another one is dropped


def _open_bodies(file: Path) -> tuple[sqlite3.Connection, bool]:
    """The body table, made when missing; a damaged file or another layout is replaced (it only
    costs a cold build). Also says whether it was replaced."""
    file.parent.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        db = sqlite3.connect(file, timeout=60)  # `with db:` is one transaction; writers wait for each other
        try:
            db.execute("PRAGMA synchronous = OFF")  # a cache: a crash may lose it, never corrupt the site
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


# The search index's cache (generator/search/cache.py): its files in the cache folder.
SEARCH_CACHE_FILE = "search.pickle"
SEARCH_DELTA_FILE = "search-delta.pickle"


def has_search_cache(cache: Path) -> bool:
    """Whether a build left a search cache (known without importing the search package)."""
    return (cache / SEARCH_CACHE_FILE).is_file()


def state_path(cache: Path, output_dir: Path, variant: str) -> Path:
    return cache / f"state-{digest(str(output_dir), variant)[:12]}.pickle"


# What loading a damaged cache pickle (or one of another layout) raises: it only costs a cold build.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError)
# Known only once the search index is made and the site published; the rest of a state can be
# pickled before (pack_state), while the search index is still being made in the background.
_LATE = ("extras", "output_id", "outputs")


def load_state(path: Path) -> State:
    """The saved state, or an empty one when absent, unreadable or from another version."""
    try:
        with path.open("rb") as handle:
            version, packed, late = pickle.load(handle)
        if version != _STATE_TAG:
            return State()
        rest, parts = pickle.loads(packed)
        state = replace(rest, **dict(zip(_LATE, late)))
        articles, chunks = {}, {}
        for number, blob in parts:
            chunk = [Article(*row) for row in pickle.loads(blob)]
            articles.update((article.path, article) for article in chunk)
            chunks[number] = (tuple(article.path for article in chunk), blob)
    except FileNotFoundError:
        return State()
    except UNREADABLE:
        return State()  # a damaged cache only costs a cold build
    state.articles, state.chunks = articles, chunks
    return state


CHUNKS = 64  # parts the state's articles are pickled in, by path: an edit pickles one part again


def pack_state(state: State, previous: State | None = None) -> bytes:
    """Every field of the state but the late ones, pickled, for save_state.

    The articles are pickled in CHUNKS parts (by a hash of their path); a part whose
    articles are the very objects `previous` loaded from it is reused as it was (an
    edit to one of 10,000 articles pickles ~160 instead of all: 0.2 s less).
    """
    chunks: dict[int, list[Article]] = {}
    for path, article in state.articles.items():
        chunks.setdefault(zlib.crc32(path.encode("utf-8", "surrogatepass")) % CHUNKS, []).append(article)
    known, loaded = (previous.articles, previous.chunks) if previous is not None else ({}, {})
    shared: dict = {}
    parts = []
    for number, chunk in sorted(chunks.items()):
        paths = tuple(article.path for article in chunk)
        old = loaded.get(number)
        if old is not None and old[0] == paths and all(map(is_, map(known.get, paths), chunk)):
            parts.append((number, old[1]))
        else:  # as plain rows: a slotted dataclass pickles through Python-level __getstate__
            parts.append((number, pickle.dumps([_row(article, shared) for article in chunk],
                                               protocol=pickle.HIGHEST_PROTOCOL)))
    rest = replace(state, articles={}, chunks={}, **{name: getattr(State(), name) for name in _LATE})
    return pickle.dumps((rest, parts), protocol=pickle.HIGHEST_PROTOCOL)


def _row(article: Article, shared: dict) -> tuple:
    """The article as a plain row, its provinces and directives one object per value: articles read
    in workers each hold copies, which a chunk would pickle (and load) one by one (0.3 -> 0.12 s to
    load a 10,000-article state)."""
    row = list(_ROW(article))
    row[_PROVINCES] = tuple(shared.setdefault(p, p) for p in row[_PROVINCES])
    row[_DIRECTIVES] = tuple(shared.setdefault(d, d) for d in row[_DIRECTIVES])
    return tuple(row)


def save_state(path: Path, state: State, packed: bytes | None = None, previous: State | None = None) -> None:
    """packed: pack_state of this state without its late fields, made beforehand (else made here,
    reusing the chunks of `previous`)."""
    dump_cache_file(path, (_STATE_TAG, pack_state(state, previous) if packed is None else packed,
                           tuple(getattr(state, name) for name in _LATE)))


def dump_cache_file(path: Path, value: Any) -> None:
    """value pickled into cache file `path`, which it replaces (see new_cache_file)."""
    with new_cache_file(path) as tmp, tmp.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def new_cache_file(path: Path) -> Iterator[Path]:
    """A file to write the new version of cache file `path` into; it replaces `path` at the end.

    The old file is not renamed over (ext4 flushes a file renamed over another one,
    auto_da_alloc: 0.1 s per build here) but moved aside and deleted while the new one is
    written (deleting the 90 MB search cache of 10,000 articles takes ~80 ms on this file
    system). A crash in between leaves no file, which only costs a cold build.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_suffix(path.suffix + ".old")
    try:
        os.replace(path, aside)  # over a leftover of a killed build, if any
    except FileNotFoundError:
        aside = None  # the first build: nothing to remove
    remover = threading.Thread(target=os.unlink, args=(aside,)) if aside is not None else None
    if remover is not None:
        remover.start()
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if remover is not None:
            remover.join()
    os.replace(tmp, path)


def folder_id(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


def bodyless_row(article: Article, key: str) -> tuple:
    """The article as a plain row without its body, with its key and metadata token: what read
    workers send back (a slotted dataclass pickles through Python-level __getstate__; a row
    pickles and unpickles in about half the time). Article(*row) is the article again."""
    row = list(_ROW(article))
    row[_BODY], row[_KEY], row[_META] = "", key, article.meta or article_token(article)
    return tuple(row)


def article_token(article: Article) -> str:
    """What lists, cards and links show of an article: every field but the body."""
    return digest(*(repr(getattr(article, name)) for name in _ARTICLE_META))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, date, datetime)


def value_digest(value: Any, memo: dict[int, str]) -> str:
    """A short token for a template context value: articles by metadata, the rest by content.

    Tokens of containers are joined and only hashed when long, because hashing every
    node of 16,000 contexts costs more than rendering the pages would.
    """
    if value is None or isinstance(value, _PLAIN):
        return repr(value)
    ident = id(value)
    token = memo.get(ident)
    if token is not None:
        return token
    if isinstance(value, Article):
        # What lists, cards and links show: every field but the body (see Job.full); not the
        # key, which changes with the body and would re-render every list showing the article.
        token = value.meta or article_token(value)
    elif isinstance(value, dict):
        token = "{" + ",".join(f"{k!r}:{value_digest(v, memo)}" for k, v in value.items()) + "}"
    elif isinstance(value, (list, tuple)):
        known = memo.get
        token = "[" + ",".join([known(id(v)) or value_digest(v, memo) for v in value]) + "]"
    elif isinstance(value, (set, frozenset)):
        token = "{" + ",".join(sorted(value_digest(v, memo) for v in value)) + "}"
    elif is_dataclass(value):
        names = _FIELD_NAMES.get(type(value))
        if names is None:
            names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
        token = type(value).__name__ + "(" + ",".join([value_digest(getattr(value, name), memo)
                                                       for name in names]) + ")"
    else:
        token = type(value).__name__ + ":" + repr(value)
    if len(token) > 64:
        token = digest(token)
    memo[ident] = token
    return token
