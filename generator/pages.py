"""Which pages the site has: every output file as a job (path, template, context).

Planning is separate from rendering so that the build can render jobs in any
order, in parallel, or only those whose inputs changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .collect import Group, Site, pages_of
from .config import SiteConfig
from .content import Article, Page

KIND_LABELS = {
    "province": ("Tỉnh, thành phố", "tỉnh, thành phố"),
    "directive": ("Văn bản chỉ đạo", "văn bản"),
    "tag": ("Chủ đề", "chủ đề"),
}
UNIT_LABELS = ("Tỉnh, thành phố từ 1/7/2025", "tỉnh, thành phố")  # the 34 units of 2025: unit_jobs()


@dataclass(frozen=True)
class Job:
    path: str                       # output file, relative: "bai-viet/x/index.html"
    template: str
    context: dict[str, Any] = field(hash=False, compare=False)
    sitemap: bool = True
    lastmod: datetime | None = None
    key: str = ""                   # names the job in messages ("article:slug", "home:2")
    full: tuple[str, ...] = ()      # context entries whose articles are shown with their bodies


class Links:
    """URLs of everything a template can point to; one place that knows the URL scheme.

    Paths are relative to the site ("tinh/lao-cai/") unless `prefix` is given: templates
    get `links` (site paths, for feeds and sitemaps) and `href` (the same with the base path:
    what a page links to, "/tinh/lao-cai/")."""

    def __init__(self, config: SiteConfig, prefix: str = ""):
        self.urls = config.urls
        self.prefix = prefix

    def __call__(self, item: Any) -> str:
        if isinstance(item, Article):
            return self.prefix + self.urls.article.format(slug=item.slug)
        if isinstance(item, Page):
            return self.prefix + self.urls.page.format(slug=item.slug)
        if isinstance(item, Group):
            return self.term(item.kind, item.slug)
        if isinstance(item, str):  # a site path ("feed.xml", site.urls.search)
            return self.prefix + item.lstrip("/")
        raise TypeError(f"no URL for {type(item).__name__}")

    def term(self, kind: str, slug: str) -> str:
        return self.prefix + getattr(self.urls, kind).format(slug=slug)

    def index(self, kind: str) -> str:
        return self.prefix + getattr(self.urls, kind + "s")

    def year(self, year: int) -> str:
        return self.prefix + self.urls.year.format(year=year)

    def numbered(self, base: str, n: int) -> str:
        """Page n of a list that starts at base ("" is home); base without the prefix."""
        if n == 1:
            return self.prefix + base
        pattern = self.urls.home_page if base == "" else base + self.urls.list_page
        return self.prefix + pattern.format(n=n)


def page_numbers(n: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows on page n of total: the first, the last, n's neighbours
    within `around`, the multiple of 10, of 100, … before n and the one after it, and None for each
    gap ("…"); a gap of one page shows that page instead. The multiples put any page of a long list
    a few steps away (page 150 of 300: 1 → 100 → 110 → … → 150, at most 9 steps to any page);
    with neighbours alone a reader went two pages a step (75 steps to page 150)."""
    shown = {1, total} | set(range(max(1, n - around), min(total, n + around) + 1))
    step = 10
    while step < total:
        before, after = (n - 1) // step * step, (n // step + 1) * step
        shown |= {k for k in (before, after) if 1 <= k <= total}
        step *= 10
    shown = sorted(shown)
    out: list[int | None] = []
    last = 0
    for k in shown:
        if k - last == 2:
            out.append(last + 1)
        elif k - last > 2:
            out.append(None)
        out.append(k)
        last = k
    return out


def _updated(items: tuple[Article, ...]) -> datetime | None:
    return max((a.updated or a.date for a in items), default=None)


def to_file(url: str) -> str:
    return url + "index.html" if url == "" or url.endswith("/") else url


