"""build(): load config -> discover -> read -> collect -> plan -> render -> write.

Every stage reports all the problems it finds; the build stops before
publishing if there is any, so the previous site stays exactly as it was.
``Builder`` keeps what one build learnt (in memory and in ``.cache/``) so the
next build reads only changed sources and renders only pages whose inputs
changed; ``build()`` is one Builder run.
"""
from __future__ import annotations

import gc
import hashlib
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from . import __version__
from .cache import (CACHE_DIR, BodyStore, State, article_key, article_token, bodied, bodyless_row, digest,
                    folder_id, has_search_cache, load_state, pack_state, prune_bodies, save_state, state_path,
                    value_digest)
from .collect import Site, check_slugs, collect, indexed, related_slugs, visible
from .config import SiteConfig, load_config
from .content import Article, Page, errors_of, read_article, read_page
from .errors import BuildFailed, ContentError, SiteError, TemplateError
from .images import image_size
from .markdown import Renderer
from .pages import KIND_LABELS, Job, Links, plan, sitemap_jobs
from .parallel import Background, Progress, chunks, fork_map, worker_count
from .render import Templates, collect_assets, templates_fingerprint
from .taxonomy import Registries, load_registries
from .vietnamese import normalize
from .write import Lock, Staging, check_output_dir, write_file

SKIP_PREFIXES = (".", "_", "#")
TIMINGS = os.environ.get("LAMTHEOBAC_TIMINGS") == "1"


class _Stages:
    """Seconds per stage, printed to stderr when LAMTHEOBAC_TIMINGS=1 (for benchmarks)."""

    def __init__(self):
        self.last = time.perf_counter()
        self.cpu = _cpu()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        if TIMINGS:
            cpu = _cpu()
            user, system = (b - a for a, b in zip(self.cpu, cpu))
            print(f"  {name}: {now - self.last:.2f}s (cpu user {user:.2f}s, sys {system:.2f}s)", file=sys.stderr)
            self.cpu = cpu
        self.last = now


