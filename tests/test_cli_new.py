"""`lamtheobac new`: the file it writes, its checks, and that the file builds as is."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.cli import main
from generator.vietnamese import VN

PATH = "content/articles/nhan-rong-mo-hinh-lam-theo-loi-bac.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.toml").write_text('title = "Thử nghiệm"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    return root


def run(site: Path, *args: str) -> int:
    return main(["new", "--root", str(site), *args])


def test_new_writes_an_article_with_front_matter(site: Path, capsys):
    before = datetime.now(VN).replace(microsecond=0)
    assert run(site, "Nhân rộng mô hình làm theo lời Bác") == 0
    out, err = capsys.readouterr()
    assert out == PATH + "\n"
    assert err == ""
    text = (site / PATH).read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    meta = yaml.safe_load(front)
    assert meta["title"] == "Nhân rộng mô hình làm theo lời Bác"
    assert meta["province"] == [] and meta["directives"] == [] and meta["tags"] == []
    assert meta["draft"] is True
    date = re.search(r"^date: (\S+)$", front, re.M).group(1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00", date)
    assert before <= datetime.fromisoformat(date) <= datetime.now(VN)


def test_new_never_overwrites(site: Path, capsys):
    assert run(site, "Nhân rộng mô hình làm theo lời Bác") == 0
    (site / PATH).write_text("đã sửa", encoding="utf-8")
    capsys.readouterr()
    assert run(site, "Nhân rộng mô hình làm theo lời Bác!") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"đã có tệp {PATH}; không ghi đè. Hãy đặt tiêu đề khác hoặc mở tệp đó để sửa.\n"
                   "Chưa tạo bài viết nào.\n")
    assert (site / PATH).read_text(encoding="utf-8") == "đã sửa"


def test_terms_are_checked_and_written_with_canonical_names(site: Path, capsys):
    assert run(site, "Bài có thẻ", "--province", "Hoà Bình", "--province", "Lào Cai",
               "--directive", "Chỉ thị 05", "--directive", "Chỉ thị số 06-CT/TW",
               "--tag", "Nêu gương", "--tag", "chủ đề riêng") == 0
    out, err = capsys.readouterr()
    assert out == "content/articles/bai-co-the.md\n"
    assert err == "Lưu ý: chủ đề “chủ đề riêng” chưa có trong danh mục, sẽ thành chủ đề mới\n"
    text = (site / "content/articles/bai-co-the.md").read_text(encoding="utf-8")
    assert 'province: ["Hòa Bình", "Lào Cai"]\n' in text
    assert 'directives: ["05-CT/TW", "06-CT/TW"]\n' in text
    assert 'tags: ["nêu gương", "chủ đề riêng"]\n' in text


def test_names_given_together_in_one_option_are_written_as_a_list(site: Path, capsys):
    """--province "Lào Cai, Yên Bái" was refused as an unknown province (with the two right names as hints)."""
    assert run(site, "Bài hai tỉnh", "--province", "Lào Cai, Yên Bái", "--province", "yên bái",
               "--directive", "Chỉ thị 05; 03-CT/TƯ") == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("content/articles/bai-hai-tinh.md\n", "")
    text = (site / "content/articles/bai-hai-tinh.md").read_text(encoding="utf-8")
    assert 'province: ["Lào Cai", "Yên Bái"]\n' in text
    assert 'directives: ["05-CT/TW", "03-CT/TW"]\n' in text
    assert run(site, "Bài sai", "--province", "Lào Cai, Yên Bay") == 1
    assert capsys.readouterr().err.startswith("không có tỉnh, thành phố “Lào Cai, Yên Bay” trong danh mục")


def test_terms_typed_as_readers_type_them_are_written_as_the_registries_spell_them(site: Path, capsys):
    assert run(site, "Bài gõ tắt", "--province", "Điện Biên", "--directive", "CT05", "--directive", "chỉ thị 6") == 0
    out, err = capsys.readouterr()
    meta = yaml.safe_load((site / out.strip()).read_text(encoding="utf-8").split("---\n")[1])
    assert (meta["province"], meta["directives"]) == (["Điện Biên"], ["05-CT/TW", "06-CT/TW"])


def test_unknown_terms_are_refused_with_a_suggestion(site: Path, capsys):
    assert run(site, "Bài sai", "--province", "Lào Cay", "--directive", "05-CT/TU") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("không có tỉnh, thành phố “Lào Cay” trong danh mục (có phải ý bạn là: “Lào Cai”?)\n"
                   "không có văn bản “05-CT/TU” trong danh mục "
                   "(có phải ý bạn là: “05-CT/TW”, “06-CT/TW”, “03-CT/TW”?)\n"
                   "Chưa tạo bài viết nào.\n")
    assert not (site / "content").exists()


@pytest.mark.parametrize("title", ["", "   ", "!!!"])
def test_a_title_without_letters_is_refused(site: Path, capsys, title: str):
    assert run(site, title) == 1
    err = capsys.readouterr().err
    assert err.endswith("Chưa tạo bài viết nào.\n")
    assert not (site / "content").exists()


def test_quotes_and_colons_in_titles_survive(site: Path, capsys):
    title = 'Học Bác: “nói đi đôi với làm” – "điều giản dị" #1'
    assert run(site, title) == 0
    path = site / capsys.readouterr().out.strip()
    meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["title"] == title


def test_the_new_file_builds_without_edits(site: Path, tmp_path: Path, capsys):
    assert run(site, "Nhân rộng mô hình làm theo lời Bác", "--province", "Lào Cai", "--directive", "05-CT/TW") == 0
    page = Path("bai-viet/nhan-rong-mo-hinh-lam-theo-loi-bac/index.html")
    # A draft: only with --drafts …
    shown = build(site, output=str(tmp_path / "drafts"), drafts=True)
    assert "Nhân rộng mô hình làm theo lời Bác" in (shown.output / page).read_text(encoding="utf-8")
    hidden = build(site, output=str(tmp_path / "plain"))
    assert not (hidden.output / page).exists()
    # … and once the editor flips draft, in a normal build.
    path = site / PATH
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    published = build(site, output=str(tmp_path / "published"))
    html = (published.output / page).read_text(encoding="utf-8")
    assert "Nhân rộng mô hình làm theo lời Bác" in html
    assert "Viết nội dung bài ở đây" not in html  # the hint is an HTML comment, stripped
    assert (published.output / "tinh/lao-cai/index.html").is_file()


def test_a_title_too_long_for_a_file_name_gets_a_slug_cut_at_a_word(site: Path, capsys):
    """A title whose slug passes 255 bytes raised OSError (file name too long) as a traceback."""
    title = " ".join(["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"] * 8)
    assert run(site, title) == 0
    out, err = capsys.readouterr()
    path = site / out.strip()
    slug = path.stem
    assert len(slug) <= 200 and not slug.endswith("-")
    assert ("hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh-" * 8).startswith(slug + "-")
    assert yaml.safe_load(path.read_text("utf-8").split("---\n")[1])["title"] == title
    (site / "content" / "articles" / path.name).write_text(
        path.read_text("utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    build(site)
    assert (site / "output" / "bai-viet" / slug / "index.html").is_file()


def test_a_file_that_cannot_be_written_is_a_message(site: Path, capsys):
    (site / "content").mkdir()
    (site / "content" / "articles").write_text("không phải thư mục", encoding="utf-8")
    assert run(site, "Bài mới") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["không ghi được tệp content/articles/bai-moi.md: đã có một tệp trùng tên ở chỗ thư mục",
                                "Chưa tạo bài viết nào."]
    assert "Traceback" not in err


def test_bytes_that_are_not_utf8_are_a_message_and_no_file(site: Path, capsys):
    """A title or tag typed in a terminal of another code page reaches Python as U+DC80-U+DCFF
    (surrogateescape): writing it was a UnicodeEncodeError traceback, and the empty file "x" mode had
    made stayed behind (the next try then said the file existed). Now a message, and no file."""
    assert run(site, "Bài \udcff mới", "--tag", "a\udce0b") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert sorted(err.splitlines()[:-1]) == [
        "--tag “a\\xe0b” có byte 0xe0 không phải chữ UTF-8 (thường do cửa sổ lệnh dùng bảng mã khác); hãy gõ lại "
        "bằng Unicode (UTF-8)",
        "tiêu đề “Bài \\xff mới” có byte 0xff không phải chữ UTF-8 (thường do cửa sổ lệnh dùng bảng mã khác); "
        "hãy gõ lại bằng Unicode (UTF-8)"]
    assert err.splitlines()[-1] == "Chưa tạo bài viết nào."
    assert not (site / "content").exists()


def test_a_bidi_control_in_the_title_is_refused_as_the_build_would(site: Path, capsys):
    """`new` wrote a file the build then refused (a U+202E in the title)."""
    assert run(site, "Bài mới \u202e ngược") == 1
    assert capsys.readouterr().err.splitlines() == [
        "“tiêu đề” có ký tự điều khiển hướng chữ U+202E, làm chữ hiện ra khác với chữ thật; hãy xóa ký tự đó "
        "(gõ lại đoạn chữ này)", "Chưa tạo bài viết nào."]
    assert not (site / "content").exists()


@pytest.mark.parametrize("title, slug, existing, text", [
    ("Tỉnh", "tinh", None, None),                                                        # a portal section
    ("Hòa bình", "hoa-binh", "Hoà bình.md", "---\ntitle: A\ndate: 2021-01-01\n---\n"),     # by its file name
    ("Đổi mới", "doi-moi", "khac.md", '---\ntitle: A\ndate: 2021-01-01\nslug: "doi-moi"\n---\n'),  # by its slug
])
def test_an_address_the_build_would_refuse_is_refused_and_no_file(site: Path, capsys, title, slug, existing, text):
    """`new` wrote a file the build (and the preview, which shows drafts) then refused."""
    from bad.kit import errors_of

    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    if existing:
        (articles / existing).write_text(text, encoding="utf-8")
    before = sorted(p.name for p in articles.iterdir())
    assert run(site, title) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "Chưa tạo bài viết nào."
    if existing:
        assert err[0] == (f"bài mới sẽ có cùng đường dẫn /bai-viet/{slug}/ với content/articles/{existing}; "
                          "hãy đặt tiêu đề khác, hoặc mở tệp đó để sửa")
    else:
        assert err[0].startswith(f"tiêu đề cho đường dẫn “{slug}”, trùng với đường dẫn dành riêng của cổng (")
    assert sorted(p.name for p in articles.iterdir()) == before
    # the file new would have written is one the build refuses
    (articles / f"{slug}.md").write_text(f'---\ntitle: "{title}"\ndate: 2021-01-01\n---\n', encoding="utf-8")
    assert errors_of(site, drafts=True)


@pytest.mark.parametrize("title", ["CON", "aux", "Nul", "COM1", "lpt9", "Prn"])
def test_a_title_whose_file_would_be_a_windows_device_name_is_refused(site: Path, capsys, title):
    # Was: content/articles/con.md written; Windows cannot check out, copy or open a file so named
    # (git: "invalid path"), so editors there lost it, and the output's bai-viet/con/ could not be uploaded.
    from bad.kit import errors_of

    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    assert run(site, title) == 1
    err = capsys.readouterr().err.splitlines()
    slug = title.lower()
    assert err[0] == (f"tiêu đề cho tên tệp “{slug}.md”, một tên Windows dành cho thiết bị (CON, PRN, AUX, NUL, "
                      "COM1…, LPT1…): trên Windows không mở hay chép được tệp này; hãy đặt tiêu đề dài hơn")
    assert err[-1] == "Chưa tạo bài viết nào."
    assert list(articles.iterdir()) == []
    # the build refuses such an address too, from a file name or a slug
    (articles / "a.md").write_text(f'---\ntitle: A\ndate: 2021-01-01\nslug: "{slug}"\n---\n', encoding="utf-8")
    assert errors_of(site) == [
        f"content/articles/a.md:4: đường dẫn “{slug}” là tên Windows dành cho thiết bị (CON, PRN, AUX, NUL, COM1…, "
        "LPT1…): trên Windows không mở, chép hay tải về được tệp và thư mục tên như vậy; hãy đổi tên tệp hoặc đặt "
        "“slug” khác"]
