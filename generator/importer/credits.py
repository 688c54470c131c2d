"""A photo story's credit: "Ảnh: ĐỨC THỤY" standing alone after the last of several photos, each
with its own caption, names whoever took them all (the story's author), not the last photo.

A credit printed after every photo stays with its photo (body.py adds it to the caption).
"""
from __future__ import annotations

import re

from ..vietnamese import term_key
from typing import TYPE_CHECKING

from .byline import INITIALS, MAKER_ROLE, PHOTO_PART, person_name
from .lines import Info

if TYPE_CHECKING:
    from .extract import Extracted

_LABEL = re.compile(r"^\(?\s*[^:]*:\s*")
_MAKER = re.compile(rf"(?:^|[-–—,;|]\s*){MAKER_ROLE}\s*:", re.IGNORECASE)
# A long-form's ("eMagazine") credits: the photographer with its other makers, or in the block of credits under the
# text ("Thực hiện: …", "Ảnh: …", "Đồ họa: …"); no photo's caption.
LONG_FORM = "ghi công ảnh và người thực hiện của cả bài (eMagazine)"
_PHOTOGRAPHER = re.compile(r"^\(?\s*(?:ảnh|photo)(?:\s*(?:,|và|&|\+|/|-|–)\s*(?:video|clip))?\s*:", re.IGNORECASE)  # not "Ảnh minh họa:", "Ảnh tư liệu:"
# Where a whole article's credit stands when it belongs to no photo: over or under the headline, after the lead or
# the text (extract.py's reasons for those lines).
_WHOLE = {"trên tiêu đề", "đầu bài (nút chia sẻ, nhãn, đơn vị)", LONG_FORM, "ghi chú ảnh không kèm ảnh"}
PHOTOGRAPHER_CHECK = "bài chỉ ghi tên người chụp ảnh, không ghi người viết; hãy kiểm tra tác giả"


def long_form_credit(infos: list[Info], i: int) -> bool:
    """The photo credit infos[i] ("Ảnh: Nguyễn Văn A - Thiết kế: Trần B") credits a long-form's whole making: it
    names other makers, or a writer's labelled byline or another maker's credit stands next to it."""
    if _MAKER.search(infos[i].text):
        return True
    near = [infos[k] for k in (i - 1, i + 1) if 0 <= k < len(infos)]
    return any(info.labelled or _MAKER.match(info.text) for info in near)


def story_credit(kept: list[Info]) -> int | None:
    """The index in ``kept`` (the body's lines) of a credit that belongs to the whole photo story, or None."""
    lines = [k for k, info in enumerate(kept) if info.block.hint != "table"]
    if not lines or sum(1 for info in kept if info.image) < 2:
        return None
    last = lines[-1]
    info = kept[last]
    if not info.credit_only or info.block.hint == "caption" or sum(1 for i in kept if i.credit_only) != 1:
        return None
    before = kept[last - 1] if last else None
    if before is None or not (before.image or before.block.hint == "caption"):
        return None  # not after the photos
    if sum(1 for i in kept if i.block.hint == "caption") < 2:
        return None  # the photos have no captions of their own: the credit may well be the last one's
    return last


def credit_name(text: str) -> str | None:
    """The photographer's name on a credit line ("Ảnh: ĐỨC THỤY" -> "Đức Thụy"), or None."""
    text = PHOTO_PART.sub("", _LABEL.sub("", text, count=1)).rstrip(" .")
    while text.endswith(")") and text.count(")") > text.count("("):  # "(Ảnh: Minh Hùng (TTXVN))"
        text = text[:-1].rstrip(" .")
    return person_name(text)


def photographer_byline(infos: list[Info], t: int, sapo: int | None, last: int | None, used: dict,
                        out: Extracted) -> None:
    """A page with no byline credited to its photographer alone: the photographer is the author, flagged for the
    editor (``out.author_check``, a warning). The credit's line keeps its reason in ``used`` (a credit of the
    whole article, listed in the report): a writer named in the page's metadata replaces the photographer
    (command.py)."""
    i = _photographer(infos, t, sapo, last, used)
    if i is None:
        return
    name = credit_name(infos[i].text)
    out.author, out.author_line, out.author_sure, out.author_check = name, infos[i].line, False, PHOTOGRAPHER_CHECK
    out.author_text = infos[i].text
    out.warnings = [w for w in out.warnings if not w.startswith("không tìm thấy tên tác giả")]
    out.warnings.append(f"trang chỉ ghi công người chụp ảnh (“{infos[i].text}”, dòng {infos[i].line}): đã lấy "
                        f"“{name}” làm tác giả; hãy kiểm tra lại")


def _photographer(infos: list[Info], t: int, sapo: int | None, last: int | None, used: dict) -> int | None:
    """The index of the one photographer's credit ("Ảnh: Nguyễn Văn A", "Ảnh: NGUYỄN VĂN A - Thiết kế: …") that
    signs a page with no byline, or None: a long-form ("eMagazine") or a photo story is often credited to its
    photographer alone. The credit stands for the whole article, with no photo: right over the headline, between it
    and the lead, right after the lead, or after the text; never amid the text (a photo's lost there). Under the
    text it signs only a page that holds photos or a credit that names other makers (a paste whose photos were not
    copied leaves their credits there). It names one person by name (not initials, not an agency, not two
    photographers)."""
    found: dict[str, int] = {}
    photos = any(info.image for info in infos)
    for i, reason in used.items():
        info = infos[i]
        if reason not in _WHOLE or not info.credit_only or not _PHOTOGRAPHER.match(info.text) or i < t - 2:
            continue
        if sapo is not None and last is not None and sapo + 1 < i <= last:
            continue
        if not (photos or reason == LONG_FORM or sapo is not None and i < sapo):
            continue  # a paste's "Ảnh: X.T" under the text, its photo not copied: a lost photo's credit
        name = credit_name(info.text)
        if name and not all(INITIALS.match(w) for w in name.split()):  # "Ảnh: H.D": initials sign nothing
            found.setdefault(term_key(name), i)
    return next(iter(found.values())) if len(found) == 1 else None
