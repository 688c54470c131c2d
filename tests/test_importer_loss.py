"""Importer, text loss and structure: what an outside probe found the importer dropping or
misshaping on unseen pages (text after the last paragraph, mojibake, entities in a paste, Word
bullets, numbered headings, a comment form). Each test failed before its fix.
Fixtures: tests/fixtures/importer/loss-*."""
from __future__ import annotations

from importing import import_fixture as fixture


def dropped(result) -> dict[str, str]:
    """Text of each line left out -> why."""
    return {text: reason for _line, reason, text in result.dropped}


# -- mojibake and entities (decode.py, mojibake.py) ------------------------------------------------

def test_mojibake_lines_are_put_back_and_never_dropped_as_furniture(registries):
    result, _meta, body = fixture("loss-entities-mojibake.txt", registries)
    assert "Đại tá Võ Đức Thịnh, Giám đốc Công an tỉnh cho biết: việc học tập và làm theo Bác" in body
    assert any("đã sửa lỗi mã chữ" in w and "dòng 9" in w for w in result.warnings)
    # bytes lost on the way: not repairable, kept as it is and named, never "khuôn trang (footer)"
    # what reads back is put back; round 16: "Äảng" lost the 0x90 of "Đ", "há»c" the 0x8D of "ọ" (the only letter
    # that makes a syllable); "Thá»i" stays ("Thời" or "Thọi")
    assert "Thá»i gian tới, Đảng bộ tiếp tục đẩy mạnh học tập và làm theo Bác" in body
    assert any("không sửa hết được" in w and "dòng 11" in w for w in result.warnings)
    assert not any(text.startswith(("Äáº", "Thá»")) for text in dropped(result))


def test_real_letters_before_quotes_are_no_mojibake():
    from generator.importer.mojibake import repair_line
    for text in ("“NGÃ” BA", "“QUÊ” hương", "Giá 5°C, café", "Ô‘ là chữ"):
        assert repair_line(text) == text


def test_entities_in_a_paste_are_decoded_before_any_rule_reads_them(registries):
    result, meta, body = fixture("loss-entities-mojibake.txt", registries)
    assert meta["summary"].startswith("QB - Thực hiện Chỉ thị 05-CT/TW")
    assert "“Sáu điều Bác Hồ dạy”" in meta["summary"] or '"Sáu điều Bác Hồ dạy"' in meta["summary"]
    assert "&" not in body and "&" not in meta["summary"]
    assert "“Camera an ninh” được nhân dân ủng hộ và nhân rộng" in body
    assert "36 cá nhân được khen thưởng; đồng chí Thiếu tá Nguyễn Văn Hải" in body
    assert any("mã HTML" in w for w in result.warnings)


# -- the lines after the last paragraph (tail.py) -------------------------------------------------

def test_a_list_ending_the_article_stays_whole_and_what_follows_goes_for_its_true_reason(registries):
    result, _meta, body = fixture("loss-list-end.txt", registries)
    for item in ("Đồng chí Hà Thị Mai, Bí thư", "Ông Giàng A Chu", "Bà Lò Thị Sen", "Thượng úy Trần Văn Bình",
                 "Cô giáo Nguyễn Thị Thu", "Anh Vàng A Dế, Bí thư Đoàn xã Hồ Bốn"):
        assert item in body
    assert "“Mỗi ngày làm theo Bác một việc tốt”" in body  # a closing slogan is the article's
    assert "Phóng viên: Minh Châu - Quốc Huy" in body or result.meta.author == "Minh Châu - Quốc Huy"
    why = dropped(result)
    assert why["Tác giả: Văn phòng Tỉnh ủy"] == why["Nhóm PV Ban Tuyên giáo"] == \
        "ký tên cuối bài (đơn vị, nhóm phóng viên)"
    assert why["Yên Bái khai mạc Hội thi tuyên truyền viên giỏi năm 2024"] == "liên kết cuối bài"
    assert why["Lục Yên ra quân làm đường giao thông nông thôn"] == "liên kết cuối bài"
    assert why["Trường THCS Lê Hồng Phong. Địa chỉ: số 12 đường Điện Biên, TP. Yên Bái"].startswith("chân trang")
    assert why["1 2 3 4 5 ... Trang sau »"] == "phân trang của trang web"


