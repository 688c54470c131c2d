"""Raw text to blocks, and the page furniture around an article taken out.

A block is one line of the copied page (a paragraph, a headline, a caption...), or a
whole table (lines of tab-separated cells in a paste). The boilerplate rules live in
``boilerplate.csv`` beside this module, so an editor can add a site's menu or widget
labels without touching code. Rules read lines, not tables or images: those are never
taken as furniture.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..vietnamese import term_key
from .dates import meta_line
from .mojibake import looks_garbled
from .tables import tab_cells, text_table

RULES_FILE = Path(__file__).with_name("boilerplate.csv")
_SPACES = re.compile(r"[ \t]+")
# The pictographs of posts (emoji, dingbats, stars and arrows of U+2B00): a regex class's ranges.
PICTOGRAPHS = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF"
# Emoji a post puts after its sentence ("… huyện Hòa An. 💪💪"): the sentence still ends before them.
EMOJI_TAIL = rf"(?:\s*[{PICTOGRAPHS}\uFE0F\u200D])*\s*$"
_SENTENCE_END = re.compile(r"[.:;,…]" + EMOJI_TAIL)
_WORD = re.compile(r"\w+")
_LINK_WORDS = re.compile(r"(?<=[.!?…”\"])\s+((?:bấm|nhấn|click|kích|nhấp)\s+(?:vào\s+)?(?:đây|here)|xem\s+chi\s+tiết"
                         r"(?:\s+tại\s+đây)?|xem\s+tiếp|đọc\s+tiếp|xem\s+thêm|chi\s+tiết\s+xem\s+tại\s+đây)"
                         r"\s*[.…>»]*\s*$", re.IGNORECASE)
_SHORTENED = re.compile(r"\s*(?:\.{3}|…)$")  # the "…" a page puts before "Xem thêm" where it cut the text
_NOT_LINES = ("img", "table")  # blocks no boilerplate rule reads
# Emphasis (<em>, <i>) in a block's ``extra["marked"]`` text; never in ``text`` itself.
EM_OPEN, EM_CLOSE = "\ue000", "\ue001"
# A speaker's label in bold opening a turn of an interview ("<strong>PV:</strong> …", "**Ông Nguyễn Văn A:** …"):
# at most 12 words ending with a colon. Kept bold in front of the answer (``extra["bold_label"]``).
_LABEL_WORDS = 12


def speaker_label(opening: str, text: str) -> str | None:
    """The bold words opening a line when they are a speaker's label followed by what was said."""
    opening = opening.strip()
    said = text[len(opening):] if text.startswith(opening) else ""
    colon = opening.endswith(":") or said.lstrip().startswith(":")  # "<b>PV:</b> …" or "<b>PV</b>: …"
    if colon and 1 <= len(opening.rstrip(":").split()) <= _LABEL_WORDS and opening[:1].isupper() \
            and said.strip(" :"):
        return opening
    return None


@dataclass
class Block:
    """One line of the source with where it came from."""

    text: str
    line: int  # 1-based line (or element order, for HTML)
    hint: str | None = None  # from HTML markup: "h1", "heading", "li", "img", "caption"; "table"
    # {"src": ..., "alt": ...} for an image, {"table": Table} for a table; "quote" and "list": the
    # number of the <blockquote> or list holding the block; "marked": the text with its emphasis
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: str
    then: str
    regex: re.Pattern | None
    key: str | None

    def matches(self, text: str) -> bool:
        if self.regex is not None:
            return bool(self.regex.search(text))
        if len(text) > 3 * len(self.key) + 20:
            return False  # a whole-line rule cannot match a paragraph
        return term_key(text.rstrip(":").strip()) == self.key


@dataclass
class Removed:
    """A block dropped as boilerplate, for the report and the tests."""

    block: Block
    kind: str


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    text = path.read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text))
    next(rows)  # header
    rules = []
    for row in rows:
        if not row or row[0].startswith("#") or len(row) < 2:
            continue
        kind, pattern, then = row[0].strip(), row[1].strip(), (row[2].strip() if len(row) > 2 else "")
        if pattern.startswith("re:"):
            rules.append(Rule(kind, pattern, then, re.compile(pattern[3:], re.IGNORECASE), None))
        else:
            rules.append(Rule(kind, pattern, then, None, term_key(pattern)))
    return tuple(rules)


