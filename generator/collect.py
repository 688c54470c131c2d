"""Collect: articles become a site — term groups, years, related articles, URLs.

Nothing here reads files or renders templates; it only arranges what was read.
"""
from __future__ import annotations

from collections import Counter, _count_elements, defaultdict  # _count_elements: Counter.update's loop (C)
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain

from .config import SiteConfig
from .configschema import OWN_FOLDERS
from .content import Article, Page, tag_line
from .errors import ContentError
from .taxonomy import Directive, Province, Registries, Registry, Tag, Unit, place_sort_key
from .vietnamese import WINDOWS_DEVICES_SHOWN, slugify, sort_key, term_key, windows_device

KINDS = ("province", "directive", "tag")
RELATED_WINDOW = 8  # neighbours by date taken from each shared term's list


@dataclass(frozen=True)
class Group:
    """One term (a province, a directive, a tag or a unit of 2025) and its articles, newest first."""
    kind: str
    term: Province | Directive | Tag | Unit
    articles: tuple[Article, ...]

    @property
    def name(self) -> str:
        return self.term.name

    @property
    def slug(self) -> str:
        return self.term.slug

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    articles: tuple[Article, ...]                  # newest first
    pages: tuple[Page, ...]
    groups: dict[str, tuple[Group, ...]]           # kind -> groups in display order
    years: tuple[tuple[int, tuple[Article, ...]], ...]  # newest year first
    related: dict[str, tuple[Article, ...]] = field(repr=False)
    neighbours: dict[str, tuple[Article | None, Article | None]] = field(repr=False)  # (newer, older)
    tags_of: dict[str, tuple[Tag, ...]] = field(repr=False)

    def group(self, kind: str, slug: str) -> Group | None:
        for group in self.groups[kind]:
            if group.slug == slug:
                return group
        return None


def reserved_segments(config: SiteConfig) -> set[str]:
    """First path segments the site's own pages use: no article or page may take them."""
    names = {*OWN_FOLDERS, "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html", "site.webmanifest"}
    for pattern in vars(config.urls).values():
        head = pattern.split("/", 1)[0]
        if "{" not in head and head:
            names.add(head)
    return names


def visible(articles: list[Article], config: SiteConfig, now: datetime) -> list[Article]:
    """Drafts and future-dated articles are left out unless asked for."""
    return [a for a in articles
            if (config.drafts or not a.draft) and (config.future or a.date <= now)]


def check_slugs(articles: list[Article], pages: list[Page], config: SiteConfig) -> list[ContentError]:
    """Two sources for one URL, or a source taking a reserved path, are errors."""
    errors: list[ContentError] = []
    reserved = reserved_segments(config)
    owners: dict[str, str] = {}
    for kind, pattern, items in (("bài viết", config.urls.article, articles), ("trang", config.urls.page, pages)):
        for item in items:
            line = getattr(item, "line", 1)
            if item.slug in reserved:
                errors.append(ContentError(
                    f"đường dẫn “{item.slug}” trùng với đường dẫn dành riêng của cổng "
                    f"({', '.join(sorted(r for r in reserved if '.' not in r))}); hãy đặt “slug” khác", item.path, line))
                continue
            if windows_device(item.slug):
                errors.append(ContentError(
                    f"đường dẫn “{item.slug}” là tên Windows dành cho thiết bị ({WINDOWS_DEVICES_SHOWN}): "
                    "trên Windows không mở, chép hay tải về được tệp và thư mục tên như vậy; hãy đổi tên tệp hoặc "
                    "đặt “slug” khác", item.path, line))
                continue
            url = pattern.format(slug=item.slug)
            if url in owners:
                # Names shown alike (both NFC in messages) are two files whose names differ only in how
                # their marks are encoded (NFC "hòa", NFD "hòa"): "x.md … với x.md" said nothing.
                twin = (" (một tệp khác có tên trông giống hệt, chỉ khác cách mã hóa dấu tiếng Việt: "
                        "NFC/NFD; hãy xóa hoặc gộp một trong hai tệp)" if owners[url] == item.path else "")
                errors.append(ContentError(
                    f"{kind} này có cùng đường dẫn /{url} với {owners[url]}{twin}; hãy đổi tên tệp hoặc đặt “slug” khác",
                    item.path, line))
            else:
                owners[url] = item.path
    return errors


def tag_page(name: str, registries: Registries) -> tuple[str, str]:
    """(identity, slug) of a tag's spelling: spellings of one identity are one page, at slug."""
    tag = registries.tags.get(name)
    return ("=" + tag.name, tag.slug) if tag else (term_key(name), slugify(name))


