"""`lamtheobac import`: raw pages to articles. Outputs go to tmp_path, never to content/."""
from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.importer import convert, import_command
from generator.importer.clean import load_rules, strip_boilerplate, text_to_blocks
from generator.importer.dates import parse_dateline
from generator.importer.decode import DecodeError, decode_bytes
from generator.importer.entities import find_directives, find_tags
from generator.importer.places import find_places
from generator.importer.extract import cap_summary, image_name, person_name
from generator.importer.lines import CREDIT_ONLY
from generator.frontmatter import decode
from generator.frontmatter import split as split_front_matter
from generator.importer.frontmatter import article_slug, escape_paragraph, yaml_string
from generator.errors import ContentError
from generator.taxonomy import load_registries
from generator.vietnamese import VN, normalize

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 4, 15, 30, tzinfo=VN)  # the import's clock, for drafts without a date
FIXTURES = ROOT / "tests" / "fixtures" / "importer"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
ARTICLES = ROOT / "content" / "articles"


@pytest.fixture(scope="module")
def registries():
    return load_registries(None)


def run(paths, out, registries, **options):
    stdout = io.StringIO()
    options = {"dry_run": False, "force": False, "images_prefix": "/images/", "now": NOW, **options}
    status = import_command([Path(p) for p in paths], out, registries=registries, stdout=stdout, **options)
    return status, stdout.getvalue()


def split(text: str) -> tuple[dict, list[str]]:
    """(front matter, body paragraphs) of an article file."""
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), [p for p in body.strip().split("\n\n") if p]


def article(text: str, registries, suffix: str = ".txt", prefix: str = "/images/"):
    result = convert(text.encode("utf-8"), suffix, registries, prefix, "bai.txt", now=NOW)
    meta, body = split(result.text)
    return result, meta, body


def find_provinces(parts: dict[str, str], registries):
    """(provinces, warnings) for title/summary/body texts, through the importer's place rules."""
    found = find_places([(part, text, 1) for part, text in parts.items() if text], registries)
    return found.provinces, found.warnings


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


LONG = ("Trong năm qua, các cấp ủy đảng đã tổ chức nhiều hội nghị học tập, quán triệt, thu hút đông đảo cán bộ, "
        "đảng viên tham gia và đạt được nhiều kết quả tích cực trong công tác xây dựng Đảng.")
LEAD = "Các cấp ủy, tổ chức đảng đã tập trung lãnh đạo thực hiện nghiêm túc việc học tập và làm theo Bác."


# -- the five seeds and the bundled articles --------------------------------------------

EXPECTED = {
    "000": dict(title="Đảng bộ Khối các cơ quan tỉnh Lào Cai sau 4 năm thực hiện Cuộc vận động "
                      "“Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”",
                date=None, province=["Lào Cai"], directives=["06-CT/TW"], author=None,
                warnings=["ngày đăng", "tác giả", "Chỉ thị 37 của Bộ Chính trị"]),
    "001": dict(title="Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu", date=None,
                province=["Lai Châu"], directives=["05-CT/TW", "04-NQ/TW"], author=None,
                warnings=["ngày đăng", "tác giả"]),
    "002": dict(title="Đảng bộ Khối các cơ quan tỉnh: Phát huy cách làm hiệu quả trong học tập, làm theo Bác",
                date="2016-09-19T16:27:00+07:00", province=[], directives=["05-CT/TW", "03-CT/TW"],
                author="Xuân Thưởng", warnings=["không xác định được tỉnh"]),
    "003": dict(title="Hiệu quả qua 2 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị", date=None,
                province=["Hà Nam"], directives=["05-CT/TW", "04-NQ/TW"], author=None,
                warnings=["ngày đăng", "tác giả", "Nghị quyết Trung ương 6 khóa XII"]),
    "004": dict(title="Nhân rộng các mô hình điển hình làm theo lời Bác", date="2021-06-21T10:00:00+07:00",
                province=["Đắk Nông"], directives=["05-CT/TW", "04-NQ/TW"], author="Anh Biên", warnings=[]),
}

BOILERPLATE_IN_SEEDS = ["Skip Ribbon Commands", "Skip to main content", "Tin theo lĩnh vực", "Phản hồi",
                        "Các tin khác", "Mới nhất", "Xem nhiều nhất", "Viết bình luận mới", "thăm dò ý kiến",
                        "giữ chân và thu hút người tài", "THÔNG TIN CẦN BIẾT", "Gió tây nam", "1,005",
                        "Đưa Nghị quyết của Đảng vào cuộc sống"]


def test_seed_fixtures_are_the_shared_seeds():
    assert [p.name[:3] for p in SEEDS] == sorted(EXPECTED)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_extracts_expected_fields(seed, registries):
    want = EXPECTED[seed.name[:3]]
    result = convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name, now=NOW)
    meta, _body = split(result.text)
    assert meta["title"] == want["title"]
    assert (None if meta.get("draft") else meta["date"].isoformat()) == want["date"]
    if want["date"] is None:  # a draft dated the day of the import, and the file says so
        assert meta["date"].isoformat() == "2026-12-04T00:00:00+07:00"
        assert "date: 2026-12-04T00:00:00+07:00  # kiểm tra lại: trang gốc không ghi ngày đăng" in result.text
    assert meta["province"] == want["province"]
    assert meta["directives"] == want["directives"]
    assert meta.get("author") == want["author"]
    assert 2 <= len(meta["tags"]) <= 5
    assert set(meta["tags"]) <= {t.name for t in registries.tags}
    for phrase in want["warnings"]:
        assert any(phrase in w for w in result.warnings), (phrase, result.warnings)
    if not want["warnings"]:
        assert result.warnings == []


