"""build(): load config -> registries -> discover -> read -> collect -> plan -> render -> write.

Every stage reports all the problems it finds; the build stops before
publishing if there is any, so the previous site stays exactly as it was.
What a build can take from the last one is decided by incremental.Reuse, which
each stage asks (docs/architecture.md). The stages are stages.Run's methods; this
module holds the build's options and result, and the Builder that calls the stages in
order (and quick(), the preview's re-rendering of one edited article).
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .collect import Site
from .config import SiteConfig, load_config
from .content import ReadSettings, read_article
from .errors import BuildFailed, ContentError, OutputError, SiteError, TemplateError, os_reason
from .incremental import CACHE_DIR, BodyStore, Tuning
from .journal import interrupted, recover
from .pages import Job
from .parallel import worker_count
from .render import Templates
from .runtime import Clock, Runtime
from .sources import display_path
from .stages import Run
from .taxonomy import load_registries
from .write import MARKER, Lock


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
    search: bool = True               # make the search index (benchmarks leave it out: Hugo's site has none)
    published: str | None = None      # compare addresses with the site last published there (check: output/)
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
    moves: list[SiteError] = field(default_factory=list)  # warnings: articles moved by hand (moved.py)
    images: tuple = ()         # the images folder's files (sources.ImageFile): check notes what is no picture
    unlinked: tuple = ()       # attachments left unpublished: no published page links to them (check warns)


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
        with self.runtime.building() as clock:  # collects when done: the build's frame is gone by then
            return self._build(clock, now)

    def _build(self, clock: Clock, now: datetime | None) -> BuildResult:
        config = load_config(self.root, **self.options.overrides())
        self._recover(config)
        registries = load_registries(config.path(config.data_dir), config.root)
        run = Run(config, registries, self.options, clock, self.workers,
                   needs_memory=self.options.preview and self._last is None, log=self.log)
        try:
            run.discover()
            read, pages = run.read()
            shown = run.visible(read, pages, now)
            if run.unchanged(shown, pages):
                result = self._unchanged(run, None, len(run.previous.signatures), locals())
                result.moves, result.images, result.unlinked = run.moves, run.sources.images, tuple(run.unlinked)
                return result
            site = run.collect(shown, pages, read)
            templates, jobs = run.plan(site)
            pages_plan = run.pages(jobs, templates, shown)
            if pages_plan.nothing:
                self._remember(run, templates, jobs)
                result = self._unchanged(run, site, len(jobs), locals())
                result.moves, result.images, result.unlinked = run.moves, run.sources.images, tuple(run.unlinked)
                return result
            written, reused = run.write(pages_plan, templates, site)
            run.save(read, self.log)
            self._remember(run, templates, jobs)
        except (BuildFailed, SiteError) as exc:
            exc.published = _published(run)
            raise
        except (OSError, sqlite3.Error) as exc:
            failed = _os_error(exc, config.root)
            failed.published = _published(run)
            raise failed from None
        finally:
            run.search.cancel()  # a build that stopped early leaves no search process behind
            run.templates_ahead()
        seconds, files = clock.seconds(), len(run.state.outputs)
        self.log(f"Đã dựng {written} trang (giữ nguyên {reused}), {files} tệp trong {seconds:.2f} giây → "
                 f"{display_path(run.output_dir, config.root)}/")
        self.runtime.keep(locals())
        return BuildResult(written, files, seconds, run.output_dir, reused, False, site, run.moves,
                           run.sources.images, tuple(run.unlinked))

    def _recover(self, config: SiteConfig) -> None:
        """A publish a killed build left half done is finished or undone first, before this build
        can fail: what its messages say is published is then what is there."""
        output_dir = config.path(config.output_dir)
        if interrupted(output_dir):
            with Lock(config.root):
                done = recover(output_dir)
            if done:
                self.log(f"{display_path(output_dir, config.root)}/: {done}")

    def _unchanged(self, run: Run, site: Site | None, pages: int, objects: dict) -> BuildResult:
        run.progress.finish()
        seconds = run.clock.seconds()
        counted = f" ({pages} trang)" if site is not None else ""
        self.log(f"Không có gì thay đổi{counted} · {seconds:.2f} giây")
        self.runtime.keep(objects)
        return BuildResult(0, len(run.previous.outputs), seconds, run.output_dir, pages, True, site)

    def _remember(self, run: Run, templates: Templates, jobs: list[Job]) -> None:
        if self.options.preview:
            self._last = _Last(run.settings, templates, run.output_dir,
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
            if not target.parent.is_dir():  # the preview folder removed by hand: the full build makes it again
                continue
            tmp = target.with_name(target.name + ".quick")
            tmp.write_bytes(text.encode("utf-8"))
            os.replace(tmp, target)
            written.append(job.path)
        return written


def _published(run: Run) -> str:
    """What the site's readers see now, for the message of a failed build."""
    shown = display_path(run.output_dir, run.config.root)
    if run.published:
        return f"Trang mới đã được xuất bản đầy đủ vào {shown}/; chỉ bộ nhớ đệm chưa lưu được, lần dựng sau sẽ dựng lại từ đầu."
    if (run.output_dir / MARKER).is_file():
        return "Trang đã xuất bản trước đó vẫn giữ nguyên."
    return f"Chưa có trang nào được xuất bản ở {shown}/."


def _os_error(exc: OSError | sqlite3.Error, root: Path) -> OutputError:
    """A failure of the operating system (a full disk, a read-only folder …) as a located message."""
    if isinstance(exc, sqlite3.Error):
        return OutputError(f"không ghi được bộ nhớ đệm: {exc}", f"{CACHE_DIR}/{BodyStore.FILE}")
    where = display_path(exc.filename, root) if exc.filename else None
    return OutputError(f"không đọc hoặc ghi được tệp: {os_reason(exc)}", where)


def build(root: Path, *, now: datetime | None = None, log: Callable[[str], None] = lambda _: None,
          runtime: Runtime | None = None, **options) -> BuildResult:
    """One build of the project at root; options: the fields of BuildOptions."""
    return Builder(root, BuildOptions(**options), log, runtime).build(now)


__all__ = ["BuildOptions", "BuildResult", "Builder", "build"]
