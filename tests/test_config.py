"""site.toml: typed values, every problem at once, suggestions, CLI overrides."""
from pathlib import Path

import pytest

from generator.config import load_config
from generator.errors import BuildFailed


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "site.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_without_site_toml(tmp_path: Path):
    config = load_config(tmp_path)
    assert (config.language, config.timezone, config.urls.province, config.base_path) == \
        ("vi", "Asia/Ho_Chi_Minh", "tinh/{slug}/", "/")


def test_all_errors_together_with_suggestions(tmp_path: Path):
    write(tmp_path, 'titel = "x"\nper_page = "mười"\nbase_url = "example.org"\n[feeds]\nsize = 0\nsise = 3\n')
    with pytest.raises(BuildFailed) as info:
        load_config(tmp_path)
    assert [str(e) for e in info.value.errors] == [
        "site.toml:1: khóa không hợp lệ “titel” (có phải ý bạn là: “title”?)",
        "site.toml:2: “per_page” phải là một số nguyên, không phải 'mười'",
        "site.toml:3: “base_url” phải là địa chỉ đầy đủ có http:// hoặc https://, ví dụ “https://example.org/”, "
        "không phải “example.org”",
        "site.toml:5: [feeds] “size” phải lớn hơn 0",
        "site.toml:6: khóa không hợp lệ [feeds] “sise” (có phải ý bạn là: “size”?)",
    ]


def test_cli_overrides_win_and_are_validated(tmp_path: Path):
    write(tmp_path, 'base_url = "https://a.example/"\n')
    config = load_config(tmp_path, base_url="https://b.example/hoc-tap", output_dir="public", drafts=True)
    assert (config.base_url, config.base_path, config.output_dir, config.drafts) == \
        ("https://b.example/hoc-tap", "/hoc-tap/", "public", True)
    with pytest.raises(BuildFailed):
        load_config(tmp_path, base_url="ftp://x")


def test_url_patterns_are_checked(tmp_path: Path):
    write(tmp_path, '[urls]\narticle = "/tin/"\n')
    with pytest.raises(BuildFailed) as info:
        load_config(tmp_path)
    assert [str(e) for e in info.value.errors] == [
        "site.toml:2: [urls] “article” phải chứa {slug}",
        "site.toml:2: [urls] “article” phải là đường dẫn tương đối kết thúc bằng “/”, ví dụ “bai-viet/{slug}/”",
    ]


def test_fingerprint_follows_values(tmp_path: Path):
    a = load_config(write(tmp_path, "per_page = 10\n")).fingerprint()
    b = load_config(write(tmp_path, "per_page = 11\n")).fingerprint()
    assert a != b
