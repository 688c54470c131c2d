"""site.toml: a typed, validated configuration.

Every problem in the file is reported in one run with its line; an unknown key
gets a "did you mean" hint. CLI flags override values after validation.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BuildFailed, ConfigError, os_reason, suggest
from .frontmatter import bidi_control, bidi_said, invisible
from .markdown import ENGINES

CONFIG_NAME = "site.toml"
SHARE_FORMATS = (".jpg", ".jpeg", ".png")  # what every sharing service shows as a link's picture


@dataclass(frozen=True)
class Urls:
    """Where each kind of page is written; `{slug}`, `{n}`, `{year}` are filled in."""
    article: str = "bai-viet/{slug}/"
    page: str = "{slug}/"
    home_page: str = "trang/{n}/"
    list_page: str = "trang/{n}/"  # appended to a term's own URL
    tags: str = "chu-de/"
    tag: str = "chu-de/{slug}/"
    provinces: str = "tinh/"
    province: str = "tinh/{slug}/"
    directives: str = "van-ban/"
    directive: str = "van-ban/{slug}/"
    units: str = "don-vi-2025/"            # the 34 province-level units from 1 July 2025
    unit: str = "don-vi-2025/{slug}/"
    years: str = "nam/"
    year: str = "nam/{year}/"
    search: str = "tim-kiem/"


@dataclass(frozen=True)
class Feeds:
    size: int = 20          # entries in the site feed
    term_size: int = 10     # entries in each province / directive / tag feed
    full_content: bool = True


@dataclass(frozen=True)
class Security:
    iframe_hosts: tuple[str, ...] = ("www.youtube.com", "www.youtube-nocookie.com")


CMS_BACKENDS = ("git-gateway", "github", "gitlab")
CMS_PUBLISH_MODES = ("simple", "editorial_workflow")


@dataclass(frozen=True)
class Cms:
    """The web editing interface (Decap CMS) at /admin/: on when site.toml has a [cms] table."""
    enabled: bool = True
    backend: str = "git-gateway"    # where the CMS commits on the published site (Netlify Identity + Git Gateway)
    repo: str = ""                  # "owner/name", for the github and gitlab backends
    branch: str = "main"
    publish_mode: str = "simple"    # or "editorial_workflow": drafts as pull requests (not with serve --cms)


@dataclass(frozen=True)
class Publisher:
    """The footer's publisher block (cơ quan chủ quản …); every line is optional."""
    organization: str = ""  # cơ quan chủ quản
    responsible: str = ""   # chịu trách nhiệm nội dung
    address: str = ""
    contact: str = ""       # phone, e-mail
    licence: str = ""       # giấy phép
    copyright: str = ""


