"""Vietnamese text rules: NFC, tone-style-insensitive identity, folding, CLDR "vi" order, slugs, dates."""
import sys
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from generator.vietnamese import (VN, fold, format_date, format_datetime, format_long_date, normalize, slugify,
                                  sort_key, sorted_vi, term_key, to_vn)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("a, b", [
    ("Hoà Bình", "Hòa Bình"), ("khoá XII", "khóa XII"), ("thuỷ", "thủy"), ("Khánh Hoà", "KHÁNH HÒA"),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"), ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"),
    (nfd("Đắk Lắk"), "Đắk Lắk"), ("Ðà Nẵng", "Đà Nẵng"),  # U+00D0 look-alike
    # pasted from web pages and Word: zero-width space, soft hyphen, BOM, word joiner, non-breaking space
    ("nêu gương\u200b", "nêu gương"), ("nêu gương\u00ad", "Nêu gương"), ("\ufeffLào Cai", "Lào Cai"),
    ("Hà\u2060 Giang", "Hà Giang"), ("Lào\u00a0Cai", "Lào Cai"),
])
def test_same_term(a, b):
    assert term_key(a) == term_key(b)


@pytest.mark.parametrize("a, b", [("Hà Nam", "Hà Nội"), ("Bác", "bạc"), ("Đăk Nông", "Đắk Nông"), ("da", "đa")])
def test_different_terms(a, b):
    assert term_key(a) != term_key(b)


def test_normalize_is_nfc_and_fixes_eth():
    assert normalize(nfd("Nghệ An")) == "Nghệ An"
    assert normalize("\u00d0à Nẵng") == "\u0110à Nẵng"
    assert normalize("plain ascii") == "plain ascii"


