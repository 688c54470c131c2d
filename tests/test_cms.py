"""The web editing interface (generator/cms): config.yml from the registries, the published admin/
folder, the vendored npm files, the front-matter format the CMS writes, and the local backend.

The CMS in a real browser is tests/test_cms_browser.py.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import Phase, given, settings, strategies as st

from conftest import NODE_TOOLS, NOW, ROOT, config_errors, copy_project, need, write_site_toml
from generator.build import build
from generator.check import run_check
from generator.cli import main
from generator.cms import admin, vendor
from generator.cms.backend import IMAGE_EXTENSIONS, MAX_ARTICLE, LocalBackend
from generator.cms.keep import lost_in_save
from generator.cms.review import reviewer
from generator.cms.schema import (MAX_UPLOAD, Folders, cms_config, config_yaml, existing_tags, folders,
                                  province_options)
from generator.config import Cms, load_config
from generator.content import ReadSettings, read_article
from generator.fields import ARTICLE_FIELDS
from generator.errors import BuildFailed, ConfigError
from generator.frontmatter import decode, split, visible
from generator.taxonomy import load_registries
from generator.vietnamese import MAX_SLUG, slugify
from generator.vietnamese import normalize

PINS = json.loads((NODE_TOOLS / "package.json").read_text(encoding="utf-8"))["devDependencies"]
HARNESS = ROOT / "tests" / "js" / "cms_harness.js"
JPEG = (ROOT / "content" / "images" / "hcm1.jpg").read_bytes()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The repository's own site ([cms] on) in a fresh folder."""
    return copy_project(tmp_path / "site")


def loaded(root: Path):
    config = load_config(root)
    return config, load_registries(config.path(config.data_dir), config.root)


def every_field(fields: list[dict]):
    for field in fields:
        yield field
        yield from every_field(field.get("fields", []))


def article_collection(data: dict) -> dict:
    (collection,) = data["collections"]
    return collection


def field_named(data: dict, name: str) -> dict:
    return next(f for f in article_collection(data)["fields"] if f["name"] == name)


# --- config.yml ---------------------------------------------------------------------------------

def test_every_province_is_an_option_with_its_2025_unit():
    config, registries = loaded(ROOT)
    options = province_options(registries)
    assert sorted(o["value"] for o in options) == sorted(p.name for p in registries.provinces)
    assert len(options) == 63
    labels = {o["value"]: o["label"] for o in options}
    assert labels["Hà Giang"] == "Hà Giang (từ 2025 thuộc Tuyên Quang)"
    assert labels["Tuyên Quang"] == "Tuyên Quang (từ 2025 gồm Tuyên Quang, Hà Giang)"
    assert labels["Thừa Thiên Huế"] == "Thừa Thiên Huế (từ 2025 là Huế)"
    assert labels["Cao Bằng"] == "Cao Bằng"  # not merged
    assert labels["Bình Dương"] == "Bình Dương (từ 2025 thuộc TP. Hồ Chí Minh)"
    assert labels["TP. Hồ Chí Minh"] == "TP. Hồ Chí Minh (từ 2025 gồm TP. Hồ Chí Minh, Bà Rịa - Vũng Tàu, Bình Dương)"
    # Every one of the 34 units of 2025 can be found by its name among the labels.
    units = {p.merged_into_2025 for p in registries.provinces}
    assert len(units) == 34
    assert all(any(unit in label for label in labels.values()) for unit in units)
    # Vietnamese alphabetical order: Đ between D and E, not after Y as in code point order.
    values = [o["value"] for o in options]
    assert values.index("Cao Bằng") < values.index("Đà Nẵng") < values.index("Điện Biên") \
        < values.index("Đồng Tháp") < values.index("Gia Lai") < values.index("Yên Bái")


def test_a_directive_label_leads_with_the_joined_form_spellings_gives():
    """The label's "CT05" is spellings.joined_form (name_forms' kind-before-number form, in the symbol's
    own letters), not a regex of its own."""
    from generator.spellings import joined_form
    assert [joined_form(s) for s in ("05-CT/TW", "144-QĐ/TW", "5-CT/TW", "Hướng dẫn 12")] == ["CT05", "QĐ144", "CT5", ""]


def test_an_unreadable_article_is_explained_in_vietnamese_with_its_line():
    """Decap opens an article fromFile cannot read as an empty form, its error (js-yaml's, in English)
    in the console only: the notice lamtheobac-cms.js shows says why, at which line of the file."""
    texts = ['---\ntitle: "a"\ntitle: "b"\n---\nx\n', '---\ntitle: "a"\nimage:\n\tsrc: b\n---\n',
             '---\n- a\n---\n', '---\ntitle: "a"\n---\nx\n']
    out = run_js([{"op": "unreadable", "text": t, "name": "bai.md"} for t in texts])
    tail = (". Vì thế các ô bên dưới để trống. Đừng lưu bài này ở đây (sẽ ghi mất nội dung cũ): hãy sửa tệp bằng "
            "trình soạn thảo văn bản (hoặc nhờ người quản trị) rồi tải lại trang.")
    head = "Không đọc được phần thông tin đầu bài của bài “bai.md”"
    assert [o["ok"] for o in out] == [head + " (lỗi ở dòng 3): một khóa được viết hai lần" + tail,
                                      head + " (lỗi ở dòng 4): có ký tự tab; hãy thụt lề bằng dấu cách" + tail,
                                      head + ": phần thông tin đầu bài phải là các dòng “khóa: giá trị”" + tail, None]


def test_the_selects_find_a_name_by_the_spellings_the_build_reads():
    """Decap's select matched its labels only; lamtheobac-cms.js names the option a typed text spells."""
    cases = [("directives", "Chỉ thị 5", "05-CT/TW"), ("directives", "5-CT", "05-CT/TW"), ("directives", "ct 5", "05-CT/TW"),
             ("directives", "05-CT/TW", ""), ("directives", "Chỉ thị 999", ""), ("province", "Sài Gòn", "TP. Hồ Chí Minh"),
             ("province", "sai gon", "TP. Hồ Chí Minh"), ("province", "Kontum", "Kon Tum"), ("province", "  ", "")]
    out = run_js([{"op": "spelledOption", "kind": k, "text": t} for k, t, _ in cases])
    assert [o["ok"] for o in out] == [want for _, _, want in cases]


def test_decaps_vietnamese_is_written_in_the_sites_tone_style():
    """Decap's "vi" locale writes "Xoá mục này", "thuỷ" (the mark on the final "oa", "uy"'s second vowel)
    beside this project's "Xóa", "Hòa Bình": its phrases are given the site's style; "quý", "quả",
    "hoàn", "Huế", "khuya" are no such final pair and stay."""
    value = {"a": "Xoá mục này", "b": {"c": "Uỷ ban, thuỷ điện Hoà Bình, hoạ sĩ, Xoè, QUÝ, quý, quả, hoàn chỉnh, Huế, khuya"},
             "n": 3}
    (out,) = run_js([{"op": "toneStyled", "value": value}])
    assert out["ok"] == {"a": "Xóa mục này", "b": {"c": "Ủy ban, thủy điện Hòa Bình, họa sĩ, Xòe, QUÝ, quý, quả, "
                                                      "hoàn chỉnh, Huế, khuya"}, "n": 3}


def test_every_directive_is_an_option_with_symbol_and_title():
    config, registries = loaded(ROOT)
    data = cms_config(replace(config, cms=Cms()), registries, [])
    options = field_named(data, "directives")["options"]
    assert [o["value"] for o in options] == [d.symbol for d in registries.directives]
    for option, directive in zip(options, registries.directives):
        # led by the forms editors type ("Chỉ thị 05 · CT05 · "): the select finds what its labels hold
        kind = directive.symbol.split("-", 1)[1].split("/", 1)[0]
        lead = f"{directive.type} {directive.number} · {kind}{directive.number} · "
        assert option["label"].startswith(f"{lead}{directive.symbol} ({directive.date.year}): "), option["label"]
        assert directive.title in option["label"]
    assert field_named(data, "directives")["multiple"] is True
    assert field_named(data, "province")["multiple"] is True


def test_fields_are_the_front_matter_the_build_reads():
    config, registries = loaded(ROOT)
    fields = article_collection(cms_config(config, registries, []))["fields"]
    names = [f["name"] for f in fields]
    # "aliases" is kept by the backend from the file (cms/renames.py), never edited in the form
    assert set(names) == (set(ARTICLE_FIELDS) - {"aliases"}) | {"body"}
    widgets = {f["name"]: f["widget"] for f in fields}
    assert widgets == {"title": "string", "slug": "string", "date": "lamtheobac-datetime", "summary": "text", "province": "select",
                       "directives": "select", "tags": "lamtheobac-tags", "author": "string", "source": "list",
                       "image": "list", "updated": "lamtheobac-datetime", "draft": "boolean",
                       "date_estimated": "boolean", "body": "markdown"}
    # A zone with summer time has no one offset to write: Decap's widget, in the browser's zone.
    summer = article_collection(cms_config(replace(config, timezone="Europe/Paris"), registries, []))["fields"]
    assert {f["name"]: f["widget"] for f in summer if f["name"] in ("date", "updated")} == \
        {"date": "datetime", "updated": "datetime"}
    assert [f["name"] for f in field_named({"collections": [{"fields": fields}]}, "image")["fields"]] == \
        ["src", "alt", "caption"]
    image = {f["name"]: f for f in field_named({"collections": [{"fields": fields}]}, "image")["fields"]}
    assert all(image[name]["required"] for name in ("src", "alt", "caption"))
    assert field_named({"collections": [{"fields": fields}]}, "image")["max"] == 1
    assert field_named({"collections": [{"fields": fields}]}, "date")["default_now"] is True
    assert field_named({"collections": [{"fields": summer}]}, "date")["format"] == \
        "YYYY-MM-DDTHH:mm:ssZ"


def test_labels_and_hints_are_in_vietnamese():
    config, registries = loaded(ROOT)
    data = cms_config(config, registries, [])
    collection = article_collection(data)
    texts = [collection["label"], collection["description"]]
    for field in every_field(collection["fields"]):
        texts += [field["label"], field.get("hint", "Có")]
    english = [t for t in texts if t.isascii()]  # every Vietnamese phrase here has a diacritic
    assert english == []
    assert data["locale"] == "vi"


