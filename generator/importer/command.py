"""`lamtheobac import`: files in, one article file out per input, a report per file.

One file that cannot be imported (unreadable, no headline, an impossible date, a name the
file system refuses) is reported and skipped; the others are imported. The last line says
what was written, what was left as it was and what was skipped.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TextIO

from ..errors import ContentError, os_reason
from ..taxonomy import Registries
from ..vietnamese import format_long_date, slugify
from .addresses import article_address
from .byline import is_staff, person_name
from .chat import unchat
from .clean import strip_boilerplate, text_to_blocks
from .comments import cut_comments
from .dates import FIRST_YEAR, LAST_YEAR, month_first_reading
from .decode import DecodeError, decode_page
from .documents import official_document
from .entities import find_directives, find_tags, page_tags
from .files import write_atomic, write_images
from .extract import HASHTAGS, Extracted, extract
from .frontmatter import ArticleMeta, article_slug, article_text, body_markdown
from .htmlsource import PageMeta, html_to_blocks
from .imagenames import free_names
from .links import DROPPED, body_links, with_links
from .mhtml import SUFFIXES as ARCHIVE_SUFFIXES, Archive, html_text_bytes, read_archive
from .lines import is_shouting
from .mail import subject, unmail
from .places import Places, find_places, place_keys
from .siteinfo import article_source
from .sources import byline_paper
from .report import Output, in_page_order, print_file_report, print_summary
from .unmarked import english, marked_reading, unmarked
from .videos import kept_note
from .titletext import CAPITALS_CHECK, mistyped_case_check
from .undated import undated
from .wrapped import Unwrapped, unwrap

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ARCHIVE_SUFFIXES
MAX_BYTES = 50_000_000  # a saved page with its pictures inlined stays far under this
_FURNITURE_KINDS = {"nav", "label", "footer", "counter", "weather"}
_TAGS_LABEL = re.compile(r"^\s*(?:tags?|từ\s+khóa|từ\s+khoá|chủ\s+đề)\s*:\s*", re.IGNORECASE)
_FAR_OR_WEEKDAY = "ngày lấy từ dòng ở xa tiêu đề hoặc thứ không khớp"
_SIGNED = "ngày ký văn bản (dòng địa danh, ngày tháng), có thể khác ngày đăng"
META_SLACK = timedelta(minutes=30)  # a page's metadata and its printed time may differ by a scheduled post's minutes
EVIDENCE_CHARS = 200_000  # provinces and tags are judged on the first 200,000 characters of the body


@dataclass
class Converted:
    """One input made into an article, before anything is written."""

    slug: str
    text: str
    meta: ArticleMeta
    encoding: str
    images: list[str] = field(default_factory=list)
    captions: int = 0
    warnings: list[str] = field(default_factory=list)
    lines: dict[str, int | str | None] = field(default_factory=dict)  # field -> where it came from
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)
    files: dict[str, bytes] = field(default_factory=dict)  # pictures a single-file page holds, by the article's names


def convert(data: bytes, suffix: str, registries: Registries, images_prefix: str = "/images/",
            display: str = "", now: datetime | None = None, images_dir: Path | None = None,
            page_dir: Path | None = None) -> Converted:
    """The article file for one input's bytes; raises ContentError if it cannot be imported."""
    saved = suffix.lower() in HTML_SUFFIXES | ARCHIVE_SUFFIXES
    archive = Archive(b"")
    try:
        if suffix.lower() in ARCHIVE_SUFFIXES:
            archive = read_archive(data)
            decoded = html_text_bytes(archive, decode_page)
        else:
            decoded = decode_page(data, paste=not saved)
    except DecodeError as exc:
        raise ContentError(str(exc), display, exc.line) from None
    text, encoding = decoded.text, decoded.encoding
    page = PageMeta()
    printed: Unwrapped = Unwrapped([], [], [])
    chat: Unwrapped = Unwrapped([], [], [])
    address_notes: list[str] = []
    if saved:
        blocks, page = html_to_blocks(text, set(archive.images) if suffix.lower() in ARCHIVE_SUFFIXES else None)
        # the article's own address: og:url, canonical, the address the file was saved from (a print view's unmarked)
        page.url, note = article_address([*page.addresses, archive.address, page.saved_from])
        address_notes += [note] if note else []
        chat = unmail(blocks, saved=True)  # an e-mail saved as a page (Outlook's .htm)
        if chat.notes:  # its <title> is the subject: "Gửi bài: …" names the headline
            page.titles[:] = [subject(t) for t in page.titles]
        blocks = chat.blocks
    else:
        mail = unmail(text_to_blocks(text))  # an e-mail: its header, note to the editors and signature out
        chat = unchat(mail.blocks)  # messages copied from a chat: their stamps taken off
        chat = Unwrapped(chat.blocks, mail.left_out + chat.left_out, mail.notes + chat.notes)
        printed = unwrap(chat.blocks)  # lines broken at a width joined into paragraphs
        blocks = printed.blocks
    document = official_document(blocks)  # a Kế hoạch, a Hướng dẫn: its headline, recipients and signature
    blocks = document.blocks
    kept, removed = strip_boilerplate(blocks)
    blocks, removed = cut_comments(blocks, kept, removed)
    places = place_keys(registries)
    found: Extracted = extract(blocks, places, page.titles, [page.site_name] if page.site_name else [],
                               saved_page=saved)
    if found.title is None:
        raise ContentError("không tìm thấy tiêu đề bài (một dòng ngắn, không có dấu chấm cuối, phía trên "
                           "đoạn mở đầu), không nhập được", display)
    warnings = list(decoded.notes) + address_notes + chat.notes + printed.notes + document.notes + list(found.warnings)
    checks: dict[str, str] = {}
    lines: dict[str, int | str | None] = {"title": found.title_line}
    if not found.title_sure:
        checks["title"] = "có dòng khác cũng giống tiêu đề"
    if found.title_stand_in:
        checks["title"] = "trang không in tiêu đề: đây là câu đầu bài, hãy viết tiêu đề"
    if is_shouting(found.title) or found.title_capitals:  # no rule makes sentence case: proper names need an editor
        checks["title"] = CAPITALS_CHECK
    mistyped = mistyped_case_check(found.title)  # "HọC", "BIÊN CƯơNG": the words kept as typed, named
    if mistyped:
        before = checks.get("title")
        checks["title"] = f"{before}; {mistyped}" if before and before != CAPITALS_CHECK else mistyped

    published, date_line, date_doubt = _publication(found, page, display, warnings)
    lines["date"] = date_line
    draft = published is None
    if draft:  # the page prints no date: a day to start from, each flagged
        published, draft, lines["date"], checks["date"], warnings = undated(
            found, page.url, archive.saved, blocks, now, [w for w in warnings if not w.startswith(
                "không tìm thấy ngày đăng")])
    elif date_doubt:
        checks["date"] = date_doubt
    swapped = month_first_reading(found.date, found.summary or "") if found.date and lines["date"] == \
        found.date_line else None
    if swapped is not None:  # "03/05/2024" read day first, the lead writing out "ngày 5 tháng 3 năm 2024"
        checks["date"] = (f"dòng ngày ghi số có thể theo kiểu tháng/ngày: đã đọc là {format_long_date(published)}, "
                          f"nhưng câu mở đầu ghi {format_long_date(swapped)}")
        warnings.append(f"dòng ngày (dòng {found.date_line}) được đọc ngày trước tháng ({format_long_date(published)}), "
                        f"nhưng câu mở đầu viết {format_long_date(swapped)}: có thể trang ghi tháng trước ngày "
                        "(kiểu Mỹ); hãy kiểm tra ngày đăng")

    author, author_line, author_sure = found.author, found.author_line, found.author_sure
    if (author is None or found.author_check) and page.authors:  # a writer in the metadata beats a photographer
        # a newspaper's name in <meta name="author"> is no byline, and hides no JSON-LD Person after it
        written = next((name for name in page.authors if person_name(name, places)), None)
        named = person_name(written, places) if written else None
        if named or author is None:
            author, author_line, author_sure = named, "thẻ meta" if named else None, False
            if written and found.source_name is None:  # "Thanh Hà (TTXVN)" in the metadata: the agency is the source
                found.source_name = byline_paper(written)
            warnings = [w for w in warnings if not (named and w.startswith("trang chỉ ghi công người chụp ảnh"))]
    if author is not None:
        warnings = [w for w in warnings if not w.startswith("không tìm thấy tên tác giả")]
        if is_staff(author):  # "Nhóm PV": the newsroom signed it, no one by name
            checks["author"] = "bài ký tên chung của phóng viên, không phải tên người; hãy ghi tên người viết nếu biết"
        elif found.author_check and author == found.author:
            checks["author"] = found.author_check
        elif not author_sure:
            checks["author"] = "tên tác giả đứng xa bài hoặc lấy từ thẻ meta"
    lines["author"] = author_line

    body_nodes = _first_chars([n for n in found.body if n.kind in ("p", "h", "li", "caption", "table")],
                              EVIDENCE_CHARS)
    segments = [("title", found.title, found.title_line or 0)]
    if found.summary:
        segments.append(("summary", found.summary, found.summary_line or 0))
    segments += [("body", n.text, n.line) for n in body_nodes]
    furniture = "\n".join([b.text for b, reason in found.dropped if reason in ("trên tiêu đề", "đơn vị đưa tin",
                                                                                  "nguồn", "đơn vị của tác giả")]
                          + [r.block.text for r in removed if r.kind in _FURNITURE_KINDS]
                          + [x for x in (page.site_name,) if x])
    plain = unmarked("\n".join(text for _part, text, _line in segments))
    if plain and english("\n".join(text for _part, text, _line in segments)):
        raise ContentError("trang viết bằng tiếng Anh, không phải tiếng Việt: trang web chỉ đăng bài tiếng Việt "
                           "(tỉnh, văn bản, chủ đề đều đọc từ chữ tiếng Việt), nên không nhập; hãy tìm và nhập bản "
                           "tiếng Việt của bài", display)
    if plain:  # kept as typed; the evidence read with the marks the registries' names have
        segments = [(part, marked_reading(text, registries), line) for part, text, line in segments]
        warnings.append("bài không có dấu tiếng Việt: tiêu đề, sapo và nội dung giữ nguyên như trang gốc; hãy gõ "
                        "lại có dấu. Tỉnh và văn bản được đọc từ tên viết không dấu (“tinh …”, “chi thi …”): "
                        "hãy kiểm tra")
        checks.setdefault("title", "tiêu đề không có dấu tiếng Việt: hãy gõ lại có dấu")
    where: Places = find_places(segments, registries, furniture)
    warnings += where.warnings
    lines["province"] = where.line
    if not where.provinces:
        checks["province"] = "không xác định được tỉnh"
    elif plain:
        checks["province"] = "đọc từ tên viết không dấu"
    elif not where.sure:
        checks["province"] = "tỉnh được nhắc ít hoặc có tỉnh khác được nhắc gần ngang"
    parts = {"title": found.title, "summary": found.summary or "", "body": "\n".join(n.text for n in body_nodes)}
    evidence = "\n".join(parts.values())
    directives, w = find_directives(marked_reading(evidence, registries) if plain else evidence, registries, published)
    warnings += w
    if plain and directives:
        checks["directives"] = "đọc từ tên viết không dấu"
    keywords = page.keywords + [_TAGS_LABEL.sub("", r.block.text) for r in removed if r.kind == "tags"] \
        + [b.text for b, reason in found.dropped if reason == HASHTAGS]
    tags, w = find_tags(parts, registries, page=page_tags(keywords, registries))
    warnings += w
    lines["summary"] = found.summary_line

    slug = article_slug(found.title) or slugify(Path(display).stem)[:80].strip("-") or "bai-viet"
    renamed, w = free_names([f.src for f in found.figures], article_slug(found.title, 40) or slug, images_dir,
                            page_dir, archive.images)
    warnings += w
    found.body = [replace(n, src=renamed[n.src]) if n.kind == "figure" and n.src in renamed else n
                  for n in found.body]
    figures = found.figures
    source, source_url = article_source(page, found, registries, warnings, removed)
    meta = ArticleMeta(
        title=found.title, date=published, summary=found.summary,
        provinces=[p.name for p in where.provinces], directives=[d.symbol for d in directives],
        tags=[t.name for t in tags], author=author,
        source_name=source, source_url=source_url,
        image_src=images_prefix + figures[0].src if figures else None,
        image_caption=figures[0].text if figures else None, image_alt=figures[0].alt if figures else None,
        draft=draft, checks=checks,
    )
    warnings += kept_note(page.videos)
    if figures and not figures[0].text:
        warnings.append(f"ảnh “{figures[0].src}” không có chú thích")
    keep, link_dropped = body_links(found.body, blocks, page.base or page.url)

    def inline(k: int, markdown: str) -> str:
        if k not in keep:
            return markdown
        markdown, missed = with_links(markdown, keep[k])
        link_dropped.extend((found.body[k].line, DROPPED, f"{t} → {u}") for t, u in missed)
        return markdown

    body = body_markdown(found.body, images_prefix, inline)
    dropped = in_page_order(document.blocks, list(found.dropped) + [(r.block, f"khuôn trang ({r.kind})") for r in removed],
                            page.left_out + [(b.line, reason, b.text) for b, reason in
                                             chat.left_out + printed.left_out + document.left_out] + link_dropped,
                            page.left_out_after)
    originals = {renamed.get(name, name): name for name in archive.images}
    files = {f.src: archive.images[originals[f.src]] for f in figures if f.src in originals}
    result = Converted(slug, article_text(meta, body), meta, encoding, [f.src for f in figures],
                       sum(1 for n in found.body if n.kind == "caption"), warnings, lines, dropped, files)
    return result


