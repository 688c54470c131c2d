"""A photo story's credit: "Ảnh: ĐỨC THỤY" standing alone after the last of several photos, each
with its own caption, names whoever took them all (the story's author), not the last photo.

A credit printed after every photo stays with its photo (body.py adds it to the caption).
"""
from __future__ import annotations

import re

from .byline import MAKER_ROLE, PHOTO_PART, person_name
from .lines import Info

_LABEL = re.compile(r"^\(?\s*[^:]*:\s*")
_MAKER = re.compile(rf"(?:^|[-–—,;|]\s*){MAKER_ROLE}\s*:", re.IGNORECASE)
# A long-form's ("eMagazine") credits: the photographer with its other makers, or in the block of credits under the
# text ("Thực hiện: …", "Ảnh: …", "Đồ họa: …"); no photo's caption.
LONG_FORM = "ghi công ảnh và người thực hiện của cả bài (eMagazine)"


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
    return person_name(PHOTO_PART.sub("", _LABEL.sub("", text, count=1)).rstrip(" .)"))
