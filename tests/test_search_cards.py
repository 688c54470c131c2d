"""The provinces a search result's card names, within a province's filter or for a query read as
a province (search.js: Engine.provinces, provincesShown)."""
from __future__ import annotations

import pytest

from test_search import node_only, run_node, search, site_with_article

SIX = ["Lai Châu", "Lào Cai", "Hà Giang", "Sơn La", "Điện Biên", "Yên Bái"]
THREE = ["Lâm Đồng", "Lai Châu", "Điện Biên"]
ARTICLE = """---
title: "Tây Bắc chung sức làm theo Bác"
date: 2026-01-05T08:00:00+07:00
province: {provinces}
---

Các tỉnh miền núi phía Bắc chung sức làm theo Bác.
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    provinces = "[" + ", ".join(f'"{p}"' for p in SIX) + "]"
    return site_with_article(tmp_path_factory.mktemp("cards"), "tay-bac.md", ARTICLE.format(provinces=provinces))


def card(r) -> list[str]:
    """The provinces the card of the six provinces' article shows."""
    return r["provinces"][r["titles"].index("Tây Bắc chung sức làm theo Bác")]


@node_only
def test_a_provinces_filter_or_query_names_it_first_on_each_card(data):
    """Within Điện Biên's filter, the card of an article about six provinces said "Lai Châu, Lào
    Cai, Hà Giang và 3 tỉnh, thành phố khác": Điện Biên hidden among the others, where a province's
    page names it first. The filter's province (or the one the query is read as) comes first when
    the article names it, the count of the others unchanged."""
    (plain,) = search(data, "chung sức làm theo Bác")
    assert card(plain) == ["Lai Châu", "Lào Cai", "Hà Giang và 3 tỉnh, thành phố khác"]
    (filtered,) = search(data, "chung sức làm theo Bác", province="dien-bien")
    assert card(filtered) == ["Điện Biên", "Lai Châu", "Lào Cai và 3 tỉnh, thành phố khác"]
    (shown,) = search(data, "chung sức làm theo Bác", province="lao-cai")
    assert card(shown) == ["Lào Cai", "Lai Châu", "Hà Giang và 3 tỉnh, thành phố khác"]
    read, loose = search(data, "Sơn La chung sức", "tỉnh yên bái chung sức")
    assert read["names"] == ["~p:son-la"] and card(read) == ["Sơn La", "Lai Châu", "Lào Cai và 3 tỉnh, thành phố khác"]
    assert card(loose) == ["Yên Bái", "Lai Châu", "Lào Cai và 3 tỉnh, thành phố khác"]


@node_only
def test_provinces_shown_put_the_named_ones_first_as_a_card_cuts_them():
    cases = [
        [THREE, ["Điện Biên"]],
        [THREE, ["Hà Giang"]],  # not the article's: as it was
        [["Lai Châu", "Lào Cai", "Hà Giang và 3 tỉnh, thành phố khác"], ["Yên Bái", "Lào Cai"]],
        [["Lai Châu", "Lào Cai", "Hà Giang và 2 tỉnh, thành phố khác"], ["Sơn La"]],
        [[], ["Sơn La"]],
    ]
    out = run_node({"op": "provinces", "cases": cases})
    assert out == [["Điện Biên", "Lâm Đồng", "Lai Châu"], THREE,
                   ["Yên Bái", "Lào Cai", "Lai Châu và 3 tỉnh, thành phố khác"],
                   ["Sơn La", "Lai Châu", "Lào Cai và 2 tỉnh, thành phố khác"], []]


@node_only
def test_a_results_title_keeps_hyphened_numbers_whole_as_the_theme_does():
    """A result's title broke "giai đoạn 2016-" / "2026" where an article's headline keeps
    "2016-2026" whole (the theme's `whole` filter): search.js finds the same pieces as
    vietnamese.hyphened_pieces, the filter's rule, on every text."""
    from generator.vietnamese import hyphened_pieces
    texts = ["Thực hiện Chỉ thị 05-CT/TW giai đoạn 2016-2026", "Ngày 19-5-2025 tại Hà Nội",
             "Kết luận 01-KL/TW, Chỉ thị 42-CT/TW", "không có số", "Đảng bộ xã-phường 12-a", "x05-CT/TW",
             "05-CT/TW-", "số 123456789-0123", "Nghị quyết 18-NQ/TW ngày 25-10-2017", "2016–2026",
             "Quyết định 1234-QĐ/UBND", "Tháng 5-2021/đợt-2"]
    spans = run_node({"op": "whole", "texts": texts})
    assert spans == [[list(s) for s in hyphened_pieces(t)] for t in texts]
    assert [texts[0][s:e] for s, e in spans[0]] == ["05-CT/TW", "2016-2026"] and spans[3] == spans[9] == []
