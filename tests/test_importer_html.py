"""The importer keeps an article's structure: tables, quotes, emphasis, figures; and says what it
leaves out (embedded frames, share bars, lists of other articles). Fixtures: tests/fixtures/importer/html-*."""
from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from generator.importer import convert, import_command
from generator.importer.htmlsource import html_to_blocks
from generator.markdown import Renderer
from generator.taxonomy import load_registries
from generator.vietnamese import VN

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
NOW = datetime(2026, 12, 4, 15, 30, tzinfo=VN)


@pytest.fixture(scope="module")
def registries():
    return load_registries(None)


def imported(name: str, registries):
    """(converted result, front matter, Markdown body) of one fixture."""
    path = FIXTURES / name
    result = convert(path.read_bytes(), path.suffix, registries, "/images/", name, now=NOW)
    head, body = result.text[4:].split("\n---\n", 1)
    return result, yaml.safe_load(head), body


def report(name: str, registries, tmp_path) -> str:
    stdout = io.StringIO()
    import_command([FIXTURES / name], tmp_path, registries=registries, stdout=stdout, dry_run=True, force=False,
                   images_prefix="/images/", report=True, now=NOW)
    return stdout.getvalue()


def rendered(body: str) -> dict[str, str]:
    return {engine: Renderer(engine=engine).render(body) for engine in ("cmark-gfm", "python-markdown")}


# -- tables ------------------------------------------------------------------------------------

def test_html_table_becomes_one_markdown_table_with_every_cell(registries):
    result, _meta, body = imported("html-table.html", registries)
    assert "| Năm | Số điển hình | Số mô hình |\n| --- | --- | --- |\n| 2021 | 215 | 38 |" in body
    # rowspan and colspan leave empty cells, so every number stays in its column
    assert "| 2022 | 1.240 | 52 |\n| 2023 |  | 64 |" in body
    assert "| Tổng cộng (ghi chú \\| tạm tính) |  | 154 |" in body
    assert "Bảng 1. Điển hình và mô hình" in body  # the <caption>, before the table
    assert not any("counter" in reason for _line, reason, _text in result.dropped)
    assert "## " not in body  # header cells are no subheadings
    for html in rendered(body).values():
        cells = re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", html)
        assert cells[:6] == ["Năm", "Số điển hình", "Số mô hình", "2021", "215", "38"]
        assert "154" in cells and "Tổng cộng (ghi chú | tạm tính)" in cells


def test_pasted_table_keeps_its_columns_and_last_row(registries):
    _result, _meta, body = imported("html-table-paste.txt", registries)
    assert ("| Xã | Mô hình | Số hộ tham gia |\n| --- | --- | --- |\n| Yên Thuận | Tổ tự quản đường làng | 120 |\n"
            "| Bằng Cốc | Phụ nữ giúp nhau làm kinh tế | 86 |\n| Thái Sơn | Dân vận khéo trồng rừng | 210 |") in body
    assert "## Thái Sơn" not in body


def test_a_table_laying_out_a_picture_stays_a_figure_with_its_caption(registries):
    result, meta, body = imported("html-structure.html", registries)
    assert "|" not in body
    assert ('![Bộ đội biên phòng giúp dân thu hoạch ngô](/images/don-bien-phong.jpg "Cán bộ, chiến sĩ Đồn Biên '
            'phòng Chiềng Khương giúp người dân bản Huổi Lạn thu hoạch ngô. Ảnh: QUANG HÒA")') in body
    # the <img alt> describes the picture; the caption stays the caption
    assert meta["image"]["alt"] == "Bộ đội biên phòng giúp dân thu hoạch ngô"
    assert meta["image"]["caption"].startswith("Cán bộ, chiến sĩ Đồn Biên phòng")
    assert result.images == ["don-bien-phong.jpg"]


def test_hostile_spans_and_broken_tables_lose_no_text():
    page = ("<p>Đầu</p><table><tr><td colspan='99999'>a</td><td rowspan='-3'>b</td></tr>"
            "<tr><td>c<td>d</table><table><tr><td>x<td>y")
    blocks, _meta = html_to_blocks(page)
    table = next(b for b in blocks if b.hint == "table").extra["table"]
    assert max(len(row) for row in table.rows) <= 21
    assert "a" in table.rows[0] and "b" in table.rows[0] and table.rows[1][:2] == ("c", "d")
    assert [b.text for b in blocks if b.hint != "table"] == ["Đầu", "x", "y"]  # an unclosed table: its cells as lines


# -- quotes, emphasis, embeds --------------------------------------------------------------------

def test_blockquote_stays_one_quote(registries):
    _result, _meta, body = imported("html-structure.html", registries)
    assert "> “Mỗi cán bộ, chiến sĩ là một tấm gương về đạo đức, lối sống.”\n>\n> — Chỉ huy trưởng Đồn" in body
    for html in rendered(body).values():
        assert re.search(r"<blockquote>\s*<p>“Mỗi cán bộ.*</p>\s*<p>— Chỉ huy trưởng Đồn</p>\s*</blockquote>",
                         html, re.DOTALL)


def test_emphasis_is_kept(registries):
    _result, _meta, body = imported("html-structure.html", registries)
    assert "trồng trọt *“cầm tay chỉ việc”* ngay trên nương." in body
    assert "\n*Kết quả nổi bật trong năm 2023:*\n" in body
    for html in rendered(body).values():
        assert "<em>“cầm tay chỉ việc”</em>" in html and "<em>Kết quả nổi bật trong năm 2023:</em>" in html


