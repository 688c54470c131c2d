"""A page that prints no publication date: the article is a draft, dated by the best hint there
is, each flagged for the editor. In order: a relative date line counted back from a single-file
page's save time (then no draft: close, not exact), the day in the page's address, the day the
lead opens with, else the import day. A date line that names no day ("2 giờ trước", "Sáng 12/3")
is named in a warning that says why it could not be read.
"""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from ..vietnamese import VN, format_date
from .dates import FIRST_YEAR, opening_date, url_date
from .vague import relative_moment, vague_date


def undated(found, url: str | None, saved: datetime | None, blocks: list, now: datetime | None,
            warnings: list[str]) -> tuple[datetime, bool, int | str | None, str, list[str]]:
    """(date, still a draft, where the date came from, the field's check, warnings)."""
    today = (now or datetime.now(VN)).astimezone(VN).replace(hour=0, minute=0, second=0, microsecond=0)
    guess = opening_date(found.summary or "")
    vague = _vague_dateline(blocks, max(found.summary_line or 0, found.title_line or 0) + 3)
    counted = relative_moment(vague[0].text, saved) if vague and saved else None
    if vague is not None and counted is None:
        warnings.append(_vague_warning(*vague))
    in_address = url_date(urlsplit(url).path) if url else None
    if counted is not None:
        # A single-file page knows when it was saved: "2 giờ trước" counts back from then. Close, not exact.
        published = counted.moment
        saved = saved.astimezone(VN)
        warnings.append(f"ngày đăng tính từ dòng {vague[0].line} “{vague[0].text}” và giờ lưu trang ghi trong tệp "
                        f"({format_date(saved)} {saved:%H:%M}): {format_date(published)}"
                        + (f" {published:%H:%M}" if counted.has_time else "") + "; chỉ gần đúng, hãy kiểm tra")
        return (published, False, vague[0].line, f"tính từ “{vague[0].text}” và giờ lưu trang ({format_date(saved)} "
                f"{saved:%H:%M}): chỉ gần đúng, hãy kiểm tra", warnings)
    if in_address is not None and FIRST_YEAR <= in_address.year and in_address <= today.date():
        # The address a page was published under usually carries its publication day: a guess, flagged.
        published = datetime(in_address.year, in_address.month, in_address.day, tzinfo=VN)
        warnings.append(f"trang không ghi ngày đăng: bài được lưu dạng nháp (draft: true), ngày tạm lấy từ địa chỉ "
                        f"trang ({format_date(published)}, {url}); hãy kiểm tra “date” rồi bỏ dòng draft")
        return (published, True, "địa chỉ trang", "trang gốc không ghi ngày đăng; ngày này lấy từ địa chỉ trang, "
                "hãy kiểm tra rồi bỏ dòng draft", warnings)
    if guess is not None and FIRST_YEAR <= guess.year and guess <= today.date():
        # Still a draft: the day of the event is a better guess than the import day, no more.
        published = datetime(guess.year, guess.month, guess.day, tzinfo=VN)
        warnings.append(f"trang không ghi ngày đăng: bài được lưu dạng nháp (draft: true), ngày tạm lấy từ câu "
                        f"mở đầu ({format_date(published)}); hãy sửa “date” rồi bỏ dòng draft")
        return (published, True, found.summary_line, "trang gốc không ghi ngày đăng; ngày này lấy từ câu mở đầu "
                "(ngày diễn ra sự việc), hãy sửa thành ngày đăng thật", warnings)
    warnings.append("trang không ghi ngày đăng: bài được lưu dạng nháp (draft: true) với ngày nhập bài; "
                    "hãy sửa “date” rồi bỏ dòng draft")
    return today, True, None, "trang gốc không ghi ngày đăng; đây là ngày nhập bài, hãy sửa thành ngày đăng thật", \
        warnings


def _vague_dateline(blocks: list, last_line: int) -> tuple | None:
    """(block, kind) of the date line near the headline that names no day: a relative one ("2 giờ
    trước") or one without its year ("Sáng 12/3")."""
    for b in blocks:
        kind = vague_date(b.text) if b.line <= last_line else None
        if kind is not None:
            return b, kind
    return None


def _vague_warning(block, kind: str) -> str:
    """Why such a line gives no date: the moment a relative date counts from (when the page was
    copied) is not in the file; the year may be any."""
    if kind == "tương đối":
        return (f"dòng {block.line} “{block.text}” là ngày đăng tính từ lúc xem trang, không phải một ngày: tệp "
                "không ghi lúc chép trang nên không tính được ngày đăng; hãy mở bài gốc (hoặc di chuột lên dòng "
                "này trên trang gốc) để xem ngày đăng thật")
    return (f"dòng {block.line} “{block.text}” là ngày đăng nhưng không ghi năm, nên không tự điền được; hãy "
            "xem năm trên trang gốc")
