"""The page model and reading: source files become Articles and Pages.

Fields are declared here, once; front matter is checked against them and every
problem in a file is reported together with its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import ContentError, suggest
from .frontmatter import Source, decode, split, visible
from .markdown import Renderer, first_paragraph, shorten
from .taxonomy import Directive, Province, Registries, pickled_by_fields
from .vietnamese import normalize, slugify, term_key

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME_OF_DAY = re.compile(r"\d[T ]\d")  # "2016-09-19T16:27": the date has a time
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceRef:
    name: str
    url: str = ""
    date: datetime | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str = ""
    caption: str = ""
    line: int = 0                  # of the "image" key, for messages about the file it names


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
    key: str = ""                  # digest of the source and of everything reading depends on
    meta: str = ""                 # digest of every field but body, key and meta (cache.article_token)
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


ARTICLE_FIELDS = ("title", "date", "slug", "summary", "province", "directives", "tags", "author",
                  "source", "image", "updated", "draft", "date_estimated")
PAGE_FIELDS = ("title", "slug", "summary", "menu", "draft", "updated")
SOURCE_FIELDS = ("name", "url", "date")
IMAGE_FIELDS = ("src", "alt", "caption")


class _Checker:
    """Typed access to one file's front matter that collects every problem."""

    def __init__(self, source: Source, zone: tzinfo):
        self.src = source
        self.zone = zone
        self.errors: list[ContentError] = []

    def error(self, key: str, message: str, item: str = "") -> None:
        line = self.src.line_of_item(key, item) if item else self.src.line_of(key)
        self.errors.append(ContentError(message, self.src.path, line))

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
        if isinstance(value, bool):
            self.error(key, f"“{label}” phải là một chuỗi văn bản, không phải {str(value).lower()}")
            return ""
        text = visible(normalize(str(value))).strip()
        if required and not text:
            self.error(key, f"“{label}” đang để trống")
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
            if text:
                out.append(text)
        return tuple(out)

    def moment(self, key: str, value: Any, required: bool = False, label: str | None = None) -> datetime | None:
        label = label or key
        if value is None:
            if required:
                self.error(key, f"thiếu “{label}”: cần ngày đăng dạng 2016-09-19 hoặc 2016-09-19T16:27:00+07:00")
            return None
        if isinstance(value, (date, datetime)):  # defensive: our loader keeps dates as text
            value = value.isoformat()
        text = str(value).strip()
        if not _ISO.match(text):
            self.error(key, f"“{label}” phải là ngày dạng ISO 8601 (2016-09-19 hoặc 2016-09-19T16:27:00+07:00), "
                            f"không phải “{text}”")
            return None
        try:
            moment = datetime.fromisoformat(text)
            return moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment.astimezone(self.zone)
        except (ValueError, OverflowError) as exc:
            self.error(key, f"“{label}”: ngày “{text}” không tồn tại ({_date_reason(exc)})")
            return None

    def flag(self, key: str, value: Any) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(key, f"“{key}” phải là true hoặc false")
            return False
        return value

    def slug(self, value: Any, stem: str) -> str:
        if value is None:
            derived = slugify(stem)
            if not derived:
                self.error("title", f"không tạo được đường dẫn từ tên tệp “{stem}”; hãy thêm “slug”")
            return derived
        text = self.text("slug", value)
        if text and not SLUG.match(text):
            self.error("slug", f"“slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, "
                               f"không phải “{text}” (ví dụ “{slugify(unquote(text)) or 'bai-viet'}”)")
            return ""
        return text

    def table(self, key: str, value: Any, fields: tuple[str, ...]) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(key, f"“{key}” phải là một bảng với các khóa {', '.join(fields)}")
            return None
        self.unknown_keys(fields, value, key)
        return value