def test_emphasis_that_markdown_cannot_show_keeps_its_words():
    from generator.importer.clean import EM_CLOSE, EM_OPEN
    from generator.importer.frontmatter import emphasis

    # "*" closing after a quotation mark and before a letter is no emphasis in CommonMark
    assert emphasis(f"chữ {EM_OPEN}“gạch”{EM_CLOSE}chân") == "chữ “gạch”chân"
    assert emphasis(f"{EM_OPEN}a [b{EM_CLOSE}](c)") == "*a \\[b*](c)"


def test_embedded_video_is_reported(registries, tmp_path):
    text = report("html-structure.html", registries, tmp_path)
    assert re.search(r"dòng 13 \(khung nhúng .*\): Video: Bộ đội giúp dân https://www.youtube.com/embed/abc123XYZ",
                     text)


# -- share bars and lists of other articles ---------------------------------------------------

def test_share_bar_of_any_labels_is_left_out_and_the_lead_found(registries, tmp_path):
    _result, meta, body = imported("html-furniture.html", registries)
    assert meta["summary"].startswith("Hè năm nay, hơn 2.000 đoàn viên")
    assert "Sao chép" not in body and "Cỡ chữ" not in body and not body.lstrip().startswith("## ")
    assert "dòng 5 (khuôn trang (share)): Chia sẻ Messenger Sao chép liên kết" in report(
        "html-furniture.html", registries, tmp_path)


def test_lists_of_other_articles_go_whole_and_the_text_after_them_stays(registries, tmp_path):
    _result, _meta, body = imported("html-furniture.html", registries)
    for other in ("Mường Nhé", "Tuần Giáo", "Nậm Pồ", "Tin cùng sự kiện", "Xem thêm"):
        assert other not in body
    assert "## Gắn với chuyển đổi số\n\nNăm nay, các đội hình còn hướng dẫn" in body
    text = report("html-furniture.html", registries, tmp_path)
    assert "(khuôn trang (related)): Xem thêm: Mường Nhé: Đoàn viên giúp dân thu hoạch lúa" in text
    assert "(khuôn trang (related)): Nậm Pồ khánh thành điểm trường cho học sinh vùng cao" in text


def test_pasted_list_of_other_articles_under_a_new_heading_goes(registries):
    lead = ("Những năm qua, Đảng ủy xã Quảng Phú đã cụ thể hóa Chỉ thị 05 bằng nhiều việc làm thiết thực, "
            "gần gũi với đời sống của nhân dân.")
    text = "\n".join([
        "Quảng Phú: Làm theo Bác từ những việc nhỏ", "Thứ Hai, 03/06/2024, 08:20", lead,
        "Xã đã vận động nhân dân hiến 3.000 m² đất mở rộng đường giao thông nông thôn trong năm 2023.",
        "Các tin, bài viết khác", "Lệ Thủy tuyên dương 50 điển hình tiên tiến", "Bố Trạch sơ kết Kết luận 01",
        "Thời gian tới, xã tiếp tục nhân rộng các mô hình hay, gắn với phong trào thi đua yêu nước.",
        "Ngọc Lan"]) + "\n"
    result = convert(text.encode("utf-8"), ".txt", registries, "/images/", "bai.txt", now=NOW)
    assert "Lệ Thủy" not in result.text and "Bố Trạch" not in result.text
    assert "Thời gian tới, xã tiếp tục nhân rộng" in result.text
    assert (7, "khuôn trang (related)", "Bố Trạch sơ kết Kết luận 01") in result.dropped


class _CountingStack(list):
    """The parser's stack of open tags, counting the entries every look at it goes through."""
    looked = 0

    def __contains__(self, item):
        _CountingStack.looked += len(self)
        return super().__contains__(item)

    def __iter__(self):
        _CountingStack.looked += len(self)
        return super().__iter__()

    def __getitem__(self, index):
        found = super().__getitem__(index)
        _CountingStack.looked += len(found) if isinstance(index, slice) else 1
        return found


@pytest.mark.parametrize("tag", ["div", "aside", "span", "blockquote", "picture"])
def test_deeply_nested_pages_are_read_in_linear_time(monkeypatch, tag):
    # Was: every start tag, end tag and piece of text looked through every open element ("is an
    # <article> open?"): a 200 KB page of 100,000 nested <div>s took some six minutes to import.
    from generator.importer import htmlsource

    real_init = htmlsource._PageParser.__init__

    def init(self):
        real_init(self)
        self._stack = _CountingStack()

    monkeypatch.setattr(htmlsource._PageParser, "__init__", init)
    _CountingStack.looked = 0
    depth = 20_000
    page = (f"<html><head><title>Bài</title></head><body><article><h1>Tiêu đề bài viết</h1>"
            f"<p>Đoạn đầu của bài viết.</p>{f'<{tag}>chữ ' * depth}<source srcset='a.jpg'>Đoạn cuối."
            f"{f'</{tag}>' * depth}</article></body></html>")
    blocks, _ = html_to_blocks(page)
    assert blocks[0].text == "Tiêu đề bài viết"
    assert _CountingStack.looked <= 10 * (3 * depth + 20)


def test_json_ld_nested_past_pythons_recursion_is_ignored_like_broken_json():
    # Was: json's RecursionError, a traceback, and nothing imported.
    page = ('<html><head><title>Bài</title><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
            + '</script></head><body><article><h1>Tiêu đề bài viết</h1><p>Nội dung bài.</p></article></body></html>')
    blocks, _ = html_to_blocks(page)
    assert [b.text for b in blocks[:2]] == ["Tiêu đề bài viết", "Nội dung bài."]