def _first_chars(nodes: list, limit: int) -> list:
    """The body's text nodes up to ``limit`` characters: a pasted 5 MB paragraph says no more about
    its province than its first pages do, and matching names in all of it takes seconds."""
    out, total = [], 0
    for node in nodes:
        if total + len(node.text) > limit:
            if total < limit:
                out.append(type(node)(node.kind, node.text[:limit - total], node.src, node.level, node.line))
            break
        out.append(node)
        total += len(node.text)
    return out


def _publication(found: Extracted, page: PageMeta, display: str, warnings: list[str]
                 ) -> tuple[datetime | None, int | str | None, str]:
    """The publication time from the page's date line and its machine-readable metadata, where it
    came from, and why the editor should check it ("" when sure)."""
    if found.out_of_range is not None:
        year, line, text = found.out_of_range
        raise ContentError(f"dòng ngày “{text}” ghi năm {year}, không thể là ngày đăng bài; bỏ qua tệp này "
                           "(hãy sửa ngày trong tệp gốc rồi nhập lại)", display, line)
    if page.out_of_range is not None:
        raise ContentError(f"thẻ ngày đăng của trang ghi “{page.out_of_range}”, không thể là ngày đăng bài; "
                           "bỏ qua tệp này", display)
    text_date = found.date.moment if found.date else None
    meta_date = page.published
    for moment in (meta_date, text_date):
        if moment is not None and not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise ContentError(f"ngày đăng ghi năm {moment.year}, không thể là ngày đăng bài; bỏ qua tệp này",
                               display, found.date_line if moment is text_date else None)
    if meta_date is None:
        return text_date, found.date_line, "" if found.date_sure else _SIGNED if found.date_signed else _FAR_OR_WEEKDAY
    warnings[:] = [w for w in warnings if not w.startswith(("không tìm thấy ngày đăng", "ngày đăng lấy từ dòng",
                                                            "ngày lấy từ cuối dòng đường dẫn"))]
    if text_date is None or found.date_updated and meta_date <= text_date:
        return meta_date, "thẻ meta", ""  # "Cập nhật lúc 10:20, …" printed: when it was changed, not published
    if meta_date.date() == text_date.date():
        if not found.date.has_time:
            return meta_date, "thẻ meta", ""
        if abs(meta_date - text_date) <= META_SLACK or meta_date.time() == time(0):
            return text_date, found.date_line, ""
        # The same day, another hour (often a time zone written wrong): the printed time, flagged.
        warnings.append(f"giờ trong thẻ meta của trang ({meta_date.isoformat()}) khác giờ in trên trang "
                        f"({text_date.isoformat()}, dòng {found.date_line}); đã dùng giờ in trên trang")
        return text_date, found.date_line, "giờ in trên trang khác giờ trong thẻ meta của trang"
    warnings.append(f"ngày trong thẻ meta của trang ({meta_date.isoformat()}) khác ngày in trên trang "
                    f"({text_date.isoformat()}, dòng {found.date_line}); đã dùng ngày in trên trang")
    return text_date, found.date_line, "ngày in trên trang khác ngày trong thẻ meta của trang"