@dataclass(frozen=True)
class Images:
    """Resized copies of the site's photos (generator/photos.py)."""
    widths: tuple[int, ...] = (240, 480, 720, 1080, 1440)
    quality: int = 75       # JPEG and WebP quality, 1-100 (75: cwebp's own default)


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Học tập và làm theo Bác"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    theme: str = "default"
    per_page: int = 12
    related_count: int = 5
    summary_length: int = 220
    markdown_engine: str = "cmark-gfm"
    content_dir: str = "content"
    data_dir: str = "content/data"
    images_dir: str = "content/images"
    templates_dir: str = "templates"
    themes_dir: str = "themes"
    output_dir: str = "output"
    logo: str = ""  # site path of an image in images_dir ("/images/logo.svg"); "" shows the title as text
    # The picture a page without a photo of its own is shared with (Facebook, Zalo, X): a JPEG or PNG
    # of images_dir, best 1200 x 630; "" takes the theme's (static/share.png).
    share_image: str = ""
    urls: Urls = field(default_factory=Urls)
    feeds: Feeds = field(default_factory=Feeds)
    security: Security = field(default_factory=Security)
    publisher: Publisher = field(default_factory=Publisher)
    images: Images = field(default_factory=Images)
    cms: Cms | None = None
    # Set from the command line, not site.toml.
    root: Path = field(default=Path("."), metadata={"cli": True})
    drafts: bool = field(default=False, metadata={"cli": True})
    future: bool = field(default=False, metadata={"cli": True})
    source_file: str = field(default=CONFIG_NAME, metadata={"cli": True})

    @property
    def base_path(self) -> str:
        """The path part of base_url, always with slashes at both ends: "/hoc-tap/"."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    def fingerprint(self) -> str:
        """Changes whenever any setting that can change output changes."""
        return hashlib.sha256(repr(dataclasses.asdict(self)).encode()).hexdigest()[:16]


def _key_line(text: str, section: str | None, key: str) -> int | None:
    """The line where key is set (in [section] if given): for messages only."""
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = re.match(r"^\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            if section is not None and current == section and key is None:
                return number
            continue
        if current == section and re.match(rf'^"?{re.escape(key)}"?\s*=', line):
            return number
    # A key written as a table of its own ("[feed]" for [feeds]): the line of its header.
    table = key if section is None else f"{section}.{key}"
    for number, raw in enumerate(text.splitlines(), 1):
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]", raw.strip())
        if key is not None and header and (header.group(1) == table or header.group(1).startswith(table + ".")):
            return number
    return None


def _table_type(hint: Any) -> Any:
    """An optional table (`Cms | None`) is read as its dataclass."""
    if isinstance(hint, UnionType):
        inner = [arg for arg in get_args(hint) if arg is not NoneType]
        if len(inner) == 1 and dataclasses.is_dataclass(inner[0]):
            return inner[0]
    return hint


def _check_value(value: Any, hint: Any) -> tuple[bool, Any]:
    """(ok, converted) for a TOML value against a field's declared type."""
    origin = get_origin(hint)
    if origin is tuple:
        item = get_args(hint)[0]
        if isinstance(value, list) and all(isinstance(v, item) and not isinstance(v, bool) for v in value):
            return True, tuple(value)
        return False, None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    return isinstance(value, hint), value


_TYPE_NAMES = {str: "một chuỗi", int: "một số nguyên", bool: "true hoặc false"}


def _shown(value: Any) -> str:
    """A wrong value as the editor wrote it in TOML: “mười”, not Python's 'mười'."""
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "một bảng"
    return str(value)


def _build(cls, table: dict, text: str, section: str | None, display: str, errors: list):
    hints = get_type_hints(cls)
    allowed = {f.name: f for f in fields(cls) if not f.metadata.get("cli")}
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"[{section}] " if section else ""
        line = _key_line(text, section, key)
        if key not in allowed:
            hint = suggest(key, allowed)
            errors.append(ConfigError(f"khóa không hợp lệ {where}“{key}”{hint}", display, line))
            continue
        hint_type = _table_type(hints[key])
        if dataclasses.is_dataclass(hint_type):
            if not isinstance(value, dict):
                errors.append(ConfigError(f"“{key}” phải là một bảng [{key}]", display, line))
                continue
            values[key] = _build(hint_type, value, text, key, display, errors)
            continue
        ok, converted = _check_value(value, hint_type)
        if not ok:
            expected = _TYPE_NAMES.get(hint_type) or ("một danh sách số nguyên" if get_args(hint_type) == (int, ...)
                                                      else "một danh sách chuỗi")
            errors.append(ConfigError(f"{where}“{key}” phải là {expected}, không phải {_shown(value)}", display, line))
            continue
        values[key] = converted
    return cls(**values)


_BASE_URL_UNSAFE = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f-\x9f]")
# A theme is a folder of themes_dir: one plain name, never a path ("../x", "/tmp", "a/b").
_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


# Characters of one text value of site.toml. Its values (the title, the footer's lines) are printed
# in every page: a 10 MB title pasted by mistake built 3.9 GB of pages for a 67-page site.
MAX_TEXT = 5_000