# What the bundled demo's editors changed after importing (issue 18): an illustration given to an
# article whose source page had no photo (`image`), and the credit of a photo the page had lost
# removed ("*(Ảnh minh họa: HT).*" alone in its paragraph). The rest is the importer's output.
ORPHAN_CREDIT = re.compile(r"\*[^*\n]*\bẢnh\b[^*\n]*\*")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_bundled_article(seed, registries):
    """The bundled articles were imported from the seeds, then given dates by an editor; since
    round 2 a lead over ~300 characters is cut at a sentence boundary (the rest stays in the body)."""
    result = convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name, now=NOW)
    bundled = ARTICLES / f"{result.slug}.md"
    assert bundled.is_file(), f"bundled article missing: {bundled.name}"
    got_meta, got_body = split(result.text)
    want_meta, want_body = split(bundled.read_text(encoding="utf-8"))
    got_body = [p for p in got_body if not ORPHAN_CREDIT.fullmatch(p)]
    for key in ("title", "province", "directives", "author", "image"):
        if key == "image" and "image" not in got_meta:
            continue
        assert got_meta.get(key) == want_meta.get(key), key
    summary, rest = cap_summary(want_meta["summary"])
    assert got_meta["summary"] == summary
    if rest is not None:  # the lead's other sentences (or, cut in a sentence, the whole lead) open the body
        want_body = [escape_paragraph(rest)] + want_body
    # Since round 2 a photo credit with no photo ("(Ảnh minh họa: HT).") is left out of the body.
    want_body = [p for p in want_body if not (p.startswith("*") and CREDIT_ONLY.match(p.strip("*")))]
    if not got_meta.get("draft"):
        assert got_meta["date"] == want_meta["date"]
    else:
        # The page had no date: the editor set one by hand and must say it is an estimate.
        date_line = next(line for line in bundled.read_text(encoding="utf-8").splitlines()
                         if line.startswith("date:"))
        assert "# ngày ước tính" in date_line, date_line
    assert got_body == want_body


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_leaves_no_boilerplate(seed, registries):
    text = convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name).text
    for phrase in BOILERPLATE_IN_SEEDS:
        assert phrase not in text
    _kept, removed = strip_boilerplate(text_to_blocks(decode_bytes(seed.read_bytes())[0]))
    for r in removed:
        assert r.block.text not in text


def test_seed_summary_is_not_repeated_in_body(registries):
    for seed in SEEDS:
        meta, body = split(convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name).text)
        assert meta["summary"] and meta["summary"] not in body


def test_seed_002_caption_without_image_is_emphasised(registries):
    seed = next(p for p in SEEDS if p.name.startswith("002"))
    _meta, body = split(convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name).text)
    caption = [p for p in body if "trao bằng khen" in p]
    assert caption == [caption[0]] and caption[0].startswith("*Lãnh đạo") and caption[0].endswith("Ảnh: X.T*")
    assert "XUÂN THƯỞNG" not in "\n".join(body)


def test_seed_003_figures_and_numbers(registries):
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    meta, body = split(convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name).text)
    figures = [p for p in body if p.startswith("![")]
    assert len(figures) == 4
    assert figures[0].startswith("![Hội nghị triển khai") and '(/images/hcm1.jpg "Hội nghị' in figures[0]
    assert meta["image"]["src"] == "/images/hcm1.jpg"
    assert meta["image"]["caption"].endswith("Công an tỉnh Hà Nam")
    text = "\n".join(body)
    assert "41.004/43.519" in text and "94,2%" in text and ".jpg.jpg" not in text
    assert sum(1 for p in body if p.startswith("Hiệu quả qua 2 năm")) == 0  # repeated headline dropped


def test_seed_004_headings(registries):
    seed = next(p for p in SEEDS if p.name.startswith("004"))
    _meta, body = split(convert(seed.read_bytes(), ".txt", registries, "/images/", seed.name).text)
    assert [p for p in body if p.startswith("## ")] == ["## Đa dạng hóa các hình thức triển khai",
                                                         "## Tiếp tục lan tỏa tư tưởng Hồ Chí Minh"]


def test_bundled_images_exist():
    for path in ARTICLES.glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("![") or line.strip().startswith("src:"):
                name = line.split("/images/", 1)[1].split('"', 1)[0].split(" ", 1)[0]
                assert (ROOT / "content" / "images" / name).is_file(), name


# -- boilerplate ------------------------------------------------------------------------

def body_of(text: str, registries) -> str:
    return convert(text.encode(), ".txt", registries, "/images/", "x.txt").text


