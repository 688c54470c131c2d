"""The search stage: the index of the visible articles, as files for the staging folder.

When the last build left a search cache, the index is made in a background
process forked at the start of the build: it reads that cache while the main
process reads the articles, and makes the index (mostly from the cache) while
the pages are collected, planned and rendered. When many articles were read
(a cold build), the index is made after the pages, whose workers already use
every core.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .collect import Site, indexed
from .config import SiteConfig
from .content import Article
from .incremental import BodyStore, article_row, has_search_cache
from .pages import Links
from .parallel import Background
from .taxonomy import Registries

IndexFile = tuple[str, bytes, bytes]  # (output path, digest, bytes)


def search_input(site: Site, keys: dict[str, str], registries: Registries, store: BodyStore):
    """What the search index is made of (search.SearchInput), from a collected site."""
    from .search import SearchInput, data_prefix
    articles = site.articles
    article_keys = [keys[a.path] for a in articles]
    links = Links(site.config)

    def bodies(positions: Sequence[int]) -> list[str]:
        found = store.load_many(article_keys[p] for p in positions if not articles[p].body)
        return [articles[p].body or found[article_keys[p]] for p in positions]

    return SearchInput(articles, article_keys, [links(a) for a in articles],
                       [tuple(t.name for t in site.tags_of.get(a.slug, ())) for a in articles],
                       registries, data_prefix(site.config), bodies)


def index_files(site: Site, keys: dict[str, str], registries: Registries, store: BodyStore, cache: Path,
                send: Callable[[list], None] | None = None, preloaded=None, workers: int | None = None
                ) -> list[IndexFile]:
    """The search index files. With send, the list is sent as soon as it is complete, while the
    search cache is saved; preloaded: the search cache, read beforehand (search.open_cache)."""
    from .search import search_files
    files: list[IndexFile] = []
    sent = []

    def ready() -> None:
        if send is not None and not sent:
            sent.append(True)
            send(files)

    for path, data in search_files(search_input(site, keys, registries, store), workers=workers,
                                   cache_dir=cache, on_ready=ready, cache=preloaded):
        files.append((path, hashlib.blake2b(data, digest_size=16).digest(), data))
    ready()  # when the files came from the cache as a whole, nothing was saved
    return files


class SearchStage:
    """The search index of one build: made in a background process when a search cache exists."""

    def __init__(self, config: SiteConfig, registries: Registries, store: BodyStore, cache: Path,
                 known: dict[str, Article]):
        """known: the last build's articles, shared with the background process through the fork."""
        self.config, self.registries, self.store, self.cache = config, registries, store, cache
        self._background: Background | None = None
        if has_search_cache(cache):
            self._background = Background(lambda send, receive: self._in_background(send, receive, known),
                                          inbox=True)

    @property
    def in_background(self) -> bool:
        return self._background is not None

    def give(self, shown: Sequence[Article], keys: dict[str, str], known: dict[str, Article], few: bool) -> None:
        """The visible articles to index. Few read: the background process makes the index, with
        articles the last build's state holds as they are going by path. Many: the index is made
        after the pages (files())."""
        if self._background is None:
            return
        if few:
            self._background.give([(a.path if known.get(a.path) is a else article_row(a), keys[a.path])
                                   for a in shown])
        else:
            self.cancel()

    def _in_background(self, send: Callable[[list], None], receive: Callable[[], Any],
                       known: dict[str, Article]) -> None:
        from .search import open_cache
        preloaded = open_cache(self.cache, self.registries)
        given = receive()
        if given is None:
            return
        shown = [known[item] if isinstance(item, str) else Article(*item) for item, _ in given]
        keys = {article.path: key for article, (_, key) in zip(shown, given)}
        index_files(indexed(shown, self.config, self.registries), keys, self.registries, self.store, self.cache,
                    send, preloaded)

    def files(self, site: Site, keys: dict[str, str]) -> list[IndexFile]:
        if self._background is not None:
            return self._background.result()
        return index_files(site, keys, self.registries, self.store, self.cache)

    def finish(self) -> None:
        """Waits for the background process to save the search cache."""
        if self._background is not None:
            self._background.finish()
            self._background = None

    def cancel(self) -> None:
        """Stops the background process (a build that failed or needs no index from it)."""
        if self._background is not None:
            self._background.cancel()
            self._background = None
