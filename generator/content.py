"""The page model and reading: source files become Articles and Pages.

Fields are declared here, once; front matter is checked against them and every
problem in a file is reported together with its line.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import datetime, tzinfo
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import ada_url

from . import __version__
from .errors import ContentError, os_reason, suggest
from .frontmatter import Source, decode, split, visible
from .markdown import (MAX_NESTING, Credentials, NestingTooDeep, Renderer, Unclosed, first_paragraph, shorten,
                       without_userinfo)
from .rescan import Rescanned
from .taxonomy import Directive, Province, Registries
from .vietnamese import MAX_SLUG, in_zone, look_alike, normalize, slugify, term_key

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# ASCII digits only: \d would take full-width and Arabic-Indic digits, which fromisoformat refuses.
_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                  r"(?:Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$")
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")  # as YAML 1.1 wrote true and false
_INTEGER = re.compile(r"[+-]?[0-9]+")
# Bidirectional embeddings, overrides and isolates: they make text show in another order than
# it is stored (a title that reads one way and links or sorts another).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_BYTES = re.compile(b"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")  # the same, in UTF-8
# Letters that show as blank space: Hangul fillers, the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_TIME_OF_DAY = re.compile(r"[0-9][T ][0-9]")  # "2016-09-19T16:27": the date has a time


@dataclass(frozen=True, slots=True)
class SourceRef:
    name: str
    url: str = ""
    date: datetime | None = None


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str = ""
    caption: str = ""
    line: int = field(default=0, compare=False)  # of the "image" key, for messages about the file it names


@dataclass(frozen=True, slots=True)
class Article:
    path: str                      # as shown in messages: relative to the project root
    slug: str
    title: str
    date: datetime                 # aware, in the site's time zone
    updated: datetime | None
    summary: str                   # for lists, feeds and meta tags: explicit or derived
    sapo: str                      # the explicit lead paragraph shown above the body, or ""
    body: str                      # sanitised HTML; "" outside the pages that show it (see cache.py)
    provinces: tuple[Province, ...]
    directives: tuple[Directive, ...]
    tags: tuple[str, ...]          # as written; collect() resolves them to Tag terms
    author: str
    source: SourceRef | None
    image: Image | None
    draft: bool
    line: int = 1                  # where the slug is decided, for collision messages
    timed: bool = True             # the date has a time of day ("date: 2016-09-19" has none)
    date_estimated: bool = False   # the date is a guess (the importer found none on the page)


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    slug: str
    title: str
    summary: str
    body: str
    menu: int | None               # position in the site menu; None keeps it out
    draft: bool
    updated: datetime | None = None


@dataclass(frozen=True)
class ReadSettings:
    """Everything reading a source file depends on besides its own bytes.

    The one object read_article receives, and the one the build's cache hashes
    (fingerprint: every field, whatever fields there are) into each article's key:
    a setting added here is noticed by the cache without being listed anywhere else.
    """
    registries: Registries
    base_path: str
    iframe_hosts: tuple[str, ...]
    markdown_engine: str
    timezone: str
    summary_length: int

    @classmethod
    def of(cls, config, registries: Registries) -> "ReadSettings":
        return cls(registries, config.base_path, config.security.iframe_hosts, config.markdown_engine,
                   config.timezone, config.summary_length)

    @cached_property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.base_path, self.iframe_hosts, self.markdown_engine)

    @cached_property
    def fingerprint(self) -> str:
        h = hashlib.blake2b(__version__.encode() + _reading_code(), digest_size=16)
        for f in fields(self):
            value = getattr(self, f.name)
            h.update(f"\0{f.name}=".encode())
            h.update((value.fingerprint if isinstance(value, Registries) else repr(value)).encode())
        return h.hexdigest()


# The modules whose code decides what reading a file gives: a change to them (without a new version
# number, as in development) must not leave articles read by the old rules in the cache.
_READING_MODULES = ("content.py", "frontmatter.py", "markdown.py", "nesting.py", "taxonomy.py", "vietnamese.py")


@cache
def _reading_code() -> bytes:
    here = Path(__file__).parent
    return hashlib.blake2b(b"".join((here / name).read_bytes() for name in _READING_MODULES
                                    if (here / name).is_file()), digest_size=16).digest()


ARTICLE_FIELDS = ("title", "date", "slug", "summary", "province", "directives", "tags", "author",
                  "source", "image", "updated", "draft", "date_estimated")
PAGE_FIELDS = ("title", "slug", "summary", "menu", "draft", "updated")
SOURCE_FIELDS = ("name", "url", "date")
IMAGE_FIELDS = ("src", "alt", "caption")


class _Checker:
    """Typed access to one file's front matter that collects every problem."""

    def __init__(self, source: Source, zone: tzinfo, raw: bytes = b"\xe2\x80\xae"):
        self.src = source
        self.zone = zone
        self.errors: list[ContentError] = []
        # One scan of the front matter's bytes, not one per field.
        self.bidi = _BIDI_BYTES.search(raw, 0, max(raw.find(b"\n---", 3), 0) or len(raw)) is not None

    def error(self, key: str, message: str, item: str = "") -> None:
        line = self.src.line_of_item(key, item) if item else self.src.line_of(key)
        self.errors.append(ContentError(message, self.src.path, line))

    def get(self, key: str, table: dict | None = None) -> Any:
        """A value as read (text, list or table); None when absent or empty."""
        value = (self.src.meta if table is None else table).get(key)
        return None if value == "" else value

    def unknown_keys(self, allowed: tuple[str, ...], table: dict | None = None, parent: str = "") -> None:
        for key in (table if table is not None else self.src.meta):
            if key not in allowed:
                name = f"{parent}.{key}" if parent else str(key)
                hint = suggest(str(key), allowed) or f" (các khóa được dùng: {', '.join(allowed)})"
                self.error(parent or str(key), f"khóa không hợp lệ “{name}”{hint}")

    def text(self, key: str, value: Any, required: bool = False, label: str | None = None) -> str:
        label = label or key
        if value is None:
            if required and label == key and key in self.src.meta:  # "title:" with nothing after it
                self.error(key, f"“{label}” đang để trống")
            elif required:
                self.error(key, f"thiếu “{label}”: trường này bắt buộc")
            return ""
        if isinstance(value, (list, dict)):
            kind = "một danh sách" if isinstance(value, list) else "một bảng"
            self.error(key, f"“{label}” phải là một chuỗi văn bản, không phải {kind}")
            return ""
        text = visible(normalize(str(value))).strip()
        if self.bidi and (problem := bidi_problem(label, text)):
            self.error(key, problem)
            return ""
        if required and not text:
            self.error(key, f"“{label}” đang để trống")
        elif required and not _shows(text):
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(text) if not c.isspace())
            self.error(key, f"“{label}” chỉ có ký tự vô hình ({codes}), không có chữ nào hiện ra; "
                            f"hãy gõ lại “{label}”")
            return ""
        return text

    def texts(self, key: str, value: Any, allow_single: bool = False) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str) and allow_single:
            value = [value]
        if not isinstance(value, list):
            self.error(key, f"“{key}” phải là một danh sách, ví dụ {key}: [\"…\", \"…\"]")
            return ()
        out = []
        for item in value:
            if not isinstance(item, (str, int)) or isinstance(item, bool):
                self.error(key, f"mỗi mục của “{key}” phải là một chuỗi văn bản")
                continue
            text = visible(normalize(str(item))).strip()
            if self.bidi and (problem := bidi_problem(f"mục “{text}” của “{key}”", text)):
                self.error(key, problem, item=text)
            elif text:
                out.append(text)
        return tuple(out)

    def moment(self, key: str, value: Any, required: bool = False, label: str | None = None) -> datetime | None:
        label = label or key
        if value is None:
            if required:
                self.error(key, f"thiếu “{label}”: cần ngày đăng dạng 2016-09-19 hoặc 2016-09-19T16:27:00+07:00")
            return None
        text = str(value).strip()
        match = _ISO.match(text) if isinstance(value, str) else None
        odd = None if match or not isinstance(value, str) else next(
            (c for c in text if c.isdigit() and not c.isascii()), None)
        if odd is not None:
            self.error(key, f"“{label}” có chữ số “{odd}” (U+{ord(odd):04X}) không phải chữ số thường 0-9; "
                            f"hãy gõ lại ngày bằng chữ số 0-9, ví dụ 2016-09-19")
            return None
        if not match:
            self.error(key, f"“{label}” phải là ngày dạng ISO 8601 (2016-09-19 hoặc 2016-09-19T16:27:00+07:00), "
                            f"không phải “{text}”")
            return None
        sign, hours, minutes = match.groups()
        if sign and (int(hours) > 23 or int(minutes) > 59):
            self.error(key, f"“{label}”: múi giờ “{sign}{hours}:{minutes}” không hợp lệ (giờ lệch phải từ "
                            f"00:00 đến 23:59, ví dụ +07:00 cho giờ Việt Nam)")
            return None
        try:
            return in_zone(datetime.fromisoformat(text), self.zone)
        except (ValueError, OverflowError) as exc:
            self.error(key, f"“{label}”: ngày “{text}” không tồn tại ({_date_reason(exc)})")
            return None

    def flag(self, key: str, value: Any) -> bool:
        if value is None:
            return False
        word = value.strip().lower() if isinstance(value, str) else None
        if word not in _TRUE + _FALSE:
            self.error(key, f"“{key}” phải là true hoặc false")
            return False
        return word in _TRUE

    def slug(self, value: Any, stem: str) -> str:
        if value is None:
            derived = slugify(stem)
            if not derived:
                self.error("title", f"không tạo được đường dẫn từ tên tệp “{stem}”; hãy thêm “slug”")
            elif len(derived) > MAX_SLUG:
                self.error("title", f"đường dẫn tạo từ tên tệp dài {len(derived)} ký tự, quá {MAX_SLUG} ký tự "
                                    f"mà một tên thư mục chứa được; hãy đặt “slug” ngắn hơn")
                return ""
            return derived
        text = self.text("slug", value)
        if text and not SLUG.match(text):
            example = slugify(unquote(text))[:MAX_SLUG].rstrip("-") or "bai-viet"
            self.error("slug", f"“slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, "
                               f"không phải “{_clip(text)}” (ví dụ “{_clip(example)}”)")
            return ""
        if len(text) > MAX_SLUG:
            self.error("slug", f"“slug” dài {len(text)} ký tự, quá {MAX_SLUG} ký tự mà một tên thư mục chứa được; "
                               f"hãy đặt “slug” ngắn hơn")
            return ""
        return text

    def tags(self, registries: Registries, value: Any) -> tuple[str, ...]:
        """The tags as written; one that makes no usable page name (“???”, 300 letters) is an error."""
        tags = self.texts("tags", value)
        for tag in tags:
            if registries.tags.get(tag) is not None:
                continue  # a listed spelling: the registry's name gives the page
            slug = slugify(tag)
            mixed = look_alike(tag)
            if mixed is not None:  # its page and search would take it as another word than the one it shows
                self.error("tags", f"chủ đề “{tag}” có chữ “{mixed[0]}” (U+{ord(mixed[0]):04X}) của bảng chữ {mixed[1]} "
                                   "lẫn giữa các chữ Latinh: trông giống chữ tiếng Việt nhưng tìm kiếm và đường dẫn "
                                   "coi là chữ khác (thường do chép từ nơi khác); hãy gõ lại chủ đề này", item=tag)
            elif not slug:
                self.error("tags", f"chủ đề “{tag}” không tạo được đường dẫn (cần có chữ hoặc số); "
                                   f"hãy sửa hoặc bỏ chủ đề này", item=tag)
            elif len(slug) > MAX_SLUG:
                self.error("tags", f"chủ đề “{_clip(tag)}” quá dài: đường dẫn của nó dài {len(slug)} ký tự, "
                                   f"quá {MAX_SLUG} ký tự; hãy rút gọn", item=tag)
        return tags

    def table(self, key: str, value: Any, fields: tuple[str, ...]) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(key, f"“{key}” phải là một bảng với các khóa {', '.join(fields)}")
            return None
        self.unknown_keys(fields, value, key)
        return value