@pytest.mark.parametrize("kind,lines,gone", [
    ("nav", ["Skip Ribbon Commands", "Skip to main content", "Trang chủ > Tin tức > Xây dựng Đảng"],
     ["Skip", "Trang chủ"]),
    ("label", ["Tin theo lĩnh vực Xây dựng Đảng"], ["Tin theo lĩnh vực"]),
    ("comment", ["Phản hồi", "Viết bình luận mới", "Gửi bình luận"], ["Phản hồi", "bình luận"]),
    ("share", ["Chia sẻ", "Facebook | Zalo | Email", "In bài viết"], ["Chia sẻ", "Zalo", "In bài"]),
])
def test_boilerplate_lines_removed(kind, lines, gone, registries):
    text = page(*lines, "Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG, *lines)
    out = body_of(text, registries)
    assert "Tiêu đề bài viết mẫu" in out and LONG in out
    for g in gone:
        assert g not in out
    assert any(rule.kind == kind for rule in load_rules())


def test_related_links_swallowed_after_body_only(registries):
    text = page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG, "NGUYỄN AN",
                "Các tin khác", "Một tin liên quan ở tỉnh khác", "Tin thứ hai cũng liên quan",
                "Xem nhiều nhất", "Tin đọc nhiều nhất")
    result, meta, body = article(text, registries)
    assert meta["author"] == "Nguyễn An"
    assert "liên quan" not in result.text and "Tin đọc nhiều" not in result.text
    # At the top (a menu) the marker goes but the headline after it stays.
    _r, meta, _b = article(page("Mới nhất", "Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG), registries)
    assert meta["title"] == "Tiêu đề bài viết mẫu về làm theo Bác"


def test_poll_weather_counter_removed(registries):
    text = page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG, "Thu Hà", "1.234",
                "Thăm dò ý kiến", "Bạn đánh giá thế nào về cải cách hành chính?", "Tốt", "Chưa tốt",
                "THÔNG TIN CẦN BIẾT\nNắng nóng, nhiệt độ cao nhất 37°C.\nĐêm có mưa rào và dông.",
                "Lượt xem: 2.345")
    result, meta, _body = article(text, registries)
    for gone in ("1.234", "Thăm dò", "đánh giá thế nào", "Chưa tốt", "CẦN BIẾT", "37°C", "mưa rào", "2.345"):
        assert gone not in result.text
    assert meta["author"] == "Thu Hà"


# -- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("line,iso", [
    ("Thứ Hai, 19/09/2016 | 16:27", "2016-09-19T16:27:00+07:00"),
    ("Cập nhật ngày: 21/06/2021 | 10:00 GMT+7", "2021-06-21T10:00:00+07:00"),
    ("Thứ Sáu, 17/02/2023, 06:29 [GMT+7]", "2023-02-17T06:29:00+07:00"),
    ("Thứ ba - 21/05/2024 22:58", "2024-05-21T22:58:00+07:00"),
    ("Cập nhật: 16:04, Thứ 7, 06/11/2021", "2021-11-06T16:04:00+07:00"),
    ("11:13 | 20/05/2016", "2016-05-20T11:13:00+07:00"),
    ("Chủ Nhật, ngày 24 tháng 11 năm 2024", "2024-11-24T00:00:00+07:00"),
    ("Ngày cập nhật 25/04/2017", "2017-04-25T00:00:00+07:00"),
    ("T2, 3/7/2023 - 7:05", "2023-07-03T07:05:00+07:00"),
    ("Thứ Hai, 19/09/2016 | 09:27 GMT", "2016-09-19T16:27:00+07:00"),
])
def test_dateline_formats(line, iso):
    parsed = parse_dateline(line)
    assert parsed is not None and parsed.iso() == iso
    assert parsed.weekday_matches


@pytest.mark.parametrize("line", [
    "Thực hiện Chỉ thị số 06-CT/TW ngày 7-11-2006 của Bộ Chính trị.",
    "Chỉ thị 03 ngày 14/5/2011 của Bộ Chính trị",
    "(14/6/1958 - 14/6/2018)", "31/02/2020", "25:10 | 20/05/2016", "Năm 2016", "",
])
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_body_dates_are_not_the_publication_date(registries):
    _r, meta, _b = article(page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD,
                                "Thực hiện Chỉ thị số 06-CT/TW ngày 7-11-2006 của Bộ Chính trị, tỉnh đã làm tốt.",
                                "14/5/2011", LONG), registries)
    assert meta["draft"] is True


def test_header_clock_is_not_the_date_when_a_dateline_follows(registries):
    text = page("Chủ Nhật, 22/11/2026", "Xây dựng Đảng", "Tiêu đề bài viết mẫu về làm theo Bác",
                "Thứ Hai, 19/09/2016 | 16:27", LEAD, LONG)
    result, meta, body = article(text, registries)
    assert meta["date"].isoformat() == "2016-09-19T16:27:00+07:00"
    assert meta["title"] == "Tiêu đề bài viết mẫu về làm theo Bác"
    assert "22/11/2026" not in result.text and "Xây dựng Đảng" not in "\n".join(body)
    assert not any("đồng hồ" in w for w in result.warnings)


