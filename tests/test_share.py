"""A shared link, a home-screen icon: pictures that Facebook, Zalo, iOS and Android take (PNG or JPEG,
not the theme's SVG). Every page has an og:image with its size and words; a page without a photo of its
own gets the site's share image (site.toml `share_image`, else the theme's); apple-touch-icon on every
page, and on the front page a web app manifest with the portal's Vietnamese name and icons of 192 and 512 px."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from generator.build import build
from generator.config import load_config
from generator.errors import BuildFailed, ConfigError

TITLE = "Cổng tin Đắk Lắk học tập và làm theo Bác"
BASE = "https://example.org/hoc-tap/"


def _site(root: Path, extra: str = "") -> Path:
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "images").mkdir(parents=True)
    (root / "site.toml").write_text(f'title = "{TITLE}"\nbase_url = "{BASE}"\n{extra}', encoding="utf-8")
    (root / "content" / "articles" / "khong-anh.md").write_text(
        '---\ntitle: "Bài không ảnh"\ndate: 2024-05-01\nprovince: ["Đắk Lắk"]\n---\n\nChữ.\n', encoding="utf-8")
    Image.new("RGB", (900, 600), "#336699").save(root / "content" / "images" / "hoi-nghi.jpg", "JPEG")
    (root / "content" / "articles" / "co-anh.md").write_text(
        '---\ntitle: "Bài có ảnh"\ndate: 2024-05-02\nimage:\n  src: /images/hoi-nghi.jpg\n'
        '  alt: "Hội nghị"\n---\n\nChữ.\n', encoding="utf-8")
    return root


def _meta(page: Path) -> dict[str, str]:
    head = page.read_text("utf-8").split("</head>", 1)[0]
    return {m[0] or m[1]: m[2] for m in re.findall(r'<meta (?:property="([^"]+)"|name="([^"]+)") content="([^"]*)"',
                                                   head)}


def _links(page: Path) -> dict[str, str]:
    head = page.read_text("utf-8").split("</head>", 1)[0]
    return {rel + (f" {sizes}" if sizes else ""): href for rel, href, sizes in
            re.findall(r'<link rel="([^"]+)" href="([^"]+)"(?: sizes="([^"]+)")?', head)}


def _file(out: Path, address: str) -> Path:
    assert address.startswith(BASE) or address.startswith("/hoc-tap/"), address
    return out / address.split("/hoc-tap/", 1)[1]


def _size(path: Path) -> tuple[str, tuple[int, int]]:
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        return image.format, image.size


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = _site(tmp_path_factory.mktemp("share") / "site")
    return build(root).output


def test_a_page_without_a_photo_is_shared_with_the_theme_image(built: Path):
    for page in ("index.html", "bai-viet/khong-anh/index.html", "tinh/index.html", "tim-kiem/index.html"):
        meta = _meta(built / page)
        assert (meta["og:image:width"], meta["og:image:height"], meta["og:image:alt"]) == ("1200", "630", TITLE), page
        assert meta["twitter:card"] == "summary_large_image", page
        assert re.fullmatch(re.escape(BASE) + r"assets/share\.[0-9a-f]{10}\.png", meta["og:image"]), meta
        assert _size(_file(built, meta["og:image"])) == ("PNG", (1200, 630))


def test_an_article_with_a_photo_is_shared_with_it_and_its_size(built: Path):
    meta = _meta(built / "bai-viet" / "co-anh" / "index.html")
    assert (meta["og:image"], meta["og:image:width"], meta["og:image:height"], meta["og:image:alt"]) == \
        (BASE + "images/hoi-nghi.jpg", "900", "600", "Hội nghị")
    assert meta["twitter:card"] == "summary_large_image"


def test_home_screen_icons_and_the_manifest(built: Path):
    links = _links(built / "index.html")
    assert _size(_file(built, links["apple-touch-icon"])) == ("PNG", (180, 180))
    assert links["manifest"] == "/hoc-tap/site.webmanifest"  # the front page's: Chrome fetches it with each page
    assert "manifest" not in _links(built / "bai-viet" / "khong-anh" / "index.html")
    assert _links(built / "bai-viet" / "khong-anh" / "index.html")["apple-touch-icon"] == links["apple-touch-icon"]
    assert _meta(built / "index.html")["theme-color"] == "#b3140f"
    manifest = json.loads((built / "site.webmanifest").read_text("utf-8"))
    assert (manifest["name"], manifest["lang"], manifest["start_url"]) == (TITLE, "vi", "/hoc-tap/")
    assert [(icon["sizes"], _size(_file(built, icon["src"]))) for icon in manifest["icons"]] == [
        ("192x192", ("PNG", (192, 192))), ("512x512", ("PNG", (512, 512)))]


def test_a_site_sets_its_own_share_image(tmp_path: Path):
    root = _site(tmp_path / "site", 'share_image = "/images/chia-se.png"\n')
    Image.new("RGB", (1200, 628), "#b3140f").save(root / "content" / "images" / "chia-se.png")
    out = build(root).output
    for page in ("index.html", "bai-viet/khong-anh/index.html"):
        meta = _meta(out / page)
        assert (meta["og:image"], meta["og:image:width"], meta["og:image:height"]) == \
            (BASE + "images/chia-se.png", "1200", "628"), page
        assert (out / "images" / "chia-se.png").is_file()
    assert _meta(out / "bai-viet" / "co-anh" / "index.html")["og:image"] == BASE + "images/hoi-nghi.jpg"


@pytest.mark.parametrize("value, message", [
    ("chia-se.png", "“share_image” phải là đường dẫn tới một ảnh trong content/images, ví dụ "
                    "“/images/anh-chia-se.png”, không phải “chia-se.png”"),
    ("/images/logo.svg", "ảnh chia sẻ “/images/logo.svg” phải là tệp JPEG hoặc PNG (Facebook, Zalo không nhận "
                         "ảnh SVG, WebP hay GIF làm ảnh xem trước)"),
    ("/images/khong-co.jpg", "không tìm thấy ảnh chia sẻ “/images/khong-co.jpg” (tệp content/images/khong-co.jpg)"),
])
def test_a_wrong_share_image_is_an_error_at_its_line(tmp_path: Path, value: str, message: str):
    root = _site(tmp_path / "site", f'share_image = "{value}"\n')
    (root / "content" / "images" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    with pytest.raises((BuildFailed, ConfigError)) as caught:
        load_config(root)
    errors = getattr(caught.value, "errors", [caught.value])
    assert [str(e) for e in errors] == [f"site.toml:3: {message}"]
