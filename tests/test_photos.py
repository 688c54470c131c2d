"""Responsive photos: copies made once per content, never enlarged, published beside the original,
offered in <picture>; an article's missing or unreadable photo is an error at its line."""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.build import Builder, build
from generator.incremental import CACHE_DIR
from generator.config import load_config
from generator.errors import BuildFailed
from generator.gallery import Gallery
from generator.photos import FOLDER, Photo, Variant, prepare
from generator.resize import make_copies
from generator.vietnamese import VN
from datetime import datetime

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=VN)
ARTICLE = """---
title: "Bài có ảnh"
date: 2024-05-01
province: Lào Cai
image:
  src: "{src}"
  alt: "Hội nghị"
---

Nội dung.

![Ảnh trong bài](/images/{body} "Chú thích")
"""


def jpeg(width: int, height: int, color=(163, 18, 13), exif_orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), color)
    for x in range(0, width, 7):  # some detail, so that sizes differ by width
        image.putpixel((x, (x * 3) % height), (255, 255, 255))
    out = io.BytesIO()
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        image.save(out, "JPEG", quality=80, exif=exif)
    else:
        image.save(out, "JPEG", quality=80)
    return out.getvalue()


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 90, 180, 128)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "images").mkdir()
    (root / "site.toml").write_text('title = "Thử"\nbase_url = "https://example.org/hoc-tap/"\n', encoding="utf-8")
    (root / "content" / "images" / "hoi-nghi.jpg").write_bytes(jpeg(1500, 1000))
    (root / "content" / "images" / "nho.png").write_bytes(png(500, 300))
    (root / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src="/images/hoi-nghi.jpg", body="nho.png"), encoding="utf-8")
    return root


def made_folders(root: Path) -> dict[str, int]:
    """The cache's folders of copies, with the inode of their metadata (a remade folder gets a new one)."""
    folder = root / CACHE_DIR / FOLDER
    return {p.name: (p / "meta.json").stat().st_ino for p in folder.iterdir() if p.is_dir()}


def test_copies_at_each_width_below_the_photo_in_webp_and_its_own_format(site: Path):
    out = build(site, now=NOW).output
    names = sorted(p.name for p in (out / "images").iterdir())
    assert names == ["hoi-nghi.1080.jpg", "hoi-nghi.1080.webp", "hoi-nghi.1440.jpg", "hoi-nghi.1440.webp",
                     "hoi-nghi.240.jpg", "hoi-nghi.240.webp", "hoi-nghi.480.jpg", "hoi-nghi.480.webp",
                     "hoi-nghi.720.jpg", "hoi-nghi.720.webp", "hoi-nghi.jpg",
                     # 500 wide: 240 and 480, then the photo's own width as WebP (the original PNG is the fallback)
                     "nho.240.png", "nho.240.webp", "nho.480.png", "nho.480.webp", "nho.500.webp", "nho.png"]
    for name, size in (("hoi-nghi.720.webp", (720, 480)), ("hoi-nghi.240.jpg", (240, 160)),
                       ("nho.500.webp", (500, 300)), ("nho.240.png", (240, 144))):
        with Image.open(out / "images" / name) as image:
            assert image.size == size, name
            assert image.format == {"webp": "WEBP", "jpg": "JPEG", "png": "PNG"}[name.rsplit(".", 1)[1]]
    with Image.open(out / "images" / "nho.240.png") as image:
        assert image.mode == "RGBA"  # transparency kept


