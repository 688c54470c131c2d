"""What the build would say about an article the CMS saves, said before the save is written.

A save the build refuses (a tag that makes no page name, "???"; two tags whose pages would share
one address, "Bác" and "bắc" both at chu-de/bac/; a new article whose address another article's
"slug" has, or a reserved one, "Văn bản" at van-ban) was written all the same: the preview stopped
rebuilding, the published build failed, and the editor, in the CMS, saw nothing of it. The local
backend asks review() first and refuses such a save with the build's own messages.
"""
from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from ..aliases import check_aliases, output_of, written_aliases
from ..collect import check_slugs, tag_page
from ..config import SiteConfig
from ..content import ReadSettings, errors_of, read_article
from ..errors import ContentError
from ..frontmatter import readable_metas, split, decode, written_slug
from ..sources import SourceFile, discover
from ..taxonomy import Registries
from ..vietnamese import normalize

Review = Callable[[str, bytes], list[str]]  # (project-relative path, bytes to write) -> `path:line: message`s


def reviewer(config: SiteConfig, registries: Registries) -> Review:
    """review() for the site."""
    settings = ReadSettings.of(config, registries)

    def review(display: str, data: bytes) -> list[str]:
        try:
            article = read_article(config.root / display, display, settings, raw=data)
        except ContentError as exc:
            return [str(e) for e in errors_of(exc)]
        # The other articles as the build finds and reads them, each file read once for both checks.
        sources, _ = discover(config, stamps=False)
        others = list(readable_metas(s for s in sources.articles if s.shown != display))
        return (shared_address(config, article, others)
                + shared_tag_pages(config, registries, display, data, article.tags, others))
    return review


def shared_address(config: SiteConfig, article, others: list[tuple[SourceFile, dict]]) -> list[str]:
    """collect.check_slugs's errors for the saved article: an address another article has (its file
    name, or its "slug"), or one the site keeps for itself."""
    rows = [SimpleNamespace(slug=written_slug(meta, source.path.stem), path=source.shown, line=1,
                            aliases=written_aliases(meta)) for source, meta in others]
    # The saved article last: check_slugs and check_aliases report the second owner of an address.
    found = [e for e in check_slugs([*rows, article], [], config) + check_aliases([*rows, article], [], config)
             if e.path == article.path]
    # An address that is another article's old one (the build says so at that article's "aliases").
    address = config.urls.article.format(slug=article.slug)
    found += [ContentError(f"bài này có đường dẫn /{address}, là địa chỉ cũ của {row.path} (trong “aliases” của "
                           f"bài đó, để người đọc theo địa chỉ cũ vẫn tới được bài đó); hãy đặt “slug” khác",
                           article.path, article.line)
              for row in rows if any(output_of(alias.path) == output_of(address) for alias in row.aliases)]
    return [str(e) for e in found]


def _tags_of(meta: dict) -> list[str]:
    """The tags an article is written with."""
    value = meta.get("tags")
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [normalize(item).strip() for item in items if isinstance(item, str) and item.strip()]


def shared_tag_pages(config: SiteConfig, registries: Registries, display: str, data: bytes,
                     tags: tuple[str, ...], others: list[tuple[SourceFile, dict]]) -> list[str]:
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
    for source, meta in others:
        for name in _tags_of(meta):
            identity, slug = tag_page(name, registries)
            if slug in mine:
                meet(slug, identity, name, source.shown)
        if not mine:
            return out
    return out