def collect(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Input files in order (directories walked, sorted), each with an error if unusable."""
    files: list[tuple[Path, str | None]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                files.append((path, "thư mục không có tệp .txt, .html hay .mhtml nào để nhập"))
            files.extend((p, _unusable(p)) for p in found)  # a 2 GB page in a folder was read whole
        elif not path.exists():
            files.append((path, "không tìm thấy tệp hoặc thư mục này"))
        elif path.suffix.lower() not in SUFFIXES:
            files.append((path, ("chỉ nhập được tệp .txt (chữ chép từ trang báo), .html (trang web đã lưu) "
                                 "hoặc .mhtml/.mht (trang lưu thành một tệp)")))
        else:
            files.append((path, _unusable(path)))
    return files


def _unusable(path: Path) -> str | None:
    """Why a named file cannot be read as a page: reading a pipe or a device named x.txt waited
    forever, and a file far past any article's size would hold the run for minutes."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"không mở được tệp ({os_reason(exc)})"
    if not stat.S_ISREG(info.st_mode):
        return "không phải tệp thường (một ống dẫn, thiết bị hay ổ cắm mang tên tệp): không nhập được"
    if info.st_size > MAX_BYTES:
        return (f"tệp nặng {info.st_size / 1e6:.0f} MB, quá {MAX_BYTES // 1_000_000} MB mà một trang báo cần: "
                f"hãy lưu trang ở dạng “Chỉ HTML” hoặc chép riêng phần chữ của bài")
    return None


def run(paths: list[Path], out: Path, *, dry_run: bool, force: bool, images_prefix: str,
        registries: Registries, stdout: TextIO, report: bool = False, now: datetime | None = None,
        images_dir: Path | None = None) -> int:
    output = Output(stdout)
    if os.path.exists(out) and not os.path.isdir(out):  # was: "không ghi được tệp (File exists)" once per article
        output.print(f"--out “{out.as_posix()}” là một tệp, không phải thư mục; hãy chọn thư mục để ghi bài "
                     f"(mặc định content/articles). Chưa nhập bài nào.")
        return 1
    tally = {"written": 0, "unchanged": 0, "failed": 0, "drafts": 0}
    reasons: list[str] = []
    claimed: dict[Path, Path] = {}
    for path, problem in collect(paths):
        display = path.as_posix()
        if problem:
            _fail(output, tally, reasons, ContentError(problem, display))
            continue
        try:
            data = path.read_bytes()
            result = convert(data, path.suffix, registries, images_prefix, display, now, images_dir, path.parent)
        except OSError as exc:
            _fail(output, tally, reasons, ContentError(f"không mở được tệp ({exc.strerror or exc})", display))
            continue
        except ContentError as exc:
            _fail(output, tally, reasons, exc)
            continue
        target = out / f"{result.slug}.md"
        status, outcome = _place(target, result.text, claimed, path, dry_run, force)
        if outcome == "failed":
            reasons.append(f"{display}: {status}")
        elif result.files:
            result.warnings.extend(write_images(result.files, images_dir, dry_run))
        tally[outcome] += 1
        tally["drafts"] += outcome == "written" and result.meta.draft
        print_file_report(output, display, target, status, result, outcome != "failed", report)
    print_summary(output, tally, reasons, dry_run)
    return 1 if tally["failed"] else 0


def _fail(output: Output, tally: dict, reasons: list[str], error: ContentError) -> None:
    tally["failed"] += 1
    reasons.append(str(error))
    output.print(str(error))


def _place(target: Path, text: str, claimed: dict, source: Path, dry_run: bool, force: bool) -> tuple[str, str]:
    """Write (or, in a dry run, check) one article; (what happened, "written"/"unchanged"/"failed")."""
    if target in claimed:
        return (f"trùng tên bài với {claimed[target].as_posix()} (cùng tiêu đề); không ghi", "failed")
    claimed[target] = source
    data = text.encode("utf-8")
    try:
        exists = target.exists()
        if exists and target.read_bytes() == data:
            return ("không đổi (đã có bài giống hệt)", "unchanged")
        if exists and not force:
            return ("đã có bài khác nội dung ở đường dẫn này; không ghi đè (dùng --force để ghi đè)", "failed")
        if dry_run:
            return ("chạy thử, sẽ ghi đè" if exists else "chạy thử, sẽ ghi", "written")
        write_atomic(target, data)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return (f"tên tệp hoặc thư mục quá dài cho hệ thống tệp ({len(os.fsencode(str(target)))} byte); "
                    "hãy chọn thư mục --out ngắn hơn; không ghi", "failed")
        return (f"không ghi được tệp ({os_reason(exc, writing=True)}); không ghi", "failed")
    return ("đã ghi đè" if exists else "đã ghi", "written")
