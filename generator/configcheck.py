"""site.toml's values checked: control characters and overlong texts, then each setting's
own rule (addresses, time zone, theme, Markdown engine, numbers, images, URL patterns, [cms]),
every problem at its line, or at its command-line option when the value came from there.
"""
from __future__ import annotations

import re
from dataclasses import fields
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .configschema import CMS_BACKENDS, CMS_PUBLISH_MODES, OWN_FOLDERS, SHARE_FORMATS, SiteConfig, Urls
from .configtable import key_line
from .errors import ConfigError, suggest
from .frontmatter import bidi_control, bidi_said, invisible
from .markdown import ENGINES

_BASE_URL_UNSAFE = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f-\x9f]")
# A theme is a folder of themes_dir: one plain name, never a path ("../x", "/tmp", "a/b").
_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


# Characters of one text value of site.toml. Its values (the title, the footer's lines) are printed
# in every page: a 10 MB title pasted by mistake built 3.9 GB of pages for a 67-page site.
MAX_TEXT = 5_000
# Every text of site.toml is shown on one line: was, a title with U+2028 (or written in """…""" over
# two lines) broke <title>, the feeds' titles and the web app's name on every page.
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")


def control_errors(table: dict, text: str, display: str, section: str | None = None) -> list[ConfigError]:
    """A string value of site.toml holding an invisible control character (they make every Atom
    feed ill-formed), or longer than MAX_TEXT, at the line of its key."""
    errors = []
    for key, value in table.items():
        if isinstance(value, dict) and section is None:
            errors += control_errors(value, text, display, key)
            continue
        long = next((item for item in (value if isinstance(value, list) else [value])
                     if isinstance(item, str) and len(item) > MAX_TEXT), None)
        if long is not None:
            where = f"[{section}] " if section else ""
            size, limit = (f"{n:,}".replace(",", ".") for n in (len(long), MAX_TEXT))
            errors.append(ConfigError(f"{where}“{key}” dài {size} ký tự, quá {limit}: giá trị này được in vào mọi "
                                      f"trang, nên trang dựng ra sẽ rất nặng (có phải đã dán nhầm cả một bài vào "
                                      f"đây?); hãy viết ngắn lại", display, key_line(text, section, key)))
            continue
        for item in value if isinstance(value, list) else [value]:
            found = invisible(item) if isinstance(item, str) else None  # escapes like \u0007 write them
            turned = bidi_control(item) if isinstance(item, str) else None  # and like \u202e (was: published)
            broken = _LINE_BREAK.search(item) if isinstance(item, str) else None  # """…""", \n, \u2028
            if found or turned or broken:
                where = f"[{section}] " if section else ""
                said = (f"có ký tự điều khiển vô hình U+{ord(found):04X}; hãy xóa nó (nó làm hỏng các tệp tin Atom)"
                        if found else bidi_said(turned) if turned else
                        f"có ký tự xuống dòng U+{ord(broken.group()):04X}: giá trị này được in trên một dòng (tên "
                        f"trang, tiêu đề tin Atom, chân trang); hãy viết cả giá trị trên một dòng")
                errors.append(ConfigError(f"{where}“{key}” {said}", display, key_line(text, section, key)))
                break
    return errors


# The command-line options that set a key of site.toml (lamtheobac build --base-url …, --output …).
_OPTIONS = {"base_url": "--base-url", "output_dir": "--output"}