def test_pages_offer_the_copies_with_sizes_and_no_layout_shift(site: Path):
    out = build(site, now=NOW).output
    page = (out / "bai-viet" / "co-anh" / "index.html").read_text(encoding="utf-8")
    # the article's own photo: not lazy, every width in srcset, the original's size
    assert ('<source type="image/webp" srcset="/hoc-tap/images/hoi-nghi.240.webp 240w, '
            '/hoc-tap/images/hoi-nghi.480.webp 480w, /hoc-tap/images/hoi-nghi.720.webp 720w, '
            '/hoc-tap/images/hoi-nghi.1080.webp 1080w, /hoc-tap/images/hoi-nghi.1440.webp 1440w"') in page
    assert ('<img src="/hoc-tap/images/hoi-nghi.720.jpg" srcset="/hoc-tap/images/hoi-nghi.240.jpg 240w, '
            '/hoc-tap/images/hoi-nghi.480.jpg 480w, /hoc-tap/images/hoi-nghi.720.jpg 720w, '
            '/hoc-tap/images/hoi-nghi.1080.jpg 1080w, /hoc-tap/images/hoi-nghi.1440.jpg 1440w"') in page
    lead = page.split('class="lead-image"')[1].split("</figure>")[0]
    assert 'width="1500" height="1000" alt="Hội nghị" fetchpriority="high" decoding="async">' in lead and "lazy" not in lead
    # a photo in the body: in a <picture> too, lazy, the original PNG as its widest fallback
    body = page.split('<div class="body">')[1]
    assert ('srcset="/hoc-tap/images/nho.240.png 240w, /hoc-tap/images/nho.480.png 480w, /hoc-tap/images/nho.png 500w"'
            in body
            and 'width="500" height="300" alt="Ảnh trong bài" loading="lazy" decoding="async"></picture>' in body)
    # the home page's card: the thumbnail of the same photo
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.count("/hoc-tap/images/hoi-nghi.240.webp 240w") == 1


def test_copies_are_made_once_per_content(site: Path):
    builder = Builder(site)
    builder.build(NOW)
    first = made_folders(site)
    assert len(first) == 2
    # Nothing changed: the folders stay (same inodes: not made again), the published copies are links to them.
    (site / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src="/images/hoi-nghi.jpg", body="nho.png") + "\nThêm.\n", encoding="utf-8")
    result = builder.build(NOW)
    assert made_folders(site) == first and not result.unchanged
    webp = site / "output" / "images" / "hoi-nghi.720.webp"
    cached = next((site / CACHE_DIR / FOLDER).glob("*/720.webp"))
    assert os.path.samefile(webp, cached)
    # A fresh build of a copy of the site (same bytes, other names) makes nothing: keyed by content.
    other = site.parent / "khac"
    shutil.copytree(site, other, ignore=shutil.ignore_patterns("output"))
    (other / "content" / "images" / "hoi-nghi.jpg").rename(other / "content" / "images" / "hop.jpg")
    (other / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src="/images/hop.jpg", body="nho.png"), encoding="utf-8")
    said: list[str] = []
    build(other, now=NOW, log=said.append)
    assert made_folders(other).keys() == first.keys() and not [s for s in said if "ảnh mới" in s], said
    assert (other / "output" / "images" / "hop.1080.webp").is_file()
    # Another photo under the same name: made again, the old copies pruned.
    (site / "content" / "images" / "hoi-nghi.jpg").write_bytes(jpeg(1200, 900, color=(20, 80, 40)))
    builder.build(NOW)
    now = made_folders(site)
    assert len(now) == 2 and now.keys() != first.keys() and set(now) & set(first)
    with Image.open(site / "output" / "images" / "hoi-nghi.1080.webp") as image:
        assert image.size == (1080, 810)
    assert not (site / "output" / "images" / "hoi-nghi.1440.webp").exists()  # never enlarged


def test_a_copy_changed_in_the_published_site_is_made_again_not_kept_in_the_cache(site: Path):
    """A published copy is a hard link to the cached one: emptied or rewritten in place in output/
    (an optimiser, a careless command), it used to stay broken in the cache and on the site, every
    later build saying "nothing changed"."""
    builder = Builder(site)
    builder.build(NOW)
    good = (site / "output" / "images" / "hoi-nghi.240.jpg").read_bytes()
    (site / "output" / "images" / "hoi-nghi.240.jpg").write_bytes(b"")        # truncated in place
    webp = site / "output" / "images" / "hoi-nghi.720.webp"
    with webp.open("r+b") as handle:                                            # same size, other bytes
        handle.write(b"\0" * 16)
    result = builder.build(NOW)
    assert not result.unchanged
    assert (site / "output" / "images" / "hoi-nghi.240.jpg").read_bytes() == good
    with Image.open(webp) as image:
        assert image.size == (720, 480)
    cached = next((site / CACHE_DIR / FOLDER).glob("*/240.jpg"))
    assert cached.read_bytes() == good
    assert builder.build(NOW).unchanged  # and then nothing to do again