def test_config_yml_is_the_yaml_of_the_mapping(project: Path):
    config, registries = loaded(project)
    data = cms_config(config, registries, ["nêu gương"])
    text = config_yaml(data).decode("utf-8")
    assert text.startswith("# Sinh tự động bởi lamtheobac")
    assert yaml.safe_load(text) == data
    collection = article_collection(data)
    assert (collection["folder"], data["media_folder"], data["public_folder"]) == \
        ("content/articles", "content/images", "/images")
    assert collection["format"] == "lamtheobac-md" and collection["extension"] == "md"
    assert data["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert collection["preview_path"] == "bai-viet/{{slug}}/"
    assert data["backend"]["name"] == "git-gateway" and "local_backend" not in data
    local = cms_config(config, registries, [], local_url="http://127.0.0.1:8000/api/v1",
                       site_url="http://127.0.0.1:8000/")
    assert local["local_backend"] == {"url": "http://127.0.0.1:8000/api/v1"}
    assert local["site_url"] == "http://127.0.0.1:8000/" and local["publish_mode"] == "simple"


def test_existing_tags_are_suggested_once_per_identity():
    config, registries = loaded(ROOT)
    tags = existing_tags(registries, ["Hoà Bình mới", "Hòa Bình mới", "nêu gương", "  ", "chuyển đổi số"])
    assert tags.count("nêu gương") == 1
    assert sum(t in ("Hoà Bình mới", "Hòa Bình mới") for t in tags) == 1
    assert {t.name for t in registries.tags} <= set(tags)
    assert "chuyển đổi số" in tags and "" not in tags and "  " not in tags


def test_cms_section_is_typed(tmp_path: Path):
    assert config_errors(tmp_path, '[cms]\nbackend = "github"\npublish_mod = "simple"\nbranch = "a b"\n'
                                   'enabled = "có"\n') == [
        "site.toml:2: [cms] backend “github” cần “repo” dạng “chủ/tên-kho”, ví dụ repo = \"ban-tuyen-giao/lamtheobac\"",
        "site.toml:3: khóa không hợp lệ [cms] “publish_mod” (có phải ý bạn là: “publish_mode”?)",
        "site.toml:4: [cms] “branch” không phải tên nhánh Git hợp lệ: “a b”",
        "site.toml:5: [cms] “enabled” phải là true hoặc false, không phải “có”",
    ]
    assert config_errors(tmp_path, '[cms]\nbackend = "gitea"\n') == [
        "site.toml:2: [cms] “backend” phải là một trong git-gateway, github, gitlab, không phải “gitea” "
        "(có phải ý bạn là: “gitlab”?)"]
    assert config_errors(tmp_path, 'cms = true\n') == ["site.toml:1: “cms” phải là một bảng [cms]"]
    assert load_config(write_site_toml(tmp_path, '[cms]\nbackend = "github"\nrepo = "ban/lamtheobac"\n')).cms == \
        Cms(backend="github", repo="ban/lamtheobac")
    assert load_config(write_site_toml(tmp_path, 'title = "x"\n')).cms is None


def test_cms_settings_are_part_of_the_config_fingerprint(tmp_path: Path):
    prints = []
    for text in ("", "[cms]\n", '[cms]\nbranch = "xuat-ban"\n', "[cms]\nenabled = false\n"):
        (tmp_path / "site.toml").write_text(text, encoding="utf-8")
        prints.append(load_config(tmp_path).fingerprint())
    assert len(set(prints)) == 4


def test_folders_outside_the_project_are_refused(tmp_path: Path):
    (tmp_path / "site").mkdir()
    assert config_errors(tmp_path / "site", f'images_dir = "{tmp_path / "anh"}"\n[cms]\n') == [
        f"site.toml:1: [cms] cần “images_dir” nằm trong thư mục dự án: giao diện biên tập chỉ sửa được tệp trong "
        f"kho, không phải “{tmp_path / 'anh'}”"]
    (tmp_path / "site" / "site.toml").write_text(f'images_dir = "{tmp_path / "anh"}"\n', encoding="utf-8")
    config = load_config(tmp_path / "site")  # without [cms] any folder will do
    with pytest.raises(ConfigError):
        folders(replace(config, cms=Cms()))
    assert folders(replace(config, images_dir="content/images")) == Folders("content/articles", "content/images",
                                                                            "bai-viet/{slug}/", "content/files")


# --- what the build publishes -------------------------------------------------------------------

def test_build_publishes_the_admin_folder(project: Path):
    result = build(project, now=NOW)
    out = result.output / "admin"
    published = sorted(p.name for p in out.iterdir())
    assert published == sorted(["index.html", "config.yml", *admin.script_names(identity=True)])
    for name in admin.script_names(identity=True):
        assert (out / name).read_bytes() == admin.script(name), name
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "</head>" not in page  # the preview's live-reload script is inserted before </head>: not here
    assert page.index("netlify-identity-widget.js") < page.index("decap-cms.js") < page.index("lamtheobac-cms.js")
    assert "http" not in re.sub(r'href="data:,"', "", page.split("<body>")[0] + "".join(
        re.findall(r'<script src="[^"]*"', page)))  # every script from this folder, none from a CDN
    config = yaml.safe_load((out / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "git-gateway" and "local_backend" not in config
    tags = field_named(config, "tags")["suggestions"]
    assert "học tập chuyên đề" in tags  # a tag the bundled articles use, not in the registry
    sitemap = (result.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "admin" not in sitemap



@pytest.mark.parametrize("base", ["/", "/hoc-tap/"])
def test_the_admin_page_gives_the_preview_the_stylesheet_the_build_published(project: Path, base: str):
    """The preview pane had Decap's CSS: the admin page names the site's fingerprinted stylesheet (the
    one the article pages link) for registerPreviewStyle, under the site's base path."""
    toml = project / "site.toml"
    toml.write_text(re.sub(r'(?m)^base_url = .*$', f'base_url = "https://example.org{base}"',
                           toml.read_text(encoding="utf-8")), encoding="utf-8")
    out = build(project, now=NOW).output
    page = (out / "admin" / "index.html").read_text(encoding="utf-8")
    terms = json.loads(re.search(r'id="lamtheobac-terms">(.*?)</script>', page).group(1).replace("<\\/", "</"))
    article = next((out / "bai-viet").glob("*/index.html")).read_text(encoding="utf-8")
    linked = re.findall(r'<link rel="stylesheet" href="([^"]+)"', article)
    assert terms["styles"] == linked and len(linked) == 1 and linked[0].startswith(base + "assets/style.")
    assert terms["base"] == base  # the preview places the body's "/files/…" links under it, as the build does
    assert (out / linked[0][len(base):]).is_file()
    assert terms["iframe_hosts"] == list(load_config(project).security.iframe_hosts)
    assert terms["labels"]["directives"]["05-CT/TW"] == "Chỉ thị số 05-CT/TW"  # as the article page names it

def test_no_cms_section_publishes_nothing_and_removing_it_removes_admin(project: Path):
    out = build(project, now=NOW).output
    assert (out / "admin" / "decap-cms.js").is_file()
    toml = (project / "site.toml").read_text(encoding="utf-8")
    (project / "site.toml").write_text(toml.replace("[cms]\n", "[cms]\nenabled = false\n"), encoding="utf-8")
    result = build(project, now=NOW)
    assert not result.unchanged and not (out / "admin").exists()
    (project / "site.toml").write_text(toml.split("[cms]")[0], encoding="utf-8")
    build(project, now=NOW)
    assert not (out / "admin").exists()


def test_rebuilds_follow_tags_and_the_vendored_application(project: Path, monkeypatch):
    build(project, now=NOW)
    assert build(project, now=NOW).unchanged
    article = project / "content" / "articles" / "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md"
    article.write_text(article.read_text(encoding="utf-8").replace('"doanh nghiệp"', '"chủ đề mới toanh"'),
                       encoding="utf-8")
    out = build(project, now=NOW).output
    tags = field_named(yaml.safe_load((out / "admin" / "config.yml").read_text("utf-8")), "tags")["suggestions"]
    assert "chủ đề mới toanh" in tags
    assert build(project, now=NOW).unchanged
    # An upgraded Decap: a new manifest (fingerprint) and new bytes are published, even by a patching build.
    upgraded = admin.script("decap-cms.js") + b"\n// 3.17"
    monkeypatch.setattr(vendor, "fingerprint", lambda: "another-version")
    monkeypatch.setattr(admin, "script", lambda name, old=admin.script: upgraded if name == "decap-cms.js" else old(name))
    assert not build(project, now=NOW).unchanged
    assert (out / "admin" / "decap-cms.js").read_bytes() == upgraded


def test_reserved_admin_path_collides_loudly(project: Path):
    (project / "content" / "pages" / "admin.md").write_text("---\ntitle: Quản trị\n---\n\nx\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(project, now=NOW)
    assert [str(e) for e in info.value.errors] == [
        "content/pages/admin.md:1: đường dẫn “admin” trùng với đường dẫn dành riêng của cổng (admin, assets, "
        "bai-viet, chu-de, don-vi-2025, files, images, nam, tim-kiem, tinh, trang, van-ban); hãy đặt “slug” khác"]


# --- the vendored application -------------------------------------------------------------------

def test_manifest_names_every_vendored_file_with_its_digest():
    files = vendor.files()
    assert {f.package for f in files} == {"decap-cms", "netlify-identity-widget", "js-yaml"}
    on_disk = {p.relative_to(vendor.VENDOR_DIR).as_posix() for p in vendor.VENDOR_DIR.rglob("*")
               if p.is_file() and p.name != "manifest.json"}
    assert on_disk == {f"{f.package}/{f.name}" for f in files}
    for f in files:
        assert hashlib.sha256(f.path.read_bytes()).hexdigest() == f.sha256, f.name
    for package, entry in vendor.manifest()["packages"].items():
        assert entry["version"] == PINS[package]
        assert entry["integrity"].startswith("sha512-")


def test_vendored_files_equal_the_pinned_npm_packages():
    modules = NODE_TOOLS / "node_modules"
    need((modules / "decap-cms").is_dir(), "tests/node/node_modules (cd tests/node && npm ci)")
    for f in vendor.files():
        installed = json.loads((modules / f.package / "package.json").read_text(encoding="utf-8"))
        assert installed["version"] == vendor.version(f.package) == PINS[f.package]
        assert (modules / f.package / f.source).read_bytes() == f.path.read_bytes(), f"{f.package}/{f.source}"


def test_a_damaged_vendored_file_is_refused(tmp_path: Path, monkeypatch):
    copy = tmp_path / "vendor"
    shutil.copytree(vendor.VENDOR_DIR, copy)
    target = copy / "js-yaml" / "js-yaml.umd.min.js"
    target.write_bytes(target.read_bytes() + "\n// sửa tay".encode())
    monkeypatch.setattr(vendor, "VENDOR_DIR", copy)
    vendor.read.cache_clear()
    try:
        with pytest.raises(OSError) as info:
            vendor.read("js-yaml.umd.min.js")
        assert "sha256 không khớp" in str(info.value)
    finally:
        vendor.read.cache_clear()


# --- the front matter the CMS writes (lamtheobac-cms.js under node) -------------------------------

def run_js(cases: list[dict], terms: dict | None = None) -> list:
    need(shutil.which("node") is not None, "node (apt-get install nodejs)")
    need((NODE_TOOLS / "node_modules" / "js-yaml").is_dir(), "tests/node/node_modules (cd tests/node && npm ci)")
    if terms is None:
        config, registries = loaded(ROOT)
        terms = json.loads(admin.terms_json(config, registries).replace("<\\/", "</"))
    done = subprocess.run(["node", str(HARNESS)], input=json.dumps({"terms": terms, "cases": cases}),
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "NODE_PATH": str(NODE_TOOLS / "node_modules")})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def written(data: dict, order: list[str] | None = None) -> str:
    (result,) = run_js([{"op": "toFile", "data": data, "order": order or list(ARTICLE_FIELDS) + ["body"]}])
    assert "ok" in result, result
    return result["ok"]


TRICKY = ["yes", "No", "on", "OFF", "y", "~", "null", "true", "12:30", "1_000", "0o17", "012", "0x1F", ".5",
          "- gạch đầu dòng", "a: b", "#không phải chú thích", "'nháy đơn'", '"nháy kép"', "\\", "{a}", "[b]",
          "*sao", "&neo", "!thẻ", "%phần trăm", "@a", "`b`", "dòng một\ndòng hai", "tab\tgiữa",
          "Học\u2028tập", "NEL\x85", "BOM\ufeff", "emoji 🇻🇳", "Hoa\u0300 Bi\u0300nh", "2024-05-19", " cách ",
          "#\x1a\u0309R", "dòng\n\u0303ngã", "C1\x9f\u0301"]  # a mark after an escape: NFC must not join them


def test_what_the_cms_writes_reads_back_as_written():
    data = {"title": "Chỉ thị 05-CT/TW: “Học tập” và làm theo", "date": "2024-05-19T16:27:00+07:00",
            "summary": "Tóm tắt: yes", "province": ["Lào Cai", "Hà Giang"], "directives": ["05-CT/TW"],
            "tags": TRICKY, "author": "on", "source": [{"name": "Báo Lào Cai", "url": "https://baolaocai.vn/a?b=1#c",
                                                        "date": "2024-05-18"}],
            "image": [{"src": "/images/anh.jpg", "alt": "no", "caption": "12:30"}], "draft": False,
            "updated": "", "body": "\n\nĐoạn đầu.\n\n## Mục\n"}
    text = written(data)
    assert text.startswith('---\ntitle: "Chỉ thị 05-CT/TW: “Học tập” và làm theo"\ndate: 2024-05-19T16:27:00+07:00\n')
    assert "updated" not in text  # empty values are left out, not written as ""
    assert text.endswith("---\n\nĐoạn đầu.\n\n## Mục\n")
    src = split(text, "x.md")
    assert src.meta == {
        "title": data["title"], "date": "2024-05-19T16:27:00+07:00", "summary": "Tóm tắt: yes",
        "province": ["Lào Cai", "Hà Giang"], "directives": ["05-CT/TW"],
        "tags": [normalize(t) for t in TRICKY], "author": "on",
        "source": {"name": "Báo Lào Cai", "url": "https://baolaocai.vn/a?b=1#c", "date": "2024-05-18"},
        "image": {"src": "/images/anh.jpg", "alt": "no", "caption": "12:30"},
        "draft": "false"}  # front matter is read as typed; the build reads "false" as false
    assert src.body == "Đoạn đầu.\n\n## Mục\n"


def test_the_list_shows_the_day_in_the_sites_offset_and_the_save_never_writes_it():
    """Decap's date filter showed the day in the browser's zone (03:00+07:00 was the day before in Paris):
    fromFile gives the list the site's day, which toFile leaves out of the file."""
    from datetime import datetime
    from generator.vietnamese import VN, short_date
    moments = ["2026-12-05T03:00:00+07:00", "2026-12-04T20:30:00Z", "2026-12-04T12:00:00-05:00",
               "2026-12-04T16:59:59+00:00", "2024-02-29T23:30:00+07:00", "2026-12-05T00:00:00+14:00"]
    config, registries = loaded(ROOT)
    summary = cms_config(config, registries, [])["collections"][0]["summary"]
    shown = re.match(r"\{\{title\}\} · \{\{(.+?)\}\}", summary).group(1)  # what the list shows after the title
    cases = [{"op": "fromFile", "text": f"---\ntitle: a\ndate: {m}\n---\nx\n"} for m in moments]
    cases += [{"op": "fromFile", "text": "---\ntitle: a\ndate: 2026-12-05\n---\n"},
              {"op": "fromFile", "text": "---\ntitle: a\n---\n"}]
    got = [r["ok"].get(shown) for r in run_js(cases)]
    assert got == [short_date(datetime.fromisoformat(m.replace("Z", "+00:00")).astimezone(VN)) for m in moments] + [
        "05/12/2026", None]
    (saved,) = run_js([{"op": "save", "text": f"---\ntitle: a\ndate: {moments[1]}\n---\nx\n", "edit": {}}])
    assert shown not in saved["ok"] and "date: 2026-12-05T03:30:00+07:00\n" in saved["ok"]


def test_dates_in_the_form_are_day_first_whatever_the_browser():
    """The form's dates were the browser's <input type="datetime-local"> and <input type="date">, shown and
    typed in the order of the browser's language (06/21/2021 in an English one). The widgets now take and
    show day first: each day of a leap year and of a common one, typed as an editor may, gives the day
    Python reads, the days and times that do not exist give none, and each day is shown as it is typed."""
    from datetime import date, timedelta
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(366)] + \
        [date(2025, 1, 1) + timedelta(days=n) for n in range(365)]
    cases, wanted = [], []
    for n, day in enumerate(days):
        hour, minute = n % 24, (n * 7) % 60
        typed = [f"{day:%d/%m/%Y} {hour:02d}:{minute:02d}", f"{day.day}/{day.month}/{day.year} {hour}h{minute:02d}",
                 f"{day:%d-%m-%Y}"]
        cases += [{"op": "fromDayFirst", "text": text, "time": True} for text in typed]
        wanted += [f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}"] * 2 + [f"{day:%Y-%m-%d}T00:00"]
        cases += [{"op": "fromDayFirst", "text": f"{day:%d/%m/%Y}", "time": False},
                  {"op": "dayFirst", "text": f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}", "time": True}]
        wanted += [f"{day:%Y-%m-%d}", f"{day:%d/%m/%Y} {hour:02d}:{minute:02d}"]
    for text in ("31/02/2024", "29/02/2025", "31/04/2025", "32/01/2025", "00/01/2025", "12/13/2025", "06/21/2021",
                 "20/05/2025 24:00", "20/05/2025 08:60", "2025-05-20", "20/05/25", "hôm qua"):
        cases.append({"op": "fromDayFirst", "text": text, "time": True})
        wanted.append(None)
    cases.append({"op": "fromDayFirst", "text": "20/05/2025 08:00", "time": False})  # a day has no time
    wanted.append(None)
    cases.append({"op": "fromDayFirst", "text": "  ", "time": True})  # cleared: no date, not a wrong one
    wanted.append("")
    assert [r.get("ok", r.get("error")) for r in run_js(cases)] == wanted


def test_the_preview_keeps_the_iframes_the_build_keeps():
    """Decap's sanitiser drops every iframe (YouTube allowed by [security] iframe_hosts showed nothing);
    the preview puts back the ones whose address the build keeps, and only those, as the build writes them."""
    from generator.markdown import Renderer
    config, _ = loaded(ROOT)
    renderer = Renderer("/", config.security.iframe_hosts)
    addresses = ["https://www.youtube.com/embed/M7lc1UVf-VE", "https://www.youtube-nocookie.com/embed/x?start=3",
                 "https://WWW.YOUTUBE.COM/embed/x", "http://www.youtube.com/embed/x", "//www.youtube.com/embed/x",
                 "https://evil.example/embed/x", "https://www.youtube.com.evil.example/x",
                 "https://evil.example\\@www.youtube.com/", "https://a@www.youtube.com/embed/x",
                 "https://www.youtube.com:444/embed/x", "https://www.youtube.com:443/embed/x",
                 "https://www.youtube.com/embed/x y", "https://www.youtube.com\\embed", "javascript:alert(1)",
                 " https://www.youtube.com/embed/x", "https://www.youtube.com/embed/\x01", "/embed/x", "",
                 "https://xn--youtube-5ua.com/", "https://www.youtube.com./embed/x", "https://[::1]/x",
                 "HTTPS://www.youtube.com/embed/x#t=1", "https://www.youtube.com/%2e%2e/x", "https://www.youtube.com/ü",
                 "https://www.youtube.com/embed/x?a=1&b=2", "https:www.youtube.com/embed/x", "https:/www.youtube.com/x"]
    got = run_js([{"op": "iframeSrc", "text": a} for a in addresses])
    assert [r.get("ok") for r in got] == [renderer.iframe_src(a) for a in addresses]



def test_the_preview_marks_only_the_iframes_it_may_show_and_none_in_code():
    """The body given to Decap's sanitiser has a marker for each iframe the build keeps (put back after
    it), the refused ones as written (the sanitiser drops them) and the code as typed (an iframe there
    is text on the page)."""
    video = '<iframe src="https://www.youtube.com/embed/a" title="Phim" allowfullscreen></iframe>'
    refused = '<iframe src="https://evil.example/b"></iframe>'
    body = (f"Đầu bài.\n\n{video}\n\n{refused}\n\n```html\n{video}\n```\n\nMã `{video}` giữa câu.\n\n"
            f"    {video}\n\n~~~\n{video}\n~~~\n\n{video.replace('/a', '/c')}\n")
    (result,) = run_js([{"op": "markEmbeds", "text": body}])
    marked = result["ok"]
    assert [f["src"] for f in marked["frames"]] == ["https://www.youtube.com/embed/a", "https://www.youtube.com/embed/c"]
    assert marked["frames"][0] == {"src": "https://www.youtube.com/embed/a", "title": "Phim", "width": "", "height": "",
                                   "allowfullscreen": True}
    assert marked["body"] == body.replace(f"\n\n{video}\n\n{refused}", '\n\n<div data-lamtheobac-embed="0"></div>'
                                          f"\n\n{refused}", 1).replace(
        video.replace("/a", "/c"), '<div data-lamtheobac-embed="1"></div>')

# Characters YAML treats specially somewhere (indicators, quotes, escapes, line breaks, BOM, C1 controls).
YAML_CHARS = list("\x85\u2028\u2029\ufeff\x7f\x00\x1b\"\\:#-'{}[],&*!|>%@`?\t\n\r ") + ["\ud7ff", "\ue000"]
EDITOR_TEXT = st.one_of(st.text(alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(YAML_CHARS)),
                                 max_size=40),
                        st.sampled_from(TRICKY))


# One node process per example (100 texts each); no shrinking (each step is a node run): the message names
# the text that failed.
@settings(max_examples=10, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(st.lists(EDITOR_TEXT, min_size=100, max_size=100))
def test_any_text_survives_the_cms_format(texts):
    """Whatever an editor types reads back as the same text (as the build sees it: NFC, controls as spaces)."""
    cases = [{"op": "toFile", "data": {"title": t, "tags": [t, "x"]}, "order": ["title", "tags"]} for t in texts]
    for text, result in zip(texts, run_js(cases)):
        meta = split(decode(result["ok"].encode("utf-8"), "x.md"), "x.md").meta  # as the build reads a file
        if "title" in meta:
            assert visible(meta["title"]) == visible(normalize(text)), repr(text)
            assert visible(meta["tags"][0]) == visible(normalize(text)), repr(text)
        else:  # left out as blank (JavaScript's trim() also takes U+FEFF for a space)
            assert re.fullmatch(r"[\s\ufeff]*", visible(normalize(text))) and meta["tags"] == ["x"], repr(text)


def test_a_mark_after_an_escape_stays_a_mark():
    """The build reads a file as NFC: a combining mark written right after an escape (\\u001a, \\n)
    would join the escape's last letter (“a” + U+0309 = “ả”) and break the YAML, unless escaped too."""
    texts = ["#\x1a\u0309R", "dòng\n\u0303ngã", "C1\x9f\u0301", "a\x1a\U0001d165"]
    cases = [{"op": "toFile", "data": {"title": t}, "order": ["title"]} for t in texts]
    for text, result in zip(texts, run_js(cases)):
        meta = split(decode(result["ok"].encode("utf-8"), "x.md"), "x.md").meta
        assert visible(meta["title"]) == visible(normalize(text)), (text, result["ok"])


def test_bundled_articles_keep_every_field_through_the_cms():
    """Every bundled article opened in the CMS and saved unchanged is the same article for the build."""
    config, registries = loaded(ROOT)
    settings = ReadSettings.of(config, registries)
    paths = sorted((ROOT / "content" / "articles").glob("*.md"))
    read = run_js([{"op": "fromFile", "text": p.read_text(encoding="utf-8")} for p in paths])
    again = run_js([{"op": "toFile", "data": r["ok"], "order": list(ARTICLE_FIELDS) + ["body"]} for r in read])
    for path, result in zip(paths, again):
        before = read_article(path, path.name, settings)
        after = read_article(path, path.name, settings, raw=result["ok"].encode("utf-8"))
        assert after == before, path.name


def test_hand_written_spellings_open_as_registry_names():
    (result,) = run_js([{"op": "fromFile", "text": '---\ntitle: a\nprovince: "TP.HCM"\ndirectives: ["chỉ thị 05"]\n'
                                                   'tags: "một chủ đề"\nimage: "/images/a.jpg"\nsource: Báo\n---\nx\n'}])
    assert result["ok"] == {"title": "a", "province": ["TP. Hồ Chí Minh"], "directives": ["05-CT/TW"],
                            "tags": ["một chủ đề"], "image": [{"src": "/images/a.jpg"}], "source": [{"name": "Báo"}],
                            "body": "x\n"}
    (broken,) = run_js([{"op": "fromFile", "text": "---\ntitle: a\n"}])
    assert "không có dòng “---” đóng lại" in broken["error"]


def test_dates_are_written_in_the_site_offset():
    cases = [("2024-05-19T09:27:00+00:00", "2024-05-19T16:27:00+07:00"),
             ("2024-05-19T09:27:00Z", "2024-05-19T16:27:00+07:00"),
             ("2024-12-31T20:00:00-05:00", "2025-01-01T08:00:00+07:00"),
             ("2024-05-19T16:27:00+07:00", "2024-05-19T16:27:00+07:00"),
             ("2024-05-19", "2024-05-19")]
    results = run_js([{"op": "inOffset", "text": a, "offset": "+07:00"} for a, _ in cases])
    assert [r["ok"] for r in results] == [b for _, b in cases]
    text = written({"title": "a", "date": "2024-05-19T09:27:00+00:00", "updated": "2024-05-20T01:00:00Z",
                    "source": [{"name": "b", "date": "2024-05-18"}]})
    assert "date: 2024-05-19T16:27:00+07:00\n" in text and "updated: 2024-05-20T08:00:00+07:00\n" in text
    assert "  date: 2024-05-18\n" in text


def test_tags_match_across_tone_styles_and_case():
    results = run_js([
        {"op": "fold", "text": "Hoà Bình"}, {"op": "fold", "text": "hòa bình"},
        {"op": "addTag", "items": ["nêu gương"], "text": "  Nêu  Gương ", "suggestions": []},
        {"op": "addTag", "items": [], "text": "thuỷ lợi", "suggestions": ["thủy lợi"]},
        {"op": "addTag", "items": [], "text": " , ", "suggestions": []},
        # pasted from a web page or Word: invisible characters (zero-width space, soft hyphen, BOM)
        {"op": "addTag", "items": [], "text": "\ufeffNêu gư\u00adơng\u200b", "suggestions": ["nêu gương"]},
        {"op": "addTag", "items": ["nêu gương"], "text": "nêu gương\u200b", "suggestions": []},
        {"op": "addTag", "items": [], "text": "chủ đề\u200b mới\u00a0", "suggestions": []},
    ])
    assert results[0]["ok"] == results[1]["ok"]
    assert results[2]["ok"] == ["nêu gương"]
    assert results[3]["ok"] == ["thủy lợi"]
    assert results[4]["ok"] == []
    assert results[5]["ok"] == ["nêu gương"] and results[6]["ok"] == ["nêu gương"]
    assert results[7]["ok"] == ["chủ đề mới"]


# --- the local backend --------------------------------------------------------------------------

def asset(path: str, data: bytes) -> dict:
    return {"path": path, "content": base64.b64encode(data).decode(), "encoding": "base64"}


def persist(path: str, raw: str, assets: list[dict] | None = None, new_path: str | None = None) -> dict:
    entry = {"slug": Path(path).stem, "path": path, "raw": raw}
    if new_path:
        entry["newPath"] = new_path
    return {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [entry], "assets": assets or [],
                                                 "options": {"commitMessage": "m", "useWorkflow": False,
                                                             "status": "draft"}}}


@pytest.fixture
def backend(project: Path) -> LocalBackend:
    config = load_config(project)
    return LocalBackend(project, folders(config))


def test_backend_writes_land_where_expected(backend: LocalBackend, project: Path):
    raw = '---\ntitle: "Bài mới"\ndate: 2024-05-19T16:27:00+07:00\n---\n\nNội dung.\n'
    status, answer = backend.handle(persist("content/articles/bai-moi.md", raw,
                                            [asset("content/images/anh-moi.jpg", JPEG)]))
    assert (status, answer) == (200, {"message": "entry persisted"})
    assert (project / "content/articles/bai-moi.md").read_text(encoding="utf-8") == raw
    assert (project / "content/images/anh-moi.jpg").read_bytes() == JPEG
    assert not list(project.rglob("*.cms-tmp"))
    digest = hashlib.sha256(raw.encode()).hexdigest()
    assert backend.handle({"action": "getEntry", "params": {"branch": "main", "path": "content/articles/bai-moi.md"}}) \
        == (200, {"data": raw, "file": {"path": "content/articles/bai-moi.md", "id": digest}})
    status, entries = backend.handle({"action": "entriesByFolder", "params": {
        "branch": "main", "folder": "content/articles", "extension": "md", "depth": 1}})
    assert status == 200 and len(entries) == 6 and {"data": raw, "file": {"path": "content/articles/bai-moi.md",
                                                                          "id": digest}} in entries
    # The library shows the photos only: not a note in the folder, nor logo.svg (no upload may be an SVG).
    (project / "content/images/GHI-CHU.TXT").write_text("ảnh chụp ngày 5/12", encoding="utf-8")
    (project / "content/images/ANH-HOA.JPG").write_bytes(JPEG)
    status, media = backend.handle({"action": "getMedia", "params": {"branch": "main", "mediaFolder": "content/images"}})
    names = sorted(m["name"] for m in media)
    assert status == 200 and {"GHI-CHU.TXT", "logo.svg"} <= set(os.listdir(project / "content/images"))
    assert names == sorted(p.name for p in (project / "content/images").iterdir()
                           if p.is_file() and p.suffix.lower() in (".jpg", ".png", ".webp", ".gif", ".avif"))
    assert "ANH-HOA.JPG" in names and "anh-moi.jpg" in names and "hcm1.jpg" in names
    assert not {"logo.svg", "GHI-CHU.TXT"} & set(names)
    (project / "content/images/GHI-CHU.TXT").unlink()
    status, one = backend.handle({"action": "getMediaFile", "params": {"branch": "main",
                                                                       "path": "content/images/anh-moi.jpg"}})
    assert base64.b64decode(one["content"]) == JPEG and one["id"] == hashlib.sha256(JPEG).hexdigest()
    status, stored = backend.handle({"action": "persistMedia", "params": {
        "branch": "main", "asset": asset("content/images/anh-hai.png", b"\x89PNG\r\n\x1a\n"), "options": {"commitMessage": "m"}}})
    assert status == 200 and stored["path"] == "content/images/anh-hai.png" and stored["name"] == "anh-hai.png"
    assert backend.handle({"action": "deleteFiles", "params": {"branch": "main", "paths": [
        "content/images/anh-hai.png", "content/images/anh-moi.jpg"], "options": {"commitMessage": "m"}}})[0] == 200
    assert backend.handle({"action": "deleteFile", "params": {"branch": "main", "path": "content/articles/bai-moi.md",
                                                             "options": {"commitMessage": "m"}}})[0] == 200
    assert not (project / "content/articles/bai-moi.md").exists()
    assert not (project / "content/images/anh-moi.jpg").exists()
    assert backend.handle({"action": "info"}) == (200, {"repo": "site", "publish_modes": ["simple"],
                                                        "type": "local_fs"})
    assert backend.handle({"action": "unpublishedEntries", "params": {"branch": "main"}}) == \
        (422, {"error": "Unknown action unpublishedEntries"})


def test_the_backend_never_writes_over_another_file(backend: LocalBackend, project: Path):
    """A new entry whose file exists (a stale tab, a forged request) and an upload under the name of
    another file are refused and change nothing; the same bytes again are fine."""
    old = project / "content/articles/bai-cu.md"
    old.write_text('---\ntitle: "Bài cũ"\ndate: 2024-05-19\n---\n\nCũ.\n', encoding="utf-8")
    before = old.read_bytes()
    request = persist("content/articles/bai-cu.md", '---\ntitle: "Bài cũ"\ndate: 2024-05-20\n---\n\nMới.\n')
    request["params"]["options"]["newEntry"] = True
    status, answer = backend.handle(request)
    assert status == 409 and answer["error"] == ("đã có bài viết “content/articles/bai-cu.md”: bài mới không được ghi "
                                                 "đè lên bài cũ; hãy đổi tiêu đề hoặc đường dẫn của bài mới")
    assert old.read_bytes() == before
    request["params"]["options"]["newEntry"] = False  # editing the entry itself
    assert backend.handle(request)[0] == 200 and "Mới." in old.read_text(encoding="utf-8")
    photo = project / "content/images/anh-chung.jpg"
    photo.write_bytes(JPEG)
    media = {"action": "persistMedia", "params": {"branch": "main", "asset": asset("content/images/anh-chung.jpg",
                                                                                   JPEG + b"x")}}
    status, answer = backend.handle(media)
    assert status == 409 and answer["error"].startswith("đã có tệp “content/images/anh-chung.jpg” với nội dung khác")
    status, _ = backend.handle(persist("content/articles/bai-hai.md", '---\ntitle: "Hai"\ndate: 2024-05-19\n---\n',
                                       [asset("content/images/anh-chung.jpg", b"other")]))
    assert status == 409 and not (project / "content/articles/bai-hai.md").exists()
    assert photo.read_bytes() == JPEG
    media["params"]["asset"] = asset("content/images/anh-chung.jpg", JPEG)  # the same photo again
    assert backend.handle(media)[0] == 200


@pytest.mark.parametrize("path, status, message", [
    ("../site.toml", 403, "không được chứa “..”"),
    ("content/articles/../../site.toml", 403, "không được chứa “..”"),
    ("content/articles/../pages/gioi-thieu.md", 403, "không được chứa “..”"),
    ("/etc/passwd.md", 403, "phải là đường dẫn tương đối"),
    ("content\\articles\\a.md", 403, "phải là đường dẫn tương đối"),
    ("content/articles/a\x00.md", 403, "phải là đường dẫn tương đối"),
    ("site.toml", 403, "chỉ được đọc, ghi tệp trong content/articles/ và content/images/"),
    ("content/pages/gioi-thieu.md", 403, "chỉ được đọc, ghi tệp trong"),
    ("themes/default/templates/base.html", 403, "chỉ được đọc, ghi tệp trong"),
    ("content/articles-khac/a.md", 403, "chỉ được đọc, ghi tệp trong"),
    ("content/articles/a.html", 422, "phải có đuôi .md"),
    ("content/articles/.an.md", 422, "chỉ được gồm chữ thường không dấu"),
    ("content/articles/Bai-Moi.md", 422, "chỉ được gồm chữ thường không dấu"),
    ("content/articles/bài-mới.md", 422, "chỉ được gồm chữ thường không dấu"),
    ("content/articles/bai moi.md", 422, "chỉ được gồm chữ thường không dấu"),
    ("content/images/x.svg", 422, "phải có đuôi .jpg"),
    ("content/images/../articles/x.md", 403, "không được chứa “..”"),
])
def test_backend_refuses_paths_outside_its_folders(backend: LocalBackend, project: Path, path, status, message):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    answer = backend.handle(persist(path, "---\ntitle: x\n---\n"))
    assert answer[0] == status and message in answer[1]["error"], answer
    answer = backend.handle(persist("content/articles/hop-le.md", "---\ntitle: x\n---\n", [asset(path, b"x")]))
    assert answer[0] in (403, 422), answer  # one bad path refuses the whole request
    assert backend.handle({"action": "deleteFile", "params": {"path": path}})[0] in (403, 422)
    assert backend.handle({"action": "getEntry", "params": {"path": path}})[1]["data"] is None
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_existing_hand_named_files_can_still_be_edited(backend: LocalBackend, project: Path):
    (project / "content/images/IMG_0001.jpg").write_bytes(JPEG)  # named by hand, shown by no article
    status, _ = backend.handle({"action": "deleteFile", "params": {"path": "content/images/IMG_0001.jpg"}})
    assert status == 200 and not (project / "content/images/IMG_0001.jpg").exists()


def test_a_photo_articles_show_is_not_deleted(backend: LocalBackend, project: Path):
    """Deleting a photo an article shows succeeded, and the next build failed on the missing photo."""
    photo = project / "content/images/IMG_6881.jpg"
    before = photo.read_bytes()
    for request in ({"action": "deleteFile", "params": {"path": "content/images/IMG_6881.jpg"}},
                    {"action": "deleteFiles", "params": {"paths": ["content/images/IMG_6881.jpg"]}}):
        status, answer = backend.handle(request)
        assert status == 409 and answer["error"].startswith("ảnh “content/images/IMG_6881.jpg” đang được dùng trong "
                                                            "content/articles/"), answer
        assert answer["error"].endswith(": xóa ảnh sẽ làm hỏng các bài đó; hãy bỏ ảnh khỏi bài trước rồi mới xóa")
    assert photo.read_bytes() == before


@pytest.mark.parametrize("name, data, message", [
    ("trang.gif", b"<!doctype html><script>alert(1)</script>", "tệp “content/images/trang.gif” không phải ảnh GIF "
                                                               "(nội dung không phải một ảnh); hãy tải lên đúng tệp ảnh"),
    ("so-do.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "tệp “content/images/so-do.png” không phải ảnh PNG"),
    ("anh.png", JPEG, "tệp “content/images/anh.png” là ảnh JPEG, không phải ảnh PNG: hãy đặt lại đuôi tên tệp cho đúng"),
])
def test_an_upload_must_be_the_photo_its_name_says(backend: LocalBackend, project: Path, name, data, message):
    """A page saved as .gif or an SVG as .png was accepted and published as a photo."""
    path = f"content/images/{name}"
    status, answer = backend.handle({"action": "persistMedia", "params": {"branch": "main", "asset": asset(path, data)}})
    assert status == 422 and answer["error"].startswith(message), answer
    status, answer = backend.handle(persist("content/articles/bai-anh.md", "---\ntitle: x\n---\n", [asset(path, data)]))
    assert status == 422 and not (project / "content/articles/bai-anh.md").exists()
    assert not (project / path).exists()


def test_backend_refuses_symbolic_links_out(backend: LocalBackend, project: Path, tmp_path: Path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "bi-mat.md").write_text("---\ntitle: bí mật\n---\n", encoding="utf-8")
    (project / "content/articles/lien-ket").symlink_to(outside, target_is_directory=True)
    (project / "content/articles/tep-lien-ket.md").symlink_to(outside / "bi-mat.md")
    answer = backend.handle(persist("content/articles/lien-ket/moi.md", "---\ntitle: x\n---\n"))
    assert answer[0] == 403 and "liên kết tượng trưng" in answer[1]["error"]
    answer = backend.handle(persist("content/articles/tep-lien-ket.md", "---\ntitle: x\n---\n"))
    assert answer[0] == 403 and "liên kết tượng trưng" in answer[1]["error"]
    assert backend.handle({"action": "getEntry", "params": {"path": "content/articles/lien-ket/bi-mat.md"}})[1][
        "data"] is None
    status, entries = backend.handle({"action": "entriesByFolder", "params": {
        "folder": "content/articles", "extension": "md", "depth": 3}})
    assert not any("lien-ket" in e["file"]["path"] for e in entries)
    assert sorted(p.name for p in outside.iterdir()) == ["bi-mat.md"]
    assert (outside / "bi-mat.md").read_text(encoding="utf-8") == "---\ntitle: bí mật\n---\n"


def test_backend_caps_sizes(backend: LocalBackend, project: Path):
    answer = backend.handle(persist("content/articles/dai.md", "x" * (MAX_ARTICLE + 1)))
    assert answer[0] == 413 and "quá lớn" in answer[1]["error"]
    answer = backend.handle({"action": "persistMedia", "params": {
        "asset": asset("content/images/lon.jpg", b"\xff" * (MAX_UPLOAD + 1)), "options": {"commitMessage": "m"}}})
    # In the MB the limit is round in (and the form's): "21.0 MB; tối đa 21 MB" said a file 29 kB over it.
    assert answer == (413, {"error": "tệp “content/images/lon.jpg” quá lớn (20,1 MB; tối đa 20 MB cho một tệp ảnh)"})
    assert not (project / "content/articles/dai.md").exists() and not (project / "content/images/lon.jpg").exists()
    answer = backend.handle({"action": "persistMedia", "params": {"asset": {"path": "content/images/a.jpg",
                                                                            "content": "@@", "encoding": "base64"}}})
    assert answer[0] == 422


# --- the backend against decap-server (the npm package whose protocol it follows) -----------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, body: dict, headers: dict | None = None) -> tuple[int, object]:
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/api/v1", json.dumps(body).encode(), {"Content-Type": "application/json",
                                                                    **(headers or {})})
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        conn.close()


def wait_until(check, what: str, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_backend_answers_like_decap_server(tmp_path: Path):
    server_js = NODE_TOOLS / "node_modules" / "decap-server" / "dist" / "index.js"
    need(server_js.is_file() and shutil.which("node") is not None, "tests/node/node_modules/decap-server and node")
    theirs, ours = copy_project(tmp_path / "site"), copy_project(tmp_path / "ours" / "site")
    port = free_port()
    proc = subprocess.Popen(["node", str(server_js)], cwd=theirs, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                                 "GIT_REPO_DIRECTORY": str(theirs), "LOG_LEVEL": "error"})
    try:
        wait_until(lambda: post(port, {"action": "info"})[0] == 200, "decap-server")
        backend = LocalBackend(ours, folders(load_config(ours)))
        raw = '---\ntitle: "Bài mới"\n---\n\nNội dung.\n'
        requests = [
            {"action": "info"},
            {"action": "entriesByFolder", "params": {"branch": "main", "folder": "content/articles",
                                                     "extension": "md", "depth": 1}},
            {"action": "entriesByFiles", "params": {"branch": "main", "files": [
                {"path": "content/articles/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md", "label": "a"},
                {"path": "content/articles/khong-co.md"}]}},
            {"action": "getEntry", "params": {"branch": "main", "path": "content/articles/khong-co.md"}},
            persist("content/articles/bai-moi.md", raw, [asset("content/images/anh-moi.jpg", JPEG)]),
            {"action": "getEntry", "params": {"branch": "main", "path": "content/articles/bai-moi.md"}},
            {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "content/images"}},
            {"action": "persistMedia", "params": {"branch": "main", "asset": asset("content/images/anh-hai.png", b"\x89PNG\r\n\x1a\nP"),
                                                  "options": {"commitMessage": "m"}}},
            {"action": "getMediaFile", "params": {"branch": "main", "path": "content/images/anh-hai.png"}},
            {"action": "deleteFiles", "params": {"branch": "main", "paths": ["content/images/anh-hai.png"],
                                                 "options": {"commitMessage": "m"}}},
            {"action": "deleteFile", "params": {"branch": "main", "path": "content/articles/bai-moi.md",
                                                "options": {"commitMessage": "m"}}},
            {"action": "entriesByFolder", "params": {"branch": "main", "folder": "content/articles",
                                                     "extension": "md", "depth": 1}},
            {"action": "getDeployPreview", "params": {"branch": "main", "collection": "articles", "slug": "a"}},
            {"action": "unpublishedEntries", "params": {"branch": "main"}},
        ]
        for request in requests:
            expected = post(port, request)
            got = backend.handle(json.loads(json.dumps(request)))
            if request["action"] == "info":  # the repository folder's name
                expected[1]["repo"] = "site"
            if request["action"] == "getMedia":  # the same files; the order of a directory listing is the OS's
                # and only the photos (decap-server lists logo.svg too)
                expected = (expected[0], sorted((m for m in expected[1] if m["name"].lower().endswith(
                    IMAGE_EXTENSIONS)), key=lambda m: m["path"]))
                got = (got[0], sorted(got[1], key=lambda m: m["path"]))
            assert got == expected, request["action"]
        for folder in ("content/articles", "content/images"):
            assert sorted(p.name for p in (theirs / folder).iterdir()) == sorted(p.name for p in (ours / folder).iterdir())
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- serve --cms --------------------------------------------------------------------------------

class ServedCms:
    """`lamtheobac serve --cms` in a subprocess on a free loopback port."""

    def __init__(self, root: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--cms", "--root", str(root),
                                      "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, encoding="utf-8",
                                     env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"})
        self.lines: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        line = self.wait_for_line(lambda line: line.startswith("Xem trước tại http://"), "the server", seconds=180)
        self.url = line.split(" ")[3]
        self.port = urlsplit(self.url).port

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, check, what: str, start: int = 0, seconds: float = 60) -> str:
        """The first line from index start on that passes check (the server's output, in order). Ends as
        soon as the line comes or the server stops; seconds only bounds a server that hangs (generous:
        under load, with other test runs on the machine's two cores, a build takes several times longer)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in self.lines[start:]:
                if check(line):
                    return line
            if self.proc.poll() is not None and not any(check(line) for line in self.lines[start:]):
                break
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}: {self.lines}")

    def built(self, what: str, start: int = 0) -> str:
        """The line ending a build that started after line start: "Đã dựng xong…" or "Không dựng được…"."""
        return self.wait_for_line(lambda line: line.startswith(("Đã dựng xong", "Không dựng được")), what, start,
                                  seconds=300)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)  # the server answers while it builds
        try:
            conn.request(method, path, body, headers or {})
            response = conn.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            conn.close()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def served_cms(project: Path):
    server = ServedCms(project)
    yield server
    server.stop()


def test_serve_cms_serves_the_cms_and_its_api_only_to_its_own_pages(served_cms: ServedCms, project: Path):
    assert served_cms.lines[0] == f"Giao diện biên tập: {served_cms.url}admin/ (chỉ mở được trên máy này)"
    own = f"http://127.0.0.1:{served_cms.port}"
    status, page, headers = served_cms.request("GET", "/admin/")
    assert status == 200 and b"netlify-identity-widget" not in page and b"decap-cms.js" in page
    assert headers["X-Robots-Tag"] == "noindex"
    # never in another site's frame (clicks under a decoy would be the editor's own requests): was framable
    assert headers["X-Frame-Options"] == "DENY" and headers["Content-Security-Policy"] == "frame-ancestors 'none'"
    status, text, _ = served_cms.request("GET", "/admin/config.yml")
    config = yaml.safe_load(text)
    assert config["local_backend"] == {"url": own + "/api/v1"} and config["site_url"] == own + "/"
    status, script, headers = served_cms.request("GET", "/admin/decap-cms.js")
    assert status == 200 and script == admin.script("decap-cms.js") and headers["Content-Type"].startswith(
        "text/javascript")
    assert served_cms.request("GET", "/admin/khong-co.js")[0] == 404
    info = json.dumps({"action": "info"}).encode()
    json_type = {"Content-Type": "application/json"}
    status, body, _ = served_cms.request("POST", "/api/v1", info, {**json_type, "Origin": own,
                                                                    "Sec-Fetch-Site": "same-origin"})
    assert status == 200 and json.loads(body)["type"] == "local_fs"
    refused = [
        {**json_type, "Origin": "https://evil.example"},
        {**json_type, "Origin": "null"},
        {**json_type, "Sec-Fetch-Site": "cross-site"},
        {**json_type, "Host": "evil.example:%d" % served_cms.port},  # DNS rebinding
        {**json_type, "Host": "127.0.0.1:1"},
    ]
    for headers in refused:  # the preview server's own guard (421/403) or the backend's (403, JSON)
        status, body, _ = served_cms.request("POST", "/api/v1", info, headers)
        assert status in (403, 421), headers
        text = body.decode("utf-8")
        assert text.startswith("Máy chủ xem trước") or "chỉ nhận yêu cầu từ chính trang của nó" in \
            json.loads(text)["error"], headers
    status, body, _ = served_cms.request("POST", "/api/v1", info, {"Content-Type": "text/plain", "Origin": own})
    assert status == 415  # a cross-site form or "simple" fetch cannot send application/json without asking first
    write = json.dumps(persist("content/articles/tu-api.md", "---\ntitle: a\ndate: 2024-01-01\n---\n")).encode()
    assert served_cms.request("POST", "/api/v1", write, {**json_type, "Origin": own})[0] == 200
    assert (project / "content/articles/tu-api.md").is_file()
    # The CMS does not save an article the build refuses (with the build's message, in Vietnamese) ...
    write = json.dumps(persist("content/articles/hong.md", "---\ntitle: a\ndate: hôm qua\n---\n")).encode()
    status, body, _ = served_cms.request("POST", "/api/v1", write, {**json_type, "Origin": own})
    assert status == 422 and "content/articles/hong.md:3: " in json.loads(body)["error"], body
    assert not (project / "content/articles/hong.md").exists()
    # ... and an article broken by other means (a text editor) breaks the preview, not the CMS (which is
    # how the editor fixes it). The first build ends first: the wait below is for one rebuild only (it
    # timed out under load when the first build, started with the server, took most of its minute).
    served_cms.built("the first build")
    seen = len(served_cms.lines)
    (project / "content/articles/hong.md").write_text("---\ntitle: a\ndate: hôm qua\n---\n", encoding="utf-8")
    served_cms.wait_for_line(lambda line: line.startswith("Không dựng được trang"), "the failed rebuild", seen,
                             seconds=300)
    assert served_cms.request("GET", "/")[0] == 500
    assert served_cms.request("GET", "/admin/")[0] == 200 and served_cms.request("GET", "/admin/config.yml")[0] == 200


def test_serve_cms_needs_this_machine_and_a_cms_section(project: Path, capsys):
    assert main(["serve", "--cms", "--root", str(project), "--host", "0.0.0.0", "--port", "0"]) == 1
    assert "--cms chỉ chạy được khi máy chủ xem trước mở trên máy này" in capsys.readouterr().err
    (project / "site.toml").write_text((project / "site.toml").read_text(encoding="utf-8").split("[cms]")[0],
                                       encoding="utf-8")
    assert main(["serve", "--cms", "--root", str(project), "--port", "0"]) == 1
    assert "site.toml chưa bật giao diện biên tập: thêm một dòng “[cms]”" in capsys.readouterr().err


def test_two_renames_onto_one_path_are_refused(backend: LocalBackend, project: Path):
    """One request renaming two entries to one new path kept only the second: the first article was
    lost. Targets are checked against each other too; nothing changes."""
    one = project / "content/articles/bai-a.md"
    two = project / "content/articles/bai-b.md"
    one.write_text('---\ntitle: "A"\ndate: 2024-05-19\n---\n\nNội dung A.\n', encoding="utf-8")
    two.write_text('---\ntitle: "B"\ndate: 2024-05-19\n---\n\nNội dung B.\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (one, two)}
    request = persist("content/articles/bai-a.md", one.read_text(encoding="utf-8"), new_path="content/articles/bai-t.md")
    request["params"]["dataFiles"].append({"path": "content/articles/bai-b.md", "raw": two.read_text(encoding="utf-8"),
                                           "newPath": "content/articles/bai-t.md"})
    status, answer = backend.handle(request)
    assert status == 409 and "“content/articles/bai-t.md”" in answer["error"]
    assert {p: p.read_bytes() for p in (one, two)} == before and not (project / "content/articles/bai-t.md").exists()


def test_an_article_the_editor_cannot_read_is_not_saved_over(backend: LocalBackend, project: Path):
    """An article whose front matter is no YAML (a tab) opened in the CMS as an empty form, and saving
    the form wrote it over the article's text. The save is refused with the file's error; a new
    article, and an article that reads, are saved."""
    broken = project / "content/articles/tab-yaml.md"
    broken.write_text('---\ntitle: "Bài"\ndate: 2024-05-01\nimage:\n\tsrc: /images/a.jpg\n---\n\nNỘI DUNG QUÝ.\n',
                      encoding="utf-8")
    before = broken.read_bytes()
    status, answer = backend.handle(persist("content/articles/tab-yaml.md",
                                            '---\ntitle: "Bài"\ndate: 2024-05-01T17:00:00+07:00\n---\n\nMột câu.\n'))
    assert status == 409 and answer["error"].startswith(
        "không lưu đè lên bài “content/articles/tab-yaml.md”: tệp đang có lỗi ở dòng 5: phần thông tin đầu bài không "
        "phải YAML hợp lệ: có ký tự tab; hãy thụt lề bằng dấu cách."), answer
    assert broken.read_bytes() == before
    broken.write_text('---\ntitle: "Bài"\ndate: 2024-05-01\n---\n\nNỘI DUNG QUÝ.\n', encoding="utf-8")
    assert backend.handle(persist("content/articles/tab-yaml.md", '---\ntitle: "Bài sửa"\n---\n\nMới.\n'))[0] == 200


def test_a_rename_never_writes_over_another_article(backend: LocalBackend, project: Path):
    """persistEntry with newPath moved the entry onto an existing article and that article was lost
    (os.replace). Now it is refused and nothing changes; a rename to a free path still works."""
    one = project / "content/articles/bai-mot.md"
    two = project / "content/articles/bai-hai.md"
    one.write_text('---\ntitle: "Một"\ndate: 2024-05-19\n---\n\nMột.\n', encoding="utf-8")
    two.write_text('---\ntitle: "Hai"\ndate: 2024-05-19\n---\n\nHai.\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (one, two)}
    status, answer = backend.handle(persist("content/articles/bai-mot.md", '---\ntitle: "Một sửa"\n---\n',
                                            new_path="content/articles/bai-hai.md"))
    assert (status, answer) == (409, {"error": "đã có bài viết “content/articles/bai-hai.md”: đổi đường dẫn bài "
                                               "“content/articles/bai-mot.md” thành “content/articles/bai-hai.md” sẽ "
                                               "ghi đè lên bài đó; hãy chọn đường dẫn khác"})
    assert {p: p.read_bytes() for p in (one, two)} == before
    status, _ = backend.handle(persist("content/articles/bai-mot.md", '---\ntitle: "Một sửa"\n---\n',
                                       new_path="content/articles/bai-ba.md"))
    assert status == 200 and not one.exists() and two.read_bytes() == before[two]
    # bai-mot was published: its old address stays as an alias of the moved article (renames.py)
    assert (project / "content/articles/bai-ba.md").read_text(encoding="utf-8") == \
        '---\ntitle: "Một sửa"\naliases: ["/bai-viet/bai-mot/"]\n---\n'


def test_an_entry_is_saved_only_among_the_articles(backend: LocalBackend, project: Path):
    """persistEntry wrote an entry's text into content/images (as the path, or as the newPath of a
    rename): a text file named like a photo, which then broke the build. Now refused, nothing written."""
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    status, answer = backend.handle(persist("content/images/chu.jpg", "---\ntitle: x\n---\n"))
    assert (status, answer) == (403, {"error": "bài viết chỉ được lưu trong content/articles/, không phải "
                                               "“content/images/chu.jpg”"})
    status, answer = backend.handle(persist("content/articles/bai-doi.md", "---\ntitle: x\n---\n",
                                            new_path="content/images/bai-doi.jpg"))
    assert (status, answer) == (403, {"error": "bài viết chỉ được lưu trong content/articles/, không phải "
                                               "“content/images/bai-doi.jpg”"})
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_half_a_utf16_pair_or_deep_nesting_is_refused_not_a_traceback(served_cms: ServedCms, project: Path):
    """JSON can carry a lone surrogate ("\\ud800") that no file name or UTF-8 text can hold, and
    "[[[[…" nested past Python's recursion limit: both were uncaught exceptions (a traceback in the
    server's output, a 500). Now they are 422 answers and nothing is written."""
    own = {"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{served_cms.port}"}
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    seen = len(served_cms.lines)
    bodies = [
        b'{"action": "persistEntry", "params": {"dataFiles": [{"path": "content/articles/bai-moi.md", '
        b'"raw": "---\\ntitle: x\\ud800\\n---\\n"}], "assets": []}}',
        b'{"action": "getEntry", "params": {"path": "content/articles/\\udcff.md"}}',
        b'{"action": "deleteFile", "params": {"path": "content/images/\\ud800.jpg"}}',
    ]
    for body in bodies:
        status, answer, _ = served_cms.request("POST", "/api/v1", body, own)
        assert (status, json.loads(answer)) == (422, {"error": "yêu cầu có ký tự không hợp lệ (nửa cặp UTF-16, dạng "
                                                               "\\ud800); hãy gõ lại đoạn chữ vừa dán rồi lưu lại"})
    status, answer, _ = served_cms.request("POST", "/api/v1", b"[" * 100_000, own)
    assert (status, json.loads(answer)) == (422, {"error": "yêu cầu không phải JSON hợp lệ"})
    assert served_cms.request("POST", "/api/v1", b'{"action": "info"}', own)[0] == 200
    assert not [line for line in served_cms.lines[seen:] if "Traceback" in line or "Uncaught" in line]
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == before


