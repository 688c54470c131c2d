"""build(): load config -> registries -> discover -> read -> collect -> plan -> render -> write.

Every stage reports all the problems it finds; the build stops before
publishing if there is any, so the previous site stays exactly as it was.
What a build can take from the last one is decided by incremental.Reuse, which
each stage asks (docs/architecture.md).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .collect import Site, check_slugs, collect, related_slugs, visible
from .config import SiteConfig, load_config
from .content import ReadSettings, read_article
from .errors import BuildFailed, ContentError, SiteError, TemplateError
from .images import image_size
from .incremental import (CACHE_DIR, BodyStore, PagePlan, Reuse, State, Tuning, article_memo, digest, folder_id,
                          SourceRecord, load_state, pack_state, prune_bodies, referenced_keys, save_state, signatures, site_inputs,
                          state_path)
from .indexing import SearchStage
from .output import render_pages, write_files
from .pages import KIND_LABELS, Job, Links, plan, sitemap_jobs
from .parallel import Progress, worker_count
from .read import ReadArticles, read_articles, read_pages
from .render import Templates, TemplateFunction, collect_assets, templates_fingerprint
from .runtime import Clock, Runtime
from .sources import Sources, discover, display_path
from .taxonomy import Registries, load_registries
from .write import Lock, Staging, check_output_dir


@dataclass(frozen=True)
class BuildOptions:
    """Command-line overrides of site.toml, and how to run the build."""
    output: str | None = None
    base_url: str | None = None
    drafts: bool | None = None
    future: bool | None = None
    workers: int | None = None        # forked workers (default: one per core)
    progress: bool = False            # a progress line on a terminal
    preview: bool = False             # keep the last site in memory for quick() (the preview server)
    tuning: Tuning = Tuning()

    def overrides(self) -> dict:
        return dict(output_dir=self.output, base_url=self.base_url, drafts=self.drafts, future=self.future)


@dataclass
class BuildResult:
    pages: int                 # pages rendered in this run
    files: int                 # files in the published site
    seconds: float
    output: Path
    reused: int = 0            # pages taken unchanged from the previous build
    unchanged: bool = False    # nothing changed: nothing was written
    site: Site | None = field(default=None, repr=False)


def make_templates(config: SiteConfig, site: Site, image_sizes: dict[str, tuple[int, int]],
                   bytecode_dir: Path | None = None) -> Templates:
    """Jinja globals computed once per build: nothing loops over every article per page.

    image_sizes: site URL of a local image ("/images/a.jpg") -> (width, height).
    """
    links = TemplateFunction(Links(config), reads=config.urls)
    return Templates(config, collect_assets(config), {
        "image_sizes": image_sizes,
        "site": config,
        "menu": [p for p in site.pages if p.menu is not None],
        "latest": site.articles[:5],
        "groups": site.groups,
        "kind_labels": KIND_LABELS,
        "article_count": len(site.articles),
    }, {"link": links, "links": links}, bytecode_dir)


class _Cache:
    """The cache folder for one build of one output folder: bodies, the last state, what it allows."""

    def __init__(self, config: SiteConfig, output_dir: Path, options: BuildOptions, settings: ReadSettings,
                 needs_memory: bool):
        self.dir = config.root / CACHE_DIR
        self.store = BodyStore(self.dir)
        self.state_file = state_path(self.dir, output_dir, repr(sorted(options.overrides().items())))
        self.previous = load_state(self.state_file)
        self.reuse = Reuse(self.previous, settings.fingerprint, output_dir, needs_memory)


@dataclass
class _Last:
    """What the last successful build knew, kept in memory for quick() (the preview server)."""
    settings: ReadSettings
    templates: Templates
    output_dir: Path
    article_jobs: dict[str, Job]      # source path as shown -> its page job


class Builder:
    """Builds one project into one output folder, reusing all it can from the last build."""

    def __init__(self, root: Path, options: BuildOptions = BuildOptions(),
                 log: Callable[[str], None] = lambda _: None, runtime: Runtime | None = None):
        self.root = Path(root).resolve()
        self.options = options
        self.workers = options.workers or worker_count()
        self.log = log
        self.runtime = runtime or Runtime()
        self._last: _Last | None = None

    def build(self, now: datetime | None = None) -> BuildResult:
        with self.runtime.building() as clock:
            progress = Progress(self.options.progress)
            config = load_config(self.root, **self.options.overrides())
            output_dir = _output_dir(config)
            registries = load_registries(config.path(config.data_dir), config.root)
            settings = ReadSettings.of(config, registries)
            cache = _Cache(config, output_dir, self.options, settings, self.options.preview and self._last is None)
            search = SearchStage(config, registries, cache.store, cache.dir, cache.previous.articles)
            try:
                clock.stage("config+state")
                sources, errors = discover(config, stamps=cache.reuse.has_state)
                read = read_articles(sources, settings, cache.reuse, cache.store, self.workers, progress,
                                     self.options.tuning)
                pages, page_errors = read_pages(sources, settings)
                shown = visible(read.articles, config, now or datetime.now(config.zone))
                _stop_on(errors + read.errors + page_errors + check_slugs(shown, pages, config), progress)
                clock.stage("read")
                inputs, pages_token, images_token = site_inputs(
                    settings.fingerprint, digest(config.fingerprint(), templates_fingerprint(config)),
                    read.records, shown, pages, sources.images)
                if cache.reuse.unchanged(inputs):
                    return self._unchanged(clock, progress, output_dir, len(cache.previous.outputs),
                                           len(cache.previous.signatures), None, cache, locals())
                search.give(shown, _keys(read), cache.reuse.articles, read.count < self.options.tuning.parallel_min)
                tokens = [read.tokens[a.path] for a in shown]
                related_fp = digest(settings.fingerprint, str(config.related_count), *tokens)
                site = collect(shown, pages, config, registries, related=cache.reuse.related(related_fp))
                clock.stage("collect")
                image_sizes = cache.reuse.image_sizes(sources.images, image_size)
                templates = make_templates(config, site, {config.base_path + out: size[2]
                                                          for out, size in image_sizes.items() if size[2]}, cache.dir)
                _stop_on(templates.check(), progress)
                jobs = plan(site)
                jobs += sitemap_jobs(jobs)
                render_fp = digest(settings.fingerprint, config.fingerprint(), templates_fingerprint(config),
                                   repr(sorted(a.output for a in templates.assets.values())))
                shape = digest(render_fp, pages_token, images_token, *tokens)
                memo, keys = article_memo(shown, read.tokens), _keys(read)
                pages_plan = cache.reuse.pages(jobs, render_fp, shape, lambda known: signatures(
                    jobs, templates, render_fp, keys, memo, known), sources.images, self.options.tuning)
                clock.stage("plan")
                if pages_plan.nothing:
                    self._remember(settings, templates, output_dir, jobs)
                    return self._unchanged(clock, progress, output_dir, len(cache.previous.outputs), len(jobs), site,
                                           cache, locals())
                state = State(fingerprint=render_fp, read_fp=settings.fingerprint, inputs=inputs,
                              articles={a.path: a for a in read.articles}, tokens=read.tokens, shape=shape,
                              related_fp=related_fp, related=related_slugs(site), image_sizes=image_sizes,
                              sources={**read.records, **{i.output: SourceRecord(*i.stamp, "") for i in sources.images}})
                written, reused, packed = self._write(config, output_dir, sources, pages_plan, templates, site,
                                                      keys, cache, search, state, render_fp, clock, progress)
                self._save(cache, state, packed, search, read, clock)
                self._remember(settings, templates, output_dir, jobs)
            finally:
                search.cancel()  # a build that stopped early leaves no search process behind
            seconds = clock.seconds()
            self.log(f"Đã dựng {written} trang (giữ nguyên {reused}), {len(state.outputs)} tệp trong "
                     f"{seconds:.2f} giây → {display_path(output_dir, config.root)}/")
            self.runtime.keep(locals())
            return BuildResult(written, len(state.outputs), seconds, output_dir, reused, False, site)

    def _write(self, config: SiteConfig, output_dir: Path, sources: Sources, pages_plan: PagePlan,
               templates: Templates, site: Site, keys: dict[str, str], cache: _Cache, search: SearchStage,
               state: State, render_fp: str, clock: Clock, progress: Progress) -> tuple[int, int, bytes | None]:
        """Render, then write and publish; completes the state of this build. Returns (pages rendered,
        pages kept, the state packed beforehand or None)."""
        reuse = cache.reuse
        with Lock(config.root):
            staging = Staging(output_dir, patch=pages_plan.patch, previous=cache.previous.outputs).open()
            try:
                written, reused, errors = render_pages(
                    pages_plan, templates, staging, cache.store, keys, output_dir, self.workers, progress,
                    self.options.tuning, meanwhile=None if pages_plan.old else pages_plan.sign)
                clock.stage("render")
                _stop_on(errors, progress)  # nothing is published: neither the index nor the state is needed
                state.signatures, state.bodyless = pages_plan.by_path, pages_plan.bodyless
                # Pickled while the background index is finishing; without one, at the end.
                packed = pack_state(state, cache.previous) if search.in_background else None
                extras = write_files(staging, search.files(site, keys), reuse.published_extras(render_fp),
                                     templates.assets, sources.images, reuse, render_fp, output_dir, config.root)
                clock.stage("search index")
                progress.finish()
                outputs = frozenset(staging.written)
                staging.publish()
                clock.stage("assets+publish")
            finally:
                staging.discard()
        state.extras, state.output_id, state.outputs = extras, folder_id(output_dir), outputs
        return written, reused, packed

    def _save(self, cache: _Cache, state: State, packed: bytes | None, search: SearchStage, read: ReadArticles,
              clock: Clock) -> None:
        save_state(cache.state_file, state, packed, cache.previous)
        if read.count:  # new bodies were kept: old ones may have piled up
            tuning = self.options.tuning
            pruned = prune_bodies(cache.store, {r.key for r in read.records.values()},
                                  lambda: referenced_keys(cache.dir), tuning.prune_slack, tuning.prune_age)
            if pruned:
                self.log(f"Đã dọn {pruned} bản cũ của bài viết khỏi bộ nhớ đệm {CACHE_DIR}/")
        search.finish()  # its cache saved
        clock.stage("save state")

    def _unchanged(self, clock: Clock, progress: Progress, output_dir: Path, files: int, pages: int,
                   site: Site | None, cache: _Cache, objects: dict) -> BuildResult:
        progress.finish()
        seconds = clock.seconds()
        counted = f" ({pages} trang)" if site is not None else ""
        self.log(f"Không có gì thay đổi{counted} · {seconds:.2f} giây")
        self.runtime.keep(objects)
        return BuildResult(0, files, seconds, output_dir, pages, True, site)

    def _remember(self, settings: ReadSettings, templates: Templates, output_dir: Path, jobs: list[Job]) -> None:
        if self.options.preview:
            self._last = _Last(settings, templates, output_dir,
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
            shown = display_path(path.resolve(), self.root)
            job = last.article_jobs.get(shown)
            if job is None:
                continue
            try:
                article = read_article(path, shown, last.settings)
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


def _output_dir(config: SiteConfig) -> Path:
    output_dir = config.path(config.output_dir)
    check_output_dir(output_dir, config.root, config.path(config.content_dir),
                     keep=(config.path(config.templates_dir), config.path(config.themes_dir),
                           config.path(config.data_dir), config.root / CACHE_DIR))
    return output_dir


def _keys(read: ReadArticles) -> dict[str, str]:
    return {path: record.key for path, record in read.records.items()}


def _stop_on(errors: list[SiteError], progress: Progress) -> None:
    if errors:
        progress.finish()
        raise BuildFailed(errors)


def build(root: Path, *, now: datetime | None = None, log: Callable[[str], None] = lambda _: None,
          runtime: Runtime | None = None, **options) -> BuildResult:
    """One build of the project at root; options: the fields of BuildOptions."""
    return Builder(root, BuildOptions(**options), log, runtime).build(now)


__all__ = ["BuildOptions", "BuildResult", "Builder", "build", "make_templates"]