def test_prepare_reads_unchanged_files_no_more(site: Path, monkeypatch):
    config = load_config(site)
    images = [(p, f"images/{p.name}", (p.stat().st_mtime_ns, p.stat().st_size))
              for p in sorted((site / "content" / "images").iterdir())]
    cache = site / CACHE_DIR
    assert prepare(config, images, [], cache).made == 2
    opened: list[Path] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    again = prepare(config, images, [], cache)
    assert again.made == 0 and len(again.photos) == 2
    assert not [p for p in opened if p.parent.name == "images"], opened  # no photo read, none hashed


def test_exif_orientation_is_applied(tmp_path: Path):
    source = tmp_path / "dung.jpg"
    source.write_bytes(jpeg(800, 600, exif_orientation=6))  # stored landscape, shown portrait
    meta = make_copies(source, tmp_path / "out", (320, 640, 960), 80)
    assert (meta["width"], meta["height"]) == (600, 800)
    assert [v[:2] for v in meta["variants"]] == [[320, 427], [600, 800]]
    with Image.open(tmp_path / "out" / "320.webp") as image:
        assert image.size == (320, 427)
    # a camera-sized photo is decoded at a reduced scale, never under the widest copy
    (tmp_path / "big.jpg").write_bytes(jpeg(4000, 3000))
    meta = make_copies(tmp_path / "big.jpg", tmp_path / "big", (320, 640, 960), 80)
    assert (meta["width"], meta["height"]) == (4000, 3000) and meta["variants"][-1][:2] == [960, 720]
    with Image.open(tmp_path / "big" / "960.jpg") as image:
        assert image.size == (960, 720)


@pytest.mark.parametrize("name, data, message", [
    ("hong.jpg", b"not an image at all",
     "ảnh “/images/hong.jpg” (khóa “image”) không phải tệp ảnh đọc được (JPEG, PNG hay WebP)"),
    ("gia.jpg", b"\xff\xd8\xff\xe0 not really a jpeg",
     "ảnh “/images/gia.jpg” (khóa “image”) bị hỏng hoặc không trọn vẹn, không đọc được"),
    ("cut.jpg", jpeg(900, 600)[:700],
     "ảnh “/images/cut.jpg” (khóa “image”) bị hỏng hoặc không trọn vẹn, không đọc được"),
    ("doi-ten.png", jpeg(100, 80),  # a JPEG under a .png name is still a photo we can read
     None),
])
def test_unreadable_photo_of_an_article_is_a_located_error(site: Path, name: str, data: bytes, message: str | None):
    (site / "content" / "images" / name).write_bytes(data)
    (site / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src=f"/images/{name}", body="nho.png"), encoding="utf-8")
    if message is None:
        build(site, now=NOW)
        return
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [f"content/articles/co-anh.md:5: {message}"]
    assert not (site / "output").exists()