def _cpu() -> tuple[float, float]:
    """User and system seconds of this process and its finished workers."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + kids.ru_utime, me.ru_stime + kids.ru_stime


# The objects of builds made by a process that ends right after (the command line, cli.run): kept
# alive so that they are not freed one by one when the build returns (0.1-0.2 s for 10,000
# articles); the process exits without freeing them, and the OS reclaims its memory at once.
_LEFT: list = []
PARALLEL_MIN = 64  # fewer items than this are done in-process: forking costs more
PATCH_MAX = 500    # an incremental build changing at most this many pages (or 1/5) patches in place


@dataclass(frozen=True)
class Sources:
    """The source files with (mtime_ns, size) as listed: a one-change build of 10,000 articles
    compares every article's, and the listing's own stat is ~3x cheaper than Path.stat()."""
    articles: tuple[tuple[Path, str, tuple[int, int] | None], ...]  # (file, path as shown, stamp or None)
    pages: tuple[tuple[Path, str, tuple[int, int] | None], ...]
    images: tuple[tuple[Path, str, tuple[int, int]], ...]     # (file, output path under images/, stamp)


@dataclass
class BuildResult:
    pages: int                 # pages rendered in this run
    files: int                 # files in the published site
    seconds: float
    output: Path
    reused: int = 0            # pages taken unchanged from the previous build
    unchanged: bool = False    # nothing changed: nothing was written
    site: Site | None = field(default=None, repr=False)


def display_path(path: Path | str, root: Path) -> str:
    text, prefix = str(path), str(root)
    if text.startswith(prefix) and text[len(prefix):len(prefix) + 1] == os.sep:  # fast: no PurePath work
        return normalize(text[len(prefix) + 1:].replace(os.sep, "/"))
    try:
        return normalize(Path(path).relative_to(root).as_posix())
    except ValueError:
        return normalize(Path(path).as_posix())


def _walk(folder: Path, root: Path, errors: list[SiteError],
          stamps: bool = True) -> list[tuple[Path, str, tuple[int, int] | None]]:
    """Files under folder (as Path, as str, and their (mtime_ns, size) unless not `stamps`), sorted,
    hidden ones skipped; links leading outside the project refused."""
    found: list[tuple[Path, str, tuple[int, int] | None]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: normalize(e.name))
        # Path objects as pathlib makes them for a listing: ~4x cheaper than Path(entry.path)
        # (35-60 ms for 10,000 articles); scandir's entries know their type without a stat.
        paths = {path.name: path for path in folder.iterdir()}
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        name = entry.name
        if name.startswith(SKIP_PREFIXES) or name.endswith("~"):
            continue
        path = paths.get(name) or Path(entry.path)  # made between the two listings: the slow way
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            errors.append(ContentError(f"liên kết tượng trưng trỏ ra ngoài dự án (tới {path.resolve()}), "
                                       "không được dùng; hãy chép tệp vào dự án", display_path(path, root), 1))
            continue
        if entry.is_dir():  # a link is followed only when it stays inside the project
            found += _walk(path, root, errors, stamps)
        elif entry.is_file() and not stamps:
            found.append((path, entry.path, None))
        elif entry.is_file():
            try:
                st = entry.stat()
            except FileNotFoundError:  # deleted since the listing: not there
                continue
            found.append((path, entry.path, (st.st_mtime_ns, st.st_size)))
    return found


def discover(config: SiteConfig, stamps: bool = True) -> tuple[Sources, list[SiteError]]:
    """The source files; without `stamps` (no last build to compare with) articles and pages are
    not stat'ed here: the workers that read them do (10,000 calls, ~0.08 s, in the main process)."""
    root = config.root
    content = config.path(config.content_dir)
    errors: list[SiteError] = []
    if not content.is_dir():
        errors.append(ContentError(f"không tìm thấy thư mục nội dung “{config.content_dir}”", "site.toml"))
    articles = tuple((p, display_path(text, root), stamp)
                     for p, text, stamp in _walk(content / "articles", root, errors, stamps)
                     if text.lower().endswith(".md"))
    pages = tuple((p, display_path(text, root), stamp)
                  for p, text, stamp in _walk(content / "pages", root, errors, stamps) if text.lower().endswith(".md"))
    images_dir = config.path(config.images_dir)
    images = tuple((p, "images/" + normalize(p.relative_to(images_dir).as_posix()), stamp)
                   for p, _, stamp in _walk(images_dir, root, errors))
    return Sources(articles, pages, images), errors


def read_fingerprint(config: SiteConfig, registries: Registries) -> str:
    """Everything an Article depends on besides its own bytes."""
    return digest(__version__, config.base_path, config.markdown_engine, repr(config.security.iframe_hosts),
                  str(config.summary_length), config.timezone, registries.fingerprint)


def make_renderer(config: SiteConfig) -> Renderer:
    return Renderer(config.base_path, config.security.iframe_hosts, config.markdown_engine)


def _read_part(task: dict, part: Sequence[tuple[Path, str]]) -> tuple[list[tuple[str, tuple | None, tuple | None,
                                                                          list]], Any]:
    """Worker: read articles, keep their bodies in the store, send back bodiless articles (as rows),
    and with task["search"] the search postings of the articles read (search.read_part)."""
    config, registries, store, fp, known = task["config"], task["registries"], task["store"], task["fp"], task["known"]
    renderer = task.setdefault("renderer", make_renderer(config))
    out, bodies, read = [], [], []
    for path, shown in part:
        try:
            raw = path.read_bytes()
            st = path.stat()
        except OSError as exc:
            out.append((shown, None, None, [ContentError(f"không đọc được tệp: {exc.strerror}", shown)]))
            continue
        key = article_key(raw, fp)
        stat = (st.st_mtime_ns, st.st_size, key)
        same = known.get(shown)
        if same is not None and same.key == key and store.touch(key):  # touched but not changed
            out.append((shown, stat, bodyless_row(same, key), []))
            continue
        try:
            article = read_article(path, shown, registries, renderer, config.zone, config.summary_length, raw=raw)
        except ContentError as exc:
            out.append((shown, None, None, errors_of(exc)))
            continue
        bodies.append((key, article.body))
        read.append((article, key))
        out.append((shown, stat, bodyless_row(article, key), []))
    store.save_many(bodies)  # one transaction per part
    made = None
    if task["search"] and read:  # search hook: the postings of what was read, while the body is at hand
        from .search import Maker, Names, read_part
        maker = task.get("maker") or task.setdefault("maker", Maker(Names.from_registries(registries)))
        links = task.setdefault("links", Links(config))
        made = read_part([a for a, _ in read], [links(a) for a, _ in read], [k for _, k in read], registries,
                         maker)
    return out, made


