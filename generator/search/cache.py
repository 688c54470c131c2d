"""The search cache: the last build's index, kept for the next build.

It holds the merged postings (assemble.Index: numpy arrays and the lists' strings),
each document's cache key and record in index order, the packed files by the
digest of their content, and the files as last given with the inputs they were
made from. A build finds there the documents it need not index again, and the
files whose content did not change. One file, ``search.pickle`` in the cache
folder; a damaged or foreign one only costs a cold index.
"""
from __future__ import annotations

import pickle
from pathlib import Path

from ..incremental import SEARCH_CACHE_FILE as CACHE_FILE
from ..incremental import SEARCH_DELTA_FILE as DELTA_FILE
from ..incremental import UNREADABLE, dump_cache_file
from .assemble import Index

_DAMAGED = (*UNREADABLE, KeyError, IndexError)


class SearchCache:
    """The cache of one folder (None: nothing read or written), read when made."""

    def __init__(self, folder: Path | None, version: tuple, read: bool = True):
        self.path = folder / CACHE_FILE if folder is not None else None
        self.version = version
        self.index: Index | None = None
        self.doc_keys: list[str] = []
        self.records: list[bytes] = []
        self.memo: dict[bytes, bytes] = {}
        self.output: tuple[str, list[tuple[str, bytes]]] = ("", [])
        if self.path is None or not read:
            return
        try:
            with self.path.open("rb") as handle:
                saved = pickle.load(handle)
        except FileNotFoundError:
            return
        except _DAMAGED:
            return  # a damaged cache only costs a cold index
        if not isinstance(saved, dict) or saved.get("version") != version:
            return
        self.index, self.doc_keys, self.records = saved["index"], saved["doc_keys"], saved["records"]
        self.memo = saved["memo"]
        inputs, refs = saved["output"]
        try:
            self.output = inputs, [(path, self.memo[data] if by_digest else data) for path, by_digest, data in refs]
        except KeyError:
            self.output = ("", [])

    def save(self, index: Index, doc_keys: list[str], records: list[bytes], memo: dict[bytes, bytes],
             output: tuple[str, list[tuple[str, bytes]]]) -> None:
        if self.path is None:
            return
        by_id = {id(data): digest for digest, data in memo.items()}  # files are the memo's own objects
        refs = [(path, True, by_id[id(data)]) if id(data) in by_id else (path, False, data)
                for path, data in output[1]]
        dump_cache_file(self.path, {"version": self.version, "index": index, "doc_keys": doc_keys,
                                    "records": records, "memo": memo, "output": (output[0], refs)})
        if self.path.with_name(DELTA_FILE).exists():  # left by an earlier version
            self.path.with_name(DELTA_FILE).unlink()