def test_a_folder_named_like_a_file_is_refused_in_vietnamese(backend: LocalBackend, project: Path):
    """deleteFile of a folder named "album.jpg" was a 500 answer with the system's English reason
    ("lỗi đọc/ghi tệp: Is a directory"). Now a 422 in Vietnamese, and the folder stays."""
    folder = project / "content/images/album.jpg"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(JPEG)
    expected = (422, {"error": "“content/images/album.jpg” là một thư mục, không phải tệp ảnh"})
    assert backend.handle({"action": "deleteFile", "params": {"path": "content/images/album.jpg"}}) == expected
    assert backend.handle({"action": "deleteFiles", "params": {"paths": ["content/images/album.jpg"]}}) == expected
    assert backend.handle({"action": "persistMedia", "params": {
        "asset": asset("content/images/album.jpg", JPEG)}}) == expected
    assert (folder / "a.jpg").read_bytes() == JPEG


def test_an_upload_too_large_refuses_the_whole_entry(backend: LocalBackend, project: Path):
    """The size of an entry's photo was checked only while writing, after the entry itself: the
    request was refused (413) but the article had been saved, naming a photo that was not. Now
    nothing is written."""
    request = persist("content/articles/co-anh-lon.md", '---\ntitle: "Ảnh lớn"\n---\n',
                      [asset("content/images/lon.jpg", b"\xff" * (MAX_UPLOAD + 1))])
    status, answer = backend.handle(request)
    assert status == 413 and answer["error"].startswith("tệp “content/images/lon.jpg” quá lớn")
    assert not (project / "content/articles/co-anh-lon.md").exists()
    assert not (project / "content/images/lon.jpg").exists()


