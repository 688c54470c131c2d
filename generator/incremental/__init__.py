"""Incremental builds: what a build keeps for the next one, and what the next one may reuse.

- ``digests``: keys and tokens (article_key, article_token, value_digest);
- ``bodies``: article bodies in one SQLite table, by key;
- ``state``: the last build's state of one output folder;
- ``plan``: ``Reuse``, asked by each stage what is still current;
- ``signing``: signatures, a digest per output page of everything it is made from.

Everything lives in ``.cache/lamtheobac/``; deleting it only makes the next build
a cold one. docs/architecture.md gives the rules for keeping the cache correct.
"""
from __future__ import annotations

from pathlib import Path

from .bodies import BodyStore, bodied, prune_bodies
from .digests import article_key, article_memo, article_token, digest, folder_id, value_digest
from .plan import PagePlan, ReadPlan, Reuse, Tuning, site_inputs
from .signing import signatures
from .state import (UNREADABLE, SourceRecord, State, article_row, dump_cache_file, load_state, new_cache_file,
                    pack_articles, pack_state, published_state, referenced_keys, save_state,
                    saved_output_id, state_path)

CACHE_DIR = ".cache/lamtheobac"
# The search index's cache (generator/search/cache.py): its files in the cache folder.
SEARCH_CACHE_FILE = "search.pickle"
SEARCH_DELTA_FILE = "search-delta.pickle"


def has_search_cache(cache: Path) -> bool:
    """Whether a build left a search cache (known without importing the search package)."""
    return (cache / SEARCH_CACHE_FILE).is_file()


__all__ = ["BodyStore", "CACHE_DIR", "PagePlan", "ReadPlan", "Reuse", "SEARCH_CACHE_FILE", "SEARCH_DELTA_FILE",
           "SourceRecord", "State", "Tuning", "UNREADABLE", "article_key", "article_memo", "article_row",
           "article_token", "bodied", "digest", "dump_cache_file", "folder_id", "has_search_cache", "load_state",
           "new_cache_file", "pack_articles", "pack_state", "prune_bodies", "published_state", "referenced_keys",
           "save_state", "saved_output_id",
           "signatures", "site_inputs", "state_path", "value_digest"]
