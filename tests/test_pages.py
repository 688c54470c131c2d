"""plan(): every output page of a site as a job — paths, numbered pagination, the front page,
more articles of the same province, feeds, sitemap."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from generator.collect import collect
from generator.config import load_config
from generator.content import Article
from generator.fields import Image
from generator.pages import Job, Links, front_page, page_numbers, plan, sitemap_jobs, to_file
from generator.taxonomy import load_registries
from generator.vietnamese import VN
from test_collect import CONFIG, REGISTRIES, article


def _site(count: int, per_page: int = 2):
    articles = [article(f"bai-{n}", n + 1, provinces=["Lào Cai"], directives=["05-CT/TW"], tags=["nêu gương"])
                for n in range(count)]
    return collect(articles, [], replace(CONFIG, per_page=per_page), REGISTRIES)


def test_every_kind_of_page_is_planned_once():
    jobs = plan(_site(5))
    paths = [j.path for j in jobs]
    assert len(paths) == len(set(paths))
    for path in ("index.html", "trang/2/index.html", "trang/3/index.html", "bai-viet/bai-0/index.html",
                 "tinh/index.html", "tinh/lao-cai/index.html", "tinh/lao-cai/trang/3/index.html",
                 "tinh/lao-cai/feed.xml", "van-ban/05-ct-tw/index.html", "chu-de/neu-guong/index.html",
                 "nam/index.html", "nam/2024/index.html", "feed.xml", "tim-kiem/index.html", "404.html",
                 "robots.txt"):
        assert path in paths, path
    assert "trang/4/index.html" not in paths


def test_pagination_links_pages_in_order():
    jobs = {j.key: j for j in plan(_site(5))}
    first, middle, last = (jobs[f"home:{n}"].context["pager"] for n in (1, 2, 3))
    assert (first["prev"], first["next"], first["total"], first["count"]) == (None, "trang/2/", 3, 5)
    assert (middle["prev"], middle["next"]) == ("", "trang/3/")
    assert (last["prev"], last["next"], last["last"]) == ("trang/2/", None, "trang/3/")
    assert [a.slug for a in jobs["home:1"].context["items"]] == ["bai-4", "bai-3"]
    term = jobs["province:lao-cai:2"].context["pager"]
    assert (term["first"], term["prev"], term["next"]) == ("tinh/lao-cai/", "tinh/lao-cai/", "tinh/lao-cai/trang/3/")


def test_only_article_pages_and_a_full_feed_show_bodies():
    jobs = plan(_site(3))
    full = {j.key: j.full for j in jobs if j.full}
    assert full == {**{f"article:bai-{n}": ("article",) for n in range(3)}, "feed": ("items",)}
    assert not [j for j in plan(replace(_site(3), config=replace(CONFIG, feeds=replace(
        CONFIG.feeds, full_content=False)))) if j.key == "feed" and j.full]


def test_sitemap_lists_html_pages_meant_to_be_found():
    jobs = plan(_site(3))
    sitemap, = sitemap_jobs(jobs)
    listed = [url for url, _ in sitemap.context["entries"]]
    assert "" in listed and "bai-viet/bai-0/" in listed and "tinh/lao-cai/" in listed
    assert not [u for u in listed if u.endswith(".xml") or u.startswith(("404", "tim-kiem", "robots"))]


def test_sitemap_splits_at_fifty_thousand_urls():
    many = [Job(f"p{n}/index.html", "page.html", {}) for n in range(50_001)]
    parts = sitemap_jobs(many)
    assert [j.path for j in parts] == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    assert [len(j.context["entries"]) for j in parts[:2]] == [50_000, 1]
    assert parts[2].context["parts"] == ["sitemap-1.xml", "sitemap-2.xml"]


def test_links_follow_the_url_scheme():
    site = _site(1)
    links = Links(site.config)
    assert links(site.articles[0]) == "bai-viet/bai-0/"
    assert links(site.groups["province"][0]) == "tinh/lao-cai/"
    assert (links.index("directive"), links.year(2024), links.numbered("", 2), links.numbered("nam/2024/", 3)) == (
        "van-ban/", "nam/2024/", "trang/2/", "nam/2024/trang/3/")
    assert (to_file(""), to_file("a/"), to_file("feed.xml")) == ("index.html", "a/index.html", "feed.xml")



@pytest.mark.parametrize("n, total, shown", [
    (1, 1, [1]),
    (1, 2, [1, 2]),
    (1, 7, [1, 2, 3, None, 7]),
    (2, 7, [1, 2, 3, 4, None, 7]),
    (4, 7, [1, 2, 3, 4, 5, 6, 7]),          # a gap of one page shows that page, not "…"
    (5, 84, [1, 2, 3, 4, 5, 6, 7, None, 10, None, 84]),   # and the multiples of 10 either side
    (6, 84, [1, None, 4, 5, 6, 7, 8, 9, 10, None, 84]),
    (83, 84, [1, None, 80, 81, 82, 83, 84]),
    (84, 84, [1, None, 80, 81, 82, 83, 84]),
    (150, 401, [1, None, 100, None, 140, None, 148, 149, 150, 151, 152, None, 160, None, 200, None, 401]),
])
def test_page_numbers_first_neighbours_last(n: int, total: int, shown: list):
    assert page_numbers(n, total) == shown


@pytest.mark.parametrize("total", [26, 84, 300, 1000])
def test_every_page_of_a_long_list_is_a_few_steps_from_any_other(total: int):
    """The pager's numbers were the first, the last and two neighbours a side: from page 1 of 300,
    page 150 took 75 steps. Now each power of ten's multiples before and after n are shown too."""
    from collections import deque
    worst = 0
    for start in (1, total // 2, total):
        steps = {start: 0}
        todo = deque([start])
        while todo:
            n = todo.popleft()
            for k in page_numbers(n, total):
                if k and k not in steps:
                    steps[k] = steps[n] + 1
                    todo.append(k)
        assert len(steps) == total
        worst = max(worst, *steps.values())
    assert worst <= 3 * len(str(total)) + 1, worst  # 9 steps at most among 300 pages (was 75)
    assert max(len(page_numbers(n, total)) for n in range(1, total + 1)) <= 17  # the box stays small


def test_pager_links_every_shown_page(tmp_path):
    config = load_config(tmp_path)
    site = _lao_cai_site(config, 30)
    jobs = {j.path: j for j in plan(site)}
    pager = jobs["trang/2/index.html"].context["pager"]
    assert (pager["number"], pager["total"], pager["prev"], pager["next"]) == (2, 3, "", "trang/3/")
    assert pager["pages"] == [(1, "", 1), (2, "trang/2/", 0), (3, "trang/3/", 1)]
    assert jobs["tinh/lao-cai/index.html"].context["pager"]["pages"][2] == (3, "tinh/lao-cai/trang/3/", 2)


def test_links_with_the_base_path(tmp_path):
    config = load_config(tmp_path, base_url="https://example.org/hoc-tap/")
    site = _lao_cai_site(config, 3)
    href, links = Links(config, prefix=config.base_path), Links(config)
    article = site.articles[0]
    assert (links(article), href(article)) == (f"bai-viet/{article.slug}/", f"/hoc-tap/bai-viet/{article.slug}/")
    group = site.groups["province"][0]
    assert href(group) == "/hoc-tap/tinh/lao-cai/" == href.term("province", "lao-cai")
    assert (href.index("directive"), href.year(2024), href("feed.xml")) == \
        ("/hoc-tap/van-ban/", "/hoc-tap/nam/2024/", "/hoc-tap/feed.xml")
    assert href.numbered("tinh/lao-cai/", 2) == "/hoc-tap/tinh/lao-cai/trang/2/"


def test_front_page_leads_with_the_newest_photo():
    items = tuple(_article(i, image=i in (2, 5)) for i in range(8))
    front = front_page(items)
    assert front["lead"] is items[2]
    assert front["secondary"] == (items[0], items[1], items[3])
    assert front["rest"] == items[4:]
    no_photo = tuple(_article(i) for i in range(3))
    assert front_page(no_photo) == {"lead": no_photo[0], "secondary": no_photo[1:], "rest": ()}
    assert front_page(())["lead"] is None


def test_more_of_the_same_province_are_its_neighbours_by_date(tmp_path):
    config = load_config(tmp_path)
    site = _lao_cai_site(config, 12)
    jobs = {j.key: j for j in plan(site)}
    ordered = site.articles  # newest first, all in Lào Cai
    for i in (0, 5, 11):
        context = jobs[f"article:{ordered[i].slug}"].context
        shown = context["same_province"]
        related = {a.slug for a in context["related"]}
        assert len(shown) == 4 and ordered[i] not in shown and not related & {a.slug for a in shown}
        # older ones first: the list of an article does not change when a newer one is published
        positions = [ordered.index(a) for a in shown]
        assert positions == sorted(p for p in positions if p > i) + sorted((p for p in positions if p < i),
                                                                             reverse=True)


def _article(i: int, image: bool = False, provinces=()) -> Article:
    return Article(path=f"content/articles/bai-{i}.md", slug=f"bai-{i}", title=f"Bài {i}",
                   date=datetime(2024, 1, 28, 8, 0, tzinfo=VN) - timedelta(days=i), updated=None, summary="",
                   sapo="", body="", provinces=provinces, directives=(), tags=(), author="", source=None,
                   image=Image(f"/images/{i}.jpg") if image else None, draft=False)


def _lao_cai_site(config, count: int):
    registries = load_registries(config.path(config.data_dir), config.root)
    lao_cai = registries.provinces.get("Lào Cai")
    return collect([_article(i, provinces=(lao_cai,)) for i in range(count)], [], config, registries)


def test_each_page_address_of_a_list_is_made_once(monkeypatch):
    """The pager of every page of a list names up to ~17 page addresses: made page by page, a
    50,000-article site formatted 470,000 of them on every rebuild under `serve` (0.25 s of
    the plan's 1 s). Now one per page of each list; the pagers are the same."""
    site = _site(30, per_page=1)  # 30 pages on the home list, the province, directive, tag and year lists
    before = {j.key: j.context.get("pager") for j in plan(site)}
    calls = []
    numbered = Links.numbered
    monkeypatch.setattr(Links, "numbered", lambda self, base, n: calls.append((base, n)) or numbered(self, base, n))
    jobs = plan(site)
    assert {j.key: j.context.get("pager") for j in jobs} == before
    assert len(calls) == len(set(calls))  # no address made twice
    assert sorted(n for base, n in calls if base == "") == list(range(1, 31))