def read_article(path: Path, display: str, settings: ReadSettings, raw: bytes | None = None) -> Article:
    """One article, or ContentErrors (raised as a list in .errors) naming every problem."""
    registries = settings.registries
    raw = _read(path, display) if raw is None else raw
    src = split(decode(raw, display), display)
    check = _Checker(src, settings.zone, raw)
    check.unknown_keys(ARTICLE_FIELDS)
    get = _present(src.meta).get
    title = check.text("title", get("title"), required=True)
    moment = check.moment("date", get("date"), required=True)
    updated = check.moment("updated", get("updated"))
    slug = check.slug(get("slug"), path.stem)
    provinces = _resolved(check, registries.provinces, "province",
                          check.texts("province", get("province"), allow_single=True))
    directives = _resolved(check, registries.directives, "directives", check.texts("directives", get("directives")))
    tags = check.tags(registries, get("tags"))
    author = check.text("author", get("author"))
    source = _source(check, get("source"))
    image = _image(check, get("image"))
    draft = check.flag("draft", get("draft"))
    estimated = check.flag("date_estimated", get("date_estimated"))
    summary = check.text("summary", get("summary"))
    if check.errors:
        raise _Many(check.errors)
    body = _body(settings.renderer, src)
    sapo = summary
    if not summary:
        summary = shorten(first_paragraph(body), settings.summary_length)
    return Article(display, slug, title, moment, updated, summary, sapo, body, _unique(provinces),
                   _unique(directives), _unique_text(tags), author, source, image, draft,
                   src.line_of("slug") if "slug" in src.meta else 1,
                   timed=bool(_TIME_OF_DAY.search(str(get("date")))), date_estimated=estimated)


