"""`lamtheobac check` and the link checker."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bad.kit import small_jpeg
from generator.cli import main
from generator.linkcheck import check_links

ARTICLE = """---
title: "{title}"
date: 2024-05-0{n}T08:00:00+07:00
{meta}---

{body}
"""
FULL = 'summary: "Tóm tắt."\nprovince: ["Lào Cai"]\ndirectives: ["05-CT/TW"]\n'


def write(site: Path, slug: str, n: int, body: str, meta: str = FULL, title: str | None = None) -> None:
    path = site / "content" / "articles" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title or slug, n=n, meta=meta, body=body), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "images").mkdir(parents=True)
    (root / "content" / "images" / "anh.jpg").write_bytes(small_jpeg())
    (root / "site.toml").write_text('title = "Thử nghiệm"\nbase_url = "https://example.org/hoc-tap/"\n',
                                    encoding="utf-8")
    write(root, "bai-mot", 1, "Xem [bài hai](/bai-viet/bai-hai/) và ![Ảnh](/images/anh.jpg \"Chú thích\").\n\n"
                              "[Ngoài](https://example.com/x) · [thư](mailto:a@b.vn) · [gọi](tel:123) · [neo](#x)")
    write(root, "bai-hai", 2, "Quay lại [bài một](../bai-mot/#dau) và [trang chủ](/).")
    return root


def check(site: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--root", str(site), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_site_passes_without_writing_output(site: Path, capsys):
    code, out, err = check(site, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Kiểm tra xong: 2 bài viết, ") and out.endswith(" tệp; không có lỗi.\n")
    assert not (site / "output").exists()


def test_broken_links_are_errors_pointing_at_page_and_source(site: Path, capsys):
    write(site, "bai-ba", 3, "Đọc [bài cũ](/bai-viet/khong-co/).\n\n![Ảnh mất](/images/mat.jpg)\n\n"
                             "[Tương đối](../khong-co-2/)")
    code, out, err = check(site, capsys)
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[-1] == "Kiểm tra thấy 3 lỗi."
    page = "bai-viet/bai-ba/index.html"
    assert [line.split(":", 2)[0] for line in lines[:-1]] == [page] * 3
    assert lines[0].split(":", 2)[2] == (
        " liên kết hỏng “/hoc-tap/bai-viet/khong-co/”: không có trang bai-viet/khong-co/index.html "
        "trong trang đã dựng (bài nguồn: content/articles/bai-ba.md:9)")
    assert lines[1].split(":", 2)[2] == (
        " liên kết hỏng “/hoc-tap/images/mat.jpg”: không có tệp images/mat.jpg trong trang đã dựng "
        "(bài nguồn: content/articles/bai-ba.md:11)")
    assert lines[2].split(":", 2)[2] == (
        " liên kết hỏng “../khong-co-2/”: không có trang bai-viet/khong-co-2/index.html "
        "trong trang đã dựng (bài nguồn: content/articles/bai-ba.md:13)")
    assert int(lines[0].split(":")[1]) >= 1  # the line in the built HTML


def test_a_broken_link_points_at_the_line_where_it_is_written_whole(site: Path, capsys):
    # Was: "/images/mat.jpg" found inside "../images/mat.jpg" two lines above: the wrong line.
    write(site, "bai-ba", 3, "[Tương đối](../images/mat.jpg) và [khác](/bai-viet/khong-co/x)\n\n"
                             "![Ảnh mất](/images/mat.jpg)\n\n[Bài cũ](/bai-viet/khong-co/)")
    code, _, err = check(site, capsys)
    assert code == 1
    sources = [line.rsplit("(bài nguồn: ", 1)[1] for line in err.splitlines()[:-1]]
    assert sorted(sources) == ["content/articles/bai-ba.md:11)", "content/articles/bai-ba.md:13)",
                               "content/articles/bai-ba.md:9)", "content/articles/bai-ba.md:9)"]
    assert [s for line, s in zip(err.splitlines(), sources) if "“/hoc-tap/images/mat.jpg”" in line] == [
        "content/articles/bai-ba.md:11)"]
    assert [s for line, s in zip(err.splitlines(), sources) if "“/hoc-tap/bai-viet/khong-co/”" in line] == [
        "content/articles/bai-ba.md:13)"]


def test_missing_terms_summary_and_alt_are_warnings_only(site: Path, capsys):
    write(site, "bai-ba", 3, "Ảnh: ![](/images/anh.jpg)", meta="")
    code, out, err = check(site, capsys)
    assert code == 0
    assert err.splitlines() == [
        "content/articles/bai-ba.md:1: cảnh báo: bài viết chưa có tóm tắt (summary)",
        "content/articles/bai-ba.md:1: cảnh báo: bài viết chưa có tỉnh, thành phố (province)",
        "content/articles/bai-ba.md:1: cảnh báo: bài viết chưa gắn văn bản chỉ đạo (directives)",
        "content/articles/bai-ba.md:6: cảnh báo: ảnh “/images/anh.jpg” chưa có lời mô tả (alt)",
    ]
    assert out.endswith("không có lỗi, 4 cảnh báo.\n")


def test_files_of_the_images_folder_that_are_no_picture_are_warnings_as_the_build_notes_them(site: Path, capsys):
    """`build` printed “Lưu ý: …” for these; `check`, run before publishing, said nothing of them."""
    images = site / "content" / "images"
    (images / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n")
    (images / "IMG_0001.HEIC").write_bytes(b"\0\0\0\x18ftypheic")
    (images / "Thumbs.db").write_bytes(b"\0")
    code, out, err = check(site, capsys)
    assert code == 0
    assert err.splitlines() == [
        "content/images/IMG_0001.HEIC: cảnh báo: ảnh dạng .heic mà trình duyệt không hiện được (hay chỉ một vài "
        "trình duyệt hiện); bài nào dùng ảnh này sẽ hiện ô trống: hãy xuất lại thành JPEG hay PNG",
        "content/images/Thumbs.db: cảnh báo: tệp “Thumbs.db” là tệp tạm hay tệp hệ thống do một phần mềm để lại, "
        "không phải ảnh, mà vẫn được xuất bản ở /images/Thumbs.db; hãy xóa nó khỏi thư mục ảnh",
        "content/images/ke-hoach.pdf: cảnh báo: tệp .pdf không phải ảnh mà vẫn được xuất bản ở /images/ke-hoach.pdf, "
        "ai có địa chỉ đều tải về được; nếu là văn bản đính kèm, hãy chuyển nó sang thư mục văn bản content/files "
        "(địa chỉ sẽ là /files/ke-hoach.pdf, và cổng kiểm tra tệp đúng là văn bản) rồi sửa liên kết trong bài, nếu "
        "không, hãy xóa nó khỏi thư mục ảnh",
    ]
    assert out.endswith("không có lỗi, 3 cảnh báo.\n")


def test_a_publication_year_before_1890_is_a_warning(site: Path, capsys):
    """0202 for 2020 is a typo the build cannot refuse (old documents are allowed) but check points at."""
    write(site, "bai-ba", 3, "Nội dung.", meta=FULL)
    path = site / "content/articles/bai-ba.md"
    path.write_text(re.sub(r"(?m)^date: .*$", "date: 0202-06-21", path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = check(site, capsys)
    assert code == 0
    assert err == ("content/articles/bai-ba.md:3: cảnh báo: ngày đăng năm 202, trước năm 1890: có phải gõ nhầm năm? "
                   "(các trang lưu trữ và biểu đồ theo năm sẽ tính từ năm này)\n")


def test_lead_image_without_alt_is_a_warning(site: Path, capsys):
    write(site, "bai-ba", 3, "Nội dung.", meta=FULL + 'image:\n  src: "/images/anh.jpg"\n')
    code, out, err = check(site, capsys)
    assert code == 0
    assert err == "content/articles/bai-ba.md:7: cảnh báo: ảnh đại diện chưa có lời mô tả (image.alt)\n"


def test_content_errors_are_all_reported_with_lines(site: Path, capsys):
    write(site, "bai-ba", 3, "x", meta='province: ["Lào Cay"]\nauthr: "A"\n')
    (site / "output").mkdir()
    (site / "output" / "giu-nguyen.txt").write_text("cũ", encoding="utf-8")
    code, out, err = check(site, capsys)
    assert code == 1
    assert err.splitlines() == [
        "content/articles/bai-ba.md:4: không có tỉnh, thành phố “Lào Cay” trong danh mục "
        "(có phải ý bạn là: “Lào Cai”?)",
        "content/articles/bai-ba.md:5: khóa không hợp lệ “authr” (có phải ý bạn là: “author”?)",
        "Kiểm tra thấy 2 lỗi.",
    ]
    assert [p.name for p in (site / "output").iterdir()] == ["giu-nguyen.txt"]


def test_template_errors_are_reported(site: Path, capsys):
    (site / "templates").mkdir()
    (site / "templates" / "page.html").write_text("{% if %}\n", encoding="utf-8")
    code, out, err = check(site, capsys)
    assert code == 1
    assert err.startswith("templates/page.html:1: lỗi cú pháp mẫu:")


def _page(root: Path, rel: str, body: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html>\n<html><head></head>\n<body>\n{body}\n</body></html>\n", encoding="utf-8")


def test_check_links_resolves_against_the_base_path(tmp_path: Path):
    out = tmp_path / "out"
    _page(out, "index.html", '<a href="/hoc-tap/tinh/">ok folder</a>\n'
                             '<a href="/hoc-tap/tinh">ok folder without slash</a>\n'
                             '<a href="tinh/lao-cai/">ok relative</a>\n'
                             '<img src="/hoc-tap/a.png" srcset="/hoc-tap/a.png 1x, /hoc-tap/b.png 2x" alt="">\n'
                             '<a href="https://example.org/hoc-tap/khong/">own host, absolute</a>\n'
                             '<a href="https://other.org/x">external</a> <a href="#top">frag</a>\n'
                             '<a href="mailto:a@b.vn">m</a> <a href="tel:1">t</a> <img src="data:image/png;base64,AA">\n'
                             '<a href="/hoc-tap/rong/">folder without index</a>\n'
                             '<a href="/khac/">outside the base path</a>\n'
                             '<a href="/hoc-tap/a.png?v=1#x">query and fragment</a>\n'
                             '<a href="/hoc-tap/t%E1%BB%89nh/">encoded</a>')
    _page(out, "tinh/index.html", '<a href="../">up</a> <a href="lao-cai/index.html">file</a>')
    _page(out, "tinh/lao-cai/index.html", '<a href="../../tinh/lao-cai/">self</a>')
    (out / "a.png").write_bytes(b"png")
    (out / "rong").mkdir()
    (out / "rong" / "x.txt").write_text("x", encoding="utf-8")
    errors = check_links(out, "/hoc-tap/", "https://example.org/hoc-tap/")
    assert [str(e) for e in errors] == [
        "index.html:7: liên kết hỏng “/hoc-tap/b.png”: không có tệp b.png trong trang đã dựng",
        "index.html:8: liên kết hỏng “https://example.org/hoc-tap/khong/”: không có trang khong/index.html "
        "trong trang đã dựng",
        "index.html:11: liên kết hỏng “/hoc-tap/rong/”: thư mục rong/ không có index.html",
        "index.html:12: liên kết “/khac/” trỏ ra ngoài thư mục gốc của trang (/hoc-tap/)",
        "index.html:14: liên kết hỏng “/hoc-tap/t%E1%BB%89nh/”: không có trang tỉnh/index.html "
        "trong trang đã dựng",
    ]


def test_check_links_on_a_root_site(tmp_path: Path):
    out = tmp_path / "out"
    _page(out, "index.html", '<a href="/">home</a> <a href="/x/">x</a> <link rel="stylesheet" href="/assets/s.css">')
    _page(out, "x/index.html", '<a href="/index.html">home</a>')
    errors = check_links(out, "/")
    assert [str(e) for e in errors] == [
        "index.html:4: liên kết hỏng “/assets/s.css”: không có tệp assets/s.css trong trang đã dựng"]  # a file, no page


def test_a_line_pasted_from_a_vntime_document_is_a_warning_with_its_reading(site: Path, capsys):
    """Text copied from a Word file set in .VnTime or VNI-Times is published as garbage: check points at it."""
    write(site, "bai-ba", 3, "Mở đầu đúng Unicode.\n\nHäc tËp vµ lµm theo tÊm g\xad¬ng ®¹o ®øc Hå ChÝ Minh.\n\n"
                             "Caùc caáp uûy ñaûng ñaõ cuï theå hoùa noäi dung hoïc taäp.\n\nThe naïve café, 5 µm.",
          meta=FULL)
    code, out, err = check(site, capsys)
    assert code == 0
    assert err.splitlines() == [
        "content/articles/bai-ba.md:11: cảnh báo: dòng này là chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), chưa "
        "chuyển sang Unicode nên trang hiện chữ lỗi; đọc đúng là “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh.”: "
        "hãy sửa lại dòng này",
        "content/articles/bai-ba.md:13: cảnh báo: dòng này là chữ gõ bằng bảng mã cũ VNI-Windows (phông VNI-Times), "
        "chưa chuyển sang Unicode nên trang hiện chữ lỗi; đọc đúng là “Các cấp ủy đảng đã cụ thể hóa nội dung học "
        "tập.”: hãy sửa lại dòng này"]


def test_a_misspelt_site_toml_key_is_a_check_error(site: Path, capsys):
    """It escaped check as the build's “Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên.”"""
    (site / "site.toml").write_text('title = "Thử"\nper_pag = 5\n', encoding="utf-8")
    code, out, err = check(site, capsys)
    assert (code, out) == (1, "")
    assert err == ("site.toml:2: khóa không hợp lệ “per_pag” (có phải ý bạn là: “per_page”?)\n"
                   "Kiểm tra thấy 1 lỗi.\n")


