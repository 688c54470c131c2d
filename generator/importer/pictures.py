"""The pictures, players and videos of a saved page, as the page parser (htmlsource.py) meets them: a
photo's block (its address from media.py), an icon inside a line kept as its sign, a <video>'s poster
and link, a YouTube player's link (videos.py), and the embeds that cannot be brought along, reported."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..vietnamese import normalize
from .clean import Block
from .decode import INVISIBLE as _INVISIBLE  # as htmlsource.py takes them out of the text
from .inline import EDGE
from .lines import image_name
from .media import ICON, NAMELESS, embed_address, icon_text, image_source, inline_icon, photo_address
from .videos import PLAYER_KIND, PendingVideo, link_line, player_source, player_title, poster_alt, thumbnail_id, \
    watch_url

EMBED_REASON = "khung nhúng (video, bản đồ, quảng cáo…) không nhập được; nếu là nội dung bài, hãy nhúng lại"
_SPACE = re.compile(r"\s+")


class PicturesMixin:
    """The page parser's methods for pictures and players. They use its state: meta, blocks, the words of
    the block being read (_buffer), the open <a> (_anchor), tables, <picture> sources, the article's number."""

    def _embed(self, tag: str, a: dict) -> None:
        self.meta.left_out.append((self.getpos()[0], EMBED_REASON, normalize(embed_address(tag, a))))

    def _start_player(self, a: dict) -> None:
        """A site's own player box opens: it is read as a <video>, its lines reported (see _end_player)."""
        self._player = (len(self._stack), len(self.meta.left_out), a, len(self.meta.videos))

    def _in_player(self) -> bool:
        """Inside a player box and nothing else dropped (its <video> is read as any other)."""
        return self._player is not None and self._skipped == (PLAYER_KIND, self._player[0]) \
            and self._hidden == self._hidden_before

    def _end_player(self) -> None:
        """The player box closed: a link to its video titled by its first line, or the box reported."""
        _, first, a, videos = self._player
        self._player = None
        if len(self.meta.videos) > videos:
            return  # its own <video> or frame gave the link
        lines = [text for _, reason, text in self.meta.left_out[first:] if reason == f"khuôn trang ({PLAYER_KIND})"]
        video = PendingVideo({"src": player_source(a), "title": player_title(lines),
                              "poster": a.get("data-thumb") or a.get("poster") or ""}, self.getpos()[0])
        self._end_video(video)

    def _end_video(self, video: PendingVideo) -> None:
        """A <video>: its poster as a photo, then a link to its file, so that a video's page keeps its news."""
        if video.poster:
            # a still of the video: said so to readers who cannot see it, never written as its caption
            self._image({"src": video.poster, "alt": poster_alt(normalize(video.title))}, poster=True)
        if video.src and not video.src.lower().startswith(("blob:", "data:")):
            self._video_link(video.src, video.title)
            self.meta.videos.append((video.line, normalize(video.src)))
        else:
            self.meta.left_out.append((video.line, EMBED_REASON, normalize(video.title or video.poster or "<video>")))

    def _video_link(self, url: str, title: str) -> None:
        """A line "Xem video: <title>" linked to the video, once per video."""
        if url in self._videos:
            return
        self._videos.add(url)
        self._flush()
        text, words_ = link_line(normalize(title))
        extra = {"links": [(words_, url)]} | ({"article": self._article} if self._article else {})
        self.blocks.append(Block(text, self.getpos()[0], "video", extra))

    def _image(self, a: dict, tag: str = "img", poster: bool = False) -> None:
        if self._tables:
            self._tables[-1].layout = True  # a picture with its caption, laid out in a table
        src = photo_address(image_source(a, self._picture))
        if src and inline_icon(tag, a, src) and not self._anchor_is_photo():
            # "<img class="emoji" alt="👉"> Mỗi hộ…": a sign in the line, which must neither end the paragraph
            # nor become the article's photo
            self.meta.left_out.append((self.getpos()[0], ICON, src))
            sign = icon_text(a)
            if sign and not self._skip:
                self.handle_data(sign)
            return
        full = _photo_link(self._anchor[0]) if self._anchor else None
        if full and (self.available is None or _name_of(full) in self.available):
            src = full  # a gallery's thumbnail linked to its photo ("…-150x150.jpg" -> the photo)
        name = image_name(posixpath.basename(unquote(urlsplit(src).path))) if src else None
        if src and not name:
            self.meta.left_out.append((self.getpos()[0], NAMELESS, src))
        self._lazy_missing = not src
        last = self.blocks[-1] if self.blocks else None
        between = "".join(self._buffer).replace(EDGE, "").strip()
        if name and not (last and last.hint == "img" and last.extra.get("src") == name and not between):
            self._flush()  # (the same photo again with nothing between: an AMP or <noscript> copy)
            alt = normalize(_SPACE.sub(" ", _INVISIBLE.sub("", a.get("alt", ""))).strip())
            extra = {"src": name, "alt": alt} | ({"article": self._article} if self._article else {}) \
                | ({"poster": True} if poster else {})
            self.blocks.append(Block(name, self.getpos()[0], "img", extra))
            video = thumbnail_id(src)
            if video:  # a YouTube player drawn as its thumbnail until clicked: the link to the video goes with it
                self._video_link(watch_url(video), alt)


    def _anchor_is_photo(self) -> bool:
        """The picture is a gallery's thumbnail linked to its photo (however small it is drawn)."""
        return self._anchor is not None and _photo_link(self._anchor[0]) is not None


def _photo_link(href: str) -> str | None:
    """The address a picture's link opens when it is a photo file (a gallery's full-size picture)."""
    href = href.strip()
    if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
        return None
    return href if _name_of(href) else None


def _name_of(address: str) -> str | None:
    return image_name(posixpath.basename(unquote(urlsplit(address).path)))
