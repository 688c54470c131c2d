"""plan(): every output page of a site as a job — paths, pagination, feeds, sitemap."""
from __future__ import annotations

from dataclasses import replace

from generator.collect import collect
from generator.pages import Job, Links, plan, sitemap_jobs, to_file
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
