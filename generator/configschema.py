"""site.toml's schema: every setting as a frozen dataclass field, with its default.

What is read from the file is checked against these types (configtable.py) and
values (configcheck.py); config.load_config puts them together.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

CONFIG_NAME = "site.toml"
SHARE_FORMATS = (".jpg", ".jpeg", ".png")  # what every sharing service shows as a link's picture


# Folders the build writes itself: no page, alias or [urls] pattern may take them. "admin" (the web
# editor, generator/cms) even while site.toml has no [cms]: was, an alias, a page or [urls] "admin/"
# published a page at /admin/, where a visitor looks for the editor's login (and turning the editor
# on later found its folder taken).
OWN_FOLDERS = ("assets", "images", "files", "admin")


@dataclass(frozen=True)
class Urls:
    """Where each kind of page is written; `{slug}`, `{n}`, `{year}` are filled in."""
    article: str = "bai-viet/{slug}/"
    page: str = "{slug}/"
    home_page: str = "trang/{n}/"
    list_page: str = "trang/{n}/"  # appended to a term's own URL
    tags: str = "chu-de/"
    tag: str = "chu-de/{slug}/"
    provinces: str = "tinh/"
    province: str = "tinh/{slug}/"
    directives: str = "van-ban/"
    directive: str = "van-ban/{slug}/"
    units: str = "don-vi-2025/"            # the 34 province-level units from 1 July 2025
    unit: str = "don-vi-2025/{slug}/"
    years: str = "nam/"
    year: str = "nam/{year}/"
    search: str = "tim-kiem/"


@dataclass(frozen=True)
class Feeds:
    size: int = 20          # entries in the site feed
    term_size: int = 10     # entries in each province / directive / tag feed
    full_content: bool = True


@dataclass(frozen=True)
class Security:
    iframe_hosts: tuple[str, ...] = ("www.youtube.com", "www.youtube-nocookie.com")


CMS_BACKENDS = ("git-gateway", "github", "gitlab")
CMS_PUBLISH_MODES = ("simple", "editorial_workflow")


@dataclass(frozen=True)
class Cms:
    """The web editing interface (Decap CMS) at /admin/: on when site.toml has a [cms] table."""
    enabled: bool = True
    backend: str = "git-gateway"    # where the CMS commits on the published site (Netlify Identity + Git Gateway)
    repo: str = ""                  # "owner/name", for the github and gitlab backends
    branch: str = "main"
    publish_mode: str = "simple"    # or "editorial_workflow": drafts as pull requests (not with serve --cms)


@dataclass(frozen=True)
class Publisher:
    """The footer's publisher block (cơ quan chủ quản …); every line is optional."""
    organization: str = ""  # cơ quan chủ quản
    responsible: str = ""   # chịu trách nhiệm nội dung
    address: str = ""
    contact: str = ""       # phone, e-mail
    licence: str = ""       # giấy phép
    copyright: str = ""


@dataclass(frozen=True)
class Images:
    """Resized copies of the site's photos (generator/photos.py)."""
    widths: tuple[int, ...] = (240, 480, 720, 1080, 1440)
    quality: int = 75       # JPEG and WebP quality, 1-100 (75: cwebp's own default)


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Học tập và làm theo Bác"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    theme: str = "default"
    per_page: int = 12
    related_count: int = 5
    summary_length: int = 220
    markdown_engine: str = "cmark-gfm"
    content_dir: str = "content"
    data_dir: str = "content/data"
    images_dir: str = "content/images"
    templates_dir: str = "templates"
    themes_dir: str = "themes"
    output_dir: str = "output"
    logo: str = ""  # site path of an image in images_dir ("/images/logo.svg"); "" shows the title as text
    # The picture a page without a photo of its own is shared with (Facebook, Zalo, X): a JPEG or PNG
    # of images_dir, best 1200 x 630; "" takes the theme's (static/share.png).
    share_image: str = ""
    urls: Urls = field(default_factory=Urls)
    feeds: Feeds = field(default_factory=Feeds)
    security: Security = field(default_factory=Security)
    publisher: Publisher = field(default_factory=Publisher)
    images: Images = field(default_factory=Images)
    cms: Cms | None = None
    # Set from the command line, not site.toml.
    root: Path = field(default=Path("."), metadata={"cli": True})
    drafts: bool = field(default=False, metadata={"cli": True})
    future: bool = field(default=False, metadata={"cli": True})
    source_file: str = field(default=CONFIG_NAME, metadata={"cli": True})

    @property
    def base_path(self) -> str:
        """The path part of base_url, always with slashes at both ends: "/hoc-tap/"."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    def fingerprint(self) -> str:
        """Changes whenever any setting that can change output changes."""
        return hashlib.sha256(repr(dataclasses.asdict(self)).encode()).hexdigest()[:16]
