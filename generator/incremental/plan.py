"""What this build can take from the last one: one object asked by every stage.

``Reuse`` is made from the last build's state and the current settings before
anything is read; each stage asks it what is still current (in the manner of
Lektor's "is this artifact current?"):

- read: which article files must be read, which come from the state unread;
- collect: whether the related articles can be taken as they were;
- plan: whether every input is as it was (nothing to do at all);
- render: which pages to render again, which to keep, and whether to patch the
  live site or build it whole and swap (``PagePlan``).

docs/architecture.md states the rules: what each digest covers and how to add a
setting, an Article field or a template function without making the cache stale.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content import Article
from ..sources import FILES, ImageFile, SourceFile, Stamp
from .digests import digest, folder_id, value_digest
from ..write import published_files
from .state import SourceRecord, State


@dataclass(frozen=True)
class Tuning:
    """Thresholds of the build's speed decisions (tests lower them to reach every path)."""
    parallel_min: int = 64     # fewer items than this are read or rendered in-process: forking costs more
    patch_max: int = 500       # changing at most this many pages (or a fifth of them) patches the live site
    prune_slack: int = 1000    # old bodies beyond twice the live ones plus this are pruned
    prune_age: float = 3600.0  # seconds a body stays after it was last written or used


@dataclass
class ReadPlan:
    """Which article files to read; the others come from the last build unread."""
    to_read: list[SourceFile]
    reused: list[Article]
    records: dict[str, SourceRecord]   # of the reused ones
    tokens: dict[str, str]             # of the reused ones