def _render_part(task: dict, indices: Sequence[int]) -> tuple[int, list[SiteError]]:
    """Worker: render jobs and write their files (paths were claimed by the main process)."""
    jobs, templates, store, targets = task["jobs"], task["templates"], task["store"], task["targets"]
    written, errors, broken, made = 0, [], set(), set()
    # The part's bodies in one query (one each costs twice as much); by key, which articles with
    # the same bytes share, each article getting its own copy.
    bodies = store.load_many({a.key for i in indices for name in jobs[i].full
                              for a in _articles(jobs[i].context[name]) if not a.body})
    for i in indices:
        job = jobs[i]
        if job.template in broken:
            continue
        context = job.context
        if job.full:
            context = dict(context)
            for name in job.full:
                value = context[name]
                context[name] = (bodied(value, bodies) if isinstance(value, Article)
                                 else tuple(bodied(a, bodies) for a in value))
        try:
            text = templates.render(job.template, **context)
        except TemplateError as exc:
            broken.add(job.template)
            errors.append(exc)
            continue
        target = targets[i]
        folder = target.rpartition("/")[0]
        if folder not in made:  # one mkdir per folder, not per page
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        write_file(target, text.encode("utf-8"))
        written += 1
    return written, errors


def search_input(site: Site, registries: Registries, store: BodyStore, made: Sequence = ()):
    """What the search index is made of (search.SearchInput): the site's articles, their keys, URLs and
    tags; bodies loaded from the store on demand; parts the read workers made. Search hook."""
    from .search import SearchInput, data_prefix
    links, articles = Links(site.config), site.articles

    def bodies(positions: Sequence[int]) -> list[str]:
        loaded = store.load_many(articles[p].key for p in positions)
        return [loaded[articles[p].key] for p in positions]

    return SearchInput(articles, [a.key for a in articles], [links(a) for a in articles],
                       [tuple(t.name for t in site.tags_of.get(a.slug, ())) for a in articles], registries,
                       data_prefix(site.config), bodies, made)


def search_files(inp, cache, workers: int, on_ready=None):
    """search.search_files (search hook). The benchmarks replace it to build without the index;
    that also leaves out the postings the read workers make (see _read_articles)."""
    from .search import search_files as files
    return files(inp, cache, workers, on_ready)


_SEARCH_FILES = search_files


def index_files(site: Site, registries: Registries, store: BodyStore, cache: Path,
                send: Callable[[list], None] | None = None, preloaded=None,
                made: Sequence = ()) -> list[tuple[str, bytes, bytes]]:
    """The search index files as (path, digest, bytes). With send, the list is sent as soon as it
    is complete, while the search cache is saved (see Background); preloaded: the search cache,
    read beforehand (search.open_cache); made: the read workers' parts."""
    from .search import open_cache
    files: list[tuple[str, bytes, bytes]] = []
    sent = []

    def ready() -> None:
        if send is not None and not sent:
            sent.append(True)
            send(files)

    search_cache = preloaded if preloaded is not None else open_cache(cache, registries)
    for path, data in search_files(search_input(site, registries, store, made), search_cache, worker_count(),
                                   on_ready=ready):  # search hook
        files.append((path, hashlib.blake2b(data, digest_size=16).digest(), data))
    ready()  # when the files came from the cache as a whole, nothing was saved
    return files


