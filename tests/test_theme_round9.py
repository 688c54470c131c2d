"""The theme's ninth round: provinces named on cards and search results.

A card names at most 4 provinces (past 4, the first 3 and "và N tỉnh, thành phố khác"); on a
province's page, or a 2025 unit's, the page's own provinces come first, so that a card never hides
the province the reader came for. A search result names them as a card does.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from conftest import build_site, copy_project

TEN = ["Hà Nội", "Cao Bằng", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình",
       "Thái Nguyên", "Hà Giang"]


def article(root, slug: str, front: str, body: str = "Nội dung bài viết.") -> None:
    (root / "content" / "articles" / f"{slug}.md").write_text(f"---\n{front.strip()}\n---\n\n{body}\n",
                                                              encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round9")
    root = copy_project(tmp / "site")
    names = ", ".join(f'"{n}"' for n in TEN)
    article(root, "muoi-tinh", f'title: "Mười tỉnh miền núi phía Bắc cùng học tập và làm theo Bác"\n'
            f'date: 2025-08-04T08:00:00+07:00\nprovince: [{names}]')
    article(root, "hai-tinh", 'title: "Hà Nội và Huế trao đổi kinh nghiệm"\ndate: 2025-08-03\n'
            'updated: 2025-08-05T09:00:00+07:00\nprovince: ["Hà Nội", "Thừa Thiên Huế"]')
    return build_site(root, tmp / "out")


def card_provinces(site, page: str, slug: str) -> str:
    """The text of the provinces line of the card of article `slug` on a page."""
    html = (site.output / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<article class="card[^"]*">(?:(?!</article>).)*?/bai-viet/' + slug
                      + r'/">(?:(?!</article>).)*?<p class="meta">(.*?)</p>', html, re.S)
    assert found, f"no card of {slug} on {page}"
    # the provinces' first "·" is their separator from the date (<span class="sep">, hidden in a narrow card)
    meta = re.sub(r"<time[^>]*>.*?</time>", "", found.group(1))
    return html_lib.unescape(re.sub(r"<[^>]+>", "", meta)).replace("\xa0", " ").strip()


def test_a_province_page_names_its_province_first_on_every_card(site):
    """On Hà Giang's page an article of 10 provinces named Hà Nội, Cao Bằng, Lào Cai "và 7 tỉnh,
    thành phố khác": Hà Giang, the tenth, was not on the card of the page listing it."""
    assert card_provinces(site, "tinh/ha-giang", "muoi-tinh") == "· Hà Giang · Hà Nội · Cao Bằng · và 7 tỉnh, thành phố khác"
    assert card_provinces(site, "tinh/lao-cai", "muoi-tinh") == "· Lào Cai · Hà Nội · Cao Bằng · và 7 tỉnh, thành phố khác"
    assert card_provinces(site, "tinh/ha-noi", "muoi-tinh") == "· Hà Nội · Cao Bằng · Lào Cai · và 7 tỉnh, thành phố khác"
    # two provinces: both shown, the page's first
    assert card_provinces(site, "tinh/thua-thien-hue", "hai-tinh") == "· Thừa Thiên Huế · Hà Nội"
    assert card_provinces(site, "tinh/ha-noi", "hai-tinh") == "· Hà Nội · Thừa Thiên Huế"


def test_other_pages_keep_the_articles_order(site):
    """The home, year and directive pages show the front matter's order (one card per build)."""
    assert card_provinces(site, "nam/2025", "muoi-tinh") == "· Hà Nội · Cao Bằng · Lào Cai · và 7 tỉnh, thành phố khác"
    assert card_provinces(site, "nam/2025", "hai-tinh") == "· Hà Nội · Thừa Thiên Huế"