def test_a_broken_photo_only_a_body_shows_is_an_error_at_the_file(site: Path):
    """Readers would get a broken picture: the file is reported (with the reason and what to
    do), every one in one run; a readable image of another kind is published as it is."""
    images = site / "content" / "images"
    (images / "vo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    buffer = io.BytesIO()
    Image.new("L", (20000, 20000), 200).save(buffer, "PNG")  # 400 million pixels in a small file
    (images / "khong-lo.png").write_bytes(buffer.getvalue())
    buffer = io.BytesIO()
    Image.new("P", (40, 30), 1).save(buffer, "GIF")
    (images / "dong.jpg").write_bytes(buffer.getvalue())  # a GIF under a .jpg name
    (site / "content" / "articles" / "than-bai.md").write_text(
        "---\ntitle: \"Ảnh trong thân bài\"\ndate: 2024-05-02\n---\n\n![Vỡ](/images/vo.jpg)\n\n"
        "![Lớn](/images/khong-lo.png)\n\n![GIF](/images/dong.jpg)\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        "content/images/khong-lo.png:1: ảnh quá lớn để xử lý (hơn 178 triệu điểm ảnh); hãy thu nhỏ ảnh rồi đưa lên lại",
        "content/images/vo.jpg:1: ảnh bị hỏng hoặc không trọn vẹn, không đọc được; hãy thay bằng ảnh JPEG, PNG hay "
        "WebP đọc được, hoặc xóa tệp",
    ]
    (images / "vo.jpg").unlink()
    (images / "khong-lo.png").unlink()
    out = build(site, now=NOW).output
    assert (out / "images" / "dong.jpg").read_bytes() == buffer.getvalue()


def test_a_file_named_as_a_copy_of_another_photo_is_an_error_at_the_file(site: Path):
    """A copy saved from the site and put back ("hoi-nghi.720.jpg"), or a camera's "x.480.jpg" beside
    "x.jpg": was "images/hoi-nghi.720.jpg: hai nguồn cùng ghi ra “images/hoi-nghi.720.jpg”: …",
    at no file an editor has, in no words an editor reads."""
    out = build(site, now=NOW).output
    before = {p.name: p.read_bytes() for p in (out / "images").iterdir()}
    images = site / "content" / "images"
    (images / "hoi-nghi.720.jpg").write_bytes(jpeg(720, 480, color=(0, 90, 0)))
    (images / "nho.240.webp").write_bytes((out / "images" / "nho.240.webp").read_bytes())
    (images / "nho.1440.jpg").write_bytes(jpeg(300, 200))  # nho.png has no 1440 copy: no clash
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        "content/images/hoi-nghi.720.jpg:1: tên tệp này trùng với tên bản thu nhỏ mà cổng tự tạo cho ảnh "
        "content/images/hoi-nghi.jpg; hãy đổi tên tệp, ví dụ “hoi-nghi-720.jpg”",
        "content/images/nho.240.webp:1: tên tệp này trùng với tên bản thu nhỏ mà cổng tự tạo cho ảnh "
        "content/images/nho.png; hãy đổi tên tệp, ví dụ “nho-240.webp”",
    ]
    assert {p.name: p.read_bytes() for p in (out / "images").iterdir()} == before
    (images / "hoi-nghi.720.jpg").rename(images / "hoi-nghi-720.jpg")
    (images / "nho.240.webp").unlink()
    out = build(site, now=NOW).output
    assert (out / "images" / "hoi-nghi-720.jpg").is_file() and (out / "images" / "nho.1440.jpg").is_file()


@pytest.mark.parametrize("name, mark, seen", [("hop#1.jpg", "#", "hop"), ("anh?moi.jpg", "?", "anh")])
def test_a_photo_whose_name_has_a_hash_or_question_mark_is_told_so(site: Path, name: str, mark: str, seen: str):
    """Was: 'không tìm thấy ảnh “/images/hop#1.jpg” …: không có tệp content/images/hop', beside the file."""
    (site / "content" / "images" / name).write_bytes(jpeg(300, 200))
    (site / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src=f"/images/{name}", body="nho.png"), encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        f"content/articles/co-anh.md:5: ảnh “/images/{name}” (khóa “image”): tên tệp có dấu “{mark}”, mà trong một "
        f"địa chỉ, phần từ dấu “{mark}” trở đi không thuộc tên tệp (trình duyệt sẽ tìm “/images/{seen}”); hãy đổi "
        f"tên tệp content/images/{name}, bỏ dấu “{mark}”"]


