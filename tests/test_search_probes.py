"""Queries an outside tester tried on search.js (round 11), on the fixture site's index."""
from __future__ import annotations

import pytest

from generator.build import build
from test_search import LAI_CHAU, node_only, run_node, search, site_copy, site_with_texts


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("probes")
    build(site_copy(tmp), output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


@node_only
def test_an_address_whose_escapes_look_like_vni_keys_is_read_as_an_address(data):
    """An address bar copies "Bác" in a query string as "B%C3%A1c": its tokens "C3", "A1c" were
    read as VNI keys first ("A1c" is "Ác"), and the address was then searched as typed (no result
    for the reader's "làm theo Bác"). An address is read before VNI keys."""
    typed, *pasted = search(data, "làm theo Bác", "https://www.google.com/search?q=l%C3%A0m+theo+B%C3%A1c",
                            "example.org/tim-kiem/?q=l%C3%A0m+theo+B%C3%A1c&trang=2",
                            "https://www.bing.com/search?q=B%C3%A1c+H%E1%BB%93")
    assert typed["total"] > 0
    for r in pasted[:2]:
        assert r["corrected"] == "làm theo Bác" and r["ids"] == typed["ids"], r["q"]
    assert pasted[2]["corrected"] == "Bác Hồ" and pasted[2]["total"] > 0


@node_only
def test_an_address_with_no_words_to_read_asks_for_nothing(data):
    """A pasted address of another site with no words in its path ("facebook.com/share/p/…"), a
    bare host or "https://" was searched as words: "https", "www", "com" (3,667 bench articles
    through "cơm", listed as approximate results; v.bin fetched to correct "https"). Such an
    address asks for nothing: the empty state. One with a slug is still read by its words."""
    for r in search(data, "https://www.facebook.com/share/p/1AbCdEf/", "https://", "www.baolaichau.vn",
                    "http://example.com/"):
        assert r["empty"] and r["total"] == 0 and r["approxTotal"] == 0, r["q"]
        assert r["kinds"] == {"index": r["bytes"]}, r["q"]  # the manifest only
    (slug,) = search(data, "https://baolaichau.vn/chinh-tri/lam-theo-loi-bac-123456.html")
    assert slug["corrected"] == "lam theo loi bac" and slug["total"] > 0


@node_only
def test_today_and_recently_ask_for_the_newest_not_for_words(data):
    """"tin tức Lai Châu hôm nay" found nothing (no article writes "hôm nay"), as "tin mới nhất về
    Lai Châu" did before its words were read as a wish: "hôm nay", "gần đây", "mới đây" are what
    a reader says about the news, not required when the query has other words, and ask for the
    newest first as "mới nhất" does."""
    today, recent, plain = search(data, "tin tức Lai Châu hôm nay", "làm theo Bác gần đây", "làm theo Bác")
    assert today["names"] == ["~p:lai-chau"] and today["titles"][:today["total"]] == [LAI_CHAU]
    assert recent["total"] == plain["total"] > 1 and recent["ids"] == sorted(plain["ids"], reverse=True)
    (alone,) = search(data, "hôm nay")  # fillers alone are required
    assert alone["total"] == 0


@node_only
def test_a_word_of_a_directives_alias_typed_without_the_rest_is_split(data):
    """"NQ TW4", "TW4" (a resolution as the press shortens it, without "khóa 12") found nothing,
    not even in part: "TW4" was kept whole because an alias of 04-NQ/TW writes it ("NQ TW4 khóa
    12"), and no article holds "tw4". Kept whole only where that name is read; elsewhere it is
    split as letters run into digits are ("TW 4")."""
    nq, tw4, spaced, named = search(data, "NQ TW4", "TW4", "NQ TW 4", "NQ TW4 khóa 12")
    # round 15: "NQ TW4" without its term is either resolution (test_search_round15.py); the
    # fixture's articles name 04-NQ/TW only
    assert nq["total"] == spaced["total"] == 3 and nq["ids"] == spaced["ids"] == named["ids"]
    assert nq["names"] == spaced["names"] == ["~d:12-nq-tw", "~d:04-nq-tw"]
    assert tw4["total"] == 6 and tw4["names"] == []
    assert named["names"] == ["~d:04-nq-tw"] and named["total"] == 3


@node_only
def test_old_or_new_after_a_provinces_name_is_asked_around_it(data):
    """"Lai Châu cũ", "Lâm Đồng mới" (the province before or after the 2025 merger, as readers
    and the press now write it) required "cũ", "mới" as words of the article: the province's own
    articles that do not write them were left out (on the bench "Quảng Nam cũ" counted 96 of its
    159). After a province's name, at the end or before another name, "cũ" and "mới" say which
    province is meant; they are asked around it, not required."""
    old, bare, new, lam_dong = search(data, "Lai Châu cũ", "lai chau cu", "Lâm Đồng mới", "Lâm Đồng")
    (lai_chau,) = search(data, "Lai Châu")
    assert lai_chau["total"] == 1 and old["ids"] == bare["ids"] == lai_chau["ids"]
    assert lam_dong["total"] == new["total"] == 3 and sorted(new["ids"]) == sorted(lam_dong["ids"])


@node_only
def test_words_of_a_date_typed_with_a_capital_make_no_name(data):
    """"Lai Châu Năm 2024" found nothing on the bench (249 in small letters): "Năm" typed with a
    capital beside the province made the longer name "Lai Châu Năm"; "Tháng Năm 2024" (May, as
    headlines write it) required the name "Tháng Năm" (344 in small letters). A word of a date
    ("ngày", "tháng", "năm", "mùng", "mồng" before a number; "tháng" and a month's name) makes
    no name, whatever its capitals."""
    capital, small, may, may_small = search(data, "Lâm Đồng Năm 2024", "Lâm Đồng năm 2024", "Tháng Năm 2024",
                                            "tháng năm 2024")
    assert capital["total"] == small["total"] == 1 and capital["ids"] == small["ids"] and capital["apart"] == []
    assert may["total"] == may_small["total"] == 1 and may["ids"] == may_small["ids"] and may["apart"] == []


@node_only
def test_a_word_typed_twice_after_a_province_makes_no_longer_name(data):
    """"Lai Châu Châu" (a key held down on a phone) found nothing: "Châu" typed as a name beside
    the province made the longer name "Lai Châu Châu", which no article writes. A word typed
    twice with its marks makes no name with itself."""
    twice, once = search(data, "Lai Châu Châu", "Lai Châu")
    assert twice["apart"] == [] and twice["names"] == ["~p:lai-chau"] and twice["ids"] == once["ids"] == [once["ids"][0]]


@node_only
def test_an_alias_typed_joined_is_read_as_typed_spaced(data):
    """"NQTW4" (a resolution's alias typed without its space, as on a phone) found nothing where
    "NQ TW4" found the resolution's articles: letters and digits run together in a word that no
    name has so are spaced into the pieces readers space them into (initialisms, words of the
    registries' names, syllables, whole numbers), the fewest. Inside quotes a word stays as
    typed, and so does a word no such pieces cover ("H5N1")."""
    joined, spaced, words, named, named_spaced, quoted = search(
        data, "NQTW4", "NQ TW4", "nghiquyettw4", "NQTW4 khóa 12", "NQ TW4 khóa 12", '"NQTW4"')
    assert spaced["total"] == 3 and joined["total"] == 3 and joined["ids"] == spaced["ids"]
    assert joined["names"] == spaced["names"] == ["~d:12-nq-tw", "~d:04-nq-tw"]  # either resolution (round 15)
    assert words["ids"] == spaced["ids"]
    assert named["names"] == named_spaced["names"] == ["~d:04-nq-tw"] and named["ids"] == named_spaced["ids"]
    assert quoted["total"] == 0 and quoted["approxTotal"] == 0


@node_only
def test_pieces_of_letters_and_digits_run_together(tmp_path):
    """Which words of letters and digits are spaced, and into what (null: read as typed)."""
    cases = ["NQTW4", "nghiquyettw4", "KL21TW", "UBND2024", "thang5", "COVID19", "H5N1", "CT05", "U23",
             "CT05TW", "chithi05", "2024UBND", "ab12cd"]
    got = run_node({"op": "spaced", "names": [["nq tw4 khoa 12", "~d:04-nq-tw"], ["nghi quyet tw4 khoa xii", "~d:04-nq-tw"],
                                             ["ct 05 tw", "~d:05-ct-tw"], ["chi thi 05", "~d:05-ct-tw"]],
                    "cases": cases})
    assert dict(zip(cases, got)) == {
        "NQTW4": "NQ TW4", "nghiquyettw4": "nghi quyet tw4", "KL21TW": "KL 21 TW", "UBND2024": "UBND 2024",
        "thang5": "thang 5", "COVID19": "COVID 19", "H5N1": "H5N1", "CT05": "CT05", "U23": "U23",
        "CT05TW": "CT05TW", "chithi05": "chithi05", "2024UBND": "2024 UBND", "ab12cd": "ab12cd"}


@node_only
def test_a_word_of_another_script_no_article_holds_is_not_required(data):
    """"Hồ Chí Minh 胡志明" (a name pasted with its Chinese spelling from an encyclopedia), "Хо Ши
    Мин Hồ Chí Minh" found nothing: the word of another script was required, and no article
    writes it. A word with no Latin letter and no digit that no article holds is not required,
    as a one-letter word is not; alone, it still finds nothing (and lists nothing)."""
    plain, han, cyrillic, thai, alone = search(data, "làm theo Bác", "làm theo Bác 胡志明", "Хо làm theo Bác",
                                               "làm theo Bác ทดสอบ", "胡志明")
    assert plain["total"] > 1
    for r in (han, cyrillic, thai):
        assert r["total"] == plain["total"] and r["ids"] == plain["ids"], r["q"]
    assert alone["total"] == 0 and alone["approxTotal"] == 0


@node_only
def test_letters_and_a_number_run_together_find_them_written_apart(tmp_path):
    """"COVID19", "APEC2017" found nothing where articles write "COVID-19", "APEC 2017": a word of
    letters (four or more) and a number is read as the two, as "CT05" (three letters at most)
    already was."""
    data = site_with_texts(tmp_path, [("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau",
                                       "Cựu chiến binh chung tay phòng chống dịch COVID-19 và hội nghị APEC 2017.")])
    joined, dashed, apec = search(data, "COVID19", "COVID-19", "apec2017")
    assert joined["total"] == dashed["total"] == 1 and joined["ids"] == dashed["ids"]
    assert apec["ids"] == joined["ids"]
