"""collect(): articles become a site — order, term groups, years, neighbours, related articles."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from generator.collect import check_slugs, collect, pages_of, related_articles, visible
from generator.config import SiteConfig
from generator.content import Article, Page
from generator.taxonomy import load_registries
from generator.vietnamese import VN

REGISTRIES = load_registries(None)
CONFIG = SiteConfig(root=Path("/du-an"))


def province(name: str):
    return REGISTRIES.provinces.get(name)


def article(slug: str, day: int, provinces=(), directives=(), tags=(), draft=False, month=5) -> Article:
    return Article(path=f"content/articles/{slug}.md", slug=slug, title=slug.replace("-", " ").title(),
                   date=datetime(2024, month, day, 8, 0, tzinfo=VN), updated=None, summary="", sapo="", body="",
                   provinces=tuple(province(p) for p in provinces),
                   directives=tuple(REGISTRIES.directives.get(d) for d in directives), tags=tuple(tags),
                   author="", source=None, image=None, draft=draft)


def test_articles_newest_first_with_neighbours_and_years():
    old, mid, new = article("cu", 1, month=1), article("giua", 2), article("moi", 3, month=12)
    older_year = replace(article("nam-truoc", 9), date=datetime(2023, 3, 9, tzinfo=VN))
    site = collect([mid, old, older_year, new], [], CONFIG, REGISTRIES)
    assert [a.slug for a in site.articles] == ["moi", "giua", "cu", "nam-truoc"]
    assert site.neighbours["giua"] == (new, old)
    assert site.neighbours["moi"] == (None, mid) and site.neighbours["nam-truoc"] == (old, None)
    assert [(year, [a.slug for a in items]) for year, items in site.years] == [
        (2024, ["moi", "giua", "cu"]), (2023, ["nam-truoc"])]


def test_groups_in_vietnamese_order_and_directives_by_date():
    site = collect([article("a", 1, provinces=["Đắk Lắk", "Hà Nội"], directives=["05-CT/TW", "03-CT/TW"]),
                    article("b", 2, provinces=["An Giang", "Hà Nội"], directives=["06-CT/TW"])],
                   [], CONFIG, REGISTRIES)
    assert [g.name for g in site.groups["province"]] == ["An Giang", "Đắk Lắk", "Hà Nội"]  # Đ after D, before H
    assert [g.term.symbol for g in site.groups["directive"]] == ["06-CT/TW", "03-CT/TW", "05-CT/TW"]
    hanoi = site.group("province", "ha-noi")
    assert [a.slug for a in hanoi.articles] == ["b", "a"] and hanoi.count == 2
    assert site.group("province", "lao-cai") is None


def test_free_tags_of_any_tone_style_are_one_tag_with_the_most_used_spelling():
    site = collect([article("a", 1, tags=["hoà giải"]), article("b", 2, tags=["hòa giải"]),
                    article("c", 3, tags=["hòa giải", "Hoà Giải"])], [], CONFIG, REGISTRIES)
    tags = site.groups["tag"]
    assert len(tags) == 1 and tags[0].name == "hòa giải" and tags[0].count == 3
    assert site.tags_of["c"] == (tags[0].term,)  # listed once even when spelt twice


def test_related_articles_share_terms_and_never_include_the_article():
    a = article("a", 1, provinces=["Lào Cai"], directives=["05-CT/TW"])
    b = article("b", 2, provinces=["Lào Cai"])                # shares the province (weight 3)
    c = article("c", 3, directives=["05-CT/TW"])              # shares the directive (weight 2)
    d = article("d", 4, provinces=["Cà Mau"])                 # shares nothing
    site = collect([a, b, c, d], [], replace(CONFIG, related_count=5), REGISTRIES)
    assert [x.slug for x in site.related["a"]] == ["b", "c"]
    assert site.related["d"] == ()
    assert related_articles(list(site.articles), {"province": {}, "directive": {}, "tag": {}}, {}, 0) == {
        x.slug: () for x in site.articles}


def test_related_articles_given_by_slug_are_taken_as_they_are():
    a, b = article("a", 1, provinces=["Lào Cai"]), article("b", 2, provinces=["Lào Cai"])
    site = collect([a, b], [], CONFIG, REGISTRIES, related={"a": (), "b": ("a",)})
    assert site.related == {"a": (), "b": (a,)}


def test_drafts_and_future_articles_are_hidden_unless_asked_for():
    now = datetime(2024, 5, 10, tzinfo=VN)
    items = [article("nhap", 1, draft=True), article("sau", 20), article("nay", 2)]
    assert [a.slug for a in visible(items, CONFIG, now)] == ["nay"]
    assert [a.slug for a in visible(items, replace(CONFIG, drafts=True, future=True), now)] == ["nhap", "sau", "nay"]


def test_pages_in_menu_order_and_drafts_hidden():
    pages = [Page("p/b.md", "b", "Bê", "", "", None, False), Page("p/a.md", "a", "A", "", "", 2, False),
             Page("p/c.md", "c", "Cê", "", "", 1, False), Page("p/d.md", "d", "Đê", "", "", None, True)]
    assert [p.slug for p in collect([], pages, CONFIG, REGISTRIES).pages] == ["c", "a", "b"]


def test_slug_collisions_and_reserved_paths_are_located_errors():
    one, two = article("trung", 1), replace(article("khac", 2), slug="trung", path="content/articles/b.md", line=3)
    reserved = replace(article("tinh", 3), slug="tinh")
    errors = check_slugs([one, two, reserved], [Page("content/pages/tinh.md", "tinh", "T", "", "", None, False)],
                         CONFIG)
    assert [(e.path, e.line) for e in errors] == [("content/articles/b.md", 3), ("content/articles/tinh.md", 1),
                                                  ("content/pages/tinh.md", 1)]
    assert "cùng đường dẫn /bai-viet/trung/ với content/articles/trung.md" in errors[0].message
    assert "trùng với đường dẫn dành riêng" in errors[1].message


def test_pages_of_splits_and_keeps_one_empty_page():
    assert pages_of((1, 2, 3, 4, 5), 2) == [(1, 2), (3, 4), (5,)]
    assert pages_of((), 2) == [()]
