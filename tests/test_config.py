"""site.toml: typed values, every problem at once, suggestions, CLI overrides."""
from pathlib import Path

import pytest

from conftest import config_errors, write_site_toml
from generator.config import load_config
from generator.errors import BuildFailed


def test_defaults_without_site_toml(tmp_path: Path):
    config = load_config(tmp_path)
    assert (config.language, config.timezone, config.urls.province, config.base_path) == \
        ("vi", "Asia/Ho_Chi_Minh", "tinh/{slug}/", "/")


def test_all_errors_together_with_suggestions(tmp_path: Path):
    assert config_errors(
        tmp_path, 'titel = "x"\nper_page = "mười"\nbase_url = "example.org"\n[feeds]\nsize = 0\nsise = 3\n') == [
        "site.toml:1: khóa không hợp lệ “titel” (có phải ý bạn là: “title”?)",
        "site.toml:2: “per_page” phải là một số nguyên, không phải “mười”",
        "site.toml:3: “base_url” phải là địa chỉ đầy đủ có http:// hoặc https://, ví dụ “https://example.org/”, "
        "không phải “example.org”",
        "site.toml:5: [feeds] “size” phải lớn hơn 0",
        "site.toml:6: khóa không hợp lệ [feeds] “sise” (có phải ý bạn là: “size”?)",
    ]


def test_a_misspelt_table_is_located_at_its_header(tmp_path: Path):
    """[feed] for [feeds] was reported as “site.toml:” with no line: the key is a table header."""
    assert config_errors(
        tmp_path, 'title = "x"\n\n[feed]\nsize = 3\n\n[urls.extra]\nx = 1\n\n[ publisherr ]\nname = "y"\n') == [
        "site.toml:3: khóa không hợp lệ “feed” (có phải ý bạn là: “feeds”?)",
        "site.toml:6: khóa không hợp lệ [urls] “extra”",
        "site.toml:9: khóa không hợp lệ “publisherr” (có phải ý bạn là: “publisher”?)",
    ]


@pytest.mark.parametrize("line, shown", [
    ('per_page = true', "true"), ('per_page = 1.5', "1.5"), ('title = ["a", 1]', "[“a”, 1]"),
    ('title = false', "false"),
])
def test_a_wrong_value_is_shown_as_written_in_toml(tmp_path: Path, line, shown):
    """Python's spelling (True, ['a', 1], 'mười') was shown to the editor."""
    assert config_errors(tmp_path, line + "\n")[0].endswith(f", không phải {shown}")


def test_cli_overrides_win_and_are_validated(tmp_path: Path):
    write_site_toml(tmp_path, 'base_url = "https://a.example/"\n')
    config = load_config(tmp_path, base_url="https://b.example/hoc-tap", output_dir="public", drafts=True)
    assert (config.base_url, config.base_path, config.output_dir, config.drafts) == \
        ("https://b.example/hoc-tap", "/hoc-tap/", "public", True)
    with pytest.raises(BuildFailed):
        load_config(tmp_path, base_url="ftp://x")


def test_a_wrong_base_url_option_is_told_at_the_option_not_at_site_toml(tmp_path: Path, capsys):
    """`build --base-url example.org/hoc-tap` said “site.toml:1: “base_url” phải là …”: that line was right."""
    from generator.cli import main
    write_site_toml(tmp_path, 'base_url = "https://a.example/"\nper_pag = 3\n')
    assert main(["check", "--root", str(tmp_path), "--base-url", "example.org/hoc-tap"]) == 1
    assert capsys.readouterr().err == (
        "--base-url: giá trị phải là địa chỉ đầy đủ có http:// hoặc https://, ví dụ “https://example.org/”, "
        "không phải “example.org/hoc-tap”\n"
        "site.toml:2: khóa không hợp lệ “per_pag” (có phải ý bạn là: “per_page”?)\n"
        "Kiểm tra thấy 2 lỗi.\n")


def test_url_patterns_are_checked(tmp_path: Path):
    assert config_errors(tmp_path, '[urls]\narticle = "/tin/"\n') == [
        "site.toml:2: [urls] “article” phải chứa {slug}",
        "site.toml:2: [urls] “article” phải là đường dẫn tương đối kết thúc bằng “/”, ví dụ “bai-viet/{slug}/”",
    ]


def test_fingerprint_follows_values(tmp_path: Path):
    a = load_config(write_site_toml(tmp_path, "per_page = 10\n")).fingerprint()
    b = load_config(write_site_toml(tmp_path, "per_page = 11\n")).fingerprint()
    assert a != b


