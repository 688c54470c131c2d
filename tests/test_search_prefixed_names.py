"""Names of the Central Highlands' peoples typed in a query (search.js: family.js NAME_PREFIXES,
cased.js namePrefixes): the one-letter prefix before the given name, "Y" of Ê Đê and M'nông men
("Y Ngông Niê Kdăm"), "H'" of Ê Đê women ("H’Hen Niê"), "K'" of Cơ Ho and Mạ men ("K’Thương"), is
a word of the name, as the family name of a Kinh name is ("Lê Đức Dục"); "Y Tế" (health) is not."""
from __future__ import annotations

import pytest

from generator.search.text import tokenize
from test_search import node_only, run_node, search, site_with_texts

NHAN_RONG = "Nhân rộng các mô hình điển hình làm theo lời Bác"
TIEN_BAC = "Trả lại tiền bạc cho người đánh rơi"
BAC_BINH = "Bắc Bình, Lâm Đồng tổng kết phong trào thi đua"
LAM_DONG = "Lâm Đồng nêu cao đạo đức công vụ, làm theo Bác"
LAI_CHAU = "Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu"
TEXTS = (
    ("nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac",
     "Đồng chí Y Ngông Niê Kdăm, nguyên Phó Chủ tịch Quốc hội, là tấm gương sáng của buôn làng."),
    ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Hoa hậu H’Hen Niê về thăm buôn, trao quà cho học sinh."),
    ("bac-binh-lam-dong-tong-ket-thi-dua", "Già làng K’Thương vận động bà con; cô H'Linh Niê dạy chữ."),
    # every word of "Y Ngông Niê Kdăm" (and its pair "Niê Kdăm"), not the name
    ("lam-dong-neu-cao-dao-duc-cong-vu", "Trạm Y tế xã khám bệnh cho ông Niê Kdăm; ông bảo đừng ngông cuồng."),
    # "Niê" alone, "hẹn", "thương", "y tế xã", the people "Mông" (H'Mông)
    ("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau",
     "Chị Niê hẹn đưa con đến trạm y tế xã tiêm chủng; thương con, đồng bào dân tộc Mông tin Đảng."),
)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return site_with_texts(tmp_path_factory.mktemp("prefixed"), TEXTS)


def found(r) -> list[str]:
    return r["titles"][:r["total"]]


def same(a, b):
    return (found(a), a["ids"], a["approx"], a["apart"]) == (found(b), b["ids"], b["approx"], b["apart"])


@node_only
def test_an_ede_mans_name_with_its_prefix_is_one_name(data):
    """"Y Ngông Niê Kdăm" kept only "Niê Kdăm" as a name ("Y" is one letter, "Ngông" no family
    name): the article of a clinic writing "ông Niê Kdăm" and "ngông cuồng" was found as well as
    the one naming him. The prefix "Y" before a word typed with a capital starts the name."""
    for q in ("Y Ngông Niê Kdăm", "Y Ngong Nie Kdam", "Đồng Chí Y Ngông Niê Kdăm", "Gương Sáng Y Ngông Niê Kdăm",
              "tấm gương Y Ngông Niê Kdăm"):
        (r,) = search(data, q)
        assert found(r) == [NHAN_RONG] and r["apart"] == [], q
    name, other, clinic = search(data, "Y Ngông Niê Kdăm", "Y Ngông Niê Êban", "trạm y tế xã khám bệnh cho ông")
    assert found(clinic) == [LAM_DONG]
    assert name["approx"][:1] == clinic["ids"]  # the words apart come after, as for Kinh names
    assert other["total"] == 0 and other["apart"] == ["Niê Êban"]
    # in small letters, as "lê đức dục": the words anywhere
    (small,) = search(data, "y ngông niê kdăm")
    assert set(found(small)) == {NHAN_RONG, LAM_DONG} and small["apart"] == []


@node_only
def test_an_ede_womans_name_with_either_apostrophe_is_one_name(data):
    """"H’Hen Niê" was the words "hen" and "niê" anywhere ("h" of one letter is required by
    nothing): the article of "Chị Niê hẹn …" was found too. "H'" or "H’", a space after it or
    not, is the name's prefix."""
    for q in ("H'Hen Niê", "H’Hen Niê", "H' Hen Niê", "H’ Hen Niê", "H'Hen Nie", "Hoa Hậu H’Hen Niê"):
        (r,) = search(data, q)
        assert found(r) == [TIEN_BAC] and r["apart"] == [], q
    (linh,) = search(data, "H’Linh Niê")
    assert found(linh) == [BAC_BINH]
    # a name no article writes whole is said as typed, its apostrophe too
    (other,) = search(data, "K’Linh Niê")
    assert other["total"] == 0 and other["apart"] == ["K’Linh"]


@node_only
def test_a_co_ho_name_with_its_prefix_is_one_name(data):
    """"K’Thương" was the word "thương" anywhere (5 more articles); "K" without its apostrophe
    is no prefix ("Khóa K")."""
    for q in ("K’Thương", "K'Thương", "K' Thương", "K'Thuong", "Già Làng K’Thương"):
        (r,) = search(data, q)
        assert found(r) == [BAC_BINH], q
    (bare,) = search(data, "K Thương")
    assert bare["total"] > 1


@node_only
def test_y_te_and_peoples_names_are_no_persons_names(data):
    """"Y" before a word it makes a common word with ("Y Tế", "Quân Y"), "H'" of the people
    "H'Mông": no name starts there; in Title Case the query reads as in small letters."""
    pairs = [("Y Tế Xã", "y tế xã"), ("Trạm Y Tế Xã", "trạm y tế xã"), ("Y tế xã", "y tế xã"),
             ("Dân Tộc H'Mông", "dân tộc h'mông"), ("Đồng Bào H’Mông", "đồng bào h’mông")]
    results = search(data, *[q for pair in pairs for q in pair])
    for title, small in zip(results[::2], results[1::2]):
        assert same(title, small), title["q"]
    assert {LAM_DONG, LAI_CHAU} <= set(found(results[0]))
    assert LAI_CHAU in found(results[6])


@node_only
def test_the_index_holds_a_prefixs_pairs_as_the_query_reads_them(data):
    """The index reads no person's name: it holds every pair of adjacent tokens, the prefix's too,
    and an apostrophe (either form) parts tokens in Python as in search.js; so the pairs a name
    with its prefix requires are there, whichever apostrophe the article or the reader typed."""
    forms = ["H'Hen Niê", "H’Hen Niê", "H' Hen Niê", "K’Thương", "Y Ngông Niê Kdăm"]
    assert [t["tokens"] for t in run_node({"op": "text", "cases": forms})] == [tokenize(f) for f in forms]
    assert tokenize("H'Hen") == tokenize("H’Hen") == ["H", "Hen"]
    postings = run_node({"op": "postings", "dir": str(data)})
    for pair in ("y ngong", "ngong nie", "nie kdam", "h hen", "hen nie", "h linh", "k thuong"):
        assert pair in postings, pair