def validate(config: SiteConfig, text: str, display: str, errors: list, given: frozenset = frozenset()) -> None:
    def err(key: str, message: str, section: str | None = None) -> None:
        if section is None and key in given:  # the value came from the command line, not from site.toml:
            # "site.toml:4: …" sent the editor to a line whose value was right.
            option = _OPTIONS.get(key, "--" + key.replace("_", "-"))
            errors.append(ConfigError(message.replace(f"“{key}”", "giá trị", 1), option, None))
            return
        errors.append(ConfigError(message, display, key_line(text, section, key)))

    parts = urlsplit(config.base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        err("base_url", f"“base_url” phải là địa chỉ đầy đủ có http:// hoặc https://, "
                        f"ví dụ “https://example.org/”, không phải “{config.base_url}”")
    elif _BASE_URL_UNSAFE.search(config.base_url):  # it is written into every link and asset address
        err("base_url", f"“base_url” không được chứa dấu cách, dấu ngoặc kép, < > ` \\ hay ký tự điều khiển "
                        f"(viết dấu cách là %20): “{config.base_url}”")
    elif parts.query or parts.fragment or config.base_url.endswith(("?", "#")):
        err("base_url", f"“base_url” không được có phần “?…” hay “#…”: “{config.base_url}”")
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        err("timezone", f"không biết múi giờ “{config.timezone}” (dùng ví dụ “Asia/Ho_Chi_Minh”)")
    _validate_theme(config, err)
    if config.markdown_engine not in ENGINES:
        err("markdown_engine", f"“markdown_engine” phải là một trong {', '.join(ENGINES)}, "
                               f"không phải “{config.markdown_engine}”")
    for name in ("per_page", "related_count", "summary_length"):
        if getattr(config, name) < 1:
            err(name, f"“{name}” phải lớn hơn 0")
    for name in ("size", "term_size"):
        if getattr(config.feeds, name) < 1:
            err(name, f"[feeds] “{name}” phải lớn hơn 0", "feeds")
    widths = config.images.widths
    if not widths or any(w < 16 or w > 4096 for w in widths):
        err("widths", "[images] “widths” phải là danh sách độ rộng từ 16 đến 4096 điểm ảnh, "
                      "ví dụ [240, 480, 720, 1080, 1440]", "images")
    if not 1 <= config.images.quality <= 100:
        err("quality", "[images] “quality” phải từ 1 đến 100", "images")
    if config.logo:
        relative = config.logo[len("/images/"):] if config.logo.startswith("/images/") else ""
        if not relative:
            err("logo", f"“logo” phải là đường dẫn tới một ảnh trong {config.images_dir}, "
                        f"ví dụ “/images/logo.svg”, không phải “{config.logo}”")
        elif not (config.path(config.images_dir) / relative).is_file():
            err("logo", f"không tìm thấy ảnh logo “{config.logo}” (tệp {config.images_dir}/{relative})")
    if config.share_image:
        relative = config.share_image[len("/images/"):] if config.share_image.startswith("/images/") else ""
        if not relative:
            err("share_image", f"“share_image” phải là đường dẫn tới một ảnh trong {config.images_dir}, "
                               f"ví dụ “/images/anh-chia-se.png”, không phải “{config.share_image}”")
        elif not relative.lower().endswith(SHARE_FORMATS):
            err("share_image", f"ảnh chia sẻ “{config.share_image}” phải là tệp JPEG hoặc PNG "
                               f"(Facebook, Zalo không nhận ảnh SVG, WebP hay GIF làm ảnh xem trước)")
        elif not (config.path(config.images_dir) / relative).is_file():
            err("share_image", f"không tìm thấy ảnh chia sẻ “{config.share_image}” "
                               f"(tệp {config.images_dir}/{relative})")
    placeholders = {"article": "{slug}", "page": "{slug}", "tag": "{slug}", "province": "{slug}",
                    "directive": "{slug}", "unit": "{slug}", "year": "{year}", "home_page": "{n}", "list_page": "{n}"}
    for f in fields(Urls):
        pattern = getattr(config.urls, f.name)
        if pattern.startswith("/") or ".." in pattern or (pattern and not pattern.endswith("/")):
            err(f.name, f"[urls] “{f.name}” phải là đường dẫn tương đối kết thúc bằng “/”, "
                        f"ví dụ “{getattr(Urls(), f.name)}”", "urls")
        needed = placeholders.get(f.name)
        if needed and needed not in pattern:
            err(f.name, f"[urls] “{f.name}” phải chứa {needed}", "urls")
        head = pattern.split("/", 1)[0]
        if head.casefold() in OWN_FOLDERS:  # was: [urls] tags = "admin/" wrote the tags' pages where the editor goes
            err(f.name, f"[urls] “{f.name}” bắt đầu bằng “{head}/”, thư mục cổng tự ghi "
                        f"({', '.join(OWN_FOLDERS)}: giao diện, ảnh, tệp đính kèm, giao diện biên tập); "
                        f"hãy đặt đường dẫn khác, ví dụ “{getattr(Urls(), f.name)}”", "urls")
    if config.cms is not None:
        _validate_cms(config, err)


def _validate_theme(config: SiteConfig, err) -> None:
    """A theme that is not there was quietly replaced by the default one (a typo gave another
    look, no message), and a path ("../../etc", "/tmp") was read as a theme from outside."""
    theme, themes = config.theme, config.path(config.themes_dir)
    if not _THEME_NAME.fullmatch(theme):
        err("theme", f"“theme” phải là tên một thư mục giao diện trong {config.themes_dir}/ (chữ, số, “-”, “_”), "
                     f"không phải đường dẫn “{theme}”")
        return
    if theme == "default":
        return
    try:
        if (themes / theme).is_dir():
            return
        found = sorted({"default"} | {p.name for p in themes.iterdir() if p.is_dir()} if themes.is_dir() else {"default"})
    except OSError:  # an unreadable themes folder: the templates' own check says so
        return
    err("theme", f"không có giao diện “{theme}”: không có thư mục {config.themes_dir}/{theme}; "
                 f"các giao diện có: {', '.join(found)}{suggest(theme, found)}")


def _validate_cms(config: SiteConfig, err) -> None:
    cms = config.cms
    for key in ("content_dir", "images_dir"):
        if cms.enabled and not config.path(getattr(config, key)).is_relative_to(config.root):
            err(key, f"[cms] cần “{key}” nằm trong thư mục dự án: giao diện biên tập chỉ sửa được tệp trong kho, "
                     f"không phải “{getattr(config, key)}”")
    if cms.backend not in CMS_BACKENDS:
        err("backend", f"[cms] “backend” phải là một trong {', '.join(CMS_BACKENDS)}, không phải “{cms.backend}”"
                       f"{suggest(cms.backend, CMS_BACKENDS)}", "cms")
    elif cms.backend != "git-gateway" and not re.fullmatch(r"[\w.-]+/[\w.-]+", cms.repo):
        err("repo" if cms.repo else "backend", f"[cms] backend “{cms.backend}” cần “repo” dạng “chủ/tên-kho”, "
                                               f"ví dụ repo = \"ban-tuyen-giao/lamtheobac\"", "cms")
    if cms.publish_mode not in CMS_PUBLISH_MODES:
        err("publish_mode", f"[cms] “publish_mode” phải là một trong {', '.join(CMS_PUBLISH_MODES)}, "
                            f"không phải “{cms.publish_mode}”", "cms")
    if not cms.branch.strip() or any(c in cms.branch for c in " ~^:?*[\\"):
        err("branch", f"[cms] “branch” không phải tên nhánh Git hợp lệ: “{cms.branch}”", "cms")