def test_missing_photos_are_all_reported_with_their_lines(site: Path):
    (site / "content" / "articles" / "thieu.md").write_text(
        "---\ntitle: \"Thiếu ảnh\"\ndate: 2024-05-02\nimage: /images/khong-co.jpg\n---\n\nNội dung.\n",
        encoding="utf-8")
    (site / "content" / "articles" / "ngoai.md").write_text(
        "---\ntitle: \"Ảnh ngoài thư mục\"\ndate: 2024-05-03\n\nimage:\n  src: /assets/logo.png\n---\n\nNội dung.\n",
        encoding="utf-8")
    (site / "content" / "articles" / "xa.md").write_text(  # on another site: not checked
        "---\ntitle: \"Ảnh trên trang khác\"\ndate: 2024-05-04\nimage: https://example.com/a.jpg\n---\n\nx\n",
        encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        "content/articles/ngoai.md:5: ảnh “/assets/logo.png” (khóa “image”) phải là một tệp trong thư mục "
        "content/images, ghi dạng “/images/tên-tệp.jpg”",
        "content/articles/thieu.md:4: không tìm thấy ảnh “/images/khong-co.jpg” (khóa “image”): không có tệp "
        "content/images/khong-co.jpg",
    ]


def test_a_missing_photo_is_reported_with_the_other_problems_of_its_file(site: Path):
    """An article with a bad date and a missing photo: both in one run (the photo was reported only
    once the date was mended, the article being unread)."""
    (site / "content" / "articles" / "hai-loi.md").write_text(
        "---\ntitle: \"Hai lỗi\"\ndate: 2024-13-01\nimage:\n  src: /images/khong-co.jpg\n  alt: \"Ảnh\"\n---\n\nx\n",
        encoding="utf-8")
    (site / "content" / "articles" / "yaml-hong.md").write_text(  # no front matter to look in: one error
        "---\ntitle: \"Hỏng\"\nimage: /images/khong-co.jpg\n\tx: 1\n---\n\nx\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    messages = [str(e) for e in info.value.errors]
    assert messages[:2] == [
        "content/articles/hai-loi.md:3: “date”: ngày “2024-13-01” không tồn tại (tháng phải từ 1 đến 12)",
        "content/articles/hai-loi.md:5: không tìm thấy ảnh “/images/khong-co.jpg” (khóa “image”): không có tệp "
        "content/images/khong-co.jpg",
    ]
    assert len([m for m in messages if m.startswith("content/articles/yaml-hong.md")]) == 1


def test_gallery_markup_for_photos_and_other_images(tmp_path: Path):
    config = load_config(tmp_path, base_url="https://example.org/hoc-tap/")
    photo = Photo(800, 600, (Variant(320, 240, "images/a.320.webp", "images/a.320.jpg"),
                             Variant(800, 600, "images/a.800.webp", "images/a.jpg")))
    gallery = Gallery(config, {"images/a.jpg": photo}, {"images/so-do.svg": (160, 100)})
    assert gallery.picture("/images/a.jpg", "Ảnh “đẹp”", "50vw", css="anh") == (
        '<picture class="anh"><source type="image/webp" srcset="/hoc-tap/images/a.320.webp 320w, '
        '/hoc-tap/images/a.800.webp 800w" sizes="50vw"><img src="/hoc-tap/images/a.jpg" '
        'srcset="/hoc-tap/images/a.320.jpg 320w, /hoc-tap/images/a.jpg 800w" sizes="50vw" width="800" height="600" '
        'alt="Ảnh “đẹp”" loading="lazy" decoding="async"></picture>')
    assert gallery.picture("/images/so-do.svg", "Sơ đồ", lazy=False) == (
        '<img src="/hoc-tap/images/so-do.svg" width="160" height="100" alt="Sơ đồ" fetchpriority="high" decoding="async">')
    assert gallery.picture("https://example.com/x.jpg", "") == (
        '<img src="https://example.com/x.jpg" alt="" loading="lazy" decoding="async">')
    assert gallery.absolute("/images/a.jpg") == "https://example.org/hoc-tap/images/a.jpg"
    assert gallery.size("/images/a.jpg") == (800, 600) and gallery.size("/images/x.jpg") is None
    body = ('<p><img src="/hoc-tap/images/a.jpg" alt="A" loading="lazy" decoding="async"></p>'
            '<img src="/hoc-tap/images/so-do.svg" alt="" loading="lazy" decoding="async">'
            '<img src="/hoc-tap/images/a.jpg" width="10" height="10" alt="">')
    out = gallery.body(body, "100vw", main="/images/a.jpg")
    assert out.startswith('<p><picture><source type="image/webp" ')
    assert 'width="800" height="600" alt="A" fetchpriority="high" decoding="async"></picture></p>' in out  # the main photo
    assert out.count("fetchpriority") == 1
    assert '<img src="/hoc-tap/images/so-do.svg" width="160" height="100" alt=""' in out
    assert out.endswith('<img src="/hoc-tap/images/a.jpg" width="10" height="10" alt="">')  # sized by the author
    # without a photo of its own, a first photo after at most one paragraph is the largest paint: fetched first,
    # wherever it is from; one further down, and every later one, lazy
    lazy = ' loading="lazy" decoding="async"'
    for before, first in (("", True), ("<p>Mở đầu.</p>", True), ("<p>Một.</p><p>Hai.</p>", False)):
        for src in ("/hoc-tap/images/a.jpg", "https://example.com/x.jpg"):
            out = gallery.body(f'{before}<p><img src="{src}" alt="A"{lazy}></p><img src="{src}" alt="B"{lazy}>')
            assert ('alt="A" fetchpriority="high" decoding="async">' in out) is first, out
            assert out.count("fetchpriority") == first and out.count("lazy") == 2 - first, out
    # the digest changes with what the gallery knows (pages using it are rendered again)
    other = Gallery(config, {"images/a.jpg": photo}, {"images/so-do.svg": (161, 100)})
    assert repr(other) != repr(gallery) and repr(gallery) == repr(Gallery(config, {"images/a.jpg": photo},
                                                                         {"images/so-do.svg": (160, 100)}))


def test_a_photo_too_long_for_webp_is_published_as_it_is(site: Path):
    """An 800 × 20000 infographic: its copies would be taller than WebP allows (16383), and the
    build stopped with a traceback. Now the page shows the original; as an article's own photo
    (a card's thumbnail) it is refused at the line of `image`."""
    images = site / "content" / "images"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 20000), (200, 30, 30)).save(buffer, "PNG")
    (images / "dai.png").write_bytes(buffer.getvalue())
    (site / "content" / "articles" / "than-bai.md").write_text(
        "---\ntitle: \"Ảnh dài\"\ndate: 2024-05-02\n---\n\n![Dài](/images/dai.png)\n", encoding="utf-8")
    out = build(site, now=NOW).output
    assert (out / "images" / "dai.png").read_bytes() == buffer.getvalue()
    assert not list((out / "images").glob("dai.*.webp"))
    page = next((out / "bai-viet").glob("*/index.html")).read_text(encoding="utf-8")
    assert '<img src="/hoc-tap/images/dai.png" width="800" height="20000" alt="Dài"' in page
    (site / "content" / "articles" / "co-anh.md").write_text(
        ARTICLE.format(src="/images/dai.png", body="nho.png"), encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        "content/articles/co-anh.md:5: ảnh “/images/dai.png” (khóa “image”) quá dài (800 × 20000 điểm ảnh: bản thu "
        "nhỏ sẽ cao hơn 16383 điểm ảnh, mức WebP cho phép), không dùng làm ảnh đại diện được; hãy cắt ảnh ngắn lại"]