def test_header_clock_alone_is_used_with_a_warning(registries):
    result, meta, _b = article(page("Chủ Nhật, 22/11/2026", "Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG),
                               registries)
    assert meta["date"].isoformat() == "2026-11-22T00:00:00+07:00"
    assert any("đồng hồ của trang" in w for w in result.warnings)


def test_weekday_mismatch_warns(registries):
    result, meta, _b = article(page("Tiêu đề bài viết mẫu về làm theo Bác", "Thứ Ba, 19/09/2016 | 16:27", LEAD,
                                    LONG), registries)
    assert meta["date"].isoformat() == "2016-09-19T16:27:00+07:00"
    assert any("không khớp" in w and "Thứ Hai" in w for w in result.warnings)


def test_no_date_gives_a_draft_dated_the_import_day(registries):
    result, meta, _b = article(page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG), registries)
    assert meta["draft"] is True and meta["date"].isoformat() == "2026-12-04T00:00:00+07:00"
    assert any("nháp" in w and "ngày đăng" in w for w in result.warnings)
    lines = result.text.splitlines()
    assert "date: 2026-12-04T00:00:00+07:00  # kiểm tra lại: trang gốc không ghi ngày đăng; đây là ngày nhập bài, " \
           "hãy sửa thành ngày đăng thật" in lines
    assert any(line.startswith("draft: true  # bài nháp") for line in lines)


# -- directives -------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbols", [
    ("Thực hiện Chỉ thị số 05 - CT/TW của Bộ Chính trị", ["05-CT/TW"]),
    ("theo 05-CT/TƯ và chỉ thị số 06-ct/tw", ["05-CT/TW", "06-CT/TW"]),
    ("gắn với Nghị quyết Trung ương 4 (khóa XII)", ["04-NQ/TW"]),
    ("gắn với Nghị quyết Trung ương 4 (khoá XI)", ["12-NQ/TW"]),
    ("Nghị quyết T.Ư 4, khóa XI và NQ TW4 khóa 12", ["12-NQ/TW", "04-NQ/TW"]),
    ("theo tinh thần Chỉ thị 05 của Bộ Chính trị và Chỉ thị 06 của Ban Thường vụ Tỉnh ủy", ["05-CT/TW"]),
    ("Chỉ thị 03 của Bộ Chính trị", ["03-CT/TW"]),
    ("Chỉ thị 05/CT-TW của Bộ Chính trị (khóa XII)", ["05-CT/TW"]),
    ("Đề án số 05-ĐA/TU, ngày 5/7/2018 của Tỉnh ủy và Quy định số 15-QĐi/TU", []),
    ("Chỉ thị số 06-CT/TU của Tỉnh ủy, Chỉ thị 05 của Huyện ủy", []),
    ("Chỉ thị 37 của Bộ Chính trị về tổ chức đại hội", []),
    ("KL 01-KL/TW và Quy định số 08-QĐi/TW, Quy định 101", ["01-KL/TW", "08-QĐi/TW", "101-QĐ/TW"]),
])
def test_directive_forms_and_traps(text, symbols, registries):
    found, _warnings = find_directives(text, registries)
    assert [d.symbol for d in found] == symbols


def test_unknown_central_directive_warns(registries):
    found, warnings = find_directives("Chỉ thị 37 của Bộ Chính trị; Nghị quyết Trung ương 6 (khóa XII)", registries)
    assert found == []
    assert any("Chỉ thị 37" in w for w in warnings) and any("Trung ương 6" in w for w in warnings)


def test_stripped_symbol_tu_is_provincial(registries):
    # "TƯ" (central) is read before diacritics go: the provincial "TU" must stay provincial.
    assert [d.symbol for d in find_directives("05-CT/TƯ", registries)[0]] == ["05-CT/TW"]
    assert find_directives("05-CT/TU", registries)[0] == []


# -- provinces --------------------------------------------------------------------------

def provinces(text: str, registries) -> list[str]:
    return [p.name for p in find_provinces({"title": "", "summary": "", "body": text}, registries)[0]]


