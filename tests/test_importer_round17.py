"""Round 17 of the importer: a button holding the article's own sentence, files mixing Windows-1258 and UTF-8 lines,
and what an outside tester found on provincial pages."""
from __future__ import annotations

from importing import import_page, paragraphs

_TITLE = "Xã Tân Lập học tập và làm theo Bác"
_LEAD = ("Năm 2024, Đảng bộ xã Tân Lập, tỉnh Phú Thọ đã tổ chức nhiều hoạt động thiết thực học tập và làm theo "
         "tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
_LAST = "Nhân dân trong xã đã hiến hơn 5.000 m² đất làm đường giao thông nông thôn."


def _saved(paragraph: str) -> str:
    return (f"<html><head><meta charset='utf-8'></head><body><article><h1>{_TITLE}</h1><div>12/05/2025 08:30</div>"
            f"<p>{_LEAD}</p>{paragraph}<p>{_LAST}</p><p>Nguyễn Văn An</p></article></body></html>")


def _control(paragraph: str, registries) -> tuple[list[str], list[tuple[str, str]]]:
    """(the paragraph as imported, the (reason, words) the report lists as a control's)."""
    result, _meta, body = import_page(_saved(paragraph), registries, ".html")
    kept = [p for p in paragraphs(body) if p != _LAST and "Nguyễn Văn An" not in p]
    return kept, [(why, text) for _line, why, text in result.dropped if why.startswith("khuôn trang (")]


# -- a button alone in its block holding the article's sentence (controls.py) -------------------------------------

def test_a_lone_button_holding_a_sentence_of_the_article_is_kept(registries):
    cases = {
        "<div><button class='accordion'>Đảng bộ xã đã vận động nhân dân hiến hơn 5.000 m² đất, góp 2 tỷ đồng làm "
        "đường.</button></div>": "Đảng bộ xã đã vận động nhân dân hiến hơn 5.000 m² đất, góp 2 tỷ đồng làm đường.",
        "<p><button type='button'>Vì sao xã Tân Lập được chọn làm điểm của tỉnh?</button></p>":
            "Vì sao xã Tân Lập được chọn làm điểm của tỉnh?",
        "<div><button><span>Chi bộ thôn Đồng Mai</span> đã hoàn thành xuất sắc <b>nhiệm vụ</b> năm 2024.</button>"
        "<button>“Mỗi đảng viên là một tấm gương sáng”, đồng chí Bí thư nói.</button></div>":
            "Chi bộ thôn Đồng Mai đã hoàn thành xuất sắc nhiệm vụ năm 2024. “Mỗi đảng viên là một tấm gương sáng”, "
            "đồng chí Bí thư nói.",
    }
    for paragraph, expected in cases.items():
        kept, reported = _control(paragraph, registries)
        assert kept == [expected], paragraph  # was left out, reported as "khuôn trang (button)"
        assert reported == [], paragraph


def test_a_lone_button_s_label_is_still_left_out_and_reported(registries):
    for label in ("Xem thêm", "Nghe đọc bài", "Câu 1.", "Đồng ý và tiếp tục.", "Chia sẻ bài viết này lên Facebook.",
                  "Xem thêm các bài viết khác cùng chuyên mục.", "Nhập nội dung cần tìm kiếm vào ô này...",
                  "Tải toàn văn Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "bấm vào đây để xem toàn bộ danh sách."):
        kept, reported = _control(f"<div><button>{label}</button></div>", registries)
        assert kept == [], label
        assert reported == [("khuôn trang (button)", label)], label