def _paginated(links: Links, base: str, items: tuple, per_page: int, template: str,
               context: dict, key: str) -> list[Job]:
    chunks = pages_of(items, per_page)
    jobs = []
    total = len(chunks)
    # Each page's address made once (a pager names up to ~17 of them: formatting them page by page
    # was 470,000 str.format calls for 50,000 articles, redone by every rebuild under `serve`).
    urls = [""] + [links.numbered(base, n) for n in range(1, total + 1)]
    for n, chunk in enumerate(chunks, 1):
        pager = {
            "number": n, "total": total, "count": len(items),
            "prev": urls[n - 1] if n > 1 else None,
            "next": urls[n + 1] if n < total else None,
            "first": base, "last": urls[total],
            # (number, site path, distance from n) for the numbered links; (0, "", 0) for "…"
            "pages": [(0, "", 0) if k is None else (k, urls[k], abs(k - n))
                      for k in page_numbers(n, total)] if total > 1 else [],
        }
        url = urls[n]
        jobs.append(Job(to_file(url), template, {**context, "items": chunk, "pager": pager, "page_url": url},
                        key=f"{key}:{n}"))
    return jobs


def plan(site: Site) -> list[Job]:
    """Every file the site is made of except static assets and images."""
    config = site.config
    links = Links(config)
    per = config.per_page
    jobs: list[Job] = []
    home = _paginated(links, "", site.articles, per, "index.html", {"kind": "home"}, "home")
    home[0].context["front"] = front_page(home[0].context["items"])
    jobs += home
    nearby = _NearbyInProvince(site)
    for article in site.articles:
        newer, older = site.neighbours[article.slug]
        url = links(article)
        related = site.related[article.slug]
        jobs.append(Job(to_file(url), "article.html", {
            "article": article, "tags": site.tags_of[article.slug], "related": related,
            "newer": newer, "older": older, "page_url": url, "same_province": nearby(article, related),
        }, lastmod=article.updated or article.date, key=f"article:{article.slug}", full=("article",)))
    for page in site.pages:
        url = links(page)
        jobs.append(Job(to_file(url), "page.html", {"page": page, "page_url": url}, lastmod=page.updated,
                        key=f"page:{page.slug}"))
    for kind, (title, noun) in KIND_LABELS.items():
        groups = site.groups[kind]
        url = links.index(kind)
        context = {"kind": kind, "title": title, "noun": noun, "groups": groups, "page_url": url}
        if kind == "province":  # its map of the 34 units of 2025 beside the provinces'
            context["units"] = site.groups["unit"]
        jobs.append(Job(to_file(url), "terms.html", context, key=f"{kind}s"))
        for group in groups:
            base = links(group)
            jobs += _paginated(links, base, group.articles, per, "term.html",
                               {"group": group, "kind": kind, "noun": noun}, f"{kind}:{group.slug}")
            jobs.append(Job(base + "feed.xml", "feed.xml", {
                "title": f"{group.name} – {config.title}", "items": group.articles[:config.feeds.term_size],
                "self_url": base + "feed.xml", "alt_url": base, "full": False,
                "updated": _updated(group.articles[:config.feeds.term_size]),
            }, sitemap=False, key=f"{kind}-feed:{group.slug}"))
    jobs += unit_jobs(site, links)
    jobs.append(Job(to_file(config.urls.years), "years.html", {
        "years": [(y, len(items)) for y, items in site.years], "page_url": config.urls.years}, key="years"))
    for year, items in site.years:
        jobs += _paginated(links, links.year(year), items, per, "year.html", {"year": year}, f"year:{year}")
    jobs.append(Job("feed.xml", "feed.xml", {
        "title": config.title, "items": site.articles[:config.feeds.size], "self_url": "feed.xml",
        "alt_url": "", "full": config.feeds.full_content,
        "updated": _updated(site.articles[:config.feeds.size])}, sitemap=False, key="feed",
        full=("items",) if config.feeds.full_content else ()))
    # search hook (generator/search): the search page; its index files are written by build.py
    jobs.append(Job(to_file(config.urls.search), "search.html", {
        "page_url": config.urls.search, "years": [y for y, _ in site.years],
        "search_data": config.urls.search + "du-lieu/"}, sitemap=False, key="search"))
    jobs.append(Job("404.html", "404.html", {"page_url": "404.html"}, sitemap=False, key="404"))
    jobs.append(Job("robots.txt", "robots.txt", {}, sitemap=False, key="robots"))
    jobs.append(Job("site.webmanifest", "site.webmanifest", {}, sitemap=False, key="manifest"))
    return jobs