@pytest.mark.parametrize("text,names", [
    ("tỉnh Hoà Bình và tỉnh Hòa Bình", ["Hòa Bình"]),
    ("Đăk Nông, Đắk Nông, Đắc Nông", ["Đắk Nông"]),
    ("tỉnh Bà Rịa – Vũng Tàu; Bà Rịa-Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
    ("TP.HCM và Thành phố Hồ Chí Minh", ["TP. Hồ Chí Minh"]),
    ("tư tưởng Hồ Chí Minh, Đoàn Thanh niên Cộng sản Hồ Chí Minh", []),
    ("Đảng bộ Khối các cơ quan tỉnh, nhân dân Việt Nam", []),
    ("giữ gìn hòa bình, thanh hóa học", []),
    ("Khánh Hoà, Khánh Hòa, Thừa Thiên - Huế, Thừa Thiên Huế", ["Khánh Hòa", "Thừa Thiên Huế"]),
])
def test_province_spellings(text, names, registries):
    assert provinces(text, registries) == names


def test_province_by_place_and_frequency(registries):
    parts = {"title": "Làm theo Bác ở Lai Châu", "summary": "Tỉnh Lai Châu đã làm tốt.",
             "body": "Đoàn công tác từ Hà Nội lên thăm. Lai Châu có nhiều mô hình."}
    found, warnings = find_provinces(parts, registries)
    assert [p.name for p in found] == ["Lai Châu"] and warnings == []
    found, warnings = find_provinces({"title": "", "summary": "", "body": "Tỉnh ủy tỉnh và Hà Nội"}, registries)
    assert [p.name for p in found] == ["Hà Nội"] and "không chắc chắn" in warnings[0]
    found, warnings = find_provinces({"title": "", "summary": "", "body": "Khối các cơ quan tỉnh"}, registries)
    assert found == [] and "không xác định được tỉnh" in warnings[0]


# -- tags -------------------------------------------------------------------------------

def test_tags_from_vocabulary_tone_style_insensitive(registries):
    parts = {"title": "Xây dựng đời sống văn hoá", "summary": "Đời sống văn hoá ở cơ sở.",
             "body": "Văn hoá ứng xử; văn hóa công sở. Xây dựng Đảng trong sạch, vững mạnh. Chỉnh đốn Đảng."}
    tags, warnings = find_tags(parts, registries)
    assert [t.name for t in tags][:2] == ["văn hóa", "xây dựng Đảng"] and warnings == []


def test_too_few_tags_warns(registries):
    tags, warnings = find_tags({"title": "Tin ngắn", "summary": "", "body": "Không có gì."}, registries)
    assert tags == [] and "chủ đề" in warnings[0]


# -- byline, images, captions, Markdown ---------------------------------------------------

@pytest.mark.parametrize("line,name", [
    ("XUÂN THƯỞNG", "Xuân Thưởng"), ("Anh Biên", "Anh Biên"),
    (unicodedata.normalize("NFD", "NGUYỄN THỊ ƯỚC"), "Nguyễn Thị Ước"),
    ("NGUYỄN THỊ ƯỚC", "Nguyễn Thị Ước"), ("Bài và ảnh: LÊ HÀ", "Lê Hà"), ("Thu Hà (Báo Lai Châu)", "Thu Hà"),
    ("Bốn là, kịp thời biểu dương.", None), ("2016", None), ("Duy trì nền nếp chế độ báo cáo./.", None),
])
def test_person_name(line, name):
    got = person_name(line)
    assert got == name
    if got:
        assert unicodedata.is_normalized("NFC", got)


def test_photo_credit_is_not_the_author(registries):
    result, meta, body = article(page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG, "Ảnh: X.T"), registries)
    assert "author" not in meta and any("tác giả" in w for w in result.warnings)
    # A credit with no photo before it is left out of the body, and listed in what was dropped.
    assert body[-1] == LONG and (7, "ghi chú ảnh không kèm ảnh", "Ảnh: X.T") in result.dropped


@pytest.mark.parametrize("line,name", [("hcm1.jpg.jpg", "hcm1.jpg"), ("IMG_6881.jpg", "IMG_6881.jpg"),
                                       ("ảnh trao giải.PNG", "anh-trao-giai.png"), ("Chỉ thị 05.", None)])
def test_image_names(line, name):
    assert image_name(line) == name


def test_figure_caption_credit_and_prefix(registries):
    text = page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, "anh1.jpg.jpg",
                "Lãnh đạo tỉnh trao bằng khen cho các tập thể \"tiêu biểu\". (Ảnh minh họa: HT)", LONG)
    _r, meta, body = article(text, registries, prefix="/static/img/")
    caption = "Lãnh đạo tỉnh trao bằng khen cho các tập thể \"tiêu biểu\". (Ảnh minh họa: HT)"
    assert body[0] == f'![{caption}](/static/img/anh1.jpg "{caption.replace(chr(34), "&quot;")}")'
    assert meta["image"] == {"src": "/static/img/anh1.jpg", "alt": caption, "caption": caption}


def test_markdown_escapes_only_where_needed(registries):
    text = page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, "1. Đây không phải danh sách mà là câu văn.",
                "# không phải tiêu đề", "Tỷ lệ 95,1% với 9.630 hội nghị, “trích dẫn” và \"ngoặc kép\".", LONG)
    _r, _meta, body = article(text, registries)
    assert body[0] == "1\\. Đây không phải danh sách mà là câu văn."
    assert body[1] == "\\# không phải tiêu đề"
    assert body[2] == "Tỷ lệ 95,1% với 9.630 hội nghị, “trích dẫn” và \"ngoặc kép\"."
    assert escape_paragraph("a * b _c_ <b>") == "a \\* b \\_c\\_ &lt;b>"


def test_headings_lists_and_blank_runs(registries):
    text = ("Tiêu đề bài viết mẫu về làm theo Bác\n \n\n" + LEAD + "\n\n   \n\t\nKết quả nổi bật\n" + LONG +
            "\n- Mô hình thứ nhất;\n+ Ý nhỏ của mô hình;\n- Mô hình thứ hai.\nMột là, làm tốt công tác tuyên truyền.\n")
    result, _meta, body = article(text, registries)
    assert body == ["## Kết quả nổi bật", LONG, "- Mô hình thứ nhất;\n    - Ý nhỏ của mô hình;\n- Mô hình thứ hai.",
                    "Một là, làm tốt công tác tuyên truyền."]
    assert "\n\n\n" not in result.text