def _control_errors(table: dict, text: str, display: str, section: str | None = None) -> list[ConfigError]:
    """A string value of site.toml holding an invisible control character (they make every Atom
    feed ill-formed), or longer than MAX_TEXT, at the line of its key."""
    errors = []
    for key, value in table.items():
        if isinstance(value, dict) and section is None:
            errors += _control_errors(value, text, display, key)
            continue
        long = next((item for item in (value if isinstance(value, list) else [value])
                     if isinstance(item, str) and len(item) > MAX_TEXT), None)
        if long is not None:
            where = f"[{section}] " if section else ""
            size, limit = (f"{n:,}".replace(",", ".") for n in (len(long), MAX_TEXT))
            errors.append(ConfigError(f"{where}“{key}” dài {size} ký tự, quá {limit}: giá trị này được in vào mọi "
                                      f"trang, nên trang dựng ra sẽ rất nặng (có phải đã dán nhầm cả một bài vào "
                                      f"đây?); hãy viết ngắn lại", display, _key_line(text, section, key)))
            continue
        for item in value if isinstance(value, list) else [value]:
            found = invisible(item) if isinstance(item, str) else None  # escapes like \u0007 write them
            turned = bidi_control(item) if isinstance(item, str) else None  # and like \u202e (was: published)
            if found or turned:
                where = f"[{section}] " if section else ""
                said = (f"có ký tự điều khiển vô hình U+{ord(found):04X}; hãy xóa nó (nó làm hỏng các tệp tin Atom)"
                        if found else bidi_said(turned))
                errors.append(ConfigError(f"{where}“{key}” {said}", display, _key_line(text, section, key)))
                break
    return errors


# The command-line options that set a key of site.toml (lamtheobac build --base-url …, --output …).
_OPTIONS = {"base_url": "--base-url", "output_dir": "--output"}


def _validate(config: SiteConfig, text: str, display: str, errors: list, given: frozenset = frozenset()) -> None:
    def err(key: str, message: str, section: str | None = None) -> None:
        if section is None and key in given:  # the value came from the command line, not from site.toml:
            # "site.toml:4: …" sent the editor to a line whose value was right.
            option = _OPTIONS.get(key, "--" + key.replace("_", "-"))
            errors.append(ConfigError(message.replace(f"“{key}”", "giá trị", 1), option, None))
            return
        errors.append(ConfigError(message, display, _key_line(text, section, key)))

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


_DUPLICATE = "khóa hoặc bảng được khai báo hai lần"
_TOML_REASONS = (  # tomllib's English reason -> what to fix; the first match wins
    (r"Illegal character '\\n'", "chuỗi chưa được đóng bằng dấu ngoặc kép trên cùng dòng"),
    (r"Illegal character", "có ký tự điều khiển vô hình trong chuỗi; hãy xóa nó"),
    (r"Expected '\]' at the end of a table declaration", "thiếu dấu “]” đóng tên bảng, ví dụ [feeds]"),
    (r"Expected '\]\]' at the end of an array declaration", "thiếu dấu “]]” đóng tên bảng, ví dụ [[…]]"),
    (r"Cannot overwrite a value|Cannot declare .* twice|Cannot redefine|Duplicate inline table key|"
     r"Cannot mutate immutable namespace", _DUPLICATE),
    (r"Invalid value \(at end of document", "tệp hết mà giá trị chưa xong: một danh sách [ hay bảng { chưa được đóng"),
    (r"Invalid value", "giá trị không hợp lệ: chuỗi phải nằm trong dấu ngoặc kép, ví dụ title = \"…\""),
    (r"Expected '=' after a key", "thiếu dấu “=” sau tên khóa"),
    (r"Unclosed array", "danh sách chưa được đóng bằng dấu “]”"),
    (r"Unclosed inline table", "bảng {…} chưa được đóng bằng dấu “}” (cả bảng {…} phải nằm trên một dòng)"),
    (r"Unterminated string", "chuỗi chưa được đóng bằng dấu ngoặc kép"),
    (r"Expected \"'", "chuỗi chưa được đóng bằng dấu ngoặc đơn '"),
    (r"Unescaped '\\'|Invalid hex value|Escaped character|Unicode scalar",
     "sau dấu “\\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết “\\\\” hoặc dùng ngoặc đơn '…'"),
    (r"Invalid date or datetime", "ngày giờ không hợp lệ (ví dụ đúng: 2024-05-19 hoặc 2024-05-19T08:00:00+07:00)"),
    (r"Expected newline or end of document",
     "còn chữ thừa sau giá trị trên cùng dòng: mỗi dòng chỉ một “khóa = giá trị”, và chuỗi phải nằm trọn trong "
     "dấu ngoặc kép"),
    (r"Invalid initial character for a key part|Found invalid character|Invalid statement",
     "tên khóa không hợp lệ: tên khóa chỉ gồm chữ không dấu, số, “_” và “-” (tên khác phải đặt trong dấu ngoặc "
     "kép); mỗi dòng phải có dạng khóa = giá trị hoặc [tên bảng]"),
)
_TOML_FALLBACK = ("dòng này viết sai cú pháp; mỗi dòng phải có dạng khóa = giá trị (chuỗi trong dấu ngoặc kép, "
                  "ví dụ title = \"…\") hoặc [tên bảng]")


