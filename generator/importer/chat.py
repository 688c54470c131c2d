"""A paste copied out of a chat (Zalo, WhatsApp, Messenger on a computer): every message opens
with its time and sender ("[08:13, 20/3/2024] Phạm Thị Lan: …", "20/03/2024, 08:13 - Lan: …").

Left as it is, the stamp stands in front of the headline, the lead and every paragraph, and the
rules read none of them. When at least three lines, and half of all the lines, open with a stamp,
the paste is a conversation: each stamp with its sender is taken off and reported, and the
messages of anyone but the one who sent most of them (a colleague's "Ok, nhận rồi") are left out
with their lines, each reported. The day a message was sent is not the day the article was
published, so it is no date line.
"""
from __future__ import annotations

import re
from collections import Counter

from .clean import Block
from .wrapped import Unwrapped

STAMP = "giờ gửi và người gửi tin nhắn"
OTHER = "tin nhắn của người khác trong cuộc trò chuyện"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM|sa|ch|am|pm))?"
_DAY = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
_SENDER = r"(?P<sender>[^:\[\]\n]{1,60}?)"
_STAMPED = re.compile(
    r"^(?:\[\s*(?:" + _TIME + r"\s*,?\s*" + _DAY + "|" + _DAY + r"\s*,?\s*" + _TIME + r")\s*\]\s*"  # [08:13, 20/3/2024]
    r"|" + _DAY + r",?\s+" + _TIME + r"\s+-\s+)"  # 20/03/2024, 08:13 - (an exported chat)
    + _SENDER + r":\s+(?=\S)")
_MIN_MESSAGES = 3


def unchat(blocks: list[Block]) -> Unwrapped:
    """The messages' text without their stamps, the other senders' messages left out; the paste as
    it is when it is not a conversation."""
    lines = [b for b in blocks if b.hint is None]
    stamps = {id(b): m for b in lines if (m := _STAMPED.match(b.text))}
    if len(stamps) < _MIN_MESSAGES or 2 * len(stamps) < len(lines):
        return Unwrapped(blocks, [], [])
    senders = Counter(m.group("sender").strip() for m in stamps.values())
    main = senders.most_common(1)[0][0]
    out: list[Block] = []
    left_out: list[tuple[Block, str]] = []
    sender = main  # lines before the first stamp are the forwarder's
    for block in blocks:
        match = stamps.get(id(block))
        if match is not None:
            sender = match.group("sender").strip()
            left_out.append((Block(match.group().strip(), block.line), STAMP))
            block = Block(block.text[match.end():].strip(), block.line, block.hint, block.extra)
        if sender != main:
            left_out.append((block, OTHER))  # a reply and the lines it goes on over
        else:
            out.append(block)
    others = sorted(s for s in senders if s != main)
    notes = [f"văn bản chép từ tin nhắn (Zalo, Messenger…): đã bỏ giờ gửi và tên người gửi ở đầu {len(stamps)} tin"
             + (f", bỏ tin nhắn của {', '.join(others)}" if others else "")
             + "; ngày gửi tin không phải ngày đăng bài, hãy kiểm tra"]
    return Unwrapped(out, left_out, notes)