def text_to_blocks(text: str) -> list[Block]:
    """Every non-blank line, spaces tidied, with its line number; consecutive lines of
    tab-separated cells (a table copied from a browser) as one table block."""
    blocks = []
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        run = number
        while run < len(lines) and tab_cells(lines[run]) >= 2:
            run += 1
        table = text_table(lines[number:run]) if run - number >= 2 else None
        if table is not None:
            blocks.append(Block(table.text, number + 1, "table", {"table": table, "last_line": run}))
            number = run
            continue
        line = _SPACES.sub(" ", lines[number]).strip()
        if line:
            line, extra = typed_bold(line)
            blocks.append(Block(line, number + 1, None, extra))
        number += 1
    return blocks


# "**" before a letter or an opening quote, after a letter or a sentence's mark: not a note's "(**)"
_TYPED_BOLD = re.compile(r"(?<![(\w*])\*\*(?=[^\W_]|[“\"])(.+?)(?<=[^\W_]|[.:!?…”\"])\*\*(?![\w*)])")


# A chat's bold, one star each side, around words: not a note's "(*)", a bullet's "* ", a product "5*3"
_CHAT_BOLD = re.compile(r"(?<![(\w*])\*(?=[^\W_]|[“\"])([^*]+?)(?<=[^\W_]|[.:!?…”\")])\*(?![\w*)])")


def typed_bold(line: str) -> tuple[str, dict]:
    """A pasted line with its Markdown bold ("**PV:** Xin …", copied from a chat, an editor or another
    Markdown page) or a chat's bold (Zalo, WhatsApp, Telegram: "*TIN BÀI: …*", "*PV:* Xin …") as a saved page's
    <strong> gives it: the marks out of the text, a speaker's label kept as the block's ``bold_label``, a line all
    in bold as ``bold``."""
    if "*" not in line:
        return line, {}
    marks = _TYPED_BOLD if "**" in line else _CHAT_BOLD
    runs = list(marks.finditer(line))
    text = _SPACES.sub(" ", marks.sub(r"\1", line)).strip()
    if not runs or "**" in text or marks is _CHAT_BOLD and "*" in text:
        return line, {}  # unpaired: asterisks the writer meant
    if runs[0].start() == 0 and runs[0].end() == len(line):
        return text, {"bold": True}
    label = speaker_label(runs[0].group(1), text) if runs[0].start() == 0 else None
    return text, {"bold_label": label} if label else {}


def words(text: str) -> int:
    return len(_WORD.findall(text))


def is_headline_like(text: str, max_chars: int = 250) -> bool:
    """Short, no sentence-ending punctuation: a headline, heading, label or link title."""
    return 0 < len(text) <= max_chars and not _SENTENCE_END.search(text) and words(text) <= 40


_SYMBOLS = re.compile(rf"[{PICTOGRAPHS}\u2190-\u21FF\uFE0F\u200D]+")


def _first_rule(rules, text: str) -> Rule | None:
    plain = _SYMBOLS.sub(" ", text).strip()  # "👍 Thích 💬 Bình luận ↪️ Chia sẻ": the labels without their icons
    plain = re.sub(r"\s+", " ", plain) if plain != text else text
    for rule in rules:
        if rule.matches(text) or plain and plain != text and rule.matches(plain):
            return rule
    return None


def is_share_bar(text: str) -> bool:
    """A line of share buttons and their labels ("Chia sẻ · Facebook · Zalo"), as boilerplate.csv's share rows say."""
    rule = _first_rule(load_rules(), text)
    return rule is not None and rule.kind == "share"


_TRAIL = re.compile(r"\s*[>»›|]\s*|\s+/\s+")  # a breadcrumb's separators ("/" only between spaces: dates hold it)


