"""build(): load config -> discover -> read -> collect -> plan -> render -> write.

Every stage reports all the problems it finds; the build stops before writing
if there is any, so the previous site stays exactly as it was.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from .collect import Site, check_slugs, collect, visible
from .config import SiteConfig, load_config
from .content import Article, Page, errors_of, read_article, read_page
from .errors import BuildFailed, ContentError, SiteError, TemplateError
from .markdown import Renderer
from .pages import KIND_LABELS, Job, Links, plan, sitemap_jobs
from .render import Templates, collect_assets
from .search import search_files
from .taxonomy import Registries, load_registries
from .vietnamese import normalize
from .write import Lock, Staging, check_output_dir

SKIP_PREFIXES = (".", "_", "#")


@dataclass(frozen=True)
class Sources:
    articles: tuple[tuple[Path, str], ...]   # (file, path as shown in messages)
    pages: tuple[tuple[Path, str], ...]
    images: tuple[tuple[Path, str], ...]     # (file, output path under images/)


@dataclass
class BuildResult:
    pages: int
    files: int
    seconds: float
    output: Path
    site: Site | None = field(default=None, repr=False)


def display_path(path: Path, root: Path) -> str:
    try:
        return normalize(path.relative_to(root).as_posix())
    except ValueError:
        return normalize(path.as_posix())


def _walk(folder: Path, root: Path, errors: list[SiteError]) -> list[Path]:
    """Files under folder, sorted, hidden ones skipped; links leading outside the project refused."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(SKIP_PREFIXES))
        for name in list(dirnames) + sorted(filenames):
            path = here / name
            if name.startswith(SKIP_PREFIXES) or name.endswith("~"):
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    errors.append(ContentError("liên kết tượng trưng trỏ ra ngoài dự án, không được dùng",
                                               display_path(path, root)))
                    if name in dirnames:
                        dirnames.remove(name)
                    continue
                if name in dirnames:  # followed only inside the project: walk it as files
                    found += _walk(path, root, errors)
                    continue
            if name in filenames:
                found.append(path)
    return sorted(found, key=lambda p: normalize(p.as_posix()))


def discover(config: SiteConfig) -> tuple[Sources, list[SiteError]]:
    root = config.root
    content = config.path(config.content_dir)
    errors: list[SiteError] = []
    if not content.is_dir():
        errors.append(ContentError(f"không tìm thấy thư mục nội dung “{config.content_dir}”", "site.toml"))
    articles = tuple((p, display_path(p, root)) for p in _walk(content / "articles", root, errors)
                     if p.suffix.lower() == ".md")
    pages = tuple((p, display_path(p, root)) for p in _walk(content / "pages", root, errors)
                  if p.suffix.lower() == ".md")
    images_dir = config.path(config.images_dir)
    images = tuple((p, "images/" + normalize(p.relative_to(images_dir).as_posix()))
                   for p in _walk(images_dir, root, errors))
    return Sources(articles, pages, images), errors


def read(sources: Sources, config: SiteConfig, registries: Registries
         ) -> tuple[list[Article], list[Page], list[SiteError]]:
    renderer = Renderer(config.base_path, config.security.iframe_hosts)
    zone = config.zone
    articles, pages, errors = [], [], []
    for path, shown in sources.articles:
        try:
            articles.append(read_article(path, shown, registries, renderer, zone, config.summary_length))
        except ContentError as exc:
            errors += errors_of(exc)
    for path, shown in sources.pages:
        try:
            pages.append(read_page(path, shown, renderer, zone, config.summary_length))
        except ContentError as exc:
            errors += errors_of(exc)
    return articles, pages, errors


def make_templates(config: SiteConfig, site: Site) -> Templates:
    """Jinja globals computed once per build: nothing loops over every article per page."""
    links = Links(config)
    return Templates(config, collect_assets(config), {
        "site": config,
        "link": links,
        "links": links,
        "menu": [p for p in site.pages if p.menu is not None],
        "latest": site.articles[:5],
        "groups": site.groups,
        "kind_labels": KIND_LABELS,
        "article_count": len(site.articles),
    })


def render_jobs(jobs: list[Job], templates: Templates, staging: Staging, errors: list[SiteError]) -> int:
    """Render and write every job; a broken template is reported once, not once per page."""
    broken: set[str] = set()
    written = 0
    for job in jobs:
        if job.template in broken:
            continue
        try:
            staging.write(job.path, templates.render(job.template, **job.context), origin=job.key)
            written += 1
        except TemplateError as exc:
            broken.add(job.template)
            errors.append(exc)
        except SiteError as exc:
            errors.append(exc)
    return written


def build(root: Path, *, output: str | None = None, base_url: str | None = None,
          drafts: bool | None = None, future: bool | None = None, now: datetime | None = None,
          log: Callable[[str], None] = lambda _: None) -> BuildResult:
    started = time.perf_counter()
    config = load_config(root, output_dir=output, base_url=base_url, drafts=drafts, future=future)
    output_dir = config.path(config.output_dir)
    check_output_dir(output_dir, config.root, config.path(config.content_dir))
    registries = load_registries(config.path(config.data_dir), config.root)
    sources, errors = discover(config)
    articles, pages, read_errors = read(sources, config, registries)
    errors += read_errors
    articles = visible(articles, config, now or datetime.now(config.zone))
    errors += check_slugs(articles, pages, config)
    if errors:
        raise BuildFailed(errors)
    site = collect(articles, pages, config, registries)
    templates = make_templates(config, site)
    errors += templates.check()
    if errors:
        raise BuildFailed(errors)
    jobs = plan(site)
    jobs += sitemap_jobs(jobs)
    with Lock(config.root):
        staging = Staging(output_dir).open()
        try:
            pages_written = render_jobs(jobs, templates, staging, errors)
            for path, data in search_files(site, registries):  # search hook: index files (generator/search)
                staging.write(path, data, origin="search")
            for asset in templates.assets.values():
                staging.write(asset.output, asset.data, origin=asset.name)
            for path, out in sources.images:
                staging.write(out, path.read_bytes(), origin=display_path(path, config.root))
            if errors:
                raise BuildFailed(errors)
            staging.publish()
        finally:
            staging.discard()
    seconds = time.perf_counter() - started
    log(f"Đã dựng {pages_written} trang, {len(staging.written)} tệp trong {seconds:.2f} giây → "
        f"{display_path(output_dir, config.root)}/")
    return BuildResult(pages_written, len(staging.written), seconds, output_dir, site)
