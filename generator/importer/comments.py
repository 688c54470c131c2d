"""Readers' comments under an article: never the article, never its byline.

A comments section starts at a marker line ("Ý kiến bạn đọc", "Bình luận", "Gửi bình luận",
boilerplate.csv's "comment" rows; on a Facebook paste "Phù hợp nhất", "Viết bình luận…",
"256 bình luận", a comment's "Thích · Phản hồi · 10 giờ" with the name over it) and runs to the end of the page (of a saved web page, to the next heading). The marker counts only below the article's
running text: a "Bình luận" button between the lead and the body, with more paragraphs
under it than above it, is a button, not the start of the comments.
"""
from __future__ import annotations

import re

from .clean import Block, Removed, load_rules
from .lines import is_paragraph
from .sources import portal_name

KIND = "comment"
# Facebook: the sort menu and the box over the comments, the comment count beside the reactions.
_FACEBOOK = re.compile(r"^(?:phù hợp nhất|mới nhất|tất cả bình luận|xem thêm bình luận|viết bình luận\W*|"
                       r"\d[\d.,]*\s*[kK]?\s+bình luận(?:\s*[·,]?\s*\d[\d.,]*\s*[kK]?\s+lượt chia sẻ)?)$",
                       re.IGNORECASE)
# The bar under each comment: "Thích · Phản hồi · 10 giờ", "Like · Reply · 2h".
_ACTIONS = re.compile(r"^(?:thích|like)\s*·\s*(?:phản hồi|trả lời|reply)(?:\s*·.*)?$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*(?:e-?mail|gửi|gửi đi|hủy|hủy bỏ|nhập lại|xóa)\s*[:*]?\s*\*?\s*$", re.IGNORECASE)
_COMMENTER = re.compile(r"^[^\W\d_][^\W\d_.]*(?:\s+[^\W\d_][^\W\d_.]*){1,5}$")  # "Lường Thị Mai"


def _marker(block: Block, removed_kinds: dict[int, str]) -> bool:
    if removed_kinds.get(id(block)) == KIND:
        return True
    if len(block.text) > 60:
        return False
    text = block.text.strip()
    return bool(_FACEBOOK.match(text) or _ACTIONS.match(text)) or \
        any(r.kind == KIND and r.matches(text) for r in load_rules())


def _commenter(blocks: list[Block], i: int) -> int:
    """Where the comment over an action bar ("Thích · Phản hồi · 10 giờ") starts: the writer's name
    a few short lines above it; i itself when there is none."""
    for j in range(i - 1, max(-1, i - 6), -1):
        text = blocks[j].text.strip()
        if is_paragraph(text):
            break
        if _COMMENTER.match(text) and all(w[:1].isupper() for w in text.split()):
            return j
    return i


def cut_comments(blocks: list[Block], kept: list[Block], removed: list[Removed]
                 ) -> tuple[list[Block], list[Removed]]:
    """``kept`` without the comments section, and ``removed`` with its lines (kind "comment").

    ``blocks`` is the page before boilerplate removal, in order; ``kept`` and ``removed`` are
    what clean.strip_boilerplate made of it."""
    kinds = {id(r.block): r.kind for r in removed}
    kept_ids = {id(b) for b in kept}
    order = {id(b): i for i, b in enumerate(blocks)}
    paragraphs = [order[id(b)] for b in kept if is_paragraph(b.text)]
    start = None
    for i, block in enumerate(blocks):
        if not _marker(block, kinds):
            continue
        above = sum(1 for p in paragraphs if p < i)
        below = sum(1 for p in paragraphs if p > i)
        if above and below < above:
            start = _commenter(blocks, i) if _ACTIONS.match(block.text.strip()) else i
            break
    if start is None:
        return kept, removed
    end = next((j for j in range(start + 1, len(blocks)) if blocks[j].hint in ("h1", "heading")), len(blocks))
    # to the next section's heading on a web page; a portal's name (the footer's) is no comment: tail.py reports it
    cut = [b for b in blocks[start:end] if id(b) in kept_ids and not portal_name(b.text)]
    cut_ids = {id(b) for b in cut}
    # The comment form's fields ("Email", "Gửi"), which read as share buttons alone: the form's, said so.
    inside = {id(b) for b in blocks[start:end]}
    removed = [Removed(r.block, KIND) if id(r.block) in inside and r.kind == "share" and _FIELD.match(r.block.text)
               else r for r in removed]
    return [b for b in kept if id(b) not in cut_ids], removed + [Removed(b, KIND) for b in cut]
