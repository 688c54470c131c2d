"""Reliability: odd but valid files work; a killed or concurrent build never damages the site;
the same sources always give the same bytes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata

import pytest

from bad.kit import PROJECT, add, cli, errors_of, make_site, snapshot
from generator.build import build
from generator.errors import OutputError
from generator.write import Lock, Staging

LOCKED = "một lần dựng trang khác đang chạy trên dự án này; hãy đợi nó xong rồi chạy lại"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# files that must simply work ---------------------------------------------------------------

def test_bom_and_crlf(tmp_path):
    text = "---\r\ntitle: \"Bài có BOM\"\r\ndate: 2021-06-01\r\nprovince: Lào Cai\r\n---\r\n\r\nDòng một.\r\n\r\n- a\r\n- b\r\n"
    root = make_site(tmp_path, {"bom-crlf.md": b"\xef\xbb\xbf" + text.encode("utf-8")})
    build(root)
    html = (root / "output/bai-viet/bom-crlf/index.html").read_text(encoding="utf-8")
    assert "<h1>Bài có BOM</h1>" in html
    assert "<p>Dòng một.</p>" in html and "<li>a</li>" in html
    assert "\r" not in html and "\ufeff" not in html


def test_nfd_file_names_and_text_are_normalised(tmp_path):
    root = make_site(tmp_path)
    folder = nfd("Đắk Lắk")
    add(root, f"{folder}/{nfd('Hội nghị ở Buôn Ma Thuột.md')}", nfd(
        "---\ntitle: \"Hội nghị ở Buôn Ma Thuột\"\ndate: 2021-06-02\nprovince: Đắk Lắk\ntags: [Thi đua yêu nước]\n"
        "---\n\nCán bộ, đảng viên học tập và làm theo Bác.\n"))
    build(root)
    page = root / "output/bai-viet/hoi-nghi-o-buon-ma-thuot/index.html"
    html = page.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", html)
    assert "Hội nghị ở Buôn Ma Thuột" in html and "Cán bộ, đảng viên học tập và làm theo Bác." in html
    assert "/tinh/dak-lak/" in html and "/chu-de/thi-dua-yeu-nuoc/" in html
    for path in (root / "output").rglob("*"):
        rel = path.relative_to(root / "output").as_posix()
        assert rel.isascii() and unicodedata.is_normalized("NFC", path.read_text("utf-8") if path.suffix in
                                                           (".html", ".xml") else "")


def test_nfd_file_name_in_messages_is_nfc(tmp_path):
    root = make_site(tmp_path, {nfd("Bài lỗi.md"): "---\ntitle: Bài lỗi\n---\n"})
    assert errors_of(root) == ["content/articles/Bài lỗi.md:1: thiếu “date”: cần ngày đăng dạng 2016-09-19 "
                               "hoặc 2016-09-19T16:27:00+07:00"]


def test_two_file_names_differing_only_in_nfc_or_nfd_are_told_apart(tmp_path):
    # Was: "Hòa bình.md:1: bài viết này có cùng đường dẫn … với content/articles/Hòa bình.md": both
    # names are shown NFC, so the message named the file itself.
    text = "---\ntitle: Hòa bình\ndate: 2021-06-02\n---\n\nNội dung.\n"
    root = make_site(tmp_path, {unicodedata.normalize("NFC", "Hòa bình.md"): text, nfd("Hòa bình.md"): text})
    assert errors_of(root) == [
        "content/articles/Hòa bình.md:1: bài viết này có cùng đường dẫn /bai-viet/hoa-binh/ với "
        "content/articles/Hòa bình.md (một tệp khác có tên trông giống hệt, chỉ khác cách mã hóa dấu tiếng Việt: "
        "NFC/NFD; hãy xóa hoặc gộp một trong hai tệp); hãy đổi tên tệp hoặc đặt “slug” khác"]


def test_an_article_saved_under_a_name_that_is_almost_md_is_reported_not_skipped(tmp_path):
    # Was: skipped without a word ("bai.md.txt" from Notepad, ".markdown", "bai.md "): the article
    # was simply not on the site. Other names (notes, backups "x.md.bak", a copied page "x.txt") stay skipped.
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    text = "---\ntitle: Bài mới\ndate: 2021-06-02\n---\n\nNội dung.\n"
    for name in ("mot.md.txt", "Hai.MD.TXT", "ba.markdown", "bon.md ", "nam.md.", "ghi-chu.txt", "sau.md.bak"):
        add(root, name, text)
    (root / "content" / "pages" / "lien-he.mdown").write_text(text, encoding="utf-8")
    rest = "không được dựng (chỉ tệp “.md” được dựng thành bài, thành trang"
    assert errors_of(root) == [
        f"content/articles/Hai.MD.TXT:1: tệp “.md.txt” {rest}; Notepad hay tự thêm “.txt” khi lưu): "
        "hãy đổi tên thành “Hai.md”",
        f"content/articles/ba.markdown:1: tệp đuôi “.markdown” {rest}); hãy đổi tên thành “ba.md”",
        "content/articles/bon.md :1: tên tệp có dấu cách hay dấu chấm thừa sau “.md”, nên tệp không được dựng; "
        "hãy đổi tên thành “bon.md”",
        f"content/articles/mot.md.txt:1: tệp “.md.txt” {rest}; Notepad hay tự thêm “.txt” khi lưu): "
        "hãy đổi tên thành “mot.md”",
        "content/articles/nam.md.:1: tên tệp có dấu cách hay dấu chấm thừa sau “.md”, nên tệp không được dựng; "
        "hãy đổi tên thành “nam.md”",
        f"content/pages/lien-he.mdown:1: tệp đuôi “.mdown” {rest}); hãy đổi tên thành “lien-he.md”",
    ]
    assert snapshot(root / "output") == before


def test_file_names_with_spaces_and_vietnamese_letters_get_ascii_slugs(tmp_path):
    root = make_site(tmp_path, {
        "Bài viết có dấu cách.md": "---\ntitle: Một\ndate: 2021-06-03\n---\n\nA.\n",
        "Đồng chí Nguyễn Thị Ánh   (2).md": "---\ntitle: Hai\ndate: 2021-06-04\n---\n\nB.\n",
    })
    build(root)
    assert (root / "output/bai-viet/bai-viet-co-dau-cach/index.html").is_file()
    assert (root / "output/bai-viet/dong-chi-nguyen-thi-anh-2/index.html").is_file()


def test_ten_megabyte_article(tmp_path):
    paragraph = "Đảng bộ tỉnh đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. " * 12
    body = (paragraph + "\n\n") * (10_000_000 // len((paragraph + "\n\n").encode("utf-8")) + 1)
    text = "---\ntitle: Bài rất dài\ndate: 2021-06-05\n---\n\n" + body
    assert len(text.encode("utf-8")) >= 10_000_000
    root = make_site(tmp_path, {"bai-rat-dai.md": text})
    build(root)
    html = (root / "output/bai-viet/bai-rat-dai/index.html").read_bytes()
    assert len(html) > 10_000_000
    assert html.count(b"<p>") >= body.count("\n\n")


def test_control_characters_do_not_break_feeds(tmp_path):
    import xml.etree.ElementTree as ElementTree
    root = make_site(tmp_path, {"dieu-khien.md": "---\ntitle: \"Ký tự\\x0b lạ\\x01\"\ndate: 2021-06-06\n---\n\n"
                                                 "Dán từ Word:\x0b dòng mới,\x0c trang mới,\x01 và \x7f.\n"})
    build(root)
    for feed in (root / "output").rglob("*.xml"):
        ElementTree.parse(feed)
    html = (root / "output/bai-viet/dieu-khien/index.html").read_text(encoding="utf-8")
    assert "<h1>Ký tự  lạ</h1>" in html


@pytest.mark.parametrize("hidden", ["\x0b", "\x7f", "\x01", "\u0080", "\u009f", "\ufffe", "\uffff"])
def test_every_invisible_character_is_found_by_the_byte_scan(hidden: str):
    """decode() skips the regex when the bytes show none of the characters it replaces."""
    from generator.frontmatter import decode
    text = f"---\ntitle: Bà\u00a0Rịa\n---\n\nNội{hidden}dung «x»\u0085.\n"
    assert decode(text.encode("utf-8"), "a.md") == text.replace(hidden, " ")
    clean = text.replace(hidden, "")
    assert decode(clean.encode("utf-8"), "a.md") == clean  # NBSP, « », NEL stay


# a killed build, two builds at once ---------------------------------------------------------

def many_articles(count: int) -> dict[str, str]:
    provinces = ["Hà Nội", "Lào Cai", "Đắk Lắk", "Cà Mau", "Nghệ An"]
    return {f"nhieu/bai-{i:04d}.md": f"---\ntitle: Bài số {i}\ndate: 2020-03-{i % 28 + 1:02d}T{i % 24:02d}:00:00\n"
                                     f"province: {provinces[i % 5]}\ntags: [chủ đề {i % 40}]\n---\n\n"
                                     + ("Nội dung bài viết về học tập và làm theo Bác. " * 30 + "\n\n") * 4
            for i in range(count)}


def test_killed_build_leaves_previous_site_and_next_build_succeeds(tmp_path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    for name, text in many_articles(600).items():
        add(root, name, text)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(root), "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    staging = root / ".output.new"
    deadline = time.monotonic() + 60
    try:
        while not staging.exists():
            assert proc.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        time.sleep(0.02)  # well inside the render: the staging folder is being filled
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(root / "output") == before
    build(root)  # the leftover staging folder is cleared, the lock was released by the kernel
    assert not staging.exists()
    assert (root / "output/bai-viet/bai-0599/index.html").is_file()


def test_build_killed_between_the_two_renames_is_recovered(tmp_path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    (root / "output").rename(root / ".output.old")  # publish() stopped half way
    Staging(root / "output").open().discard()
    assert snapshot(root / "output") == before and not (root / ".output.old").exists()


def test_second_build_while_locked_gets_a_clear_message(tmp_path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\n---\n\nMới.\n")
    with Lock(root):
        assert errors_of(root) == [LOCKED]
        with pytest.raises(OutputError):
            with Lock(root):
                pass
        run = cli("build", "--root", str(root))
        assert run.returncode == 1
        assert run.stderr.splitlines() == [LOCKED, "Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó "
                                                   "vẫn giữ nguyên."]
        assert snapshot(root / "output") == before
    build(root)
    assert (root / "output/bai-viet/moi/index.html").is_file()


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path):
    root = make_site(tmp_path, many_articles(300))
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-m", "generator", "build", "--root", str(root), "-q"]
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert any(code == 0 for code, _ in results), results
    for code, err in results:
        assert code == 0 or err.splitlines()[0] == LOCKED, (code, err)
    together = snapshot(root / "output")
    build(root)
    assert snapshot(root / "output") == together
    assert not (root / ".output.new").exists()


# reproducible output ------------------------------------------------------------------------

def test_same_sources_same_bytes(tmp_path):
    articles = many_articles(60)
    first = make_site(tmp_path / "a", articles)
    build(first)
    one = snapshot(first / "output")
    build(first)
    assert snapshot(first / "output") == one
    # another folder, files created in the opposite order, other hash seeds, a fresh interpreter
    second = tmp_path / "b"
    for name in reversed(sorted(articles)):
        add(second, name, articles[name])
    make_site(second)
    for seed in ("1", "4242"):
        run = cli("build", "--root", str(second), "-q", env={"PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        assert snapshot(second / "output") == one