# --- saves keep what nobody edited ----------------------------------------------------------------

HAND_WRITTEN = """---
# kiểm tra lại nguồn
title: 'Bài thử: mọi cấu trúc'
date: 2024-05-19 16:27
summary: Tóm tắt không ngoặc.
province: [Hà Giang]
tags: []
author: Minh   # hỏi lại tên đầy đủ
source:
  name: Báo Lai Châu
  url: https://baolaichau.vn/a
image: /images/hcm1.jpg
date_estimated: yes
draft: no
---

## Tiêu đề mục

Đoạn có chú thích[^1] và ký tự thoát \\*không nghiêng\\* năm 1986\\. xong.  
Dòng sau gạch chéo.\\
Hết.

| Trái | Giữa | Phải |
|:-----|:----:|-----:|
| a    | b    | c    |

<figure class="anh"><img src="/images/hcm1.jpg" alt="Bác"><figcaption>Chú thích</figcaption></figure>

![Ảnh Bác](/images/hcm1.jpg "Tiêu đề ảnh")

<!-- ghi chú biên tập -->

- mục một
    - mục con

Tiêu đề setext
--------------

[^1]: Chú thích cuối trang.
"""


def cms_save(text: str, change=None) -> str:
    """What the CMS sends when the article `text` is opened and saved, after change(data) if given."""
    (read,) = run_js([{"op": "fromFile", "text": text}])
    data = read["ok"]
    if change:
        change(data)
    return written(data, list(ARTICLE_FIELDS) + ["body"])


