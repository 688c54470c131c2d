"""How search.js reads provinces' names in a query and in the text it marks, as the index does
(generator/search/names.py: a province's name counts in an article only where each token has
the marks of one of the registries' spellings or fewer, and its capitals)."""
from __future__ import annotations

import pytest

from generator.build import build
from test_search import (BAC_BINH, CHI_THI_05, LAI_CHAU, LAM_DONG, LAO_CAI, NHAN_RONG, O_LAM_DONG, TIEN_BAC, marked, node_only,
                         O_LAO_CAI, search, site_copy, site_with_texts)

# NHAN_RONG (Đắk Nông) writes "những biểu hiện “tự diễn biến”, “tự chuyển hóa”" too
TEXTS = (
    ("nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac", "Cán bộ kiên quyết chống “tự diễn biến”, “tự chuyển hóa”."),
    ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Đoàn công tác tỉnh Điện Biên theo dõi diễn biến thời tiết."),
    ("bac-binh-lam-dong-tong-ket-thi-dua", "Tình hình dịch bệnh diễn biến phức tạp."),
    ("lam-dong-neu-cao-dao-duc-cong-vu", "Thanh niên chung tay vì hòa bình, trồng hoa huệ trắng."),
    ("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau", "Đoàn học tập kinh nghiệm ở thành phố Hồ Chí Minh."),
    ("hoc-tap-lam-theo-bac-o-lam-dong", "Đoàn công tác đến Thành phố Hồ Chí Minh."),
    ("dang-bo-khoi-cac-co-quan-tinh-lao-cai-sau-4-nam-thuc-hien-cuoc-van-dong-hoc-tap",
     "Đoàn cán bộ tỉnh Hòa Bình dự hội nghị cầu mong hòa bình."),
)


