"""The state of the last successful build of one output folder, saved in the cache folder.

It holds what the next build compares with: each source's stamp and key, the
articles without bodies (with their tokens), every output file's signature, and
what was published. A state that can't be read only costs a cold build.
"""
from __future__ import annotations

import contextlib
import copyreg
import os
import pickle
import threading
import zlib
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter, is_
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from .. import __version__
from ..content import Article
from ..fields import Alias, Image, SourceRef
from ..taxonomy import Directive, Province, Tag, Unit
from .digests import digest


class SourceRecord(NamedTuple):
    """A source file as the last build saw it."""
    mtime_ns: int
    size: int
    ctime_ns: int
    key: str               # article_key of its bytes ("" for an image)

    @property
    def stamp(self) -> tuple[int, int, int]:
        return (self.mtime_ns, self.size, self.ctime_ns)


@dataclass
class State:
    """What the last successful build of one output folder was made from."""
    fingerprint: str = ""                                          # read + render settings
    read_fp: str = ""                                              # ReadSettings.fingerprint
    inputs: str = ""                                               # digest of every input of the site
    sources: dict[str, SourceRecord] = field(default_factory=dict)  # articles by path as shown; images by output
    articles: dict[str, Article] = field(default_factory=dict)    # source path as shown -> article without body
    tokens: dict[str, str] = field(default_factory=dict)          # source path as shown -> digests.article_token
    signatures: dict[str, str] = field(default_factory=dict)      # output path -> job signature
    shape: str = ""                                                # digest of what every job context is made of
    related_fp: str = ""                                           # digest of what related articles depend on
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> related slugs
    bodyless: dict[str, str] = field(default_factory=dict)        # output path -> signature before body keys
    image_sizes: dict[str, tuple[tuple[int, int, int], tuple[int, int] | None]] = field(default_factory=dict)
    # image output path -> (stamp, (width, height) or None): headers are read once per change
    extras: dict[str, bytes] = field(default_factory=dict)        # search file path -> digest of its bytes
    output_id: tuple[int, int] = (0, 0)                            # (inode, mtime_ns) of the published folder
    outputs: frozenset[str] = frozenset()                          # every file the build wrote
    moved: dict[str, str] = field(default_factory=dict)           # old address -> source path (moved.py)
    # The articles as they were loaded, by chunk: (paths, pickled rows); pack_state reuses a chunk
    # whose articles the next state holds as they are.
    chunks: dict[int, tuple[tuple[str, ...], bytes]] = field(default_factory=dict, compare=False, repr=False)


STATE_VERSION = 16
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_ROW = attrgetter(*_ARTICLE_FIELDS)
_PROVINCES, _DIRECTIVES = _ARTICLE_FIELDS.index("provinces"), _ARTICLE_FIELDS.index("directives")
# A state pickled with another Article layout would unpickle into broken objects: its fields are part of the version.
_STATE_TAG = (STATE_VERSION, __version__, _ARTICLE_FIELDS)


def _by_fields(cls) -> None:
    """Pickle a frozen slotted model as a call of its constructor: the dataclass default (a state
    restored through dataclasses' Python-level __setstate__, which looks up fields() per object)
    makes loading the province and directive references of a large state much slower."""
    get = attrgetter(*(f.name for f in fields(cls)))
    copyreg.pickle(cls, lambda value: (cls, get(value)))


for _model in (Province, Directive, Tag, Unit, SourceRef, Image, Alias):
    _by_fields(_model)


def article_row(article: Article) -> tuple:
    """An article as a plain row (a slotted dataclass pickles through Python-level code; a row in
    about half the time). Article(*row) is the article again."""
    return _ROW(article)


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
        articles, tokens, chunks = {}, {}, {}
        for number, blob in parts:
            rows = pickle.loads(blob)
            for row in rows:
                article = Article(*row[:-1])
                articles[article.path] = article
                tokens[article.path] = row[-1]
            chunks[number] = (tuple(row[0] for row in rows), blob)
    except FileNotFoundError:
        return State()
    except UNREADABLE:
        return State()  # a damaged cache only costs a cold build
    state.articles, state.tokens, state.chunks = articles, tokens, chunks
    return state


def saved_output_id(path: Path) -> tuple[int, int] | None:
    """The output folder id a saved state describes; None when it is unreadable or of another version."""
    try:
        with path.open("rb") as handle:
            version, _, late = pickle.load(handle)  # the articles stay pickled
    except UNREADABLE:
        return None
    return dict(zip(_LATE, late)).get("output_id") if version == _STATE_TAG else None


def published_state(cache: Path, output_dir: Path, folder: tuple[int, int]) -> State:
    """The state of the build that published output_dir as it is now (folder: its folder_id), whatever
    options it ran with (`check` builds elsewhere and compares addresses with it); else an empty one."""
    if folder == (0, 0):
        return State()
    for path in sorted(cache.glob("state-*.pickle")):
        try:
            with path.open("rb") as handle:
                version, _, late = pickle.load(handle)  # the articles stay pickled until the one is found
            if version == _STATE_TAG and dict(zip(_LATE, late)).get("output_id") == folder:
                return load_state(path)
        except UNREADABLE:
            continue  # a damaged state: as if there were none
    return State()


def referenced_keys(cache: Path) -> set[str]:
    """The article keys every saved state of this cache folder refers to."""
    keys: set[str] = set()
    for path in cache.glob("state-*.pickle"):
        keys.update(record.key for record in load_state(path).sources.values())
    return keys


CHUNKS = 64  # parts the state's articles are pickled in, by path: an edit pickles one part again


def pack_state(state: State, previous: State | None = None, articles: list | None = None) -> bytes:
    """Every field of the state but the late ones, pickled, for save_state; articles: what
    pack_articles gave for this state (else made here)."""
    parts = pack_articles(state, previous) if articles is None else articles
    rest = replace(state, articles={}, tokens={}, chunks={}, **{name: getattr(State(), name) for name in _LATE})
    return pickle.dumps((rest, parts), protocol=pickle.HIGHEST_PROTOCOL)


def pack_articles(state: State, previous: State | None = None) -> list[tuple[int, bytes]]:
    """The state's articles (with their tokens), pickled in CHUNKS parts (by a hash of their
    path); a part whose articles are the very objects `previous` loaded from it is reused as it
    was (an edit pickles one part again instead of all). Known once reading is done: a cold
    build packs them while its workers render."""
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
        else:
            parts.append((number, pickle.dumps([_row(article, state.tokens[article.path], shared)
                                                for article in chunk], protocol=pickle.HIGHEST_PROTOCOL)))
    return parts


def _row(article: Article, token: str, shared: dict) -> tuple:
    """The article as a plain row with its token last, its provinces and directives one object per
    value: articles read in workers each hold copies, which a chunk would pickle (and load) one by one."""
    row = list(_ROW(article))
    row[_PROVINCES] = tuple(shared.setdefault(p, p) for p in row[_PROVINCES])
    row[_DIRECTIVES] = tuple(shared.setdefault(d, d) for d in row[_DIRECTIVES])
    row.append(token)
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
    auto_da_alloc) but moved aside and deleted in a thread while the new one is
    written. A crash in between leaves no file, which only costs a cold build.
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
