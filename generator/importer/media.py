"""Pictures and players in a saved page: which address of a picture is the photo, and which
elements are embedded posts or players the importer cannot bring along.

Pages load photos lazily: the photo's address stands in ``data-src``, ``data-original``,
``data-lazy-src`` or a ``srcset`` (of the ``<img>`` or of a ``<picture>``'s ``<source>``), and
``src`` holds a placeholder (a ``data:`` URI, "blank.gif", "placeholder.png"), or nothing; a copy
sits in ``<noscript>``. AMP pages write ``<amp-img>``. Social posts are pasted as a
``<blockquote class="tiktok-embed">`` or an empty ``<div class="fb-post">`` that a script fills.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, unquote, urlsplit

IMAGE_TAGS = {"img", "amp-img", "amp-anim"}
# Attributes lazy-loading scripts read the photo's address from, most specific first.
_LAZY = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-original-src", "data-full-src",
         "data-url", "data-echo", "lazy-src")
_SRCSETS = ("data-srcset", "data-lazy-srcset", "srcset")
_PLACEHOLDER = re.compile(
    r"^(?:img[-_]?)?(?:placeholder|blank|spacer|transparent|trans|loading|loader|lazy|lazyload|pixel|1x1|empty|"
    r"no[-_]?image|noimg|no[-_]?photo|dummy|grey|gray)(?:[-_.]?[a-z0-9]{0,12})?\.(?:gif|png|svg|jpe?g|webp)$",
    re.IGNORECASE)
# AMP players: they hold no words of the article, only a player the editor must embed again.
AMP_EMBEDS = {"amp-iframe", "amp-youtube", "amp-facebook", "amp-video", "amp-instagram", "amp-twitter",
              "amp-tiktok", "amp-vimeo", "amp-audio", "amp-brightcove", "amp-jwplayer", "amp-soundcloud"}
# Classes of social posts pasted into the article (the blockquote holds a copy of the post's words).
_POST_CLASSES = {"tiktok-embed", "twitter-tweet", "twitter-video", "instagram-media", "fb-post", "fb-video",
                 "fb-xfbml-parse-ignore", "zalo-embed"}


ICON = "biểu tượng nhỏ trong dòng chữ (emoji, icon), không phải ảnh của bài"
# A picture drawn as a letter of the text: WordPress's and Facebook's emoji (class "emoji", "wp-smiley", their
# /emoji/ folders), icons, or a picture at most 32 pixels wide and high. A browser copies its alt as text.
_ICON_CLASS = re.compile(r"(?:^|[\s_-])(?:emoji|emoticon|smiley|wp-smiley|icons?|ico)(?=$|[\s_-])", re.IGNORECASE)
_ICON_PATH = re.compile(r"/(?:emoji|emojis|emoticons?|smilies|smileys|icons?)/", re.IGNORECASE)
_ICON_SIZE = 32
NAMELESS = "ảnh không có tên tệp (địa chỉ không kết thúc bằng .jpg, .png…): hãy tải ảnh về và chèn lại nếu thuộc bài"
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|svg)$", re.IGNORECASE)


def photo_address(src: str) -> str:
    """The address of the photo itself when an image service serves it through a script
    ("/_next/image?url=%2Fuploads%2Fa.jpg&w=1080", "/resize.php?src=/files/a.jpg&w=800")."""
    parts = urlsplit(src)
    if _IMAGE_FILE.search(parts.path):
        return src
    for _key, value in parse_qsl(parts.query):
        if _IMAGE_FILE.search(urlsplit(value).path):
            return value
    return src


def placeholder(src: str) -> bool:
    """An address that is no photo: empty, a data: URI, or a lazy loader's stand-in."""
    src = src.strip()
    if not src or src.lower().startswith(("data:", "about:", "javascript:")):
        return True
    return bool(_PLACEHOLDER.match(posixpath.basename(unquote(urlsplit(src).path))))


def _widest(srcset: str) -> str:
    """The candidate of a srcset with the largest width or density ("a.jpg 480w, b.jpg 960w" -> b.jpg)."""
    best, size = "", -1.0
    for part in re.split(r",\s+", srcset.strip()):
        pieces = part.split()
        if not pieces:
            continue
        m = re.match(r"^(\d+(?:\.\d+)?)[wx]$", pieces[1]) if len(pieces) > 1 else None
        value = float(m.group(1)) if m else 0.0
        if value > size:
            best, size = pieces[0].rstrip(","), value
    return best


def image_source(attrs: dict, picture: list[str] = ()) -> str:
    """The photo's address: a lazy loader's attribute, else a real src, else the widest candidate of a
    srcset, else a <picture>'s <source>; "" when the element holds only a placeholder."""
    for key in _LAZY:
        if attrs.get(key) and not placeholder(attrs[key]):
            return attrs[key].strip()
    if not placeholder(attrs.get("src", "")):
        return attrs["src"].strip()
    for srcset in [attrs.get(k, "") for k in _SRCSETS] + list(picture):
        address = _widest(srcset) if srcset else ""
        if address and not placeholder(address):
            return address
    return ""


def post_embed(tag: str, attrs: dict) -> bool:
    """A social post or player pasted as a blockquote or a div the platform's script fills."""
    return tag in ("blockquote", "div") and bool(_POST_CLASSES & set(attrs.get("class", "").split()))


def embed_address(tag: str, attrs: dict) -> str:
    """What the report names for an embed: its title and address as far as the element tells them."""
    address = (attrs.get("src") or attrs.get("data") or attrs.get("cite") or attrs.get("data-href")
               or attrs.get("data-instgrm-permalink") or "")
    if not address and attrs.get("data-videoid") and tag == "amp-youtube":
        address = "https://www.youtube.com/watch?v=" + attrs["data-videoid"]
    if not address and attrs.get("data-tweetid"):
        address = "https://twitter.com/i/status/" + attrs["data-tweetid"]
    title = attrs.get("title", "").strip()
    kind = " ".join(sorted(_POST_CLASSES & set(attrs.get("class", "").split())))
    return " ".join(x for x in (title, address) if x) or (f'<{tag} class="{kind}">' if kind else f"<{tag}>")


def inline_icon(tag: str, attrs: dict, src: str) -> bool:
    """A picture that stands for a letter or a sign of the text, not a photo of the article."""
    if _ICON_CLASS.search(attrs.get("class", "")) or _ICON_PATH.search(urlsplit(src).path):
        return True
    if tag != "img":  # an <amp-img>'s width and height are often its proportions ("8" by "5"), not its size
        return False
    sizes = [attrs.get(k, "").strip().removesuffix("px") for k in ("width", "height")]
    given = [int(v) for v in sizes if v.isdigit()]
    return bool(given) and max(given) <= _ICON_SIZE


def icon_text(attrs: dict) -> str:
    """What a browser copies for an icon: its alt when that is a sign (an emoji), never a word ("icon")."""
    alt = attrs.get("alt", "").strip()
    return alt if alt and len(alt) <= 8 and not any(ch.isalnum() for ch in alt) else ""
