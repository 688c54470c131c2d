"""A build's stages, in the order Builder.build calls them (Run): discover, read, check what is
visible, collect, plan, render and write, save. Each stage reports every problem it finds and
asks incremental.Reuse what it can take from the last build; Run holds what they pass on.
make_templates makes the Jinja globals of one build.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .activeimages import check_images, image_notes
from .attachments import check_attachments, linked_only, unlinked_notes
from .aliases import check_aliases, redirect_files
from .hostheaders import HEADERS, headers_file
from .collect import Site, check_slugs, check_tags, collect, related_slugs, visible
from .config import CONFIG_NAME, SiteConfig, setting_line
from .content import Article, Page, ReadSettings
from .errors import BuildFailed, OutputError, SiteError
from .images import image_size
from .incremental import (CACHE_DIR, BodyStore, PagePlan, Reuse, State, article_memo, digest, folder_id,
                          SourceRecord, load_state, pack_articles, pack_state, prune_bodies, published_state,
                          referenced_keys, signatures, site_inputs, state_path)
from .indexing import SearchStage
from .moved import find_moves
from .output import render_pages, write_files
from .outputdir import check_output_dir
from .pages import KIND_LABELS, Job, Links, plan, sitemap_jobs
from .parallel import Background, BackgroundError, Progress
from .gallery import Gallery
from .photos import prepare as prepare_photos, publish as publish_photos, unread_images
from .read import ReadArticles, read_articles, read_pages
from .removed import NOTE
from .render import Templates, TemplateFunction, bytecode_folder, compile_ahead
from .themes import collect_assets, templates_fingerprint
from .runtime import TIMINGS, Clock
from .scheduled import scheduled_notes
from .sources import FILES, Sources, discover
from . import cms, commit
from .charts import year_chart
from .taxonomy import Registries
from .units import figure_globals
from .write import Lock, Staging

if TYPE_CHECKING:  # only named in annotations (build.py imports this module)
    from .build import BuildOptions


def make_templates(config: SiteConfig, site: Site, image_sizes: dict[str, tuple[int, int]],
                   bytecode_dir: Path | None = None, photos: dict | None = None,
                   to_come: frozenset[str] = frozenset()) -> Templates:
    """Jinja globals computed once per build: nothing loops over every article per page.

    image_sizes: site URL of a local image ("/images/a.jpg") -> (width, height);
    photos: output path -> photos.Photo (the resized copies of photos.prepare);
    to_come: slugs of the articles still to come (shown only by a preview with future articles:
    `scheduled_slugs`, empty in a published site).
    """
    links = TemplateFunction(Links(config), reads=config.urls)
    cut = len(config.base_path)
    return Templates(config, collect_assets(config), {
        "image_sizes": image_sizes,
        "photos": Gallery(config, photos or {}, {url[cut:]: size for url, size in image_sizes.items()}),
        "site": config,
        "menu": [p for p in site.pages if p.menu is not None],
        "latest": site.articles[:5],
        "groups": site.groups,
        "kind_labels": KIND_LABELS,
        "article_count": len(site.articles),
        "scheduled_slugs": to_come,
        **figure_globals(config, site),  # the 2025 units and the maps (generator/units.py)
    }, {"link": links, "links": links, "year_chart": TemplateFunction(year_chart)}, bytecode_dir)


class Run:
    """One build's stages and what they pass on: config, caches, digests, the state for the next build."""

    def __init__(self, config: SiteConfig, registries: Registries, options: BuildOptions, clock: Clock,
                 workers: int, needs_memory: bool, log: Callable[[str], None]):
        self.config, self.registries, self.options, self.clock, self.workers = config, registries, options, clock, workers
        self.log = log
        self.output_dir = _output_dir(config, given=options.output is not None)
        self.published = False
        self.unlinked: list = []  # attachments no published page links to (_attachments_linked): not published
        self.settings = ReadSettings.of(config, registries)
        self.cache_dir = config.root / CACHE_DIR
        self.store = BodyStore(self.cache_dir)
        self.state_file = state_path(self.cache_dir, self.output_dir,
                                     repr((sorted(options.overrides().items()), options.search)))
        commit.settle(self.state_file, self.output_dir, config.root)  # a stopped build's state, kept or dropped
        self.previous = load_state(self.state_file)
        self.reuse = Reuse(self.previous, self.settings.fingerprint, self.output_dir, needs_memory)
        self.search = SearchStage(config, registries, self.store, self.cache_dir, self.previous.articles,
                                  options.search)
        # No compiled templates yet (a cold build): a process compiles them now, on the core the
        # start of a build leaves idle, and plan() finds them in the bytecode cache (~0.1 s less
        # there, with the other core busy).
        self._ahead = (Background(lambda send: compile_ahead(config, self.cache_dir))
                       if not bytecode_folder(self.cache_dir).is_dir() else None)
        self.now: datetime | None = None  # the build's time (visible)
        self.to_come: list[str] = []  # slugs of the articles shown before their time (unchanged)
        self.progress = Progress(options.progress)
        self.state = State(read_fp=self.settings.fingerprint)
        clock.stage("config+state")

    def discover(self) -> Sources:
        self.sources, self.errors = discover(self.config, stamps=self.reuse.has_state)
        return self.sources

    def read(self) -> tuple[ReadArticles, list[Page]]:
        read = read_articles(self.sources, self.settings, self.reuse, self.store, self.workers, self.progress,
                             self.options.tuning, Links(self.config) if self.options.search else None)
        pages, errors, notes = read_pages(self.sources, self.settings)
        self.errors += read.errors + errors
        # Not errors: the page is right without them, but the editor should know (files read this time only).
        for note in sorted(read.notes + notes, key=SiteError.sort_key):
            self.log(str(note))
        self.keys = {path: record.key for path, record in read.records.items()}
        self.state.articles, self.state.tokens = {a.path: a for a in read.articles}, read.tokens
        self.state.sources = {**read.records, **{i.output: SourceRecord(*i.stamp, "") for i in self.sources.images}}
        return read, pages

    def visible(self, read: ReadArticles, pages: list[Page], now: datetime | None) -> list[Article]:
        """The articles to publish; every problem found so far stops the build here."""
        now = self.now = now or datetime.now(self.config.zone)
        shown = visible(read.articles, self.config, now)
        for note in scheduled_notes(read.articles, self.config, now):
            self.log(str(note))
        if not self._few_read(read):
            # A cold build: its search index starts now, on the other core, while this process
            # checks and collects (a build that stops on a problem below cancels it).
            self._give_search(shown, read)
        self.photos = prepare_photos(self.config, self.sources.images, shown, self.cache_dir, self.workers)
        self.reuse.restore(self.photos.damaged)
        if self.photos.made:
            self.log(f"Đã tạo bản thu nhỏ cho {self.photos.made} ảnh mới")
        failed = {error.path for error in self.errors} - {article.path for article in read.articles}
        unread = [source for source in self.sources.articles if source.shown in failed]
        for note in image_notes(self.sources.images, self.config.root, NOTE):
            self.log(str(note))
        self.stop_on(self.errors + check_slugs(shown, pages, self.config) + check_aliases(shown, pages, self.config)
                     + check_tags(shown, self.registries, self.config) + self.photos.errors
                     + check_images(self.sources.images, self.config.root)
                     + check_attachments(self.sources.images, self.config.root, f"{self.config.content_dir}/{FILES}")
                     + unread_images(unread, self.sources.images, self.config.images_dir,
                                     {(error.path, error.line) for error in self.errors}))
        self._attachments_linked(shown, pages)  # after every file of content/files is checked
        self.moves = self._moves(shown, pages)
        self.clock.stage("read")
        return shown

    def _attachments_linked(self, shown: list[Article], pages: list[Page]) -> None:
        """Only the attachments an article or page of this build links to are published (attachments.
        linked_only); each one left out is noted, and check warns of it (BuildResult.unlinked)."""
        self.sources, self.unlinked = linked_only(self.sources, shown, pages, self.config)
        for note in unlinked_notes(self.unlinked, self.config.root, NOTE):
            self.log(str(note))

    def _moves(self, shown: list[Article], pages: list[Page]) -> list[SiteError]:
        """Warnings for articles moved by hand since the last build (logged), kept in the state."""
        last = self.previous
        if self.options.published is not None:
            folder = self.config.path(self.options.published)
            last = published_state(self.cache_dir, folder, folder_id(folder))
        moves = find_moves(last.articles, {path: r.key for path, r in last.sources.items()}, last.outputs,
                           last.moved, shown, pages, self.keys, self.config)
        self.state.moved = {move.old: move.path for move in moves}
        warnings = [move.warning() for move in moves]
        for warning in warnings:
            self.log(str(warning))
        return warnings

    def unchanged(self, shown: list[Article], pages: list[Page]) -> bool:
        """Every input is what the last build published: nothing to do."""
        state, settings = self.state, self.settings
        # Articles still to come (a preview with future ones) are marked: one whose time has come
        # changes the pages though no file did.
        self.to_come = sorted(a.slug for a in shown if self.now is not None and a.date > self.now)
        state.inputs, self.pages_token, self.images_token = site_inputs(
            settings.fingerprint, self._settings_digest(), state.sources, shown, pages, self.sources.images)
        return self.reuse.unchanged(state.inputs)

    def _settings_digest(self) -> str:
        """The site's settings, its templates and the admin scripts it publishes; the articles still
        to come, when a preview shows them (unchanged): marked on their pages and cards."""
        return digest(self.config.fingerprint(), templates_fingerprint(self.config), cms.fingerprint(self.config),
                      *self.to_come)

    def _few_read(self, read: ReadArticles) -> bool:
        """Few articles read: the search index is made from its cache, given the articles once the
        site is known to have changed (collect); else they are given as soon as they are known."""
        return read.count < self.options.tuning.parallel_min

    def _give_search(self, shown: list[Article], read: ReadArticles) -> None:
        self.search.give(shown, self.keys, self.reuse.articles, self._few_read(read), read.made)

    def collect(self, shown: list[Article], pages: list[Page], read: ReadArticles) -> Site:
        if self._few_read(read):
            self._give_search(shown, read)
        self.tokens = [read.tokens[a.path] for a in shown]
        self.state.related_fp = digest(self.settings.fingerprint, str(self.config.related_count), *self.tokens)
        site = collect(shown, pages, self.config, self.registries, related=self.reuse.related(self.state.related_fp))
        self.state.related = related_slugs(site)
        self.clock.stage("collect")
        return site

    def plan(self, site: Site) -> tuple[Templates, list[Job]]:
        config, state = self.config, self.state
        state.image_sizes = self.reuse.image_sizes(self.sources.images, image_size)
        self.templates_ahead()
        templates = make_templates(config, site, {config.base_path + out: size
                                                  for out, (_, size) in state.image_sizes.items() if size},
                                   self.cache_dir, self.photos.photos, frozenset(self.to_come))
        self.stop_on(templates.check())
        jobs = plan(site)
        jobs += sitemap_jobs(jobs)
        state.fingerprint = digest(state.read_fp, self._settings_digest(),
                                   repr(sorted(a.output for a in templates.assets.values())))
        state.shape = digest(state.fingerprint, self.pages_token, self.images_token, *self.tokens)
        return templates, jobs

    def templates_ahead(self) -> None:
        """Waits for the templates compiled ahead (a build that stops early waits too: the process
        is short, and stopped it could leave half a file in the cache)."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return
        try:
            ahead.finish()
        except BackgroundError as exc:  # whatever it could not do, make_templates and check() do and report
            TIMINGS.debug("templates compiled ahead: %s", exc)

    def pages(self, jobs: list[Job], templates: Templates, shown: list[Article]) -> PagePlan:
        """Which pages to render again (see incremental.Reuse.pages)."""
        memo, render_fp = article_memo(shown, self.state.tokens), self.state.fingerprint
        pages_plan = self.reuse.pages(jobs, render_fp, self.state.shape, lambda known: signatures(
            jobs, templates, render_fp, self.keys, memo, known), self.sources.images, self.options.tuning)
        self.clock.stage("plan")
        return pages_plan

    def write(self, pages_plan: PagePlan, templates: Templates, site: Site) -> tuple[int, int]:
        """Render into a staging folder, add the search index, assets and images, publish."""
        state, reuse, render_fp = self.state, self.reuse, self.state.fingerprint
        with Lock(self.config.root):
            staging = Staging(self.output_dir, patch=pages_plan.patch, previous=self.previous.outputs).open()
            try:
                articles: list = []  # the state's articles, pickled while the workers render

                def meanwhile() -> None:  # the main process's work while the workers render
                    if not pages_plan.old:  # signatures only recorded (for the next build)
                        pages_plan.sign()
                    articles.append(pack_articles(state, self.previous))

                written, reused, errors = render_pages(
                    pages_plan, templates, staging, self.store, self.keys, self.output_dir, self.workers,
                    self.progress, self.options.tuning, meanwhile=meanwhile)
                self.clock.stage("render")
                self.stop_on(errors)  # nothing is published: neither the index nor the state is needed
                state.signatures, state.bodyless = pages_plan.by_path, pages_plan.bodyless
                # Pickled now, while the background index (if any) is finishing.
                self.packed = pack_state(state, self.previous, articles[0] if articles else None)
                state.extras = write_files(staging, self.search.files(),
                                           reuse.published_extras(render_fp), templates.assets, self.sources.images,
                                           reuse, render_fp, self.output_dir, self.config.root)
                publish_photos(staging, self.photos.files, self.output_dir)
                for path, data, origin in redirect_files(site.articles, self.config):  # old addresses
                    staging.write(path, data, origin=origin)
                staging.write(HEADERS, headers_file(self.config), origin="site.toml")  # Netlify's headers
                for path, data, fixed in cms.admin_files(self.config, self.registries, site,
                                                           templates.assets):  # admin/, with [cms]
                    staging.write(path, data, origin="[cms]", same=True if fixed and reuse.published(path, render_fp)
                                  else None)
                self.clock.stage("search index")
                self.progress.finish()
                state.outputs = frozenset(staging.written)
                commit.publish(staging, self.state_file, state, self.packed, self.previous)  # and the state
                self.clock.stage("assets+publish")
            finally:
                self.published = staging.published  # also when only the state could not be kept
                staging.discard()
        return written, reused

    def save(self, read: ReadArticles, log: Callable[[str], None]) -> None:
        """Old bodies pruned (the state was saved with the site, commit.publish); the search cache saved."""
        if read.count:  # new bodies were kept: old ones may have piled up
            tuning = self.options.tuning
            pruned = prune_bodies(self.store, set(self.keys.values()), lambda: referenced_keys(self.cache_dir),
                                  tuning.prune_slack, tuning.prune_age)
            if pruned:
                log(f"Đã dọn {pruned} bản cũ của bài viết khỏi bộ nhớ đệm {CACHE_DIR}/")
        self.search.finish()
        commit.finish()
        self.clock.stage("save state")

    def stop_on(self, errors: list[SiteError]) -> None:
        if errors:
            self.progress.finish()
            raise BuildFailed(errors)


def _output_dir(config: SiteConfig, given: bool = False) -> Path:
    """The output folder, checked; given: named on the command line (--output), not in site.toml."""
    try:
        check_output_dir(config.root / config.output_dir, config.root, config.path(config.content_dir),
                         keep=(config.path(config.templates_dir), config.path(config.themes_dir),
                               config.path(config.data_dir), config.root / CACHE_DIR), shown=config.output_dir)
    except OutputError as exc:  # "site.toml: …" named no line, or a file whose value was not the one refused
        if exc.path == CONFIG_NAME and exc.line is None:
            if given:
                raise OutputError(exc.message, "--output", None) from None
            raise OutputError(exc.message, exc.path, setting_line(config, "output_dir")) from None
        raise
    return config.path(config.output_dir)
