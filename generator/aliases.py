"""Old addresses of articles ("aliases"): checked like addresses, published as redirects.

An article whose address changed (a new "slug", a renamed file) keeps its old addresses in
its front matter; links shared on Zalo or Facebook, feeds read before and other sites' links
still reach it. Each old address gets a small page that sends the reader on (meta refresh,
canonical link, a link in Vietnamese, noindex), and the Netlify `_redirects` file a forced 301
for it (a plain rule would lose to the page's own file there).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from .collect import reserved_segments
from .config import SiteConfig
from .fields import Alias, alias_path, list_item
from .errors import ContentError
from .hostheaders import HEADERS

REDIRECTS = "_redirects"  # Netlify's file of redirect rules, at the root of the published folder


def output_of(path: str) -> str:
    """The file an old address is published as: a folder's index.html, or the .html page itself."""
    return path + "index.html" if path.endswith("/") else path


def _pattern(url: str) -> re.Pattern:
    """A [urls] pattern ("bai-viet/{slug}/") as a regex catching the slug an address gives."""
    head, _, tail = url.partition("{slug}")
    # Without regard to case: Netlify and hosts on Windows or a Mac take "/Bai-Viet/x/" for "/bai-viet/x/"
    return re.compile(re.escape(head) + r"([a-z0-9]+(?:-[a-z0-9]+)*)" + re.escape(tail) + r"\Z", re.IGNORECASE)


def check_aliases(articles: Sequence[Any], pages: Sequence[Any], config: SiteConfig) -> list[ContentError]:
    """Errors for old addresses that another article or page has, another old address has, or
    that the site keeps for its own pages (tinh/…, chu-de/…, assets/…). articles, pages: what is
    published (anything with .path, .slug and, for articles, .aliases of content.Alias).

    Addresses are compared without regard to upper and lower case: "/Bai-Viet/ten-bai/" was
    published as a redirect beside the article's own page "/bai-viet/ten-bai/", and where the
    host or the disk does not tell the two apart (Netlify, Windows, a Mac) it took the article's
    place, sending its readers to another article."""
    reserved = reserved_segments(config)
    kinds = (("bài viết", config.urls.article, {a.slug: a.path for a in articles}),
             ("trang", config.urls.page, {p.slug: p.path for p in pages}))
    patterns = [(kind, url, _pattern(url), owners) for kind, url, owners in kinds]
    taken: dict[str, str] = {}  # output file -> the article whose old address it is
    errors: list[ContentError] = []
    for article in articles:
        for alias in getattr(article, "aliases", ()):
            problem = _taken_by(alias.path, article.path, patterns, reserved)
            first = taken.get(output_of(alias.path).casefold())
            if not problem and first not in (None, article.path):  # one article's own go to one page
                problem = f"đã là địa chỉ cũ của {first}"
            if problem:
                errors.append(ContentError(f"địa chỉ cũ “/{alias.path}” {problem}; hãy bỏ nó khỏi “aliases”",
                                           article.path, alias.line or 1))
            else:
                taken.setdefault(output_of(alias.path).casefold(), article.path)
    return errors


def _taken_by(path: str, own: str, patterns: list, reserved: set[str]) -> str:
    """Why the site cannot give path to an article as an old address ("" if it can)."""
    for kind, url, regex, owners in patterns:
        match = regex.match(path)
        if match is None:
            continue
        slug = match.group(1).lower()
        if slug in reserved and "{" in url.split("/", 1)[0]:
            break  # a page of the site's own (tinh/, chu-de/…), said below
        owner = owners.get(slug)
        if owner == own:
            return "là địa chỉ hiện tại của chính bài này"
        if owner is not None:
            return f"là địa chỉ của {kind} {owner}"
        return ""
    if path.split("/", 1)[0].casefold() == REDIRECTS:  # was: the build failed writing ".output.new/_redirects"
        return (f"trùng với tệp {REDIRECTS} mà cổng ghi các lệnh chuyển địa chỉ cũ cho máy chủ web (Netlify); "
                f"địa chỉ này không dành cho bài viết")
    if path.split("/", 1)[0].casefold() == HEADERS:  # the build writes that file on every build
        return (f"trùng với tệp {HEADERS} mà cổng ghi các tiêu đề bảo mật cho máy chủ web (Netlify); "
                f"địa chỉ này không dành cho bài viết")
    first = path.split("/", 1)[0].lower()
    if "." in first and first in {r.lower() for r in reserved}:  # "/404.html": not in the folders listed below
        return f"trùng với tệp “{first}” mà cổng tự tạo; địa chỉ này không dành cho bài viết"
    if first in {r.lower() for r in reserved}:
        return (f"nằm trong đường dẫn dành riêng của cổng "
                f"({', '.join(sorted(r for r in reserved if '.' not in r))})")
    return ""


def written_aliases(meta: dict) -> tuple[Alias, ...]:
    """The old addresses an article's front matter gives, read as Checker.aliases reads them, without
    its messages (those that are addresses; reading the article reports the others)."""
    value = meta.get("aliases")
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    paths = (alias_path(list_item(item)) for item in items if isinstance(item, str))
    return tuple(Alias(path) for path, problem in dict.fromkeys(paths) if not problem)


def redirect_page(target: str, absolute: str, title: str) -> bytes:
    """The page at an old address: sends the reader to target at once; says where in Vietnamese."""
    href, canonical, name = escape(target), escape(absolute), escape(title)
    return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Bài viết đã chuyển: {name}</title>\n'
            f'<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{canonical}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            f'</head>\n<body>\n<p>Bài viết đã chuyển đến <a href="{href}">{name}</a>.</p>\n'
            f'</body>\n</html>\n').encode("utf-8")


def redirect_files(articles: Iterable[Any], config: SiteConfig) -> list[tuple[str, bytes, str]]:
    """(output path, bytes, the article's source) of each published article's old addresses, and
    the `_redirects` file of them all (none when no article has one)."""
    base_path = config.base_path  # "/" or "/hoc-tap/"
    site = config.base_url if config.base_url.endswith("/") else config.base_url + "/"
    files: list[tuple[str, bytes, str]] = []
    rules: list[str] = []
    for article in articles:
        if not article.aliases:
            continue
        target = base_path + config.urls.article.format(slug=article.slug)
        absolute = site + config.urls.article.format(slug=article.slug)
        page = redirect_page(target, absolute, article.title)
        for alias in article.aliases:
            files.append((output_of(alias.path), page, article.path))
            rules.append(f"{base_path}{alias.path} {target} 301!")
    lines = ["# Địa chỉ cũ của các bài viết (aliases), do lamtheobac sinh ra: chuyển hẳn (301) tới địa chỉ mới.",
             *rules] if rules else []
    if base_path != "/":  # netlify.toml's "/* /404.html 404" names the domain's 404 page, not the site's
        lines += ["# Địa chỉ không có trong trang: trang báo lỗi 404 của trang.", f"{base_path}* {base_path}404.html 404"]
    if lines:
        files.append((REDIRECTS, ("\n".join(lines) + "\n").encode("utf-8"), REDIRECTS))
    return files