def test_a_2025_units_page_names_its_former_provinces_first(site):
    """Tuyên Quang of 2025 is Tuyên Quang and Hà Giang: its page names Hà Giang first; Thái
    Nguyên's (with Bắc Kạn) names Thái Nguyên, the ninth."""
    page = "don-vi-2025/tuyen-quang"
    assert card_provinces(site, page, "muoi-tinh") == "· Hà Giang · Hà Nội · Cao Bằng · và 7 tỉnh, thành phố khác"
    assert card_provinces(site, "don-vi-2025/thai-nguyen", "muoi-tinh") == "· Thái Nguyên · Hà Nội · Cao Bằng · và 7 tỉnh, thành phố khác"


def test_a_search_result_names_at_most_4_provinces_as_a_card_does():
    """search.js writes a record's "p" joined by commas: an article about 10 provinces listed all
    10 under its result."""
    from generator.search.entries import doc_record
    when = datetime(2026, 3, 9, 7, 5, tzinfo=timezone(timedelta(hours=7)))

    def shown(names):
        article = SimpleNamespace(title="Tin", date=when, summary="", date_estimated=False,
                                  provinces=tuple(SimpleNamespace(name=n) for n in names))
        return ", ".join(json.loads(doc_record(article, "/a/"))["p"])

    assert shown(TEN) == "Hà Nội, Cao Bằng, Lào Cai và 7 tỉnh, thành phố khác"
    assert shown(TEN[:5]) == "Hà Nội, Cao Bằng, Lào Cai và 2 tỉnh, thành phố khác"
    assert shown(TEN[:4]) == "Hà Nội, Cao Bằng, Lào Cai, Điện Biên"
    assert shown(TEN[:1]) == "Hà Nội"
    assert shown([]) == ""


# A number and its noun, a weekday's two words, "tháng" and its number: never split at a line's end
# (the directive index broke "khóa XII · 4 / bài", a card "Khoảng tháng / 5/2021" and "Thứ / Hai").
SPLIT = re.compile(r"\d bài|\d tỉnh|khóa [IVX]|\bThứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)\b|\bChủ Nhật\b|tháng \d")
SHOWN = re.compile(r'<(time|span class="count"|p class="(?:meta|muted)")[^>]*>(.*?)</(?:time|span|p)>', re.S)


def test_numbers_and_dates_are_tied_to_their_words_on_every_page(site):
    pages = sorted(site.output.rglob("*.html"))
    split = {}
    for path in pages:
        for _, shown in SHOWN.findall(path.read_text(encoding="utf-8")):
            shown = re.sub(r'<span class="visually-hidden">[^<]*(?:</span>)?', "", shown)  # not laid out: never split
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", shown))
            if SPLIT.search(text):
                split.setdefault(path.relative_to(site.output).as_posix(), []).append(text.strip()[:60])
    assert len(pages) > 40 and not split, {k: v[:2] for k, v in list(split.items())[:8]}


OLD_MACROS = """{% macro card(a, heading='h2', look='list') %}{{ article_card(a, heading, look) }}{% endmacro %}
{% macro pagination(pager, label) %}{% if pager.total > 1 %}<nav aria-label="{{ label }}">{{ pager.number }}</nav>{% endif %}{% endmacro %}
{% macro article_list(items, heading='h2', look='list') %}<div class="cards">{{ cards(items, heading, look) }}</div>{% endmacro %}
{% macro year_figure(chart) %}{{ chart }}{% endmacro %}
"""


def test_a_sites_own_macros_keep_working_with_the_province_first(tmp_path):
    """A site's templates/_macros.html written for an earlier theme (article_list(items, heading, look)):
    the province's page does not hand it the page's provinces, it names them first all the same."""
    root = copy_project(tmp_path / "site")
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "_macros.html").write_text(OLD_MACROS, encoding="utf-8")
    names = ", ".join(f'"{n}"' for n in TEN)
    article(root, "muoi-tinh", f'title: "Mười tỉnh"\ndate: 2025-08-04\nprovince: [{names}]')
    site = build_site(root, tmp_path / "out")
    assert card_provinces(site, "tinh/ha-giang", "muoi-tinh") == "· Hà Giang · Hà Nội · Cao Bằng · và 7 tỉnh, thành phố khác"
