"""The site's photos as templates see them: image addresses, sizes and <picture> markup."""
from __future__ import annotations

import hashlib
import html
import re

from markupsafe import Markup

from .config import SiteConfig
from .images import by_src, with_sizes
from .photos import Photo


_BODY_IMG = re.compile(r'<img src="([^"]*)"([^>]*)>')
# A panorama in a text (4 times as wide as tall and more): fitted to a phone's column a 4000 x 300 photo
# was a 26 px strip. The theme shows it PANORAMA_HEIGHT tall, scrolling sideways in its own box (a keyboard
# reaches it), from its original file; one less tall than that would be enlarged, and stays fitted.
PANORAMA_RATIO = 4
PANORAMA_HEIGHT = 200  # CSS px: style.css, .panorama img
_PANORAMA = ' class="panorama" tabindex="0"'


class Gallery:
    """The site's images as templates see them (the global `photos`): the one place that knows
    image URLs, sizes and the <picture> markup. Its repr is a digest of all it knows, so pages
    that use it are rendered again when a photo changes (render.Templates.dependencies)."""

    def __init__(self, config: SiteConfig, photos: dict[str, Photo], sizes: dict[str, tuple[int, int]]):
        """photos and sizes by output path ("images/a.jpg"); sizes: of images that are not photos."""
        self.base_path = config.base_path
        self.base_url = config.base_url if config.base_url.endswith("/") else config.base_url + "/"
        self.photos = photos
        self.sizes = sizes
        self._based_sizes = {self.base_path + out: size for out, size in sizes.items()}
        self.token = hashlib.blake2b(repr((self.base_path, self.base_url, sorted(photos.items()),
                                           sorted(sizes.items()))).encode(), digest_size=12).hexdigest()

    def __repr__(self) -> str:
        return f"Gallery({self.token})"

    def url(self, src: str) -> str:
        """A front-matter image address as a link: site-root paths under the base path."""
        return self.base_path + src[1:] if src.startswith("/") and not src.startswith("//") else src

    def absolute(self, src: str) -> str:
        """The address with scheme and host (og:image, structured data)."""
        return self.base_url + src[1:] if src.startswith("/") and not src.startswith("//") else src

    def size(self, src: str) -> tuple[int, int] | None:
        out = src[1:] if src.startswith("/") else src
        photo = self.photos.get(out)
        return (photo.width, photo.height) if photo else self.sizes.get(out)

    def picture(self, src: str, alt: str = "", sizes: str = "100vw", lazy: bool = True, css: str = "",
                upto: int = 0) -> Markup:
        """An <img> of a front-matter image address, in a <picture> with its copies when it is a photo.

        upto: the most pixels the photo can need where it is shown (a thumbnail's width on a 3x
        screen): wider copies are left out of srcset (shorter pages)."""
        out = src[1:] if src.startswith("/") and not src.startswith("//") else None
        photo = self.photos.get(out) if out is not None else None
        if photo is not None and upto:
            cut = next((v.width for v in photo.variants if v.width >= upto), photo.variants[-1].width)
            photo = Photo(photo.width, photo.height, tuple(v for v in photo.variants if v.width <= cut))
        # not lazy: the page's largest paint (the lead story's, the article's photo), fetched before the rest
        loading = ' loading="lazy" decoding="async"' if lazy else ' fetchpriority="high" decoding="async"'
        cls = f' class="{css}"' if css else ""
        alt_attr = f' alt="{html.escape(alt)}"'
        if photo is None:
            size = self.sizes.get(out) if out is not None else None
            dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
            return Markup(f'<img{cls} src="{html.escape(self.url(src))}"{dims}{alt_attr}{loading}>')
        return Markup(self._picture(photo, sizes, f"{alt_attr}{loading}", cls))

    def body(self, text: str, sizes: str = "100vw", main: str = "") -> Markup:
        """Article or page HTML with its local photos in <picture>s and every known image sized;
        `main` (a front-matter address) is the article's own photo: not lazy (it is the LCP). Without
        one, a first photo after at most one paragraph is on the first screen: the LCP too."""
        if "<img" not in text:
            return Markup(text)
        main_url = self.url(main) if main else ""
        prefix = self.base_path
        first = _BODY_IMG.search(text)
        first_at = first.start() if first and not main and text.count("</p>", 0, first.start()) <= 1 else -1

        def swap(match: re.Match) -> str:
            src, rest = match[1], match[2]
            if (main_url and src == main_url) or match.start() == first_at:  # the largest paint, not to wait for
                rest = rest.replace(' loading="lazy"', ' fetchpriority="high"')
            if " width=" in rest or not src.startswith(prefix):
                return f'<img src="{src}"{rest}>'
            out = html.unescape(src[len(prefix):])
            photo = by_src(self.photos, out)
            if photo is None:
                return f'<img src="{src}"{rest}>'
            if photo.width >= PANORAMA_RATIO * photo.height and photo.height >= PANORAMA_HEIGHT:
                # the original: the widest copy (1440 x 108 of a 4000 x 300) would be enlarged to a blur
                return f'<picture{_PANORAMA}><img src="{src}" width="{photo.width}" height="{photo.height}"{rest}></picture>'
            return self._picture(photo, sizes, rest, "")

        return with_sizes(_BODY_IMG.sub(swap, text), self._based_sizes)

    def _picture(self, photo: Photo, sizes: str, attrs: str, cls: str) -> str:
        base = self.base_path
        webp = ", ".join(f"{html.escape(base + v.webp)} {v.width}w" for v in photo.variants)
        fallback = ", ".join(f"{html.escape(base + v.fallback)} {v.width}w" for v in photo.variants)
        # src for browsers without srcset: the copy closest to a phone's width
        src = min(photo.variants, key=lambda v: abs(v.width - 640)).fallback
        only_webp = all(v.webp == v.fallback for v in photo.variants)
        source = "" if only_webp else f'<source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        return (f'<picture{cls}>{source}<img src="{html.escape(base + src)}" srcset="{fallback}" sizes="{sizes}" '
                f'width="{photo.width}" height="{photo.height}"{attrs}></picture>')