def test_a_link_to_a_file_named_in_another_case_is_told_so(tmp_path: Path):
    """Was: only 'không có tệp images/Anh.JPG': an editor's Mac or Windows preview showed the picture,
    the web server (which tells the case apart) does not."""
    out = tmp_path / "out"
    _page(out, "index.html", '<img src="/images/Anh.JPG" alt=""> <a href="/Bai-Viet/x/">x</a> <a href="/y.pdf">y</a>')
    _page(out, "bai-viet/x/index.html", "x")
    (out / "images").mkdir()
    (out / "images" / "anh.jpg").write_bytes(b"jpg")
    assert [str(e) for e in check_links(out, "/")] == [
        "index.html:4: liên kết hỏng “/images/Anh.JPG”: không có tệp images/Anh.JPG, chỉ có images/anh.jpg khác "
        "chữ hoa, chữ thường; máy chủ web phân biệt chữ hoa, chữ thường trong tên tệp (máy Mac, Windows thì không, "
        "nên xem trên máy vẫn thấy), hãy viết tên đúng như tên tệp",
        "index.html:4: liên kết hỏng “/Bai-Viet/x/”: không có tệp Bai-Viet/x/index.html, chỉ có bai-viet/x/index.html "
        "khác chữ hoa, chữ thường; máy chủ web phân biệt chữ hoa, chữ thường trong tên tệp (máy Mac, Windows thì "
        "không, nên xem trên máy vẫn thấy), hãy viết tên đúng như tên tệp",
        "index.html:4: liên kết hỏng “/y.pdf”: không có tệp y.pdf trong trang đã dựng",
    ]
