"""Importer: Vietnamese typed in the legacy encodings TCVN3 (.VnTime), VNI-Windows (VNI-Times) and
VISCII, as a file's bytes and as text pasted after a Windows-1252 reading (legacy.py, decode.py).
Each test failed before legacy.py existed."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from importing import import_page, lines, paragraphs

from generator.importer import legacy
from generator.importer.decode import DecodeError, decode_page
from generator.importer.syllables import is_syllable

TCVN3, VNI, VISCII = legacy.CHARSETS
ROOT = Path(__file__).resolve().parent.parent

# Every vowel with every tone, and đ: 12 x 6 + 1 letters, in lower case and in capitals.
LETTERS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy"
           for t in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")] + ["đ"]

ARTICLE = lines(
    "Quảng Ngãi: Học tập và làm theo Bác trong cán bộ, đảng viên",
    "Thứ Hai, 19/09/2016 | 16:27",
    "Sáng 19/9, Ban Thường vụ Tỉnh ủy Quảng Ngãi tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW "
    "của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Theo báo cáo, qua 5 năm, các cấp ủy đảng đã cụ thể hóa nội dung học tập thành những việc làm thiết "
    "thực, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.",
    "Nhiều mô hình hay như \"Dân vận khéo\", \"Mỗi tháng một việc làm tốt\" được nhân rộng.",
    "Nguyễn Văn An",
)


def to_bytes(misread: str) -> bytes:
    """The bytes a legacy text was saved in, from its Windows-1252 reading."""
    return bytes(ord(ch) if ord(ch) < 0x100 else ch.encode("cp1252")[0] for ch in misread)


def legacy_notes(decoded) -> list[str]:
    return [n for n in decoded.notes if "bảng mã cũ" in n or ".VnTimeH" in n]


# -- the tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize("charset", [VNI, VISCII], ids=["vni", "viscii"])
def test_every_letter_and_capital_round_trips(charset):
    text = " ".join(LETTERS + [x.upper() for x in LETTERS])
    assert len(set(text.split())) == 146
    encoded = legacy.encode_text(text, charset)
    assert encoded != text
    assert legacy.decode_text(encoded, charset) == text


def test_every_tcvn3_letter_round_trips_lower_case_and_in_vntimeh_capitals():
    # .VnTime has every lower-case letter and the capitals Ă Â Ê Ô Ơ Ư Đ; .VnTimeH writes the other
    # capitals with the lower-case codes, so they come back in capitals inside a word in capitals.
    text = " ".join(LETTERS + ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"])
    assert legacy.decode_text(legacy.encode_text(text, TCVN3), TCVN3) == text
    words = " ".join("T" + x.upper() + "N" for x in LETTERS)  # "TÁN TÀN …", a line set in .VnTimeH
    encoded = legacy.encode_text(words, TCVN3)
    assert legacy.read_line(encoded, TCVN3, whole=True).text == words


@pytest.mark.parametrize("misread,charset,expected", [
    # Examples published with converters: the brief's, and vietnamese-conversion's README (VNI).
    ("Häc tËp vµ lµm theo B¸c", TCVN3, "Học tập và làm theo Bác"),
    ("B¶o Th¾ng, M\xadêng Kh\xad¬ng, B¸t X¸t", TCVN3, "Bảo Thắng, Mường Khương, Bát Xát"),
    ("§¶ng bé tØnh Qu¶ng Ng·i", TCVN3, "Đảng bộ tỉnh Quảng Ngãi"),
    ("Hoïc taäp vaø laøm theo Baùc", VNI, "Học tập và làm theo Bác"),
    ("Xin chaøo caùc baïn", VNI, "Xin chào các bạn"),
    ("Ñaûng boä tænh Quaûng Ngaõi, Vieät Nam", VNI, "Đảng bộ tỉnh Quảng Ngãi, Việt Nam"),
    # RFC 1456 / glibc VISCII: 0xAE ệ, 0xF7 ọ, 0xA7 ậ, 0xF0 đ, 0xD5 ạ.
    ("Vi\xaet Nam h\xf7c t\xa7p \xf0\xd5o", VISCII, "Việt Nam học tập đạo"),
])
def test_known_examples_read_back(misread, charset, expected):
    assert legacy.decode_text(misread, charset) == expected
    assert legacy.repair(misread).text == expected


# -- text pasted after a Windows-1252 reading ----------------------------------------------------

@pytest.mark.parametrize("charset", legacy.CHARSETS, ids=["tcvn3", "vni", "viscii"])
def test_a_pasted_article_in_a_legacy_font_is_imported_in_unicode(charset, registries):
    result, meta, body = import_page(legacy.encode_text(ARTICLE, charset), registries)
    assert meta["title"] == "Quảng Ngãi: Học tập và làm theo Bác trong cán bộ, đảng viên"
    assert meta["date"].isoformat() == "2016-09-19T16:27:00+07:00"
    assert meta["province"] == ["Quảng Ngãi"] and meta["author"] == "Nguyễn Văn An"
    assert paragraphs(body)[0].startswith("Theo báo cáo, qua 5 năm, các cấp ủy đảng đã cụ thể hóa")
    assert result.encoding == "UTF-8"
    assert [w for w in result.warnings if "bảng mã cũ" in w] == [
        f"đã đổi chữ gõ bằng bảng mã cũ {charset.name} sang Unicode ở dòng 1, 2, 3, 4, 5, 6: "
        "hãy đọc lại các dòng này"]


def test_one_pasted_vntime_paragraph_in_a_unicode_page_is_the_only_line_changed():
    original = ARTICLE.split("\n")
    pasted = legacy.encode_text(original[3], TCVN3)
    page = "\n".join(original[:3] + [pasted] + original[4:])
    decoded = decode_page(page.encode("utf-8"), paste=True)
    assert decoded.text == ARTICLE
    assert legacy_notes(decoded) == [f"đã đổi chữ gõ bằng bảng mã cũ {TCVN3.name} sang Unicode ở dòng 4: "
                                     "hãy đọc lại các dòng này"]


@pytest.mark.parametrize("charset", legacy.CHARSETS, ids=["tcvn3", "vni", "viscii"])
def test_a_legacy_run_inside_a_unicode_line_is_read_back_and_the_unicode_words_kept(charset):
    run = legacy.encode_text("báo cáo về việc học tập và làm theo Bác của tỉnh", charset)
    line = f"Hội nghị đã nghe {run}, và cá, đá, lá."
    assert legacy.repair(line).text == ("Hội nghị đã nghe báo cáo về việc học tập và làm theo Bác của tỉnh, "
                                        "và cá, đá, lá.")


def test_a_line_set_in_vntimeh_capitals_is_given_in_capitals_and_reported():
    page = lines("HäC TËP Vµ LµM THEO TÊM G¦¥NG §¹O §øC Hå CHÝ MINH",
                 "Ngµy 19/9, §¶ng bé tØnh tæ chøc héi nghÞ.")
    decoded = decode_page(page.encode("utf-8"), paste=True)
    assert decoded.text == lines("HỌC TẬP VÀ LÀM THEO TẤM GƯƠNG ĐẠO ĐỨC HỒ CHÍ MINH",
                                 "Ngày 19/9, Đảng bộ tỉnh tổ chức hội nghị.")
    assert any("dòng 1 gõ bằng phông chữ hoa .VnTimeH" in n for n in decoded.notes)


def test_a_tcvn3_word_opening_a_sentence_gets_its_capital():
    # .VnTime has no "Ấ": the typist's .VnTimeH letter is the lower-case code.
    assert legacy.repair("Ên t­îng nhÊt lµ buæi lÔ. Êy lµ n¨m 2024.").text == "Ấn tượng nhất là buổi lễ. Ấy là năm 2024."


RIGHT = [
    "Học tập và làm theo tấm gương đạo đức, phong cách Hồ Chí Minh",
    "Ông Nguyễn Văn Á, bà Lê Thị Ú và cá, đá, lá, bác, cô, tôi, hôm nay ở Hà Nội",
    "ĐẢNG BỘ TỈNH QUẢNG NGÃI HỌC TẬP VÀ LÀM THEO BÁC: VÀ CÁC CÔ, CÁC CHÚ Ở ĐÓ",
    "Các ông bà, cô chú, anh chị em đã về quê ăn Tết. Vì sao? Bởi vì ông ấy ở đó.",
    "The naïve café owner in Genève said “très bien” — 5 µm, 10 µs, 20 µg/m³.",
    "Søren Kierkegaard, Citroën, Noël, Zoë, Ëmile, Bjørn, Åsa, piñata, São Paulo, Curaçao",
    "Le Cid, où l'on voit ça: à Paris, où êtes-vous? Là-bas, ôtez ça. Où?",
    "Ça va? Très bien, merci. Déjà vu. À bientôt. Hôtel Métropole, Anaïs, Loïc, Maëlle, Raphaël.",
    "µ-law, ¸ cedilla, Ë, ï, ø, ¹ superscript, ª ordinal, º, « guillemets » ¡hola! ¿qué?",
    "Prix: 25 € · Tél. 01 23 45 · © 2024 · ¼ ½ ¾ · 30° · § 5 ¶ 2 · ± 0,5 · × 2 · ÷ 3 · 1.000 tỷ đồng",
    "Mañana, niño, señor, año, España, Peña; Müller, Größe, Straße, Köln, Zürich",
    "è é ê ë ì í î ï ò ó ô õ ö ù ú û ü ý ÿ à á â ã ä å æ ç Ö Ü Ä Ø Å Æ Ñ Ç",
    "Ưu tiên · Tin tức · Thời sự · Video · Ảnh · cà phê, bánh mì, phở bò, áo dài",
    "Ðà Lạt và Ðà Nẵng, Ðó là nơi Ðê Ðiều",  # Ð (eth) for Đ: vietnamese.normalize's look-alike, not VISCII
    "Diện tích 500 m², thể tích 20 m³; nhà 3 tầng, m² và m³, cm³",  # VISCII's ỗ and Ỡ
    "Min søn bor på Møn og spiser rødgrød med fløde. Vi åker till Malmö på måndag.",
    "the positive mön TELEPHONE language sön: two words that read as Vietnamese in a line of English",
    "Vivo en el 1º piso, Nº 5; la 2ª edición salió en junio. Müller aus Köln möchte über München fahren.",
]


def test_text_that_is_right_passes_byte_identical():
    page = lines(*RIGHT)
    decoded = decode_page(page.encode("utf-8"), paste=True)
    assert decoded.text == page.replace("Ð", "Đ")  # the look-alike is read as Đ, as before
    assert legacy_notes(decoded) == []
    for line in RIGHT:
        assert legacy.repair(line).text == line


# -- a file saved in the legacy bytes ------------------------------------------------------------

@pytest.mark.parametrize("charset", legacy.CHARSETS, ids=["tcvn3", "vni", "viscii"])
def test_a_file_in_legacy_bytes_is_read_and_named(charset, registries):
    data = to_bytes(legacy.encode_text(ARTICLE, charset))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = decode_page(data, paste=True)
    assert decoded.text == ARTICLE and decoded.encoding == charset.name
    assert legacy_notes(decoded)[0].startswith(f"tệp lưu ở bảng mã cũ {charset.name}, không phải Unicode")
    result, meta, _body = import_page(data, registries)
    assert meta["title"] == "Quảng Ngãi: Học tập và làm theo Bác trong cán bộ, đảng viên"
    assert result.encoding == charset.name


def test_a_viscii_file_keeps_the_capitals_in_control_codes():
    text = lines("Học tập Bác", "ẲNG ẴNG ẪNG NGỶ NGỸ NGỴ, Ỹ Ỷ: những chữ hoa VISCII đặt ở mã điều khiển")
    data = to_bytes(legacy.encode_text(text, VISCII))
    assert b"\x02" in data and b"\x1e" in data
    assert decode_page(data, paste=True).text == text


@pytest.mark.parametrize("charset", legacy.CHARSETS, ids=["tcvn3", "vni", "viscii"])
def test_a_saved_page_in_legacy_bytes_with_a_western_charset_label_is_imported(charset, registries):
    body = legacy.encode_text(ARTICLE, charset).split("\n")
    page = ('<html><head><meta charset="windows-1252"><title>Tin</title></head><body><article>'
            f"<h1>{body[0]}</h1>" + "".join(f"<p>{line}</p>" for line in body[1:] if line) + "</article></body></html>")
    result, meta, body_md = import_page(to_bytes(page), registries, ".html")
    assert meta["title"] == "Quảng Ngãi: Học tập và làm theo Bác trong cán bộ, đảng viên"
    assert "Theo báo cáo, qua 5 năm, các cấp ủy đảng" in body_md
    assert result.encoding == charset.name


# -- the syllable check the evidence rests on ----------------------------------------------------

def test_syllables_are_told_from_words_that_are_none():
    for word in ("học", "nghiêng", "giếng", "gì", "quốc", "quyết", "Quỳnh", "khuya", "khuỷu", "thuở",
                 "hoà", "hòa", "người", "ươu", "xoong", "Nguyễn", "ĐẢNG", "oẳn"):
        assert is_syllable(word), word
    for word in ("bỏc", "Häc", "cafộ", "naïve", "Hơtel", "kan", "cim", "ngi", "ghá", "q", "bácc", "hóà", "5"):
        assert not is_syllable(word), word


# -- through the command -------------------------------------------------------------------------

def test_the_import_command_reports_the_legacy_lines(tmp_path):
    paste = tmp_path / "bai-vntime.txt"
    paste.write_text(legacy.encode_text(ARTICLE, TCVN3), encoding="utf-8")
    saved = tmp_path / "bai-vni.txt"
    youth = ARTICLE.replace("trong cán bộ, đảng viên", "trong đoàn viên, thanh niên", 1)
    saved.write_bytes(to_bytes(legacy.encode_text(youth, VNI)))
    run = subprocess.run([sys.executable, "-m", "generator", "import", "--root", str(ROOT), "--dry-run",
                          "--report", str(paste), str(saved)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert "tiêu đề  Quảng Ngãi: Học tập và làm theo Bác trong cán bộ, đảng viên" in run.stdout
    assert "tiêu đề  Quảng Ngãi: Học tập và làm theo Bác trong đoàn viên, thanh niên" in run.stdout
    assert (f"cảnh báo: đã đổi chữ gõ bằng bảng mã cũ {TCVN3.name} sang Unicode ở dòng 1, 2, 3, 4, 5, 6"
            in run.stdout)
    assert f"bảng mã  {VNI.name}" in run.stdout
    assert "sẽ ghi 2/2 tệp" in run.stdout


@pytest.mark.parametrize("label,charset", [("VISCII", VISCII), ("x-viet-vni", VNI), ("x-viet-tcvn5712", TCVN3)])
def test_a_page_naming_its_legacy_charset_needs_one_word_of_proof(label, charset):
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head>'
            f"<body><h1>{legacy.encode_text('Tin tức', charset)}</h1><p>Video 2024</p></body></html>")
    decoded = decode_page(to_bytes(page))
    assert "<h1>Tin tức</h1>" in decoded.text and decoded.encoding == charset.name
    with pytest.raises(DecodeError):  # the same bytes without the name prove too little
        decode_page(to_bytes(page.replace(f"charset={label}", "charset=windows-1252")))


def test_a_saved_vni_page_written_with_entities_is_read_back(registries):
    vni = legacy.encode_text("Ấn tượng Đảng bộ tỉnh Quảng Ngãi học tập và làm theo Bác", VNI)
    entities = "".join(f"&#{ord(ch)};" if ch in "ñÑ" else (f"&{name};" if (name := {
        "ï": "iuml", "ä": "auml", "û": "ucirc", "ø": "oslash", "ù": "ugrave", "â": "acirc", "õ": "otilde",
        "å": "aring", "ö": "ouml", "ô": "ocirc", "æ": "aelig", "Á": "Aacute"}.get(ch)) else ch) for ch in vni)
    assert "&" in entities and not any(ord(ch) > 0x7f for ch in entities)
    page = (f"<html><head><title>Tin</title></head><body>\n<h1>{entities}</h1>\n<p>Tom &amp; Jerry &eacute;t&eacute;</p>"
            "\n</body></html>")
    decoded = decode_page(page.encode("ascii"))
    assert "<h1>Ấn tượng Đảng bộ tỉnh Quảng Ngãi học tập và làm theo Bác</h1>" in decoded.text
    assert "<p>Tom &amp; Jerry &eacute;t&eacute;</p>" in decoded.text  # a line not rewritten keeps its entities


def test_a_windows_1258_file_is_still_read_as_windows_1258():
    from test_importer import to_cp1258
    decoded = decode_page(to_cp1258(ARTICLE), paste=True)
    assert decoded.encoding == "Windows-1258" and decoded.text == ARTICLE


def test_a_latin_1_file_in_french_or_german_is_not_taken_for_vietnamese():
    text = lines(*RIGHT[4:12]).replace("“", '"').replace("”", '"').replace("—", "-").replace("€", "EUR")
    text = "".join(ch for ch in text if ord(ch) < 0x100)
    with pytest.raises(DecodeError, match="TCVN3 .*VNI .*VISCII"):
        decode_page(text.encode("latin-1"), paste=True)


def test_a_viscii_paste_is_not_also_reported_as_mojibake():
    decoded = decode_page(legacy.encode_text(ARTICLE, VISCII).encode("utf-8"), paste=True)
    assert decoded.text == ARTICLE
    assert not any("Ã¡" in n for n in decoded.notes)  # "ð°" (đồ) looks like UTF-8 read as Windows-1252


def test_short_lines_of_a_legacy_paste_follow_its_other_lines_but_unicode_lines_stay():
    paste = lines("Sè 15/Q§-UBND ngµy 20/5", "Tin tøc", "Häc tËp vµ lµm theo tÊm g\xad¬ng ®¹o ®øc Hå ChÝ Minh",
                  "Bản tin 5 µm đúng Unicode")
    assert decode_page(paste.encode("utf-8"), paste=True).text == lines(
        "Số 15/QĐ-UBND ngày 20/5", "Tin tức", "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        "Bản tin 5 µm đúng Unicode")
    assert legacy.repair("Tin tøc").text == "Tin tøc"  # alone, one word proves too little


def test_a_vni_paragraph_in_a_page_on_one_line_is_read_back_and_the_rest_kept():
    vni = legacy.encode_text("Sáng 19/9, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết việc học tập và làm theo Bác.",
                             VNI)
    page = ('<html><head><meta charset="utf-8"><title>Học tập và làm theo Bác</title></head><body><article>'
            '<h1>Học tập và làm theo Bác ở Quảng Ngãi</h1><p class="date">Thứ Hai, 19/09/2016</p>'
            f'<p><font face="VNI-Times">{vni}</font></p><p>Theo báo cáo, các cấp ủy đã cụ thể hóa nội dung.</p>'
            "</article></body></html>")
    decoded = decode_page(page.encode("utf-8"))
    assert decoded.text == page.replace(vni, "Sáng 19/9, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết việc học "
                                             "tập và làm theo Bác.")


@pytest.mark.parametrize("font,charset", [(".VnTime", TCVN3), ("VNI-Times", VNI)])
def test_a_short_line_in_a_font_the_page_names_is_read_back(font, charset):
    heading = legacy.encode_text("Tin tức", charset)
    page = (f'<html><body>\n<h2><font face="{font}">{heading}</font></h2>\n'
            "<p>Bài viết đúng Unicode về học tập và làm theo Bác.</p>\n</body></html>")
    decoded = decode_page(page.encode("utf-8"))
    assert f'<h2><font face="{font}">Tin tức</font></h2>' in decoded.text
    assert "<p>Bài viết đúng Unicode về học tập và làm theo Bác.</p>" in decoded.text
    plain = page.replace(font, "Arial")
    assert legacy.repair(plain).text == plain  # without the font, one word is too little


@pytest.mark.parametrize("charset", legacy.CHARSETS, ids=["tcvn3", "vni", "viscii"])
def test_a_utf8_file_with_one_line_in_legacy_bytes_is_read_line_by_line(charset):
    source = ARTICLE.split("\n")
    data = b"\r\n".join(to_bytes(legacy.encode_text(line, charset)) if number == 3 else line.encode("utf-8")
                        for number, line in enumerate(source))
    decoded = decode_page(data, paste=True)
    assert decoded.text == ARTICLE
    assert decoded.encoding == f"UTF-8, có dòng 4 lưu ở bảng mã cũ {charset.name}"
    assert decoded.notes[0] == (f"tệp lẫn hai bảng mã: có dòng 4 lưu ở bảng mã cũ {charset.name}, đã đổi sang "
                                "Unicode: hãy đọc lại các dòng này")


def test_a_utf8_file_with_a_line_of_latin_1_french_is_still_refused():
    data = "Học tập và làm theo Bác\n".encode("utf-8") + "Le café où l'on a dîné, très près de la forêt\n".encode(
        "latin-1")
    with pytest.raises(DecodeError, match="byte 0xE9 ở vị trí 37"):
        decode_page(data, paste=True)
