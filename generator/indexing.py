"""The search stage: the index of the visible articles, as files for the staging folder.

The index is always made in a background process while the main process collects,
plans and renders the pages:

- when the last build left a search cache, that process is forked at the start of
  the build and reads the cache while the main process reads the articles; when
  few articles were read, it is given the visible articles and makes the index
  mostly from its cache;
- when many were read (a cold build), the read workers made the postings of what
  they read (read.read_articles); a process forked once reading is done (before
  the checks that may still stop the build, which then cancels it) merges
  them, and the cache's, into the index.

docs/search.md describes the index itself.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .collect import Site, indexed, resolve_tags
from .config import SiteConfig
from .content import Article
from .incremental import BodyStore, article_row, has_search_cache
from .pages import Links
from .parallel import Background, worker_count
from .taxonomy import Registries
from .write import write_file

IndexFile = tuple[str, bytes, "bytes | str"]  # (output path, digest, its bytes or the path of the file holding them)
FOLDER = "search-files"  # in the cache folder: a cold build's index files, written by the background process
# (FOLDER-<pid of the build>: two builds of one project may run at once, and each moves its own in)


def search_input(site: Site, keys: dict[str, str], registries: Registries, store: BodyStore, made: Sequence = ()):
    """What the search index is made of (search.SearchInput), from a collected site: its articles,
    their keys, URLs and tags, bodies loaded from the store on demand, and the parts the read
    workers made."""
    from .search import SearchInput, data_prefix
    articles = site.articles
    article_keys = [keys[a.path] for a in articles]
    links = Links(site.config)

    def bodies(positions: Sequence[int]) -> list[str]:
        found = store.load_many(article_keys[p] for p in positions if not articles[p].body)
        return [articles[p].body or found[article_keys[p]] for p in positions]

    resolved: list[dict] = []  # the site's tags, resolved when first asked for (see indexed)

    def tags(positions: Sequence[int]) -> list[tuple[str, ...]]:
        if not resolved:
            resolved.append(site.tags_of or resolve_tags(articles, registries))
        return [tuple(t.name for t in resolved[0].get(articles[p].slug, ())) for p in positions]

    return SearchInput(articles, article_keys, [links(a) for a in articles], tags, registries,
                       data_prefix(site.config), bodies, made)


def index_files(site: Site, keys: dict[str, str], registries: Registries, store: BodyStore, cache: Path,
                send: Callable[[list], None] | None = None, preloaded=None, made: Sequence = (),
                folder: Path | None = None) -> list[IndexFile]:
    """The search index files. With send, the list is sent as soon as it is complete, while the
    search cache is saved; preloaded: the search cache, read beforehand (search.open_cache).
    With folder, the files are written there (output.write_files moves them into the site) and
    the list gives their paths instead of their bytes."""
    from .search import open_cache, search_files
    files: list[IndexFile] = []
    sent = []
    if folder is not None:
        if folder.exists():  # a failed build's
            shutil.rmtree(folder)
        made_dirs: set[str] = set()
        base = os.fspath(folder)

    def ready() -> None:
        if send is not None and not sent:
            sent.append(True)
            send(files)

    search_cache = preloaded if preloaded is not None else open_cache(cache, registries)
    for path, data in search_files(search_input(site, keys, registries, store, made), search_cache, worker_count(),
                                   on_ready=ready):
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if folder is not None:  # ~1,500 files: str paths and plain os calls, not pathlib's
            target = os.path.join(base, path)
            parent = os.path.dirname(target)
            if parent not in made_dirs:
                os.makedirs(parent, exist_ok=True)
                made_dirs.add(parent)
            write_file(target, data)
            data = target
        files.append((path, digest, data))
    ready()  # when the files came from the cache as a whole, nothing was saved
    return files


def files_folder(cache: Path) -> Path:
    """This build's folder for the background process's index files; the folders of builds that
    no longer run (killed before they moved theirs in) are removed."""
    for old in cache.glob(FOLDER + "*"):
        owner = old.name[len(FOLDER) + 1:]
        if old.name == FOLDER or (owner.isdigit() and int(owner) != os.getpid() and not _running(int(owner))):
            shutil.rmtree(old)
    return cache / f"{FOLDER}-{os.getpid()}"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class SearchStage:
    """The search index of one build, made in a background process (see the module's text).
    enabled=False leaves the index out (the benchmarks build the site Hugo and Pelican build)."""

    def __init__(self, config: SiteConfig, registries: Registries, store: BodyStore, cache: Path,
                 known: dict[str, Article], enabled: bool = True):
        """known: the last build's articles, shared with the background process through the fork."""
        self.config, self.registries, self.store, self.cache = config, registries, store, cache
        self.enabled = enabled
        self._background: Background | None = None
        self._given: list = []  # the read workers' parts the process was forked with (see give)
        if enabled and has_search_cache(cache):
            self._background = Background(lambda send, receive: self._from_cache(send, receive, known), inbox=True)

    def give(self, shown: Sequence[Article], keys: dict[str, str], known: dict[str, Article], few: bool,
             made: list) -> None:
        """The visible articles to index, once they are read. Few read, with a search cache: the
        process forked at the start is given them (those the last build's state holds as they are
        by path). Otherwise a process is forked now with the read workers' parts, which then leave
        this process."""
        if not self.enabled:
            return
        if few and self._background is not None:
            self._background.give([(a.path if known.get(a.path) is a else article_row(a), keys[a.path])
                                   for a in shown])
            return
        self.cancel()
        # Held here until the process ends: freed now, right after the fork, they would be copied
        # page by page into this process (its pages are shared with the child until written) and
        # the shared postings unmapped, while the build waits.
        self._given = list(made)
        made.clear()
        folder = files_folder(self.cache)
        given = self._given
        self._background = Background(lambda send: self._from_parts(send, shown, keys, given, folder))

    def _from_cache(self, send: Callable[[list], None], receive: Callable[[], Any], known: dict[str, Article]) -> None:
        from .search import open_cache
        preloaded = open_cache(self.cache, self.registries)
        given = receive()
        if given is None:
            return
        shown = [known[item] if isinstance(item, str) else Article(*item) for item, _ in given]
        keys = {article.path: key for article, (_, key) in zip(shown, given)}
        index_files(indexed(shown, self.config), keys, self.registries, self.store, self.cache,
                    send, preloaded)

    def _from_parts(self, send: Callable[[list], None], shown: Sequence[Article], keys: dict[str, str],
                    made: list, folder: Path) -> None:
        index_files(indexed(list(shown), self.config), keys, self.registries, self.store,
                    self.cache, send, made=made, folder=folder)

    @property
    def in_background(self) -> bool:
        return self._background is not None

    def files(self) -> list[IndexFile]:
        return self._background.result() if self._background is not None else []

    def finish(self) -> None:
        """Waits for the background process to save the search cache."""
        if self._background is not None:
            self._background.finish()
            self._background = None
            self._given = []

    def cancel(self) -> None:
        """Stops the background process (a build that failed or needs no index from it)."""
        if self._background is not None:
            self._background.cancel()
            self._background = None
            self._given = []