def test_footnotes_and_notes_are_kept_as_the_articles_notes_and_weigh_nothing(registries):
    result, meta, body = fixture("loss-footnotes.txt", registries)
    for line in ("(1), (2) Hồ Chí Minh: Toàn tập, Nxb. Chính trị quốc gia Sự thật, Hà Nội, 2011, t.5, tr.309, 280",
                 "(3) Sđd, t.5, tr.292", "Tài liệu tham khảo:", "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII",
                 "Ngày nhận: 10-4-2024; Ngày duyệt đăng: 20-5-2024"):
        assert line in body
    assert meta["province"] == []  # "Hà Nội, 2011" in a reference is where a book was printed
    assert dropped(result)["----------------------"] == "đường kẻ ngang"
    assert "Tư tưởng Hồ Chí Minh về đạo đức công vụ" not in body


# -- a comment form (boilerplate.csv) ---------------------------------------------------------------

def test_a_comment_forms_notices_go_with_the_comments(registries):
    result, _meta, body = fixture("loss-comment-form.html", registries)
    assert "email" not in body.lower() and "Leave a Reply" not in body and "bắt buộc" not in body
    assert body.strip().endswith("5 giải Khuyến khích cho các thí sinh.")
    why = dropped(result)
    assert why["Your email address will not be published. Required fields are marked *"] == "khuôn trang (comment)"
    assert why["Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *"] \
        == "khuôn trang (comment)"


# -- a Word paste: bullets with a tab, numbered photo captions (tables.py, extract.py) ---------------

def test_word_bullets_with_a_tab_are_a_list_not_a_table(registries):
    result, _meta, body = fixture("loss-word-bullets.txt", registries)
    assert ("- Thay đổi phong cách, thái độ phục vụ người bệnh;\n- Không để người bệnh phải chờ đợi quá 30 phút;\n"
            "- Nói không với phong bì, quà biếu.") in body
    assert body.count("| --- ") == 3  # the real table (tab-separated cells) is still one, of 3 columns
    assert "| Số liệu | Quý I/2023 | Quý I/2024 |" in body


def test_numbered_photo_lines_are_captions_flagged_for_their_photo(registries):
    result, _meta, body = fixture("loss-word-bullets.txt", registries)
    assert "*Ảnh 1: Bác sĩ Khoa Nội thăm khám cho người bệnh cao tuổi*" in body
    assert "*Hình 2. Điều dưỡng hướng dẫn người dân làm thủ tục khám bệnh*" in body
    assert result.captions == 2
    assert sum("chú thích của một ảnh không có trong tệp" in w for w in result.warnings) == 2


# -- numbered sections (sections.py) ---------------------------------------------------------------

def test_bold_numbered_parts_are_one_level_below_their_roman_section_everywhere(registries):
    _result, _meta, body = fixture("loss-sections.html", registries)
    heads = [line for line in body.split("\n") if line.startswith("#")]
    assert heads == ["## I. Những quan điểm cơ bản về cán bộ", "### 1. Cán bộ phải có đức và tài",
                     "### 2. Công tác cán bộ phải toàn diện", "## II. Vận dụng trong công tác xây dựng Đảng",
                     "### 1. Đổi mới công tác đánh giá cán bộ"]


def test_roman_sections_of_a_paste_are_headings_and_a_numbered_list_stays_a_list(registries):
    _result, _meta, body = fixture("loss-sections.txt", registries)
    heads = [line for line in body.split("\n") if line.startswith("#")]
    assert heads == ["## I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", "### 1. Về nội dung thứ nhất: nâng cao chất lượng",
                     "### 2. Về nội dung thứ hai: gắn với nhiệm vụ chính trị", "## II. HẠN CHẾ VÀ NGUYÊN NHÂN"]
    assert "Đổi mới nội dung sinh hoạt chi bộ hằng tháng" in body  # "1." then "2.": items, no headings