def test_label_above_headline_dropped_by_dateline(registries):
    result, meta, body = article(page("Chuyên mục bất kỳ của trang", "Tiêu đề bài viết mẫu về làm theo Bác",
                                      "11:13 | 20/05/2016", LEAD, LONG), registries)
    assert meta["title"] == "Tiêu đề bài viết mẫu về làm theo Bác" and meta["summary"] == LEAD
    assert "Chuyên mục bất kỳ" not in result.text and body == [LONG]


# -- front matter -----------------------------------------------------------------------

def test_front_matter_key_order_and_lists_always_present(registries):
    result, meta, _b = article(page("Tiêu đề bài viết mẫu", "Thứ Hai, 19/09/2016", LEAD, LONG, "Lê Văn Tám"),
                               registries)
    keys = [line.split(":", 1)[0] for line in result.text.split("\n---\n")[0].splitlines()[1:]]
    assert keys == ["title", "date", "summary", "province", "directives", "tags", "author"]
    assert "date: 2016-09-19T00:00:00+07:00\n" in result.text
    assert meta["province"] == [] and isinstance(meta["directives"], list)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
@example("#\x1a\u0309R")
@example("dòng\n\u0303ngã")
@example("\\\u0301")
@example("a\x1a\U0001d165")
def test_yaml_string_round_trips(value):
    assert yaml.safe_load("k: " + yaml_string(value))["k"] == value
    # as the build reads a file (NFC first): a mark after an escape must not join its last letter
    written = ("---\nk: " + yaml_string(value) + "\n---\n").encode("utf-8")
    assert split_front_matter(decode(written, "x.md"), "x.md").meta["k"] == normalize(value)


def test_slug_cut_at_word_boundary():
    title = "Đảng bộ Khối các cơ quan tỉnh Lào Cai sau 4 năm thực hiện Cuộc vận động học tập và làm theo Bác Hồ"
    slug = article_slug(title)
    assert len(slug) <= 80 and not slug.endswith("-") and "dang-bo-khoi-cac-co-quan-tinh-lao-cai".startswith(slug[:10])
    assert ("-" + slug + "-") in ("-" + "dang-bo-khoi-cac-co-quan-tinh-lao-cai-sau-4-nam-thuc-hien-cuoc-van-dong-hoc-"
                                  "tap-va-lam-theo-bac-ho" + "-")
    assert article_slug("Ngắn") == "ngan"


# -- encodings --------------------------------------------------------------------------

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese documents have it: tone marks as separate characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + "".join(c for c in parts if c in TONES)).encode("cp1258"))
    return b"".join(out)


SEED_002 = next(p for p in SEEDS if p.name.startswith("002"))


@pytest.mark.parametrize("encode,label", [
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "UTF-8 (có BOM)"),
    (lambda t: t.encode("utf-16"), "UTF-16"),
    (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "UTF-16"),
    (to_cp1258, "Windows-1258"),
    (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "UTF-8"),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "UTF-8"),
    (lambda t: t.replace(" ", "\u00a0", 40).encode("utf-8"), "UTF-8"),
], ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1258", "nfd", "crlf", "nbsp"])
def test_encodings_give_the_same_article(encode, label, registries):
    original = SEED_002.read_text(encoding="utf-8")
    baseline = convert(original.encode("utf-8"), ".txt", registries, "/images/", "a.txt")
    result = convert(encode(original), ".txt", registries, "/images/", "b.txt")
    assert result.encoding == label
    assert result.text == baseline.text