def _index_in_background(send: Callable[[list], None], receive: Callable[[], Any], config: SiteConfig,
                         registries: Registries, store: BodyStore, cache: Path, known: dict[str, Article]) -> None:
    """Background process of a build with a search cache: reads that cache while the main process
    reads the articles, then indexes the articles it is given: by path when the last build's state
    (`known`, inherited through the fork) holds them as they are, else as rows (None: nothing to
    index)."""
    from .search import open_cache
    preloaded = open_cache(cache, registries)
    given = receive()
    if given is not None:
        shown = [known[item] if isinstance(item, str) else Article(*item) for item in given]
        index_files(indexed(shown, config, registries), registries, store, cache, send, preloaded)


def _index_from_parts(send: Callable[[list], None], shown: list[Article], config: SiteConfig,
                      registries: Registries, store: BodyStore, cache: Path, made: list) -> None:
    """Background process of a build whose read workers made the search postings of the articles
    they read (search.read_part): forked once the articles are read, it merges them (and the search
    cache's) into the index while the main process collects, plans and renders."""
    index_files(indexed(shown, config, registries), registries, store, cache, send, made=made)


def _articles(value) -> tuple[Article, ...]:
    return (value,) if isinstance(value, Article) else tuple(value)


def make_templates(config: SiteConfig, site: Site, image_sizes: dict[str, tuple[int, int]],
                   bytecode_dir: Path | None = None) -> Templates:
    """Jinja globals computed once per build: nothing loops over every article per page.

    image_sizes: site URL of a local image ("/images/a.jpg") -> (width, height).
    """
    links = Links(config)
    return Templates(config, collect_assets(config), {
        "image_sizes": image_sizes,
        "site": config,
        "link": links,
        "links": links,
        "menu": [p for p in site.pages if p.menu is not None],
        "latest": site.articles[:5],
        "groups": site.groups,
        "kind_labels": KIND_LABELS,
        "article_count": len(site.articles),
    }, bytecode_dir)


