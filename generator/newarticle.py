"""`lamtheobac new "Tiêu đề"`: a new article file with its front matter filled in.

Province, directive and tag names given on the command line are checked
against the registries and written with their canonical names, so the file
builds as it is.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from .aliases import output_of, written_aliases
from .collect import reserved_segments
from .config import load_config
from .fields import bidi_problem
from .errors import BuildFailed, ContentError, SiteError, os_reason, suggest
from .frontmatter import readable_metas, written_slug
from .sources import articles_folder_refused, discover
from .taxonomy import Registries, load_registries, lookup_key
from .vietnamese import MAX_SLUG, VN, WINDOWS_DEVICES_SHOWN, normalize, slugify, windows_device


def _yaml_text(text: str) -> str:
    """A double-quoted YAML scalar: JSON's string syntax is a subset of it."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(_yaml_text(i) for i in items) + "]"


def canonical_terms(registries: Registries, provinces: list[str], directives: list[str],
                    tags: list[str]) -> tuple[list[str], list[str], list[str], list[str], list[SiteError]]:
    """(provinces, directives, tags, notes, errors): names as the registries spell them.

    An unknown province or directive is an error with a suggestion; an unknown
    tag is allowed (tags are free) but noted, in case it is a typo.
    """
    errors: list[SiteError] = []
    out: dict[str, list[str]] = {"province": [], "directive": []}
    for kind, registry, names in (("province", registries.provinces, provinces),
                                  ("directive", registries.directives, directives)):
        for name in names:
            name = normalize(name).strip()
            # --province "Lào Cai, Yên Bái": names known one by one are written as a list, as the option
            # given twice would; a name of the registry is looked up whole first.
            parts = [part.strip() for part in re.split(r"[,;]", name) if part.strip()]
            if registry.get(name) is None and len(parts) > 1 and all(registry.get(p) is not None for p in parts):
                entries = [registry.get(part) for part in parts]
            else:
                try:
                    entries = [registry.resolve(name, None, None)]
                except ContentError as exc:
                    errors.append(SiteError(exc.message))
                    continue
            for entry in entries:
                if entry.name not in out[kind]:
                    out[kind].append(entry.name)
    found_tags: list[str] = []
    notes: list[str] = []
    for name in tags:
        name = normalize(name).strip()
        tag = registries.tags.get(name)
        if tag is None:
            hint = suggest(name, [n for t in registries.tags for n in t.names], fold=lookup_key)
            notes.append(f"Lưu ý: chủ đề “{name}” chưa có trong danh mục, sẽ thành chủ đề mới{hint}")
        canonical = tag.name if tag else name
        if canonical and canonical not in found_tags:
            found_tags.append(canonical)
    return out["province"], out["directive"], found_tags, notes, errors


def article_text(title: str, moment: datetime, provinces: list[str], directives: list[str],
                 tags: list[str]) -> str:
    return (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        f"date: {moment.isoformat()}\n"
        'summary: ""\n'
        f"province: {_yaml_list(provinces)}\n"
        f"directives: {_yaml_list(directives)}\n"
        f"tags: {_yaml_list(tags)}\n"
        'author: ""\n'
        "draft: true\n"
        "---\n\n"
        "<!-- Viết nội dung bài ở đây (Markdown). Khi bài sẵn sàng đăng, đổi “draft: true” thành "
        "“draft: false”. Dòng ghi chú này không hiện trên trang. -->\n"
    )


