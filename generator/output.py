"""Render and write: page jobs become files in the staging folder, then the site is published.

Pages the live site already holds as this build would render them are kept
(patch) or hard-linked from it (swap); the rest are rendered by forked workers,
which write their files straight into the staging folder (paths were claimed by
the main process, so two jobs can't write one file). Search files, theme assets
and images follow; write.Staging publishes the whole.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .content import Article
from .errors import BuildFailed, ContentError, SiteError, TemplateError, os_reason
from .incremental import BodyStore, PagePlan, Reuse, Tuning, bodied
from .indexing import IndexFile
from .pages import Job
from .parallel import Progress, fork_claims
from .render import Templates
from .themes import Asset
from .sources import ImageFile, display_path
from .write import Staging, write_file


@dataclass(frozen=True)
class _RenderTask:
    jobs: Sequence[Job]
    templates: Templates
    store: BodyStore
    keys: dict[str, str]      # article path -> content key (its body is kept under it)
    targets: list[str]        # per job: the file to write ("" when not rendered)


def render_pages(plan: PagePlan, templates: Templates, staging: Staging, store: BodyStore, keys: dict[str, str],
                 live: Path, workers: int, progress: Progress, tuning: Tuning,
                 meanwhile: Callable[[], None] | None = None) -> tuple[int, int, list[SiteError]]:
    """(pages rendered, pages kept or linked, errors). meanwhile: the main process's own work,
    done while the workers render."""
    jobs = plan.jobs
    targets: list[str] = []
    todo: list[int] = []
    reused = 0
    errors: list[SiteError] = []
    for i, job in enumerate(jobs):
        current = plan.current(i)
        try:
            if current and staging.patch:  # the live file stays as it is
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
        if current and _link(live / job.path, target):
            reused += 1
        else:
            todo.append(i)
    if errors:
        return 0, reused, errors
    workers = workers if len(todo) >= tuning.parallel_min else 1
    task = _RenderTask(jobs, templates, store, keys, targets)
    written = 0
    seen: set[str] = set()
    # from both ends of the pages: article pages (their related cards) at one, lists at the other
    for count, errs in fork_claims(_render_part, todo, task, workers, 200, progress, "Dựng trang", meanwhile):
        written += count
        for err in errs:
            if str(err) not in seen:  # each worker reports a broken template once
                seen.add(str(err))
                errors.append(err)
    return written, reused, errors


def _link(live: Path, target: str) -> bool:
    """An unchanged page linked from the live site; False when it is not there or the link fails
    (another file system): then it is rendered again."""
    if not live.is_file():
        return False
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(live, target)
    except OSError:
        return False
    return True


def _articles(value) -> tuple[Article, ...]:
    return (value,) if isinstance(value, Article) else tuple(value)


def _render_part(task: _RenderTask, indices: Sequence[int]) -> tuple[int, list[SiteError]]:
    """Worker: render jobs and write their files."""
    jobs, keys = task.jobs, task.keys
    written, errors, broken, made = 0, [], set(), set()
    # The part's bodies in one query; by key, which articles with the same bytes share.
    bodies = task.store.load_many({keys[a.path] for i in indices for name in jobs[i].full
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
                context[name] = (bodied(value, keys[value.path], bodies) if isinstance(value, Article)
                                 else tuple(bodied(a, keys[a.path], bodies) for a in value))
        try:
            text = task.templates.render(job.template, **context)
        except TemplateError as exc:
            broken.add(job.template)
            errors.append(exc)
            continue
        target = task.targets[i]
        folder = target.rpartition("/")[0]
        if folder not in made:  # one mkdir per folder, not per page
            _make_folder(folder)
            made.add(folder)
        write_file(target, text.encode("utf-8"))
        written += 1
    return written, errors


def _make_folder(folder: str) -> None:
    """os.makedirs(folder, exist_ok=True) in one system call when the parent exists (nearly every
    page's folder): makedirs first looks at the parent, in Python."""
    try:
        os.mkdir(folder)
    except FileNotFoundError:  # its parent is missing too
        os.makedirs(folder, exist_ok=True)
    except FileExistsError:  # made by the other worker, or for a page before
        if not os.path.isdir(folder):
            raise


def write_files(staging: Staging, index: Sequence[IndexFile], published: dict[str, bytes],
                assets: dict[str, Asset], images: Sequence[ImageFile], reuse: Reuse, render_fp: str,
                live: Path, root: Path) -> dict[str, bytes]:
    """Search files, theme assets and images into the staging folder; the search files' digests.

    published: search file -> digest of the live file (files with the same bytes stay)."""
    extras: dict[str, bytes] = {}
    written: list[tuple[str, str]] = []  # made by the background process, in its folder
    for path, key, data in index:
        extras[path] = key
        same = published[path] == key if path in published else None
        if not isinstance(data, str):
            staging.write(path, data, origin="search", same=same)
        elif staging.patch:
            staging.write(path, b"" if same else Path(data).read_bytes(), origin="search", same=same)
            written.append((path, data))
        else:
            written.append((path, data))
    if written:
        path, file = written[0]
        folder = Path(file).parents[len(PurePosixPath(path).parts) - 1]  # the background wrote it as folder / path
        if not staging.patch:
            staging.adopt(folder, [path for path, _ in written], origin="search")
        shutil.rmtree(folder)
    for asset in assets.values():
        staging.write(asset.output, asset.data, origin=asset.name)
    for image in images:
        origin = display_path(image.path, root)
        if reuse.image_published(image, render_fp) and (live / image.output).is_file():
            staging.link_or_copy(image.output, live / image.output, origin=origin)
        else:
            staging.write(image.output, _read_image(image.path, origin), origin=origin)
    return extras


def _read_image(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:  # the build stops here; the published site is untouched
        raise BuildFailed([ContentError(f"không đọc được tệp: {os_reason(exc)}", shown, 1)]) from None
