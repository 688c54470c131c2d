"""What the build would say about an article the CMS saves, said before the save is written.

A save the build refuses (a tag that makes no page name, "???"; two tags whose pages would share
one address, "Bác" and "bắc" both at chu-de/bac/; a new article whose address another article's
"slug" has, or a reserved one, "Văn bản" at van-ban) was written all the same: the preview stopped
rebuilding, the published build failed, and the editor, in the CMS, saw nothing of it. The local
backend asks review() first and refuses such a save with the build's own messages.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

from ..collect import check_slugs, tag_page
from ..config import SiteConfig
from ..content import ReadSettings, errors_of, read_article
from ..errors import ContentError
from ..frontmatter import decode, split
from ..taxonomy import Registries
from ..vietnamese import normalize, slugify

Review = Callable[[str, bytes], list[str]]  # (project-relative path, bytes to write) -> `path:line: message`s


def reviewer(config: SiteConfig, registries: Registries, articles: str) -> Review:
    """review() for the site: articles is the project-relative articles folder (Folders.articles)."""
    settings = ReadSettings.of(config, registries)

    def review(display: str, data: bytes) -> list[str]:
        try:
            article = read_article(config.root / display, display, settings, raw=data)
        except ContentError as exc:
            return [str(e) for e in errors_of(exc)]
        folder = config.root / articles
        return (shared_address(config, article, folder)
                + shared_tag_pages(config, registries, display, data, article.tags, folder))
    return review


def _articles(config: SiteConfig, folder: Path, display: str) -> Iterator[tuple[Path, str]]:
    """(file, project-relative path) of the other articles, as the build finds them (no hidden
    files or folders, no "_" ones, no symbolic links)."""
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for file in sorted(files):
            path = Path(top, file)
            other = path.relative_to(config.root).as_posix()
            if file.endswith(".md") and not file.startswith((".", "_")) and other != display and not path.is_symlink():
                yield path, other


def shared_address(config: SiteConfig, article, folder: Path) -> list[str]:
    """collect.check_slugs's errors for the saved article: an address another article has (its file
    name, or its "slug"), or one the site keeps for itself."""
    others = []
    for path, other in _articles(config, folder, article.path):
        try:
            raw = path.read_bytes()
            slug = split(decode(raw, other), other).meta.get("slug") if b"slug" in raw else None
        except (OSError, ContentError):
            slug = None  # unreadable: the build reports that article itself; its file name is its address
        slug = slug.strip() if isinstance(slug, str) and slug.strip() else slugify(path.stem)
        others.append(SimpleNamespace(slug=slug, path=other, line=1))
    # The saved article last: check_slugs reports the second owner of an address.
    return [str(e) for e in check_slugs([*others, article], [], config) if e.path == article.path]


def _tags_of(path: Path, display: str) -> list[str]:
    """The tags an article on disk is written with (unreadable ones are the build's to report)."""
    try:
        raw = path.read_bytes()
        if b"tags" not in raw:
            return []
        value = split(decode(raw, display), display).meta.get("tags")
    except (OSError, ContentError):
        return []
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [normalize(item).strip() for item in items if isinstance(item, str) and item.strip()]


def shared_tag_pages(config: SiteConfig, registries: Registries, display: str, data: bytes,
                     tags: tuple[str, ...], folder: Path) -> list[str]:
    """Errors for the tags of the saved article whose page another tag (of this or another article)
    would have too, as collect.check_tags reports them for the whole site."""
    if not tags:
        return []
    src = split(decode(data, display), display)
    mine: dict[str, tuple[str, str]] = {}  # slug -> (identity, spelling) of the saved article's tags
    out: list[str] = []

    def meet(slug: str, identity: str, name: str, where: str) -> None:
        seen = mine.get(slug)
        if seen is not None and seen[0] != identity:
            out.append(str(ContentError(
                f"chủ đề “{seen[1]}” có cùng đường dẫn /{config.urls.tag.format(slug=slug)} với chủ đề “{name}” "
                f"({where}); hãy đổi tên một trong hai chủ đề", display, src.line_of_item("tags", seen[1]))))
            mine.pop(slug)  # one message per page

    for name in tags:
        identity, slug = tag_page(name, registries)
        if slug in mine:
            meet(slug, identity, name, display)
        else:
            mine[slug] = (identity, name)
    for path, other in _articles(config, folder, display):
        for name in _tags_of(path, other):
            identity, slug = tag_page(name, registries)
            if slug in mine:
                meet(slug, identity, name, other)
        if not mine:
            return out
    return out