def variants(text: str) -> dict[str, bytes]:
    return {"lf": text.encode("utf-8"), "crlf": text.replace("\n", "\r\n").encode("utf-8"),
            "bom-crlf": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")}


SHORT_FORMS = """---
title: Bài hai
date: 2024-05-19
date_estimated: true
summary: >
  Tóm tắt gập
  hai dòng.
tags:
  - nêu gương
  - chuyển đổi số
province: "Hà Giang"
directives: [05-CT/TW]  # "directives: 05-CT/TW" (one item) is an error for the build
image:
  src: /images/hcm1.jpg   # ảnh tạm
  alt: Bác Hồ
  caption: 'Ảnh: tư liệu'
source: Báo Hà Giang
updated: 2024-06-01 08:00
draft: False
---

Nội dung một dòng.
"""


def test_an_unchanged_save_leaves_every_article_byte_for_byte(backend: LocalBackend, project: Path):
    """Saved from the CMS with no change, a hand-written article lost its comments, quoting, `tags: []`,
    `date_estimated: yes`, the date as written and its CRLF lines (the form's writer re-wrote the front
    matter). Now the saved fields are merged into the file's own text: every bundled article, a
    hand-written one and its CRLF and BOM copies stay byte for byte."""
    articles = {p.name: p.read_bytes() for p in sorted((project / "content/articles").glob("*.md"))}
    for name, data in variants(HAND_WRITTEN).items():
        articles[f"tay-{name}.md"] = data
    articles["ngan.md"] = SHORT_FORMS.encode("utf-8")  # `source: Báo …` was written back as a table
    for name, data in articles.items():
        path = project / "content/articles" / name
        path.write_bytes(data)
        saved = cms_save(decode(data, name))
        status, answer = backend.handle(persist(f"content/articles/{name}", saved))
        assert status == 200, answer
        assert path.read_bytes() == data, name


def test_an_edit_changes_only_what_was_edited(backend: LocalBackend, project: Path):
    """A title edit re-wrote the whole front matter; a body edit kept the front matter's text, and a
    cleared field goes away."""
    def edit(data):
        data["title"] = "Bài thử đã sửa"
        data["body"] = data["body"].replace("Hết.", "Hết rồi.")
        del data["author"]
    for name, data in variants(HAND_WRITTEN).items():
        path = project / "content/articles" / f"sua-{name}.md"
        path.write_bytes(data)
        status, answer = backend.handle(persist(f"content/articles/sua-{name}.md", cms_save(HAND_WRITTEN, edit)))
        assert status == 200, answer
        crlf = "\r\n" if name != "lf" else "\n"
        expected = (HAND_WRITTEN.replace("title: 'Bài thử: mọi cấu trúc'", 'title: "Bài thử đã sửa"')
                    .replace("Hết.", "Hết rồi.").replace("author: Minh   # hỏi lại tên đầy đủ\n", ""))
        assert path.read_bytes() == data[:3 if name == "bom-crlf" else 0] + expected.replace("\n", crlf).encode()
        assert read_article(path, path.name, ReadSettings.of(*loaded(project))).title == "Bài thử đã sửa"


def test_the_body_opens_as_markdown_as_written():
    """The rich-text mode re-wrote the whole body on a one-letter edit, dropping a table's alignment, an
    image with a title, escapes (1986\\.) and line breaks: the body opens as Markdown (Decap opens the
    mode stored under "cms.md-mode", rich text when none is); an editor's own choice of mode stays."""
    config, registries = loaded(ROOT)
    body = field_named(cms_config(config, registries, []), "body")
    assert body["widget"] == "markdown" and body["modes"] == ["raw", "rich_text"]
    fresh, chose_rich, chose_raw = run_js([{"op": "presetMode", "stored": {}},
                                           {"op": "presetMode", "stored": {"cms.md-mode": "rich_text"}},
                                           {"op": "presetMode", "stored": {"cms.md-mode": "raw"}}])
    assert fresh == {"ok": "raw"} and chose_rich == {"ok": "rich_text"} and chose_raw == {"ok": "raw"}


def entry_id(backend: LocalBackend, path: str) -> str:
    status, answer = backend.handle({"action": "getEntry", "params": {"branch": "main", "path": path}})
    assert status == 200
    return answer["file"]["id"]


def with_base(request: dict, base: dict) -> dict:
    request["params"]["baseIds"] = base
    return request


def test_a_save_over_a_file_changed_since_it_was_opened_is_refused(backend: LocalBackend, project: Path):
    """Two tabs opened one article; the second save silently wrote over the first. The same for a file
    changed by `import` or a text editor while open in the CMS, or deleted. Saves carry the id of the
    file as the tab read it (lamtheobac-cms.js) and a stale one is refused."""
    name = "content/articles/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md"
    path = project / name
    opened = entry_id(backend, name)          # both tabs read the same file
    first = cms_save(path.read_text(encoding="utf-8"), lambda d: d.update(title="Tab một"))
    status, answer = backend.handle(with_base(persist(name, first), {name: opened}))
    assert status == 200 and answer["ids"] == {name: hashlib.sha256(path.read_bytes()).hexdigest()}
    after_first = path.read_bytes()
    second = cms_save(first, lambda d: d.update(title="Tab hai"))
    status, answer = backend.handle(with_base(persist(name, second), {name: opened}))
    assert status == 409 and "đã được sửa ở nơi khác" in answer["error"] and "tải lại trang" in answer["error"]
    assert path.read_bytes() == after_first
    # the first tab goes on with the id the save gave it
    status, answer = backend.handle(with_base(persist(name, second), {name: hashlib.sha256(after_first).hexdigest()}))
    assert status == 200 and 'title: "Tab hai"' in path.read_text(encoding="utf-8")
    # changed on disk while open
    opened = entry_id(backend, name)
    path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn thêm bằng trình soạn thảo.\n", encoding="utf-8")
    on_disk = path.read_bytes()
    assert backend.handle(with_base(persist(name, second), {name: opened}))[0] == 409
    assert path.read_bytes() == on_disk
    # deleted while open
    path.unlink()
    status, answer = backend.handle(with_base(persist(name, second), {name: opened}))
    assert status == 409 and "đã bị xóa" in answer["error"] and not path.exists()
    # malformed ids are refused, not ignored
    path.write_bytes(on_disk)
    assert backend.handle(with_base(persist(name, second), ["x"]))[0] == 422
    assert path.read_bytes() == on_disk


def test_the_list_marks_an_article_whose_date_is_still_to_come():
    """The list of articles showed a scheduled article (its date still to come: the build publishes it
    only from then on) as any other, and an editor took it for one on the site. Its day is followed by
    "· hẹn đăng"; the mark is never written to the file."""
    texts = [f'---\ntitle: "Bài"\ndate: {date}\n---\n\nNội dung.\n'
             for date in ("2099-05-19T16:27:00+07:00", "2021-05-19T16:27:00+07:00", "2099-01-01", "2020-01-01",
                          "2099-05-19 03:00:00Z")]
    read = run_js([{"op": "fromFile", "text": text} for text in texts])
    assert [r["ok"]["lamtheobac_ngay"] for r in read] == [
        "19/05/2099 · hẹn đăng", "19/05/2021", "01/01/2099 · hẹn đăng", "01/01/2020", "19/05/2099 · hẹn đăng"]
    saved = run_js([{"op": "toFile", "data": read[0]["ok"], "order": list(ARTICLE_FIELDS) + ["body"]}])
    assert "hẹn đăng" not in json.dumps(saved, ensure_ascii=False) and "2099-05-19T16:27:00+07:00" in saved[0]["ok"]


def test_a_tab_holding_an_article_renamed_in_another_is_told_where_it_went(project: Path):
    """Tab one typed a new "Địa chỉ bài" (the file moved), tab two still held the old file: its save was
    refused as if the article "had been deleted", and the editor looked for a lost article. Told the new
    file, in any later request of the same server (a backend is made per request); nothing written."""
    name = "content/articles/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md"
    moved = "content/articles/nhan-rong-mo-hinh.md"
    path = project / name
    opened = entry_id(LocalBackend(project, folders(load_config(project))), name)  # both tabs read it
    first = cms_save(path.read_text(encoding="utf-8"), lambda d: d.update(slug="nhan-rong-mo-hinh"))
    status, _ = LocalBackend(project, folders(load_config(project))).handle(
        with_base(persist(name, first, new_path=moved), {name: opened}))
    assert status == 200 and not path.exists() and (project / moved).exists()
    after = (project / moved).read_bytes()
    second = cms_save(first, lambda d: d.update(title="Tab hai"))
    status, answer = LocalBackend(project, folders(load_config(project))).handle(
        with_base(persist(name, second), {name: opened}))
    assert status == 409 and answer["error"] == (
        f"không lưu bài “{name}”: từ khi anh/chị mở bài, địa chỉ bài đã được đổi (có lẽ trong một thẻ khác) và "
        f"tệp nay là “{moved}”; lưu bây giờ sẽ tạo lại bài cũ bên cạnh bài đó. Hãy chép phần vừa sửa ra chỗ "
        f"khác, mở lại bài từ danh sách bài viết (bài nay ở “{moved}”) rồi sửa lại trên bản đó")
    assert not path.exists() and (project / moved).read_bytes() == after


def rich_text_rewrite(body: str) -> str:
    """The body as Decap's rich-text editor writes it back (remark-stringify, as measured in Chromium):
    list markers "*", ATX headings, the alignment and a titled image dropped, needless escapes gone."""
    return (body.replace("|:-----|:----:|-----:|", "| ---- | ---- | ---- |")
            .replace('![Ảnh Bác](/images/hcm1.jpg "Tiêu đề ảnh")\n\n', "")
            .replace("1986\\.", "1986.").replace("- mục một\n    - mục con", "* mục một\n\n  * mục con")
            .replace("Tiêu đề setext\n--------------", "## Tiêu đề setext"))


def test_a_save_that_rewrites_the_body_and_drops_markup_is_refused(backend: LocalBackend, project: Path):
    """A body re-written by a rich-text editor (an admin page still open from before, another CMS) lost
    the table's alignment, the titled image and an escape where nobody edited: refused, nothing written.
    An editor's own changes (a line deleted, a word changed) are saved."""
    path = project / "content/articles/bai-thu.md"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    rewritten = cms_save(HAND_WRITTEN, lambda d: d.update(body=rich_text_rewrite(d["body"]) + "\nThêm một câu.\n"))
    status, answer = backend.handle(persist("content/articles/bai-thu.md", rewritten))
    assert status == 409, answer
    for lost in ("căn lề cột của bảng", "ảnh có tiêu đề", "ký tự thoát"):
        assert lost in answer["error"]
    assert "chú thích cuối trang" not in answer["error"] and "tải lại trang" in answer["error"]
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    (read,) = run_js([{"op": "fromFile", "text": HAND_WRITTEN}])
    body_lines = read["ok"]["body"].split("\n")
    edits = [(line, "\n".join(body_lines[:index] + replacement + body_lines[index + 1:]))
             for index, line in enumerate(body_lines)  # any one line deleted or changed by hand is saved
             for replacement in ([], [line.replace("Tiêu", "Tựa").replace("a", "á")])]
    saves = run_js([{"op": "toFile", "data": read["ok"] | {"body": body}, "order": list(ARTICLE_FIELDS) + ["body"]}
                    for _, body in edits])
    for (line, _), saved in zip(edits, saves):
        path.write_text(HAND_WRITTEN, encoding="utf-8")
        status, answer = backend.handle(persist("content/articles/bai-thu.md", saved["ok"]))
        assert status == 200, (line, answer)


@pytest.mark.parametrize("hostile", ["<a" * 300_000, "![a](" * 200_000, "[^" * 300_000, ":" + " " * 1_000_000 + "x",
                                     "x" + "  \n" * 300_000, "|:-" * 200_000])
def test_looking_for_lost_markup_takes_linear_time(hostile: str):
    """A 1 MB line of "<a<a<a…" (or "![a](…", spaces without a line end) kept the loss check's patterns
    backtracking for minutes in the preview server: every repeat is now bounded and possessive."""
    start = time.monotonic()
    lost_in_save(f"---\ntitle: a\n---\n\n- a\n- b\n{hostile}\n".encode(), '---\ntitle: "a"\n---\n\n* a\n* b\n', "a.md")
    assert time.monotonic() - start < 10


def test_a_merge_never_writes_front_matter_that_reads_otherwise(backend: LocalBackend, project: Path):
    """A comment between an image's lines was taken for a line of its own and the image's next lines
    were written twice after an edit; an alias (*x) kept while its anchor's key was edited would no
    longer read. The merged front matter always reads as what the editor saved, or the save is
    written as sent."""
    path = project / "content/articles/bai-neo.md"
    original = ('---\ntitle: &x Bài neo\nsummary: *x\nimage:\n# ảnh tạm\n  src: /images/hcm1.jpg\n  alt: Bác\n'
                '  caption: Ảnh\ndraft: true\n---\n\nNội dung.\n')
    path.write_text(original, encoding="utf-8")
    saved = cms_save(original)
    assert backend.handle(persist("content/articles/bai-neo.md", saved))[0] == 200
    assert path.read_text(encoding="utf-8") == original
    for change in ({"title": "Tên mới"}, {"image": [{"src": "/images/hcm1.jpg", "alt": "Bác Hồ", "caption": "Ảnh"}]}):
        path.write_text(original, encoding="utf-8")
        saved = cms_save(original, lambda d: d.update(change))
        assert backend.handle(persist("content/articles/bai-neo.md", saved))[0] == 200
        after = split(path.read_text(encoding="utf-8"), "a").meta
        assert after == split(saved, "a").meta | {"image": after["image"]}
        assert after["image"] == {"src": "/images/hcm1.jpg", "caption": "Ảnh",
                                  "alt": change.get("image", [{"alt": "Bác"}])[0]["alt"]}


def test_deleting_an_article_changed_since_it_was_opened_is_refused(backend: LocalBackend, project: Path):
    """A tab that read an article deleted it after another tab (or `import`, or a text editor) had changed
    it, and the change went with it. With the id the tab read, such a deletion is refused; one of the
    file as read goes through."""
    name = "content/articles/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md"
    path = project / name
    opened = entry_id(backend, name)
    path.write_bytes(path.read_bytes() + "\nĐoạn thêm.\n".encode())
    changed = path.read_bytes()
    for request in ({"action": "deleteFile", "params": {"branch": "main", "path": name}},
                    {"action": "deleteFiles", "params": {"branch": "main", "paths": [name]}}):
        status, answer = backend.handle(with_base(request, {name: opened}))
        assert status == 409 and answer["error"].startswith(f"không xóa bài “{name}”") and "tải lại trang" in answer["error"]
        assert path.read_bytes() == changed
    request = {"action": "deleteFile", "params": {"branch": "main", "path": name}}
    assert backend.handle(with_base(request, {name: entry_id(backend, name)}))[0] == 200
    assert not path.exists()


@pytest.mark.parametrize("raw, line, reason", [
    ("", 1, "tệp rỗng"),
    ("Chỉ có chữ, không có phần thông tin đầu bài.\n", 1, "thiếu dòng “---” mở đầu"),
    ('---\ntitle: "Bài"\n\nNội dung.\n', 1, "không có dòng “---” đóng lại"),
])
def test_a_save_the_build_cannot_read_never_replaces_a_readable_article(backend: LocalBackend, project: Path,
                                                                         raw: str, line: int, reason: str):
    """An empty or forged save (no front matter, one left open) was written over the article as sent:
    the article was lost, and the next build failed on the file."""
    name = sorted((project / "content/articles").glob("*.md"))[0].name
    before = (project / "content/articles" / name).read_bytes()
    status, answer = backend.handle(persist(f"content/articles/{name}", raw))
    assert status == 422, answer
    assert answer["error"].startswith(f"không lưu bài “content/articles/{name}”: nội dung gửi lên không phải một bài "
                                      f"đọc được (dòng {line}: ")
    assert reason in answer["error"] and answer["error"].endswith("bài đang có được giữ nguyên")
    assert (project / "content/articles" / name).read_bytes() == before


def new_entry(path: str, raw: str) -> dict:
    request = persist(path, raw)
    request["params"]["options"]["newEntry"] = True
    return request


@pytest.mark.parametrize("title, stem", [
    ("🎉🎉🎉", ""),                                 # Decap's address of a title of emoji or punctuation alone
    ("!!! ??? …", ""),
    ("Học tập và làm theo " * 12, slugify("Học tập và làm theo " * 12)),  # 239 letters: the build refuses it
    ("Hồ Chí Minh " * 30, slugify("Hồ Chí Minh " * 30)),                    # 329 letters: no disk holds it
])
def test_a_new_article_needs_an_address_the_build_and_the_disk_can_hold(backend: LocalBackend, project: Path,
                                                                         title: str, stem: str):
    """A new article's file name is its address, made by the CMS from its title. A title of emoji was
    refused as “tên tệp mới “content/articles/.md” chỉ được gồm chữ thường … (ví dụ anh-hoi-nghi.jpg)” (a
    file name the editor never typed); a long title saved a file the build then refused (over MAX_SLUG
    letters) or failed with “lỗi ghi tệp: tên quá dài”. Now the editor is told what to change in the title."""
    path = f"content/articles/{stem}.md"
    before = sorted(p.name for p in (project / "content/articles").iterdir())
    status, answer = backend.handle(new_entry(path, f'---\ntitle: "{title}"\ndate: 2024-05-19\n---\n\nNội dung.\n'))
    assert status == 422, answer
    if stem:
        assert answer["error"].startswith(f"tiêu đề bài mới quá dài để làm địa chỉ bài: địa chỉ tạo từ tiêu đề có "
                                          f"{len(stem)} ký tự, tối đa {MAX_SLUG}. Hãy rút gọn tiêu đề"), answer
    else:
        assert answer["error"].startswith("không tạo được địa chỉ cho bài mới: tiêu đề không có chữ cái hay chữ "
                                          "số nào"), answer
    assert sorted(p.name for p in (project / "content/articles").iterdir()) == before


def test_the_longest_address_the_build_reads_is_saved(backend: LocalBackend, project: Path):
    longest = slugify("Học tập và làm theo " * 12)[:MAX_SLUG].rstrip("-")
    assert backend.handle(new_entry(f"content/articles/{longest}.md",
                                    '---\ntitle: "Dài"\ndate: 2024-05-19\n---\n\nNội dung.\n'))[0] == 200
    assert run_check(project, now=NOW).errors == []


def test_a_photo_a_page_or_site_toml_shows_is_not_deleted(backend: LocalBackend, project: Path):
    """Only the articles were searched for a photo before deleting it: a photo the pages (content/pages)
    or site.toml (the logo) show was deleted, and the next build failed on it."""
    for name, user, line in (("anh-trang.jpg", project / "content/pages/gioi-thieu.md", "\n![Trụ sở](/images/anh-trang.jpg)\n"),
                             ("logo-moi.png", project / "site.toml", None)):
        photo = project / "content/images" / name
        photo.write_bytes(JPEG if name.endswith(".jpg") else b"\x89PNG\r\n\x1a\n")
        if line:
            user.write_text(user.read_text(encoding="utf-8") + line, encoding="utf-8")
        else:
            user.write_text(user.read_text(encoding="utf-8").replace('logo = "/images/logo.svg"',
                                                                    'logo = "/images/logo-moi.png"'), encoding="utf-8")
        status, answer = backend.handle({"action": "deleteFile", "params": {"path": f"content/images/{name}"}})
        assert status == 409 and answer["error"].startswith(
            f"ảnh “content/images/{name}” đang được dùng trong {user.relative_to(project).as_posix()}:"), answer
        assert photo.is_file()


@pytest.mark.parametrize("action", ["persistMedia", "persistEntry"])
def test_an_upload_is_saved_only_among_the_images(backend: LocalBackend, project: Path, action: str):
    """An upload named .md in the articles folder was written as an article that no check of an entry had
    read (an unreadable one broke the build; no stale-tab or front-matter check applied)."""
    upload = asset("content/articles/tai-len.md", "---\ntitle: [không đóng\n---\n".encode())
    if action == "persistMedia":
        request = {"action": "persistMedia", "params": {"branch": "main", "asset": upload}}
    else:
        request = persist("content/articles/bai-kem.md", '---\ntitle: "Bài"\ndate: 2024-05-19\n---\n\nA.\n', [upload])
    status, answer = backend.handle(request)
    assert status == 403 and answer["error"] == ("tệp tải lên chỉ được lưu trong content/images/ hoặc content/files/, "
                                                 "không phải “content/articles/tai-len.md”"), answer
    assert not (project / "content/articles/tai-len.md").exists()
    assert not (project / "content/articles/bai-kem.md").exists()


def test_an_article_other_pages_link_to_is_not_deleted(backend: LocalBackend, project: Path):
    """Deleting an article another article or a page links to succeeded: the links led nowhere and
    `check` failed on them. Now it is refused with the pages that link to it, unless they go too."""
    target = project / "content/articles/bai-dich.md"
    target.write_text('---\ntitle: "Bài đích"\ndate: 2024-05-19\n---\n\nĐích.\n', encoding="utf-8")
    renamed = project / "content/articles/ten-tep-khac.md"  # its address is its "slug", not its file name
    renamed.write_text('---\ntitle: "Bài có slug"\ndate: 2024-05-19\nslug: "dia-chi-rieng"\n---\n\nB.\n',
                       encoding="utf-8")
    linking = project / "content/articles/bai-dan.md"
    linking.write_text('---\ntitle: "Bài dẫn"\ndate: 2024-05-19\n---\n\nXem [bài đích](/bai-viet/bai-dich/) và '
                       '[bài kia](https://lamtheobac.netlify.app/bai-viet/dia-chi-rieng).\n', encoding="utf-8")
    page = project / "content/pages/gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Bài đích](/bai-viet/bai-dich/)\n", encoding="utf-8")
    for path, users in (("content/articles/bai-dich.md", "content/articles/bai-dan.md, content/pages/gioi-thieu.md"),
                        ("content/articles/ten-tep-khac.md", "content/articles/bai-dan.md")):
        status, answer = backend.handle({"action": "deleteFile", "params": {"path": path}})
        assert status == 409 and answer["error"].startswith(f"bài “{path}” đang được liên kết đến từ {users}: "), answer
        assert (project / path).is_file()
    # An address that only begins like another's is no link to it; links from a file deleted too do not count.
    page.write_text(page.read_text(encoding="utf-8").replace("/bai-viet/bai-dich/", "/bai-viet/bai-dich-2/"),
                    encoding="utf-8")
    status, answer = backend.handle({"action": "deleteFiles", "params": {"paths": [
        "content/articles/bai-dan.md", "content/articles/bai-dich.md", "content/articles/ten-tep-khac.md"]}})
    assert status == 200, answer
    assert not target.exists() and not linking.exists() and not renamed.exists()



