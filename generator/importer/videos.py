"""Videos in a saved page. The importer cannot bring a player along, but an article whose news is a
video must not lose it: a ``<video>`` gives its poster as a photo and a link "Xem video: <title>" to
its file; a YouTube player (an ``<iframe>``, ``<amp-youtube>``, ``<lite-youtube>``, a script's
``data-youtube-id`` box, or its thumbnail from i.ytimg.com), Facebook's video plugin and Vimeo's player
give a link to the video's page. A site's own player box (VTV's and Dân trí's ``VideoStream``, JW Player,
video.js, Plyr) is read as a ``<video>``: its address from ``data-vid``/``data-file``…, its title from its
first line of words; its labels (the title, the running time "03:15", the caption) are reported. The
editor may embed it again (``[security] iframe_hosts`` lets YouTube players through); the report says so.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit



def kept_note(videos: list[tuple[int, str]]) -> list[str]:
    """The report's note on the players kept as links (a warning: nothing of the article was left out)."""
    if not videos:
        return []
    where = "; ".join(f"dòng {line}: {url}" for line, url in videos)
    return [f"đã giữ {len(videos)} video thành đường dẫn “Xem video” trong bài ({where}); muốn phát ngay trên "
            "trang, hãy nhúng lại"]
_WORDS = "Xem video"
_YOUTUBE_PLAYER = re.compile(r"^(?:https?:)?//(?:www\.|m\.)?(?:youtube\.com|youtube-nocookie\.com)/"
                             r"(?:embed|v|shorts|live)/([\w-]{11})(?![\w-])", re.IGNORECASE)
_YOUTUBE_THUMB = re.compile(r"^(?:https?:)?//(?:i\d?\.ytimg\.com|img\.youtube\.com)/vi(?:_webp)?/([\w-]{11})/",
                            re.IGNORECASE)
_YOUTUBE_ID = re.compile(r"^[\w-]{11}$")
# Addresses a link to a video has: a video file, or a video site's page.
_VIDEO_FILE = re.compile(r"\.(?:mp4|m4v|webm|ogv|mov|m3u8)$", re.IGNORECASE)
_VIDEO_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com"}


def youtube_id(tag: str, attrs: dict) -> str | None:
    """The id of the YouTube video an element plays, or None."""
    player = _YOUTUBE_PLAYER.match((attrs.get("src") or attrs.get("data-src") or "").strip())
    if player and tag in ("iframe", "embed", "amp-iframe"):
        return player.group(1)
    named = attrs.get("videoid") or attrs.get("data-youtube-id") or (attrs.get("data-videoid") if tag == "amp-youtube" else "")
    if not named and "youtube" in attrs.get("class", "").lower():
        named = attrs.get("data-id") or attrs.get("data-video-id") or attrs.get("data-embed") or ""
    named = named.strip()
    return named if _YOUTUBE_ID.match(named) else None


def player_page(tag: str, attrs: dict) -> str | None:
    """The page of a video another site's player shows: Facebook's video plugin ("…/plugins/video.php?href=
    <the video>"), Vimeo's player ("player.vimeo.com/video/123" -> "vimeo.com/123"), TikTok's embed."""
    if tag not in ("iframe", "embed", "amp-iframe"):
        return None
    src = (attrs.get("src") or attrs.get("data-src") or "").strip()
    parts = urlsplit(src if "//" not in src[:2] else "https:" + src)
    host = (parts.hostname or "").lower()
    if host.endswith("facebook.com") and parts.path.endswith("/plugins/video.php"):
        href = dict(parse_qsl(parts.query)).get("href", "")
        return href if href.startswith(("https://", "http://")) else None
    vimeo = re.match(r"^/video/(\d+)", parts.path) if host == "player.vimeo.com" else None
    if vimeo:
        return f"https://vimeo.com/{vimeo.group(1)}"
    return None


def thumbnail_id(src: str) -> str | None:
    """The id of the YouTube video a picture is the thumbnail of ("https://i.ytimg.com/vi/ID/hqdefault.jpg")."""
    m = _YOUTUBE_THUMB.match(src.strip())
    return m.group(1) if m else None


def watch_url(video: str) -> str:
    return f"https://www.youtube.com/watch?v={video}"


def link_line(title: str) -> tuple[str, str]:
    """(the line written in the body, the words of it that are the link)."""
    title = " ".join(title.split())
    return (f"{_WORDS}: {title}", title) if title else (_WORDS, _WORDS)


def poster_alt(title: str) -> str:
    """The alt of a video's poster: what it is, and the video's title when the page gives one."""
    title = " ".join(title.split())
    return f"Ảnh từ video “{title}”" if title else "Ảnh từ video"


def is_video(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    facebook = host.endswith("facebook.com") and bool(re.search(r"/videos?/|/watch|/reel/", parts.path)) \
        or host == "fb.watch"
    return bool(_VIDEO_FILE.search(parts.path)) or host in _VIDEO_HOSTS or facebook


# A player a site draws itself out of a <div>: its class, id or type names it. Its text is the player's
# labels (title, "0:00", "03:15", a caption), never the article's.
PLAYER_KIND = "trình phát video"
_PLAYER_NAMES = {"videostream", "video-player", "videoplayer", "jwplayer", "jw-player", "video-js", "plyr",
                 "mejs-container"}
_PLAYER_SOURCES = ("data-vid", "data-file", "data-video", "data-video-src", "data-src", "data-url")
_DURATION = re.compile(r"^[\d:\s/.'’]+$")  # "0:00", "03:15", "01:42 / 03:15"
_HOST_PATH = re.compile(r"^[\w-]+(?:\.[\w-]+)+/\S+$")  # "vtv-vod.vtvdigital.vn/2024/6/12/a.mp4"


def player_box(attrs: dict) -> bool:
    names = f"{attrs.get('class', '')} {attrs.get('id', '')} {attrs.get('type', '')}".lower().split()
    return any(name in _PLAYER_NAMES for name in names)


def player_source(attrs: dict) -> str:
    """The address a player box plays, with a scheme ("https://") when the page wrote a bare host/path."""
    src = next((attrs[k].strip() for k in _PLAYER_SOURCES if (attrs.get(k) or "").strip()), "")
    if src.startswith("//") or _HOST_PATH.match(src):
        src = "https:" + src if src.startswith("//") else "https://" + src
    return src if is_video(src) or _VIDEO_FILE.search(urlsplit(src).path) else ""


def player_title(lines: list[str]) -> str:
    """The video's title among a player box's lines: the first of two words or more that is no time."""
    return next((t for t in lines if len(t.split()) >= 2 and not _DURATION.match(t)), "")


class PendingVideo:
    """A <video> being read: its poster, title and address (its own src or its first <source>)."""

    def __init__(self, attrs: dict, line: int) -> None:
        self.poster = (attrs.get("poster") or attrs.get("data-poster") or "").strip()
        self.src = (attrs.get("src") or attrs.get("data-src") or "").strip()
        self.title = (attrs.get("title") or attrs.get("aria-label") or "").strip()
        self.line = line

    def source(self, attrs: dict) -> None:
        if not self.src:
            self.src = (attrs.get("src") or attrs.get("data-src") or "").strip()