def _breadcrumb_date(text: str) -> str | None:
    """The date a breadcrumb ends with ("Trang chủ › Tin tức › Thứ Năm, 15/08/2024"), else None."""
    parts = _TRAIL.split(text.strip())
    last = parts[-1].strip() if len(parts) > 1 else ""
    meta = meta_line(last) if last else None
    return last if meta is not None and meta.date is not None and not meta.rest else None


def strip_boilerplate(blocks: list[Block], rules: tuple[Rule, ...] | None = None
                      ) -> tuple[list[Block], list[Removed]]:
    """The article's blocks, and the blocks removed with the kind of rule that removed them."""
    rules = load_rules() if rules is None else rules
    kept: list[Block] = []
    removed: list[Removed] = []
    body_started = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        # A line still garbled by a wrong code page is text nobody can read yet, never furniture
        # (its "Ä‘á»©c" holds a "©" the footer rule would see).
        readable = block.hint not in _NOT_LINES and not looks_garbled(block.text)
        rule = _first_rule(rules, block.text) if readable else None
        if rule is None:
            kept.append(block)
            body_started = body_started or len(block.text) > 120
            i += 1
            continue
        dated = _breadcrumb_date(block.text) if rule.kind == "nav" else None
        if dated is not None:  # "Trang chủ » Hoạt động đoàn » 15/08/2024": the trail goes, its date stays
            kept.append(Block(dated, block.line, block.hint, {**block.extra, "breadcrumb": True}))
            removed.append(Removed(Block(block.text[:len(block.text) - len(dated)].rstrip(), block.line), rule.kind))
            i += 1
            continue
        removed.append(Removed(block, rule.kind))
        i += 1
        follow = _following(blocks, i, rule.then, body_started, rules, rule.kind)
        for extra in blocks[i:i + follow]:
            removed.append(Removed(extra, rule.kind))
        i += follow
    return kept, removed


def _following(blocks: list[Block], start: int, then: str, body_started: bool, rules, kind: str = "") -> int:
    """How many blocks after a marker belong to the same widget (a line another rule of the widget's kind
    takes goes on with it: "Đang truy cập: 25" under "Thống kê truy cập")."""
    count = 0
    if then == "headlines":
        if not body_started:
            return 0
        box = _box(blocks, start)
        if box:
            return box  # a saved page's box that the heading opens: its items, with their dates and summaries
        listed = blocks[start].extra.get("list") if start < len(blocks) else None
        # The article signed off above the marker (a byline, a source: a short line), not a box amid its text.
        ended = start >= 2 and len(blocks[start - 2].text) <= 80
        for j, block in enumerate(blocks[start:], start):
            if ended and _whole_article(blocks, j):
                break  # "Tin liên quan" over a whole article, not its link: extract.py reads it as another article
            if listed is not None:
                if block.extra.get("list") != listed:
                    break  # a saved page says where the list ends
            elif (not is_headline_like(block.text, 200) or block.hint in _NOT_LINES or _first_rule(rules, block.text)) \
                    and not _item_summary(blocks, j, start, rules):
                break
            count += 1
    elif then == "question":
        for offset, block in enumerate(blocks[start:start + 3]):
            if block.text.endswith("?"):
                count = offset + 1
                break
        if count:
            for block in blocks[start + count:start + count + 8]:
                if len(block.text) > 80 or _SENTENCE_END.search(block.text) or _first_rule(rules, block.text):
                    break
                count += 1
    elif then == "keywords" and body_started:  # "Từ khóa" over its words, one a line (each was a link)
        for block in blocks[start:start + 20]:
            if block.hint in _NOT_LINES or words(block.text) > 6 or _SENTENCE_END.search(block.text) or \
                    block.text.endswith(("?", "!")) or _first_rule(rules, block.text):
                break
            count += 1
    elif then == "points" and not body_started:  # a box over the lead; later, the article's own list
        count = _points(blocks, start)
    elif then.startswith("re:"):
        regex = re.compile(then[3:], re.IGNORECASE)
        for block in blocks[start:]:
            other = _first_rule(rules, block.text)
            if len(block.text) > 400 or not regex.search(block.text) or other is not None and other.kind != kind:
                break
            count += 1
    return count