@pytest.fixture
def reviewed(project: Path) -> LocalBackend:
    """The backend as `serve --cms` makes it: it asks what the build would say of each save."""
    config = load_config(project)
    where = folders(config)
    return LocalBackend(project, where, reviewer(config, load_registries(config.path(config.data_dir), project)))


def test_a_save_the_build_would_refuse_is_not_written(reviewed: LocalBackend, project: Path):
    """A save the build refuses was written: a tag of punctuation (no page name), or a tag whose page
    another article's tag has ("bắc" and "Bác" are both /chu-de/bac/). The preview stopped rebuilding and
    the published build failed, while the CMS said "saved". Now the save is refused with the build's
    messages (path:line), and the file is not written; a save the build reads is written."""
    other = project / "content/articles/bai-bac.md"
    other.write_text('---\ntitle: "Bác Hồ"\ndate: 2024-05-19\ntags: ["Bác"]\n---\n\nA.\n', encoding="utf-8")
    path = "content/articles/bai-moi.md"
    for tags, expected in (
            ('["bắc", "nêu gương"]', f"{path}:4: chủ đề “bắc” có cùng đường dẫn /chu-de/bac/ với chủ đề “Bác” "
                                    f"(content/articles/bai-bac.md); hãy đổi tên một trong hai chủ đề"),
            ('["C", "C++"]', f"{path}:4: chủ đề “C” có cùng đường dẫn /chu-de/c/ với chủ đề “C++” ({path})"),
            ('["???"]', f"{path}:4: chủ đề “???” không tạo được đường dẫn")):
        raw = f'---\ntitle: "Bài mới"\ndate: 2024-05-19T10:00:00+07:00\ntags: {tags}\n---\n\nNội dung.\n'
        status, answer = reviewed.handle(new_entry(path, raw))
        assert status == 422 and answer["error"].startswith(f"không lưu bài “{path}”: trang sẽ không dựng được với "
                                                            f"bài này (1 lỗi): {expected}"), answer
        assert not (project / path).exists()
    # Spellings of one tag are one page: "Bác" again, or "hoà"/"hòa", are saved; so is an edit of bai-bac itself.
    raw = '---\ntitle: "Bài mới"\ndate: 2024-05-19T10:00:00+07:00\ntags: ["bác", "hoà bình"]\n---\n\nA.\n'
    assert reviewed.handle(new_entry(path, raw))[0] == 200
    edit = '---\ntitle: "Bác Hồ kính yêu"\ndate: 2024-05-19\ntags: ["Bác", "hòa bình"]\n---\n\nA.\n'
    assert reviewed.handle(persist("content/articles/bai-bac.md", edit))[0] == 200
    assert run_check(project, now=NOW).errors == []