def _toml_reason(reason: str) -> str:
    """tomllib's English reason (with its "(at …)"), said in plain Vietnamese (never its English words)."""
    for pattern, text in _TOML_REASONS:
        if re.search(pattern, reason):
            return text
    return _TOML_FALLBACK


def _toml_line(message: str, text: str) -> int | None:
    """The line of a tomllib error; at the end of the document (a string or list never closed), the
    line it was opened on as far as can be told: the last triple quote, else the last written line."""
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    if match:
        return int(match.group(1))
    lines = text.split("\n")
    opened = [n for n, line in enumerate(lines) if '"""' in line or "'''" in line]
    if opened and re.match(r"Unterminated string|Expected \"'", message):
        return opened[-1] + 1
    written = [n for n, line in enumerate(lines) if line.strip()]
    return written[-1] + 1 if written else None


def _deep_line(text: str, limit: int = 100) -> int:
    """The line where [ and { (outside strings and comments, roughly) first nest past limit."""
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        line = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|#.*', "", line)
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > limit:
                return number
    return 1


def setting_line(config: SiteConfig, key: str) -> int | None:
    """The line of site.toml where a top-level key has the value config holds, or None (the default,
    or a value given on the command line): for messages found after loading, such as output_dir's."""
    try:
        text = (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
        written = tomllib.loads(text).get(key)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    return _key_line(text, None, key) if written is not None and written == getattr(config, key) else None


def load_config(root: Path, **overrides: Any) -> SiteConfig:
    """Read root/site.toml (defaults if absent), validate, then apply CLI overrides."""
    root = root.resolve()
    path = root / CONFIG_NAME
    display = CONFIG_NAME
    errors: list[ConfigError] = []
    text = ""
    table: dict = {}
    if os.path.lexists(path) and not path.is_file():  # not absent: the defaults would build another site
        what = ("là một thư mục" if path.is_dir() else
                "là liên kết tượng trưng trỏ tới tệp không còn tồn tại" if not path.exists() else
                "không phải tệp thường (một ống dẫn, thiết bị hay ổ cắm)")
        raise BuildFailed([ConfigError(f"“{CONFIG_NAME}” {what}, không đọc được cấu hình trang; hãy đặt lại tệp "
                                       f"{CONFIG_NAME} (dựng với cấu hình mặc định sẽ ra một trang khác hẳn)",
                                       display, 1)])
    if path.is_file():
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
            table = tomllib.loads(text)
        except OSError as exc:
            raise BuildFailed([ConfigError(f"không đọc được tệp: {os_reason(exc)}", display, 1)]) from None
        except UnicodeDecodeError as exc:
            raise BuildFailed([ConfigError(f"tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí {exc.start} "
                                           f"(0x{raw[exc.start]:02x}); hãy lưu lại tệp với mã hóa UTF-8", display,
                                           raw.count(b"\n", 0, exc.start) + 1)]) from None
        except RecursionError:  # tomllib reads nested arrays and tables by recursion
            raise BuildFailed([ConfigError("cú pháp TOML không hợp lệ: danh sách [...] hay bảng {...} lồng nhau quá sâu; "
                                           "hãy viết các giá trị phẳng hơn", display, _deep_line(text))]) from None
        except tomllib.TOMLDecodeError as exc:
            reason = _toml_reason(str(exc))
            raise BuildFailed([ConfigError(f"cú pháp TOML không hợp lệ: {reason}", display,
                                           _toml_line(str(exc), text))])
    errors += _control_errors(table, text, display)
    config = _build(SiteConfig, table, text, None, display, errors)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    config = replace(config, root=root, **overrides)
    _validate(config, text, display, errors, frozenset(overrides))
    if errors:
        raise BuildFailed(errors)
    return config