def test_a_16_bit_grey_png_keeps_its_tones(tmp_path: Path):
    """Pillow opens a 16-bit grey PNG as I;16 and converting it to RGB clips every value over 255:
    the copies of a dark-to-light gradient came out white. Now they keep its tones."""
    ramp = Image.linear_gradient("L").resize((1200, 256)).convert("I").point(lambda v: v * 257)
    source = tmp_path / "xam16.png"
    ramp.convert("I;16").save(source)
    with Image.open(source) as image:
        assert image.mode == "I;16"
    meta = make_copies(source, tmp_path / "out", (320, 640), 80)
    assert meta["variants"][0][:2] == [320, 68]
    with Image.open(tmp_path / "out" / "320.png") as copy:
        low, high = copy.convert("L").getextrema()
        assert low < 10 and high > 245
        assert 100 < copy.convert("L").resize((1, 1), Image.BOX).getpixel((0, 0)) < 160  # mid-grey on average


def test_pillow_warnings_stay_out_of_the_build_output(tmp_path: Path):
    """An orientation tag of two values and a photo of 90-178 million pixels made Pillow print
    Python warnings (English, with its file paths) into the editor's terminal. Now none reach it."""
    import warnings
    source = tmp_path / "hai-gia-tri.jpg"
    exif = Image.Exif()
    exif[0x0112] = (6, 6)
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 20, 30)).save(buffer, "JPEG", exif=exif)
    source.write_bytes(buffer.getvalue())
    big = tmp_path / "lon.png"
    Image.new("L", (10000, 9500), 200).save(big)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert make_copies(source, tmp_path / "a", (320,), 80)["variants"][0][:2] == [320, 427]  # read as 6
        assert make_copies(big, tmp_path / "b", (320,), 80)["variants"][0][:2] == [320, 304]
    assert [str(w.message) for w in caught] == []