def signatures(jobs: list[Job], templates: Templates, base: str,
               known: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """One digest per job of everything its page is made from, and for jobs showing bodies
    the digest before the bodies' keys.

    `known` (when every context is the same as last time: same shape) gives the
    signatures without bodies of the last build, so only body keys are hashed.
    """
    memo: dict[int, str] = {}
    global_digests: dict[str, str] = {}
    out: list[str] = []
    bodyless: dict[str, str] = {}
    known = known or {}
    for job in jobs:
        sig = known.get(job.path)
        if sig is None:
            template_digest, used = templates.dependencies(job.template)
            parts = [base, job.path, template_digest, value_digest(job.context, memo)]
            for name in sorted(used):
                if name not in global_digests:
                    global_digests[name] = (templates.global_token(name)
                                            or value_digest(templates.env.globals[name], memo))
                parts.append(global_digests[name])
            sig = digest(*parts)
        if job.full:  # bodies shown: the full source key, not just the metadata
            bodyless[job.path] = sig
            keys = []
            for name in job.full:
                value = job.context[name]
                keys += [value.key] if isinstance(value, Article) else [a.key for a in value]
            sig = digest(sig, *keys)
        out.append(sig)
    return out, bodyless


@dataclass
class _Last:
    """What the last successful build knew, kept in memory for quick() (the preview server)."""
    config: SiteConfig
    registries: Registries
    templates: Templates
    renderer: Renderer
    output_dir: Path
    article_jobs: dict[str, Job]      # source path as shown -> its page job


class Builder:
    """Builds one project into one output folder, reusing all it can from the last build."""

    def __init__(self, root: Path, *, output: str | None = None, base_url: str | None = None,
                 drafts: bool | None = None, future: bool | None = None, workers: int | None = None,
                 log: Callable[[str], None] = lambda _: None, progress: bool = False,
                 keep_last: bool = False, exiting: bool = False):
        self.root = Path(root).resolve()
        self.keep_last = keep_last  # keep the last site in memory for quick() (preview server)
        self.exiting = exiting  # the process ends after the build: what it made is left for the OS (_LEFT)
        self.overrides = dict(output_dir=output, base_url=base_url, drafts=drafts, future=future)
        self.workers = workers or worker_count()
        self.log = log
        self.progress = progress
        self._last: _Last | None = None
        self._index: Background | None = None   # the search index being made in the background
        self._made: list = []                    # search postings the read workers made (this build's)

    def _done(self, result: BuildResult, objects: dict) -> BuildResult:
        """The result of a build; in a process that ends after it, what it made is kept (see _LEFT)."""
        if self.exiting:
            _LEFT.append(objects)
        return result

    def _remember(self, config, registries, templates, output_dir, jobs) -> None:
        if self.keep_last:
            self._last = _Last(config, registries, templates, make_renderer(config), output_dir,
                               {job.context["article"].path: job for job in jobs if "article" in job.full})

    def quick(self, changed: set[Path] | frozenset[Path]) -> list[str]:
        """Re-render at once the pages of edited articles, from the last build's site.

        For the preview server: the edited article's own page shows the change in a
        few milliseconds; the full incremental build that follows brings every
        other page (lists, terms, feeds, search) up to date. Anything unusual (an
        error, a new slug, a new file) is left to that build. Returns output paths.
        """
        last = self._last
        written: list[str] = []
        if last is None:
            return written
        for path in sorted(changed):
            if path.suffix.lower() != ".md" or not path.is_file():
                continue
            shown = display_path(path.resolve(), last.config.root)
            job = last.article_jobs.get(shown)
            if job is None:
                continue
            try:
                article = read_article(path, shown, last.registries, last.renderer, last.config.zone,
                                       last.config.summary_length)
            except ContentError:
                continue  # the full build reports it, with every other problem
            if article.slug != job.context["article"].slug:
                continue
            try:
                text = last.templates.render(job.template, **{**job.context, "article": article})
            except TemplateError:
                continue
            target = last.output_dir / job.path
            tmp = target.with_name(target.name + ".quick")
            tmp.write_bytes(text.encode("utf-8"))
            os.replace(tmp, target)
            written.append(job.path)
        return written

    def build(self, now: datetime | None = None) -> BuildResult:
        # The main process makes hundreds of thousands of objects that live to the end of the build
        # (state, articles, jobs, search entries) and next to no cyclic garbage: the collector would
        # only walk them again and again (0.10-0.14 s of a one-change build even with a threshold of
        # 50,000). It is off in this process while it builds; forked workers collect as usual.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._build(now)
        finally:
            if self._index is not None:  # a build that stopped early leaves no search process behind
                self._index.cancel()
                self._index = None
            self._made = []
            if enabled:
                gc.enable()

    def _build(self, now: datetime | None) -> BuildResult:
        started = time.perf_counter()
        stage = _Stages()
        progress = Progress(self.progress)
        config = load_config(self.root, **self.overrides)
        output_dir = config.path(config.output_dir)
        check_output_dir(output_dir, config.root, config.path(config.content_dir),
                         keep=(config.path(config.templates_dir), config.path(config.themes_dir),
                               config.path(config.data_dir), config.root / CACHE_DIR))
        registries = load_registries(config.path(config.data_dir), config.root)
        cache = config.root / CACHE_DIR
        store = BodyStore(cache)
        fp = read_fingerprint(config, registries)
        state_file = state_path(cache, output_dir, repr(sorted(self.overrides.items())))
        previous = load_state(state_file)
        # With a search cache to bring up to date, a background process reads it from now on, while
        # this one reads the articles (see below). Forked after the state is loaded, it shares the
        # last build's articles instead of loading them again (one-change builds, ten alternated
        # pairs: median 1.21 vs 1.34 s).
        index = self._index = (Background(lambda send, receive: _index_in_background(
            send, receive, config, registries, store, cache, previous.articles), inbox=True)
            if has_search_cache(cache) else None)
        # Reusing the last build's articles is safe only when reading would give the same result.
        known_articles = previous.articles if previous.read_fp == fp else {}
        stage("config+state")

        sources, errors = discover(config, stamps=bool(previous.sources))
        stage("discover")
        articles, sources_state, read_errors, read_count = self._read_articles(sources, config, registries, store,
                                                                                fp, previous, known_articles,
                                                                                progress)
        errors += read_errors
        stage("read")
        pages, page_errors = self._read_pages(sources, config)
        errors += page_errors
        now = now or datetime.now(config.zone)
        shown = visible(articles, config, now)
        errors += check_slugs(shown, pages, config)
        if errors:
            progress.finish()
            raise BuildFailed(errors)
        image_state = {out: stamp for _, out, stamp in sources.images}
        # Everything the site is made of, known before any page is planned: when it is what the
        # last build published (and that output is still there), there is nothing to do.
        pages_token, images_token = value_digest(pages, {}), repr(sorted(image_state.items()))
        inputs = digest(fp, config.fingerprint(), templates_fingerprint(config),
                        repr(sorted((a.path, a.key) for a in shown)), pages_token, images_token)
        if inputs == previous.inputs and previous.output_id == folder_id(output_dir) and previous.outputs \
                and not (self.keep_last and self._last is None):
            progress.finish()
            seconds = time.perf_counter() - started
            self.log(f"Không có gì thay đổi · {seconds:.2f} giây")
            return self._done(BuildResult(0, len(previous.outputs), seconds, output_dir, len(previous.signatures),
                                          True), locals())

        # Few articles read: the search index comes mostly from its cache, which the background
        # process has read meanwhile; it makes the index while this one collects, plans and renders
        # the pages. Articles the last state holds as they are go by path. Many read: their read
        # workers made their search postings; a background process forked now merges them (and the
        # cache's) into the index meanwhile.
        if index is not None and read_count < PARALLEL_MIN:
            index.give([a.path if known_articles.get(a.path) is a else bodyless_row(a, a.key) for a in shown])
        else:
            if index is not None:
                index.cancel()
            made, self._made = [self._made], []  # the parts go to the process forked here, then out of this one
            index = self._index = Background(lambda send: _index_from_parts(send, shown, config, registries, store,
                                                                            cache, made[0]))
            made.clear()
        metas = [a.meta or article_token(a) for a in shown]
        # Related articles depend on every article's metadata (dates, terms), the registries and the count.
        related_fp = digest(fp, str(config.related_count), *metas)
        site = collect(shown, pages, config, registries,
                       related=previous.related if related_fp == previous.related_fp else None)
        stage("collect")
        image_sizes = {}
        for path, out, _ in sources.images:  # headers read only for new or changed images
            known_size = previous.image_sizes.get(out)
            image_sizes[out] = (known_size if known_size is not None and known_size[:2] == image_state[out]
                                else (*image_state[out], image_size(path)))
        templates = make_templates(config, site, {config.base_path + out: size[2]
                                                  for out, size in image_sizes.items() if size[2]}, cache)
        errors += templates.check()
        if errors:
            raise BuildFailed(errors)
        render_fp = digest(fp, config.fingerprint(), templates_fingerprint(config),
                           repr(sorted(a.output for a in templates.assets.values())))
        jobs = plan(site)
        jobs += sitemap_jobs(jobs)
        stage("plan")
        # Only bodies changed (every article's metadata, the pages, the settings are as they were):
        # every context is the same, so are the signatures before the bodies' keys.
        shape = digest(render_fp, pages_token, images_token, *metas)
        known = ({**previous.signatures, **previous.bodyless}
                 if shape == previous.shape and previous.fingerprint == render_fp else None)
        reuse = previous.fingerprint == render_fp and previous.output_id == folder_id(output_dir)
        old = previous.signatures if reuse else {}
        signed: dict[str, Any] = {}

        def sign() -> None:
            signed["sigs"], signed["bodyless"] = signatures(jobs, templates, render_fp, known)
            signed["by_path"] = dict(zip((j.path for j in jobs), signed["sigs"]))

        patch = False
        if old:  # what can be kept depends on the signatures: they come first
            sign()
            stage("signatures")
            if signed["by_path"] == old and self._same_images(previous, image_state):
                self._remember(config, registries, templates, output_dir, jobs)
                progress.finish()
                seconds = time.perf_counter() - started
                self.log(f"Không có gì thay đổi ({len(jobs)} trang) · {seconds:.2f} giây")
                return self._done(BuildResult(0, len(previous.outputs), seconds, output_dir, len(jobs), True, site),
                                  locals())
            changed = sum(1 for job, sig in zip(jobs, signed["sigs"]) if old.get(job.path) != sig)
            # Few changes: patch the live site (no copy of the other pages); many: build it whole and swap.
            patch = bool(previous.outputs) and changed <= max(PATCH_MAX, len(jobs) // 5)
        with Lock(config.root):
            staging = Staging(output_dir, patch=patch, previous=previous.outputs).open()
            try:
                # Nothing to keep (a cold build): every page is rendered, and the signatures, only
                # recorded for the next build, are computed here while the workers render.
                written, reused = self._write(jobs, signed.get("sigs"), old, templates, staging, store,
                                              output_dir, errors, progress, meanwhile=None if old else sign)
                stage("render")
                if errors:  # nothing is published: neither the index nor the state is needed
                    progress.finish()
                    raise BuildFailed(errors)
                # The state of this build but for what the search index and publishing add: pickled
                # while the background index is finishing (unchanged articles as the last state's bytes);
                # without one, at the end (a cold build's index workers then fork a smaller process).
                early = State(fingerprint=render_fp, read_fp=fp, inputs=inputs,
                              sources={**sources_state, **{o: (*s, "") for o, s in image_state.items()}},
                              articles={a.path: a for a in articles}, signatures=signed["by_path"], shape=shape,
                              related_fp=related_fp, related=related_slugs(site), bodyless=signed["bodyless"],
                              image_sizes=image_sizes)
                packed = pack_state(early, previous)
                published = previous.extras if reuse else {}  # search file -> digest the live file has
                extras: dict[str, bytes] = {}
                for path, key, data in index.result():
                    extras[path] = key
                    staging.write(path, data, origin="search",
                                  same=published[path] == key if path in published else None)
                stage("search index")
                for asset in templates.assets.values():
                    staging.write(asset.output, asset.data, origin=asset.name)
                for path, out, _ in sources.images:
                    previous_file = output_dir / out
                    if reuse and previous.sources.get(out) == (*image_state[out], "") and previous_file.is_file():
                        staging.link_or_copy(out, previous_file, origin=display_path(path, config.root))
                    else:
                        staging.write(out, path.read_bytes(), origin=display_path(path, config.root))
                progress.finish()
                outputs = frozenset(staging.written)
                staging.publish()
                stage("assets+publish")
            finally:
                staging.discard()
        state = replace(early, extras=extras, output_id=folder_id(output_dir), outputs=outputs)
        save_state(state_file, state, packed, previous)
        if read_count:  # new bodies were kept: old ones may have piled up
            pruned = prune_bodies(store, cache, {a.key for a in articles})
            if pruned:
                self.log(f"Đã dọn {pruned} bản cũ của bài viết khỏi bộ nhớ đệm {CACHE_DIR}/bodies/")
        if index is not None:
            index.finish()  # its cache saved
        stage("save state")
        self._remember(config, registries, templates, output_dir, jobs)
        seconds = time.perf_counter() - started
        self.log(f"Đã dựng {written} trang (giữ nguyên {reused}), {len(outputs)} tệp trong {seconds:.2f} giây → "
                 f"{display_path(output_dir, config.root)}/")
        return self._done(BuildResult(written, len(outputs), seconds, output_dir, reused, False, site), locals())

    def _read_articles(self, sources: Sources, config: SiteConfig, registries: Registries, store: BodyStore,
                       fp: str, previous: State, known: dict[str, Article], progress: Progress):
        """Articles whose file is unchanged since the last build come from the state, unread.

        known: the last build's articles, when reading would give the same result (the read
        fingerprint is unchanged), else empty. Workers also reuse by key (a digest of the bytes
        and the fingerprint), which covers files touched without being changed.
        """
        bodies_kept = store.prepare()  # the cache is deleted (or damaged) as a whole, not body by body
        articles: list[Article] = []
        state: dict[str, tuple[int, int, str]] = {}
        to_read: list[tuple[Path, str]] = []
        for path, shown, stamp in sources.articles:
            old = previous.sources.get(shown)
            same = known.get(shown)
            if old is not None and same is not None and same.key == old[2]:
                if stamp == old[:2] and bodies_kept:
                    articles.append(same)
                    state[shown] = old
                    continue
            to_read.append((path, shown))
        errors: list[SiteError] = []
        if to_read:
            workers = self.workers if len(to_read) >= PARALLEL_MIN else 1
            parts = chunks(to_read, max(1, min(256, len(to_read) // (workers * 4) or 1)))
            # Many articles read: their search postings are made here too (in a one-change build the
            # background index makes them, which loads the numpy the search package needs anyway).
            search = len(to_read) >= PARALLEL_MIN and search_files is _SEARCH_FILES
            if search:
                from .search import entries  # noqa: F401 - before forking: the workers inherit numpy
            task = dict(config=config, registries=registries, store=store, fp=fp, known=known, search=search)
            for rows, made in fork_map(_read_part, parts, task, workers, progress, "Đọc bài viết"):
                for shown, stat, row, errs in rows:
                    errors += errs
                    if row is not None:
                        articles.append(Article(*row))
                        state[shown] = stat
                if made is not None:
                    self._made.append(made)
        articles.sort(key=lambda a: a.path)
        return articles, state, errors, len(to_read)

    @staticmethod
    def _read_pages(sources: Sources, config: SiteConfig) -> tuple[list[Page], list[SiteError]]:
        renderer = make_renderer(config)
        pages, errors = [], []
        for path, shown, _ in sources.pages:
            try:
                pages.append(read_page(path, shown, renderer, config.zone, config.summary_length))
            except ContentError as exc:
                errors += errors_of(exc)
        return pages, errors

    @staticmethod
    def _same_images(previous: State, image_state: dict) -> bool:
        old = {k: v[:2] for k, v in previous.sources.items() if k.startswith("images/")}
        return old == image_state

    def _write(self, jobs: list[Job], sigs: list[str] | None, old: dict[str, str], templates: Templates,
               staging: Staging, store: BodyStore, output_dir: Path, errors: list[SiteError],
               progress: Progress, meanwhile: Callable[[], None] | None = None) -> tuple[int, int]:
        """Keep (patch) or link (swap) unchanged pages; render the rest, in parallel when many.

        sigs: None when nothing can be kept; meanwhile: the main process's own work, done
        while the workers render."""
        targets: list[str] = []
        todo: list[int] = []
        reused = 0
        for i, job in enumerate(jobs):
            unchanged = sigs is not None and old.get(job.path) == sigs[i]
            try:
                if unchanged and staging.patch:  # the live file stays as it is
                    staging.keep(job.path, origin=job.key)
                    targets.append("")
                    reused += 1
                    continue
                target = staging.claim(job.path, origin=job.key)
            except SiteError as exc:
                errors.append(exc)
                targets.append("")
                continue
            targets.append(target)
            if unchanged:
                previous_file = output_dir / job.path
                if previous_file.is_file():
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    try:
                        os.link(previous_file, target)
                        reused += 1
                        continue
                    except OSError:
                        pass  # another file system: render it again below
            todo.append(i)
        if errors:
            return 0, reused
        workers = self.workers if len(todo) >= PARALLEL_MIN else 1
        size = max(1, min(200, len(todo) // (workers * 4) or 1))
        task = dict(jobs=jobs, templates=templates, store=store, targets=targets)
        written = 0
        seen: set[str] = set()
        for count, errs in fork_map(_render_part, chunks(todo, size), task, workers, progress, "Dựng trang",
                                    meanwhile=meanwhile):
            written += count
            for err in errs:
                if str(err) not in seen:  # each worker reports a broken template once
                    seen.add(str(err))
                    errors.append(err)
        return written, reused


def build(root: Path, *, output: str | None = None, base_url: str | None = None,
          drafts: bool | None = None, future: bool | None = None, now: datetime | None = None,
          log: Callable[[str], None] = lambda _: None, progress: bool = False,
          workers: int | None = None, exiting: bool = False) -> BuildResult:
    """One build of the project at root (see Builder)."""
    return Builder(root, output=output, base_url=base_url, drafts=drafts, future=future, workers=workers,
                   log=log, progress=progress, exiting=exiting).build(now)


__all__ = ["Builder", "BuildResult", "Sources", "build", "discover", "display_path"]