def test_theme_keys_logo_publisher_and_images(tmp_path: Path):
    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content" / "images" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    write_site_toml(tmp_path, 'logo = "/images/logo.svg"\n[publisher]\norganization = "Ban Tuyên giáo Tỉnh ủy"\n'
                    'licence = "Giấy phép số 1/GP"\n[images]\nwidths = [400, 800]\nquality = 70\n')
    config = load_config(tmp_path)
    assert (config.logo, config.publisher.organization, config.publisher.licence, config.publisher.address) == \
        ("/images/logo.svg", "Ban Tuyên giáo Tỉnh ủy", "Giấy phép số 1/GP", "")
    assert (config.images.widths, config.images.quality) == ((400, 800), 70)


def test_theme_keys_are_checked(tmp_path: Path):
    assert config_errors(
        tmp_path, 'logo = "logo.png"\n[images]\nwidths = [0, 800]\nquality = 101\n[publisher]\nadress = "x"\n') == [
        "site.toml:1: “logo” phải là đường dẫn tới một ảnh trong content/images, ví dụ “/images/logo.svg”, "
        "không phải “logo.png”",
        "site.toml:3: [images] “widths” phải là danh sách độ rộng từ 16 đến 4096 điểm ảnh, ví dụ [240, 480, 720, 1080, 1440]",
        "site.toml:4: [images] “quality” phải từ 1 đến 100",
        "site.toml:6: khóa không hợp lệ [publisher] “adress” (có phải ý bạn là: “address”?)",
    ]
    assert config_errors(tmp_path, 'logo = "/images/khong-co.svg"\n[images]\nwidths = ["640"]\n') == [
        "site.toml:1: không tìm thấy ảnh logo “/images/khong-co.svg” (tệp content/images/khong-co.svg)",
        "site.toml:3: [images] “widths” phải là một danh sách số nguyên, không phải [“640”]",
    ]


def test_a_text_value_pasted_huge_is_refused_at_its_line(tmp_path: Path):
    """A 10 MB title (a whole article pasted into site.toml) built 3.9 GB of pages for a 67-page
    site in 25 s: every page prints it. Values in a table and in lists too."""
    def text(description: int, address: int, host: int) -> str:
        return ('title = "Cổng"\nbase_url = "https://example.org/"\n'
                f'description = "{"Học tập. " * description}"\n[publisher]\naddress = "{"x" * address}"\n'
                f'[security]\niframe_hosts = ["www.youtube.com", "{"y" * host}"]\n')

    tail = (" ký tự, quá 5.000: giá trị này được in vào mọi trang, nên trang dựng ra sẽ rất nặng (có phải đã dán "
            "nhầm cả một bài vào đây?); hãy viết ngắn lại")
    assert config_errors(tmp_path, text(1_200_000, 5_001, 6_000)) == [
        "site.toml:3: “description” dài 10.800.000" + tail, "site.toml:5: [publisher] “address” dài 5.001" + tail,
        "site.toml:7: [security] “iframe_hosts” dài 6.000" + tail]
    config = load_config(write_site_toml(tmp_path, text(555, 5_000, 20)))
    assert len(config.publisher.address) == 5_000


@pytest.mark.parametrize("kind, what", [
    ("folder", "là một thư mục"), ("dangling", "là liên kết tượng trưng trỏ tới tệp không còn tồn tại"),
    ("fifo", "không phải tệp thường (một ống dẫn, thiết bị hay ổ cắm)")])
def test_a_site_toml_that_is_no_file_is_refused_not_taken_for_absent(tmp_path: Path, kind: str, what: str):
    """A site.toml that is a folder, a link to a moved file or a pipe was taken for no site.toml:
    the site was built and published with the defaults (another title, base_url localhost)."""
    import os
    path = tmp_path / "site.toml"
    {"folder": path.mkdir, "dangling": lambda: path.symlink_to(tmp_path / "da-chuyen" / "site.toml"),
     "fifo": lambda: os.mkfifo(path)}[kind]()
    with pytest.raises(BuildFailed) as info:
        load_config(tmp_path)
    assert [str(e) for e in info.value.errors] == [
        f"site.toml:1: “site.toml” {what}, không đọc được cấu hình trang; hãy đặt lại tệp site.toml (dựng với cấu hình "
        "mặc định sẽ ra một trang khác hẳn)"]


def test_a_bad_byte_in_site_toml_after_a_bom_is_named_where_it_is(tmp_path: Path):
    """A BOM is read as nothing; a bad byte after it is named at its own place and line (the
    "utf-8-sig" codec counted from after the BOM: "vị trí 17 (0x3d)", the "=" 3 places before)."""
    (tmp_path / "site.toml").write_bytes(b"\xef\xbb\xbftitle = \"A\"\nx = \"\xff\"\n")
    with pytest.raises(BuildFailed) as failed:
        load_config(tmp_path)
    assert [str(e) for e in failed.value.errors] == [
        "site.toml:2: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 20 (0xff); "
        "hãy lưu lại tệp với mã hóa UTF-8"]
    (tmp_path / "site.toml").write_bytes('\ufefftitle = "Bác"\n'.encode("utf-8"))
    assert load_config(tmp_path).title == "Bác"