# two more articles holding the same words: the older titled with one of them ("chống"), the newer
# with "Điện Biên", whose folded pair is that of "diễn biến"
CHONG = "Cựu chiến binh kiên quyết chống suy thoái"
O_DIEN_BIEN = "Cựu chiến binh làm theo Bác ở Điện Biên"
ARTICLES = (("chong-suy-thoai.md", CHONG, "2020-01-02"), ("o-dien-bien.md", O_DIEN_BIEN, "2020-01-03"))
BODY = "Hội viên đấu tranh chống “tự diễn biến”, “tự chuyển hóa” trong nội bộ."


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return site_with_texts(tmp_path_factory.mktemp("names"), TEXTS)


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("titled")
    root = site_copy(tmp)
    for name, title, day in ARTICLES:
        (root / "content" / "articles" / name).write_text(
            f'---\ntitle: "{title}"\ndate: {day}T08:00:00+07:00\n---\n\n{BODY}\n', encoding="utf-8")
    build(root, output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


# the newest article names the provinces only; the others write the words, together or apart
WORDS = (
    ("bac-binh-lam-dong-tong-ket-thi-dua", "Đoàn công tác của Điện Biên và Hòa Bình đến thăm tỉnh bạn, vùng có địa hình phức tạp."),
    ("lam-dong-neu-cao-dao-duc-cong-vu", "Thanh niên chung tay vì hòa bình."),
    ("hoc-tap-lam-theo-bac-o-lao-cai", "Tình hình dịch bệnh diễn biến phức tạp."),
    ("hieu-qua-qua-2-nam-thuc-hien-chi-thi-so-05-ct-tw-cua-bo-chinh-tri", "Hội diễn văn nghệ quần chúng."),
)


@pytest.fixture(scope="module")
def words(tmp_path_factory):
    return site_with_texts(tmp_path_factory.mktemp("words"), WORDS)


def found(r) -> list[str]:
    return r["titles"][:r["total"]]


@node_only
def test_marks_that_are_no_spelling_of_a_province_make_no_name(data):
    """"tự diễn biến" was read as Điện Biên (its folded words): it required the province, which
    the article writing "tự diễn biến" no longer holds in the index (0 results, the Điện Biên
    article offered); "diễn biến phức tạp" and "hoa huệ" (Huế) the same. A query's tokens make a
    province's name only where their marks are those of one of its spellings or fewer."""
    tu, dien, phuc_tap, hue = search(data, "tự diễn biến", "diễn biến", "diễn biến phức tạp", "hoa huệ")
    assert tu["names"] == [] and found(tu)[0] == NHAN_RONG
    assert "tự diễn biến" in marked(tu["snippets"][0])
    # "diễn biến" alone: the words, those spelling them so first (the province's articles fold to them)
    assert dien["names"] == [] and set(found(dien)[:2]) == {NHAN_RONG, BAC_BINH} and TIEN_BAC in found(dien)
    assert phuc_tap["names"] == [] and found(phuc_tap)[0] == BAC_BINH
    assert hue["names"] == [] and found(hue) == [LAM_DONG]


@node_only
def test_a_name_typed_with_its_capitals_is_the_province(data):
    """"Điện Biên", "Hòa Bình", "Điên Biên" (fewer marks) are the province, its articles alone."""
    dien_bien, hoa_binh, fewer, city = search(data, "Điện Biên", "Hòa Bình", "Điên Biên", "Thành phố Hồ Chí Minh")
    for r, key in ((dien_bien, "~p:dien-bien"), (hoa_binh, "~p:hoa-binh"), (fewer, "~p:dien-bien")):
        assert r["names"] == [key], r["q"]
    assert found(dien_bien) == found(fewer) == [TIEN_BAC]
    assert found(hoa_binh) == [LAO_CAI]
    # "ở thành phố Hồ Chí Minh" in a sentence is the city too ("thành" written small there)
    assert city["names"] == ["~p:tp-ho-chi-minh"] and sorted(found(city)) == sorted([O_LAM_DONG, LAI_CHAU])


@node_only
def test_a_name_typed_in_small_letters_is_the_province_or_its_words(data):
    """The index no longer reads "tự diễn biến", "vì hòa bình" as the provinces: "tu dien bien",
    "vi hoa binh", "hòa bình" (peace) required the province and missed them (no result, or only
    the province's). A province's name typed in small letters is read as the name or its words:
    the articles naming the province first when the name is all the query asks, else those
    holding the query together first. So is a name with a small letter where the registries write
    a capital ("Hòa bình", as a phone types it); "thành phố Hồ Chí Minh" is the city, as an
    article's sentence writes it."""
    alone, peace, tu, chong, vi, phone = search(data, "dien bien", "hòa bình", "tu dien bien",
                                                "chong tu dien bien tu chuyen hoa", "vi hoa binh", "Tu dien bien")
    assert found(alone)[0] == TIEN_BAC and NHAN_RONG in found(alone) and BAC_BINH in found(alone)
    assert found(peace) == [LAO_CAI, LAM_DONG]
    for r in (tu, chong, phone):
        assert found(r)[0] == NHAN_RONG, r["q"]
    assert found(vi)[0] == LAM_DONG and LAO_CAI in found(vi)  # the words together first, then the province
    assert "tự diễn biến" in marked(tu["snippets"][0]) and "vì hòa bình" in marked(vi["snippets"][0])
    capital, city = search(data, "Hòa bình", "thành phố Hồ Chí Minh")
    assert found(capital) == [LAO_CAI, LAM_DONG]
    assert city["names"] == ["~p:tp-ho-chi-minh"] and sorted(found(city)) == sorted([O_LAM_DONG, LAI_CHAU])


@node_only
def test_text_marks_a_provinces_name_only_where_the_index_reads_one(data):
    """The snippet of "Điện Biên" marked "diễn biến" as the province's name too (its folded
    words); "Hòa Bình" marked "hòa bình" (peace). An article's text holds a province's name where
    the index reads one: its marks or fewer, and its capitals."""
    dien_bien, hoa_binh = search(data, "Điện Biên", "Hòa Bình")
    assert marked(dien_bien["snippets"][0]) == ["Điện Biên"]
    assert hoa_binh["titles"] == [LAO_CAI] and marked(hoa_binh["snippets"][0]) == ["Hòa Bình"]


@node_only
def test_a_title_holding_another_spelling_of_words_typed_with_marks_ranks_no_higher(titled):
    """"chống tự diễn biến" ranked "… ở Điện Biên" first: the folded pair "dien bien" of its title
    counted as the query's pair in a title, and "Điện", "Biên" as title hits. Words typed with
    marks count in a title (its pairs, its weight) only in their spelling."""
    (r,) = search(titled, "chống tự diễn biến")
    assert r["names"] == [] and found(r)[:2] == [CHONG, O_DIEN_BIEN]


@node_only
def test_a_name_after_tinh_or_thanh_pho_is_the_province_in_small_letters(data):
    """"tỉnh điện biên" (small letters, with marks) was read loosely, as the name or its words: 3
    results ("tự diễn biến", "diễn biến phức tạp") where "tỉnh Điện Biên" found the province's
    one. After "tỉnh" (or "tinh", not "tình"), "thành phố" or "tp", a name in small letters is the
    province's."""
    small, bare, city, typed = search(data, "tỉnh điện biên", "tinh dien bien", "thành phố hòa bình", "tỉnh Điện Biên")
    for r in (small, bare, typed):
        assert r["names"] == ["~p:dien-bien"] and found(r) == [TIEN_BAC], r["q"]
    assert city["names"] == ["~p:hoa-binh"] and found(city) == [LAO_CAI]
    # "tình" is no "tỉnh": the name or its words, as before
    (feeling,) = search(data, "tình điện biên")
    assert NHAN_RONG in found(feeling)


@node_only
def test_words_typed_with_marks_rank_the_articles_writing_them_so_first(words):
    """"diễn biến" listed the article naming only Điện Biên (its folded words, "Điện Biên") before
    the one writing "diễn" and "biến" apart; "hòa bình" (peace, small letters, every mark) listed
    the article naming only the province Hòa Bình first. A reader who typed marks means them: the
    articles holding the query's pairs with the typed marks (the words of a province's name typed
    loosely: written outside the name) first, then those holding every word so, then the others;
    they all still count. Typed without marks or with fewer ("dien bien", "hoa binh"), the province
    first, as before; tone styles are one ("hoà bình")."""
    dien, phuc_tap, peace, style, phone = search(words, "diễn biến", "diễn biến phức tạp", "hòa bình", "hoà bình",
                                                 "Hòa bình")
    # two syllables alone are held together: "diễn" and "biến" apart are approximate
    assert found(dien) == [NHAN_RONG, O_LAO_CAI, BAC_BINH] and dien["ids"] and CHI_THI_05 in dien["titles"]
    assert found(phuc_tap)[0] == O_LAO_CAI
    for r in (peace, style, phone):
        assert found(r) == [LAM_DONG, BAC_BINH], r["q"]
    bare, hoa, name = search(words, "dien bien", "hoa binh", "Hòa Bình")
    assert found(bare)[0] == BAC_BINH and found(hoa) == [BAC_BINH, LAM_DONG] and found(name) == [BAC_BINH]


@node_only
def test_tinh_with_a_capital_before_a_province_makes_no_longer_name(words):
    """"Tỉnh Hòa Bình" (as a phone or the press capitalises it) found nothing where the article
    writes "Hòa Bình" and "tỉnh" apart: "Tỉnh" typed as a name beside the province's made one
    longer name ("Điện Biên Phủ"'s rule), whose pair "tỉnh hòa" it lacks. "Tỉnh", "Thành phố",
    "TP" before a province's name say the province follows."""
    hoa_binh, dien_bien = search(words, "Tỉnh Hòa Bình", "Tỉnh Điện Biên")
    assert hoa_binh["names"] == ["~p:hoa-binh"] and found(hoa_binh) == [BAC_BINH] and hoa_binh["apart"] == []
    assert found(dien_bien) == [BAC_BINH]


@node_only
def test_a_name_typed_with_capitals_and_one_slipped_mark_is_the_name_or_its_words(data):
    """"Điện Biện" (the capitals of a name, one mark slipped) was read as two ordinary words: no
    province, no filter offered. A province's name of two tokens or more typed as a name (a capital
    then small letters each) with one token's marks other than the registries' is the name or its
    words, as the name typed in small letters: the province's article first, the words' still
    found. Two slipped tokens ("Diễn Biến"), quotes, or small letters with a slip stay words."""
    slip, other, two, quoted = search(data, "Điện Biện", "Hòa Bính", "Diễn Biến", '"Điện Biện"')
    assert slip["names"] == ["~p:dien-bien"] and found(slip)[0] == TIEN_BAC
    assert NHAN_RONG in found(slip) and BAC_BINH in found(slip)
    assert other["names"] == ["~p:hoa-binh"] and found(other)[0] == LAO_CAI
    assert two["names"] == [] and quoted["names"] == []
    (small,) = search(data, "điện biện")
    assert small["names"] == []


@node_only
def test_a_headline_typed_in_title_case_is_read_as_in_small_letters(data):
    """A phone's keyboard capitalising each word, or a headline pasted so, made every pair of the
    query a name's ("Làm Theo Bác Hồ": 2,091 results on the bench against 9,708 in small letters)
    and "Hòa Bình" the province alone ("Chung Tay Vì Hòa Bình" missed the article writing "vì hòa
    bình"). A query of three words or more, each with a capital, one of them a word of grammar no
    name holds ("Vì", "Và", "Theo", "Ở"), is read as typed in small letters. Without such a word
    ("Tấm Gương Sáng Ngời") the capitals still make a name."""
    pairs = [("Chung Tay Vì Hòa Bình", "chung tay vì hòa bình"),
             ("Học Tập Và Làm Theo Bác", "học tập và làm theo bác"),
             ("Đoàn Học Tập Kinh Nghiệm Ở Thành Phố Hồ Chí Minh", "đoàn học tập kinh nghiệm ở thành phố hồ chí minh")]
    results = search(data, *[q for pair in pairs for q in pair])
    for title, small in zip(results[::2], results[1::2]):
        assert (found(title), title["approxTotal"], title["names"], title["apart"]) == \
            (found(small), small["approxTotal"], small["names"], small["apart"]), title["q"]
    assert found(results[0])[0] == LAM_DONG and results[0]["names"] == ["~p:hoa-binh"]
    # typed without marks, as many phone readers do ("Va", "Cua"): the same; "Thi" may be Thị, a name's
    bare, bare_small, thi = search(data, "Can Bo Va Dang Vien", "can bo va dang vien", "Tam Guong Thi Hien")
    assert bare["ids"] == bare_small["ids"] and bare["total"] == bare_small["total"] > 0 and bare["apart"] == []
    assert thi["apart"] == []  # no grammar word, and no family name: words (round 14, below)


@node_only
def test_a_word_of_address_or_of_the_news_makes_no_name_with_its_neighbour(data):
    """"Ông Lê Đức Dục" (a phone capitalising the first word) found nothing: "Ông Lê" was a name
    the article lacks (it writes "đồng chí Lê Đức Dục"); "Tin Tức Lai Châu" required "tin tức",
    a word of the news dropped in small letters. A word of address (ông, bà, anh, chị, em, cụ,
    thầy, đồng chí) makes no name with the name after it, and the fillers make none at all; the
    name itself still does ("Ông Lê Đức Dục Lai Châu" needs "Lê Đức Dục" whole)."""
    mister, comrade, news, small = search(data, "Ông Lê Đức Dục", "Đồng Chí Lê Đức Dục", "Tin Tức Lai Châu",
                                          "tin tức lai châu")
    for r in (mister, comrade):
        assert found(r) == [LAI_CHAU] and r["apart"] == [], r["q"]
    assert found(news) == found(small) == [LAI_CHAU] and news["apart"] == []
    (slip,) = search(data, "Ông Lê Đức Dụ")
    assert slip["total"] == 0 and slip["apart"] == ["Đức Dụ"]


@node_only
def test_title_case_without_grammar_makes_a_name_only_from_a_family_name(data):
    """A headline typed in Title Case without a word of grammar ("Đạo Đức Công Vụ", "Phong Trào
    Thi Đua Yêu Nước") was read as one long name, every pair required (on the bench 5,600
    results against 9,940 in small letters; "Gương Sáng Lai Châu" made the name "Sáng Lai
    Châu": 1,077 against 4,640). In such a query a name starts at a family name (Nguyễn, Lê,
    Hồ …; "Bác" before one: "Bác Hồ") and runs to the next name or the words' end, four words
    at most; the other words are read as in small letters. Person names still make names ("Lê
    Đức Dụ", which no article holds, is said so), and so does a province's name with one word
    beside it and nothing else ("Điện Biên Phủ")."""
    pairs = [("Đạo Đức Công Vụ", "đạo đức công vụ"), ("Tấm Gương Sáng Ngời", "tấm gương sáng ngời"),
             ("Tam Guong Thi Hien", "tam guong thi hien"), ("Gương Sáng Lai Châu", "gương sáng Lai Châu"),
             ("Gương Sáng Lê Đức Dục", "gương sáng Lê Đức Dục"), ("Chủ Tịch Hồ Chí Minh", "chủ tịch Hồ Chí Minh")]
    results = search(data, *[q for pair in pairs for q in pair])
    for title, small in zip(results[::2], results[1::2]):
        assert (found(title), title["approxTotal"], title["names"], title["apart"]) == \
            (found(small), small["approxTotal"], small["names"], small["apart"]), title["q"]
    assert results[0]["total"] > 0 and found(results[8]) == [LAI_CHAU]
    slip, two, uncle, dien_bien = search(data, "Gương Sáng Lê Đức Dụ", "Lê Đức Dục Nguyễn Văn Bình",
                                         "Bác Hồ Kính Yêu", "Điện Biên Phủ")
    assert slip["total"] == 0 and slip["apart"] == ["Đức Dụ"]
    assert "Văn Bình" in two["apart"] and "Dục Nguyễn" not in two["apart"]  # two names
    assert "Hồ Kính" not in uncle["apart"] and "Kính Yêu" not in uncle["apart"]
    assert dien_bien["total"] == 0 and dien_bien["apart"] == ["Điện Biên Phủ"]
    # a name followed by more words typed with capitals: its end is not known, its first three
    (longer,) = search(data, "Lê Đức Dụ Gương Sáng Ngời Mãi")
    assert longer["total"] == 0 and longer["apart"] == ["Đức Dụ"]