def test_a_body_photo_with_a_vietnamese_name_gets_its_copies(site: Path):
    """Markdown writes ![](/images/ảnh-hội-nghị.jpg) as src="/hoc-tap/images/%E1%BA%A3nh-…": the
    lookup used the encoded name, so such photos (most of a Vietnamese newsroom's) were shown as the
    full-size original with no size (a phone downloaded it whole, the page jumped). Now a <picture>."""
    (site / "content" / "images" / "ảnh-hội-nghị.jpg").write_bytes(jpeg(1500, 1000))
    (site / "content" / "articles" / "than-bai.md").write_text(
        "---\ntitle: \"Ảnh tên tiếng Việt\"\ndate: 2024-05-02\n---\n\n![Hội nghị](/images/ảnh-hội-nghị.jpg)\n",
        encoding="utf-8")
    out = build(site, now=NOW).output
    page = (out / "bai-viet" / "than-bai" / "index.html").read_text(encoding="utf-8")
    img = next(tag for tag in page.split("<img")[1:] if 'alt="Hội nghị"' in tag)
    assert 'width="1500" height="1000"' in img and "ảnh-hội-nghị.720.jpg 720w" in img
    assert (out / "images" / "ảnh-hội-nghị.720.webp").is_file()


def test_a_photo_named_in_another_case_is_told_so(site: Path):
    """Was: 'không có tệp content/images/Hoi-Nghi.JPG' beside hoi-nghi.jpg, which an editor's Mac or
    Windows preview showed: the web server tells the case apart, the editor's disk does not."""
    (site / "content" / "articles" / "hoa.md").write_text(
        "---\ntitle: \"Chữ hoa\"\ndate: 2024-05-02\nimage: /images/Hoi-Nghi.JPG\n---\n\nNội dung.\n", encoding="utf-8")
    (site / "content" / "articles" / "loi.md").write_text(  # unread (bad date): its photo is looked for too
        "---\ntitle: \"Lỗi\"\ndate: 2024-13-02\nimage: /images/NHO.png\n---\n\nNội dung.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(site, now=NOW)
    messages = [str(e) for e in info.value.errors]
    assert ("content/articles/hoa.md:4: không tìm thấy ảnh “/images/Hoi-Nghi.JPG” (khóa “image”): không có tệp "
            "content/images/Hoi-Nghi.JPG, chỉ có content/images/hoi-nghi.jpg khác chữ hoa, chữ thường; máy chủ web "
            "phân biệt chữ hoa, chữ thường trong tên tệp, hãy viết tên đúng như tên tệp") in messages
    assert ("content/articles/loi.md:4: không tìm thấy ảnh “/images/NHO.png” (khóa “image”): không có tệp "
            "content/images/NHO.png, chỉ có content/images/nho.png khác chữ hoa, chữ thường; máy chủ web "
            "phân biệt chữ hoa, chữ thường trong tên tệp, hãy viết tên đúng như tên tệp") in messages