def test_a_new_article_may_not_take_an_address_already_used(reviewed: LocalBackend, project: Path):
    """A new article titled like another article's "slug" (“Địa chỉ riêng” when ten-khac.md has slug:
    dia-chi-rieng), or like an address the site keeps (“Văn bản”: van-ban), was saved; the build then
    refused both articles' shared address. Now the save is refused with the build's message."""
    (project / "content/articles/ten-khac.md").write_text(
        '---\ntitle: "B"\ndate: 2024-05-19\nslug: "dia-chi-rieng"\n---\n\nB.\n', encoding="utf-8")
    for stem, title, expected in (
            ("dia-chi-rieng", "Địa chỉ riêng", "content/articles/dia-chi-rieng.md:1: bài viết này có cùng đường dẫn "
                                               "/bai-viet/dia-chi-rieng/ với content/articles/ten-khac.md"),
            ("van-ban", "Văn bản", "content/articles/van-ban.md:1: đường dẫn “van-ban” trùng với đường dẫn dành "
                                   "riêng của cổng")):
        path = f"content/articles/{stem}.md"
        status, answer = reviewed.handle(new_entry(path, f'---\ntitle: "{title}"\ndate: 2024-05-19\n---\n\nA.\n'))
        assert status == 422 and f"(1 lỗi): {expected}" in answer["error"], answer
        assert not (project / path).exists()
    # The article that has the address saves (it is not its own twin).
    edit = '---\ntitle: "B sửa"\ndate: 2024-05-19\nslug: "dia-chi-rieng"\n---\n\nB.\n'
    assert reviewed.handle(persist("content/articles/ten-khac.md", edit))[0] == 200


def test_the_address_the_cms_links_to_is_the_one_the_build_gives(tmp_path: Path):
    """lamtheobac-cms.js's addressOf (the link "Xem bản hoàn chỉnh" is given it): the "slug" of the file
    when written, else the file name, as the build reads it (Decap linked to the file name always)."""
    texts = ['---\ntitle: "A"\ndate: 2024-05-19\nslug: "dia-chi-rieng"\n---\n\nx\n',
             '---\ntitle: "A"\ndate: 2024-05-19\nslug:   dia-chi-rieng  \n---\n\nx\n',
             '---\r\ntitle: "A"\r\ndate: 2024-05-19\r\nslug: 2024\r\n---\r\n\r\nx\r\n',
             '\ufeff---\ntitle: "A"\ndate: 2024-05-19\n---\n\nx\n',
             '---\ntitle: "A"\ndate: 2024-05-19\naliases: ["/bai-viet/cu/"]\n---\n\nslug: "khong-phai"\n']
    got = run_js([{"op": "addressOf", "text": text, "stem": "ten-tep"} for text in texts])
    settings = ReadSettings.of(*loaded(ROOT))
    for number, (text, answer) in enumerate(zip(texts, got)):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "ten-tep.md").write_text(text, encoding="utf-8", newline="")
        assert answer == {"ok": read_article(folder / "ten-tep.md", "ten-tep.md", settings).slug}, text
    # What the build refuses has no page: the file name, as Decap had it.
    bad = ['---\ntitle: "A"\nslug: "Mô hình"\n---\n', '---\ntitle: [\n---\n', "no front matter"]
    assert run_js([{"op": "addressOf", "text": t, "stem": "ten-tep"} for t in bad]) == [{"ok": "ten-tep"}] * 3