def read_article(path: Path, display: str, registries: Registries, renderer: Renderer,
                 zone: tzinfo, summary_length: int, raw: bytes | None = None) -> Article:
    """One article, or ContentErrors (raised as a list in .errors) naming every problem."""
    src = split(decode(path.read_bytes() if raw is None else raw, display), display)
    check = _Checker(src, zone)
    meta = src.meta
    check.unknown_keys(ARTICLE_FIELDS)
    title = check.text("title", meta.get("title"), required=True)
    moment = check.moment("date", meta.get("date"), required=True)
    updated = check.moment("updated", meta.get("updated"))
    slug = check.slug(meta.get("slug"), path.stem)
    provinces = _resolved(check, registries.provinces, "province",
                          check.texts("province", meta.get("province"), allow_single=True))
    directives = _resolved(check, registries.directives, "directives", check.texts("directives", meta.get("directives")))
    tags = check.texts("tags", meta.get("tags"))
    author = check.text("author", meta.get("author"))
    source = _source(check, meta.get("source"))
    image = _image(check, meta.get("image"))
    draft = check.flag("draft", meta.get("draft"))
    estimated = check.flag("date_estimated", meta.get("date_estimated"))
    summary = check.text("summary", meta.get("summary"))
    if check.errors:
        raise _Many(check.errors)
    body = renderer.render(src.body)
    sapo = summary
    if not summary:
        summary = shorten(first_paragraph(body), summary_length)
    return Article(display, slug, title, moment, updated, summary, sapo, body, _unique(provinces),
                   _unique(directives), _unique_text(tags), author, source, image, draft,
                   src.line_of("slug") if "slug" in meta else 1,
                   timed=bool(_TIME_OF_DAY.search(str(meta.get("date")))), date_estimated=estimated)


def read_page(path: Path, display: str, renderer: Renderer, zone: tzinfo, summary_length: int) -> Page:
    src = split(decode(path.read_bytes(), display), display)
    check = _Checker(src, zone)
    meta = src.meta
    check.unknown_keys(PAGE_FIELDS)
    title = check.text("title", meta.get("title"), required=True)
    slug = check.slug(meta.get("slug"), path.stem)
    summary = check.text("summary", meta.get("summary"))
    menu = meta.get("menu")
    if menu is not None and (not isinstance(menu, int) or isinstance(menu, bool)):
        check.error("menu", "“menu” phải là một số nguyên (thứ tự trên thanh điều hướng)")
        menu = None
    draft = check.flag("draft", meta.get("draft"))
    updated = check.moment("updated", meta.get("updated"))
    if check.errors:
        raise _Many(check.errors)
    body = renderer.render(src.body)
    return Page(display, slug, title, summary or shorten(first_paragraph(body), summary_length),
                body, menu, draft, updated)


def _date_reason(exc: Exception) -> str:
    reason = str(exc)
    if "day is out of range" in reason:
        return "tháng này không có ngày đó"
    if "month must be" in reason:
        return "tháng phải từ 1 đến 12"
    if "hour must be" in reason or "minute must be" in reason or "second must be" in reason:
        return "giờ phải từ 00:00 đến 23:59"
    if isinstance(exc, OverflowError):
        return "đổi sang múi giờ của trang thì ra ngoài các năm 1–9999"
    return "năm phải từ 1 đến 9999"


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
    return ""


def _source(check: _Checker, value: Any) -> SourceRef | None:
    if isinstance(value, str):
        return SourceRef(check.text("source", value))
    table = check.table("source", value, SOURCE_FIELDS)
    if table is None:
        return None
    name = check.text("source", table.get("name"), required=True, label="source.name")
    url = check.text("source", table.get("url"), label="source.url")
    if url and (not re.match(r"^https?://", url) or _url_problem(url)):
        problem = _url_problem(url) or "phải bắt đầu bằng http:// hoặc https://"
        check.error("source", f"“source.url” {problem}: “{url}”")
        url = ""
    return SourceRef(name, url, check.moment("source", table.get("date"), label="source.date"))


def _image(check: _Checker, value: Any) -> Image | None:
    if isinstance(value, str):
        value = {"src": value}
    table = check.table("image", value, IMAGE_FIELDS)
    if table is None:
        return None
    src = check.text("image", table.get("src"), required=True, label="image.src")
    if src and _url_problem(src):
        check.error("image", f"“image.src” {_url_problem(src)}: “{src}”")
    return Image(src, check.text("image", table.get("alt"), label="image.alt"),
                 check.text("image", table.get("caption"), label="image.caption"), check.src.line_of("image"))


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