def unit_jobs(site: Site, links: Links) -> list[Job]:
    """The index of the 34 units of 2025 and, for each, its pages and feed: the articles of its
    former provinces (which stay filed under their province)."""
    config = site.config
    units = site.groups["unit"]
    by_code = {g.term.code: g for g in site.groups["province"]}
    url = links.index("unit")
    jobs = [Job(to_file(url), "units.html", {"title": UNIT_LABELS[0], "units": units, "page_url": url},
                key="units")]
    for group in units:
        base = links(group)
        members = tuple((p, by_code.get(p.code)) for p in group.term.members)  # (province, its group or None)
        jobs += _paginated(links, base, group.articles, config.per_page, "unit.html",
                           {"group": group, "members": members}, f"unit:{group.slug}")
        latest = group.articles[:config.feeds.term_size]
        if not latest:  # a unit none of whose provinces has an article yet: its page, no empty feed
            continue
        jobs.append(Job(base + "feed.xml", "feed.xml", {
            "title": f"{group.name} – {config.title}", "items": latest, "self_url": base + "feed.xml",
            "alt_url": base, "full": False, "updated": _updated(latest)}, sitemap=False, key=f"unit-feed:{group.slug}"))
    return jobs


LEAD_WITHIN = 4       # the lead story is the newest article with a photo among the first few
SECONDARY = 3         # stories with photos under the lead
NEARBY = 4            # more articles of the same province beside an article


def front_page(items: tuple[Article, ...]) -> dict[str, Any]:
    """The first home page as a front page: a lead story, a row of secondary stories, the rest.

    The lead is the newest article that has a photo, if one of the first LEAD_WITHIN has;
    the others keep their order (newest first)."""
    if not items:
        return {"lead": None, "secondary": (), "rest": ()}
    lead = next((a for a in items[:LEAD_WITHIN] if a.image is not None), items[0])
    others = tuple(a for a in items if a is not lead)
    return {"lead": lead, "secondary": others[:SECONDARY], "rest": others[SECONDARY:]}


class _NearbyInProvince:
    """More articles of an article's first province: those just older than it, then just newer,
    leaving out its related articles. Neighbours by date, so that a new article changes the
    lists of few pages (a page is rendered again when its list changes)."""

    def __init__(self, site: Site):
        self.groups = {g.slug: g for g in site.groups["province"]}
        self.positions = {g.slug: {a.slug: i for i, a in enumerate(g.articles)} for g in site.groups["province"]}

    def __call__(self, article: Article, related: tuple[Article, ...]) -> tuple[Article, ...]:
        if not article.provinces:
            return ()
        slug = article.provinces[0].slug
        group, at = self.groups[slug].articles, self.positions[slug][article.slug]
        skip = {a.slug for a in related}
        skip.add(article.slug)
        picked = [a for a in group[at + 1:at + 1 + NEARBY + len(skip)] if a.slug not in skip][:NEARBY]
        if len(picked) < NEARBY:
            newer = [a for a in reversed(group[max(0, at - NEARBY - len(skip)):at]) if a.slug not in skip]
            picked += newer[:NEARBY - len(picked)]
        return tuple(picked)


def sitemap_jobs(jobs: list[Job]) -> list[Job]:
    """The sitemap lists every HTML page that is meant to be found; split at 50,000 URLs."""
    entries = [(j.path[: -len("index.html")] if j.path.endswith("index.html") else j.path, j.lastmod)
               for j in jobs if j.sitemap]
    limit = 50_000
    chunks = [entries[i:i + limit] for i in range(0, len(entries), limit)] or [[]]
    if len(chunks) == 1:
        return [Job("sitemap.xml", "sitemap.xml", {"entries": chunks[0]}, sitemap=False, key="sitemap")]
    parts = [Job(f"sitemap-{i}.xml", "sitemap.xml", {"entries": c}, sitemap=False, key=f"sitemap:{i}")
             for i, c in enumerate(chunks, 1)]
    return parts + [Job("sitemap.xml", "sitemap-index.xml", {"parts": [p.path for p in parts]},
                        sitemap=False, key="sitemap-index")]