def _box(blocks: list[Block], start: int) -> int:
    """How many blocks after the heading blocks[start - 1] stand in the element it opens on a saved page
    (``<div class="related"><h3>Tin liên quan</h3>…</div>``); 0 when it opens none."""
    marker = blocks[start - 1].extra
    end, seq = marker.get("box_end"), marker.get("seq")
    if end is None or seq is None or end <= seq + 1:
        return 0
    count = 0
    for block in blocks[start:]:
        if not seq < block.extra.get("seq", end) < end:
            break
        count += 1
    # Each item a headline, perhaps with its date and a summary; a box of more running text than headlines
    # holds the article's own paragraphs (a "Tin liên quan" line amid its text): no box then.
    inside = blocks[start:start + count]
    headlines = sum(1 for b in inside if is_headline_like(b.text, 200) and meta_line(b.text) is None)
    running = sum(1 for b in inside if not is_headline_like(b.text, 200))
    return count if headlines and running <= headlines else 0


def _item_summary(blocks: list[Block], j: int, start: int, rules) -> bool:
    """blocks[j] is the summary of a related item printed whole (its headline, its date, one paragraph),
    as far as the next item (a headline over a date) or the end: not the article going on after a link."""
    if j - 2 < start or meta_line(blocks[j - 1].text) is None or not is_headline_like(blocks[j - 2].text, 200):
        return False
    rest = blocks[j + 1:j + 3]
    return not rest or _first_rule(rules, rest[0].text) is not None or (
        len(rest) == 2 and is_headline_like(rest[0].text, 200) and meta_line(rest[1].text) is not None)


def _whole_article(blocks: list[Block], j: int) -> bool:
    """A headline with its date line under it and running text under that: another article printed whole."""
    return j + 2 < len(blocks) and meta_line(blocks[j + 1].text) is not None and len(blocks[j + 2].text) > 120 \
        and is_headline_like(blocks[j].text, 200)


_POINT_END = re.compile(r"[.!?…][\"”’)]?$")
_TAG_START = re.compile(r"^(?:\(|[A-ZĐ.]{2,}\s*[-–—]\s)")  # "(Baothanhhoa.vn) -", "TTO - ": a lead's opening


def _points(blocks: list[Block], start: int) -> int:
    """The points of a quick-read box ("Đọc nhanh"): up to six short sentences, each a line, when
    running text (the lead) follows them; a headline after the label (a menu item) takes none."""
    count = 0
    for block in blocks[start:start + 6]:
        n = words(block.text)
        if block.hint in _NOT_LINES or n > 25 or _TAG_START.match(block.text) or \
                not (_POINT_END.search(block.text) or block.hint == "li"):
            break
        count += 1
    after = blocks[start + count] if start + count < len(blocks) else None
    return count if after is not None and words(after.text) > 25 else 0


def without_link_words(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """A link's words left at the end of a sentence ("…với làm”. Bấm vào đây") cut off: the blocks,
    and the words cut (for the report)."""
    kept, cut = [], []
    for b in blocks:
        m = _LINK_WORDS.search(b.text) if b.hint not in _NOT_LINES and len(b.text) > 40 else None
        if m is None:
            kept.append(b)
            continue
        extra = {k: v for k, v in b.extra.items() if k != "marked"}  # its emphasis held the words cut
        text, words_cut = b.text[:m.start()].rstrip(), m.group(1)
        shortened = _SHORTENED.search(text)
        if shortened:  # "… Bộ Chính trị. ... Xem thêm": a post shown cut short, its "…" no part of the text
            text, words_cut = text[:shortened.start()].rstrip(), f"{shortened.group().strip()} {words_cut}"
        kept.append(Block(text, b.line, b.hint, extra))
        cut.append(Block(words_cut, b.line, None, {"shortened": True} if shortened else {}))
    return kept, cut
