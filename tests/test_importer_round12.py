"""Round 12 of the importer: pages and copies of kinds no test had used (two lists in a row, an interview's
speakers in bold, a references heading, a district portal, comments under the text, a print view, …)."""
from __future__ import annotations

from importing import import_page, lines, paragraphs

from generator.markdown import Renderer

_SAPO = ("Năm 2024, Đảng ủy phường Bến Thành, Quận 1, TP Hồ Chí Minh đã triển khai nhiều cách làm hay trong "
         "thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.")
_TEXT = ("Điểm nổi bật là sự chuyển biến trong nhận thức của cán bộ, đảng viên về việc học tập và làm theo Bác, "
         "nhất là ở các khu phố đông dân.")


def _saved(inside: str) -> str:
    return (f"<html><body><article><h1>Phường Bến Thành học tập và làm theo Bác bằng những việc làm cụ thể</h1>"
            f"<p>02/06/2025 15:30</p><p><strong>{_SAPO}</strong></p><p>{_TEXT}</p>{inside}"
            f"<p>Minh Anh</p></article></body></html>")


def _lists(html: str) -> list[str]:
    """The <ul>/<ol> elements both engines make of the Markdown, in order."""
    out = []
    for engine in ("cmark-gfm", "python-markdown"):
        rendered = str(Renderer(engine=engine).render(html))
        out.append([tag for tag in ("<ul>", "<ol>", "<ol ") for _ in range(rendered.count(tag))])
    return out


# -- two lists in a row stay two lists (frontmatter.body_markdown) --------------------------------------------

def test_two_lists_of_one_kind_in_a_row_stay_two_lists_in_both_engines(registries):
    pairs = {  # the page's lists -> the items each Markdown list must hold
        "<ul><li>Tổ chức học tập chuyên đề</li><li>Xây dựng mô hình dân vận khéo</li></ul>"
        "<ul><li>Khen thưởng 12 tập thể</li><li>Khen thưởng 25 cá nhân</li></ul>": ("ul", 2),
        "<ol><li>Lập kế hoạch</li><li>Triển khai</li></ol><ol><li>Kiểm tra</li><li>Sơ kết</li></ol>": ("ol", 2),
        "<ol><li>Lập kế hoạch</li><li>Triển khai</li></ol><ul><li>Kiểm tra</li><li>Sơ kết</li></ul>"
        "<ul><li>Khen thưởng</li></ul>": ("mixed", 3),
    }
    for page, (kind, count) in pairs.items():
        _result, _meta, body = import_page(_saved(page), registries, ".html")
        for engine in ("cmark-gfm", "python-markdown"):
            rendered = str(Renderer(engine=engine).render(body))
            assert rendered.count("<ul>") + rendered.count("<ol") == count, (engine, body)
            assert rendered.count("<li>") == 2 * count - (kind == "mixed"), (engine, body)
            assert "&lt;!--" not in rendered and "<!--" not in rendered  # the separator is no text of the page


def test_one_list_s_items_stay_one_list(registries):
    _result, _meta, body = import_page(_saved(
        "<ul><li>Tổ chức học tập chuyên đề</li><li>Xây dựng mô hình<ul><li>ở khu phố 1</li></ul></li>"
        "<li>Khen thưởng 12 tập thể</li></ul>"), registries, ".html")
    assert "- Tổ chức học tập chuyên đề\n- Xây dựng mô hình\n    - ở khu phố 1\n- Khen thưởng 12 tập thể" in body
    assert "<!--" not in body


# -- an interview's speaker in bold (htmlsource.py, clean.typed_bold, frontmatter.py) ---------------------------

_TURNS = [("PV:", "Xin đồng chí cho biết kết quả nổi bật của phường trong năm qua?"),
          ("Đồng chí Nguyễn Văn An:", "Điểm nổi bật là sự chuyển biến trong nhận thức của cán bộ, đảng viên."),
          ("PV:", "Thời gian tới phường sẽ làm gì?"),
          ("Bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ phường:", "Chúng tôi tiếp tục nhân rộng các mô hình hay.")]


def test_a_speaker_s_label_in_bold_stays_bold_on_the_turn_s_line(registries):
    for tag in ("strong", "b"):
        page = "".join(f"<p><{tag}>{label}</{tag}> {said}</p>" for label, said in _TURNS)
        _result, _meta, body = import_page(_saved(page), registries, ".html")
        for label, said in _TURNS:
            assert f"**{label}** {said}" in paragraphs(body), body


