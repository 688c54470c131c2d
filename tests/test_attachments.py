"""content/files: attachments (a directive's text as PDF or DOCX) published as they are, at /files/."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bad.kit import make_site, snapshot, errors_of
from generator.build import build
from generator.cli import main

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ARTICLE = """---
title: "Chỉ thị 05 và văn bản kèm theo"
date: 2024-05-01T08:00:00+07:00
summary: "Tóm tắt."
province: ["Lào Cai"]
directives: ["05-CT/TW"]
---

Toàn văn chỉ thị:

[Tải văn bản (PDF)](/files/chi-thi-05.pdf) · [Kế hoạch (DOCX)](/files/ke-hoach.docx)
"""


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


def site_with_files(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = make_site(tmp_path / "site", {"chi-thi.md": ARTICLE})
    folder = root / "content" / "files"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return root


def check(root: Path, capsys) -> tuple[int, list[str]]:
    """check's exit status and its error lines (the kit's articles have warnings: no summary)."""
    code = main(["check", "--root", str(root)])
    return code, [line for line in capsys.readouterr().err.splitlines() if "cảnh báo" not in line]


def test_attachments_are_published_as_they_are_and_their_links_pass_check(tmp_path, capsys):
    # Was: content/files was not read: nothing published, and check called the links broken.
    plan = docx()
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": plan, "2025/bang.csv": "Tỉnh;Số\n".encode()})
    (root / "content" / "pages" / "bang.md").write_text('---\ntitle: "Bảng"\n---\n\n[Bảng](/files/2025/bang.csv)\n',
                                                        encoding="utf-8")
    build(root)
    out = root / "output" / "files"
    assert (out / "chi-thi-05.pdf").read_bytes() == PDF
    assert (out / "ke-hoach.docx").read_bytes() == plan
    assert (out / "2025" / "bang.csv").read_bytes() == "Tỉnh;Số\n".encode()
    assert check(root, capsys) == (0, [])


def test_a_link_to_a_missing_attachment_is_located_at_its_source_line(tmp_path, capsys):
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF})
    code, lines = check(root, capsys)
    assert code == 1 and len(lines) == 1
    page, line, message = lines[0].split(":", 2)
    assert page == "bai-viet/chi-thi/index.html" and int(line) >= 1
    assert message == (" liên kết hỏng “/files/ke-hoach.docx”: không có tệp files/ke-hoach.docx trong trang đã dựng "
                       "(bài nguồn: content/articles/chi-thi.md:11)")


ONLY = ("không được đặt trong thư mục văn bản đính kèm content/files: thư mục này chỉ nhận văn bản (PDF, DOC, DOCX, "
        "ODT, RTF, TXT, XLS, XLSX, ODS, CSV, PPT, PPTX, ODP) và xuất bản chúng nguyên dạng cho bạn đọc tải về; ")


def test_only_documents_that_are_what_their_names_say_are_published(tmp_path):
    # A page or a program in content/files would be handed out from the portal's own address.
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx()})
    build(root)
    before = snapshot(root / "output")
    files = root / "content" / "files"
    (files / "cai-dat.exe").write_bytes(b"MZ\x90\x00")
    (files / "trang.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (files / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    (files / "README").write_text("x", encoding="utf-8")
    (files / "gia.pdf").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    (files / "gia.docx").write_bytes(PDF)
    (files / "nhi-phan.txt").write_bytes(b"\x00\x01\x02")
    assert errors_of(root) == [
        "content/files/README:1: tệp không có đuôi " + ONLY + "hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục",
        "content/files/anh.jpg:1: tệp .jpg " + ONLY + "ảnh hãy đặt trong thư mục ảnh (content/images)",
        "content/files/cai-dat.exe:1: tệp .exe " + ONLY + "hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục",
        "content/files/gia.docx:1: tệp có đuôi .docx nhưng nội dung không phải Word (.docx) (có lẽ đã đổi tên một tệp "
        "khác): bạn đọc tải về sẽ không mở được; hãy lưu lại văn bản đúng dạng Word (.docx), hoặc đặt lại đuôi tên tệp "
        "cho đúng",
        "content/files/gia.pdf:1: tệp có đuôi .pdf nhưng nội dung không phải PDF (có lẽ đã đổi tên một tệp khác): bạn "
        "đọc tải về sẽ không mở được; hãy lưu lại văn bản đúng dạng PDF, hoặc đặt lại đuôi tên tệp cho đúng",
        "content/files/nhi-phan.txt:1: tệp có đuôi .txt nhưng nội dung không phải văn bản thuần (.txt) (có lẽ đã đổi "
        "tên một tệp khác): bạn đọc tải về sẽ không mở được; hãy lưu lại văn bản đúng dạng văn bản thuần (.txt), hoặc "
        "đặt lại đuôi tên tệp cho đúng",
        "content/files/trang.html:1: tệp .html " + ONLY + "hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục",
    ]
    assert snapshot(root / "output") == before


def test_an_attachment_is_no_articles_photo(tmp_path):
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx()})
    text = ARTICLE.replace('summary: "Tóm tắt."\n', 'summary: "Tóm tắt."\nimage: "/files/chi-thi-05.pdf"\n')
    (root / "content" / "articles" / "chi-thi.md").write_text(text, encoding="utf-8")
    assert errors_of(root) == ["content/articles/chi-thi.md:5: ảnh “/files/chi-thi-05.pdf” (khóa “image”) phải là một "
                               "tệp trong thư mục content/images, ghi dạng “/images/tên-tệp.jpg”"]


def test_no_page_takes_the_attachments_address(tmp_path):
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx()})
    (root / "content" / "pages" / "files.md").write_text('---\ntitle: "Tệp"\n---\n\nNội dung.\n', encoding="utf-8")
    [error] = errors_of(root)
    assert error.startswith("content/pages/files.md:1: đường dẫn “files” trùng với đường dẫn dành riêng của cổng (")
    assert "files" in error.split("(", 1)[1].split(")")[0].split(", ")


def test_an_attachment_removed_or_changed_leaves_the_site_at_the_next_build(tmp_path):
    # Was: the last attachment removed stayed published ("Không có gì thay đổi"): the build compared
    # only the images folder's files with the last build's.
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF})
    build(root)
    files = root / "content" / "files"
    (files / "ke-hoach.docx").write_bytes(docx())
    build(root)
    assert sorted(p.name for p in (root / "output" / "files").iterdir()) == ["chi-thi-05.pdf", "ke-hoach.docx"]
    (files / "chi-thi-05.pdf").write_bytes(PDF + b"% ban moi\n")
    build(root)
    assert (root / "output" / "files" / "chi-thi-05.pdf").read_bytes() == PDF + b"% ban moi\n"
    (files / "ke-hoach.docx").unlink()
    build(root)
    assert sorted(p.name for p in (root / "output" / "files").iterdir()) == ["chi-thi-05.pdf"]
    (files / "chi-thi-05.pdf").unlink()
    build(root)
    assert not (root / "output" / "files").exists() or not any((root / "output" / "files").iterdir())


def test_an_attachment_named_with_a_mark_that_ends_a_file_name_in_an_address_is_refused(tmp_path):
    # Was: published as "a#b.pdf", which no link reaches ("/files/a#b.pdf" asks for /files/a).
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx(), "du-thao#2.pdf": PDF,
                                      "hoi?dap.pdf": PDF})
    assert errors_of(root) == [
        "content/files/du-thao#2.pdf:1: tên tệp có dấu “#”, mà trong một địa chỉ, phần từ dấu “#” trở đi không thuộc "
        "tên tệp (liên kết tới tệp này sẽ dẫn tới “/files/du-thao”); hãy đổi tên tệp, bỏ dấu “#”",
        "content/files/hoi?dap.pdf:1: tên tệp có dấu “?”, mà trong một địa chỉ, phần từ dấu “?” trở đi không thuộc "
        "tên tệp (liên kết tới tệp này sẽ dẫn tới “/files/hoi”); hãy đổi tên tệp, bỏ dấu “?”"]


def unlinked_note(name: str, prefix: str = "Lưu ý: ", link: str = "") -> str:
    return (f"content/files/{name}: {prefix}chưa bài nào được đăng có liên kết tới văn bản “{name.split('/')[-1]}”, nên "
            f"văn bản này chưa được đăng lên trang (bạn đọc chưa tải về được); văn bản sẽ được đăng khi một bài được "
            f"đăng có liên kết tới nó, ví dụ [Tải văn bản]({link or '/files/' + name}); nếu đã tải lên nhầm hay không "
            f"dùng nữa, hãy xóa tệp này (trên giao diện biên tập: trong thư viện ảnh)")


def test_only_attachments_a_published_page_links_to_are_published(tmp_path, capsys):
    # Was: every file of content/files was published: a document uploaded with the editor's button for an
    # article never saved (or saved without the link), or linked from a draft or a scheduled article only,
    # was handed out at /files/ to anyone with its address.
    files = {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx(), "du-thao.pdf": PDF, "nhap.pdf": PDF, "hen-gio.pdf": PDF,
             "phu-luc.pdf": PDF}
    root = site_with_files(tmp_path, files)
    articles = root / "content" / "articles"
    draft = ARTICLE.replace("Chỉ thị 05 và", "Bản nháp và").replace("directives:", "draft: true\ndirectives:")
    (articles / "nhap.md").write_text(draft.split("Toàn văn")[0] + "[Nháp](/files/nhap.pdf)\n", encoding="utf-8")
    later = ARTICLE.replace("Chỉ thị 05 và", "Hẹn giờ và").replace("2024-05-01", "2999-05-01")
    (articles / "hen-gio.md").write_text(later.split("Toàn văn")[0] + "[Sau](/files/hen-gio.pdf)\n", encoding="utf-8")
    (root / "content" / "pages" / "phu-luc.md").write_text(
        '---\ntitle: "Văn bản"\n---\n\n[Phụ lục](/files/phu-luc.pdf)\n', encoding="utf-8")
    said: list[str] = []
    build(root, log=said.append)
    out = root / "output" / "files"
    assert sorted(p.name for p in out.iterdir()) == ["chi-thi-05.pdf", "ke-hoach.docx", "phu-luc.pdf"]
    assert [line for line in said if "chưa bài nào" in line] == [
        unlinked_note("du-thao.pdf"), unlinked_note("hen-gio.pdf"), unlinked_note("nhap.pdf")]
    code, lines = check(root, capsys)
    assert code == 0 and lines == []
    # The draft published: its document with it; the link to the other one removed: it leaves the site.
    (articles / "nhap.md").write_text((articles / "nhap.md").read_text(encoding="utf-8").replace("draft: true\n", ""),
                                      encoding="utf-8")
    text = (articles / "chi-thi.md").read_text(encoding="utf-8")
    (articles / "chi-thi.md").write_text(text.replace(" · [Kế hoạch (DOCX)](/files/ke-hoach.docx)", ""), encoding="utf-8")
    build(root)
    assert sorted(p.name for p in out.iterdir()) == ["chi-thi-05.pdf", "nhap.pdf", "phu-luc.pdf"]
    # The preview of drafts (serve) shows a draft's document with the draft.
    (articles / "nhap.md").write_text(draft.split("Toàn văn")[0] + "[Nháp](/files/nhap.pdf)\n", encoding="utf-8")
    preview = build(root, output=str(tmp_path / "xem-truoc"), drafts=True).output
    assert (preview / "files" / "nhap.pdf").read_bytes() == PDF


def test_check_warns_of_each_attachment_left_unpublished(tmp_path, capsys):
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx(), "thua/bao-cao.pdf": PDF,
                                      "Kế hoạch số 2.pdf": PDF})
    code = main(["check", "--root", str(root)])
    lines = [line for line in capsys.readouterr().err.splitlines() if "chưa bài nào" in line]
    assert code == 0 and lines == [  # a name with spaces: the example link is one Markdown reads (in <…>)
        unlinked_note("Kế hoạch số 2.pdf", "cảnh báo: ", "</files/Kế hoạch số 2.pdf>"),
        unlinked_note("thua/bao-cao.pdf", "cảnh báo: ")]


def test_links_under_a_base_path_and_full_or_encoded_addresses_publish_their_attachment(tmp_path):
    root = site_with_files(tmp_path, {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx(), "Kế hoạch số 2.pdf": PDF,
                                      "toan-van.pdf": PDF, "khac.pdf": PDF, "tuong-doi.pdf": PDF})
    (root / "site.toml").write_text('title = "Học tập"\nbase_url = "https://example.org/hoc-tap/"\n', encoding="utf-8")
    text = (root / "content" / "articles" / "chi-thi.md").read_text(encoding="utf-8")
    (root / "content" / "articles" / "chi-thi.md").write_text(
        text + "\n[Số 2](</files/Kế hoạch số 2.pdf>) · [Toàn văn](https://example.org/hoc-tap/files/toan-van.pdf?v=2#trang-3)"
               " · [Nơi khác](mailto:a@b.vn?subject=/hoc-tap/files/khac.pdf) · [Tương đối](../../files/tuong-doi.pdf)\n",
        encoding="utf-8")
    build(root)
    out = root / "output" / "files"
    assert sorted(p.name for p in out.iterdir()) == ["Kế hoạch số 2.pdf", "chi-thi-05.pdf", "ke-hoach.docx", "toan-van.pdf",
                                                     "tuong-doi.pdf"]
    page = (root / "output" / "bai-viet" / "chi-thi" / "index.html").read_text(encoding="utf-8")
    assert 'href="/hoc-tap/files/chi-thi-05.pdf"' in page


def test_a_first_attachment_added_after_a_build_is_published_for_the_unchanged_article_linking_it(tmp_path):
    # A site without content/files does not look for links to it when reading; the article read then
    # (kept in the cache, unchanged) must not keep the attachment unpublished once the folder comes.
    root = site_with_files(tmp_path, {})
    assert not (root / "content" / "files").exists()
    assert errors_of(root) == [] and not (root / "output" / "files").exists()
    (root / "content" / "files").mkdir()
    (root / "content" / "files" / "chi-thi-05.pdf").write_bytes(PDF)
    (root / "content" / "files" / "ke-hoach.docx").write_bytes(docx())
    build(root)
    assert sorted(p.name for p in (root / "output" / "files").iterdir()) == ["chi-thi-05.pdf", "ke-hoach.docx"]


def test_an_attachment_linked_from_the_sites_own_templates_is_published(tmp_path, capsys):
    # Was: only the links of articles' and pages' bodies counted: a footer link of the site's templates/ to
    # the portal's rules ("Quy chế", on every page) led to a document the build left unpublished, and
    # check called the link broken on every page.
    files = {"chi-thi-05.pdf": PDF, "ke-hoach.docx": docx(), "quy-che.pdf": PDF, "Mẫu đơn.docx": docx(),
             "khong-dung.pdf": PDF}
    root = site_with_files(tmp_path, files)
    footer = (Path(__file__).resolve().parent.parent / "themes/default/templates/_footer.html").read_text(encoding="utf-8")
    footer = footer.replace('<li><a href="{{ url(\'feed.xml\') }}">RSS</a></li>',
                            '<li><a href="{{ url(\'feed.xml\') }}">RSS</a></li>\n'
                            '<li><a href="{{ url(\'files/quy-che.pdf\') }}">Quy chế</a></li>\n'
                            '<li><a href="{{ url(\'files/M%E1%BA%ABu%20%C4%91%C6%A1n.docx\') }}">Mẫu đơn</a></li>')
    assert "quy-che.pdf" in footer
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "_footer.html").write_text(footer, encoding="utf-8")
    said: list[str] = []
    build(root, log=said.append)
    out = root / "output" / "files"
    assert sorted(p.name for p in out.iterdir()) == ["Mẫu đơn.docx", "chi-thi-05.pdf", "ke-hoach.docx", "quy-che.pdf"]
    assert [line for line in said if "chưa bài nào" in line] == [unlinked_note("khong-dung.pdf")]
    assert 'href="/files/quy-che.pdf"' in (root / "output" / "index.html").read_text(encoding="utf-8")
    assert check(root, capsys) == (0, [])


def test_names_in_data_files_and_site_toml_count_and_lookalikes_do_not(tmp_path):
    from generator.attachments import site_named
    from generator.config import load_config
    root = site_with_files(tmp_path, {})
    (root / "content" / "data").mkdir(parents=True, exist_ok=True)
    (root / "content" / "data" / "lien-ket.csv").write_text(
        'ten,dia_chi\n"Quy chế","/files/quy-che.pdf"\nHồ sơ,/profiles/ho-so.pdf\n', encoding="utf-8")
    with (root / "site.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n# Tải biểu mẫu ở /files/bieu-mau/don.docx.\n')
    named = site_named(load_config(root))
    assert {"files/quy-che.pdf", "files/bieu-mau/don.docx"} <= named
    assert not any("ho-so" in name for name in named)