def test_sizes_are_told_in_the_mb_of_the_limit_rounded_up_over_it():
    from generator.cms.backend import megabytes
    assert [megabytes(n) for n in (MAX_UPLOAD, 1024 ** 2 // 2, 0)] == ["20 MB", "0,5 MB", "0 MB"]
    assert [megabytes(n, up=True) for n in (MAX_UPLOAD + 1, MAX_UPLOAD + 29_000, 21_091_591, 1)] == \
        ["20,1 MB", "20,1 MB", "20,2 MB", "0,1 MB"]


@pytest.mark.parametrize("name", ["IMG_0001.HEIC", "anh.heif", "scan.tiff", "anh.bmp"])
def test_a_photo_browsers_do_not_show_is_refused_with_how_to_make_a_jpeg(backend: LocalBackend, project: Path,
                                                                         name: str):
    """An iPhone's HEIC photo was refused with the list of accepted endings only: the editor on a phone did
    not know what to do. Now the refusal says how to get a JPEG."""
    data = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64
    status, answer = backend.handle({"action": "persistMedia", "params": {
        "asset": asset(f"content/images/{name}", data), "options": {"commitMessage": "m"}}})
    assert status == 422 and answer["error"].startswith(f"không tải lên được “{name}”: ")
    assert ("Tương thích nhất" if name.startswith(("IMG", "anh.heif")) else "Paint (Windows)") in answer["error"]
    assert "rồi lưu thành .jpg" in answer["error"]
    assert not list((project / "content/images").glob(name.split(".")[0] + ".*"))


def test_the_browsers_words_for_a_backend_that_does_not_answer_are_told_in_vietnamese():
    words = ["Không thể giữ lại mục: TypeError: Failed to fetch",                       # Chromium
             "Không thể giữ lại mục: TypeError: NetworkError when attempting to fetch resource.",  # Firefox
             "Failed to persist media: TypeError: Load failed"]                        # Safari
    for said in run_js([{"op": "notice", "text": text} for text in words]):
        assert "không kết nối được với máy chủ biên tập" in said["ok"] and "chưa có gì được lưu" in said["ok"]
        assert not any(english in said["ok"] for english in ("TypeError", "fetch", "failed", "Failed"))


# --- attachments: documents an article offers to download (content/files) ------------------------

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(64)


def upload(backend: LocalBackend, path: str, data: bytes) -> tuple[int, dict]:
    return backend.handle({"action": "persistMedia", "params": {"branch": "main", "asset": asset(path, data)}})


def test_an_attachment_is_uploaded_to_the_files_folder_and_listed_there(backend: LocalBackend, project: Path):
    """The editor could upload photos only: a directive's PDF could not be offered from an article.
    Documents go to content/files (as the build publishes them), and the files folder lists documents only."""
    from generator.attachments import KINDS
    status, stored = upload(backend, "content/files/chi-thi-05.pdf", PDF)
    assert status == 200 and stored["path"] == "content/files/chi-thi-05.pdf", stored
    assert (project / "content/files/chi-thi-05.pdf").read_bytes() == PDF
    (project / "content/files/ghi-chu.md").write_text("ghi chú", encoding="utf-8")  # not a document to pick
    status, listed = backend.handle({"action": "getMedia", "params": {"mediaFolder": "content/files"}})
    assert status == 200 and [m["path"] for m in listed] == ["content/files/chi-thi-05.pdf"]
    docx = b"PK\x03\x04" + bytes(30)
    raw = '---\ntitle: "Bài có văn bản"\ndate: 2024-05-19T16:27:00+07:00\n---\n\n[Tải kế hoạch](/files/ke-hoach.docx)\n'
    # Sent where the CMS sends every upload (the photos' folder): stored among the documents.
    status, _ = backend.handle(persist("content/articles/bai-co-van-ban.md", raw,
                                       [asset("content/images/ke-hoach.docx", docx)]))
    assert status == 200 and (project / "content/files/ke-hoach.docx").read_bytes() == docx
    assert not (project / "content/images/ke-hoach.docx").exists()
    status, stored = upload(backend, "content/images/bao-cao.pdf", PDF)
    assert status == 200 and stored["path"] == "content/files/bao-cao.pdf"
    assert set(backend.areas[2].extensions) == set(KINDS)  # the build's list, not a second one


def test_the_photos_library_lists_the_uploaded_documents_too(backend: LocalBackend, project: Path):
    """Decap asks for the photos' folder only: a PDF uploaded from an article was in no list, so it could
    not be linked again from another article, nor deleted from the library. The documents of the
    attachments folder come after the photos (Decap shows a photo field's library its pictures only)."""
    photos = [m["path"] for m in backend.handle({"action": "getMedia",
                                                 "params": {"mediaFolder": "content/images"}})[1]]
    assert photos and not any(p.startswith("content/files/") for p in photos)
    assert upload(backend, "content/images/ke-hoach.pdf", PDF)[0] == 200  # as the CMS sends a document
    (project / "content/files/ghi-chu.md").write_text("ghi chú", encoding="utf-8")  # no document
    status, listed = backend.handle({"action": "getMedia", "params": {"mediaFolder": "content/images"}})
    assert status == 200 and [m["path"] for m in listed] == photos + ["content/files/ke-hoach.pdf"]
    assert listed[-1]["name"] == "ke-hoach.pdf" and base64.b64decode(listed[-1]["content"]) == PDF
    status, _ = backend.handle({"action": "deleteFile", "params": {"path": "content/files/ke-hoach.pdf"}})
    assert status == 200 and not (project / "content/files/ke-hoach.pdf").exists()


@pytest.mark.parametrize("name, data, status, message", [
    ("chi-thi.pdf", EXE, 422, "không tải lên được “chi-thi.pdf”: tệp có đuôi .pdf nhưng nội dung không phải PDF "
                              "(có lẽ đã đổi tên một tệp khác)"),
    ("bang-diem.xlsx", "<html><body>bảng</body></html>".encode(), 422, "không tải lên được “bang-diem.xlsx”: tệp có đuôi "
                                                               ".xlsx nhưng nội dung không phải Excel (.xlsx)"),
    ("cai-dat.exe", EXE, 422, "không tải lên được “cai-dat.exe”: tệp .exe không được đặt trong thư mục văn bản "
                              "đính kèm content/files/: thư mục này chỉ nhận văn bản (PDF, DOC"),
    ("anh.jpg", JPEG, 422, "không tải lên được “anh.jpg”: tệp .jpg không được đặt trong thư mục văn bản đính kèm "
                           "content/files/"),
    ("trang.html", b"<script>alert(1)</script>", 422, "không tải lên được “trang.html”: tệp .html không được"),
    ("lon.pdf", b"%PDF-" + bytes(MAX_UPLOAD), 413, "tệp “content/files/lon.pdf” quá lớn (20,1 MB; tối đa 20 MB "
                                                   "cho một tệp văn bản đính kèm)"),
])
def test_an_attachment_must_be_the_document_its_name_says(backend: LocalBackend, project: Path, name, data,
                                                          status, message):
    """A program renamed .pdf, a page saved as .xlsx, a photo or a page among the documents would be handed
    out from the portal's address (and the next build refuses them): refused on upload, in Vietnamese, the
    limit in MB; in a save the article is not written either."""
    path = f"content/files/{name}"
    answer = upload(backend, path, data)
    assert answer[0] == status and answer[1]["error"].startswith(message), answer
    sent = f"content/images/{name}" if name.endswith((".pdf", ".xlsx")) else path  # as the CMS sends a document
    answer = backend.handle(persist("content/articles/bai-van-ban.md", "---\ntitle: x\n---\n", [asset(sent, data)]))
    assert answer[0] == status and answer[1]["error"].startswith(message), answer
    assert not (project / path).exists() and not (project / "content/articles/bai-van-ban.md").exists()
    if name.endswith(".jpg"):
        assert "ảnh hãy đặt trong thư mục ảnh" in answer[1]["error"]
    if name.endswith((".exe", ".html")):  # picked in the CMS, sent to the photos' folder
        answer = upload(backend, f"content/images/{name}", data)
        assert answer == (422, {"error": f"không tải lên được “{name}”: chỉ tải lên được ảnh (JPG, JPEG, PNG, GIF, "
                                         f"WEBP, AVIF) và văn bản đính kèm (PDF, DOC, DOCX, ODT, RTF, TXT, XLS, XLSX, "
                                         f"ODS, CSV, PPT, PPTX, ODP), không nhận tệp .{name.rsplit('.', 1)[1]}"})
        assert not (project / f"content/images/{name}").exists()


def test_an_attachment_articles_link_to_is_not_deleted(backend: LocalBackend, project: Path):
    assert upload(backend, "content/files/ke-hoach.pdf", PDF)[0] == 200
    article = project / "content/articles/co-van-ban.md"
    article.write_text('---\ntitle: "Có văn bản"\ndate: 2024-05-19T16:27:00+07:00\n---\n\n'
                       '[Tải kế hoạch](/files/ke-hoach.pdf)\n', encoding="utf-8")
    status, answer = backend.handle({"action": "deleteFile", "params": {"path": "content/files/ke-hoach.pdf"}})
    assert status == 409 and answer["error"] == (
        "văn bản đính kèm “content/files/ke-hoach.pdf” đang được dùng trong content/articles/co-van-ban.md: xóa văn "
        "bản đính kèm sẽ làm hỏng các bài đó; hãy bỏ văn bản đính kèm khỏi bài trước rồi mới xóa")
    assert (project / "content/files/ke-hoach.pdf").read_bytes() == PDF
    article.unlink()
    assert backend.handle({"action": "deleteFile", "params": {"path": "content/files/ke-hoach.pdf"}})[0] == 200
    assert not (project / "content/files/ke-hoach.pdf").exists()


def test_the_admin_page_tells_the_attachment_component_where_documents_go(project: Path):
    """The body's "Văn bản đính kèm" (serve --cms and the published admin/ alike): Decap sends the upload
    with a photo's path, the component links the document where the backend (or, for a git backend,
    lamtheobac-cms.js) stores it and the build publishes it."""
    from generator.attachments import KINDS
    config, registries = loaded(project)
    terms = json.loads(admin.terms_json(config, registries))
    assert terms["files"] == {"url": "/files", "images": "/images", "max_bytes": MAX_UPLOAD, "kinds": list(KINDS),
                              "folder": "content/files", "media": "content/images", "checks": admin.document_checks()}
    assert terms["files"]["checks"][".pdf"]["starts"] == ["255044462d"]  # "%PDF-"
    component = run_js_component(terms["files"])
    assert component["label"] == "Văn bản đính kèm" and component["file"]["widget"] == "file"
    assert component["blocks"] == ["[Tải toàn văn Chỉ thị 05\\[CT\\]](/files/chi-thi-05.pdf)",
                                   "[ke-hoach.DOCX](/files/ke-hoach.DOCX)", "[anh.jpg](/images/anh.jpg)"]
    assert component["read"] == {"text": "Tải toàn văn Chỉ thị 05[CT]", "file": "/files/chi-thi-05.pdf"}
    assert component["others"] == [False, False]  # a link elsewhere, or a link in a sentence, stays text
    # The body's hint says where to find it (the "+" of "Soạn trực quan"), where there is one.
    hints = [field_named(cms_config(config, registries, [], local_url=url), "body")["hint"]
             for url in (None, "http://127.0.0.1:8000/api/v1")]
    assert hints[0] == hints[1] and "chèn ảnh, văn bản đính kèm (PDF, Word, Excel…) bằng nút +" in hints[0]
    assert "Nút “Đính kèm văn bản” ở trên ô này tải lên văn bản (PDF, Word, Excel…) và chèn liên kết" in hints[0]


@pytest.mark.parametrize("name, data, refused", [
    ("a.pdf", PDF, False), ("a.pdf", EXE, True), ("a.PDF", EXE, True), ("a.docx", b"PK\x03\x04" + bytes(30), False),
    ("a.doc", b"PK\x03\x04" + bytes(30), True), ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), False),
    ("a.rtf", b"{\\rtf1 abc}", False), ("a.rtf", PDF, True), ("a.txt", "Chỉ thị".encode(), False),
    ("a.txt", b"ab\x00cd", True), ("a.csv", b"\xff\xfe,a", True),
    ("a.csv", b"a" * 4095 + "ệ".encode(), False),  # a character cut at the 4096th byte is still text
    ("a.zip", EXE, False),  # no document: not this check's (the upload's kinds refuse it)
])
def test_the_editor_checks_a_document_as_the_build_does(name: str, data: bytes, refused: bool):
    """A git backend (the published admin/) commits what the page sends: a program renamed .pdf was
    committed, and the site's next build failed on it. lamtheobac-cms.js checks a document's first bytes
    with the build's own list and words (attachments.misnamed, through admin.document_checks)."""
    from generator.attachments import HEAD, KINDS, misnamed
    need(shutil.which("node") is not None, "node (apt-get install nodejs)")
    script = """const api = require(process.argv[1]); const data = Buffer.from(process.argv[3], 'hex');
api.misnamedDocument(new Blob([data]), 'content/files/' + process.argv[2], JSON.parse(process.argv[4]))
  .then(wrong => console.log(JSON.stringify(wrong)));"""
    done = subprocess.run(["node", "-e", script, str(ROOT / "generator/cms/static/lamtheobac-cms.js"), name, data.hex(),
                           json.dumps(admin.document_checks())], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    suffix = os.path.splitext(name)[1].lower()
    wrong = misnamed(suffix, data[:HEAD]) if suffix in KINDS else ""
    assert json.loads(done.stdout) == (f"không tải lên được “{name}”: {wrong}" if wrong else "")
    assert (wrong != "") == refused


def run_js_component(files: dict) -> dict:
    need(shutil.which("node") is not None, "node (apt-get install nodejs)")
    need((NODE_TOOLS / "node_modules" / "js-yaml").is_dir(), "tests/node/node_modules (cd tests/node && npm ci)")
    script = """const api = require(process.argv[1]); const files = JSON.parse(process.argv[2]);
const c = api.attachmentComponent(files);
const blocks = [c.toBlock({text: 'Tải toàn văn  Chỉ thị 05[CT]', file: '/images/chi-thi-05.pdf'}),
                c.toBlock({file: '/images/ke-hoach.DOCX'}), c.toBlock({file: '/images/anh.jpg'})];
const m = c.pattern.exec(blocks[0]);
console.log(JSON.stringify({label: c.label, file: c.fields[0], blocks, read: c.fromBlock(m),
  others: [c.pattern.test('[Bài khác](/bai-viet/bai-khac/)'), c.pattern.test('Xem [tệp](/files/a.pdf) này')]}));"""
    out = subprocess.run(["node", "-e", script, str(ROOT / "generator/cms/static/lamtheobac-cms.js"), json.dumps(files)],
                         capture_output=True, text=True, encoding="utf-8", timeout=120,
                         env={**os.environ, "NODE_PATH": str(NODE_TOOLS / "node_modules")})
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_document_picked_as_a_photo_is_refused(backend: LocalBackend, project: Path):
    """Decap's photo field lets an editor pick any file: a PDF picked as the article's photo was stored
    among the documents while the article showed "/images/ke-hoach.pdf" (no photo, not there), and
    the next build failed on it. Refused, saying where documents go; nothing is written."""
    raw = ('---\ntitle: "Bài ảnh"\ndate: 2024-05-19T16:27:00+07:00\nimage:\n  src: "/images/ke-hoach.pdf"\n'
           '  alt: "Ảnh"\n  caption: "Ảnh"\n---\n\nA.\n')
    status, answer = backend.handle(persist("content/articles/bai-anh.md", raw, [asset("content/images/ke-hoach.pdf", PDF)]))
    assert status == 422 and answer["error"] == (
        "“ke-hoach.pdf” không phải ảnh nên không dùng làm ảnh được (ảnh đại diện, ảnh trong bài cần tệp JPG, JPEG, "
        "PNG, GIF, WEBP, AVIF). Văn bản (PDF, Word…) hãy chèn vào nội dung bằng nút “+” → “Văn bản đính kèm”"), answer
    assert not (project / "content/articles/bai-anh.md").exists() and not (project / "content/files").exists()
    body = raw.replace('image:\n  src: "/images/ke-hoach.pdf"\n  alt: "Ảnh"\n  caption: "Ảnh"\n', "") + \
        "\n[Tải kế hoạch](/files/ke-hoach.pdf)\n"
    assert backend.handle(persist("content/articles/bai-anh.md", body, [asset("content/images/ke-hoach.pdf", PDF)]))[0] == 200
    assert (project / "content/files/ke-hoach.pdf").read_bytes() == PDF


def test_a_new_file_differing_from_another_only_in_case_is_refused(backend: LocalBackend, project: Path):
    """An upload of anh-hoa.jpg beside ANH-HOA.JPG (a camera's name), an entry bai-moi.md beside
    Bai-Moi.md, a photo into album/ beside Album/: written, and the build then refused the pair (one file
    on Windows and a Mac). Refused before anything is written; the same name is still replaced as before."""
    (project / "content/images/ANH-HOA.JPG").write_bytes(JPEG)
    (project / "content/images/Album").mkdir()
    (project / "content/articles/Bai-Moi.md").write_text(
        '---\ntitle: "Bài cũ"\ndate: 2024-05-19T16:27:00+07:00\n---\n\nCũ.\n', encoding="utf-8")
    before = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*"))
    tail = "ở chữ hoa, chữ thường: trên Windows và máy Mac hai tên này là một tệp, và trang sẽ không dựng được; hãy " \
           "đổi tên tệp rồi lưu lại"
    assert upload(backend, "content/images/anh-hoa.jpg", JPEG) == (409, {"error": (
        f"đã có “content/images/ANH-HOA.JPG”, chỉ khác “content/images/anh-hoa.jpg” {tail}")})
    assert upload(backend, "content/images/album/a.jpg", JPEG) == (409, {"error": (
        f"đã có “content/images/Album”, chỉ khác “content/images/album/a.jpg” {tail}")})
    raw = '---\ntitle: "Bài mới"\ndate: 2024-05-19T16:27:00+07:00\n---\n\nMới.\n'
    assert backend.handle(persist("content/articles/bai-moi.md", raw)) == (409, {"error": (
        f"đã có “content/articles/Bai-Moi.md”, chỉ khác “content/articles/bai-moi.md” {tail}")})
    assert sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*")) == before
    assert upload(backend, "content/images/anh-khac.jpg", JPEG)[0] == 200


def test_a_hand_written_directive_form_the_build_reads_is_the_directive_in_the_form():
    """The build reads a directive written "CT05", "Chỉ thị 5", "chỉ thị số 3" or "05CT" (spellings.name_forms),
    but the CMS matched listed spellings alone: such an article opened in the editor showed no directive in
    "Văn bản chỉ đạo" (its value was none of the options). Each form the build reads is now the directive;
    "05-CT/TU" (a provincial party committee's, Tỉnh ủy) stays as written, as the build refuses it."""
    written = ["CT05", "Chỉ thị 5", "chỉ thị số 3", "05CT", "CT 06/TW", "Kết luận 1", "05-CT/TU", "Chỉ thị 06", "CT99"]
    text = "---\ntitle: a\ndirectives:\n" + "".join(f'  - "{w}"\n' for w in written) + "---\nx\n"
    (result,) = run_js([{"op": "fromFile", "text": text}])
    assert result["ok"]["directives"] == ["05-CT/TW", "05-CT/TW", "03-CT/TW", "05-CT/TW", "06-CT/TW", "01-KL/TW",
                                          "05-CT/TU", "06-CT/TW", "CT99"]
    config, registries = loaded(ROOT)
    for form in written[:6]:  # what the editor saves is what the build reads them as
        assert registries.directives.get(form).symbol in result["ok"]["directives"]


def test_a_province_in_another_tone_style_or_spacing_is_the_province_in_the_form():
    """The build reads a province by its key (tone placement, case and spaces aside: term_key), the CMS by
    the listed spellings alone: "Lào  Cai" (two spaces, as pasted), or "Khánh Hoà" on a site whose
    provinces.csv lists "Khánh Hòa" only, opened with an empty "Tỉnh, thành phố"."""
    config, registries = loaded(ROOT)
    terms = json.loads(admin.terms_json(config, registries).replace("<\\/", "</"))
    terms["aliases"]["province"] = {k: v for k, v in terms["aliases"]["province"].items() if k != "khánh hoà"}
    text = '---\ntitle: a\nprovince: ["Lào  Cai", "Khánh Hoà", "HÒA BÌNH", "Nơi khác"]\n---\nx\n'
    (result,) = run_js([{"op": "fromFile", "text": text}], terms)
    assert result["ok"]["province"] == ["Lào Cai", "Khánh Hòa", "Hòa Bình", "Nơi khác"]
    assert [registries.provinces.get(n).name for n in ("Lào  Cai", "Khánh Hoà", "HÒA BÌNH")] == result["ok"]["province"][:3]
