"""The CMS's config.yml, generated from the content model and the registries.

Every field of the editing form maps to one front-matter key that
generator/content.py reads (ARTICLE_FIELDS), with the value shape it accepts:
provinces and directives are picked from the registries and stored by their
canonical names, dates carry the site's UTC offset (lamtheobac-cms.js writes
them), the file name is an ASCII slug of the title (đ -> d).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import yaml

from ..config import SiteConfig
from ..fields import ARTICLE_FIELDS, SLUG
from ..errors import ConfigError
from ..sources import FILES
from ..spellings import joined_form
from ..taxonomy import Directive, Province, Registries, Unit
from ..vietnamese import normalize, offset_name, sort_key, sorted_vi, term_key

ADMIN_DIR = "admin/"
SHOWN_DATE = "lamtheobac_ngay"  # the entry's day as the list shows it (lamtheobac-cms.js fromFile)
FORMAT = "lamtheobac-md"          # the front-matter format lamtheobac-cms.js registers
TAGS_WIDGET = "lamtheobac-tags"   # the tags widget lamtheobac-cms.js registers
TIME_WIDGET = "lamtheobac-datetime"  # a moment in the site's time, whatever the browser's zone (lamtheobac-cms.js)
DATE_WIDGET = "lamtheobac-date"   # a day, typed and shown day first whatever the browser's language (lamtheobac-cms.js)
DATE_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"  # dayjs: 2024-05-19T16:27:00+07:00
# The letters of a new article's title its file name (its address) is made of: a longer title was refused
# ("quá dài để làm địa chỉ bài", the build's limit MAX_SLUG is 200), now its address is its first words. Decap
# cuts the title, then makes it ASCII and ends it with its own "-" (dropped: the address ends in a letter).
NEW_SLUG_LETTERS = 150
MAX_UPLOAD = 20 * 1024 * 1024     # bytes per image or attachment, in the form and in the local backend
IMAGES_URL = "/images"            # where the build publishes images_dir (build.discover), under the base path
FILES_URL = "/files"              # where the build publishes content/files (sources.FILES), under the base path
SINGLE = ("source", "image")      # tables edited as a list of at most one item (see article_fields)


def megabytes(size: int, up: bool = False) -> str:
    """size in MB of 1024² bytes (the limits are round in them, as Windows shows sizes), one decimal
    with a comma: "20 MB", "20,1 MB". up: rounded up, so a file over a limit never reads as the limit
    (the decimal MB said "21.0 MB; tối đa 21 MB" of a file 29 kB over 20 MiB)."""
    tenths = -(-size * 10 // 1024 ** 2) if up else round(size * 10 / 1024 ** 2)
    whole, tenth = divmod(tenths, 10)
    return f"{whole},{tenth} MB" if tenth else f"{whole} MB"


@dataclass(frozen=True)
class Folders:
    """Project-relative POSIX folders the CMS reads and writes."""
    articles: str   # "content/articles"
    images: str     # "content/images"
    article_url: str = ""  # an article's address, "bai-viet/{slug}/" (config.urls.article); "": not known
    files: str = ""        # attachments, "content/files"; "": none can be uploaded


def folders(config: SiteConfig) -> Folders:
    """The articles and images folders relative to the project root (the CMS's repository)."""
    out = []
    for key, path in (("content_dir", config.path(config.content_dir) / "articles"),
                      ("images_dir", config.path(config.images_dir)),
                      ("content_dir", config.path(config.content_dir) / FILES)):
        try:
            out.append(path.relative_to(config.root).as_posix())
        except ValueError:
            raise ConfigError(f"[cms] cần “{key}” nằm trong thư mục dự án (giao diện biên tập chỉ sửa được "
                              f"tệp trong kho), không phải “{path}”", config.source_file) from None
    return Folders(out[0], out[1], article_url=config.urls.article, files=out[2])


def province_label(province: Province, unit: Unit | None) -> str:
    """"Hà Giang (từ 2025 thuộc Tuyên Quang)", "Tuyên Quang (từ 2025 gồm Tuyên Quang, Hà Giang)",
    "Thừa Thiên Huế (từ 2025 là Huế)"; unit: the 2025 unit the province is part of."""
    if unit is None:
        return province.name
    members = sorted((m.name for m in unit.members), key=lambda n: (n != unit.name, sort_key(n)))
    if unit.name != province.name:
        verb = "thuộc" if len(members) > 1 else "là"
        return f"{province.name} (từ 2025 {verb} {unit.name})"
    if len(members) > 1:
        return f"{province.name} (từ 2025 gồm {', '.join(members)})"
    return province.name


def province_options(registries: Registries) -> list[dict[str, str]]:
    unit_of = {member.code: unit for unit in registries.units for member in unit.members}
    return [{"label": province_label(p, unit_of.get(p.code)), "value": p.name}
            for p in sorted_vi(registries.provinces, key=lambda p: p.name)]


def directive_label(directive: Directive) -> str:
    """"Chỉ thị 05 · CT05 · 05-CT/TW (2016): Về đẩy mạnh …". The select finds an option whose label holds
    what is typed (accents and case aside): with the symbol alone, an editor typing "Chỉ thị 05" or
    "CT05" was offered nothing ("Không có lựa chọn"). The forms editors type (spellings.name_forms)
    lead the label."""
    year = f" ({directive.date.year})" if directive.date else ""
    title = f": {directive.title}" if directive.title else ""
    forms: list[str] = []
    if directive.type and directive.number:
        forms.append(f"{directive.type} {directive.number}")
    forms.append(joined_form(directive.symbol))  # "05-CT/TW" is typed "CT05"
    lead = "".join(f"{form} · " for form in dict.fromkeys(forms) if form and form != directive.symbol)
    return f"{lead}{directive.symbol}{year}{title}"


def directive_options(registries: Registries) -> list[dict[str, str]]:
    return [{"label": directive_label(d), "value": d.symbol} for d in registries.directives]


def existing_tags(registries: Registries, used: Iterable[str]) -> list[str]:
    """Registry tags and the tags articles use, one spelling per identity, in Vietnamese order."""
    seen: dict[str, str] = {}
    for name in (*(t.name for t in registries.tags), *used):
        name = normalize(name).strip()
        if name:
            seen.setdefault(term_key(name), name)
    return sorted_vi(seen.values())


def aliases(registries: Registries) -> dict[str, dict[str, str]]:
    """Every listed spelling (lower case) -> canonical name, for articles written by hand."""
    out: dict[str, dict[str, str]] = {"province": {}, "directives": {}}
    for kind, registry in (("province", registries.provinces), ("directives", registries.directives)):
        for entry in registry:
            for name in entry.names:
                out[kind].setdefault(normalize(name).lower(), entry.name)
    # The other forms the build reads a directive in ("CT05", "Chỉ thị 5"): folded tokens, which
    # lamtheobac-cms.js (formKey) makes of a name as spellings.folded_tokens does.
    out["directive_forms"] = {form: entry.name for form, entry in registries.directives.spelled_forms().items()}
    return out


def utc_offset(config: SiteConfig, now: datetime | None = None) -> str | None:
    """"+07:00" when the site's zone has one offset all year (then dates are written with it)."""
    year = (now or datetime.now(config.zone)).year
    offsets = {datetime(year, month, 1, 12, tzinfo=config.zone).utcoffset() for month in (1, 4, 7, 10)}
    if len(offsets) != 1:
        return None
    return offset_name(int(offsets.pop().total_seconds() // 60))


def _field(name: str, label: str, widget: str, hint: str = "", required: bool = False, **extra) -> dict:
    assert name in ARTICLE_FIELDS or name == "body", name  # only keys the build reads
    field = {"name": name, "label": label, "widget": widget, "required": required}
    if hint:
        field["hint"] = hint
    field.update(extra)
    return field


def _moment(name: str, label: str, hint: str, offset: str | None, **extra) -> dict:
    """A date and time field. With one offset all year (offset "+07:00") the project's widget: Decap's
    reads and writes the browser's zone, so in a browser in Paris an article of 10:00 showed 05:00 and
    08:00 typed was saved as 13:00+07:00. A zone with summer time keeps Decap's (no one offset to write)."""
    now = extra.pop("now", False)  # a new article's starts as the moment it is made
    if offset is None:
        return _field(name, label, "datetime", hint, format=DATE_FORMAT, date_format="DD/MM/YYYY",
                      time_format="HH:mm", default="{{now}}" if now else "", **extra)
    return _field(name, label, TIME_WIDGET, f"Giờ UTC{offset}, dù máy tính đang ở múi giờ nào. " + hint,
                  **({"default_now": True} if now else {}), **extra)


def article_fields(registries: Registries, tags: list[str], offset: str | None = "+07:00",
                   article_url: str = "bai-viet/{slug}/") -> list[dict]:
    """The form's fields; offset: the site's one UTC offset (utc_offset), None when it has summer time;
    article_url: where articles are published ([urls] article)."""
    insert = "chèn ảnh, văn bản đính kèm (PDF, Word, Excel…) bằng nút +"
    url = ["^https?://[^\\s\"<>`\\\\]+$", "Địa chỉ phải bắt đầu bằng http:// hoặc https:// và không có dấu cách"]
    return [
        _field("title", "Tiêu đề", "string", "Tên tệp và địa chỉ bài lấy từ tiêu đề khi tạo bài "
               "(chữ không dấu, đ thành d); sửa tiêu đề sau đó không đổi địa chỉ.", required=True),
        _field("slug", "Địa chỉ bài", "string", "Phần cuối địa chỉ bài (/" + article_url.replace("{slug}", "…")
               + "); bỏ trống thì lấy từ tên tệp. Đổi địa chỉ của bài đã đăng thì địa chỉ cũ vẫn dẫn tới bài "
               "(được ghi vào “aliases”, giữ cho các liên kết đã chia sẻ).",
               pattern=[SLUG.pattern, "Chỉ gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, ví dụ neu-guong-lai-chau"]),
        _moment("date", "Ngày giờ đăng", "Bài có ngày trong tương lai chỉ hiện trên trang khi đến giờ đó.", offset,
                required=True, now=True),
        _field("summary", "Tóm tắt (sa-pô)", "text", "Hiện ở đầu bài, trong danh sách bài và nguồn tin. "
               "Bỏ trống thì lấy đoạn văn đầu tiên."),
        _field("province", "Tỉnh, thành phố", "select", "Chọn một hay nhiều tỉnh, thành phố mà bài nói đến "
               "(tên tại thời điểm của bài); gõ vài chữ để tìm, kể cả tên đơn vị sau sắp xếp năm 2025.",
               multiple=True, options=province_options(registries)),
        _field("directives", "Văn bản chỉ đạo", "select", "Các chỉ thị, nghị quyết, kết luận, quy định "
               "liên quan; gõ tên hay số hiệu (ví dụ Chỉ thị 05, CT05 hay 05-CT/TW) để tìm.",
               multiple=True, options=directive_options(registries)),
        _field("tags", "Chủ đề", TAGS_WIDGET, "Gõ chủ đề rồi nhấn Enter; chọn chủ đề đã có trong danh sách "
               "gợi ý, hoặc gõ chủ đề mới.", suggestions=tags),
        _field("author", "Tác giả", "string"),
        # Optional groups with required parts are lists of at most one item: Decap checks the parts of an
        # object even when it is optional and empty, the parts of a list item only when there is one.
        # lamtheobac-cms.js stores the item as the table the build reads (SINGLE).
        _field("source", "Nguồn bài", "list", "Báo, trang gốc của bài, nếu bài lấy từ nơi khác.",
               label_singular="nguồn bài", max=1, collapsed=False, summary="{{fields.name}}", fields=[
                   {"name": "name", "label": "Tên nguồn", "widget": "string", "required": True,
                    "hint": "Ví dụ: Báo Lai Châu"},
                   {"name": "url", "label": "Địa chỉ bài gốc", "widget": "string", "required": False,
                    "pattern": url},
                   {"name": "date", "label": "Ngày đăng ở nguồn", "widget": DATE_WIDGET, "required": False},
               ]),
        _field("image", "Ảnh đại diện", "list", "Ảnh ở đầu bài và khi chia sẻ; tệp ảnh được lưu vào thư mục "
               "ảnh của trang.", label_singular="ảnh đại diện", max=1, collapsed=False,
               summary="{{fields.caption}}", fields=[
                   {"name": "src", "label": "Tệp ảnh", "widget": "image", "required": True,
                    "choose_url": False, "media_library": {"config": {"max_file_size": MAX_UPLOAD}}},
                   {"name": "alt", "label": "Mô tả ảnh", "widget": "string", "required": True,
                    "hint": "Tả nội dung ảnh cho người không xem được ảnh (người khiếm thị, mạng chậm)."},
                   {"name": "caption", "label": "Chú thích", "widget": "string", "required": True,
                    "hint": "Hiện dưới ảnh, ví dụ: Hội nghị sơ kết (ảnh: Minh Hà)."},
               ]),
        _field("date_estimated", "Ngày đăng chỉ là ước tính", "boolean",
               "Bật khi trang gốc không ghi ngày đăng và ngày trên là ngày đoán (trang sẽ ghi “Khoảng tháng …”).",
               default=False, required=False),
        _moment("updated", "Ngày giờ cập nhật", "Chỉ điền khi sửa nội dung bài đã đăng.", offset),
        _field("draft", "Bản nháp", "boolean", "Bật: bài chưa được đăng (chỉ hiện khi xem trước trên máy). "
               "Tắt để đăng bài.", default=True),
        # Markdown as written first (lamtheobac-cms.js opens it so): the rich-text mode re-writes the whole
        # body when one letter changes and loses what it cannot show (a table's alignment, an image's
        # title, escapes), which the backend refuses; it stays for editors who write new text in it.
        # Decap renders hints as Markdown: the examples are code spans, shown as they are typed.
        _field("body", "Nội dung", "markdown", "Viết bằng Markdown, được lưu đúng như đã gõ; khung bên phải là "
               "bản xem trước. Ví dụ: `**đậm**`, `*nghiêng*`, `## Tiêu đề mục`, `- gạch đầu dòng`, "
               "`[liên kết](https://…)`, `![mô tả ảnh](/images/ten-anh.jpg)`. Nút “Đính kèm văn bản” ở trên ô này tải "
               "lên văn bản (PDF, Word, Excel…) và chèn liên kết tới nó. Nút “Soạn trực quan” mở chế độ soạn như "
               "trình soạn thảo văn bản (" + insert + "); với bài nhập từ trang báo (bảng, chú thích), "
               "hãy sửa ở chế độ Markdown.",
               required=True, modes=["raw", "rich_text"], sanitize_preview=True),
    ]


def cms_config(config: SiteConfig, registries: Registries, tags: list[str],
               local_url: str | None = None, site_url: str | None = None) -> dict:
    """config.yml as a mapping. local_url: the local backend's API (serve --cms), else the configured backend."""
    cms = config.cms
    assert cms is not None
    where = folders(config)
    backend: dict = {"name": cms.backend, "branch": cms.branch,
                     "commit_messages": {
                         "create": "Thêm bài “{{slug}}” ({{author-name}})",
                         "update": "Sửa bài “{{slug}}” ({{author-name}})",
                         "delete": "Xóa bài “{{slug}}” ({{author-name}})",
                         "uploadMedia": "Tải ảnh “{{path}}” lên ({{author-name}})",
                         "deleteMedia": "Xóa ảnh “{{path}}” ({{author-name}})"}}
    if cms.repo:
        backend["repo"] = cms.repo
    site = site_url or config.base_url
    article_path = config.urls.article.replace("{slug}", "{{slug}}")
    out: dict = {"locale": "vi", "backend": backend}
    if local_url:
        out["local_backend"] = {"url": local_url}
    out.update({
        "site_url": site,
        "display_url": site,
        "publish_mode": "simple" if local_url else cms.publish_mode,
        "media_folder": where.images,
        "public_folder": IMAGES_URL,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": True,
        "collections": [{
            "name": "articles",
            "label": "Bài viết",
            "label_singular": "bài viết",
            "description": "Các bài tin trên cổng “" + config.title + "”. Bài mới là bản nháp cho đến khi "
                           "tắt ô “Bản nháp”.",
            "folder": where.articles,
            "extension": "md",
            "format": FORMAT,
            "create": True,
            "delete": True,
            "slug": "{{slug | truncate(" + str(NEW_SLUG_LETTERS) + ", '-')}}",
            "identifier_field": "title",
            # The day in the site's offset, made by lamtheobac-cms.js (Decap's date filter uses the browser's zone).
            "summary": "{{title}} · {{" + SHOWN_DATE + "}}{{draft | ternary(' · nháp', '')}}",
            "sortable_fields": [{"field": "date", "default_sort": "desc"}, "title"],
            "view_filters": [{"label": "Bản nháp", "field": "draft", "pattern": True}],
            "preview_path": article_path,
            "fields": article_fields(registries, tags, utc_offset(config), config.urls.article),
        }],
    })
    return out


def config_yaml(data: dict) -> bytes:
    header = ("# Sinh tự động bởi lamtheobac (generator/cms) từ site.toml và các danh mục; đừng sửa tệp này.\n")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's is much faster (every build makes one)
    return (header + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)).encode("utf-8")