class Reuse:
    """The last build of this output folder, as far as it is still current."""

    def __init__(self, previous: State, read_fp: str, output_dir: Path, needs_memory: bool = False):
        """needs_memory: the caller also needs the objects of a build (the preview's quick
        re-render), which an unchanged build does not make."""
        self.previous = previous
        self.read_fp = read_fp
        # Reusing the last build's articles is safe only when reading would give the same result.
        self.articles: dict[str, Article] = previous.articles if previous.read_fp == read_fp else {}
        self.output_current = previous.output_id == folder_id(output_dir) and bool(previous.outputs)
        self.needs_memory = needs_memory
        self.output_dir = output_dir
        self._missing: set[str] | None = None

    @property
    def missing(self) -> set[str]:
        """Files the last build published that are no longer there (deleted by hand): restored."""
        if self._missing is None:
            self._missing = (set(self.previous.outputs) - published_files(self.output_dir)
                             if self.output_current else set())
        return self._missing

    def restore(self, paths: set[str]) -> None:
        """Published files known to be wrong (a photo copy changed in place): published again."""
        self._missing = self.missing | (paths & set(self.previous.outputs) if self.output_current else set())

    @property
    def has_state(self) -> bool:
        return bool(self.previous.sources)

    def reads(self, articles: Sequence[SourceFile], bodies_kept: bool) -> ReadPlan:
        """Articles whose file has the stamp it had are taken from the state, when their bodies are
        still kept; read workers also reuse by key (a file touched but not changed)."""
        sources, tokens = self.previous.sources, self.previous.tokens
        plan = ReadPlan([], [], {}, {})
        for source in articles:
            old = sources.get(source.shown)
            same = self.articles.get(source.shown)
            if bodies_kept and old is not None and same is not None and source.stamp == old.stamp:
                plan.reused.append(same)
                plan.records[source.shown] = old
                plan.tokens[source.shown] = tokens[source.shown]
            else:
                plan.to_read.append(source)
        return plan

    def known(self, shown: str) -> tuple[Article, str, str] | None:
        """(article, key, token) the last build read from this file, when still valid."""
        article = self.articles.get(shown)
        if article is None:
            return None
        return article, self.previous.sources[shown].key, self.previous.tokens[shown]

    def unchanged(self, inputs: str) -> bool:
        """Every input of the site is what the last build published, and its output is still there."""
        return inputs == self.previous.inputs and self.output_current and not self.needs_memory \
            and not self.missing

    def related(self, related_fp: str) -> dict[str, tuple[str, ...]] | None:
        return self.previous.related if related_fp == self.previous.related_fp else None

    def image_sizes(self, images: Sequence[ImageFile],
                    read_size: Callable[[Path], tuple[int, int] | None]) -> dict[str, tuple]:
        """(stamp, (width, height) or None) of each image; headers read only when changed."""
        known = self.previous.image_sizes
        sizes = {}
        for image in images:
            old = known.get(image.output)
            sizes[image.output] = (old if old is not None and old[0] == image.stamp
                                   else (image.stamp, read_size(image.path)))
        return sizes

    def pages(self, jobs: Sequence, render_fp: str, shape: str, sign: Callable[[dict | None], tuple],
              images: Sequence[ImageFile], tuning: Tuning) -> "PagePlan":
        """Which pages to render again. sign(known) gives (signatures, bodyless signatures);
        known: the last build's signatures before body keys, when every context is the same
        as then (same shape), so only body keys need hashing."""
        previous = self.previous
        current = previous.fingerprint == render_fp and self.output_current
        known = ({**previous.signatures, **previous.bodyless}
                 if shape == previous.shape and previous.fingerprint == render_fp else None)
        old = {path: sig for path, sig in previous.signatures.items() if path not in self.missing} if current else {}
        plan = PagePlan(jobs, lambda: sign(known), old)
        if not plan.old:  # nothing to keep: signatures are only recorded, made while the workers render
            return plan
        plan.sign()
        stamps = {image.output: image.stamp for image in images}
        old_images = {out: record.stamp for out, record in previous.sources.items()
                      if out.startswith(("images/", f"{FILES}/"))}  # the files published as they are
        plan.nothing = plan.by_path == plan.old and stamps == old_images and not self.missing
        changed = sum(1 for job, sig in zip(jobs, plan.signatures) if plan.old.get(job.path) != sig)
        plan.patch = changed <= max(tuning.patch_max, len(jobs) // 5)
        return plan

    def published_extras(self, render_fp: str) -> dict[str, bytes]:
        """Search files the live site holds, by path -> digest of their bytes."""
        if not self._render_current(render_fp):
            return {}
        return {path: key for path, key in self.previous.extras.items() if path not in self.missing}

    def image_published(self, image: ImageFile, render_fp: str) -> bool:
        """Whether the live site holds this very image (it can be linked, not copied)."""
        return self._render_current(render_fp) and self.previous.sources.get(image.output) == (*image.stamp, "") \
            and image.output not in self.missing

    def published(self, path: str, render_fp: str) -> bool:
        """Whether the live site holds this file as the last build with these settings wrote it."""
        return self._render_current(render_fp) and path in self.previous.outputs and path not in self.missing

    def _render_current(self, render_fp: str) -> bool:
        return self.previous.fingerprint == render_fp and self.output_current


@dataclass
class PagePlan:
    """The pages of this build, and which of them the live site already holds as they would be."""
    jobs: Sequence
    _sign: Callable[[], tuple] = field(repr=False)
    old: dict[str, str] = field(default_factory=dict)   # the live site's signatures (empty: nothing to keep)
    signatures: list[str] | None = None
    by_path: dict[str, str] = field(default_factory=dict)
    bodyless: dict[str, str] = field(default_factory=dict)
    nothing: bool = False     # every page is as it was: nothing to write
    patch: bool = False       # few pages changed: move them into the live site instead of swapping it

    def sign(self) -> None:
        self.signatures, self.bodyless = self._sign()
        self.by_path = dict(zip((job.path for job in self.jobs), self.signatures))

    def current(self, index: int) -> bool:
        """Whether the live site holds page `index` as this build would render it."""
        return self.signatures is not None and bool(self.old) and \
            self.old.get(self.jobs[index].path) == self.signatures[index]


def site_inputs(read_fp: str, settings: str, records: dict[str, SourceRecord], shown: Sequence[Article],
                pages: Any, images: Sequence[ImageFile]) -> tuple[str, str, str]:
    """(inputs, pages token, images token): everything the site is made of, known before any page
    is planned; `settings`: the config's and the templates' fingerprints."""
    pages_token = value_digest(pages, {})
    images_token = repr(sorted((image.output, image.stamp) for image in images))
    inputs = digest(read_fp, settings, repr(sorted((a.path, records[a.path].key) for a in shown)),
                    pages_token, images_token)
    return inputs, pages_token, images_token


__all__ = ["PagePlan", "ReadPlan", "Reuse", "Tuning", "site_inputs", "Stamp"]
