"""What stands around an article's text, once its headline, lead and last paragraph are found (extract.py): share
buttons, labels and a speech's note between the headline and the lead; hashtags, credits, widgets, the source and
the notes after the text (tail.py)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .byline import MAKER_LINE
from .credits import LONG_FORM, long_form_credit
from .headline import SALUTATION
from .lines import Info
from .sources import paper_line, printed_address, site_address, source_line
from .tail import ADDRESS_LINE, MAKERS, PRINTED_ADDRESS, tail

if TYPE_CHECKING:
    from .extract import Extracted

HASHTAGS = "thẻ (hashtag) của bài"
_HASHTAGS = re.compile(r"^(?:#[^\W_]\w*[\s,;]*)+$")
_BRACKETED = re.compile(r"^[(\[][^()\[\]]+[)\]]\s*\.?$")  # a note wholly in brackets


def speech_opening(info: Info) -> bool:
    """"(Trích bài phát biểu …)", "Kính thưa …!": a note in brackets of six words or more, or a salutation,
    over a speech's lead: no summary and no page furniture, the body's first lines."""
    return not info.source and bool(_BRACKETED.match(info.text) and info.n_words >= 6 or SALUTATION.match(info.text))


def top_and_tail(infos: list[Info], t: int, sapo: int | None, last: int | None, used: dict,
                  out: Extracted, places: frozenset[str] = frozenset()) -> None:
    """Share buttons and labels between headline and lead; sources and credits after the text."""
    if sapo is not None:
        for i in range(t + 1, sapo):
            info = infos[i]
            if i in used or info.image or info.block.hint in ("caption", "img", "subtitle") or info.credit:
                continue
            if not info.paragraph and not speech_opening(info):
                used[i] = MAKERS if MAKER_LINE.match(info.text) else "đầu bài (nút chia sẻ, nhãn, đơn vị)"
    for i, info in enumerate(infos):
        if i <= t or i in used:
            continue
        if _HASHTAGS.match(info.text):
            used[i] = HASHTAGS  # the post's own tags: read by command.py as the page's keywords
        elif info.credit_only and not _after_figure(infos, i, used):
            used[i] = LONG_FORM if long_form_credit(infos, i) else "ghi chú ảnh không kèm ảnh"
        elif info.widget:
            used[i] = "tiện ích của trang (thời tiết, đồng hồ)"
    if last is None:
        return
    def stays(i: int) -> bool:  # a picture's line: the image, its caption, its credit
        info = infos[i]
        return bool(info.image or info.credit or info.block.hint in ("caption", "video") or _after_figure(infos, i, used))

    found = tail(infos, last, used, stays, places)
    out.warnings += found.warnings
    out.notes = {id(infos[i].block) for i in found.notes}
    source = found.source
    if source is None and sapo is not None:  # "Theo Minh Anh/TTXVN" printed between the headline and the lead
        source = next((infos[i].text for i in range(t + 1, sapo)
                       if infos[i].source and used.get(i) == "đầu bài (nút chia sẻ, nhãn, đơn vị)"), None)
        if source is not None:
            used[next(i for i in range(t + 1, sapo) if infos[i].text == source)] = "nguồn"
    if source is not None:
        paper, writer = source_line(source, places)
        if writer is not None and out.author is None:  # "Theo Minh Anh (Báo Hà Giang)": the writer, and the paper
            out.author, out.author_line, out.author_sure = writer, next(
                info.line for info in infos if info.text == source), True
            out.author_text = source
            out.warnings = [w for w in out.warnings if not w.startswith("không tìm thấy tên tác giả")]
        out.source_name = out.source_name or paper
    printed = next((infos[i].text for i in sorted(used) if used[i] == PRINTED_ADDRESS), None) or next(
        (infos[i].text for i in range(t) if ADDRESS_LINE.match(infos[i].text)), None)  # a print view's top line
    # a print view's "Địa chỉ bài viết: https://…", else a reading view's site address over the headline
    out.source_url = printed_address(printed) if printed else None  # whatever names the paper, the address is this
    out.source_name = out.source_name or out.source_url \
        or site_address([infos[i].text for i in range(t)]) or next(
            (paper_line(infos[i].text) for i in range(t + 1, sapo if sapo is not None else t + 1)
             if used.get(i) == "đầu bài (nút chia sẻ, nhãn, đơn vị)" and paper_line(infos[i].text)), None)


def _after_figure(infos: list[Info], i: int, used: dict) -> bool:
    for j in range(i - 1, max(-1, i - 3), -1):
        if j in used:
            continue
        return bool(infos[j].image or infos[j].credit or infos[j].block.hint == "caption" or
                    (j > 0 and infos[j - 1].image))
    return False
