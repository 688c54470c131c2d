"""Queries an outside tester would try on search.js (round 15), on the fixture site's index."""
from __future__ import annotations

import pytest

from test_search import node_only, search, site_with_texts

TWELVE = "Nhân rộng các mô hình điển hình làm theo lời Bác"
FOUR = "Trả lại tiền bạc cho người đánh rơi"
OTHER = "Bắc Bình, Lâm Đồng tổng kết phong trào thi đua"
TEXTS = (
    ("nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac", "Mười năm thực hiện Nghị quyết Trung ương 4 khóa XI."),
    ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Đảng bộ quán triệt NQ TW4 khóa 12 đến từng chi bộ."),
    # the words of the query apart: a resolution of a province, its fourth point
    ("bac-binh-lam-dong-tong-ket-thi-dua", "Nghị quyết của Tỉnh ủy nêu 4 nhiệm vụ; Ban Chấp hành TW chỉ đạo."),
)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return site_with_texts(tmp_path_factory.mktemp("round15"), TEXTS)


def found(r) -> list[str]:
    return r["titles"][:r["total"]]


@node_only
def test_a_resolutions_alias_without_its_term_finds_either_resolution(data):
    """"NQ TW4" (and "NQTW4", "Nghị quyết Trung ương 4", "nghị quyết tw4") names two resolutions,
    12-NQ/TW (khóa XI) and 04-NQ/TW (khóa XII): it was read as the words "nghị quyết", "tw", "4"
    (8,459 bench articles, Chỉ thị 05's first; here the province's resolution found too). Read
    as either resolution: the articles naming one of them, and only those."""
    eleven, twelve, quoted = search(data, "NQ TW4 khóa 11", "NQ TW4 khóa 12", '"NQ TW4"')
    assert eleven["names"] == ["~d:12-nq-tw"] and TWELVE in found(eleven)
    assert twelve["names"] == ["~d:04-nq-tw"] and FOUR in found(twelve)
    either = set(found(eleven)) | set(found(twelve))
    for r in search(data, "NQ TW4", "NQTW4", "NQ TW 4", "Nghị quyết Trung ương 4", "nghị quyết tw4", "Nghị quyết TW4"):
        assert sorted(r["names"]) == ["~d:04-nq-tw", "~d:12-nq-tw"], r["q"]
        assert set(found(r)) == either and r["total"] == len(either) and r["approxTotal"] == 0, r["q"]
    assert OTHER not in either
    assert quoted["names"] == [] and OTHER not in found(quoted)  # in quotes: the words as typed


@node_only
def test_a_term_after_khoa_is_read_in_digits_or_roman_numerals(data):
    """Each alias writes the term one way ("NQ TW4 khóa 12", "Nghị quyết TW4 khóa XII"): typed the
    other way ("Nghị quyết TW4 khóa 12", "nq tw4 khoa xii") no resolution was read (on the bench
    "nq tw4 khoa xii" found no article, 9,706 in part). The term after "khóa" matches in either."""
    named, *others = search(data, "NQ TW4 khóa 12", "Nghị quyết TW4 khóa 12", "nq tw4 khoa xii",
                            "Nghị quyết Trung ương 4 khóa 12", "NQ TW4 khóa XII")
    assert named["names"] == ["~d:04-nq-tw"] and FOUR in found(named)
    for r in others:
        assert r["names"] == ["~d:04-nq-tw"] and r["ids"] == named["ids"], r["q"]
    (other_term,) = search(data, "NQ TW4 khóa 13")  # no such resolution: no name read
    assert other_term["names"] == []


@node_only
def test_a_dash_before_a_resolutions_alias_without_its_term_leaves_out_either(data):
    """"làm theo Bác -NQ TW4" (read as either resolution) found more than "làm theo Bác": the dash
    left out the first resolution only, the second was then OR'd with the query's words. After a
    dash every resolution the alias may be is left out."""
    base, without, twelve = search(data, "làm theo Bác", "làm theo Bác -NQ TW4", "NQ TW4")
    assert twelve["total"] > 0 and base["total"] > without["total"]
    assert without["ids"] == [d for d in base["ids"] if d not in set(twelve["ids"])]
