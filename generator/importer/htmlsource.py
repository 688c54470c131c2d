"""A saved web page to blocks, with the stdlib HTML parser.

Page furniture is dropped by element: script, style, nav, aside, a form's controls and the
like always; header and footer when they belong to the page rather than to the article
(an <article> or <main> may hold its own <header> with the headline). A <form> is read like the
page when it holds running text (ASP.NET pages wrap the whole page in one form); a form of
fields and labels only (search, comments, a poll) is left out, each of its lines reported. Headline,
headings, list items, images and figure captions keep a hint for the extractor.
A data table becomes one block (tables.py); a paragraph inside a <blockquote> carries
the quote's number, a list item its list's number, and a block with <em>/<i> inside
its text with the emphasis marked (``extra["marked"]``). Pictures, videos and embedded frames are
read by pictures.py: a video keeps its poster and a link, other frames are listed in ``PageMeta.left_out``.
The page's <meta>/<link> give the source name and address, and a machine-readable
publication time when the page has one.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from ..vietnamese import normalize
from .controls import inline_controls
from .clean import EM_CLOSE, EM_OPEN, Block, is_share_bar, speaker_label
from .dates import meta_line
from .elements import BACK_LINK as _BACK_LINK, BLOCK as _BLOCK, EMBEDS as _EMBEDS, HINTS as _HINTS, \
    ITEM_TAGS as _ITEM_TAGS, NOT_POLLS as _NOT_POLLS, PAGE_ONLY as _PAGE_ONLY, REPORTED as _REPORTED, SKIP as _SKIP, \
    VOID as _VOID, furniture_line
from .decode import INVISIBLE as _INVISIBLE
from .inline import EDGE, emphasis, goes_on, joined, separated
from .media import IMAGE_TAGS, post_embed
from .pagemeta import PageMeta, Placed, machine_date, read_json_ld, read_meta_tag
from .pictures import PicturesMixin
from .structure import ITEM as _ITEM, StructureMixin
from .boxes import ADVERT_KIND as _ADVERT_KIND, POLL_KIND, RELATED_KIND as _RELATED_KIND, BoxEnds, ListMarks, advert_box, \
    notes_box, poll_box, post_header, quote_box, related_box
from .tables import TableBuilder
from .teasers import REASON as TEASER, split_teasers
from .videos import PLAYER_KIND, PendingVideo, player_box, player_page, watch_url, youtube_id
from .wordpage import symbol_font, symbol_glyph, word_style_hint

_SPACE = re.compile(r"\s+")
# Invisible characters a page writes as references (&#8203;, &shy;, &#xFEFF;): decode.py takes them out
# of the bytes, but a reference becomes one only when the page is parsed.
_SENTENCE_DONE = re.compile(r"\w[.!?…][\"”’)]?$")  # a bold run ending a sentence
_BREAK = "\ue003"  # a <br> inside a heading, until _flush reads it
_MARKS = f"[{EDGE}{EM_OPEN}{EM_CLOSE}]"
_SHARE_WORD = re.compile(r"chia sẻ|share|facebook|zalo|twitter", re.IGNORECASE)  # a share bar's block, maybe


class _PageParser(StructureMixin, PicturesMixin, HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.meta = PageMeta()
        self._stack: list[str] = []
        self._boxes = BoxEnds()  # where the box each block opens ends (clean.py: a related box, whole)
        # How many of each tag self._stack holds: "is an <article> open?" in constant time. Scanning the
        # stack made a page of 100,000 nested <div>s (200 KB) take six minutes: every tag looked at every
        # open one.
        self._open_tags: Counter[str] = Counter()
        self._hidden = 0  # open elements of _SKIP but not _REPORTED (a script, a form's controls)
        self._skip = 0  # depth inside dropped elements
        self._buffer: list[str] = []
        self._anchor: tuple[str, int, int] | None = None  # the open <a>: href, where its words start, block count
        self._links: list[tuple[str, str]] = []  # the links of the block being read
        self._flushes = 0
        self._furniture: list[str] = []  # words of dropped furniture (_REPORTED) for the report
        self._skipped = ("", 0)  # the tag that started the dropped stretch, and its depth
        self._hidden_before = 0  # self._hidden when that stretch started, itself included
        self._hint: list[str] = []
        self._hint_at: list[int] = []  # the depth in self._stack of the element that gave each hint
        self._in_title = False
        self._title: list[str] = []
        self._order = 0
        self._json: list[str] | None = None  # inside <script type="application/ld+json">
        self._tables: list[TableBuilder] = []
        self._quotes: list[int] = []  # numbers of the open <blockquote>s
        self._quote_boxes: list[int] = []  # depths in self._stack of the open quote boxes (a styled <div>)
        self._symbol_fonts: list[tuple[int, str]] = []  # (depth, font) of the open elements in a symbol font
        self._lists: list[int] = []  # numbers of the open <ul>/<ol>s
        self._forms: list[int] = []  # for each open <form>, the number of blocks read before it
        self._count = {"quote": 0, "list": 0}
        self._emphasis = 0  # depth inside <em>/<i>
        self._emphasis_carried = False  # the block being read started inside an <em>
        self._bold = 0  # depth inside <strong>/<b>
        self._bold_text = self._plain_text = False  # the block being read has bold / other words
        self._bold_open: list[str] = []  # the block's words before its first plain word
        self._articles = 0  # <article> elements opened at the top level so far
        self._article = 0  # the number of the top-level <article> being read, 0 outside any
        self._picture: list[str] = []  # srcsets of the open <picture>'s <source>s
        self._lazy_missing = False  # the last picture held only a placeholder: its <noscript> copy is the photo
        self.available: set[str] | None = None  # photos a single-file page holds, by name
        self._video: PendingVideo | None = None  # the <video> being read
        self._soft_break: Block | None = None  # the block a <br> just ended, which the next line may go on
        self._notes: list[int] = []  # depths in self._stack of the open boxes of notes
        self._list_marks: list[ListMarks] = []  # for each open <ol>/<ul>, how its items are numbered
        self._videos: set[str] = set()  # addresses of the videos linked so far
        self._sup: list | None = None  # the open <sup>: where its words start, whether it links to a note
        self._player: tuple[int, int, dict, int] | None = None  # the open player box (pictures.py)
        self._buttons: list[list] = []  # the block's <button>s: where each stands in self._buffer, its words

    # -- structure --
    def _inside_article(self) -> bool:
        return self._open_tags["article"] > 0 or self._open_tags["main"] > 0

    def _push(self, tag: str) -> None:
        self._stack.append(tag)
        self._boxes.open()
        self._open_tags[tag] += 1
        self._hidden += tag in _SKIP and tag not in _REPORTED

    def _pop(self) -> str:
        tag = self._stack.pop()
        self._boxes.close()
        self._open_tags[tag] -= 1
        self._hidden -= tag in _SKIP and tag not in _REPORTED
        return tag

    def _reported(self) -> bool:
        """Inside page furniture whose words the report lists (a sidebar, a menu, the page's footer),
        not inside a script, a style or a form's controls."""
        tag, _ = self._skipped
        return (tag in _REPORTED or tag in (_ADVERT_KIND, POLL_KIND, _RELATED_KIND, PLAYER_KIND)) and self._hidden == self._hidden_before

    def _flush(self) -> None:
        controls = self._controls()
        bar = self._bar_with_buttons(controls) if controls else None
        words = furniture_line("".join(self._furniture)) if self._furniture else ""
        self._furniture = []
        if words:
            self.meta.left_out.append((self.getpos()[0], f"khuôn trang ({self._skipped[0]})", words))
        if controls:  # a button's, a select's words in a paragraph: kept when they belong to its sentence
            heading = bool(self._hint) and self._hint[-1] in ("h1", "heading")
            self._buffer, left = inline_controls(self._buffer, controls, heading)
        raw = "".join(self._buffer)
        if _BREAK in raw:  # a heading's lines are one line, unless one is the date printed under it
            pieces = raw.split(_BREAK)
            if any(meta_line(normalize(_SPACE.sub(" ", re.sub(_MARKS, "", p))).strip()) for p in pieces[1:]):
                for piece in pieces[:-1]:
                    self._buffer = [piece]
                    self._flush()
                raw = pieces[-1]
            else:
                raw = " ".join(pieces)
        self._flushes += 1
        links, self._links = self._links, []
        if self._emphasis_carried:
            raw = EM_OPEN + raw
        if self._emphasis:
            raw += EM_CLOSE
        self._emphasis_carried = self._emphasis > 0
        self._buffer = []
        bold, plain = self._bold_text, self._plain_text
        opening = normalize(_SPACE.sub(" ", "".join(self._bold_open)).strip())
        self._bold_text = self._plain_text = False
        self._bold_open = []
        text, marked = emphasis(separated(raw))
        if bar is None and EDGE in raw and len(text) <= 120 and _SHARE_WORD.search(text):
            bar = raw  # "<span>Chia sẻ</span><a>Facebook</a><a>Zalo</a>": links with no address, each an item
        if bar is not None and is_share_bar(furniture_line(bar)):
            text, marked = furniture_line(bar), None  # "Chia sẻ · Facebook · Zalo", was "Chia sẻ - Twitter"
        elif controls and (text or self._inside_article()) and not self._skip:
            self.meta.left_out.extend((self.getpos()[0], f"khuôn trang ({kind})", words) for kind, words in left)
        if text and not self._skip:
            self._order += 1
            hint = self._hint[-1] if self._hint else None
            extra = {}
            if marked:
                extra["marked"] = marked
            if self._quotes:
                extra["quote"] = self._quotes[-1]
            if hint == "li" and self._lists:
                extra["list"] = self._lists[-1]
                if len(self._lists) > 1:
                    extra["depth"] = len(self._lists) - 1  # an item of a list inside another list's item
            if bold and not plain:
                extra["bold"] = True  # a whole line in bold: a subheading the page did not mark up
            elif bold and _SENTENCE_DONE.search(opening) and len(opening) < len(text) and text.startswith(opening):
                extra["bold_lead"] = opening  # "<b>Sapo.</b> Body…": the lead a page printed in bold
            elif bold and (label := speaker_label(opening, text)):
                extra["bold_label"] = label  # "<strong>PV:</strong> Xin ông cho biết …"
            if links:
                extra["links"] = links  # (words, href as written), for links.py
            if self._article:
                extra["article"] = self._article  # for teasers.py
            if self._notes:
                extra["notes_box"] = True  # for tail.py: the notes end with their box
            last = self.blocks[-1] if self.blocks else None
            if hint == "h1" and last is not None and last.hint == "h1" and text[:1].islower():
                # A headline over two paragraphs (Word's Title style: MsoTitleCxSpFirst, …CxSpLast):
                # a part opening in lower case goes on the line above, as a <br> in a heading does.
                self.blocks[-1] = Block(f"{last.text} {text}", last.line, "h1", last.extra)
            elif last is not None and last is self._soft_break and goes_on(last, text, hint):
                self.blocks[-1] = joined(last, text, extra)  # "… nhiều hoạt động<br>thiết thực như …": one sentence
            else:
                self.blocks.append(Block(text, self.getpos()[0], hint, extra))
                self._boxes.number(extra)
            self._lazy_missing = False  # a <noscript> after text is no copy of the picture before it
        self._soft_break = None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            read_meta_tag(self.meta, a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.meta.url = self.meta.url or a.get("href") or None
            self.meta.addresses.append(a.get("href") or "")
        elif tag == "title" and not self._open_tags["svg"]:  # an icon's <svg><title>Facebook</title>: no page title
            self._in_title = True
        elif tag == "base" and a.get("href"):
            self.meta.base = self.meta.base or a["href"]
        elif tag == "a" and a.get("href") and not self._skip and not self._tables:
            self._anchor = (a["href"], len(self._buffer), self._flushes)
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._json = []
        elif tag == "time" and a.get("datetime") and not self._skip:
            self.meta.extra.setdefault("time", a["datetime"])
        post = post_embed(tag, a)
        live = not self._skip or self._in_player()  # a player box's own <video> or YouTube frame is its video
        youtube = youtube_id(tag, a) if live else None
        video_page = watch_url(youtube) if youtube else player_page(tag, a) if live else None
        if video_page:
            self._video_link(video_page, a.get("title", ""))
            self.meta.videos.append((self.getpos()[0], video_page))
        elif tag in ("video", "amp-video") and live:
            self._video = PendingVideo(a, self.getpos()[0])
        elif (tag in _EMBEDS or post) and not self._skip:
            self._embed(tag, a)
        if tag == "source" and self._video is not None:
            self._video.source(a)
        if tag == "picture":
            self._picture = []
        elif tag == "source" and self._open_tags["picture"]:
            self._picture.append(a.get("data-srcset") or a.get("srcset") or "")
        if tag in IMAGE_TAGS and (not self._skip or (self._lazy_missing and self._skipped[0] == "noscript")):
            self._image(a, tag)
        if tag in _VOID:
            if tag == "br" and self._hint and self._hint[-1] in ("h1", "heading") and not self._tables:
                self._buffer.append(_BREAK)  # "<h1>Bài 2:<br>Những người giữ lửa</h1>": one headline on two lines
            elif tag == "input" and not self._skip:
                self._control_value(a)
            elif tag == "br":
                read = self._order
                self._flush()
                if self._tables:
                    self._tables[-1].line_break()
                else:  # a line the next may go on ("<br><br>" ends a paragraph: its second flush reads nothing)
                    self._soft_break = self.blocks[-1] if self._order != read and self.blocks else None
            return
        inside = self._inside_article()
        names = f"{a.get('class', '')} {a.get('id', '')}"
        own = tag == "header" and post_header(names)
        # a poll's <form> is read as a form (structure.py), a poll box outside one by its name; never the page itself
        advert = _ADVERT_KIND if advert_box(names) else POLL_KIND if tag not in _NOT_POLLS and poll_box(names) else ""
        related = not advert and related_box(f"{names} {a.get('type', '')}")
        player = not self._skip and tag not in _EMBEDS and player_box(a)  # a <video class="video-js"> is itself the video
        dropped = (tag in _SKIP and not (tag == "aside" and inside)) or (tag in _PAGE_ONLY and not inside and not own) \
            or post or advert or related or player
        if tag in _BLOCK or tag in _REPORTED:
            self._flush()
            if self._tables:
                self._tables[-1].line_break()
        elif not self._skip:
            self._buffer.append(EDGE)
        elif self._reported():
            self._furniture.append(_ITEM if tag in _ITEM_TAGS else EDGE)  # a menu's links, one item each
        self._push(tag)
        if notes_box(names):
            self._notes.append(len(self._stack))
        elif not self._skip and quote_box(tag, a):
            self._count["quote"] += 1  # a quote box: its paragraphs are one quote, as a <blockquote>'s
            self._quotes.append(self._count["quote"])
            self._quote_boxes.append(len(self._stack))
        font = symbol_font(a)
        if font:
            self._symbol_fonts.append((len(self._stack), font))
        if tag in ("ol", "ul"):
            self._list_marks.append(ListMarks(tag, a, bool(self._notes)))
        elif tag == "li" and self._list_marks and not self._skip:
            self._buffer.append(self._list_marks[-1].marker(a))  # "1. ", "a. ", a note's "[1] "; "" in a <ul>
        if dropped and not self._skip and tag in ("button", "select", "textarea"):
            self._button_open(tag)
        elif tag == "option" and self._skip and self._skipped[0] == "select":
            self._option_open(a)
        if dropped and not self._skip:
            self._skipped = (advert or (_RELATED_KIND if related else PLAYER_KIND if player else tag),
                             len(self._stack))
        if player:
            self._start_player(a)
            self._hidden_before = self._hidden
        if dropped or self._skip:
            self._skip += 1
        hint = _HINTS.get(tag) or word_style_hint(tag, a)
        if hint:
            self._hint.append(hint)
            self._hint_at.append(len(self._stack))
        self._open(tag, a)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._json is not None:
            read_json_ld(self.meta, "".join(self._json))
            self._json = None
        if tag in _VOID or not self._open_tags[tag]:
            return
        if tag in _BLOCK or tag in _REPORTED:
            self._flush()
        while self._stack:
            top = self._pop()
            if self._notes and self._notes[-1] > len(self._stack):
                self._notes.pop()
            if self._quote_boxes and self._quote_boxes[-1] > len(self._stack):
                self._quote_boxes.pop()
                self._quotes.pop()
            if self._symbol_fonts and self._symbol_fonts[-1][0] > len(self._stack):
                self._symbol_fonts.pop()
            if top in ("ol", "ul") and self._list_marks:
                self._list_marks.pop()
            if self._skip:
                self._skip -= 1
            if self._hint_at and self._hint_at[-1] == len(self._stack) + 1:
                self._hint.pop()
                self._hint_at.pop()
            self._close(top)
            if self._player and self._player[0] > len(self._stack):
                self._end_player()
            if top == tag:
                break
        if tag not in _BLOCK and not self._skip:
            self._buffer.append(EDGE)  # after the element's own closing marks
        elif tag not in _BLOCK and self._reported():
            self._furniture.append(_ITEM if tag in _ITEM_TAGS else EDGE)
        if tag in ("video", "amp-video") and self._video is not None and (not self._skip or self._in_player()):
            self._end_video(self._video)
            self._video = None

    def handle_data(self, data: str) -> None:
        data = _INVISIBLE.sub("", data)
        if self._json is not None:
            self._json.append(data)
        elif self._in_title:
            self._title.append(data)
        elif self._skip and self._reported():
            self._furniture.append(data)
        elif self._skip and self._skipped[0] in ("button", "select", "textarea"):
            self._button_words(data)
        elif self._notes and _BACK_LINK.match(data):
            return
        elif not self._skip and not self._open_tags["head"]:
            data = symbol_glyph(data, self._symbol_fonts[-1][1]) if self._symbol_fonts else data
            self._buffer.append(data)
            if not self._plain_text and (self._bold or not data.strip()):
                self._bold_open.append(data)
            if data.strip():
                if self._bold:
                    self._bold_text = True
                else:
                    self._plain_text = True
            if self._tables:
                self._tables[-1].text(data)

    def handle_comment(self, data: str) -> None:
        saved = re.match(r"\s*saved from url=\(\d+\)(\S+)", data)  # a browser's note on a saved page
        if saved:
            self.meta.base = self.meta.base or saved.group(1)
            self.meta.saved_from = self.meta.saved_from or saved.group(1)

    def close(self) -> None:
        super().close()
        self._flush()
        while self._forms:  # a form the page never closed
            self._end_form(self._forms.pop())
        title = _SPACE.sub(" ", "".join(self._title)).strip()
        self.meta.title = normalize(title) if title else None
        if self.meta.title:
            self.meta.titles.append(self.meta.title)
        if self.meta.published is None and "time" in self.meta.extra:
            self.meta.published = machine_date(self.meta, self.meta.extra["time"])


def html_to_blocks(text: str, available: set[str] | None = None) -> tuple[list[Block], PageMeta]:
    """The page's blocks and what it says about itself. ``available``: the photos a single-file page
    holds (a gallery's link to a photo it does not hold leaves the thumbnail it does)."""
    parser = _PageParser()
    parser.available = available
    parser.meta.left_out = Placed(parser)
    parser.feed(text)
    parser.close()
    blocks, teasers = split_teasers(parser.blocks)
    parser.meta.left_out = list(parser.meta.left_out) + [(b.line, TEASER, b.text) for b in teasers]
    parser.meta.left_out_after += teasers  # each teaser where its block stood
    return blocks, parser.meta