def read_page(path: Path, display: str, settings: ReadSettings, raw: bytes | None = None) -> Page:
    raw = _read(path, display) if raw is None else raw
    src = split(decode(raw, display), display)
    check = _Checker(src, settings.zone, raw)
    check.unknown_keys(PAGE_FIELDS)
    get = _present(src.meta).get
    title = check.text("title", get("title"), required=True)
    slug = check.slug(get("slug"), path.stem)
    summary = check.text("summary", get("summary"))
    menu = get("menu")
    if menu is not None:
        if isinstance(menu, str) and _INTEGER.fullmatch(menu.strip()):
            menu = int(menu)
        else:
            check.error("menu", "“menu” phải là một số nguyên (thứ tự trên thanh điều hướng)")
            menu = None
    draft = check.flag("draft", get("draft"))
    updated = check.moment("updated", get("updated"))
    if check.errors:
        raise _Many(check.errors)
    body = _body(settings.renderer, src)
    return Page(display, slug, title, summary or shorten(first_paragraph(body), settings.summary_length),
                body, menu, draft, updated)


def _present(meta: dict) -> dict:
    """meta without empty values ("title:" and 'title: ""' are both absent)."""
    return {key: value for key, value in meta.items() if value != ""}


def _read(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(f"không đọc được tệp: {os_reason(exc)}", display, 1) from None


def tag_line(path: Path, display: str, tag: str) -> int:
    """The line of a source file where tag is listed (1 if it cannot be told): for messages."""
    try:
        return split(decode(path.read_bytes(), display), display).line_of_item("tags", tag)
    except (OSError, ContentError):
        return 1


def _body(renderer: Renderer, src: Source) -> str:
    try:
        return renderer.render(src.body)
    except NestingTooDeep as exc:
        raise ContentError(f"nội dung lồng nhau quá sâu: quá {MAX_NESTING} tầng (trích dẫn “>” trong trích dẫn, "
                           f"danh sách trong danh sách hay thẻ HTML trong thẻ HTML); hãy bớt lồng",
                           src.path, src.body_line + exc.line - 1) from None
    except Rescanned as exc:
        raise ContentError(f"nội dung có quá nhiều dấu “{exc.char}” không có dấu “{exc.closer}” đóng ngay sau: bộ đọc "
                           f"Markdown “python-markdown” (markdown_engine trong site.toml) đọc lại phần chữ sau mỗi dấu "
                           f"đó, và với bài này sẽ mất hàng phút; hãy đóng các dấu bằng “{exc.closer}”, viết "
                           f"“\\{exc.char}” cho một dấu “{exc.char}” đứng riêng, hoặc dùng bộ đọc mặc định “cmark-gfm”",
                           src.path, src.body_line + exc.line - 1) from None
    except Credentials as exc:
        what = {"img": "địa chỉ ảnh", "iframe": "địa chỉ khung nhúng (iframe)"}.get(exc.tag, "liên kết")
        raise ContentError(f"{what} “{exc.shown}” không được có tên đăng nhập hay mật khẩu (phần “…@” trước tên "
                           f"máy): chúng sẽ hiện công khai trên trang; hãy bỏ phần đó",
                           src.path, src.body_line + exc.line - 1) from None
    except Unclosed as exc:
        what = "chú thích “<!--”" if exc.opener == "<!--" else f"thẻ “{exc.opener}”"
        raise ContentError(f"{what} không được đóng bằng “{exc.closer}”: mọi chữ sau nó tới hết bài sẽ không hiện "
                           f"ra đúng trên trang; hãy thêm “{exc.closer}” ở chỗ cần đóng, hoặc xóa “{exc.opener}”",
                           src.path, src.body_line + exc.line - 1) from None


def _date_reason(exc: Exception) -> str:
    reason = str(exc)
    if "day is out of range" in reason:
        return "tháng này không có ngày đó"
    if "month must be" in reason:
        return "tháng phải từ 1 đến 12"
    if "hour must be" in reason or "minute must be" in reason or "second must be" in reason:
        return "giờ phải từ 00:00 đến 23:59"
    if isinstance(exc, OverflowError) or "out of range" in reason and "year" not in reason:
        return "đổi sang múi giờ của trang thì ra ngoài các năm 1–9999"
    if "year" in reason:
        return "năm phải từ 1 đến 9999"
    return "không phải ngày giờ có thật"


def _shows(text: str) -> bool:
    """Whether text has a character that shows: a letter, digit, punctuation mark or symbol."""
    return any(unicodedata.category(c)[0] in "LNPS" and c not in _BLANK_LETTERS for c in text)


def bidi_problem(label: str, text: str) -> str:
    """The message for a text holding a bidi control (it makes text show other than it is), or ""
    (also for the command line's titles and names: newarticle)."""
    found = _BIDI.search(text)
    if found is None:
        return ""
    return (f"“{label}” có ký tự điều khiển hướng chữ U+{ord(found.group()):04X}, làm chữ hiện ra khác với chữ "
            f"thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)")


def _clip(text: str, limit: int = 60) -> str:
    """text, shortened for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


_URL_UNSAFE = re.compile(r"[\s\"<>`\\]")


def _url_problem(url: str) -> str:
    """Why url cannot be put in a page as a link or image address ("" if it can)."""
    if _URL_UNSAFE.search(url):
        return "không được chứa dấu cách, dấu ngoặc kép, < > ` hay \\ (viết dấu cách là %20)"
    decoded = unquote(unquote(url))
    if ".." in re.split(r"[/\\]", decoded):
        return "không được chứa “..” (kể cả viết dạng %2e%2e)"
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", decoded, re.I)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return f"không được dùng giao thức “{scheme.group(1)}:” (chỉ http:// hoặc https://)"
    if "@" in url and (scheme or url.startswith("//")):
        # As a browser reads it (http:u:p@host and https:////u@host included): a user name or password
        # would be published in every page, feed and the search index.
        try:
            parsed = ada_url.URL(url, "https://base.invalid/")
        except ValueError:
            return "không phải một địa chỉ hợp lệ"
        if parsed.username or parsed.password:
            return ("không được có tên đăng nhập hay mật khẩu (phần “…@” trước tên máy): chúng sẽ hiện công khai "
                    "trên trang; hãy bỏ phần đó")
    return ""


def _source(check: _Checker, value: Any) -> SourceRef | None:
    if isinstance(value, str):
        return SourceRef(check.text("source", value))
    table = check.table("source", value, SOURCE_FIELDS)
    if table is None:
        return None
    name = check.text("source", check.get("name", table), required=True, label="source.name")
    url = check.text("source", check.get("url", table), label="source.url")
    if url and (not re.match(r"^https?://", url) or _url_problem(url)):
        problem = _url_problem(url) or "phải bắt đầu bằng http:// hoặc https://"
        check.error("source", f"“source.url” {problem}: “{without_userinfo(url)}”")
        url = ""
    return SourceRef(name, url, check.moment("source", check.get("date", table), label="source.date"))


def _image(check: _Checker, value: Any) -> Image | None:
    if isinstance(value, str):
        value = {"src": value}
    table = check.table("image", value, IMAGE_FIELDS)
    if table is None:
        return None
    src = check.text("image", check.get("src", table), required=True, label="image.src")
    if src and _url_problem(src):
        check.error("image", f"“image.src” {_url_problem(src)}: “{without_userinfo(src)}”")
    return Image(src, check.text("image", check.get("alt", table), label="image.alt"),
                 check.text("image", check.get("caption", table), label="image.caption"), check.src.line_of("image"))


def _resolved(check: _Checker, registry, key: str, names: tuple[str, ...]) -> list:
    """Registry entries of the names; an unknown name is an error at its line (looked up only then)."""
    found = []
    for name in names:
        entry = registry.get(name)
        if entry is not None:
            found.append(entry)
            continue
        try:
            registry.resolve(name, check.src.path, check.src.line_of_item(key, name))
        except ContentError as exc:
            check.errors.append(exc)
    return found


def _unique(items: list) -> tuple:
    return tuple(dict.fromkeys(items))


def _unique_text(items: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(term_key(item), item)
    return tuple(seen.values())


class _Many(ContentError):
    """Several problems in one file, raised together."""

    def __init__(self, errors: list[ContentError]):
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors


def errors_of(exc: ContentError) -> list[ContentError]:
    return list(getattr(exc, "errors", [exc]))