def new_article(root: Path, title: str, provinces: list[str] = (), directives: list[str] = (),
                tags: list[str] = (), now: datetime | None = None) -> tuple[Path, list[str]]:
    """Write content/articles/<slug>.md; (its path, notes). Raises SiteError, never overwrites."""
    title = normalize(title).strip()
    if not title:
        raise SiteError("tiêu đề bài viết đang để trống")
    problems = [problem for label, texts in (("tiêu đề", [title]), ("--province", provinces),
                                             ("--directive", directives), ("--tag", tags))
                for text in texts if (problem := _text_problem(label, text))]
    if problems:
        raise BuildFailed([SiteError(p) for p in problems])
    slug = short_slug(title)
    if not slug:
        raise SiteError(f"không tạo được tên tệp từ tiêu đề “{title}”; hãy dùng tiêu đề có chữ hoặc số")
    config = load_config(root)
    registries = load_registries(config.path(config.data_dir), config.root)
    provinces, directives, tags, notes, errors = canonical_terms(
        registries, list(provinces), list(directives), list(tags))
    if errors:
        raise BuildFailed(errors)
    folder = config.path(config.content_dir) / "articles"
    refused = articles_folder_refused(config)
    if refused:
        raise BuildFailed(refused)
    path = folder / f"{slug}.md"
    taken = _address_taken(config, slug, path)
    if taken:
        raise SiteError(taken)
    moment = (now or datetime.now(VN)).astimezone(VN).replace(microsecond=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where the folder should be, no permission …
        raise SiteError(f"không ghi được tệp {_shown(path, config.root)}: {os_reason(exc, writing=True)}") from None
    text = article_text(title, moment, provinces, directives, tags)
    try:
        handle = open(path, "x", encoding="utf-8", newline="\n")  # "x": never overwrite
    except FileExistsError:
        raise SiteError(f"đã có tệp {_shown(path, config.root)}; không ghi đè. "
                        "Hãy đặt tiêu đề khác hoặc mở tệp đó để sửa.") from None
    except OSError as exc:
        raise SiteError(f"không ghi được tệp {_shown(path, config.root)}: {os_reason(exc, writing=True)}") from None
    try:
        with handle:
            handle.write(text)
    except OSError as exc:  # a full disk: the file was made but is empty or cut short
        raise SiteError(f"không ghi được tệp {_shown(path, config.root)}: {os_reason(exc, writing=True)}"
                        f"{_removed(path)}") from None
    return path, notes


def _removed(path: Path) -> str:
    """Removes the file a failed write left: empty, it stopped every build ("tệp rỗng") and made the
    next `new` of the same title answer "đã có tệp". What to say when it cannot be removed."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        return f"; tệp dở dang còn lại không xóa được ({os_reason(exc, writing=True)}), hãy tự xóa nó"
    return ""


def _address_taken(config, slug: str, path: Path) -> str:
    """Why the build would refuse the new article's address ("" if it would not): a portal section
    ("Tỉnh" -> tinh), or another article's (its file name, "Hoà bình.md", or its "slug:"). `new`
    wrote such a file, and the next build (and the preview, which shows drafts) stopped on it."""
    reserved = reserved_segments(config)
    if windows_device(slug):
        return (f"tiêu đề cho tên tệp “{slug}.md”, một tên Windows dành cho thiết bị ({WINDOWS_DEVICES_SHOWN}): "
                "trên Windows không mở hay chép được tệp này; hãy đặt tiêu đề dài hơn")
    if slug in reserved:
        return (f"tiêu đề cho đường dẫn “{slug}”, trùng với đường dẫn dành riêng của cổng "
                f"({', '.join(sorted(r for r in reserved if '.' not in r))}); hãy đặt tiêu đề khác")
    sources, _ = discover(config, stamps=False)  # unreadable files are the build's to report
    others = (source for source in sources.articles if source.path != path)  # the file itself: "never overwrite"
    url = config.urls.article.format(slug=slug)
    for source, meta in readable_metas(others):
        if written_slug(meta, source.path.stem) == slug:
            return (f"bài mới sẽ có cùng đường dẫn /{url} với {source.shown}; hãy đặt tiêu đề khác, "
                    f"hoặc mở tệp đó để sửa")
        if any(output_of(alias.path) == output_of(url) for alias in written_aliases(meta)):
            return (f"đường dẫn /{url} của bài mới là địa chỉ cũ của {source.shown} (trong “aliases” của bài đó, "
                    f"để người đọc theo địa chỉ cũ vẫn tới được bài đó); hãy đặt tiêu đề khác")
    return ""


def _text_problem(label: str, text: str) -> str:
    """Why a title or name from the command line cannot go into the file ("" if it can): bytes that
    are not UTF-8 (a terminal in another code page; Python keeps them as U+DC80-U+DCFF, which no
    file can hold: a traceback and an empty file were left), or a bidi control the build refuses."""
    bad = next((c for c in text if "\udc80" <= c <= "\udcff"), None)
    if bad is not None:
        shown = "".join(f"\\x{ord(c) - 0xdc00:02x}" if "\udc80" <= c <= "\udcff" else c for c in text)
        return (f"{label} “{shown}” có byte "
                f"0x{ord(bad) - 0xdc00:02x} không phải chữ UTF-8 (thường do cửa sổ lệnh dùng bảng mã khác); hãy gõ "
                f"lại bằng Unicode (UTF-8)")
    return bidi_problem(label, text)


def short_slug(title: str) -> str:
    """The title's slug, cut after a whole word when longer than a file name may be."""
    slug = slugify(title)
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[:MAX_SLUG + 1].rsplit("-", 1)[0]
    return cut if cut and len(cut) <= MAX_SLUG else slug[:MAX_SLUG].rstrip("-")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