@pytest.mark.parametrize("text, folded", [
    ("Làm theo Bác", "lam theo bac"), ("Đắk Nông", "dak nong"), (nfd("Nghệ An"), "nghe an"),
    ("ÐẮK LẮK", "dak lak"), ("khoá", "khoa"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_vietnamese_alphabetical_order():
    names = ["Yên Bái", "Đà Nẵng", "Dak Test", "An Giang", "Bắc Kạn", "Bạc Liêu", "Bà Rịa - Vũng Tàu",
             "Cà Mau", "Cần Thơ", "Điện Biên", "Đắk Lắk", "Hà Nam", "Hải Dương", "Hòa Bình", "Hà Giang",
             "Ơn", "Ô Môn", "Óc Eo", "Ưng", "Uông Bí", "Tây Ninh", "Thái Bình"]
    assert sorted_vi(names) == [
        "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Kạn", "Cà Mau", "Cần Thơ", "Dak Test",
        "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Hà Giang", "Hà Nam", "Hải Dương", "Hòa Bình",
        "Óc Eo", "Ô Môn", "Ơn", "Tây Ninh", "Thái Bình", "Uông Bí", "Ưng", "Yên Bái"]
    assert sorted(names) != sorted_vi(names)  # Python's own order puts Đ after Y


def test_tones_are_secondary_in_their_cldr_order():
    # ngang < huyền < hỏi < ngã < sắc < nặng
    assert sorted_vi(["má", "mạ", "mà", "mả", "ma", "mã"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # a primary difference later in the word beats a tone earlier
    assert sorted_vi(["bá b", "ba c"]) == ["bá b", "ba c"]


def test_sort_key_ignores_tone_placement_style():
    assert sort_key("Hoà Bình")[:2] == sort_key("Hòa Bình")[:2]


@pytest.mark.parametrize("text, slug", [
    ("Đắk Nông", "dak-nong"), ("Đắk Lắk", "dak-lak"), (nfd("Đắk Lắk"), "dak-lak"),
    ("Quy định 08-QĐi/TW", "quy-dinh-08-qdi-tw"), ("TP. Hồ Chí Minh", "tp-ho-chi-minh"),
    ("Học tập và làm theo Bác!", "hoc-tap-va-lam-theo-bac"), ("05-CT/TW", "05-ct-tw"),
])
def test_slugs_are_ascii(text, slug):
    assert slugify(text) == slug


def test_a_text_that_is_already_a_slug_is_its_own_slug_as_python_slugify_gives_it():
    """The fast way (most file names are slugs already) gives what python-slugify gives."""
    import random

    from slugify import slugify as package_slugify
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    texts = ["phat-huy-phong-trao-thi-dua-yeu-nuoc-o-dien-bien-000294", "a", "0", "1-000", "05-ct-tw", "x" * 300]
    texts += ["-".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 6)))
                       for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        assert slugify(text) == package_slugify(text, backend="text-unidecode") == text
    # not slugs: through python-slugify
    assert [slugify(t) for t in ("-a", "a--b", "a-", "A-b", "a_b", "đ-a")] == ["a", "a-b", "a", "a-b", "a-b", "d-a"]


def test_dates_in_vietnamese_style():
    moment = datetime(2016, 9, 19, 16, 27, tzinfo=VN)
    assert format_date(moment) == "Thứ Hai, 19/09/2016"
    assert format_datetime(moment) == "Thứ Hai, 19/09/2016 | 16:27"
    assert format_long_date(moment) == "ngày 19 tháng 9 năm 2016"
    assert format_date(datetime(2024, 11, 24, tzinfo=VN)) == "Chủ Nhật, 24/11/2024"


def test_time_zone_is_plus_seven():
    utc = datetime(2016, 9, 19, 20, 0, tzinfo=timezone.utc)
    local = to_vn(utc)
    assert local.isoformat() == "2016-09-20T03:00:00+07:00" and local.utcoffset() == timedelta(hours=7)
    assert to_vn(datetime(2016, 9, 19)).isoformat() == "2016-09-19T00:00:00+07:00"


def test_numbers_sort_by_their_value():
    """Digit by digit, "chủ đề 10" came before "chủ đề 2" in the indexes (ICU's order without its
    numeric option); a leading zero does not count, and numbers still come before letters."""
    assert sorted_vi(["chủ đề 10", "Chủ đề 2", "chủ đề 1", "chủ đề", "chủ đề a"]) == \
        ["chủ đề", "chủ đề 1", "Chủ đề 2", "chủ đề 10", "chủ đề a"]
    assert sorted_vi(["Chỉ thị 35-CT/TW", "Chỉ thị 6", "Chỉ thị 05-CT/TW"]) == \
        ["Chỉ thị 05-CT/TW", "Chỉ thị 6", "Chỉ thị 35-CT/TW"]
    assert sorted_vi(["Khóa XII", "khóa 13", "Khóa 9", "2024", "Đà Nẵng"]) == \
        ["2024", "Đà Nẵng", "Khóa 9", "khóa 13", "Khóa XII"]


def test_slugs_do_not_depend_on_which_transliteration_package_is_installed(monkeypatch):
    # python-slugify's default backend takes the Unidecode package wherever some other tool installed
    # it (its tables differ from text-unidecode's for some characters): a site's addresses changed with
    # the machine that built it. It also tried that import on every call, a search of sys.path each time.
    import types

    titles = ["Đà Nẵng: thanh niên “làm theo” lời Bác – 2024", "Hoà Bình ✓ Ω ß", "Tỉnh ủy Lai Châu"]
    before = [slugify.__wrapped__(title) for title in titles]
    other = types.ModuleType("unidecode")
    other.unidecode = lambda text: "khac"
    monkeypatch.setitem(sys.modules, "unidecode", other)
    assert [slugify.__wrapped__(title) for title in titles] == before == [
        "da-nang-thanh-nien-lam-theo-loi-bac-2024", "hoa-binh-o-ss", "tinh-uy-lai-chau"]


def test_stacked_capital_finds_capitals_with_two_marks_above_after_the_first_word():
    from generator.vietnamese import stacked_capital
    import unicodedata
    assert stacked_capital("Hợp tác với Ấn Độ")
    assert stacked_capital(unicodedata.normalize("NFD", "Thi đua ẲNG"))  # typed decomposed
    assert not stacked_capital("Ấn Độ hợp tác")  # the first word stands on the first line
    assert not stacked_capital("Ủy ban tỉnh NGHỆ AN, Ậ")  # one mark above (the dot is below)
    assert not stacked_capital("lễ hội ẳng ẫ")  # small letters: 1.35 is enough


def test_search_js_marks_the_same_stacked_capitals_as_the_generator():
    """search.js draws its results' headlines itself: its STACKED class must hold the capitals the
    generator's test looks for, or a result and its card elsewhere differ in line height."""
    import re
    from pathlib import Path
    from generator.vietnamese import _STACKED
    script = (Path(__file__).resolve().parent.parent / "themes/default/static/search.js").read_text(encoding="utf-8")
    written = re.search(r"var STACKED = /\\s\[\^\]\*\[([^\]]*)\]/;", script)[1]
    assert {chr(int(code, 16)) for code in re.findall(r"\\u([0-9a-f]{4})", written)} == _STACKED
    assert len(_STACKED) == 18


@pytest.mark.parametrize("text, shown", [
    ('những biểu hiện "tự diễn biến", "tự chuyển hóa"', "những biểu hiện “tự diễn biến”, “tự chuyển hóa”"),
    ('"Dân vận khéo"', "“Dân vận khéo”"),
    ('("Dân vận khéo") – "DVK".', "(“Dân vận khéo”) – “DVK”."),
    ('cụm từ—"ba chống"', "cụm từ—“ba chống”"),
    ("không có ngoặc", "không có ngoặc"),
])
def test_straight_quotes_become_vietnamese_quotes(text: str, shown: str):
    from generator.vietnamese import curly_quotes
    assert curly_quotes(text) == shown