@pytest.mark.parametrize("data,words", [
    (b"", ["rỗng"]), (b" \n\r\n\t", ["rỗng"]), (b"\xef\xbb\xbf", ["rỗng"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["nhị phân", "vị trí 8"]),
    ("Tiêu đề\n".encode("utf-8") + b"abc \x81\x8d\x8f text", ["vị trí 16", "0x81", "UTF-8"]),
    (b"Gr\xf6\xdfe und Stra\xdfe", ["vị trí 2", "UTF-8", "Windows-1258"]),
])
def test_unreadable_bytes_are_refused_with_reason(data, words):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    for word in words:
        assert word in str(info.value)


def test_bad_files_reported_others_imported(tmp_path, registries):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a-empty.txt").write_bytes(b"")
    (src / "b-binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (src / "c-bad.txt").write_bytes(b"Ti\xeau \x81\x81 \xff")
    (src / "d-good.txt").write_bytes(SEED_002.read_bytes())
    (src / "notes.md").write_text("bỏ qua")
    out = tmp_path / "out"
    status, report = run([src, tmp_path / "missing.txt"], out, registries)
    assert status == 1
    lines = report.splitlines()
    assert f"{(src / 'a-empty.txt').as_posix()}: tệp rỗng, không có nội dung để nhập" in lines
    assert any(line.startswith(f"{(src / 'b-binary.txt').as_posix()}: tệp nhị phân") for line in lines)
    assert any(line.startswith(f"{(src / 'c-bad.txt').as_posix()}:1: ") and "vị trí 2" in line for line in lines)
    assert any("missing.txt: không tìm thấy" in line for line in lines)
    assert [p.name for p in out.iterdir()] == [
        "dang-bo-khoi-cac-co-quan-tinh-phat-huy-cach-lam-hieu-qua-trong-hoc-tap-lam-theo.md"]
    assert "notes.md" not in report


# -- the command ------------------------------------------------------------------------

def test_import_is_idempotent_and_never_overwrites_without_force(tmp_path, registries):
    out = tmp_path / "articles"
    status, report = run([FIXTURES / "seeds"], out, registries)
    assert status == 0 and len(list(out.iterdir())) == 5
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    status, report = run([FIXTURES / "seeds"], out, registries)
    assert status == 0 and report.count(": không đổi (đã có bài giống hệt)") == 5
    assert report.splitlines()[-1] == "Xong: đã ghi 0/5 tệp, 5 tệp không đổi (đã có bài giống hệt)."
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    edited = out / "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nBiên tập viên đã sửa.\n", encoding="utf-8")
    status, report = run([FIXTURES / "seeds"], out, registries)
    assert status == 1 and "--force" in report
    assert "Biên tập viên đã sửa." in edited.read_text(encoding="utf-8")
    status, report = run([FIXTURES / "seeds"], out, registries, force=True)
    assert status == 0 and edited.read_bytes() == first[edited.name]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_dry_run_writes_nothing(tmp_path, registries):
    out = tmp_path / "articles"
    status, report = run(SEEDS, out, registries, dry_run=True)
    assert status == 0 and not out.exists()
    assert "tiêu đề: Nhân rộng các mô hình điển hình làm theo lời Bác" in report
    assert "tác giả: Anh Biên" in report and "chạy thử" in report


def test_report_lists_fields_and_warnings_in_vietnamese(tmp_path, registries):
    seed = next(p for p in SEEDS if p.name.startswith("000"))
    _status, report = run([seed], tmp_path, registries)
    for label in ("tiêu đề:", "ngày: (không có) trên trang; ghi tạm 2026-12-04T00:00:00+07:00, bài để nháp",
                  "tỉnh: Lào Cai", "văn bản: 06-CT/TW", "chủ đề:", "tác giả: (không có)",
                  "cảnh báo: trang không ghi ngày đăng: bài được lưu dạng nháp"):
        assert label in report
    assert report.splitlines()[-1] == ("Xong: đã ghi 1/1 tệp. 1 bài lưu dạng nháp vì trang gốc không ghi ngày đăng: "
                                       "hãy sửa ngày rồi bỏ dòng draft.")


def test_same_title_twice_in_one_run_fails_the_second(tmp_path, registries):
    (tmp_path / "a.txt").write_bytes(SEED_002.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED_002.read_bytes())
    status, report = run([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", registries)
    assert status == 1 and "trùng tên bài" in report and len(list((tmp_path / "out").iterdir())) == 1


def test_other_file_types_refused(tmp_path, registries):
    (tmp_path / "x.docx").write_bytes(b"PK")
    status, report = run([tmp_path / "x.docx"], tmp_path / "out", registries)
    assert status == 1 and "chỉ nhập được tệp .txt" in report


def test_html_page(tmp_path, registries):
    status, report = run([FIXTURES / "page.html"], tmp_path, registries)
    assert status == 0, report
    text = (tmp_path / "thanh-nien-hoa-binh-lam-theo-loi-bac.md").read_text(encoding="utf-8")
    meta, body = split(text)
    assert meta["title"] == "Thanh niên Hoà Bình làm theo lời Bác"
    assert meta["date"].isoformat() == "2023-05-15T08:30:00+07:00"
    assert meta["province"] == ["Hòa Bình"]
    assert meta["directives"] == ["05-CT/TW", "08-QĐi/TW"]
    assert meta["author"] == "Minh Anh"
    assert meta["source"] == {"name": "Báo Mẫu điện tử", "url": "https://baomau.example/thanh-nien-hoa-binh.html"}
    assert meta["image"]["src"] == "/images/thanh-nien-tinh-nguyen.jpg"
    assert meta["image"]["caption"] == "Thanh niên tình nguyện giúp dân làm đường. Ảnh: T.L"
    assert meta["summary"].startswith("Đoàn viên thanh niên tỉnh Hòa Bình")
    assert body[0] == "## Những việc làm cụ thể"
    assert "- Mô hình “Thắp sáng đường quê”;\n- Mô hình “Ngày thứ Bảy tình nguyện”." in body
    for gone in ("22/11/2026", "Trang chủ", "Tìm kiếm", "Bản quyền", "Lạng Sơn", "font-family", "var clock",
                 "Tuổi trẻ làm theo lời Bác"):
        assert gone not in text


def test_html_without_markup_hints(registries):
    html = ("<html><body><div>Skip to main content</div><div>Tiêu đề bài viết mẫu về làm theo Bác</div>"
            "<div>Thứ Hai, 19/09/2016 | 16:27</div><p>" + LEAD + "</p><p>" + LONG + "</p>"
            "<p>Xã vùng cao &amp; biên giới.</p><footer>Liên hệ</footer></body></html>")
    result = convert(html.encode("utf-8"), ".html", registries, "/images/", "x.html")
    meta, body = split(result.text)
    assert meta["title"] == "Tiêu đề bài viết mẫu về làm theo Bác" and meta["summary"] == LEAD
    assert body == [LONG, "Xã vùng cao & biên giới."] and "Liên hệ" not in result.text


def test_dateline_at_the_end_near_the_byline(registries):
    result, meta, body = article(page("Tiêu đề bài viết mẫu về làm theo Bác", LEAD, LONG, "Lê Hà",
                                      "Ngày cập nhật 25/04/2017"), registries)
    assert meta["date"].isoformat() == "2017-04-25T00:00:00+07:00" and meta["author"] == "Lê Hà"
    assert body == [LONG]


_PIECES = st.sampled_from([
    "Chỉ thị", "05", "-CT/TW", "của", "Bộ Chính trị", "Tỉnh ủy", "Hà Nam", "1.", "#", "- ", "+ ", "\n", "\n\n",
    "Thứ Hai, 19/09/2016 | 16:27", "hcm1.jpg.jpg", "Ảnh: X.T", "XUÂN THƯỞNG", ".", ",", "“", "\"", "*", "_",
    "<b>", "Phản hồi", "Các tin khác", "thăm dò ý kiến", "?", "Nghị quyết Trung ương 4", "(khóa XII)", "Một là,"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from([".txt", ".html"]))
def test_any_text_imports_or_is_refused_cleanly(parts, suffix):
    registries = load_registries(None)
    try:
        result = convert(" ".join(parts).encode("utf-8"), suffix, registries, "/images/", "x")
    except ContentError:
        return
    meta, _body = split(result.text)
    assert meta["title"] and isinstance(meta["province"], list) and isinstance(meta["tags"], list)


def test_a_pipe_or_an_oversized_file_is_refused_and_the_others_imported(tmp_path, registries):
    """A pipe named x.txt used to hang the run forever; a file far past any page's size held it."""
    import os
    from generator.importer import command
    os.mkfifo(tmp_path / "ong.txt")
    (tmp_path / "lon.html").write_bytes(b" " * (command.MAX_BYTES + 1))
    (tmp_path / "bai.txt").write_bytes(SEED_002.read_bytes())
    status, report = run([tmp_path / "ong.txt", tmp_path / "lon.html", tmp_path / "bai.txt"], tmp_path / "out",
                         registries)
    assert status == 1
    assert "ong.txt: không phải tệp thường (một ống dẫn, thiết bị hay ổ cắm mang tên tệp): không nhập được" in report
    assert "lon.html: tệp nặng 50 MB, quá 50 MB mà một trang báo cần" in report
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_an_oversized_file_inside_a_folder_is_refused_unread(tmp_path, registries, monkeypatch):
    """The size bound held only for files named one by one: `import thu-muc/` read a 2 GB
    'trang.html' in it whole (2.1 GB of memory, 36 s) before calling it a binary file."""
    import os
    from generator.importer import command
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    with open(folder / "lon.html", "wb") as handle:  # sparse: no disk used
        handle.truncate(command.MAX_BYTES * 40)
    os.mkfifo(folder / "ong.html")  # not a file: skipped by the walk, as before
    (folder / "bai.txt").write_bytes(SEED_002.read_bytes())
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    status, report = run([folder], tmp_path / "out", registries)
    assert status == 1
    assert f"{folder.as_posix()}/lon.html: tệp nặng 2000 MB, quá 50 MB mà một trang báo cần: hãy lưu trang ở dạng " \
           "“Chỉ HTML” hoặc chép riêng phần chữ của bài" in report
    assert "lon.html" not in read
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_the_report_names_files_from_the_folder_the_editor_works_in(tmp_path, monkeypatch, capsys):
    """The articles and images folders come from site.toml as absolute paths: the report said
    “bai.txt → /home/…/content/articles/….md” and “(/home/…/content/images/hcm1.jpg, …)”."""
    from generator.cli import main
    site = tmp_path / "site"
    (site / "content" / "images").mkdir(parents=True)
    (site / "site.toml").write_text('title = "Thử"\n', encoding="utf-8")
    (site / "content" / "images" / "hcm1.jpg").write_bytes(b"\xff\xd8 another photo")
    raw = site / "bai-tho" / "bai.txt"
    raw.parent.mkdir()
    raw.write_bytes((FIXTURES / "seeds" / "003_0243bbcd1e694cb2.txt").read_bytes())
    monkeypatch.chdir(site)
    assert main(["import", "--report", "bai-tho/bai.txt"]) == 0
    out = capsys.readouterr().out
    written = [line for line in out.splitlines() if line.startswith("bai-tho/bai.txt → ")]
    assert written == ["bai-tho/bai.txt → content/articles/hieu-qua-qua-2-nam-thuc-hien-chi-thi-so-05-ct-tw-cua-bo-chinh-"
                       "tri.md: đã ghi"]
    assert "thư mục ảnh đã có một ảnh khác cùng tên (content/images/hcm1.jpg, " in out
    assert str(tmp_path) not in out