def check_tags(articles: list[Article], registries: Registries, config: SiteConfig) -> list[ContentError]:
    """Two tags whose pages would share one address (“C”, “C++” and “c#” are all chu-de/c/): an
    error naming both spellings. Spellings of one tag (“C” and “c”, “hoà” and “hòa”) are one page."""
    def page_of(name: str) -> tuple[str, str]:
        return tag_page(name, registries)

    # Each spelling once (10,000 articles carry ~30,000 tags but a few hundred spellings).
    identities: dict[str, set[str]] = defaultdict(set)
    for name in set(chain.from_iterable(article.tags for article in articles)):
        identity, slug = page_of(name)
        identities[slug].add(identity)
    shared = {slug for slug, found in identities.items() if len(found) > 1}
    if not shared:
        return []
    errors: list[ContentError] = []
    first: dict[str, tuple[str, str, Article]] = {}  # slug -> (identity, spelling, article)
    reported: set[tuple[str, str]] = set()
    for article in sorted(articles, key=lambda a: a.path):
        for name in article.tags:
            identity, slug = page_of(name)
            if slug not in shared:
                continue
            seen = first.setdefault(slug, (identity, name, article))
            if seen[0] == identity or (slug, identity) in reported:
                continue
            reported.add((slug, identity))
            errors.append(ContentError(
                f"chủ đề “{name}” có cùng đường dẫn /{config.urls.tag.format(slug=slug)} với chủ đề “{seen[1]}” "
                f"({seen[2].path}); hãy đổi tên một trong hai chủ đề", article.path,
                tag_line(config.root / article.path, article.path, name)))
    return errors


def collect(articles: list[Article], pages: list[Page], config: SiteConfig, registries: Registries,
            related: dict[str, tuple[str, ...]] | None = None) -> Site:
    """The site. `related`, when given, is the related articles (by slug) of an earlier
    collect of the same articles' metadata: the ranking is skipped."""
    ordered = _newest_first(articles)
    tags_of = resolve_tags(ordered, registries)
    members: dict[str, dict] = {kind: defaultdict(list) for kind in KINDS}
    terms: dict[str, dict] = {kind: {} for kind in KINDS}
    for article in ordered:
        for kind, items in (("province", article.provinces), ("directive", article.directives),
                            ("tag", tags_of[article.slug])):
            for term in items:
                key = term.slug
                terms[kind][key] = term
                listed = members[kind][key]
                if not listed or listed[-1] is not article:  # two terms of one page: listed once
                    listed.append(article)
    groups = {kind: tuple(Group(kind, terms[kind][k], tuple(v)) for k, v in members[kind].items())
              for kind in KINDS}
    groups["province"] = tuple(sorted(groups["province"], key=lambda g: place_sort_key(g.name)))
    groups["unit"] = unit_groups(groups["province"], registries.units)
    groups["tag"] = tuple(sorted(groups["tag"], key=lambda g: sort_key(g.name)))
    groups["directive"] = tuple(sorted(groups["directive"], key=lambda g: (g.term.date, g.term.symbol)))
    by_year: dict[int, list[Article]] = defaultdict(list)
    for article in ordered:
        by_year[article.date.year].append(article)
    neighbours = {a.slug: (ordered[i - 1] if i > 0 else None, ordered[i + 1] if i + 1 < len(ordered) else None)
                  for i, a in enumerate(ordered)}
    visible_pages = tuple(sorted((p for p in pages if config.drafts or not p.draft),
                                 key=lambda p: (p.menu if p.menu is not None else 10**6, sort_key(p.title))))
    return Site(config, tuple(ordered), visible_pages, groups,
                tuple(sorted(((y, tuple(v)) for y, v in by_year.items()), reverse=True)),
                (related_articles(ordered, members, tags_of, config.related_count) if related is None
                 else _by_slug(ordered, related)), neighbours, tags_of)


def unit_groups(provinces: tuple[Group, ...], units: Registry[Unit]) -> tuple[Group, ...]:
    """Every unit of 2025 with the articles of its former provinces, newest first; articles stay
    filed under their province, a unit only gathers them (one article naming two of its members
    is listed once). Units without articles are kept: their page states what they are made of."""
    by_code = {g.term.code: g.articles for g in provinces}
    groups = []
    for unit in units:
        lists = [by_code[p.code] for p in unit.members if p.code in by_code]
        if len(lists) == 1:
            articles = lists[0]
        else:
            unique = {a.slug: a for items in lists for a in items}
            articles = tuple(sorted(unique.values(), key=lambda a: (-a.date.timestamp(), a.slug)))
        groups.append(Group("unit", unit, tuple(articles)))
    return tuple(sorted(groups, key=lambda g: place_sort_key(g.name)))


