"""Front matter fields: their names, their value types, and the checker that reads each one.

The checker gives typed values (text, lists, dates, flags, slugs, tables) and collects every
problem of a file with its line, so that read_article (content.py) reports them together.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import unquote

from .addresses import parsed_url, without_userinfo
from .errors import ContentError, suggest
from .frontmatter import BIDI_UTF8, Source, bidi_control, bidi_said, one_line, visible
from .taxonomy import Registries
from .vietnamese import (MAX_SLUG, WINDOWS_DEVICES_SHOWN, in_zone, look_alike, normalize, slugify, term_key,
                         windows_device)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# ASCII digits only: \d would take full-width and Arabic-Indic digits, which fromisoformat refuses.
_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                  r"(?:Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$")
# as YAML 1.1 wrote true and false, and as a Vietnamese editor writes them (flag_word reads a value)
TRUE, FALSE = ("true", "yes", "on", "có"), ("false", "no", "off", "không")
# The same in UTF-8, or a YAML escape that may write one ("\u202e" in double quotes: was published).
_BIDI_BYTES = re.compile(BIDI_UTF8 + b"|\\\\[uU]")
# Letters that show as blank space: Hangul fillers, the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


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
class Alias:
    """An old address of an article that keeps leading to it (front matter "aliases")."""
    path: str                      # site-relative, no base path: "bai-viet/ten-cu/" or "tin/ten-cu.html"
    line: int = field(default=0, compare=False)


ARTICLE_FIELDS = ("title", "date", "slug", "summary", "province", "directives", "tags", "author",
                  "source", "image", "updated", "draft", "date_estimated", "aliases")
PAGE_FIELDS = ("title", "slug", "summary", "menu", "draft", "updated")
SOURCE_FIELDS = ("name", "url", "date")
IMAGE_FIELDS = ("src", "alt", "caption")


class Checker:
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
        text = one_line(visible(normalize(str(value)))).strip()
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
            text = list_item(item)
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
        word = flag_word(value)
        if word not in TRUE + FALSE:
            self.error(key, f"“{key}” phải là true hoặc false (hay có, không)")
            return False
        return word in TRUE

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

    def aliases(self, value: Any) -> tuple[Alias, ...]:
        """The old addresses as site paths; one that is no path inside the site is an error at its line."""
        out: dict[str, Alias] = {}
        for text in self.texts("aliases", value, allow_single=True):
            path, problem = alias_path(text)
            if problem:
                self.error("aliases", f"địa chỉ cũ “{_clip(text)}” trong “aliases” {problem}", item=text)
            else:
                out.setdefault(path, Alias(path, self.src.line_of_item("aliases", text)))
        return tuple(out.values())

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


def flag_word(value: Any) -> str | None:
    """A true/false value as written, in the form TRUE and FALSE hold (None: no text)."""
    return normalize(value).strip().lower() if isinstance(value, str) else None


# One segment of an old address: what old news sites' addresses are made of ("tin-tuc", "bai_123",
# "Tin-Moi"), never "." or ".." nor starting with a dot (hidden files the host may not serve).
_ALIAS_SEGMENT = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*")
_ALIAS_PAGE = re.compile(r"\.html?$", re.I)


def alias_path(text: str) -> tuple[str, str]:
    """(site path, "") for an old address as written ("/bai-viet/ten-cu/", "/bai-viet/ten-cu",
    "/tin/ten-cu.html"), or ("", why it is none) for the editor: a folder path gets its trailing "/";
    only a folder or an .html page can be served as a redirect page."""
    example = "ví dụ /bai-viet/ten-cu/"
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I) or text.startswith("//"):
        return "", f"phải là đường dẫn trong trang, không phải địa chỉ của trang khác ({example})"
    if not text.startswith("/"):
        return "", f"phải bắt đầu bằng “/” ({example})"
    if "?" in text or "#" in text:
        return "", f"không được có phần “?…” hay “#…” ({example})"
    parts = text.strip("/").split("/")
    if parts == [""]:
        return "", "không được là trang chủ “/”"
    if any(part in ("", ".", "..") for part in parts):
        return "", "không được chứa “..”, “.” hay “//”"
    odd = next((part for part in parts if not _ALIAS_SEGMENT.fullmatch(part)), None)
    if odd is not None:
        return "", (f"chỉ được gồm chữ không dấu a-z, A-Z, số 0-9 và các dấu “-”, “_”, “.”, “~” giữa các dấu “/” "
                    f"(không phải “{_clip(odd, 40)}”)")
    if any("." in part for part in parts[:-1]) or ("." in parts[-1] and not _ALIAS_PAGE.search(parts[-1])):
        return "", f"chỉ được là một thư mục ({example}) hoặc một trang .html, .htm"
    device = next((part for part in parts if windows_device(part)), None)
    if device is not None:  # its redirect page could not be checked out or uploaded from Windows
        return "", (f"có “{device}”, một tên Windows dành cho thiết bị ({WINDOWS_DEVICES_SHOWN}): trang chuyển "
                    f"hướng ở địa chỉ này không chép được trên Windows; hãy bỏ địa chỉ này")
    return "/".join(parts) + ("" if "." in parts[-1] else "/"), ""


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


def list_item(item: str | int) -> str:
    """An item of a front matter list as it is read: NFC, invisible controls and line breaks as spaces,
    stripped."""
    return one_line(visible(normalize(str(item)))).strip()


def bidi_problem(label: str, text: str) -> str:
    """The message for a text holding a bidi control (it makes text show other than it is), or ""
    (also for the command line's titles and names: newarticle)."""
    found = bidi_control(text)
    if found is None:
        return ""
    return f"“{label}” {bidi_said(found)}"


def _clip(text: str, limit: int = 60) -> str:
    """text, shortened for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


_URL_UNSAFE = re.compile(r"[\s\"<>`\\]")


def url_problem(url: str) -> str:
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
        parsed = parsed_url(url)
        if parsed is None:
            return "không phải một địa chỉ hợp lệ"
        if parsed.username or parsed.password:
            return ("không được có tên đăng nhập hay mật khẩu (phần “…@” trước tên máy): chúng sẽ hiện công khai "
                    "trên trang; hãy bỏ phần đó")
    return ""


def source_of(check: Checker, value: Any) -> SourceRef | None:
    if isinstance(value, str):
        return SourceRef(check.text("source", value))
    table = check.table("source", value, SOURCE_FIELDS)
    if table is None:
        return None
    name = check.text("source", check.get("name", table), required=True, label="source.name")
    url = check.text("source", check.get("url", table), label="source.url")
    if url and (not re.match(r"^https?://", url) or url_problem(url)):
        problem = url_problem(url) or "phải bắt đầu bằng http:// hoặc https://"
        check.error("source", f"“source.url” {problem}: “{without_userinfo(url)}”")
        url = ""
    return SourceRef(name, url, check.moment("source", check.get("date", table), label="source.date"))


def image_of(check: Checker, value: Any) -> Image | None:
    if isinstance(value, str):
        value = {"src": value}
    table = check.table("image", value, IMAGE_FIELDS)
    if table is None:
        return None
    src = check.text("image", check.get("src", table), required=True, label="image.src")
    if src and url_problem(src):
        check.error("image", f"“image.src” {url_problem(src)}: “{without_userinfo(src)}”")
    return Image(src, check.text("image", check.get("alt", table), label="image.alt"),
                 check.text("image", check.get("caption", table), label="image.caption"), check.src.line_of("image"))


def resolved(check: Checker, registry, key: str, names: tuple[str, ...]) -> list:
    """Registry entries of the names; an unknown name is an error at its line (looked up only then)."""
    found = []
    for name in names:
        entry = registry.get(name)
        if entry is not None:
            found.append(entry)
            continue
        parts = [part.strip() for part in re.split(r"[,;]", name) if part.strip()]
        if len(parts) > 1 and all(registry.get(part) is not None for part in parts):
            # "province: Lào Cai, Yên Bái": several names in one string, each known; the plain
            # "không có … trong danh mục" sent the editor looking for a misspelling.
            listed = ", ".join(f"\"{registry.get(part).names[0]}\"" for part in parts)
            check.errors.append(ContentError(
                f"“{name}” là {len(parts)} {registry.kind} viết chung trong một chuỗi; hãy viết mỗi tên trong ngoặc "
                f"kép riêng, thành danh sách: {key}: [{listed}]", check.src.path, check.src.line_of_item(key, name)))
            continue
        try:
            registry.resolve(name, check.src.path, check.src.line_of_item(key, name))
        except ContentError as exc:
            check.errors.append(exc)
    return found


def unique(items: list) -> tuple:
    return tuple(dict.fromkeys(items))


def unique_text(items: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(term_key(item), item)
    return tuple(seen.values())