def test_a_speaker_s_label_typed_in_markdown_bold_in_a_paste_stays_bold(registries):
    text = lines("Học tập và làm theo Bác ở xã vùng cao Mường Lát", "02/06/2025 15:30", _SAPO,
                 *(f"**{label}** {said}" for label, said in _TURNS), "**PV:** Xin cảm ơn đồng chí!", "Lê Hà")
    _result, meta, body = import_page(text, registries)
    for label, said in _TURNS + [("PV:", "Xin cảm ơn đồng chí!")]:
        assert f"**{label}** {said}" in paragraphs(body), body
    assert "\\*" not in body and meta["author"] == "Lê Hà"


def test_markdown_bold_typed_in_a_paste_is_bold_not_asterisks(registries):
    text = lines("Học tập và làm theo Bác ở xã vùng cao Mường Lát", "02/06/2025 15:30", _SAPO,
                 "**Những kết quả nổi bật**", _TEXT, "Xã đã có **12 mô hình** điển hình được nhân rộng trong năm.",
                 "Giá 5 * 3 ** 2 là một phép tính, không phải chữ đậm.", "Lê Hà")
    _result, _meta, body = import_page(text, registries)
    assert "**Những kết quả nổi bật**" in paragraphs(body) or "## Những kết quả nổi bật" in paragraphs(body)
    assert "Xã đã có 12 mô hình điển hình được nhân rộng trong năm." in paragraphs(body)
    assert "Giá 5 \\* 3 \\*\\* 2 là một phép tính, không phải chữ đậm." in paragraphs(body)  # unpaired: as typed


def test_a_short_interview_s_thanks_after_its_only_question_stays(registries):
    text = lines("Học tập và làm theo Bác ở xã vùng cao Mường Lát", "02/06/2025 15:30", _SAPO,
                 "PV: Xin đồng chí cho biết kết quả thực hiện Kết luận 01-KL/TW ở xã trong năm qua?",
                 "Đồng chí Hà Văn Minh: Đảng ủy xã đã đưa việc học tập và làm theo Bác thành việc làm thường xuyên.",
                 "PV: Xin cảm ơn đồng chí!", "Lê Hà")
    _result, meta, body = import_page(text, registries)
    assert paragraphs(body)[-1] == "PV: Xin cảm ơn đồng chí!" and meta["author"] == "Lê Hà"


# -- a references heading (body.py) ---------------------------------------------------------------------------

_REFS = ["Ban Tuyên giáo Trung ương, Tài liệu học tập chuyên đề năm 2024, Nxb Chính trị quốc gia Sự thật, 2024.",
         "Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t.15, tr.672."]


def test_a_references_heading_stays_a_heading_over_its_numbered_list(registries):
    items = "".join(f"<li>{ref}</li>" for ref in _REFS)
    headings = {"<h3>Tài liệu tham khảo</h3>": "Tài liệu tham khảo", "<h4>Tài liệu tham khảo:</h4>": "Tài liệu tham khảo",
                "<p><b>TÀI LIỆU THAM KHẢO</b></p>": "TÀI LIỆU THAM KHẢO", "<h2>Chú thích</h2>": "Chú thích"}
    for heading, title in headings.items():
        page = _saved("").replace("<p>Minh Anh</p>", f"<p>Minh Anh</p>{heading}<ol>{items}</ol>")
        _result, meta, body = import_page(page, registries, ".html")
        assert f"## {title}" in paragraphs(body), body
        assert f"1. {_REFS[0]}\n2. {_REFS[1]}" in paragraphs(body)
        assert meta["author"] == "Minh Anh"


def test_a_plain_references_label_in_a_paste_stays_a_note(registries):
    text = lines("Học tập và làm theo Bác ở xã vùng cao Mường Lát", "02/06/2025 15:30", _SAPO, _TEXT, "Lê Hà",
                 "Tài liệu tham khảo:", *(f"{k}. {ref}" for k, ref in enumerate(_REFS, 1)))
    _result, _meta, body = import_page(text, registries)
    assert "Tài liệu tham khảo:" in paragraphs(body) and "##" not in body


def test_a_list_ending_the_text_keeps_items_that_open_with_an_office_s_name(registries):
    items = ["Tổ chức học tập chuyên đề", "Trường Tiểu học Bến Thành", "Hội Cựu chiến binh phường"]
    page = _saved("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    result, meta, body = import_page(page, registries, ".html")
    assert "\n".join(f"- {item}" for item in items) in paragraphs(body), body
    assert meta["author"] == "Minh Anh" and not any(text in items for _line, _why, text in result.dropped)