def indexed(articles: list[Article], config: SiteConfig) -> Site:
    """The part of the site the search index is made of: the articles newest first, without the
    groups, years and related articles collect() ranks, nor their tags (for a process that only
    indexes: its search_input resolves them if it indexes some articles itself; a cold build's
    read workers resolved those of the articles they indexed, search.worker_tags)."""
    return Site(config, tuple(_newest_first(articles)), (), {}, (), {}, {}, {})


def _newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))


def _by_slug(ordered: list[Article], related: dict[str, tuple[str, ...]]) -> dict[str, tuple[Article, ...]]:
    article = {a.slug: a for a in ordered}
    return {a.slug: tuple(article[s] for s in related[a.slug]) for a in ordered}


def related_slugs(site: Site) -> dict[str, tuple[str, ...]]:
    """What collect(related=...) takes: the related articles of a site, by slug."""
    return {slug: tuple(a.slug for a in items) for slug, items in site.related.items()}


def resolve_tags(articles: list[Article], registries: Registries) -> dict[str, tuple[Tag, ...]]:
    """Free tags share one identity across tone styles; the most used spelling is shown.

    Each distinct spelling is looked up once (a large site has many times more tags than
    spellings)."""
    used = Counter(chain.from_iterable(article.tags for article in articles))
    registered = {name: registries.tags.get(name) for name in used}
    spellings: dict[str, Counter] = defaultdict(Counter)
    for name, count in used.items():
        if registered[name] is None:
            spellings[term_key(name)][name] += count
    free: dict[str, Tag] = {}
    for key, counts in spellings.items():
        name = min(counts, key=lambda n: (-counts[n], sort_key(n), n))
        free[key] = Tag(name, slugify(name))
    tag_of = {name: tag or free[term_key(name)] for name, tag in registered.items()}
    return {article.slug: _one_per_page(map(tag_of.__getitem__, article.tags)) for article in articles}


def _one_per_page(tags) -> tuple[Tag, ...]:
    """The tags in order, each page (slug) once."""
    pages: dict[str, Tag] = {}
    for tag in tags:
        if tag.slug:
            pages.setdefault(tag.slug, tag)
    return tuple(pages.values())


def related_articles(ordered: list[Article], members: dict, tags_of: dict, count: int) -> dict:
    """Articles sharing provinces (weight 3), directives (2) and tags (1).

    Candidates come only from each shared term's nearest articles by date, so the
    cost grows with articles x terms x window, never with pairs of articles.
    """
    weight = {"province": 3, "directive": 2, "tag": 1}
    index = {a.slug: i for i, a in enumerate(ordered)}
    stamps = [a.date.timestamp() for a in ordered]
    # Each article's terms as (member list of article numbers, weight, its position there).
    terms_of: list[list[tuple[list[int], int, int]]] = [[] for _ in ordered]
    for kind in KINDS:
        w = weight[kind]
        for lst in members[kind].values():
            numbers = [index[a.slug] for a in lst]
            for position, number in enumerate(numbers):
                terms_of[number].append((numbers, w, position))
    if count <= 0:
        return {a.slug: () for a in ordered}
    related: dict[str, tuple[Article, ...]] = {}
    window = RELATED_WINDOW
    for i, article in enumerate(ordered):
        scores: dict[int, int] = {}
        for numbers, w, position in terms_of[i]:
            near = numbers[max(0, position - window): position + window + 1]
            _count_elements(scores, near * w if w > 1 else near)  # counted in C: w times each neighbour
        scores.pop(i, None)
        lowest = 0
        if len(scores) > count:  # only those that can make the top `count` are ranked by the full key
            lowest = sorted(scores.values(), reverse=True)[count - 1]
        stamp = stamps[i]
        ranked = [(-score, abs(stamps[j] - stamp), j) for j, score in scores.items() if score >= lowest]
        ranked.sort()
        related[article.slug] = tuple(ordered[j] for _, _, j in ranked[:count])
    return related


def pages_of(items: tuple, per_page: int) -> list[tuple]:
    """Items split into pages of per_page (at least one page, possibly empty)."""
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [()]

